"""Add articles: pasted text, uploaded files, URLs or feeds, read, analysed and stored.

Reading goes through :func:`loaders.read.read_inputs` (one error per bad
input, the others go on), attributions through :class:`loaders.nlp.Extractor`,
storage through :func:`loaders.ingest.ingest`, the one ingestion path (the CLI's too).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path
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


def _read(inputs: list[str]) -> Iterable[Article | InputError]:
    from loaders.read import read_inputs

    return read_inputs(inputs)


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
    with tempfile.TemporaryDirectory(prefix="sourcetrace-upload-") as tmp:
        for upload in uploads or ():
            path = Path(tmp) / Path(upload.name).name
            path.write_bytes(upload.getvalue())
            inputs.append(str(path))
        if inputs:
            with st.spinner(f"Reading {len(inputs)} input(s)…"):
                for item in _read(inputs):
                    if isinstance(item, InputError):
                        errors.append(str(item).replace(tmp + "/", ""))
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

    tally = ingest(session.store(), articles, extractor=_extractor(), on_progress=_progress)
    session.forget_graph()
    if tally.failure:
        untrusted.alert("error", f"Stopped: {tally.failure}")
    s = tally.status
    st.success(
        f"{s['added']} added, {s['replaced']} replaced, {s['unchanged']} unchanged; "
        f"{tally.attributions} attribution(s) found."
    )
    st.page_link("app_pages/overview.py", label="See the overview")
