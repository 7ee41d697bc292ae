"""A search field that reports what is typed as it is typed (debounced), for search-as-you-type.

``st.text_input`` only reports on Enter or blur; this small Streamlit v2
component sends its value 250 ms after the last keystroke. Everything is
inline (no files fetched); the value reaches the page as an input's value,
never as HTML.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import streamlit as st

NAME = "sourcetrace_search_box"

_HTML = '<input class="stsb-input" type="search" autocomplete="off" spellcheck="false">'
_CSS = """
.stsb-input { width: 100%; box-sizing: border-box; font: inherit; font-size: 15px;
  padding: 8px 10px; border: 1px solid #c8c8c8; border-radius: 6px; background: #fff; }
.stsb-input:focus { outline: 2px solid #4e79a7; border-color: #4e79a7; }
"""
_JS = """
export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const input = parentElement.querySelector("input");
  input.placeholder = data.placeholder || "";
  input.setAttribute("aria-label", data.placeholder || "search");
  if (!input.dataset.bound) {
    input.dataset.bound = "1";
    input.value = data.value || "";
    let timer = null;
    const send = () => setStateValue("value", input.value);
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(send, 250);
    });
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        clearTimeout(timer);
        send();
      }
    });
  }
}
"""


@cache
def _mount() -> Any:
    return st.components.v2.component(NAME, html=_HTML, css=_CSS, js=_JS)


def _ignore() -> None:
    """The value is read from the return value; the callback only declares it."""


def search_box(*, key: str, value: str = "", placeholder: str = "") -> str:
    """Draw the field (first showing ``value``) and return what it holds now."""
    result = _mount()(
        key=key,
        data={"value": value, "placeholder": placeholder},
        default={"value": value},
        on_value_change=_ignore,
    )
    current = getattr(result, "value", value) if result is not None else value
    return current if isinstance(current, str) else value
