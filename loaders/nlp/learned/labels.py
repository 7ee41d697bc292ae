"""The tagger's label layers: one BIO layer per role, in this order."""

ROLES = ("source", "cue", "content")
TAGS = ("O", "B", "I")
