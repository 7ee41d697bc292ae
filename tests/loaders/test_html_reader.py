"""HTML pages: main text without boilerplate, metadata, and pages with no article."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import InputError
from graph.model import Article
from loaders.read import read_inputs
from loaders.webpage import html_article, html_fragment_text


def _read_html(tmp_path: Path, page: str, name: str = "page.html") -> Article | InputError:
    path = tmp_path / name
    path.write_text(page, "utf-8")
    [result] = read_inputs([str(path)])
    return result


def test_html_file_gives_main_text_without_navigation_or_footer(
    tmp_path: Path, article_html: str
) -> None:
    article = _read_html(tmp_path, article_html)
    assert isinstance(article, Article)
    assert "Orla Venn" in article.text
    assert "restrictions could last into April" in article.text
    assert "Sport" not in article.text
    assert "All rights reserved" not in article.text


def test_html_metadata_gives_title_date_outlet_and_canonical_url(
    tmp_path: Path, article_html: str
) -> None:
    article = _read_html(tmp_path, article_html)
    assert isinstance(article, Article)
    assert article.title == "Canal boats idle as water drops"
    assert article.published == "2024-03-05"
    assert article.outlet == "Lagoon Gazette"
    assert article.url == "https://lagoon-gazette.example/canal-boats"
    assert article.origin == str(tmp_path / "page.html")


def test_site_name_is_canonicalised_through_the_outlet_registry(article_html: str) -> None:
    page = article_html.replace('content="Lagoon Gazette"', 'content="NYT"')
    assert html_article(page, origin="p.html").outlet == "The New York Times"


def test_outlet_falls_back_to_the_domain_of_the_canonical_url(article_html: str) -> None:
    page = article_html.replace('<meta property="og:site_name" content="Lagoon Gazette">', "")
    page = page.replace("https://lagoon-gazette.example/", "https://www.theguardian.com/world/")
    page = page.replace(" - Lagoon Gazette", "")
    assert html_article(page, origin="p.html").outlet == "The Guardian"


def test_same_page_read_twice_has_the_same_id(tmp_path: Path, article_html: str) -> None:
    first = _read_html(tmp_path, article_html, "a.html")
    second = _read_html(tmp_path, article_html, "b.htm")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == second.id


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><body></body></html>",
        "<html><body><script>var x = 1;</script></body></html>",
    ],
)
def test_html_with_no_article_body_is_an_input_error(tmp_path: Path, page: str) -> None:
    error = _read_html(tmp_path, page)
    assert isinstance(error, InputError)
    assert error.reason == "no article text found in the HTML page"
    assert error.where == str(tmp_path / "page.html")


def test_html_file_without_suffix_is_recognised_by_content(
    tmp_path: Path, article_html: str
) -> None:
    article = _read_html(tmp_path, article_html, "saved-page")
    assert isinstance(article, Article)
    assert article.title == "Canal boats idle as water drops"


def test_html_declaring_another_charset_is_decoded_with_it(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Caf\xe9 closes</title></head><body>'
        "<article><p>The owner of the caf\xe9 on the quay said on Monday that she would close it "
        "for the winter because the ferries had stopped running to the island.</p>"
        "<p>Regulars said they would miss the soup.</p></article></body></html>"
    )
    path = tmp_path / "latin.html"
    path.write_bytes(page.encode("iso-8859-1"))
    [article] = read_inputs([str(path)])
    assert isinstance(article, Article)
    assert "café on the quay" in article.text


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>One.</p><p>Two &amp; three.</p>", "One.\nTwo & three."),
        ("Line<br>break", "Line\nbreak"),
        ("<div>kept</div><script>dropped()</script>", "kept"),
        ("plain &quot;quoted&quot;", 'plain "quoted"'),
    ],
)
def test_html_fragment_text_keeps_paragraphs_and_drops_markup(fragment: str, text: str) -> None:
    assert html_fragment_text(fragment) == text
