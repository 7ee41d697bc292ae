"""Attribution extraction: spaCy pipeline plus rules -> :class:`graph.model.Attribution`.

spaCy ``Doc`` objects never leave this package; only our dataclasses do.
"""

from loaders.nlp.models import load_model
from loaders.nlp.pipeline import Extractor

__all__ = ["Extractor", "load_model"]
