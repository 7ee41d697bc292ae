"""One exception hierarchy for sourcetrace (see STYLE.md habit 4)."""

from __future__ import annotations


class SourcetraceError(Exception):
    """Base class of every error sourcetrace raises on purpose."""


class InputError(SourcetraceError):
    """An input (file, line, URL, feed) could not be read as an article.

    ``where`` names the file, ``file:line`` or URL at fault.
    """

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class ModelError(SourcetraceError):
    """The requested spaCy model is not installed or cannot be loaded."""


class StoreError(SourcetraceError):
    """A graph store could not be opened, read or written."""


class StoreUnavailableError(StoreError):
    """The store's server is unreachable or refused the credentials."""


class NotFoundError(SourcetraceError):
    """A node (article, claim, source, ...) asked for by id or text does not exist."""
