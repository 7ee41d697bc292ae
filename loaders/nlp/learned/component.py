"""The tagger as a spaCy pipeline component, so ``--processes N`` workers run it too.

With ``nlp.pipe(n_process=N)`` each worker runs the whole pipeline and sends
the ``Doc`` back with its ``user_data``: the tagger's spans travel with it, and
the parent process only links and decodes.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from loaders.nlp.learned.tagger import load_tagger

NAME = "sourcetrace_tagger"
KEY = "sourcetrace_tagger_spans"


@Language.component(NAME)
def tag_doc(doc: Doc) -> Doc:
    """Store the tagger's spans of ``doc`` in ``doc.user_data``."""
    doc.user_data[KEY] = load_tagger().tag(doc.text, doc).spans
    return doc


def tagged_spans(doc: Doc) -> dict[str, list[tuple[int, int]]]:
    """The tagger's spans of ``doc``: stored by the component, else computed now."""
    stored = doc.user_data.get(KEY)
    if stored is None:
        return load_tagger().tag(doc.text, doc).spans
    return {role: [(int(s), int(e)) for s, e in spans] for role, spans in stored.items()}
