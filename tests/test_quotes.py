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
    qs = _quotes(text)
    # the reported phrase as a whole (PolNeAR's convention) and the quotation inside it as a direct quote
    reported = [q for q in qs if not q.direct]
    direct = [q for q in qs if q.direct]
    assert [q.content for q in reported] == ["the plans a “historic nightmare” for London"]
    assert [q.content for q in direct] == ["historic nightmare"]
    assert all(q.cue == "called" and q.speaker == "Sadiq Khan" for q in qs)


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


def test_transcript_label_with_a_title_and_a_party() -> None:
    text = (
        "MODERATOR: Will the state send the national guard?\n\nREP. TOM OKAFOR (D-Ill.): We will not send "
        "the guard this week."
    )
    qs = _quotes(text)
    q = _find(qs, text, "We will not send")
    assert q.speaker_text == "REP. TOM OKAFOR" and q.cue == ":"
    assert text[q.cue_start : q.cue_end] == ":"


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


# --------------------------------------------------------------------------- recall shapes (second round)


def _by_cue(quotes: list[Quote], cue: str) -> list[Quote]:
    return [q for q in quotes if q.cue == cue]


def test_object_and_predicate_content() -> None:
    text = (
        "Senator Jane Harlow praised the new treaty on Tuesday. The mayor called the plan a disaster for the city. "
        "The general told his officers to prepare for an evacuation."
    )
    qs = _quotes(text)
    assert _by_cue(qs, "praised")[0].content == "the new treaty"
    assert _by_cue(qs, "called")[0].content == "the plan a disaster for the city"
    told = _by_cue(qs, "told")[0]
    assert "to prepare for an evacuation" in told.content and told.speaker_text == "The general"


def test_topic_preposition_is_content_and_part_of_cue() -> None:
    text = (
        "Officials complained about the noise at the base. The minister spoke about the floods in the north."
    )
    qs = _quotes(text)
    assert _by_cue(qs, "complained about")[0].content == "the noise at the base"
    assert _by_cue(qs, "spoke about")[0].content == "the floods in the north"


def test_addressee_object_is_not_content() -> None:
    # "told reporters" names the audience: without a clause or quotation there is nothing reported
    assert _quotes("The minister told reporters on Monday.") == []


def test_reporting_noun_with_possessive_source() -> None:
    text = "Witnesses disputed the ministry’s claim that the convoy was armed."
    q = _find(_quotes(text), text, "the convoy was armed")
    assert q.cue == "claim" and q.speaker_text == "the ministry’s"


def test_passive_cue_with_agent() -> None:
    text = "The two developers were accused of fraud by federal prosecutors."
    qs = _by_cue(_quotes(text), "accused of")
    assert {q.content for q in qs} == {"The two developers", "fraud"}  # the content without the cue
    assert all(q.speaker_text == "federal prosecutors" for q in qs)


def test_inverted_said_with_colon() -> None:
    text = "Critics said the rules were too strict. Said Ellery: “I don’t think the rules go far enough.”"
    q = _find(_quotes(text), text, "go far enough")
    assert q.direct and q.speaker_text == "Ellery"


def test_fronted_quotation_beats_later_clause() -> None:
    text = "“We had finished the report before the deadline,” Kowalski said, adding that the review was nearly done."
    q = _find(_quotes(text), text, "We had finished")
    assert q.direct and q.cue == "said" and q.speaker_text == "Kowalski"


def test_subject_inside_quotation_is_not_the_speaker() -> None:
    text = "“The strategy is in tatters. Total tatters,” said Marta Oyelaran, a Lagos organiser."
    q = _find(_quotes(text), text, "in tatters")
    assert q.direct and q.speaker == "Marta Oyelaran"


def test_cue_clause_is_cut_out_of_reported_content() -> None:
    text = "The ceasefire, the minister said, would hold until Friday."
    qs = _by_cue(_quotes(text), "said")
    assert [q.content for q in qs] == ["The ceasefire", "would hold until Friday"]
    assert all(q.speaker_text == "the minister" for q in qs)


def test_quotation_resumes_after_cue_clause() -> None:
    text = "“If he wants a fight,” she said, “he will get one.”"
    qs = _by_cue(_quotes(text), "said")
    assert [q.content for q in qs] == ["If he wants a fight,", "he will get one."]
    assert all(q.direct for q in qs)


def test_headline_colon_quote() -> None:
    text = "Senator Anna Brooks: ‘We Will Not Back Down’\n\nSenator Anna Brooks spoke on Monday in Denver."
    q = _find(_quotes(text), text, "We Will Not Back Down")
    assert q.cue == ":" and q.speaker == "Anna Brooks"


def test_speaker_stays_in_its_paragraph() -> None:
    text = "___.\n\n12:15 p.m.\n\nDonald Trump says the military is weak."
    q = _find(_quotes(text), text, "the military is weak")
    assert q.speaker_text == "Donald Trump"


def test_dash_signature_with_non_breaking_spaces() -> None:
    text = "Readers wrote to us.\n“He is a danger to the country and to the world.”\u00a0― Maria Lopez\u00a0\n“We need a change.” ― Tom Reyes"
    qs = _quotes(text)
    assert _find(qs, text, "He is a danger").speaker == "Maria Lopez"
    assert _find(qs, text, "We need a change").speaker == "Tom Reyes"
    assert not any(
        q.cue == "wrote" for q in qs
    )  # a full-stop quotation is not the content of the next clause


def test_transcript_quoted_paragraph_by_paragraph() -> None:
    text = (
        'The host read the question aloud.\n\n"HOLT: Will you accept the result?\n\n'
        '"TRUMP: I will look at it at the time.\n\n"HOLT: Thank you."'
    )
    qs = _by_cue(_quotes(text), ":")
    assert [(q.speaker_text, q.content) for q in qs] == [
        ("HOLT", "Will you accept the result?"),
        ("TRUMP", "I will look at it at the time."),
        ("HOLT", "Thank you."),
    ]


def test_actor_resolver_is_shared_per_document() -> None:
    # built lazily, when a described source needs its country, then cached on the document for events
    doc = parse("A senior defence source said the jets had returned to base.", doc_id="r")
    extract_quotes(doc)
    first = getattr(doc, "_actor_resolver", None)
    assert first is not None  # the resolver, or False when the actors module cannot be used
    extract_quotes(doc)
    assert doc._actor_resolver is first
    assert "_actor_resolver" not in doc.to_dict()


def test_the_documents_shared_actor_resolver_is_used() -> None:
    class Fake:
        calls = 0

        def resolve(self, start: int, end: int):  # noqa: ANN201
            Fake.calls += 1
            from dateline.model import Actor

            return Actor("x", start, end, country="GBR", kind="described")

    doc = parse("A senior defence source said the jets had returned to base.", doc_id="r2")
    doc._actor_resolver = Fake()  # what dateline.actors.resolver_for caches on the document
    q = _find(extract_quotes(doc), doc.text, "the jets had returned")
    assert q.speaker_kind == "described" and q.affiliation == "GBR" and Fake.calls == 1


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


def test_quote_date_comes_from_the_reporting_clause_else_the_publication_date() -> None:
    from dateline.time import normalize

    doc = parse('Mr Esper said on Monday that "no decision whatsoever" had been made. '
                'He added that the troops were safe.', published="2020-01-08", doc_id="d1")  # fmt: skip
    doc.timexes = normalize(doc.text, anchor=doc.published, doc=doc.spacy)
    quotes = extract_quotes(doc)
    first = next(q for q in quotes if q.start < 60)
    assert first.date == "2020-01-06" and first.date_text == "Monday" and first.date_source == "text"
    later = next(q for q in quotes if q.start > 70)
    assert later.date == "2020-01-08" and later.date_source == "published"
