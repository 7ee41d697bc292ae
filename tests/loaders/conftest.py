"""An invented article page for the reader tests (the HTTP server is in tests/conftest.py)."""

from __future__ import annotations

import pytest

ARTICLE_HTML = """<!doctype html><html><head>
<title>Canal boats idle as water drops - Lagoon Gazette</title>
<meta property="og:site_name" content="Lagoon Gazette">
<meta property="og:title" content="Canal boats idle as water drops">
<link rel="canonical" href="https://lagoon-gazette.example/canal-boats">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Canal boats idle as water drops</h1>
<p>Boat owners in the old harbour said on Tuesday that the canals had fallen so low that
the larger barges could no longer pass under the northern bridges.</p>
<p>"We have never seen it this shallow in March," said Orla Venn, who runs a ferry between
the market and the island, adding that she had cancelled every afternoon crossing.</p>
<p>The water authority said in a statement that it expected levels to recover after the
rain forecast for the weekend, but warned that restrictions could last into April.</p>
</article>
<footer>Copyright Lagoon Gazette. All rights reserved.</footer>
</body></html>
"""


@pytest.fixture
def article_html() -> str:
    """A small invented news page with metadata and boilerplate around the body."""
    return ARTICLE_HTML
