"""JSON Lines, JSON and CSV records: the field mapping, line numbers and bad records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.model import Article
from loaders.read import read_inputs
from loaders.records import FIELDS, record_article


def _read(path: Path) -> list[Article | InputError]:
    return list(read_inputs([str(path)]))


def _describe(result: list[Article | InputError]) -> list[str]:
    return [x.where if isinstance(x, InputError) else f"{x.origin} {x.text}" for x in result]


def test_jsonl_reads_every_field(tmp_path: Path) -> None:
    record = {
        "id": "lg-1",
        "url": "https://lagoon-gazette.example/1",
        "outlet": "Lagoon Gazette",
        "title": "Tide high",
        "published": "2024-03-05",
        "text": "Harbour staff said the tide was high.",
    }
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps(record) + "\n", "utf-8")
    [article] = _read(path)
    assert article == Article(
        id="lg-1",
        text="Harbour staff said the tide was high.",
        url="https://lagoon-gazette.example/1",
        outlet="Lagoon Gazette",
        title="Tide high",
        published="2024-03-05",
        origin=f"{path}:1",
    )


@pytest.mark.parametrize(
    ("record", "attr", "value"),
    [
        ({"body": "B said so."}, "text", "B said so."),
        ({"content": "C said so."}, "text", "C said so."),
        ({"maintext": "M said so."}, "text", "M said so."),
        ({"Text": "Upper-case key said so."}, "text", "Upper-case key said so."),
        ({"text": "x said.", "link": "https://a.example/1"}, "url", "https://a.example/1"),
        ({"text": "x said.", "headline": "Head"}, "title", "Head"),
        ({"text": "x said.", "date": "2023-11-02"}, "published", "2023-11-02"),
        ({"text": "x said.", "publishedAt": "2023-11-02T08:00Z"}, "published", "2023-11-02T08:00Z"),
        ({"text": "x said.", "timestamp": 0}, "published", "1970-01-01T00:00:00+00:00"),
        ({"text": "x said.", "source": "AP"}, "outlet", "Associated Press"),
        (
            {"text": "x said.", "source": {"id": None, "name": "WaPo"}},
            "outlet",
            "The Washington Post",
        ),
        ({"text": "x said.", "publisher": "Lagoon Gazette"}, "outlet", "Lagoon Gazette"),
        ({"text": "x said.", "domain": "www.ft.com"}, "outlet", "Financial Times"),
        ({"text": "x said.", "url": "https://edition.cnn.com/a"}, "outlet", "CNN"),
        ({"text": "BERLIN (dpa) - x said."}, "outlet", "Deutsche Presse-Agentur"),
        ({"text": "x said.", "guid": 42}, "id", "42"),
        ({"content": {"rendered": "WP said."}, "title": {"rendered": "WP"}}, "text", "WP said."),
        ({"text": "x said.", "source": {"id": "no-name"}}, "outlet", None),
    ],
)
def test_record_field_alternatives_are_accepted(record: dict, attr: str, value: str | None) -> None:
    article = record_article(record, origin="r.jsonl:1")
    assert getattr(article, attr) == value


def test_text_field_wins_over_later_alternatives() -> None:
    article = record_article({"content": "second", "text": "first"}, origin="r:1")
    assert article.text == "first"


def test_record_text_is_not_stripped() -> None:
    article = record_article({"text": "  Indented said.\n"}, origin="r:1")
    assert article.text == "  Indented said.\n"


def test_every_documented_text_field_is_read() -> None:
    for name in FIELDS["text"]:
        assert record_article({name: "It said."}, origin="r:1").text == "It said."


def test_malformed_jsonl_lines_are_errors_and_other_lines_still_read(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(
        '{"text": "One said."}\n'
        "{not json\n"
        "\n"
        '{"title": "no text here"}\n'
        '["a", "list"]\n'
        '{"text": "Five said."}\n',
        "utf-8",
    )
    result = _read(path)
    assert _describe(result) == [
        f"{path}:1 One said.",
        f"{path}:2",
        f"{path}:4",
        f"{path}:5",
        f"{path}:6 Five said.",
    ]
    assert "not valid JSON" in result[1].reason  # type: ignore[union-attr]
    assert "record has no text" in result[2].reason  # type: ignore[union-attr]
    assert "not an object" in result[3].reason  # type: ignore[union-attr]


def test_jsonl_text_with_unicode_line_separator_stays_one_record(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"text": "A\u2028B said."}, ensure_ascii=False) + "\n", "utf-8")
    [article] = _read(path)
    assert isinstance(article, Article)
    assert article.text == "A\u2028B said."


@pytest.mark.parametrize(
    "doc",
    [
        '[\n  {"text": "One said."},\n  {"text": "Two said."}\n]',
        '{"status": "ok",\n "articles": [\n  {"text": "One said."},\n  {"text": "Two said."}]}',
        '{"meta": {"n": 2}, "items": [\n\n  {"text": "One said."},\n  {"text": "Two said."}\n]}',
    ],
)
def test_json_arrays_give_one_article_per_record_with_its_line(tmp_path: Path, doc: str) -> None:
    path = tmp_path / "news.json"
    path.write_text(doc, "utf-8")
    result = _read(path)
    assert [x.text for x in result if isinstance(x, Article)] == ["One said.", "Two said."]
    lines = [int(str(x.origin).rsplit(":", 1)[1]) for x in result if isinstance(x, Article)]
    assert lines == [doc.count("\n", 0, doc.index(t)) + 1 for t in ('"One', '"Two')]


def test_json_single_record_object_is_one_article(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('{"title": "T", "body": "Only one said."}', "utf-8")
    [article] = _read(path)
    assert isinstance(article, Article)
    assert (article.title, article.text, article.origin) == ("T", "Only one said.", f"{path}:1")


@pytest.mark.parametrize(
    ("doc", "where_suffix", "reason"),
    [
        ('[\n{"text": "a"},\n{oops}\n]', ":3", "not valid JSON"),
        ("42", "", "JSON holds a int"),
        ("[]", "", "no articles"),
    ],
)
def test_bad_json_documents_are_input_errors(
    tmp_path: Path, doc: str, where_suffix: str, reason: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(doc, "utf-8")
    [error] = _read(path)
    assert isinstance(error, InputError)
    assert error.where == f"{path}{where_suffix}"
    assert reason in error.reason


def test_csv_rows_become_articles_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(
        "id,title,source,date,body\n"
        'a1,Tide,AP,2024-01-02,"Staff said the tide, at last, was high."\n'
        'a2,Fog,,2024-01-03,"A pilot said:\n""fog again."""\n'
        "a3,Wind,Reuters,2024-01-04,The mayor said it was windy.\n",
        "utf-8",
    )
    result = _read(path)
    assert all(isinstance(x, Article) for x in result)
    articles = [x for x in result if isinstance(x, Article)]
    assert [a.origin for a in articles] == [f"{path}:2", f"{path}:3", f"{path}:5"]
    assert articles[0].outlet == "Associated Press"
    assert articles[1].text == 'A pilot said:\n"fog again."'
    assert articles[1].outlet is None
    assert (articles[2].id, articles[2].published) == ("a3", "2024-01-04")


def test_malformed_and_textless_csv_rows_are_errors_other_rows_still_read(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(
        "title,text\nOne,One said.\nTwo,too,many,cells\nThree,\n\nFive,Five said.\n", "utf-8"
    )
    result = _read(path)
    assert _describe(result) == [
        f"{path}:2 One said.",
        f"{path}:3",
        f"{path}:4",
        f"{path}:6 Five said.",
    ]
    assert "4 cells, the header has 2" in result[1].reason  # type: ignore[union-attr]
    assert "no text" in result[2].reason  # type: ignore[union-attr]


def test_csv_without_a_text_column_is_one_error_naming_the_header(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text("title,author\nA,B\n", "utf-8")
    [error] = _read(path)
    assert isinstance(error, InputError)
    assert error.where == f"{path}:1"
    assert "no text column" in error.reason


def test_tsv_is_split_on_tabs(tmp_path: Path) -> None:
    path = tmp_path / "news.tsv"
    path.write_text("title\ttext\nTide\tStaff said, calmly, it was high.\n", "utf-8")
    [article] = _read(path)
    assert isinstance(article, Article)
    assert article.text == "Staff said, calmly, it was high."


def test_json_lines_saved_as_json_are_read_as_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "news.json"
    path.write_text('{"text": "One said."}\n{"text": "Two said."}\n', "utf-8")
    assert _describe(_read(path)) == [f"{path}:1 One said.", f"{path}:2 Two said."]


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"text": ["a", "list"]}, "field 'text' should be text, not list"),
        ({"text": "x said.", "title": True}, "field 'title' should be text, not bool"),
        ({"text": "x said.", "date": 1e30}, "field 'published': bad timestamp"),
        ({"text": "   "}, "record has no text"),
    ],
)
def test_record_with_unusable_field_is_an_input_error(record: dict, reason: str) -> None:
    with pytest.raises(InputError) as info:
        record_article(record, origin="r.jsonl:7")
    assert info.value.where == "r.jsonl:7"
    assert reason in info.value.reason
