"""The learned engine: the shipped tagger loads offline from the installed package."""

from __future__ import annotations

import itertools
import multiprocessing
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from spacy.tokens import Doc, Span, Token

from graph.errors import ModelError
from graph.model import Article
from loaders.engines import DEFAULT_ENGINE, ENGINE_VAR, engine_name
from loaders.nlp import Extractor
from loaders.nlp.candidate import Candidate, SourceRef
from loaders.nlp.learned import engine
from loaders.nlp.learned.decode import viterbi
from loaders.nlp.learned.engine import _cue_subject, _names_someone, combine
from loaders.nlp.learned.features import piece_features, rule_marks, token_rows, vocabulary
from loaders.nlp.learned.link import Linked, link
from loaders.nlp.learned.tagger import Tagger, load_tagger, model_dir
from loaders.nlp.learned.windows import windows
from loaders.nlp.models import load_model
from loaders.nlp.pipeline import rule_candidates

OFFLINE = textwrap.dedent(
    """
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network is off in this test")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    from loaders.nlp.learned.tagger import Tagger, load_tagger, model_dir
    from loaders.nlp.models import load_model
    tagger = load_tagger()
    text = "Ana Ruiz said on Monday that the bridge would reopen in May."
    cues = [text[s:e] for s, e in tagger.tag(text, load_model()(text)).spans["cue"]]
    print(model_dir())
    print(cues)
    """
)


def test_model_loads_from_the_installed_package_with_the_network_off() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", OFFLINE], capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    folder, cues = proc.stdout.strip().splitlines()[-2:]
    import loaders.nlp.learned as package

    assert Path(folder) == Path(package.__file__).parent / "model"
    assert "said" in cues


def test_model_files_are_package_data() -> None:
    folder = Path(model_dir())
    sizes = {p.name: p.stat().st_size for p in folder.iterdir()}
    assert {"tagger.onnx", "tagger.json", "tokenizer.json"} <= set(sizes)
    assert sizes["tagger.onnx"] < 40_000_000  # int8, not the fp32 export


def test_tagger_is_loaded_once_per_process() -> None:
    assert load_tagger() is load_tagger()


def _threads_in_a_worker(_: int) -> int:
    return int(load_tagger()._session().get_session_options().intra_op_num_threads)


def test_tagger_runs_on_more_threads_only_where_it_was_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The process that loaded the tagger runs it on the ONNX thread count; a worker
    forked from it (``--processes N``) runs it on one thread, and still tags."""
    monkeypatch.setenv("SOURCETRACE_ONNX_THREADS", "2")
    tagger = Tagger()
    assert tagger._session().get_session_options().intra_op_num_threads == 2
    assert tagger.session.get_session_options().intra_op_num_threads == 1
    load_tagger()  # the cached tagger, loaded before forking as the extractor does
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.map(_threads_in_a_worker, [0]) == [1]
    text = "Ana Ruiz said on Monday that the bridge would reopen in May."
    doc = load_model()(text)
    assert tagger.tag(text, doc).spans == load_tagger().tag(text, doc).spans


def test_tagger_finds_source_cue_and_content() -> None:
    text = "The harbour master told reporters that the ferry would run again on Friday."
    spans = load_tagger().tag(text, load_model()(text)).spans
    got = {role: [text[s:e] for s, e in found] for role, found in spans.items()}
    assert any("told" in c for c in got["cue"]), got
    assert any("harbour master" in s for s in got["source"]), got
    assert any("ferry would run again" in c for c in got["content"]), got


def test_viterbi_never_starts_a_span_inside() -> None:
    # I is likeliest everywhere, yet no valid path starts with I or puts I after O.
    lp = np.log(np.array([[0.1, 0.2, 0.7], [0.6, 0.1, 0.3], [0.1, 0.2, 0.7]]))
    path = viterbi(lp)
    assert path[0] != 2
    assert all(not (a == 0 and b == 2) for a, b in itertools.pairwise(path))


def test_windows_keep_every_piece_exactly_once() -> None:
    for n in (1, 253, 254, 255, 600, 1000):
        kept = [i for w in windows(n) for i in range(w.keep_start, w.keep_end)]
        assert kept == list(range(n))
        assert all(w.end - w.start <= 254 for w in windows(n))


def test_learned_engine_keeps_what_the_rules_find(extractor: Extractor) -> None:
    text = (
        "“We are ready,” Ana Ruiz said. The council rejected reports that the pier was unsafe. "
        "According to the harbour board, repairs will cost more than expected."
    )
    article = Article.create(text=text)
    rules = {(a.cue.start, a.cue.end) for a in extractor.extract(article)}
    learned = {(a.cue.start, a.cue.end) for a in Extractor(engine="learned").extract(article)}
    assert rules <= learned


def test_engine_comes_from_the_environment_and_a_bad_one_is_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(ENGINE_VAR, "rules")
    assert engine_name() == "rules"
    assert engine_name("learned") == "learned"
    monkeypatch.setenv(ENGINE_VAR, "neural")
    with pytest.raises(ModelError, match="'neural'"):
        engine_name()
    monkeypatch.delenv(ENGINE_VAR)
    assert engine_name() == DEFAULT_ENGINE


def test_the_subject_of_a_passive_cue_is_not_its_source(learned_extractor: Extractor) -> None:
    """The tagger takes "Her husband" for the one criticising; a passive without an agent
    names nobody (and "quoted as saying" keeps its subject, by the rules)."""
    text = (
        '"We have to find a kinder way to talk to each other, to disagree with each other, to '
        'respect each other." Her husband has been criticised throughout his campaign for '
        "comments made about his rival in the mayoral race, sailors, fishermen and other "
        'fellow politicians. Tom Vell was quoted as saying: "The pier is safe."'
    )
    found = learned_extractor.extract(Article.create(text=text))
    assert not [a for a in found if "criticised" in a.cue.text]
    assert [a.source.source.name for a in found if a.source and "saying" in a.cue.text] == [
        "Tom Vell"
    ]


def test_a_quotation_the_rules_gave_its_speaker_is_not_given_again() -> None:
    """The tagger may hang a quotation on the verb of the sentence before it; the rules
    have already given it to the one who says it, so the model's reading is dropped."""
    doc = load_model()(
        "Tom Vell fielded a grounder for the last out. "
        '"We have waited a very long time for this," Ana Ruiz said.'
    )
    text = doc.text
    quote = (text.index('"'), text.index(',"') + 2)
    first, second = list(doc.sents)
    said = next(t for t in second if t.text == "said")
    fielded = next(t for t in first if t.text == "fielded")

    def cand(verb: Token, subject: Span, sentence: Span) -> Candidate:
        return Candidate(
            cue=(verb.idx, verb.idx + len(verb.text)),
            cue_token=verb.i,
            sentence=(sentence.start_char, sentence.end_char),
            sources=[SourceRef(span=subject, referent=subject)],
            content=quote,
            quote=True,
        )

    rule = cand(said, second[-4:-2], second)
    model = cand(fielded, first[0:2], first)
    assert combine(doc, [rule], [model]) == [rule]


def test_the_model_gives_no_cue_a_content_from_an_earlier_sentence(
    learned_extractor: Extractor,
) -> None:
    text = (
        "The new letters were found on a laptop owned by the aide, during an inquiry into "
        "him for allegedly sending rude messages to a rival. Harbour officials responded "
        "with bafflement at the mayor's break with policy and decades of precedent, and "
        "furious senior councillors suggested the mayor may have broken the law."
    )
    found = learned_extractor.extract(Article.create(text=text))
    starts = {a.cue.text: a.content.start for a in found if a.content}
    assert all(start > text.index("Harbour") for start in starts.values()), starts


def test_a_tagger_source_is_cut_to_the_cues_own_subject() -> None:
    """The parser takes "move" for part of "fans" in "in a move fans have described as";
    the tagger's source "a move fans" is cut to the fans."""
    doc = load_model()(
        "The makers of the bar have widened the gaps between its chunks to avoid raising "
        'prices, in a move fans have described as "silly" and "plain dumb".'
    )
    cue = next(t for t in doc if t.text == "described")
    start = next(t.i for t in doc if t.text == "move") - 1
    fans = next(t.i for t in doc if t.text == "fans")
    assert _cue_subject(doc[start : fans + 1], cue).text == "fans"


def _candidate(doc: Doc, cue: str, content: str, subject: str | None = None) -> Candidate:
    text = doc.text
    verb = next(t for t in doc if t.text == cue)
    sources = []
    if subject is not None:
        span = doc.char_span(text.index(subject), text.index(subject) + len(subject))
        assert span is not None
        sources = [SourceRef(span=span, referent=span)]
    sent = verb.sent
    return Candidate(
        cue=(verb.idx, verb.idx + len(verb.text)),
        cue_token=verb.i,
        sentence=(sent.start_char, sent.end_char),
        sources=sources,
        content=(text.index(content), text.index(content) + len(content)),
    )


def test_a_rules_stance_verb_stands_only_where_the_tagger_tags_it_too() -> None:
    """A verb of saying stands on the rules alone; a stance verb ("praised") needs the
    tagger to tag its cue as well."""
    doc = load_model()(
        "The mayor praised the harbour crew for its quick work. "
        "Ana Ruiz said the pier would reopen on Friday."
    )
    praised = _candidate(doc, "praised", "the harbour crew", "The mayor")
    said = _candidate(doc, "said", "the pier would reopen on Friday", "Ana Ruiz")
    assert combine(doc, [praised, said], []) == [said]
    tagged = _candidate(doc, "praised", "the harbour crew for its quick work", "The mayor")
    assert combine(doc, [praised, said], [tagged]) == [praised, said]


def _content_after_combine(text: str, rule_content: str, tagger_content: str) -> str:
    """The content of a rule's "said" once ``combine`` has seen the tagger's content."""
    doc = load_model()(text)
    rule = _candidate(doc, "said", rule_content, "Ana Ruiz")
    tagged = _candidate(doc, "said", tagger_content, "Ana Ruiz")
    (found,) = combine(doc, [rule], [tagged])
    assert found is rule and found.content is not None
    return text[found.content[0] : found.content[1]]


def test_the_tagger_gives_a_rules_content_its_edges_where_they_are_whole_phrases() -> None:
    """The rules find the clause, the tagger its edges: a clause the rule cut at a comma
    is taken whole from the tagger."""
    text = "Ana Ruiz said the old wooden pier was safe, and the ferry would run on Friday."
    whole = "the old wooden pier was safe, and the ferry would run on Friday"
    assert _content_after_combine(text, "the old wooden pier was safe", whole) == whole


@pytest.mark.parametrize(
    ("tagger", "why"),
    [
        ("the old wooden pier", "without the head of the clause"),
        ("the old wooden pier was safe, and the ferry would run on", "cuts a phrase"),
        ("the old wooden pier was safe, and", "ends on a conjunction"),
    ],
)
def test_the_tagger_edges_that_cut_a_phrase_are_not_taken(tagger: str, why: str) -> None:
    text = "Ana Ruiz said the old wooden pier was safe, and the ferry would run on Friday."
    rule = "the old wooden pier was safe, and the ferry would run on Friday"
    assert _content_after_combine(text, rule, tagger) == rule, why


def test_the_tagger_edges_do_not_run_into_the_next_sentence() -> None:
    text = "Ana Ruiz said the old wooden pier was safe. The ferry runs every day."
    rule = "the old wooden pier was safe"
    tagger = "the old wooden pier was safe. The ferry runs every day"
    assert _content_after_combine(text, rule, tagger) == rule


def test_the_tagger_edges_close_the_quotation_they_leave_open() -> None:
    text = 'Ana Ruiz said that the toll "may well rise".'
    got = _content_after_combine(text, "that the toll", 'that the toll "may well rise')
    assert got == 'that the toll "may well rise"'


def test_a_piece_of_a_longer_quotation_does_not_start_on_its_opening_mark() -> None:
    text = 'Ana Ruiz said: "The pier is safe for now. It will close in May."'
    got = _content_after_combine(text, "The pier is safe", '"The pier is safe for now')
    assert got == "The pier is safe for now"


def test_a_tagger_candidate_whose_content_holds_its_source_is_no_report() -> None:
    doc = load_model()("A harbour official claimed the ferry crew had left the pier early.")
    misread = _candidate(
        doc, "claimed", "A harbour official claimed the ferry crew", "A harbour official"
    )
    assert combine(doc, [], [misread]) == []
    read = _candidate(
        doc, "claimed", "the ferry crew had left the pier early", "A harbour official"
    )
    assert combine(doc, [], [read]) == [read]


def test_a_tagger_cue_no_lexicon_knows_needs_a_verb_and_someone_who_speaks() -> None:
    """ "seemingly" alone is no cue, nor "it became clear" (nobody speaks); "branded" with
    a name as its source is."""
    nlp = load_model()
    doc = nlp("The harbour board seemingly wanted the old pier to close by the spring.")
    adverb = _candidate(doc, "seemingly", "wanted the old pier to close", "The harbour board")
    assert combine(doc, [], [adverb]) == []
    doc = nlp("By noon it became clear that the old pier would close in the spring.")
    clear = _candidate(doc, "became", "that the old pier would close in the spring", "it")
    clear.cue = (clear.cue[0], doc.text.index("clear") + len("clear"))
    assert combine(doc, [], [clear]) == []
    doc = nlp("Ana Ruiz branded the plan to close the old pier a disgrace.")
    branded = _candidate(doc, "branded", "the plan to close the old pier a disgrace", "Ana Ruiz")
    assert combine(doc, [], [branded]) == [branded]


@pytest.mark.parametrize(
    ("phrase", "names"),
    [("Fans of the old bar", True), ("Fans of", False), ("Fans of the", False), ("Fans", True)],
)
def test_a_tagger_source_must_name_someone(phrase: str, names: bool) -> None:
    doc = load_model()("Fans of the old bar said the new one was too small.")
    span = doc.char_span(0, len(phrase))
    assert span is not None
    assert _names_someone(span) is names


def test_a_tagger_cue_without_a_source_takes_the_cues_subject() -> None:
    doc = load_model()("The harbour board welcomed the plan to widen the pier next spring.")
    cand = _candidate(doc, "welcomed", "the plan to widen the pier next spring")
    (found,) = combine(doc, [], [cand])
    assert [ref.span.text for ref in found.sources] == ["The harbour board"]


def test_a_tagger_cue_keeps_one_content_or_the_pieces_it_splits() -> None:
    """Two contents after one cue are not one content in pieces: the piece the parse ties
    to the cue stays. A quotation split by its cue is one content in two pieces."""
    nlp = load_model()
    doc = nlp('"The pier is safe," Ana Ruiz said, "and it will stay open."')
    text = doc.text

    def at(piece: str) -> tuple[int, int]:
        return text.index(piece), text.index(piece) + len(piece)

    spans = {
        "source": [at("Ana Ruiz")],
        "cue": [at("said")],
        "content": [at("The pier is safe"), at("and it will stay open")],
    }
    (linked,) = link(doc, spans)
    assert [s.text for s in linked.contents] == ["The pier is safe", "and it will stay open"]
    doc = nlp("The council said the pier was safe and promised a new ferry by May.")
    text = doc.text
    spans = {
        "source": [at("The council")],
        "cue": [at("said")],
        "content": [at("the pier was safe"), at("a new ferry by May")],
    }
    (linked,) = link(doc, spans)
    assert [s.text for s in linked.contents] == ["the pier was safe"]


def test_parse_features_follow_the_tokens_of_the_pieces() -> None:
    nlp = load_model()
    doc = nlp("Harbourmasters said it.")
    vocab = vocabulary({p: nlp.get_pipe(p).labels for p in ("tagger", "parser")})
    offsets = [(0, 7), (7, 14), (15, 19), (20, 22), (22, 23)]  # "harbour", "##masters", ...
    feats = piece_features(vocab, token_rows(doc), offsets)
    assert feats.shape == (5, 3)
    assert (feats[0] == feats[1]).all()  # two pieces of one word
    said = next(t for t in doc if t.text == "said")
    assert feats[2, 0] == vocab["tag"].index(said.tag_) + 1
    assert feats[2, 1] == vocab["dep"].index("ROOT") + 1


def test_a_tagger_source_has_no_punctuation_at_its_edges() -> None:
    """The tagger may end a source on the comma that closes an apposition."""
    doc = load_model()("The skipper, a keen sailor, said the quay was unsafe.")
    said = next(t for t in doc if t.text == "said")
    linked = Linked(cue=doc[said.i : said.i + 1], sources=[doc[0 : said.i]])
    linked.contents, linked.by_parse = [doc[said.i + 1 : len(doc) - 1]], [True]
    cand = engine._candidate(doc, linked, [])
    assert cand is not None
    assert [ref.span.text for ref in cand.sources] == ["The skipper, a keen sailor"]


def test_rule_features_mark_the_parts_the_rules_read() -> None:
    """The ``rule`` feature gives each token its part in the rules' candidates: the cue
    first where parts overlap, a B on the first token of each part."""
    nlp = load_model()
    doc = nlp("The ferry captain said the harbour wall had cracked overnight.")
    marks = rule_marks(doc, rule_candidates(doc))
    by_word = {t.text: marks.get(t.i, "") for t in doc}
    assert by_word["said"] == "cue-B"
    assert (by_word["The"], by_word["captain"]) == ("source-B", "source-I")
    assert (by_word["the"], by_word["cracked"]) == ("content-B", "content-I")
    vocab = vocabulary({}, ("rule",))
    rows = token_rows(doc, rule_candidates(doc))
    said = next(t for t in doc if t.text == "said")
    feats = piece_features(vocab, rows, [(said.idx, said.idx + 4), (0, 3)])
    assert feats.tolist() == [
        [vocab["rule"].index("cue-B") + 1],
        [vocab["rule"].index("source-B") + 1],
    ]
    # without the rules' candidates every token has no part
    assert not piece_features(vocab, token_rows(doc), [(said.idx, said.idx + 4)]).any()


def test_who_a_report_cites_is_no_content(learned_extractor: Extractor) -> None:
    """The tagger may read "two pier wardens" as what is reported; the rules read them as
    the ones who speak, through the Gazette."""
    text = (
        "The ferry sank off the north quay on Sunday night, the Harbour Gazette reported, "
        "citing two pier wardens."
    )
    found = learned_extractor.extract(Article.create(text=text))
    assert found
    assert not [a for a in found if a.content and "wardens" in a.content.text]
