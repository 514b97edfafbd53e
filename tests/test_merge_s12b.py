"""Twelfth session, merging round 2 (issue 7): two merged events that describe one event are joined when every pair
of their members would link (the same vetoes), an article's second mention that extraction did not fold ("Nine
missiles hit the runway") being one more report of it (a twin: no actor, at the same place, not set apart). Shown
on an attack and a deployment; two acts of one article at two places, or both told with their actor ("Separately,
... drones struck"), stay apart."""

from __future__ import annotations

import json

from dateline.link import link_new, merged_events
from dateline.model import Actor, Document, Event, EventDate, Place
from dateline.store import Store

_Row = tuple[str, str | None, str | None, str, str, str, tuple[str, str, float, float, str] | None]

INCIRLIK = ("Incirlik", "TUR", 37.00, 35.43, "city")
KURECIK = ("Kurecik", "TUR", 38.36, 37.79, "city")
HRUBIESZOW = ("Hrubieszow", "POL", 50.81, 23.89, "city")


def _doc(doc: str, outlet: str, pub: str, rows: list[_Row]) -> Document:
    """One document whose sentences are the rows' (type, actor, recipient, date, date source, sentence, location)."""
    text = " ".join(r[5] for r in rows)
    d = Document(
        id=doc, text=text, outlet=outlet, published=pub, status="processed", title=f"{outlet} report"
    )
    for i, (typ, actor, recip, date, dsrc, sent, loc) in enumerate(rows):
        s = text.find(sent)
        place = None
        if loc is not None:
            k = text.find(loc[0].split()[0], s)
            place = Place(loc[0], k, k + len(loc[0]), name=loc[0], country=loc[1], lat=loc[2], lon=loc[3],
                          feature=loc[4])  # fmt: skip
        d.events.append(Event(
            id=f"{doc}-{i}", doc_id=doc, event=typ, mode=None, cameo=None,
            actor=[Actor(actor, s, s + 3, name=None, country=actor)] if actor else [],
            recipient=[Actor(recip, s, s + 3, country=recip)] if recip else [],
            text=sent, sentence_start=s, sentence_end=s + len(sent), event_text=sent.split()[1], event_start=s,
            event_end=s + 5, date=EventDate(date, source=dsrc), location=place,
        ))  # fmt: skip
    return d


def _groups(tmp_path, docs: list[Document]) -> tuple[list[set[str]], Store]:
    store = Store(tmp_path / "s.db")
    for d in docs:
        store.add(d, d.id, None)
    link_new(store)
    return [{m["event_id"] for m in rec["mentions"]} for rec in merged_events(store)], store


def _missile_docs(
    second_place: tuple[str, str, float, float, str], second: str, second_actor: str | None
) -> list:
    return [
        _doc("a", "Harbour Post", "2024-05-07", [
            ("ASSAULT", "IRN", "TUR", "2024-05-07", "text",
             "Iran fired missiles at Incirlik Air Base early on Tuesday, the Turkish defence ministry said.", INCIRLIK),
            ("ASSAULT", second_actor, "TUR", "2024-05-07", "published", second, second_place),
        ]),
        _doc("b", "Valley Times", "2024-05-07", [
            ("ASSAULT", "IRN", "TUR", "2024-05-07", "text",
             "Iranian missiles struck Incirlik Air Base on Tuesday morning, damaging two hangars.", INCIRLIK),
        ]),
        _doc("c", "Northern Wire", "2024-05-08", [
            ("ASSAULT", None, "TUR", "2024-05-07", "text",
             second.replace(" while", " and").replace("officials", "a base official") + " It happened on Tuesday.",
             second_place),
        ]),
    ]  # fmt: skip


def test_a_split_missile_attack_is_joined(tmp_path) -> None:
    """Article a tells the attack ("Iran fired missiles at Incirlik") and again without its actor ("Nine missiles hit
    the runway at Incirlik"); b reports the first, c the second: two merged events, one attack."""
    docs = _missile_docs(INCIRLIK, "Nine missiles hit the runway at Incirlik, while the rest fell short, officials "
                         "said.", None)  # fmt: skip
    groups, store = _groups(tmp_path, docs)
    assert {"a-0", "a-1", "b-0", "c-0"} in groups, groups
    why = [json.loads(e) for (e,) in store.db.execute("SELECT evidence FROM event_links")]
    assert any("joined_split" in ev for ev in why)


def test_a_split_deployment_is_joined(tmp_path) -> None:
    """The same with a deployment: "Poland sent 2,000 soldiers to Hrubieszow" and, in the same article, "Two
    thousand soldiers and armoured vehicles arrived in Hrubieszow"."""
    arrived = "Two thousand soldiers and armoured vehicles arrived in Hrubieszow, residents said."
    docs = [
        _doc("p", "Harbour Post", "2024-09-03", [
            ("MOBILIZE", "POL", None, "2024-09-02", "text",
             "Poland sent 2,000 soldiers to the border town of Hrubieszow on Monday, the army said.", HRUBIESZOW),
            ("MOBILIZE", None, None, "2024-09-03", "published", arrived, HRUBIESZOW),
        ]),
        _doc("q", "Valley Times", "2024-09-03", [
            ("MOBILIZE", "POL", None, "2024-09-02", "text",
             "Polish troops deployed to Hrubieszow on Monday, the defence ministry in Warsaw said.", HRUBIESZOW),
        ]),
        _doc("r", "Northern Wire", "2024-09-04", [
            ("MOBILIZE", None, None, "2024-09-02", "text",
             "Soldiers and armoured vehicles arrived in Hrubieszow on Monday, residents said.", HRUBIESZOW),
        ]),
    ]  # fmt: skip
    groups, _ = _groups(tmp_path, docs)
    assert {"p-0", "p-1", "q-0", "r-0"} in groups, groups


def test_two_attacks_of_one_article_at_two_places_stay_apart(tmp_path) -> None:
    """Article a's second attack is on the Kurecik radar station, 250 km away: no twin, no join."""
    docs = _missile_docs(KURECIK, "Nine missiles hit the radar station at Kurecik, while the rest fell short, "
                         "officials said.", None)  # fmt: skip
    groups, _ = _groups(tmp_path, docs)
    assert not any({"a-0", "a-1"} <= g for g in groups), groups


def test_a_second_attack_told_with_its_actor_stays_apart(tmp_path) -> None:
    """Article a's second mention names its actor and sets itself apart ("Separately, Iranian drones struck a fuel
    depot at Incirlik"): a second act, not the first told again."""
    docs = _missile_docs(INCIRLIK, "Separately, Iranian drones struck a fuel depot at Incirlik, officials said.",
                         "IRN")  # fmt: skip
    groups, _ = _groups(tmp_path, docs)
    assert not any({"a-0", "a-1"} <= g for g in groups), groups
