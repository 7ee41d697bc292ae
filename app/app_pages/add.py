"""Add articles: pasted text, uploaded files, URLs or feeds, read, analysed and stored.

Reading goes through :func:`loaders.read.read_inputs` (one error per bad
input, the others go on), attributions through :class:`loaders.nlp.Extractor`,
storage through :func:`loaders.ingest.ingest`, the one ingestion path (the CLI's too),
where an article whose extraction fails is shown and the others are stored.

The page reads only what the user gives it: pasted text, the bytes of
uploaded files (never a path on the server), and http(s) URLs, which reach
public addresses only unless ``$SOURCETRACE_ALLOW_PRIVATE_URLS=1`` says this
is a trusted local deployment.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import streamlit as st

from app.view import session, untrusted
from graph.errors import InputError
from graph.model import Article
from loaders.ingest import Tally, ingest


@st.cache_resource(show_spinner="Loading the language model…")
def _extractor() -> Any:
    from loaders.nlp import Extractor

    return Extractor()


def _read(links: list[str], uploads: Iterable[Any]) -> Iterable[Article | InputError]:
    """The uploads' articles, then the URLs' (no local paths, no private addresses)."""
    from loaders.read import ReadOptions, read_inputs, read_upload

    try:
        options = ReadOptions(allow_paths=False)
    except InputError as e:  # a bad $SOURCETRACE_ALLOW_PRIVATE_URLS or size cap
        yield e
        return
    for upload in uploads:
        yield from read_upload(upload.name, upload.getvalue(), options)
    yield from read_inputs(links, options)


st.title("Add articles")
st.caption("Articles already stored with the same content are left unchanged.")

with st.form("add-articles"):
    st.subheader("Paste an article")
    title = st.text_input("Title (optional)")
    outlet = st.text_input("Outlet (optional)")
    url = st.text_input("Its URL (optional, used as its identity)")
    published = st.text_input("Published (optional, YYYY-MM-DD)")
    text = st.text_area("Text", height=180)
    st.subheader("…or upload files")
    uploads = st.file_uploader(
        "Text, HTML, JSON Lines or CSV files",
        accept_multiple_files=True,
        type=["txt", "html", "htm", "jsonl", "json", "csv", "xml", "rss"],
    )
    st.subheader("…or give URLs and feeds")
    links = st.text_area("One URL or feed per line", height=80)
    submitted = st.form_submit_button("Add", type="primary")

if submitted:
    articles: list[Article] = []
    errors: list[str] = []
    if text.strip():
        articles.append(
            Article.create(
                text=text.strip(),
                title=title.strip() or None,
                outlet=outlet.strip() or None,
                url=url.strip() or None,
                published=published.strip() or None,
                origin="(pasted text)",
            )
        )
    inputs = [line.strip() for line in links.splitlines() if line.strip()]
    if inputs or uploads:
        with st.spinner(f"Reading {len(inputs) + len(uploads or ())} input(s)…"):
            for item in _read(inputs, uploads or ()):
                if isinstance(item, InputError):
                    errors.append(str(item))
                else:
                    articles.append(item)
    for message in errors:
        untrusted.alert("error", message)
    if not articles:
        if not errors:
            st.warning("Nothing to add: paste a text, upload a file or give a URL.")
        st.stop()
    progress = st.progress(0.0, text=f"Analysing {len(articles)} article(s)…")

    def _progress(tally: Tally) -> None:
        done = min(tally.articles, len(articles))
        progress.progress(done / len(articles), text=f"{done}/{len(articles)} stored")

    tally = ingest(
        session.store(),
        articles,
        extractor=_extractor(),
        on_error=lambda e: untrusted.alert("error", e),
        on_progress=_progress,
    )
    session.forget_graph()
    if tally.failure:
        untrusted.alert("error", f"Stopped: {tally.failure}")
    s = tally.status
    st.success(
        f"{s['added']} added, {s['replaced']} replaced, {s['unchanged']} unchanged; "
        f"{tally.attributions} attribution(s) found."
    )
    st.page_link("app_pages/overview.py", label="See the overview")
