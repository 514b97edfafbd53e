from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from dateline.model import Quote, stable_id
from dateline.nlp import parse
from dateline.quotes import extract_quotes

CASES = Path(__file__).parent / "data" / "speaker_cases.jsonl"


def _quotes(text: str) -> list[Quote]:
    return extract_quotes(parse(text, doc_id="t"))


def _find(quotes: list[Quote], text: str, snippet: str) -> Quote:
    i = text.index(snippet)
    hits = [q for q in quotes if q.start <= i < q.end]
    assert hits, f"no quote covers {snippet!r}: {[q.content for q in quotes]}"
    return hits[0]


# --------------------------------------------------------------------------- quote shapes


def test_straight_quote_then_said_name() -> None:
    text = '"We will not back down," said Mr Hague. The talks ended on Monday.'
    q = _find(_quotes(text), text, "We will not back down")
    assert q.direct and q.content == "We will not back down,"
    assert q.cue == "said" and q.speaker_text == "Mr Hague" and q.speaker_kind == "person"


def test_curly_and_single_quotes() -> None:
    text = "“The ceasefire is holding,” the minister said. ‘We have no plans to leave,’ Mr Karimi told reporters."
    qs = _quotes(text)
    a = _find(qs, text, "The ceasefire is holding")
    b = _find(qs, text, "We have no plans")
    assert a.direct and b.direct
    assert b.content == "We have no plans to leave,"
    assert b.cue == "told"


def test_apostrophes_are_not_quotes() -> None:
    text = "The minister’s plan wasn’t ready, officials’ notes show. She said it would be published in June."
    qs = _quotes(text)
    assert all(not q.direct for q in qs)
    assert _find(qs, text, "it would be published").speaker_text == "She"


def test_multi_paragraph_quote() -> None:
    text = (
        "Andrew Mitchell, the development secretary, spoke at length.\n\n"
        "“This is the first paragraph of what I have to say about the crisis.\n\n"
        "“And this is the second paragraph of it,” Mr Mitchell said."
    )
    q = _find(_quotes(text), text, "This is the first paragraph")
    assert q.direct
    assert "second paragraph" in q.content
    assert q.speaker == "Andrew Mitchell"


def test_colon_introduces_quote() -> None:
    text = "Mary Robinson spoke in Geneva. She said: “The world has failed these people.”"
    q = _find(_quotes(text), text, "The world has failed")
    assert q.direct and q.cue == "said" and q.speaker == "Mary Robinson"


def test_partial_quote_in_reported_sentence() -> None:
    text = "Sadiq Khan called the plans a “historic nightmare” for London."
    q = _find(_quotes(text), text, "historic nightmare")
    assert q.direct and q.content == "historic nightmare"
    assert q.cue == "called" and q.speaker == "Sadiq Khan"


def test_indirect_speech_cues() -> None:
    text = (
        "Mr Esper said no decision had been made. The spokesman indicated that talks would resume. "
        "Officials told reporters that the convoy had turned back. "
        "Downing Street confirmed that the Prime Minister would travel to Kyiv."
    )
    qs = _quotes(text)
    expect = {
        "no decision had been made": ("said", "Mr Esper"),
        "talks would resume": ("indicated", "The spokesman"),
        "the convoy had turned back": ("told", "Officials"),
        "the Prime Minister would travel": ("confirmed", "Downing Street"),
    }
    for snippet, (cue, speaker_text) in expect.items():
        q = _find(qs, text, snippet)
        assert not q.direct
        assert q.cue == cue and q.speaker_text == speaker_text


def test_according_to_news_agency_is_medium() -> None:
    text = "According to Tasnim, the navy seized two tankers near the Strait of Hormuz on Friday."
    q = _find(_quotes(text), text, "the navy seized two tankers")
    assert q.cue == "According to"
    assert q.speaker == "Tasnim" and q.medium == "Tasnim" and q.speaker_kind == "organisation"


def test_medium_in_interview_and_told() -> None:
    text = (
        "Defence Secretary Ben Wallace told BBC Radio 4's Today programme that the troops would stay. "
        "In an interview with Yahoo! News, Mr Wallace said the mission had succeeded."
    )
    qs = _quotes(text)
    assert _find(qs, text, "the troops would stay").medium == "BBC Radio 4's Today programme"
    q = _find(qs, text, "the mission had succeeded")
    assert q.speaker == "Ben Wallace"


def test_transcript_labels() -> None:
    text = "WALLACE: Will you attend the debate tomorrow night?\nPENCE: I will be there, and so will Donald Trump."
    qs = _quotes(text)
    assert _find(qs, text, "I will be there").speaker_text == "PENCE"
    assert _find(qs, text, "Will you attend").cue == ":"


def test_described_source_with_affiliation() -> None:
    text = "A Ministry of Defence spokesman said the jets had returned to base."
    q = _find(_quotes(text), text, "the jets had returned")
    assert q.speaker_kind == "described"
    assert q.speaker == "a Ministry of Defence spokesman"
    assert q.affiliation == "Ministry of Defence"


def test_offsets_ids_and_sentences() -> None:
    text = "Foreign Secretary William Hague arrived in Cairo. “We want a political solution,” the Foreign Secretary said."
    doc = parse(text, doc_id="doc-1")
    qs = extract_quotes(doc)
    assert qs
    for q in qs:
        assert text[q.start : q.end] == q.content
        assert q.id == stable_id("doc-1", q.start, q.end)
        assert text[q.cue_start : q.cue_end] == q.cue
        assert text[q.speaker_start : q.speaker_end] == q.speaker_text
        assert q.sentence_start is not None and q.sentence_start <= q.start < q.end <= q.sentence_end
    q = _find(qs, text, "We want a political solution")
    assert q.speaker == "William Hague"
    assert Quote.from_dict(q.to_dict()) == q


def test_no_quotes_without_speech() -> None:
    assert _quotes("The river rose by two metres overnight and flooded three villages.") == []


# --------------------------------------------------------------------------- speaker linking cases


def _load_cases() -> list[dict]:
    return [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_speaker_cases() -> None:
    cases = _load_cases()
    assert len(cases) >= 100
    cache: dict[str, list[Quote]] = {}
    ok: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for case in cases:
        text = case["text"]
        if text not in cache:
            cache[text] = _quotes(text)
        i = text.index(case["content"])
        hits = [q for q in cache[text] if q.start <= i < q.end]
        good = bool(hits) and (hits[0].speaker or "").lower() == case["speaker"].lower()
        if good and "medium" in case:
            good = hits[0].medium == case["medium"]
        if good and "affiliation" in case:
            good = hits[0].affiliation == case["affiliation"]
        total[case["kind"]] += 1
        ok[case["kind"]] += good
    report = {k: round(ok[k] / total[k], 3) for k in total}
    print("speaker accuracy per kind:", report, "overall", round(sum(ok.values()) / sum(total.values()), 3))
    for kind in ("pronoun", "title", "surname", "described"):
        assert total[kind] >= 10, kind
        assert report[kind] >= 0.8, (kind, report)
    assert sum(ok.values()) / sum(total.values()) >= 0.9, report


# --------------------------------------------------------------------------- eval smoke test


def test_eval_smoke(shared_data: Path) -> None:
    from dateline.evaluate.quotes import evaluate_folder

    folder = shared_data / "quotes" / "dev"
    if not folder.is_dir():
        pytest.skip("PolNeAR dev folder missing")
    res = evaluate_folder(folder, limit=3)
    assert res["articles"] == 3
    for mode in ("all", "speech"):
        for role in ("content", "source", "cue"):
            cell = res[mode][role]
            assert cell["gold"] > 0
            assert 0.0 <= cell["overlap"]["f1"] <= 1.0
    assert res["speech"]["content"]["overlap"]["precision"] > 0.5
