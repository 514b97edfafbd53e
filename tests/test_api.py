"""The REST API (dateline.serve) over a small store written here with Store.add (no NLP pipeline)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dateline.model import Actor, Document, Event, EventDate, Place, Quote, Removed, Sentence, Size
from dateline.serve import create_app
from dateline.store import EventFilter, Store

HOSTILE = '<script>window.__pwned = 1; document.title = "pwned"</script> <img src=x onerror="window.__pwned=2"> &amp; &lt;b&gt;'

ARTICLES: list[dict[str, Any]] = [
    {
        "id": "doca0000000000001",
        "outlet": "Harbour Gazette",
        "published": "2024-03-04",
        "title": "Port shelled overnight",
        "text": "Northland forces shelled the port of Saltmere on Sunday, killing at least 12 people, regional "
        "officials said. Southland's foreign ministry accused Northland of targeting civilians. "
        '"We will not be intimidated," said Mara Venn.',
        "removed": [("Sign up for our morning newsletter", "donation"), ("Share this article", "share")],
        "events": [
            dict(
                event="ASSAULT",
                mode="artillery",
                words="shelled",
                actor=[("Northland forces", "Northland", "NRL", "MIL")],
                recipient=[("Saltmere", "Southland", "SLD", None)],
                place=("Saltmere", "Saltmere", "SLD", 46.5, 30.7, 10.0),
                date=("on Sunday", "2024-03-03"),
                size=("at least 12 people", 12, None, "dead"),
            ),
            dict(
                event="ACCUSE",
                words="accused",
                actor=[("Southland's foreign ministry", "Southland", "SLD", "GOV")],
                recipient=[("Northland", "Northland", "NRL", None)],
                date=(None, "2024-03-04"),
            ),
        ],  # fmt: skip
        "quotes": [("We will not be intimidated", "Mara Venn", "said")],
    },
    {
        "id": "docb0000000000002",
        "outlet": "Valley Times",
        "published": "2024-03-10",
        "title": "Peacekeepers promised",
        "text": "The United Nations agreed to send 250 peacekeepers to Port Amber next month. Eastmark denied "
        "that its troops had crossed the border near Kessel.",
        "removed": [],
        "events": [
            dict(
                event="MOBILIZE",
                words="send",
                actor=[("The United Nations", "United Nations", "IGO", None)],
                recipient=[],
                place=("Port Amber", "Port Amber", "AMB", 4.85, 31.6, 25.0),
                date=("next month", "2024-04"),
                size=("250 peacekeepers", 250, 250, None),
                factuality="future",
            ),
            dict(
                event="MOBILIZE",
                words="crossed",
                actor=[("its troops", "Eastmark", "EMK", "MIL")],
                recipient=[],
                place=("Kessel", "Kessel", "EMK", 15.5, 32.5, 300.0),
                date=(None, "2024-03-10"),
                factuality="denied",
            ),
        ],  # fmt: skip
        "quotes": [],
    },
    {
        "id": "docc0000000000003",
        "outlet": "Harbour Gazette",
        "published": "2024-03-12",
        "title": "Ministers meet",
        "text": "Mara Venn met Tobias Reyne in Saltmere on Tuesday. Reyne said Northland had asked for talks.",
        "removed": [("Read more: markets today", "read-more")],
        "events": [
            dict(
                event="CONSULT",
                words="met",
                actor=[("Mara Venn", "Mara Venn", "SLD", "GOV")],
                recipient=[("Tobias Reyne", "Tobias Reyne", "NRL", "GOV")],
                place=("Saltmere", "Saltmere", "SLD", 46.5, 30.7, 10.0),
                date=("on Tuesday", "2024-03-12"),
            ),
            dict(
                event="REQUEST",
                words="asked",
                actor=[("Northland", "Northland", "NRL", None)],
                recipient=[],
                date=(None, "2024-03-11"),
            ),
        ],  # fmt: skip
        "quotes": [("Northland had asked for talks", "Tobias Reyne", "said")],
    },
    {
        # hostile markup in every free-text field the page shows
        "id": "docd0000000000004",
        "outlet": "Evil <b>Outlet</b>",
        "published": "2024-03-15",
        "title": "Title " + HOSTILE,
        "text": "Protesters in Saltmere held signs reading "
        + HOSTILE
        + " outside parliament, and police arrested 3 people.",
        "removed": [(HOSTILE, "comment-form")],
        "events": [
            dict(
                event="COERCE",
                words="arrested",
                actor=[("police", "Saltmere police <i>x</i>", "SLD", "COP")],
                recipient=[("people", "people", None, None)],
                place=("Saltmere", "Saltmere", "SLD", 46.5, 30.7, 10.0),
                date=(None, "2024-03-15"),
                size=("3 people", 3, 3, "arrested"),
            ),
        ],  # fmt: skip
        "quotes": [],
    },
]


def _find(text: str, words: str | None, after: int = 0) -> tuple[int, int]:
    i = text.index(words, after)
    return i, i + len(words)


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "." and (i + 1 == len(text) or text[i + 1] == " "):
            out.append(Sentence(start, i + 1))
            start = i + 2
    if start < len(text):
        out.append(Sentence(start, len(text)))
    return out


def _actors(text: str, after: int, items: list[tuple[str, str, str | None, str | None]]) -> list[Actor]:
    out = []
    for surface, name, country, sector in items:
        s, e = _find(text, surface, after)
        out.append(Actor(surface, s, e, name=name, country=country, sector=sector, kind="organisation"))
    return out


def _doc(spec: dict[str, Any]) -> Document:
    text = spec["text"]
    doc = Document(id=spec["id"], text=text, title=spec["title"], outlet=spec["outlet"], published=spec["published"],
                   published_source="given", input_kind="txt", status="processed", url=f"https://example.org/{spec['id']}",
                   removed=[Removed(t, k, i) for i, (t, k) in enumerate(spec["removed"])])  # fmt: skip
    doc.sentences = _sentences(text)
    for n, ev in enumerate(spec["events"]):
        ws, we = _find(text, ev["words"])
        sent = doc.sentences[doc.sentence_of(ws)]

        place = None
        if ev.get("place"):
            surface, name, country, lat, lon, prec = ev["place"]
            s, e = _find(text, surface, sent.start)
            place = Place(surface, s, e, name=name, country=country, lat=lat, lon=lon, feature="city",
                          precision_km=prec)  # fmt: skip
            doc.places.append(place)
        dtext, dvalue = ev["date"]
        date = EventDate(dvalue, source="published")
        if dtext:
            s, e = _find(text, dtext, sent.start)
            date = EventDate(dvalue, dtext, s, e, "text")
        sizes = []
        if ev.get("size"):
            stext, smin, smax, kind = ev["size"]
            s, e = _find(text, stext, sent.start)
            sizes.append(Size(stext, s, e, min=smin, max=smax, qualifier="at-least" if smax is None else "exact",
                              unit="people", kind=kind))  # fmt: skip
        doc.events.append(Event(
            id=f"{spec['id'][:4]}-ev{n}", doc_id=spec["id"], event=ev["event"], mode=ev.get("mode"), cameo=None,
            actor=_actors(text, sent.start, ev["actor"]), recipient=_actors(text, sent.start, ev["recipient"]), text=text[sent.start:sent.end],
            sentence_start=sent.start, sentence_end=sent.end, event_text=ev["words"], event_start=ws, event_end=we,
            factuality=ev.get("factuality", "asserted"), location=place, date=date, size=sizes, confidence=0.8,
        ))  # fmt: skip
    for n, (content, speaker, cue) in enumerate(spec["quotes"]):
        s, e = _find(text, content)
        ss, se = _find(text, speaker)
        doc.quotes.append(Quote(id=f"{spec['id'][:4]}-q{n}", doc_id=spec["id"], content=content, start=s, end=e,
                                direct=text[s - 1] == '"', cue=cue, speaker=speaker, speaker_text=speaker,
                                speaker_start=ss, speaker_end=se, speaker_kind="person"))  # fmt: skip
    return doc


def build_store(path: str | Path) -> Store:
    """A small store of four articles written for these tests (also used by test_browser.py)."""
    store = Store(str(path))
    for spec in ARTICLES:
        store.add(_doc(spec), source=f"test:{spec['id']}", raw_hash=spec["id"])
    return store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("api") / "api.db"
    build_store(path).close()
    return str(path)


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(db))


def ids(page: dict[str, Any]) -> list[str]:
    return [item["id"] for item in page["items"]]


# ---------------------------------------------------------------------- page and headers


def test_index_and_static_with_csp(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<script>" not in r.text.replace("<script src=", "")  # no inline script in the page
    for asset in ("/static/app.js", "/static/style.css", "/static/vendor/leaflet/leaflet.js",
                  "/static/vendor/leaflet/leaflet.css", "/static/vendor/leaflet/LICENSE"):  # fmt: skip
        assert client.get(asset).status_code == 200, asset
    assert client.get("/static/../serve.py").status_code == 404


def test_api_docs_page_is_vendored_under_the_csp(client: TestClient) -> None:
    r = client.get("/docs")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "<script>" not in r.text.replace("<script src=", "") and "http" not in r.text  # no CDN, no inline
    for asset in ("/static/docs.js", "/static/vendor/swagger/swagger-ui-bundle.js",
                  "/static/vendor/swagger/swagger-ui.css", "/static/vendor/swagger/LICENSE"):  # fmt: skip
        assert client.get(asset).status_code == 200, asset
    assert client.get("/redoc").status_code == 404  # ReDoc would load from a CDN: not offered
    assert client.get("/openapi.json").status_code == 200


def test_app_js_never_uses_inner_html() -> None:
    js = (Path(__file__).parent.parent / "dateline" / "web" / "app.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in js, sink


def test_openapi(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/events/{event_id}",
                 "/api/quotes", "/api/places", "/api/search", "/api/actors/{name}", "/api/export", "/api/ingest",
                 "/api/stories", "/api/timeline", "/api/troops"):  # fmt: skip
        assert path in spec["paths"], path


def test_meta(client: TestClient) -> None:
    meta = client.get("/api/meta").json()
    assert meta["documents"] == 4 and meta["events"] == 7 and meta["quotes"] == 2
    assert "Harbour Gazette" in meta["outlets"] and "ASSAULT" in meta["event_types"]


# ---------------------------------------------------------------------- documents


def test_documents_paged(client: TestClient) -> None:
    page = client.get("/api/documents", params={"limit": 2}).json()
    assert (
        page["total"] == 4 and page["limit"] == 2 and ids(page) == ["doca0000000000001", "docb0000000000002"]
    )
    page2 = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert ids(page2) == ["docc0000000000003", "docd0000000000004"]
    assert "text" not in page["items"][0]
    page = client.get("/api/documents", params={"outlet": "Harbour Gazette", "since": "2024-03-05"}).json()
    assert page["total"] == 1 and ids(page) == ["docc0000000000003"]


def test_document_detail(client: TestClient) -> None:
    doc = client.get("/api/documents/doca0000000000001").json()
    assert doc["text"].startswith("Northland forces shelled")
    assert [r["kind"] for r in doc["removed"]] == ["donation", "share"]
    assert len(doc["events"]) == 2 and len(doc["quotes"]) == 1 and len(doc["places"]) == 1
    for key in ("entities", "timexes", "sentences", "published", "outlet", "title", "url"):
        assert key in doc
    assert client.get("/api/documents/doca").status_code == 200  # unique prefix, as `dateline show`
    assert client.get("/api/documents/nope0000").status_code == 404
    assert client.get("/api/documents/bad id!").status_code == 422


# ---------------------------------------------------------------------- events


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, 7),
        ({"type": "MOBILIZE"}, 2),
        ({"actor": "Northland"}, 3),  # actor or recipient, substring
        ({"country": "sld"}, 4),
        ({"since": "2024-03-10"}, 5),  # "2024-04" sorts after 2024-03-10
        ({"until": "2024-03-04"}, 2),
        ({"since": "2024-03-04", "until": "2024-03-12"}, 4),
        ({"factuality": "denied"}, 1),
        ({"outlet": "Valley Times"}, 2),
        ({"place": "Saltmere"}, 3),
        ({"doc_id": "docc0000000000003"}, 2),
        ({"located": "true"}, 5),
        ({"type": "ASSAULT", "country": "NRL"}, 1),
    ],
)
def test_event_filters(client: TestClient, db: str, params: dict[str, str], expected: int) -> None:
    page = client.get("/api/events", params=params).json()
    assert page["total"] == expected == len(page["items"])
    # the same semantics as the store's own filters (the CLI's `dateline events`)
    store_params = {k: v for k, v in params.items() if k != "located"}
    if "located" not in params:
        store_ids = [e.id for e in Store(db, readonly=True).events(EventFilter(**store_params))]
        assert ids(page) == store_ids


def test_events_paging_and_order(client: TestClient) -> None:
    everything = ids(client.get("/api/events").json())
    page = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert page["total"] == 7 and ids(page) == everything[3:6]
    desc = ids(client.get("/api/events", params={"order": "desc"}).json())
    assert desc == list(reversed(everything))


def test_events_total_capped(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.serve as serve

    monkeypatch.setattr(serve, "COUNT_CAP", 3)
    page = client.get("/api/events", params={"limit": 2}).json()
    assert page["total"] == 3 and page["total_exact"] is False and len(page["items"]) == 2
    page = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert page["total"] == 4 and page["total_exact"] is False  # counted at least past the page asked for
    # past the cap a page is counted exactly and read from the nearer end: the same records
    everything = ids(client.get("/api/events", params={"count": "none"}).json())
    desc = list(reversed(everything))
    for offset, limit in ((4, 2), (5, 5), (6, 1), (7, 3), (9, 2)):
        page = client.get("/api/events", params={"limit": limit, "offset": offset}).json()
        assert page["total"] == 7 and page["total_exact"] is True
        assert ids(page) == everything[offset : offset + limit], (offset, limit)
        page = client.get("/api/events", params={"limit": limit, "offset": offset, "order": "desc"}).json()
        assert ids(page) == desc[offset : offset + limit], (offset, limit)
    sld = ids(client.get("/api/events", params={"country": "SLD", "order": "desc"}).json())
    page = client.get(
        "/api/events", params={"limit": 3, "offset": 4, "country": "SLD", "order": "desc"}
    ).json()
    assert page["total"] == 4 and ids(page) == [] and len(sld) == 4
    later = ids(client.get("/api/events", params={"since": "2024-03-10"}).json())
    page = client.get("/api/events", params={"limit": 2, "offset": 4, "since": "2024-03-10"}).json()
    assert page["total"] == 5 and ids(page) == later[4:] and len(later) == 5
    page = client.get("/api/events", params={"limit": 1, "offset": 4, "actor": "Northland"}).json()
    assert page["total"] == 3 and ids(page) == []
    page = client.get("/api/events", params={"limit": 2, "count": "exact"}).json()
    assert page["total"] == 7 and page["total_exact"] is True
    page = client.get("/api/events", params={"limit": 2, "count": "none"}).json()
    assert page["total"] == 2 and page["total_exact"] is False
    assert client.get("/api/events", params={"count": "some"}).status_code == 422
    assert client.get("/api/events", params={"type": "MOBILIZE"}).json()["total_exact"] is True


def test_event_record_shape_matches_export(client: TestClient) -> None:
    from dateline.export import RECORDS

    e = client.get("/api/events/doca-ev0").json()
    exported = {r["id"]: r for r in RECORDS["events"](client.app.state.ctx.reader)}
    assert e == exported["doca-ev0"]
    assert (
        e["event_text"] == "shelled" and e["size"][0]["min"] == 12 and e["location"]["precision_km"] == 10.0
    )
    assert client.get("/api/events/nope").status_code == 404


def test_events_daily(client: TestClient) -> None:
    daily = client.get("/api/events/daily").json()
    days = {d["day"]: d["count"] for d in daily["days"]}
    assert days == {"2024-03-03": 1, "2024-03-04": 1, "2024-03-10": 1, "2024-03-11": 1, "2024-03-12": 1,
                    "2024-03-15": 1}  # fmt: skip  # "2024-04" is a month, not a day
    assert client.get("/api/events/daily", params={"type": "CONSULT"}).json()["total"] == 1


@pytest.mark.parametrize(
    "params",
    [
        {"since": "2024-13-01"},
        {"until": "yesterday"},
        {"type": "BOMB"},
        {"factuality": "maybe"},
        {"country": "SOUTHLAND"},
        {"limit": 0},
        {"limit": 5000},
        {"offset": -1},
        {"order": "sideways"},
        {"doc_id": "x' OR 1=1 --"},
    ],
)
def test_event_validation(client: TestClient, params: dict[str, Any]) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 422, params
    assert "detail" in r.json()


def test_injection_is_just_text(client: TestClient) -> None:
    page = client.get("/api/events", params={"actor": "' OR '1'='1"}).json()
    assert page["total"] == 0
    assert client.get("/api/quotes", params={"speaker": "%' --"}).json()["total"] == 0


# ---------------------------------------------------------------------- quotes, places, search, actors


def test_quotes(client: TestClient) -> None:
    assert client.get("/api/quotes").json()["total"] == 2
    page = client.get("/api/quotes", params={"speaker": "Venn"}).json()
    assert page["total"] == 1 and page["items"][0]["content"] == "We will not be intimidated"
    assert (
        client.get("/api/quotes", params={"doc_id": "docc0000000000003"}).json()["items"][0]["speaker"]
        == "Tobias Reyne"
    )
    assert (
        client.get("/api/quotes", params={"limit": 1, "offset": 1}).json()["items"][0]["doc_id"]
        == "docc0000000000003"
    )


def test_places(client: TestClient) -> None:
    page = client.get("/api/places").json()
    assert page["total"] == 5
    assert set(page["items"][0]) >= {"doc_id", "text", "start", "end", "lat", "lon", "precision_km"}
    assert client.get("/api/places", params={"country": "emk"}).json()["total"] == 1
    assert client.get("/api/places", params={"name": "Saltmere", "limit": 1}).json()["total"] == 3


def test_search(client: TestClient) -> None:
    page = client.get("/api/search", params={"q": "peacekeepers"}).json()
    assert page["total"] == 1 and page["items"][0]["id"] == "docb0000000000002"
    assert "[peacekeepers]" in page["items"][0]["snippet"]
    assert client.get("/api/search", params={"q": 'bad "quote'}).status_code == 422
    assert client.get("/api/search").status_code == 422


def test_actor_page(client: TestClient) -> None:
    a = client.get("/api/actors/Northland").json()
    assert a["counts"] == {"as_actor": 2, "as_recipient": 1, "quotes": 0}
    assert [e["event"] for e in a["as_actor"]] == ["ASSAULT", "REQUEST"] and [
        e["event"] for e in a["as_recipient"]
    ] == ["ACCUSE"]
    for limit in (1, 2):  # the first events by date, as without a limit
        first = client.get("/api/actors/Northland", params={"limit": limit}).json()
        assert [e["id"] for e in first["as_actor"]] == [e["id"] for e in a["as_actor"]][:limit]
        assert first["counts"] == a["counts"] and first["places"] == a["places"]
    venn = client.get("/api/actors/Mara Venn").json()
    assert venn["counts"]["quotes"] == 1 and venn["quotes"][0]["content"] == "We will not be intimidated"
    assert venn["places"][0]["name"] == "Saltmere" and venn["places"][0]["lat"] == pytest.approx(46.5)
    assert venn["over_time"] == [{"day": "2024-03-12", "as_actor": 1, "as_recipient": 0}]
    assert client.get("/api/actors/No One").json()["counts"]["as_actor"] == 0
    assert client.get("/api/actors/" + "x" * 300).status_code == 422


# ---------------------------------------------------------------------- export


def test_export_csv_filtered(client: TestClient) -> None:
    r = client.get("/api/export", params={"what": "events", "format": "csv", "type": "MOBILIZE"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == ["docb-ev1", "docb-ev0"]
    assert json.loads(rows[0]["actor"])[0]["name"] == "Eastmark"


def test_export_jsonl_json_geojson(client: TestClient) -> None:
    lines = client.get(
        "/api/export", params={"format": "jsonl", "outlet": "Harbour Gazette"}
    ).text.splitlines()
    assert len(lines) == 4 and json.loads(lines[0])["doc_id"] == "doca0000000000001"
    arr = client.get("/api/export", params={"format": "json", "actor": "Venn"}).json()
    assert [e["id"] for e in arr] == ["docc-ev0"]
    geo = client.get("/api/export", params={"format": "geojson"}).json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 5
    assert geo["features"][0]["geometry"]["coordinates"] == [30.7, 46.5]
    quotes = client.get("/api/export", params={"what": "quotes", "format": "jsonl", "speaker": "Reyne"}).text
    assert len(quotes.splitlines()) == 1
    assert client.get("/api/export", params={"what": "quotes", "format": "geojson"}).status_code == 422
    assert client.get("/api/export", params={"format": "xml"}).status_code == 422
    assert client.get("/api/export", params={"what": "secrets"}).status_code == 422


# ---------------------------------------------------------------------- cross-article (dateline.link)


def test_link_endpoints_501_without_link(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.serve as serve

    monkeypatch.setattr(serve, "_link", lambda: None)
    for path in ("/api/stories", "/api/timeline", "/api/troops?country=NRL", "/api/stories/abc",
                 "/api/explain/doca-ev0", "/api/brief?story=abc", "/api/events?story=abc"):  # fmt: skip
        r = client.get(path)
        assert r.status_code == 501 and "dateline.link" in r.json()["detail"], path
    assert client.get("/api/meta").json()["link"] is False


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    link = pytest.importorskip("dateline.link", reason="dateline.link is not installed")
    path = tmp_path_factory.mktemp("linked") / "linked.db"
    store = build_store(path)
    link.link_new(store)
    store.close()
    return TestClient(create_app(str(path)))


def test_stories_and_story_filter(linked: TestClient) -> None:
    page = linked.get("/api/stories").json()
    assert page["total"] >= 1 and page["total"] == len(page["items"])
    sid = page["items"][0]["id"]
    story = linked.get(f"/api/stories/{sid}").json()
    assert story["id"] == sid and story["documents_list"]
    docs = {d["id"] for d in story["documents_list"]}
    events = linked.get("/api/events", params={"story": sid}).json()
    assert events["total"] >= 1 and {e["doc_id"] for e in events["items"]} <= docs
    assert linked.get("/api/stories/nostory").status_code == 404
    assert linked.get("/api/stories", params={"limit": 1, "offset": 0}).json()["limit"] == 1


def test_timeline_troops_explain_brief(linked: TestClient) -> None:
    tl = linked.get("/api/timeline").json()
    assert tl["total"] >= 1 and {"date", "event", "sources"} <= set(tl["items"][0])
    assert linked.get("/api/timeline", params={"type": "CONSULT"}).json()["items"][0]["event"] == "CONSULT"
    assert linked.get("/api/timeline", params={"since": "someday"}).status_code == 422
    troops = linked.get("/api/troops", params={"country": "emk"}).json()
    assert troops["country"] == "EMK" and isinstance(troops["items"], list)
    assert linked.get("/api/troops").status_code == 422  # the sending country is required
    merged = linked.get("/api/explain/doca-ev0").json()
    assert any(m["doc_id"] == "doca0000000000001" for m in merged["mentions"])
    assert linked.get("/api/explain/nothing0000").status_code == 404
    assert isinstance(linked.get("/api/brief", params={"q": "Saltmere"}).json()["markdown"], str)


# ---------------------------------------------------------------------- ingest


def test_ingest_validation(client: TestClient) -> None:
    assert client.post("/api/ingest", json={}).status_code == 422
    assert client.post("/api/ingest", json={"text": "   "}).status_code == 422
    assert client.post("/api/ingest", json={"text": "a", "html": "<p>a</p>"}).status_code == 422
    assert client.post("/api/ingest", json={"url": "ftp://example.org/x"}).status_code == 422
    assert client.post("/api/ingest", json={"text": "x", "published": "March 3"}).status_code == 422


def test_ingest_failure_is_422_with_reason(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.pipeline as pipeline
    from dateline.model import Failure

    def failing(inputs: list[str], store: Store, **kwargs: Any) -> pipeline.Summary:
        for source in inputs:
            store.record_source(source, None, "failed", reason="could not fetch: no network")
        return pipeline.Summary(failed=[Failure(inputs[0], "could not fetch: no network")])

    monkeypatch.setattr(pipeline, "ingest", failing)
    r = client.post("/api/ingest", json={"url": "https://example.org/story"})
    assert r.status_code == 422 and "no network" in r.json()["detail"]


def test_ingest_real_pipeline(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "ingest.db"))
    c = TestClient(app)
    text = ("Troops from Northland crossed into Southland on Monday, officials said. "
            "The Southland government condemned the incursion and asked the United Nations for help.")  # fmt: skip
    r = c.post("/api/ingest", json={"text": text, "title": "Border crossing", "outlet": "Test Wire",
                                    "published": "2024-05-07"})  # fmt: skip
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["status"] == "processed" and out["ingested"] == 1
    doc = c.get(f"/api/documents/{out['doc_id']}").json()
    assert (
        doc["title"] == "Border crossing"
        and doc["outlet"] == "Test Wire"
        and doc["published"] == "2024-05-07"
    )
    assert "Troops from Northland" in doc["text"]
    again = c.post("/api/ingest", json={"text": text, "title": "Border crossing", "outlet": "Test Wire",
                                        "published": "2024-05-07"}).json()  # fmt: skip
    assert again["doc_id"] == out["doc_id"] and again["ingested"] == 0
    assert c.get("/api/search", params={"q": "incursion"}).json()["total"] == 1


def test_reads_stay_fast_while_writing(db: str) -> None:
    """WAL: an open write transaction on the same file does not block the API's readers."""
    import sqlite3

    c = TestClient(create_app(db))
    writer = sqlite3.connect(db, timeout=30)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE documents SET title = 'changed' WHERE id = 'doca0000000000001'")
        assert writer.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        # readers see the last committed state, without waiting for the writer to finish
        assert c.get("/api/events").json()["total"] == 7
        assert c.get("/api/documents/doca0000000000001").json()["title"] == "Port shelled overnight"
    finally:
        writer.rollback()
        writer.close()
