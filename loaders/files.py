"""Read input files as UTF-8 text, turning every way they can be bad into an InputError.

>>> decode_text(b"Officials said it rained.", "a.txt")
'Officials said it rained.'
>>> decode_text(b"caf\\xe9 au lait", "b.txt")
Traceback (most recent call last):
...
graph.errors.InputError: b.txt: not valid UTF-8 (byte offset 3: 0xe9, line 1)
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from graph.errors import InputError

MAX_BYTES_ENV = "SOURCETRACE_MAX_INPUT_BYTES"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Leading bytes of binary formats people are likely to feed us by mistake.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.epub)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


def default_max_bytes() -> int:
    """The size cap: ``$SOURCETRACE_MAX_INPUT_BYTES`` or 20 MiB.

    >>> default_max_bytes() > 0
    True
    """
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    try:
        value = int(raw)
    except ValueError as e:
        raise InputError(MAX_BYTES_ENV, f"not a whole number of bytes: {raw!r}") from e
    if value <= 0:
        raise InputError(MAX_BYTES_ENV, f"must be positive, got {value}")
    return value


def read_bytes(path: Path, where: str, max_bytes: int) -> bytes:
    """The bytes of ``path``; missing, unreadable, too-big or not regular files raise InputError.

    A FIFO, device or socket is refused from its ``stat`` alone, and the file is
    opened non-blocking, so nothing here waits for a writer that never comes.
    """
    try:
        _check_regular(os.stat(path), where)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as f:
            info = os.fstat(f.fileno())
            _check_regular(info, where)  # replaced by something else since the stat
            if info.st_size > max_bytes:
                raise InputError(
                    where, f"file too big ({info.st_size} bytes; the limit is {max_bytes})"
                )
            data = f.read(max_bytes + 1)
    except FileNotFoundError as e:
        raise InputError(where, "no such file or directory") from e
    except IsADirectoryError as e:
        raise InputError(where, "is a directory") from e
    except OSError as e:
        raise InputError(where, f"cannot read file: {e.strerror or e}") from e
    if len(data) > max_bytes:  # grew while we read it
        raise InputError(where, f"file too big (over the limit of {max_bytes} bytes)")
    return data


_SPECIAL = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _check_regular(info: os.stat_result, where: str) -> None:
    if stat.S_ISREG(info.st_mode):
        return
    what = next((why for test, why in _SPECIAL if test(info.st_mode)), "a special file")
    if what == "is a directory":
        raise InputError(where, what)
    raise InputError(where, f"not a regular file ({what}); only regular files are read")


def check_not_binary(data: bytes, where: str, kind: str = "file") -> None:
    """Raise InputError for data that is plainly not text (known magic, NUL bytes).

    >>> check_not_binary(b"%PDF-1.7 ...", "r.pdf")
    Traceback (most recent call last):
    ...
    graph.errors.InputError: r.pdf: binary file (looks like a PDF document), not text
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(where, f"binary {kind} (looks like {what}), not text")
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(where, f"binary {kind} (NUL byte at offset {nul}, line {line}), not text")


def decode_text(data: bytes, where: str, encoding: str = "utf-8") -> str:
    """``data`` decoded exactly (no newline or whitespace changes), or InputError.

    Invalid bytes are reported with their offset so the user can find them.
    """
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        bad = data[e.start : e.start + 1].hex()
        line = data.count(b"\n", 0, e.start) + 1
        name = _encoding_name(encoding)
        raise InputError(
            where, f"not valid {name} (byte offset {e.start}: 0x{bad}, line {line})"
        ) from e
    except LookupError as e:
        raise InputError(where, f"unknown text encoding {encoding!r}") from e


def _encoding_name(encoding: str) -> str:
    return "UTF-8" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding


def text_of(data: bytes, where: str, encoding: str = "utf-8", kind: str = "file") -> str:
    """Bytes of a text input checked and decoded: not binary, valid, not blank.

    >>> text_of(b"  \\n", "blank.txt")
    Traceback (most recent call last):
    ...
    graph.errors.InputError: blank.txt: empty file (no text)
    """
    if not data:
        raise InputError(where, f"empty {kind} (0 bytes)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and encoding.lower() in ("utf-8", "utf8"):
        raise InputError(where, "UTF-16 text (byte-order mark at offset 0); convert it to UTF-8")
    check_not_binary(data, where, kind)
    text = decode_text(data, where, encoding)
    if not text.strip(" \t\r\n\f\v\ufeff"):
        raise InputError(where, f"empty {kind} (no text)")
    return text
