"""``sourcetrace claims`` and ``split-claim`` end to end, over a real embedded store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from graph.claims import THRESHOLD
from graph.model import Article, Attribution, Mention, Source, SourceType, Span
from graph.store import open_store


def article(
    outlet: str, day: str, sentence: str, content: str
) -> tuple[Article, list[Attribution]]:
    art = Article.create(text=sentence, outlet=outlet, published=day)
    start = sentence.index(content)
    attribution = Attribution(
        article_id=art.id,
        source=Mention(
            span=Span.of(sentence, 0, 10),
            source=Source(name="Lena Ortiz", type=SourceType.PERSON),
        ),
        via=(),
        cue=Span.of(sentence, 11, 15),
        content=Span.of(sentence, start, start + len(content)),
        sentence=Span.of(sentence, 0, len(sentence)),
    )
    return art, [attribution]


FIRST = "the northern harbour will close for six weeks of repairs"
SECOND = "The northern harbour closes for six weeks while repairs are carried out"
BRIDGE = "the harbour closes for repairs lasting six weeks"


def test_split_claim_keeps_a_wrong_member_out_for_good(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "graph.sqlite"
    with open_store(path) as store:
        store.write_articles(
            [
                article("The Harbor Ledger", "2031-05-02", f"Lena Ortiz said {FIRST}.", FIRST),
                article("Meridian Wire", "2031-05-03", f"Lena Ortiz says {SECOND}.", SECOND),
            ]
        )
    assert main(["claims", "northern harbour will close", "--store", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["members"]) == 2
    [link] = report["links"]
    assert link["reason"].startswith("meaning 0.") and link["score"] >= THRESHOLD
    second = next(m["id"] for m in report["members"] if m["text"] == SECOND)

    assert main(["split-claim", second, "--store", str(path)]) == 0
    assert "split from 1 claim(s)" in capsys.readouterr().out
    with open_store(path) as store:  # a new wording that matches both does not rejoin them
        store.write_articles(
            [article("Valen Daily", "2031-05-04", f"Lena Ortiz said {BRIDGE}.", BRIDGE)]
        )
        G = store.to_networkx()
    groups = {d["text"]: d["group"] for _, d in G.nodes(data=True) if d.get("label") == "Claim"}
    assert groups[FIRST] != groups[SECOND]
    assert main(["claims", second, "--store", str(path)]) == 0
    out = capsys.readouterr().out
    assert "split by a user" in out


def test_claims_of_an_unknown_claim_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "graph.sqlite"
    with open_store(path):
        pass
    assert main(["claims", "nothing like this", "--store", str(path)]) != 0
    assert "no claim" in capsys.readouterr().err
