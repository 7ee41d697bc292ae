"""Dispatch inputs (paths, directories, URLs, feeds) to the right reader.

``read_inputs`` yields an :class:`~graph.model.Article` for every article it
can read and an :class:`~graph.errors.InputError` for every input (or line)
it cannot, so one bad input never stops the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from graph.errors import InputError
from graph.model import Article

MAX_BYTES = 20 * 1024 * 1024


def read_inputs(inputs: Iterable[str]) -> Iterator[Article | InputError]:
    """Read every input; plain-text files only in this first version."""
    for item in inputs:
        path = Path(item)
        try:
            data = path.read_bytes()
        except OSError as e:
            yield InputError(item, f"cannot read file: {e.strerror or e}")
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            yield InputError(item, f"not valid UTF-8 (byte {e.start})")
            continue
        yield Article.create(text=text, origin=item)
