"""Cleaning: boilerplate kinds, metadata lines, removed spans, HTML metadata and the extraction metric."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest

import dateline.clean as clean
from dateline.clean import to_document
from dateline.evaluate.extraction import page_scores, score
from dateline.model import Document, RawArticle
from dateline.read import read

FIX = Path(__file__).parent / "fixtures" / "ingest"

BODY = (
    "Rebel fighters withdrew from three villages near the river on Sunday, local officials said.\n\n"
    "The withdrawal followed two days of talks between the armed groups and church mediators in the town.\n\n"
    "Residents said they would wait for the army to clear the roads of mines before they return home."
)


def _txt(text: str, **given: str) -> RawArticle:
    return RawArticle(source="story.txt", kind="txt", text=text, given=dict(given))


def _kinds(doc: Document) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in doc.removed:
        out.setdefault(r.kind, []).append(r.text)
    return out


# --------------------------------------------------------------------------- the fixture article, end to end


@pytest.fixture(scope="module")
def article() -> Document:
    raw = next(iter(read([str(FIX / "article.txt")])))
    assert isinstance(raw, RawArticle)
    return to_document(raw)


def test_fixture_article_text(article: Document) -> None:
    doc = article
    assert doc.text.startswith("Hundreds of soldiers crossed")
    assert "British troops arrived at the airfield" in doc.text
    for junk in (
        "Donate",
        "READ MORE",
        "Click to",
        "Leave a Reply",
        "commenting",
        "(Photo:",
        "source:",
        "Share",
    ):
        assert junk not in doc.text, junk
    assert doc.text.count("Hundreds of soldiers crossed") == 1


def test_fixture_article_metadata(article: Document) -> None:
    doc = article
    assert doc.title == "Troops arrive at northern border as talks stall"
    assert doc.byline == "Jane Smith"
    assert doc.outlet == "The Dateline Herald"
    assert doc.published == "2024-03-03" and doc.published_source == "text"
    assert doc.meta_sources == {"title": "text", "outlet": "text", "byline": "text", "published": "text"}
    assert doc.input_kind == "txt" and doc.path == str(FIX / "article.txt")
    assert doc.content_hash == hashlib.sha256(doc.text.encode()).hexdigest()
    assert doc.id == doc.content_hash[:16]


def test_fixture_article_removed_spans_lose_nothing(article: Document) -> None:
    doc = article
    lines = (FIX / "article.txt").read_text(encoding="utf-8").splitlines()
    kinds = _kinds(doc)
    assert {
        "headline",
        "metadata",
        "repeated-standfirst",
        "donation",
        "read-more",
        "caption",
        "share",
    } <= set(kinds)
    assert "comment-form" in kinds
    for r in doc.removed:
        assert r.text in lines[r.line], r  # each removal points at its input line
    # every input line is either in the clean text or (in pieces) in removed
    for i, line in enumerate(lines):
        if not line.strip() or line in doc.text:
            continue
        pieces = [r.text for r in doc.removed if r.line == i]
        rest = line
        for p in pieces:
            rest = rest.replace(p, "")
        assert not rest.strip() or rest.strip() in doc.text, (i, line)


# --------------------------------------------------------------------------- each boilerplate kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Leave a Reply", "comment-form"),
        ("Leave a comment", "comment-form"),
        ("You are commenting using your Facebook account. ( Log Out / Change )", "comment-form"),
        ("Your email address will not be published. Required fields are marked *", "comment-form"),
        ("Comments are closed.", "comment-form"),
        ("Join our commenting forum", "comment-form"),
        ("Click to follow our reporters", "share"),
        ("Click to share on Twitter (Opens in new window)", "share"),
        ("Share this story", "share"),
        ("Facebook Twitter Email", "share"),
        ("Sign up to our weekly world newsletter", "newsletter"),
        ("Follow us on Twitter and Facebook", "share"),
        ("Become a member of the Herald today", "donation"),
        ("READ MORE: Five things to know about the ceasefire", "read-more"),
        ("Related: How the border crisis began", "read-more"),
        ("Click to enlarge", "caption"),
        ("Image caption Smoke rises over the airport", "caption"),
        (
            "Police officers stand guard outside the court on Monday. (Photo: Jo Bloggs/Example Agency)",
            "caption",
        ),
        ("Protesters march through the city centre. Photograph: Example Agency", "caption"),
        ("A tank near the frontline. (AFP via Getty Images)", "caption"),
        ("We use cookies to improve your experience on our site.", "cookie-notice"),
        ("Subscribe to the Gazette from 9,000 shillings a month", "subscribe"),
        ("Join today for just £1 a week.", "subscribe"),
    ],
)
def test_boilerplate_line_kinds(line: str, kind: str) -> None:
    text = "Border talks stall\n\n" + BODY.replace("\n\n", f"\n\n{line}\n\n", 1)
    doc = to_document(_txt(text))
    assert line not in doc.text
    assert _kinds(doc).get(kind) == [line], _kinds(doc)
    assert "The withdrawal followed two days" in doc.text


def test_donation_glued_to_first_sentence() -> None:
    text = (
        "Troops arrive\n\nIndependent reporting costs money. If you value our work, please support our "
        "journalism. Donate now.British troops arrived at the base on Monday, officials said.\n\n" + BODY
    )
    doc = to_document(_txt(text))
    first = doc.text.split("\n\n")[0]
    assert first == "British troops arrived at the base on Monday, officials said."
    assert _kinds(doc)["donation"] == [
        "Independent reporting costs money.",
        "If you value our work, please support our journalism.",
        "Donate now.",
    ]
    assert "please support our journalism" not in doc.text


def test_trailing_caption_sentence_is_cut() -> None:
    text = (
        "Headline of story\n\nThe bridge was destroyed overnight, witnesses said. Click to enlarge\n\n" + BODY
    )
    doc = to_document(_txt(text))
    assert doc.text.startswith("The bridge was destroyed overnight, witnesses said.\n\n")
    assert _kinds(doc)["caption"] == ["Click to enlarge"]


def test_boilerplate_words_inside_story_are_kept() -> None:
    text = (
        "Donors meet\n\nDelegates said they would share the cost of rebuilding and donate now rather than wait, "
        "the minister told reporters after the meeting in the capital.\n\n" + BODY
    )
    doc = to_document(_txt(text))
    assert "share the cost of rebuilding and donate now rather than wait" in doc.text


def test_a_price_in_a_story_sentence_is_kept() -> None:
    # a priced subscription prompt is boilerplate; a story sentence about fees is not
    story = "Join the cooperative for 200 shillings a month, its chairman told farmers."
    doc = to_document(_txt(f"Co-op grows\n\n{story}\n\n{BODY}"))
    assert story in doc.text


def test_repeated_standfirst() -> None:
    standfirst = "Rebels pulled back from the river villages after two days of talks with mediators."
    text = f"Rebels pull back\n\n{standfirst}\n\n{standfirst} Residents welcomed the move.\n\n{BODY}"
    doc = to_document(_txt(text))
    assert doc.text.count("Rebels pulled back from the river villages") == 1
    assert _kinds(doc)["repeated-standfirst"]


def test_comment_section_tail_is_cut() -> None:
    comments = "\n\n".join(
        ["12 comments", "jsmith", "I think the government should have acted much sooner than this, frankly."]
    )
    story = BODY + "\n\n" + BODY.replace("Sunday", "Monday") + "\n\n" + BODY.replace("Sunday", "Friday")
    doc = to_document(_txt(f"Rebels pull back\n\n{story}\n\n{comments}"))
    assert "frankly" not in doc.text and "jsmith" not in doc.text
    assert "I think the government" in " ".join(_kinds(doc)["comment-form"])


# --------------------------------------------------------------------------- metadata lines


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("source: herald.example.co.uk", "outlet", "herald.example.co.uk"),
        ("Source: Example Wire", "outlet", "Example Wire"),
        ("By Maria Lopez and Sam Okafor", "byline", "Maria Lopez and Sam Okafor"),
        ("Published: 14 May 2024", "published", "2024-05-14"),
        ("March 3, 2024", "published", "2024-03-03"),
        ("Tuesday 5 March 2024 10.15 GMT", "published", "2024-03-05"),
    ],
)
def test_metadata_lines(line: str, field: str, value: str) -> None:
    doc = to_document(_txt(f"Border talks stall\n{line}\n\n{BODY}"))
    assert getattr(doc, field) == value
    assert doc.meta_sources[field] == "text"
    assert line not in doc.text and _kinds(doc)["metadata"] == [line]


def test_name_outlet_date_line() -> None:
    doc = to_document(_txt(f"Talks stall\nAli Karimi — Example News Jan 9, 2023\n\n{BODY}"))
    assert (doc.byline, doc.outlet, doc.published) == ("Ali Karimi", "Example News", "2023-01-09")


def test_metadata_not_taken_from_the_middle_of_a_long_story() -> None:
    middle = "\n\n".join([BODY] * 6)
    doc = to_document(_txt(f"Talks stall\n\n{middle}\n\nBy Monday Evening\n\n{middle}"))
    assert doc.byline is None and "By Monday Evening" in doc.text


def test_given_metadata_wins_over_text() -> None:
    doc = to_document(_txt(f"Talks stall\nsource: herald.example.co.uk\n\n{BODY}", outlet="Given Outlet"))
    assert doc.outlet == "Given Outlet" and doc.meta_sources["outlet"] == "given"


# --------------------------------------------------------------------------- headline and whitespace


def test_headline_rules() -> None:
    doc = to_document(_txt(BODY))  # first line is a sentence of the story, not a headline
    assert (
        doc.title
        == "Rebel fighters withdrew from three villages near the river on Sunday, local officials said."
    )
    long_first = "A " + "very " * 60 + "long opening paragraph. It has two sentences."
    doc = to_document(_txt(f"{long_first}\n\n{BODY}"))
    assert doc.title is None and doc.text.startswith("A very")
    doc = to_document(_txt(f"Not the title\n\n{BODY}", title="Given title"))
    assert doc.title == "Given title" and doc.text.startswith("Not the title")
    doc = to_document(_txt(f"Given title\n\n{BODY}", title="Given title"))
    assert doc.title == "Given title" and doc.text.startswith("Rebel fighters")


def test_whitespace_and_paragraphs() -> None:
    text = "Talks resume today\r\n\r\n  First   paragraph\u00a0with  spaces.  \r\nSecond paragraph.\t\n\n\n\nThird\u200b one.  \n"
    doc = to_document(_txt(text))
    assert doc.text == "First paragraph with spaces.\n\nSecond paragraph.\n\nThird one."


def test_hard_wrapped_text_is_joined() -> None:
    para = (
        "The ministry said on Monday that the convoy had crossed the border at dawn and\n"
        "that the drivers had been told to wait at the checkpoint until the inspectors\n"
        "arrived from the capital, which was expected to take most of the morning there.\n"
    )
    paras = [para, para.replace("Monday", "Tuesday"), para.replace("Monday", "Friday")]
    doc = to_document(_txt("Convoy crosses border\n\n" + "\n".join(paras)))
    parts = doc.text.split("\n\n")
    assert len(parts) == 3 and parts[0].startswith("The ministry said") and parts[0].endswith("there.")


def test_empty_or_all_boilerplate_raises() -> None:
    with pytest.raises(ValueError, match="no article text found"):
        to_document(_txt("   \n\n "))
    with pytest.raises(ValueError, match="no article text found"):
        to_document(_txt("Leave a Reply\nShare this story\nClick to enlarge"))


# --------------------------------------------------------------------------- page dumps (text path finds the article)


def _page_dump() -> str:
    related = [
        "Most popular",
        "Football: late goal seals title",
        "Weather: storms on the way",
        "Recipes for spring",
    ]
    footer = [
        "About us",
        "Contact",
        "Privacy policy",
        "Terms of use",
        "Careers",
        "© 2024 Example Media Group",
    ]
    return "\n".join(
        ["Rebels pull back from river villages | Example News", *_NAV, "Rebels pull back from river villages"]
        + BODY.split("\n\n")
        + [
            "The army said engineers would start clearing mines on Monday and that it expected the work to last a week."
        ]
        + related
        + footer
    )


def test_page_dump_keeps_the_article_only() -> None:
    doc = to_document(_txt(_page_dump()))
    assert doc.text.startswith("Rebel fighters withdrew")
    assert doc.text.endswith("expected the work to last a week.")
    for junk in ("Politics", "Football", "Privacy policy", "Example Media Group"):
        assert junk not in doc.text
    assert "Politics" in _kinds(doc)["page-furniture"]


def test_clean_article_with_short_paragraphs_is_untouched() -> None:
    text = "Talks resume\n\n" + BODY + "\n\nTalks resume on Friday.\n\n“We are ready,” he said."
    doc = to_document(_txt(text))
    assert doc.text.endswith("Talks resume on Friday.\n\n“We are ready,” he said.")
    assert "page-furniture" not in _kinds(doc)


# --------------------------------------------------------------------------- HTML


def test_html_metadata_from_page() -> None:
    raw = next(iter(read([str(FIX / "article.html")])))
    assert isinstance(raw, RawArticle)
    doc = to_document(raw)
    assert doc.title == "Ceasefire agreed after week of clashes"
    assert doc.byline == "Ali Karimi" and doc.outlet == "Example News"
    assert doc.published == "2024-05-14" and doc.published_source == "html-metadata"
    assert doc.meta_sources["title"] == "html-metadata"
    assert doc.text.startswith("The two sides agreed to a ceasefire")
    assert "Most read" not in doc.text and "Privacy" not in doc.text and "Football" not in doc.text
    assert "\n\n" in doc.text and "\n\n\n" not in doc.text
    assert doc.input_kind == "html" and doc.extra["html_metadata"]["sitename"] == "Example News"


def test_html_given_values_win() -> None:
    html = (FIX / "article.html").read_text(encoding="utf-8")
    given = {"url": "https://mirror.example.net/x", "title": "Given headline", "published": "2024-05-15"}
    doc = to_document(RawArticle(source="x.jsonl#L1", kind="jsonl", html=html, given=given))
    assert doc.url == "https://mirror.example.net/x" and doc.meta_sources["url"] == "given"
    assert doc.title == "Given headline" and doc.meta_sources["title"] == "given"
    assert doc.published == "2024-05-15" and doc.published_source == "given"
    assert doc.byline == "Ali Karimi" and doc.meta_sources["byline"] == "html-metadata"


def test_warc_date_is_only_a_fallback() -> None:
    html = "<html><body><article><p>" + BODY.replace("\n\n", "</p><p>") + "</p></article></body></html>"
    doc = to_document(
        RawArticle(source="c.warc#0", kind="warc", html=html, given={"warc_date": "2024-06-01T10:00:00Z"})
    )
    assert doc.published == "2024-06-01" and doc.published_source == "given"
    assert doc.extra["published_is_crawl_date"] is True
    page = (FIX / "article.html").read_text(encoding="utf-8")
    doc = to_document(
        RawArticle(source="c.warc#0", kind="warc", html=page, given={"warc_date": "2024-06-01"})
    )
    assert doc.published == "2024-05-14"


def test_broken_html_and_rss_fragments() -> None:
    items = [x for x in read([str(FIX / "broken.html"), str(FIX / "feed.rss")]) if isinstance(x, RawArticle)]
    docs = [to_document(x) for x in items]
    assert "sandbags" in docs[0].text and docs[0].title == "Flood warning issued for river towns"
    assert docs[1].text.startswith("Three navy ships") and docs[1].outlet == "Example Wire World"
    assert docs[2].text == (
        "The defence minister resigned on Tuesday after newspapers reported that contracts had gone to firms "
        "owned by his relatives.\n\nHe denied any wrongdoing."
    )


# --------------------------------------------------------------------------- the pattern file is user data


def test_user_pattern_file_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "boilerplate"
    shutil.copytree(clean._DATA, folder)
    (folder / "local.tsv").write_text(
        "promo\tline\t(?i)this story is brought to you by .+\n", encoding="utf-8"
    )
    monkeypatch.setattr(clean, "_DATA", folder)
    clean._patterns.cache_clear()
    try:
        doc = to_document(_txt(f"Headline here\n\n{BODY}\n\nThis story is brought to you by Acme Tyres"))
        assert _kinds(doc)["promo"] == ["This story is brought to you by Acme Tyres"]
    finally:
        clean._patterns.cache_clear()


def test_bad_pattern_file_says_where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "bad.tsv").write_text("kind\tnowhere\tx\n", encoding="utf-8")
    monkeypatch.setattr(clean, "_DATA", tmp_path)
    clean._patterns.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"bad.tsv:1"):
            to_document(_txt(BODY))
    finally:
        clean._patterns.cache_clear()


# --------------------------------------------------------------------------- the extraction metric


def test_metric_edge_cases() -> None:
    gold = "one two three four five six"
    assert page_scores(gold, gold) == (1.0, 1.0, True)
    assert page_scores(gold, "") == (None, 0.0, False)  # no output: precision undefined, recall 0
    p, r, _ = page_scores(gold, "one two three four seven eight")
    assert p == pytest.approx(1 / 3) and r == pytest.approx(1 / 3)  # 1 TP, 2 FP, 2 FN, normalised
    assert page_scores("a b", "a b") == (1.0, 1.0, True)  # fewer than 4 tokens: one shingle


def test_metric_f1_from_mean_p_and_r() -> None:
    gold = {"a": "w1 w2 w3 w4 w5", "b": "x1 x2 x3 x4 x5"}
    pred = {"a": "w1 w2 w3 w4 w5", "b": None}
    s = score(gold, pred)
    assert s["precision"] == 1.0 and s["recall"] == 0.5  # page b has no precision, recall 0
    assert s["f1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5, abs=1e-4)
    assert s["accuracy"] == 0.5


def test_bootstrap_sd_of_the_metric() -> None:
    from dateline.evaluate.extraction import bootstrap_sd

    gold = {str(i): f"story number {i} about the river villages and the talks" for i in range(20)}
    assert bootstrap_sd(gold, dict(gold), n=200) == 0.0  # every page perfect: no spread
    half = {k: (v if int(k) % 2 else None) for k, v in gold.items()}
    assert 0.05 < bootstrap_sd(gold, half, n=200) < 0.3


@pytest.mark.slow
def test_extraction_suite_on_dev(shared_data: Path) -> None:
    from dateline.evaluate import load_all

    result = load_all()["extraction"]("dev", shared_data)
    assert result["html"]["f1"] >= 0.96
    assert result["text"]["f1"] >= 0.94


def test_html_falls_back_to_page_text_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    class _Nothing:
        @staticmethod
        def bare_extraction(*args: object, **kwargs: object) -> None:
            return None

    monkeypatch.setattr(clean, "_trafilatura", lambda: _Nothing)
    html = "<html><body><p>" + BODY.replace("\n\n", "</p><p>") + "</p></body></html>"
    doc = to_document(RawArticle(source="x.html", kind="html", html=html))
    assert doc.text == BODY and doc.extra["html_metadata"]["fallback"] == "html-text"


def test_page_dump_survives_control_characters() -> None:
    html = "<html><body><p>Menu\x00</p><p>" + BODY.replace("\n\n", "\x0b</p><p>") + "\x1f</p></body></html>"
    dump = clean._html_text(html)
    assert dump.split("\n")[0] == "Menu"
    assert dump.split("\n")[1:] == BODY.split("\n\n")


# --------------------------------------------------------------------------- second round: prompts, appeals, outlets


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Follow Maria on Twitter @MariaReports. Click to follow", "share"),
        ("Follow The Example Post. Click to follow", "share"),
        ("Follow our correspondent on Instagram", "share"),
        ("Like Loading...", "share"),
        ("Loading…", "share"),
        ("Be the first to like this.", "share"),
        ("Share this:", "share"),
        ("Related", "related"),
        ("Debate with fellow readers. Please keep the discussion civil.", "comment-form"),
        ("Join lively conversations with other readers.", "comment-form"),
        ("Donate to the Harbour Times.", "donation"),
        ("Support the Harbour Times today.", "donation"),
        ("Harbour Times: news that matters. Subscribe for full digital access.", "subscribe"),
        ("Subscribe now to continue reading.", "subscribe"),
        ("Thanks for signing up! Keep an eye on your inbox.", "newsletter"),
        ("Privacy Policy", "footer"),
        ("If you buy something through our links, the Example Post may earn a commission.", "footer"),
    ],
)
def test_prompt_and_appeal_lines_go_whole(line: str, kind: str) -> None:
    text = "Border talks stall\n\n" + BODY.replace("\n\n", f"\n\n{line}\n\n", 1)
    doc = to_document(_txt(text))
    assert line not in doc.text and "Subscribe" not in doc.text and "readers" not in doc.text
    assert kind in _kinds(doc), _kinds(doc)
    assert " ".join(_kinds(doc)[kind]).replace("  ", " ") in line
    assert doc.text == BODY


def test_appeal_with_tagline_glued_to_first_sentence() -> None:
    text = (
        "Troops arrive\n\nReader-funded reporting from the coast. Every donation, large or small, keeps our "
        "journalism open to everyone. Support the Harbour Times today.British troops arrived at the base on "
        "Monday, officials said.\n\n" + BODY
    )
    doc = to_document(_txt(text))
    assert doc.text.split("\n\n")[0] == "British troops arrived at the base on Monday, officials said."
    assert len(_kinds(doc)["donation"]) == 3


def test_tagline_next_to_a_story_sentence_is_kept() -> None:
    # half boilerplate but the plain sentence is story prose, not a short tagline: only the prompt goes
    line = "The ministry confirmed the figures in a statement on Tuesday evening. Subscribe for full access."
    doc = to_document(_txt("Talks stall\n\n" + BODY.replace("\n\n", f"\n\n{line}\n\n", 1)))
    assert "The ministry confirmed the figures in a statement on Tuesday evening." in doc.text
    assert "Subscribe" not in doc.text and _kinds(doc)["subscribe"] == ["Subscribe for full access."]


def test_posted_by_line_is_byline_and_section() -> None:
    doc = to_document(_txt(f"Talks stall\n\nPosted by Ana Ruiz in Politics, Europe\n\n{BODY}"))
    assert doc.byline == "Ana Ruiz" and doc.meta_sources["byline"] == "text"
    assert doc.extra["section"] == "Politics, Europe"
    assert doc.text == BODY and _kinds(doc)["metadata"] == ["Posted by Ana Ruiz in Politics, Europe"]


def test_posted_by_line_with_date() -> None:
    doc = to_document(_txt(f"Talks stall\n\nPosted by Ana Ruiz in World on March 4, 2024\n\n{BODY}"))
    assert (doc.byline, doc.published, doc.extra["section"]) == ("Ana Ruiz", "2024-03-04", "World")


def test_outlet_from_domain_prefers_a_name_the_text_gives() -> None:
    body = BODY + "\n\nA spokesman told the Harbour Times that the roads would reopen on Friday."
    doc = to_document(_txt(f"Talks stall\nsource: www.harbourtimes.co.uk\n\n{body}"))
    assert doc.outlet == "Harbour Times" and doc.extra["source_domain"] == "www.harbourtimes.co.uk"
    # a byline line naming the outlet wins over the bare domain
    doc = to_document(
        _txt(f"Talks stall\nsource: hts.example.com\nAli Karimi — Example News Jan 9, 2023\n\n{BODY}")
    )
    assert doc.outlet == "Example News" and doc.extra["source_domain"] == "hts.example.com"
    # ... unless the domain spells another outlet the text names (a syndicated copy)
    doc = to_document(
        _txt(f"Talks stall\nsource: harbourtimes.com\nAli Karimi — Example News Jan 9, 2023\n\n{body}")
    )
    assert doc.outlet == "Harbour Times"
    # nothing better: the domain itself
    doc = to_document(_txt(f"Talks stall\nsource: harbourtimes.com\n\n{BODY}"))
    assert doc.outlet == "harbourtimes.com"


def test_syndication_and_credit_lines() -> None:
    tail = (
        "Harbour Times staff contributed to this report.\n\n"
        "This story was distributed by the Example Wire service and is republished under licence."
    )
    doc = to_document(_txt(f"Talks stall\n\n{BODY}\n\n{tail}"))
    assert doc.text == BODY
    assert {"credit", "footer"} <= set(_kinds(doc))


# --------------------------------------------------------------------------- second round: page dumps


_NAV = [
    "Home",
    "World",
    "Politics",
    "Business",
    "Sport",
    "Culture",
    "Opinion",
    "Video",
    "Podcasts",
    "Subscribe",
]
_FOOT = ["About us", "Contact", "Privacy policy", "Terms of use", "Careers", "© 2024 Example Media Group"]
_STORY = BODY.split("\n\n") + [
    "The army said engineers would start clearing mines on Monday and that it expected the work to last a week.",
    "Aid groups said about 2,000 families had fled the villages during the fighting and were living in tents.",
]


def test_page_dump_related_links_inside_the_story_go() -> None:
    related = [
        "Related stories",
        "Floods hit the coast again",
        "Why the ceasefire failed [ANALYSIS]",
        "Elections: what next?",
    ]
    lines = [
        "Rebels pull back | Example News",
        *_NAV,
        "Rebels pull back",
        *_STORY[:2],
        *related,
        *_STORY[2:],
        *_FOOT,
    ]
    doc = to_document(_txt("\n".join(lines)))
    assert doc.text.split("\n\n") == _STORY
    assert _kinds(doc)["related"] == related


def test_page_dump_byline_and_date_under_the_headline() -> None:
    lines = [
        "Rebels pull back | Example News",
        *_NAV,
        "Rebels pull back",
        "By Lena Park",
        "12 March 2024",
        *_STORY,
    ]
    doc = to_document(_txt("\n".join(lines + _FOOT)))
    assert doc.text.split("\n\n") == _STORY
    assert doc.byline == "Lena Park" and doc.published == "2024-03-12"


def test_author_bio_at_the_end_is_cut_but_not_in_the_middle() -> None:
    bio = "Lena Park is a senior correspondent for Example News who covers conflict and migration in the region."
    doc = to_document(_txt("\n".join(["Rebels pull back", "", *_STORY, bio, "Ideas Contributor"])))
    assert doc.text.split("\n\n") == _STORY and bio in _kinds(doc)["author-bio"]
    # the same sentence early in a story, with the story going on after it, stays
    story = [_STORY[0], _STORY[1], bio, *_STORY[2:], *_STORY]
    doc = to_document(_txt("\n\n".join(["Rebels pull back", *story])))
    assert bio in doc.text and "author-bio" not in _kinds(doc)


def test_hard_wrapped_lines_without_blank_lines_are_joined() -> None:
    wrapped = [
        "Photos released on Monday and shared widely online",
        "show the rebel commander meeting village elders near the",
        "river, officials said.",
    ]
    lines = ["Rebels pull back | Example News", *_NAV, "Rebels pull back", *wrapped, *_STORY, *_FOOT]
    doc = to_document(_txt("\n".join(lines)))
    assert doc.text.split("\n\n")[0] == " ".join(wrapped)


# --------------------------------------------------------------------------- third round: the learned line model


def test_line_model_ships_and_matches_the_features() -> None:
    model = clean._line_model()
    assert model is not None and len(model.stages) >= 1
    assert len(model.stages[0].coef) == len(clean._FEATURES)
    for stage in model.stages[1:]:
        assert len(stage.coef) == len(clean._FEATURES) + len(clean._STACK_FEATURES)
    assert 0.0 < model.threshold < 1.0


def test_line_model_with_other_features_says_retrain(tmp_path: Path) -> None:
    path = tmp_path / "line_model.json"
    path.write_text('{"features": ["log_words"], "stack_features": [], "stages": [], "decode": {}}')
    with pytest.raises(ValueError, match="retrain"):
        clean._load_line_model(path)
    assert clean._load_line_model(tmp_path / "missing.json") is None  # no file: the hand-set scores


def test_best_run_and_window_mean() -> None:
    assert clean._best_run([-1.0, 2.0, -0.5, 3.0, -4.0, 1.0], set()) == (1, 3, 4.5)
    assert clean._best_run([-1.0, 2.0, -0.5, 3.0, -4.0, 1.0], {3}) == (3, 3, 3.0)  # a wall starts a new run
    assert list(clean._window_mean(np.array([1.0, 0.0, 1.0]), 10)) == pytest.approx([2 / 3] * 3)
    assert list(clean._window_mean(np.array([1.0, 0.0, 0.0, 0.0]), 1)) == pytest.approx([0.5, 1 / 3, 0, 0])


def _long_page() -> str:
    teasers = [
        "More from Example News",
        "Floods hit the coast again as rivers burst their banks",
        "Storm warning issued for the north",
        "Why the ceasefire failed",
        "Elections: what next for the coalition?",
        "Prices rise for the third month",
    ]
    story = _STORY + [
        "The governor said on Tuesday that schools in the area would reopen once the roads had been cleared.",
        "Church mediators said they hoped to bring the two sides back to the table before the end of the month.",
    ]
    lines = ["Rebels pull back | Example News", *_NAV, "Rebels pull back", "By Lena Park", *story, *teasers]
    return "\n".join([*lines, "Share", "Tweet", *_FOOT])


def test_learned_model_picks_the_story_block_of_a_page_dump(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = clean._decode_block
    monkeypatch.setattr(clean, "_decode_block", lambda c, *a: calls.append(len(c.paras)) or real(c, *a))
    doc = to_document(_txt(_long_page()))
    assert calls, "the learned path did not run on a page dump"
    assert doc.text.startswith("Rebel fighters withdrew") and doc.text.endswith(
        "before the end of the month."
    )
    for junk in ("Politics", "Floods hit", "Storm warning", "Privacy policy", "Tweet"):
        assert junk not in doc.text, junk
    assert doc.byline == "Lena Park"


def test_page_dump_ending_with_a_comment_marker_line() -> None:
    # the marker line is removed itself, so its position is after the last kept line
    doc = to_document(_txt(_long_page() + "\n\nLeave a Reply"))
    assert doc.text.startswith("Rebel fighters withdrew") and "Leave a Reply" not in doc.text


def _decoded(probs: list[float], title: str) -> list[str]:
    lines = ["Our mission is to inform the public with care, rigour and fairness every single day."] * 3
    lines += [title] + [
        f"Story paragraph {k} tells what the officials said about the river talks." for k in range(3)
    ]
    cleaned = clean._Cleaned([(t, k) for k, t in enumerate(lines)], [], {}, [], [])
    model = clean._LineModel(stages=(), threshold=0.4, alpha=0.5, hole=0.0, walls=False)
    assert clean._decode_block(cleaned, frozenset(), probs, model, title)
    return [t for t, _ in cleaned.paras]


def test_learned_block_prefers_the_run_under_the_headline() -> None:
    title = "Rebels pull back from river villages"
    # the blurb above the headline looks more like prose, but the story under the headline is close enough
    kept = _decoded([0.95, 0.95, 0.95, 0.3, 0.8, 0.8, 0.8], title)
    assert kept[0].startswith("Story paragraph 0") and len(kept) == 3
    # far weaker under the headline: the best run stands
    kept = _decoded([0.95, 0.95, 0.95, 0.3, 0.5, 0.2, 0.2], title)
    assert kept[0].startswith("Our mission")


def test_learned_model_is_not_used_on_ordinary_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom() -> None:
        raise AssertionError("line model consulted for an ordinary article")

    monkeypatch.setattr(clean, "_line_model", boom)
    doc = to_document(_txt("Talks resume\n\n" + "\n\n".join(_STORY)))
    assert doc.text.split("\n\n") == _STORY


def test_rule_scores_still_work_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clean, "_line_model", lambda: None)
    doc = to_document(_txt(_page_dump()))
    assert doc.text.startswith("Rebel fighters withdrew") and "Privacy policy" not in doc.text


# ------------------------------------------------------------------ third round: plain-text metadata lines


@pytest.mark.parametrize(
    ("line", "byline", "outlet", "published", "section"),
    [
        ("Harbour Gazette | Thursday, 4 April 2024 | World", None, "Harbour Gazette", "2024-04-04", "World"),
        ("Lakeside Review - 9 May 2024", None, "Lakeside Review", "2024-05-09", None),
        ("Lakeside Review — May 9, 2024 — Politics", None, "Lakeside Review", "2024-05-09", "Politics"),
        (
            "By Tomas Weller, Morning Ledger, 2 February 2024",
            "Tomas Weller",
            "Morning Ledger",
            "2024-02-02",
            None,
        ),
        ("By Tomas Weller | March 8, 2024", "Tomas Weller", None, "2024-03-08", None),
        ("By Priya Nair - Valley Wire, October 30, 2023", "Priya Nair", "Valley Wire", "2023-10-30", None),
        (
            "By Priya Nair and Sam Holt, Valley Wire, 30 Oct 2023, 08:15 GMT",
            "Priya Nair and Sam Holt",
            "Valley Wire",
            "2023-10-30",
            None,
        ),
        ("Published: 12 January 2024, 14:05 BST", None, None, "2024-01-12", None),
        ("Broadcast: 12 January 2024, 19:00", None, None, "2024-01-12", None),
        ("Published 12 January 2024 | Updated 14 January 2024", None, None, "2024-01-12", None),
        ("Last modified on Fri 12 Jan 2024 14.05 GMT", None, None, "2024-01-12", None),
        ("Ivan Hale - 2 November 2023", None, None, "2023-11-02", None),  # a name, not an outlet
    ],
)
def test_plain_text_metadata_line_is_metadata_not_body(
    line: str, byline: str | None, outlet: str | None, published: str, section: str | None
) -> None:
    doc = to_document(_txt(f"Ferry service resumes\n\n{line}\n\n{BODY}"))
    assert doc.text == BODY  # nothing of the line is glued to the first sentence
    assert (doc.byline, doc.outlet, doc.published) == (byline, outlet, published)
    assert doc.extra.get("section") == section
    assert doc.published_source == "text" and doc.meta_sources["published"] == "text"
    assert _kinds(doc)["metadata"] == [line]
    assert doc.published_confidence is not None and doc.published_evidence == [
        f"date stated on a metadata line {line!r}"
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Updated 3 hours ago",
        "Published 25 minutes ago",
        "Last updated: yesterday at 10:45",
        "Posted just now",
    ],
)
def test_relative_update_line_is_removed_without_a_date(line: str) -> None:
    doc = to_document(_txt(f"Ferry service resumes\n\n{line}\n\n{BODY}"))
    assert doc.text == BODY and _kinds(doc)["metadata"] == [line]
    assert doc.published is None  # "3 hours ago" is not read as today's date


def test_relative_words_are_not_a_full_date() -> None:
    assert clean._iso_date("3 hours ago") is None and clean._iso_date("yesterday 3pm") is None
    assert clean._iso_date("Tuesday, 17 June 2025") == "2025-06-17"


def test_metadata_lines_above_and_below_together() -> None:
    text = (
        "Ferry service resumes\n\nBy Tomas Weller, Morning Ledger, 2 February 2024\n"
        "Updated 2 hours ago\n\n"
        f"{BODY}\n\nReporting by Tomas Weller in Portbridge; Editing by Ann Cole"
    )
    doc = to_document(_txt(text))
    assert doc.text == BODY
    assert (doc.byline, doc.outlet, doc.published) == ("Tomas Weller", "Morning Ledger", "2024-02-02")
    assert _kinds(doc)["credit"] == ["Reporting by Tomas Weller in Portbridge; Editing by Ann Cole"]


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Ana Ruiz; Editing by Tom Brown and Lucy Hale",
        "(Additional reporting by Kemal Arslan in Ankara and Dana Fox in Sofia; Writing by Ivo Marin)",
        "Writing by Ivo Marin, Editing by Ann Cole.",
        "Compiled by Sara Lind",
    ],
)
def test_trailing_credit_lines_go(line: str) -> None:
    doc = to_document(_txt(f"Ferry service resumes\n\n{BODY}\n\n{line}"))
    assert doc.text == BODY and _kinds(doc)["credit"] == [line]


@pytest.mark.parametrize(
    "sentence",
    [
        "By Tuesday the convoy had arrived at the base.",
        "By Tuesday, 4 April 2024, the convoy had reached the base and unloaded its trucks.",
        "On 4 April 2024 the convoy arrived at the base, officials said.",
        "Reporting by local journalists was restricted by the army, the union said.",
        "Editing by hand took the archive team several weeks.",
        "Published figures showed 300 families had left the valley.",
    ],
)
def test_body_sentences_that_look_like_metadata_stay(sentence: str) -> None:
    for text in (f"{sentence}\n\n{BODY}", f"{BODY}\n\n{sentence}"):  # first or last paragraph
        doc = to_document(_txt(f"Ferry service resumes\n\n{text}"))
        assert doc.text == text
        assert doc.byline is None and doc.published is None


def test_all_caps_dateline_place_is_not_an_outlet() -> None:
    doc = to_document(_txt(f"Ferry service resumes\n\nPORTBRIDGE - May 9, 2024\n\n{BODY}"))
    assert doc.outlet is None and doc.published == "2024-05-09" and doc.text == BODY
    doc = to_document(_txt(f"Ferry service resumes\n\nPortbridge Post - May 9, 2024\n\n{BODY}"))
    assert doc.outlet == "Portbridge Post"


def test_wire_dateline_stays_in_the_text_and_dates_the_story() -> None:
    lead = "PORTBRIDGE, April 4, 2024 (Valley Wire) - Rebels shelled the terminal on Thursday, police said."
    doc = to_document(_txt(f"Ferry terminal shelled\n\n{lead}\n\n{BODY}"))
    assert doc.text.startswith(lead)  # kept: offsets of the body do not move
    assert doc.published == "2024-04-04" and doc.published_source == "text"
    assert doc.outlet == "Valley Wire" and doc.meta_sources["outlet"] == "text"
    wire = doc.extra["wire_dateline"]
    assert (wire["place"], wire["date"], wire["agency"]) == ("PORTBRIDGE", "April 4, 2024", "Valley Wire")
    assert doc.text[wire["start"] : wire["end"]].startswith(wire["text"])
    assert any("wire dateline" in e for e in doc.published_evidence)


def test_wire_dateline_without_a_year_is_recorded_but_does_not_date_the_story() -> None:
    lead = "PORTBRIDGE, April 4 (Valley Wire) - Rebels shelled the ferry terminal on Thursday, police said."
    doc = to_document(_txt(f"Ferry terminal shelled\n\n{lead}\n\n{BODY}"))
    assert doc.text.startswith(lead) and doc.published is None  # left to dateline.pubdate
    assert doc.extra["wire_dateline"]["date"] == "April 4"


def test_wire_dateline_with_a_country_of_several_words() -> None:
    lead = (
        "BUKAVU, Democratic Republic of Congo, 9 May 2025 (Lakes Desk) - Militia fighters seized the airport."
    )
    doc = to_document(_txt(f"Airport seized\n\n{lead}\n\n{BODY}"))
    wire = doc.extra["wire_dateline"]
    assert (wire["place"], wire["date"]) == ("BUKAVU, Democratic Republic of Congo", "9 May 2025")
    assert doc.published == "2025-05-09"


def test_stated_dates_win_in_order() -> None:
    lead = "PORTBRIDGE, April 4, 2024 (Valley Wire) - Rebels shelled the terminal on Thursday, police said."
    # a metadata line beats the wire dateline, and its outlet beats the agency
    doc = to_document(_txt(f"Terminal shelled\n\nHarbour Gazette | 5 April 2024\n\n{lead}\n\n{BODY}"))
    assert (doc.published, doc.outlet) == ("2024-04-05", "Harbour Gazette")
    # a given date beats both
    doc = to_document(_txt(f"Terminal shelled\n\n{lead}\n\n{BODY}", published="2024-04-06"))
    assert doc.published == "2024-04-06" and doc.published_source == "given"
    # the wire dateline beats a crawl date
    doc = to_document(_txt(f"Terminal shelled\n\n{lead}\n\n{BODY}", warc_date="2024-05-01T10:00:00Z"))
    assert doc.published == "2024-04-04" and "published_is_crawl_date" not in doc.extra


@pytest.mark.parametrize(
    "headline",
    [
        "TROOPS POUR IN! Convoy reaches the border base",
        "GENERAL'S 700 MARCH EAST!",
        "U.S. ENVOY FLIES IN AS TALKS RESUME",
        "Is the ceasefire over? Shelling resumes in the north",
    ],
)
def test_short_first_line_is_the_title_in_any_style(headline: str) -> None:
    doc = to_document(_txt(f"{headline}\n\nBy Tomas Weller, Morning Ledger, 2 February 2024\n\n{BODY}"))
    assert doc.title == headline and doc.meta_sources["title"] == "text"
    assert doc.text == BODY and _kinds(doc)["headline"] == [headline]


def test_merge_dev_articles_get_date_and_title() -> None:
    files = sorted((Path(__file__).parent / "fixtures" / "merge_dev" / "articles").glob("*.txt"))
    assert files
    for raw in read([str(f) for f in files]):
        assert isinstance(raw, RawArticle)
        doc = to_document(raw)
        assert doc.published and doc.published.startswith("2025-06-"), raw.source
        assert doc.title and doc.title not in doc.text, raw.source
        first = doc.text.split("\n\n")[0]
        assert not first.startswith(("By ", "Broadcast:")) and " | " not in first, raw.source


def test_byline_without_by_names_author_outlet_and_date() -> None:
    text = (
        "Ferry services resume across the strait\n\n"
        "Marta Oyelaran, Harbour Gazette, 4 March 2024\n\n"
        "Ferries crossed the strait again on Monday after a week of storms kept them in port, the operator said. "
        "Passengers queued from dawn at the northern terminal."
    )
    doc = to_document(_txt(text))
    assert (doc.byline, doc.outlet, doc.published) == ("Marta Oyelaran", "Harbour Gazette", "2024-03-04")
    assert doc.text.startswith("Ferries crossed")


def test_place_and_date_line_is_not_a_byline() -> None:
    text = (
        "Ferry services resume across the strait\n\n"
        "Kabul, Afghanistan, 4 March 2024\n\n"
        "Ferries crossed the strait again on Monday after a week of storms kept them in port, the operator said."
    )
    doc = to_document(_txt(text))
    assert doc.byline is None and doc.outlet != "Afghanistan"


def test_transcript_header_names_the_outlet_and_stays_the_title() -> None:
    text = (
        "Radio Coastline Morning Report - transcript\n\n"
        "Broadcast: 4 March 2024, 07:00\n\n"
        "PRESENTER: Good morning. Ferries are crossing the strait again after a week of storms."
    )
    doc = to_document(_txt(text))
    assert doc.outlet == "Radio Coastline Morning Report"
    assert doc.title == "Radio Coastline Morning Report - transcript"
    assert doc.published == "2024-03-04"


def test_blog_post_headline_under_the_site_header_is_the_title() -> None:
    text = (
        "Harbour Notes — a weekly log of the northern ports\n\n"
        "Home | Archive | Support us | Contact\n\n"
        "Ferry strike ends: what happens next\n"
        "Posted by R. Okafor on 4 March 2024\n\n"
        "The ferry strike ended on Monday after the operator agreed to a pay rise, the union said.\n\n"
        "Crossings resume on Wednesday."
    )
    doc = to_document(_txt(text))
    assert doc.title == "Ferry strike ends: what happens next"
    assert doc.extra["site_title"].startswith("Harbour Notes")
    assert doc.text.startswith("The ferry strike ended") and "Home |" not in doc.text
    assert (doc.byline, doc.published) == ("R. Okafor", "2024-03-04")


def test_a_standfirst_under_the_headline_does_not_replace_it() -> None:
    text = (
        "Ferry strike ends after pay deal\n\n"
        "Union hails a win for crews\n\n"
        "By R. Okafor, Harbour Gazette, 4 March 2024\n\n"
        "The ferry strike ended on Monday after the operator agreed to a pay rise, the union said."
    )
    doc = to_document(_txt(text))
    assert doc.title == "Ferry strike ends after pay deal"


def test_a_page_with_a_title_and_no_body_is_no_article() -> None:
    page = "<html><head><title>Harbour reopens</title><meta name='x' content='y'></head></html>"
    with pytest.raises(ValueError, match="no article text"):
        clean.to_document(RawArticle(source="p.html", kind="html", html=page))
    full = page.replace(
        "</head>", "</head><body><p>The harbour reopened to ferries on Monday, officials said.</p></body>"
    )
    doc = clean.to_document(RawArticle(source="p.html", kind="html", html=full))
    assert "ferries" in doc.text and "Harbour reopens" not in doc.text


@pytest.mark.parametrize(
    "credit",
    [
        "Reporting by Amazon Wire's Boa Vista bureau.",
        "Additional reporting by the Gulf Courier's Doha newsroom.",
    ],
)
def test_a_credit_line_naming_a_bureau_is_removed(credit: str) -> None:
    """A wire credit that ends in the desk's name ("... Boa Vista bureau.") is furniture, like "Reporting by NAME"."""
    from dateline.clean import to_document
    from dateline.model import RawArticle

    text = ("LETHEM, Guyana (Amazon Wire) - Soldiers reinforced the border post on Tuesday, officials said.\n\n"
            f"The post lies on the Takutu river.\n\n{credit}\n")  # fmt: skip
    doc = to_document(RawArticle(source="x.txt", kind="txt", text=text))
    assert "reporting by" not in doc.text.lower()
    assert "The post lies on the Takutu river." in doc.text
