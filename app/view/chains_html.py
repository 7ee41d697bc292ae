"""HTML for chains of attribution, left to right: article -> intermediaries -> origin.

>>> html_ = chain_html(["Harbor <Ledger>", "Lena Ortiz"], ["outlet", "person"])
>>> print(html_.replace("><", ">\\n<"))
<div class="st-chain">
<span class="st-hop st-hop-outlet">Harbor &#60;Ledger&#62;</span>
<span class="st-arrow">→</span>
<span class="st-hop st-hop-person">Lena Ortiz</span>
</div>
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from app.view.untrusted import escape

CSS: Final = """
<style>
.st-chain { display: flex; flex-wrap: wrap; align-items: center; gap: .35em; margin: .2em 0; }
.st-hop { padding: .15em .55em; border-radius: 1em; background: #eef2f7;
  border: 1px solid #c9d3e0; }
.st-hop-article { background: #dce6f2; }
.st-hop-outlet { background: #fde0c2; border-color: #f2b47a; }
.st-hop-person, .st-hop-organization { background: #cfe8c6; border-color: #8cc47e; }
.st-hop-anonymous, .st-hop-unspecified { background: #e6e6e6; border-color: #b5b5b5; }
.st-arrow { color: #777; }
.st-independence { font-size: 1.6em; font-weight: 600; margin: .2em 0 .6em; }
</style>
"""


def _kind(kind: str) -> str:
    return re.sub(r"[^a-z]+", "", kind.lower()) or "unknown"


def chain_html(names: Sequence[str], kinds: Sequence[str]) -> str:
    """Names as pills joined by arrows; ``kinds`` (article, outlet, person, ...) colour them."""
    pills = [
        f'<span class="st-hop st-hop-{_kind(k)}">{escape(n)}</span>'
        for n, k in zip(names, kinds, strict=True)
    ]
    return '<div class="st-chain">' + '<span class="st-arrow">→</span>'.join(pills) + "</div>"


def independence_html(outlets: int, origins: int) -> str:
    """The headline count: ``"5 outlets → 1 origin"``.

    >>> independence_html(5, 1)
    '<div class="st-independence">5 outlets → 1 origin</div>'
    """
    o = "outlet" if outlets == 1 else "outlets"
    r = "origin" if origins == 1 else "origins"
    return f'<div class="st-independence">{outlets} {o} → {origins} {r}</div>'
