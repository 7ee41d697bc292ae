"""The one rendering rule for text that comes from articles (or from the URL): it is shown
as text, never parsed as HTML or Markdown.

Streamlit parses everything it shows through ``st.markdown`` -- also with
``unsafe_allow_html=True``, also captions, alerts and widget labels -- as
Markdown, so escaping HTML alone is not enough: ``![x](http://host/pixel.png)``
in a quote would still become an image the browser fetches. So:

- :func:`escape` turns text into HTML in which every ASCII punctuation
  character is a numeric character reference (``&#33;`` for ``!``): no HTML tag
  and no Markdown syntax (images, links, emphasis, code, math, directives,
  autolinks) can be formed, and line breaks of every kind (``\\r\\n``, ``\\r``,
  ``\\n``) become ``<br>`` or a space, so the text never starts a new Markdown line;
- :func:`html` shows markup built from escaped text as one HTML block on one
  line (Markdown leaves an HTML block as it is, up to a blank line there can
  no longer be);
- :func:`caption`, :func:`heading` and :func:`label` are the Streamlit calls
  that take such text; :func:`alert` (``st.error`` and its kin, whose body is
  Markdown) puts it in a code span (:func:`code_span`), which Markdown shows
  literally; ``st.text``, ``st.code`` and ``st.dataframe`` show plain text
  already and need nothing.

>>> escape("![x](http://h/p.png) <b>")
'&#33;&#91;x&#93;&#40;http&#58;&#47;&#47;h&#47;p&#46;png&#41; &#60;b&#62;'
>>> escape("one\\r\\rtwo", breaks=True)
'one<br><br>two'
"""

from __future__ import annotations

import re
import string
from typing import Final

import streamlit as st

# Every ASCII punctuation character as a numeric character reference.
_ENTITIES: Final = {ord(c): f"&#{ord(c)};" for c in string.punctuation}
_LINE_BREAK: Final = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")
ALERT_KINDS: Final = ("error", "warning", "info", "success")
CSS: Final = """<style>
.st-untrusted-caption { font-size: 0.875rem; color: rgba(49, 51, 63, 0.6); margin-bottom: .5rem; }
</style>"""


def escape(text: object, *, breaks: bool = False) -> str:
    """``text`` as HTML text with no HTML or Markdown syntax left in it.

    Line breaks become ``<br>`` when ``breaks``, else a space.

    >>> escape("*a* `b` $c$ :red[d] www.example.org")
    '&#42;a&#42; &#96;b&#96; &#36;c&#36; &#58;red&#91;d&#93; www&#46;example&#46;org'
    >>> escape("a\\nb")
    'a b'
    """
    out = str(text).translate(_ENTITIES)
    return _LINE_BREAK.sub("<br>" if breaks else " ", out)


def html(markup: str) -> None:
    """Show ``markup`` (built with :func:`escape` for every untrusted part) as one HTML
    block: wrapped in a ``<div>`` and put on one line, so no part of it is read as Markdown."""
    one_line = _LINE_BREAK.sub(" ", markup)
    st.markdown(f"<div>{one_line}</div>", unsafe_allow_html=True)


def caption(text: object) -> None:
    """``st.caption`` for untrusted text."""
    html(CSS + f'<div class="st-untrusted-caption">{escape(text)}</div>')


def code_span(text: object) -> str:
    """``text`` as one Markdown code span, shown literally: line breaks become spaces (so
    the span cannot be cut by a blank line) and the fence is longer than any run of
    backticks in the text.

    >>> code_span("a `b` ![x](y)")
    '`` a `b` ![x](y) ``'
    """
    flat = _LINE_BREAK.sub(" ", str(text))
    fence = "`" * (max((len(r) for r in re.findall(r"`+", flat)), default=0) + 1)
    return f"{fence} {flat} {fence}"


def alert(kind: str, text: object) -> None:
    """``st.error`` (or ``warning``, ``info``, ``success``) holding untrusted text: their
    body is Markdown, so the text goes in as a code span."""
    if kind not in ALERT_KINDS:
        raise ValueError(f"unknown alert kind {kind!r}")
    getattr(st, kind)(code_span(text))


def heading(text: object, level: int = 3) -> str:
    """An HTML heading for untrusted text (to show with :func:`html`).

    >>> heading("Dam <b>safe</b>")
    '<h3>Dam &#60;b&#62;safe&#60;&#47;b&#62;</h3>'
    """
    return f"<h{level}>{escape(text)}</h{level}>"


def label(text: object) -> str:
    """Untrusted text for a widget label (expander, button), which Streamlit reads as a
    Markdown subset: the same escaping, on one line.

    >>> label("![x](y)")
    '&#33;&#91;x&#93;&#40;y&#41;'
    """
    return escape(text)


__all__ = [
    "ALERT_KINDS",
    "CSS",
    "alert",
    "caption",
    "code_span",
    "escape",
    "heading",
    "html",
    "label",
]
