"""Constrained Viterbi decoding of one BIO layer into character spans.

The tagger scores each word piece with log-probabilities of ``O``, ``B`` and
``I``; decoding runs over word-initial pieces only (a word is never cut) and
never lets ``I`` follow ``O`` or start the text.

>>> import numpy as np
>>> lp = np.log(np.array([[.9, .05, .05], [.2, .1, .7], [.1, .8, .1], [.1, .1, .8]]))
>>> role_spans(lp, [(0, 3), (4, 8), (9, 12), (13, 16)])
[(9, 16)]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

OUT, BEGIN, INSIDE = 0, 1, 2
NEG = -1e9
_PREV_OF = {
    OUT: (OUT, BEGIN, INSIDE),
    BEGIN: (OUT, BEGIN, INSIDE),
    INSIDE: (BEGIN, INSIDE),
}  # tag -> the tags allowed before it


def viterbi(logp: np.ndarray) -> list[int]:
    """The best valid BIO tag sequence for ``logp`` (n x 3 log-probabilities)."""
    n = len(logp)
    if n == 0:
        return []
    rows = logp.tolist()
    score = [rows[0][OUT], rows[0][BEGIN], NEG]
    back: list[tuple[int, int, int]] = []
    for row in rows[1:]:
        new = [0.0, 0.0, 0.0]
        ptr = [0, 0, 0]
        for tag in (OUT, BEGIN, INSIDE):
            prev = max(_PREV_OF[tag], key=score.__getitem__)
            new[tag] = score[prev] + row[tag]
            ptr[tag] = prev
        back.append((ptr[0], ptr[1], ptr[2]))
        score = new
    tag = max((OUT, BEGIN, INSIDE), key=score.__getitem__)
    path = [tag]
    for step in reversed(back):
        tag = step[tag]
        path.append(tag)
    path.reverse()
    return path


def word_starts(offsets: Sequence[tuple[int, int]], continues: Sequence[bool] | None) -> list[int]:
    """Indices of the pieces that begin a word (``continues[i]``: piece i is a ``##`` piece)."""
    if continues is None:
        return list(range(len(offsets)))
    return [i for i in range(len(offsets)) if not continues[i]]


def role_spans(
    logp: np.ndarray,
    offsets: Sequence[tuple[int, int]],
    continues: Sequence[bool] | None = None,
) -> list[tuple[int, int]]:
    """Character spans decoded from one role's piece log-probabilities."""
    starts = word_starts(offsets, continues)
    if not starts:
        return []
    path = viterbi(logp[starts])
    ends = [*starts[1:], len(offsets)]  # word k covers pieces starts[k] .. ends[k]-1
    spans: list[tuple[int, int]] = []
    cur: list[int] | None = None
    for k, tag in enumerate(path):
        if tag == BEGIN or (tag == INSIDE and cur is None):
            if cur is not None:
                spans.append((cur[0], cur[1]))
            cur = [offsets[starts[k]][0], offsets[ends[k] - 1][1]]
        elif tag == INSIDE and cur is not None:
            cur[1] = offsets[ends[k] - 1][1]
        else:
            if cur is not None:
                spans.append((cur[0], cur[1]))
            cur = None
    if cur is not None:
        spans.append((cur[0], cur[1]))
    return spans
