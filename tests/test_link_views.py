"""Stories, timelines, briefings, the troop tracker, the timeline metric and the link CLI commands."""

from __future__ import annotations

import datetime as dt
import json

import click
from click.testing import CliRunner
from test_link_merge import ROWS, _events  # tests/ is on sys.path (pytest rootdir insertion)

from dateline.evaluate.timeline import align_rouge, build_timeline, date_f1
from dateline.link import brief, link_new, render_timeline, stories, timeline, troop_series
from dateline.link.cli import COMMANDS
from dateline.link.troops import _text_figures
from dateline.model import Document, Sentence
from dateline.store import Store

FLOOD = [
    "Heavy rain flooded the river valley towns overnight and forced thousands of residents from their homes.",
    "Rescue teams used boats to reach villages cut off by the flood water near the river.",
    "The regional government opened shelters in schools for families whose homes were flooded.",
]
ELECTION = [
    "Voters in the capital queued for hours to cast ballots in the presidential election runoff.",
    "The electoral commission said turnout in the runoff election was higher than in the first round.",
    "Both presidential candidates claimed victory before the commission counted the ballots.",
]


def _doc(doc_id: str, title: str, sentences: list[str], published: str, outlet: str) -> Document:
    text, spans = "", []
    for s in sentences:
        start = len(text) + (1 if text else 0)
        text = (text + " " if text else "") + s
        spans.append(Sentence(start, start + len(s)))
    return Document(id=doc_id, text=text, title=title, published=published, outlet=outlet, status="processed",
                    sentences=spans)  # fmt: skip


def _topic_store(tmp_path) -> Store:
    store = Store(tmp_path / "s.db")
    for i in range(3):
        rot = FLOOD[i:] + FLOOD[:i]
        store.add(_doc(f"f{i}", f"River valley flood forces residents out ({i})", rot, f"2022-05-0{i + 1}",
                       f"Outlet {i}"), f"f{i}", None)  # fmt: skip
        rot = ELECTION[i:] + ELECTION[:i]
        store.add(_doc(f"e{i}", f"Presidential runoff election count begins ({i})", rot, f"2022-05-0{i + 2}",
                       f"Outlet {i}"), f"e{i}", None)  # fmt: skip
    return store


def test_stories_group_by_topic(tmp_path) -> None:
    store = _topic_store(tmp_path)
    out = link_new(store)
    assert out["articles_assigned"] == 6
    got = {r[0]: r[1] for r in store.db.execute("SELECT doc_id, story_id FROM story_docs")}
    assert len({got["f0"], got["f1"], got["f2"]}) == 1
    assert len({got["e0"], got["e1"], got["e2"]}) == 1
    assert got["f0"] != got["e0"]
    st = {s["id"]: s for s in stories(store)}
    flood = st[got["f0"]]
    assert flood["documents"] == 3 and "flood" in flood["title"].lower()
    assert flood["first_date"] == "2022-05-01" and flood["last_date"] == "2022-05-03"
    # a new article joins its story incrementally
    store.add(
        _doc("f9", "More flooding in the river valley", FLOOD[::-1], "2022-05-06", "Outlet 9"), "f9", None
    )
    assert link_new(store)["stories_created"] == 0
    assert store.db.execute("SELECT story_id FROM story_docs WHERE doc_id='f9'").fetchone()[0] == got["f0"]


def test_brief_copies_sentences_and_cites(tmp_path) -> None:
    store = _topic_store(tmp_path)
    link_new(store)
    sid = store.db.execute("SELECT story_id FROM story_docs WHERE doc_id='e1'").fetchone()[0]
    text = brief(store, story=sid, max_sentences=3)
    bullets = [line for line in text.splitlines() if line.startswith("- ")]
    assert 1 <= len(bullets) <= 3
    for b in bullets:
        sentence, cite = b[2:].rsplit(" [", 1)
        assert sentence in ELECTION  # verbatim, nothing generated
        assert cite.startswith("Outlet ") and cite.endswith("]") and "2022-05-0" in cite
    assert "flood" not in text.lower()
    assert "runoff" in brief(store, query="runoff").lower()


def test_timeline_filters_marks_and_escapes(tmp_path) -> None:
    rows = [list(r) for r in ROWS]
    rows[0][13] = rows[0][13].replace("Denmark", "Denmark <script>alert(1)</script> & co")
    store = Store(tmp_path / "t.db")
    for doc in _events([tuple(r) for r in rows]).values():
        store.add(doc, doc.id, None)
    link_new(store)
    entries = timeline(store)
    assert [e["date"] for e in entries] == sorted(e["date"] for e in entries)
    assert any(e["disputed"] for e in entries)
    assert all(e["event"] == "ASSAULT" for e in timeline(store, country="UKR"))
    assert not timeline(store, since="2021-03-02", until="2021-03-03")
    html = render_timeline(entries, "html")
    assert "<script>" not in html and "&lt;script&gt;" in html
    md = render_timeline(entries, "md")
    assert "[disputed]" in md and "sources disagree on factuality" in md
    assert json.loads(render_timeline(entries, "json"))[0]["sources"]


def test_timeline_marks_events_no_source_asserts() -> None:
    base = {"date": "2022-01-02", "event": "MOBILIZE", "text": "Britain would not send troops.", "sizes": [],
            "sources": [{"outlet": "A", "doc_id": "d1", "published": "2022-01-02"}], "disputed": False,
            "conflicts": []}  # fmt: skip
    md = render_timeline([{**base, "factuality": ["negated"]}], "md")
    assert "MOBILIZE [negated]:" in md
    assert "[negated]" in render_timeline([{**base, "factuality": ["negated"]}], "html")
    # planned, then done: asserted by one source, no status mark
    assert "MOBILIZE:" in render_timeline([{**base, "factuality": ["asserted", "future"]}], "md")


def test_troop_figures_from_text() -> None:
    text = ("Britain has around 400 troops based in Iraq, most of them trainers. "
            "Two British soldiers were killed in Basra. "
            "The United States has about 5,200 troops in Iraq, including 300 marines. "
            "France will send 120 more soldiers to Mali next month.")  # fmt: skip
    figs = _text_figures(text, "2020-01-05", "d1")
    got = {(f["sender"], f["place"], f["value"], f["kind"]) for f in figs}
    assert ("GBR", "IRQ", 400, "presence") in got
    assert ("USA", "IRQ", 5200, "presence") in got
    assert ("FRA", "MLI", 120, "deploy") in got
    assert not any(f["value"] in (2, 300) for f in figs)  # casualties and subsets are not troop levels
    f = next(f for f in figs if f["sender"] == "GBR")
    assert text[f["start"] : f["end"]] == "around 400 troops"


def test_troop_series_from_store(tmp_path) -> None:
    store = Store(tmp_path / "t.db")
    for i, (pub, n) in enumerate((("2020-01-03", "400"), ("2020-06-01", "around 500"))):
        s = f"Britain has {n} troops stationed in Iraq, the ministry said."
        store.add(_doc(f"t{i}", "UK troops", [s], pub, f"Outlet {i}"), f"t{i}", None)
    series = troop_series(store, "GBR", "IRQ")
    assert [f["value"] for f in series] == [400, 500]
    assert series[0]["doc_id"] == "t0" and series[0]["outlet"] == "Outlet 0"
    assert not troop_series(store, "USA")


def test_align_rouge_and_date_f1() -> None:
    d = dt.date(2011, 2, 15)
    ref = {
        d: ["Protesters clash with police in Benghazi ."],
        d + dt.timedelta(days=3): ["Army fires on crowds ."],
    }
    assert align_rouge(ref, ref, 1)["f1"] == 1.0
    assert date_f1(ref, ref) == 1.0
    shifted = {k + dt.timedelta(days=1): v for k, v in ref.items()}
    r = align_rouge(shifted, ref, 1)["f1"]
    assert 0.4 < r < 0.6  # one day off halves the credit
    assert date_f1(shifted, ref) == 0.0  # no shifted date is a gold date
    assert date_f1({**shifted, d: ["x"]}, ref) == 0.4  # 1 of 3 predicted, 1 of 2 gold
    other = {d: ["Completely unrelated words about football results ."]}
    assert align_rouge(other, ref, 1)["f1"] == 0.0


def test_build_timeline_picks_mentioned_dates() -> None:
    arts = [
        {
            "time": "2011-02-20",
            "text": "Protesters marched in Benghazi on February 17 , witnesses said .\nOther news .",
        },
        {
            "time": "2011-02-21",
            "text": "On February 17 , protesters marched in Benghazi against the leader .\nMore .",
        },
        {
            "time": "2011-02-21",
            "text": "The army fired on crowds in Tripoli on February 19 , killing dozens .\nx .",
        },
    ]
    tl = build_timeline(arts, n_dates=1, per_date=1)
    assert list(tl) == [dt.date(2011, 2, 17)]
    assert "Benghazi" in tl[dt.date(2011, 2, 17)][0]


def test_cli_commands(tmp_path) -> None:
    @click.group()
    def cli() -> None:
        pass

    for c in COMMANDS:
        cli.add_command(c)
    store = Store(tmp_path / "c.db")
    for doc in _events(ROWS).values():
        store.add(doc, doc.id, None)
    store.close()
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    r = runner.invoke(cli, ["link", "--db", db])
    assert r.exit_code == 0, r.output
    assert "linked" in r.output
    r = runner.invoke(cli, ["timeline", "--db", db, "--format", "md"])
    assert r.exit_code == 0 and "[disputed]" in r.output
    r = runner.invoke(cli, ["explain", "--db", db, "b2-7-port-shelling"])
    assert r.exit_code == 0 and "DISPUTED" in r.output and "mention 3" in r.output
    r = runner.invoke(cli, ["explain", "--db", db, "nope"])
    assert r.exit_code != 0
    r = runner.invoke(cli, ["troops", "--db", db, "--country", "DNK", "--format", "csv"])
    assert r.exit_code == 0 and r.output.startswith("date,sender,place")
    r = runner.invoke(cli, ["brief", "--db", db, "--query", "Tapa"])
    assert r.exit_code == 0 and ("[Harbour Post, 2021-03-02]" in r.output or "[Valley Times" in r.output)
    r = runner.invoke(cli, ["stories", "--db", db])
    assert r.exit_code == 0


def test_one_developing_story_stays_one_story(tmp_path) -> None:
    # every article shares the story's core words (the old plain idf gave them zero weight and split the story)
    days = [
        (
            "Dam at Lower Ferry cracks as reservoir rises",
            "Engineers found a crack in the Lower Ferry dam as the reservoir rose after a week of storms.",
        ),
        (
            "Villages below Lower Ferry dam evacuated",
            "Police evacuated villages below the Lower Ferry dam while "
            "engineers pumped water out of the reservoir.",
        ),
        (
            "Army sandbags Lower Ferry dam",
            "Soldiers stacked sandbags on the cracked Lower Ferry dam as the reservoir level fell slowly.",
        ),
        (
            "Lower Ferry dam holds, residents return",
            "Residents returned to villages below the Lower Ferry dam after "
            "engineers said the crack was stable.",
        ),
        (
            "Inquiry into Lower Ferry dam crack",
            "The regional government ordered an inquiry into how the Lower Ferry "
            "dam cracked when the reservoir rose.",
        ),
    ]
    store = Store(tmp_path / "d.db")
    for i, (title, body) in enumerate(days):
        store.add(_doc(f"d{i}", title, [body], f"2022-06-0{i + 1}", f"Outlet {i}"), f"d{i}", None)
    for i in range(3):  # a different story in the same days
        rot = ELECTION[i:] + ELECTION[:i]
        store.add(_doc(f"e{i}", f"Presidential runoff election count begins ({i})", rot, f"2022-06-0{i + 2}",
                       f"Outlet {i}"), f"e{i}", None)  # fmt: skip
    link_new(store)
    got = {r[0]: r[1] for r in store.db.execute("SELECT doc_id, story_id FROM story_docs")}
    assert len({got[f"d{i}"] for i in range(5)}) == 1
    assert got["d0"] != got["e0"]


def test_cluster_scores() -> None:
    from dateline.evaluate.stories import cluster_scores

    labels = ["a", "a", "a", "b", "b", "b"]
    same = cluster_scores(labels, ["x", "x", "x", "y", "y", "y"])
    assert same["purity"] == 1.0 and same["ari"] == 1.0 and same["pairwise"]["f1"] == 1.0
    split = cluster_scores(labels, ["x", "x", "z", "y", "y", "w"])
    assert (
        split["purity"] == 1.0
        and split["pairwise"]["precision"] == 1.0
        and split["pairwise"]["recall"] == 0.3333
    )
    assert 0 < split["ari"] < 1
    lumped = cluster_scores(labels, ["x"] * 6)
    assert lumped["purity"] == 0.5 and lumped["ari"] == 0.0 and lumped["pairwise"]["recall"] == 1.0


def test_porter_stemmer_and_large_year_offsets() -> None:
    from dateline.evaluate.timeline import _stem
    from dateline.time import normalize

    assert [_stem(w) for w in ("protesters", "marched", "running", "cities")] == [
        "protest",
        "march",
        "run",
        "citi",
    ]
    # "7000 years ago" lies before year 1: not a calendar date, and no crash
    tx = normalize("They did it to you 7000 years ago, he wrote.", anchor="2011-02-01")
    assert [t.value for t in tx if "years ago" in t.text] == ["PAST_REF"]


def test_markdown_timeline_keeps_each_entry_on_its_own_lines() -> None:
    from dateline.link.timelines import render_timeline

    mention = {
        "event_id": "e1",
        "outlet": "Harbour Post",
        "value": "2021-03-02",
        "text": "Ferries stopped.\n\n",
    }
    entry = {
        "date": "2021-03-02", "event": "COERCE", "disputed": True, "sizes": [], "factuality": ["asserted"],
        "text": "Port police halted the ferries on Tuesday.\n\n",
        "sources": [{"outlet": "Harbour Post", "doc_id": "d1", "published": "2021-03-03"}],
        "conflicts": [{"kind": "date", "mentions": [mention, {**mention, "value": "2021-03-01"}]}],
    }  # fmt: skip
    lines = render_timeline([entry], "md").splitlines()[2:]
    assert lines and all(line.lstrip().startswith("- ") for line in lines), lines
    assert "halted the ferries on Tuesday. —" in lines[0]
