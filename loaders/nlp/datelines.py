"""A pipeline component that ends the dateline before the story starts.

"PORT VERITY (The Harbor Ledger) - Mayor Ana Ruiz said ..." parses with the
dateline glued to the subject; marking a sentence start after the dash makes
the parser keep them apart, so the mayor, not the dateline, is the source.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from loaders.dateline import dateline_end

NAME = "sourcetrace_dateline"


@Language.component(NAME)
def mark_dateline(doc: Doc) -> Doc:
    """Set a sentence start on the first token after a wire dateline, if any."""
    end = dateline_end(doc.text)
    if end is not None:
        for token in doc:
            if token.idx >= end:
                if token.i > 0:
                    token.is_sent_start = True
                break
    return doc
