"""The sourcetrace explorer: ``streamlit run app/streamlit_app.py`` (or ``sourcetrace app``).

One module per page under ``app/app_pages`` (not ``pages/``: a ``pages`` folder
beside the entry point would switch Streamlit to its older directory-based
navigation); the store is named by the environment (``SOURCETRACE_STORE`` or
``NEO4J_URI``), see :mod:`app.view.session`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st
from PIL import Image, ImageDraw

# `streamlit run app/streamlit_app.py` puts app/ on sys.path, not the checkout root.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _favicon() -> Image.Image:
    """A small drawn icon: Material-icon or emoji favicons are fetched from the internet."""
    image = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.line([(8, 24), (16, 8), (24, 24)], fill=(78, 121, 167, 255), width=3)
    for x, y, colour in ((8, 24, (242, 142, 43)), (16, 8, (89, 161, 79)), (24, 24, (225, 87, 89))):
        draw.ellipse([x - 5, y - 5, x + 5, y + 5], fill=(*colour, 255))
    return image


st.set_page_config(page_title="sourcetrace", page_icon=_favicon(), layout="wide")

navigation = st.navigation(
    [
        st.Page("app_pages/overview.py", title="Overview", default=True),
        st.Page("app_pages/explore.py", title="Explore"),
        st.Page("app_pages/trace.py", title="Trace a claim"),
        st.Page("app_pages/reports.py", title="Single-source & circular"),
        st.Page("app_pages/article.py", title="Read an article"),
        st.Page("app_pages/add.py", title="Add articles"),
    ]
)
navigation.run()
