"""Cut a long token sequence into overlapping model windows, and put the pieces back.

One owner for the windowing, used by the run-time tagger and by ``training/``:

>>> ws = windows(10, size=4, stride=3)
>>> [(w.start, w.end) for w in ws]
[(0, 4), (3, 7), (6, 10)]
>>> [(w.keep_start, w.keep_end) for w in ws]
[(0, 3), (3, 6), (6, 10)]
"""

from __future__ import annotations

from dataclasses import dataclass

SIZE = 254  # word pieces per window, plus [CLS] and [SEP] = 256
STRIDE = 192


@dataclass(frozen=True, slots=True)
class Window:
    """Pieces ``[start, end)`` go through the model; ``[keep_start, keep_end)`` are kept.

    Each piece is kept from exactly one window, the one where it sits furthest
    from an edge (the overlap is split in the middle).
    """

    start: int
    end: int
    keep_start: int
    keep_end: int


def windows(n: int, size: int = SIZE, stride: int = STRIDE) -> list[Window]:
    """Windows over ``n`` pieces: every piece is in at least one and kept from exactly one."""
    if n <= size:
        return [Window(0, n, 0, n)]
    starts = [*range(0, n - size, stride), n - size]
    out: list[Window] = []
    for k, s in enumerate(starts):
        e = s + size
        keep_s = 0 if k == 0 else (s + starts[k - 1] + size) // 2
        keep_e = n if k == len(starts) - 1 else (starts[k + 1] + e) // 2
        out.append(Window(s, e, keep_s, keep_e))
    return out
