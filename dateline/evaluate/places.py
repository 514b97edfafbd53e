"""Eval suite `places`: geoparsing on ../shared/data/geo (DEV: LGL; TEST: GeoWebNews and TR-News).

Two scores per corpus:

* resolution given the gold toponym spans: accuracy within 161 km (Acc@161) over gold toponyms that have
  coordinates, mean and median error in km over those we resolved, and the share we could not resolve at all
  (an unresolved toponym counts as a miss in Acc@161). Every gold toponym with coordinates is resolved in one
  call per article (the others are context). Subsets scored, stated with each score:
  - LGL, TR-News: "with_coordinates" (gold toponyms with a gaztag carrying lat/lon);
  - GeoWebNews: "all_with_coordinates" (every annotation with latitude/longitude, whatever its type:
    literal, metonymic, modifiers, embedded, coercion...), "place_names" (the README's place-name task:
    nonLocational = No, with coordinates; in this file every annotation with coordinates is nonLocational = No,
    so both come out equal), "with_geonames_id" (those with a GeoNames ID, as the README mentions) and
    "type:<T>" for each pragmatic type T (aggregate figures only);
* end-to-end recognition: toponym span precision/recall/F1. Matching rule: a predicted span counts when its
  character offsets equal a gold span's ("exact"); "overlap" counts any character overlap (one-to-one).
  LGL and TR-News annotate demonyms ("Russian") as toponyms while Dateline treats them as actors, so the
  recall is also given with those gold spans left out ("no_demonyms"). GeoWebNews gold for recognition:
  nonLocational=No and type not Demonym, Language, Non_Toponym or Homonym.

With the DEV split, LGL's resolution also lists its errors ("errors": counts by kind — unresolved, fallback,
wrong_country, wrong_region, far_in_region —, Acc@161 by the gold's GeoNames feature class, one line per miss);
TEST errors are never listed. With the DEV split the suite also scores `intl_dev` (tests/data/places_intl_dev.jsonl): our own short
international-news passages, gold written from general knowledge before the system was run on them (batch 1:
tuned on, so optimistic; later batches: each written before the system ran on it, reported apart; a passage may
carry its outlet's "url", passed to geoparse so the outlet rules take part, as batch 7 does; batch 8 lines also
carry a "kind": literal, modifier, metonym, club, same_name_admin, natural, leftover_a, leftover_b; batch 9 lines
namesake, settlement, admin, street, building, neighbourhood, river; batch 10 lines country, settlement,
admin, metonym, modifier, namesake, island, river, natural, camp, landmark, region; batch 11 lines same_name,
region, demonym, metonym, namesake, small_town, sports_business, org_name, settlement, country, admin, natural,
landmark; batch 12 lines carry GeoWebNews's pragmatic type as kind — Literal, Literal_Modifier, Literal_Expression,
Metonymic, Demonym, Language, Mixed, Coercion, Embedded_Literal, Embedded_Non_Lit, Non_Literal_Modifier,
Non_Lit_Expression — and an optional label of our own: small_town, namesake, same_name; reported as acc161_by_kind,
and per batch as acc161_by_batch_kind, since one kind name covers other cases in each batch). Batch 13
(tests/data/places_own_s12.jsonl, reported as `own_s12`, scored the same way) carries GeoWebNews types as kind too,
with the label full_span on facility names that hold a toponym ("Royal Adelaide Hospital"). Batch 14
(tests/data/places_own_s13.jsonl, reported as `own_s13`) is local and regional news in the TR-News manner, kind city,
small_town, district, admin, neighbourhood, water, natural, site, region or country, label namesake; batch 15 in the
same file (ids r...) was written after the first round of fixes, before its own first run (a transfer check).
Batch 16 (tests/data/places_own_s13b.jsonl, reported as `own_s13b`) is 2017-19 web and wire news aimed at
GeoWebNews's weakest types, kind the GeoWebNews type (Literal, Embedded_Literal, Embedded_Non_Lit, Coercion,
Literal_Modifier), label namesake or full_span. Batch 18 (tests/data/places_own_s16.jsonl, reported as `own_s16`) is ten
full-length wire and regional news articles with 20-31 places each, kind city, small_town, neighbourhood, district,
county, admin, region, country, water, site or island, label namesake or metonym. Batch 19
(tests/data/places_own_s17.jsonl, reported as `own_s17`) is eleven 2018-19 web news articles of many countries in the
same manner, with kind natural (mountains, valleys) too and label like_capital (a district, county or province
named like its capital). Batch 20 (tests/data/places_own_s18.jsonl, reported as `own_s18`) is eleven 2016-17 wire and
2018 web news articles stressing continents, world regions and large areas (kind continent, world_region; gold
country None when the area spans several), with labels large_area, dateline, reporting and earlier_town too. Given the gold spans (all toponyms of a passage resolved in one call): Acc@161, mean/median
error, country accuracy (over toponyms with a gold country), Acc@161 per feature class, and Acc@161 with a
country toponym counted right when resolved to that country (our gold country points are rough centroids).
"""

from __future__ import annotations

import json
import statistics
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.evaluate import prf, require, suite
from dateline.model import Document
from dateline.places import distance_km

_GWN_SKIP_TYPES = {"Demonym", "Language", "Non_Toponym", "Homonym"}


@dataclass
class _Gold:
    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None
    recognise: bool = True  # part of the recognition gold
    demonym: bool = False
    place_name: bool = True  # GeoWebNews: nonLocational = No
    geonames_id: bool = True
    name: str = ""  # LGL / TR-News gaztag: for the DEV error listing
    # GeoNames feature class: A admin, P populated place, S spot, R road, H water, L area, T terrain
    fclass: str = ""
    country: str = ""
    admin1: str = ""
    gwn_type: str = ""  # GeoWebNews's pragmatic type (Literal, Metonymic, Demonym...): aggregate figures only


@dataclass
class _Article:
    id: str
    text: str
    url: str | None
    toponyms: list[_Gold] = field(default_factory=list)


def _reanchor(text: str, start: int, end: int, phrase: str) -> tuple[int, int] | None:
    """The gold span, else the occurrence of its phrase nearest to the given start (README: some offsets are
    shifted, a few are far off)."""
    if text[start:end] == phrase:
        return start, end
    if not phrase:
        return None
    found = []
    i = text.find(phrase)
    while i != -1:
        found.append(i)
        i = text.find(phrase, i + 1)
    if not found:
        return None
    s = min(found, key=lambda x: abs(x - start))
    return s, s + len(phrase)


def _load_lgl_like(path: Path) -> list[_Article]:
    from dateline.places import _gaz, _norm

    demonyms = _gaz().demonyms
    out = []
    root = ET.parse(path).getroot()
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        a = _Article(art.get("docid") or str(len(out)), text, art.findtext("url"))
        for t in art.iter("toponym"):
            phrase = t.findtext("phrase") or ""
            span = _reanchor(text, int(t.findtext("start")), int(t.findtext("end")), phrase)
            if span is None:
                continue
            g = t.find("gaztag")
            lat = lon = None
            extra = {}
            if g is not None and g.findtext("lat"):
                lat, lon = float(g.findtext("lat")), float(g.findtext("lon"))
                extra = {f: g.findtext(f) or "" for f in ("name", "fclass", "country", "admin1")}
            a.toponyms.append(
                _Gold(span[0], span[1], phrase, lat, lon, demonym=_norm(phrase) in demonyms, **extra)
            )
        out.append(a)
    return out


def _load_gwn(path: Path) -> list[_Article]:
    out = []
    root = ET.parse(path).getroot()
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        a = _Article(art.get("file") or str(len(out)), text, art.findtext("link"))
        for t in art.iter("toponym"):
            phrase = t.findtext("extractedName") or ""
            span = _reanchor(text, int(t.findtext("start")), int(t.findtext("end")), phrase)
            if span is None:
                continue
            lat = lon = None
            if t.findtext("latitude"):
                lat, lon = float(t.findtext("latitude")), float(t.findtext("longitude"))
            kind = t.findtext("type") or ""
            rec = t.findtext("nonLocational") == "No" and kind not in _GWN_SKIP_TYPES
            a.toponyms.append(
                _Gold(
                    span[0],
                    span[1],
                    phrase,
                    lat,
                    lon,
                    recognise=rec,
                    demonym=kind == "Demonym",
                    place_name=t.findtext("nonLocational") == "No",
                    geonames_id=bool(t.findtext("geonamesID")),
                    gwn_type=kind,
                )  # fmt: skip
            )
        out.append(a)
    return out


def _resolution(
    articles: list[_Article], subsets: dict[str, Any] | None = None, listing: bool = False
) -> dict[str, Any]:
    """Acc@161 and errors given gold spans, for each named subset (a predicate on gold toponyms). With
    `listing` (DEV only) also the errors by kind and one line per miss, for reading."""
    from dateline.places import geoparse

    subsets = subsets or {"with_coordinates": lambda g: True}
    rows: list[tuple[_Gold, float | None]] = []  # gold, error km (None: unresolved)
    errors: list[tuple[str, _Gold, Any, float | None]] = []
    for art in articles:
        gold = [g for g in art.toponyms if g.lat is not None]
        if not gold:
            continue
        doc = Document(id=art.id, text=art.text, url=art.url)
        places = geoparse(doc, spans=[(g.start, g.end) for g in gold])
        by_span = {(p.start, p.end): p for p in places}
        for g in gold:
            p = by_span.get((g.start, g.end))
            err = None if p is None or p.lat is None else distance_km((p.lat, p.lon), (g.lat, g.lon))
            rows.append((g, err))
            if listing:
                errors.append((art.id, g, p, err))
    out: dict[str, Any] = {}
    for name, keep in subsets.items():
        errs = [e for g, e in rows if keep(g)]
        n = len(errs)
        done = [e for e in errs if e is not None]
        out[name] = {
            "toponyms": n,
            "acc161": round(sum(e <= 161 for e in done) / n, 4) if n else 0.0,
            "mean_error_km": round(statistics.fmean(done), 1) if done else None,
            "median_error_km": round(statistics.median(done), 1) if done else None,
            "unresolved_share": round((n - len(done)) / n, 4) if n else 0.0,
        }
    if listing:
        out["errors"] = _error_listing(errors)
    return out


def _error_kind(g: _Gold, p: Any, err: float | None) -> str:
    """unresolved; fallback (a name no gazetteer knows, placed at a stated container, its sentence's town or the
    focus); wrong_country; wrong_region (right country, other first-level region); far_in_region."""
    if p is None or p.lat is None:
        return "unresolved"
    if p.source == "context-fallback":
        return "fallback"
    if _iso3(g.country) != p.country:
        return "wrong_country"
    if g.admin1 and p.admin1 and g.admin1 != p.admin1:
        return "wrong_region"
    return "far_in_region"


_ISO3: dict[str, str | None] = {}


def _iso3(name: str) -> str | None:
    """ISO alpha-3 of a gold country name ("United States" -> "USA"), cached."""
    if name not in _ISO3:
        import pycountry

        try:
            _ISO3[name] = pycountry.countries.lookup(name).alpha_3
        except LookupError:
            try:
                _ISO3[name] = pycountry.countries.search_fuzzy(name)[0].alpha_3
            except LookupError:
                _ISO3[name] = None
    return _ISO3[name]


def _error_listing(errors: list[tuple[str, _Gold, Any, float | None]]) -> dict[str, Any]:
    """DEV error kinds, Acc@161 by the gold's GeoNames feature class, and one line per miss."""
    kinds: dict[str, int] = defaultdict(int)
    by_class: dict[str, list[bool]] = defaultdict(list)
    misses = []
    for doc_id, g, p, err in errors:
        ok = err is not None and err <= 161
        by_class[g.fclass or "?"].append(ok)
        if ok:
            continue
        kind = _error_kind(g, p, err)
        kinds[kind] += 1
        got = (
            "unresolved" if p is None or p.lat is None else f"{p.name} ({p.admin1}, {p.country}) {err:.0f} km"
        )
        misses.append(f"{doc_id} {g.phrase!r} -> {got}; gold {g.name} ({g.admin1}, {g.country}) [{kind}]")
    return {
        "by_kind": dict(sorted(kinds.items(), key=lambda kv: -kv[1])),
        "acc161_by_gold_class": {k: [round(sum(v) / len(v), 3), len(v)] for k, v in sorted(by_class.items())},
        "misses": misses,
    }


_GWN_SUBSETS = {
    "all_with_coordinates": lambda g: True,
    "place_names": lambda g: g.place_name,
    "with_geonames_id": lambda g: g.geonames_id,
}


def _recognition(articles: list[_Article]) -> dict[str, Any]:
    from dateline.nlp import annotate
    from dateline.places import geoparse

    docs = [Document(id=a.id, text=a.text, url=a.url) for a in articles]
    tp = fp = fn = 0
    otp = 0
    nd_fn = nd_tp = 0
    t_all = time.perf_counter()
    t_geo = 0.0
    for art, doc in zip(articles, annotate(docs), strict=True):
        t0 = time.perf_counter()
        pred = {(p.start, p.end) for p in geoparse(doc)}
        t_geo += time.perf_counter() - t0
        doc.spacy = None
        gold = [g for g in art.toponyms if g.recognise]
        gspans = {(g.start, g.end) for g in gold}
        t = len(pred & gspans)
        tp += t
        fp += len(pred - gspans)
        fn += len(gspans - pred)
        nd = {(g.start, g.end) for g in gold if not g.demonym}
        nd_tp += len(pred & nd)
        nd_fn += len(nd - pred)
        # overlap, one-to-one
        used: set[tuple[int, int]] = set()
        for ps, pe in sorted(pred):
            for gs, ge in sorted(gspans - used):
                if ps < ge and gs < pe:
                    used.add((gs, ge))
                    otp += 1
                    break
    exact = prf(tp, fp, fn)
    overlap = prf(otp, tp + fp - otp, tp + fn - otp)
    total = time.perf_counter() - t_all
    return {
        # geoparse time against spaCy parse time (the rest of the loop), one process
        "geoparse_share_of_parse": round(t_geo / max(1e-9, total - t_geo), 4),
        "exact": exact,
        "overlap": overlap,
        "no_demonyms_exact_recall": round(nd_tp / (nd_tp + nd_fn), 4) if nd_tp + nd_fn else 0.0,
        "predicted": tp + fp,
        "gold": tp + fn,
    }


_CORPORA = {"dev": [("LGL", "lgl.xml", _load_lgl_like)], "test": [("GWN", "GWN.xml", _load_gwn), ("TR-News", "TR-News.xml", _load_lgl_like)]}  # fmt: skip


def _evaluate(data: Path, corpora: list[tuple[str, str, Any]], limit: int | None, recognition: bool) -> dict:
    results: dict[str, Any] = {}
    dev = {n for n, _, _ in _CORPORA["dev"]}
    for name, fname, loader in corpora:
        arts = loader(require(data / "geo" / fname))
        if limit:
            arts = arts[:limit]
        subsets = _GWN_SUBSETS if name == "GWN" else None
        if name == "GWN":  # Acc@161 per pragmatic type, aggregate only (TEST items are never listed)
            types = sorted({g.gwn_type for a in arts for g in a.toponyms if g.lat is not None})
            subsets = {**_GWN_SUBSETS, **{f"type:{t}": (lambda g, t=t: g.gwn_type == t) for t in types}}
        # errors are listed for DEV corpora only (TEST items are never read)
        res: dict[str, Any] = {
            "articles": len(arts),
            "resolution_given_gold": _resolution(arts, subsets, listing=name in dev),
        }
        if recognition:
            res["recognition"] = _recognition(arts)
        results[name] = res
    return results


_INTL_DEV = Path(__file__).resolve().parents[2] / "tests" / "data" / "places_intl_dev.jsonl"
# batch 13 (twelfth session), kept in a file of its own: GeoWebNews's Coercion, Embedded_Non_Lit and
# Non_Literal_Modifier types in 2016-17 web and wire news, scored like intl_dev and reported as `own_s12`
_OWN_S12 = _INTL_DEV.with_name("places_own_s12.jsonl")
# batch 14 (thirteenth session): local and regional English-language news of many countries in the TR-News manner
# (small towns, districts, neighbourhoods, local rivers, places named once with no country), reported as `own_s13`
_OWN_S13 = _INTL_DEV.with_name("places_own_s13.jsonl")
# batch 16 (thirteenth session, round 2): 2017-19 web and wire news aimed at GeoWebNews's weakest types (Literal,
# Embedded_Literal, Embedded_Non_Lit, Coercion; kind = the type, label namesake or full_span), reported as `own_s13b`
_OWN_S13B = _INTL_DEV.with_name("places_own_s13b.jsonl")
# batch 17 (fourteenth session): full-length 2018-19 web news articles with many places each (ambiguous city names,
# small places in developing countries, local news, modifiers, embedded names, metonyms), reported as `own_s14`
_OWN_S14 = _INTL_DEV.with_name("places_own_s14.jsonl")
# batch 18 (sixteenth session): ten full-length 2016-19 wire and regional news articles with 20-31 places each (floods,
# fires, storms; US, British, Australian, Canadian, Indian, African, Italian and Colombian places; small towns, rivers,
# counties, districts, neighbourhoods; namesakes and metonyms as labels), reported as `own_s16`
_OWN_S16 = _INTL_DEV.with_name("places_own_s16.jsonl")
# batch 19 (seventeenth session): eleven full-length 2018-19 web news articles of many countries (rivers, lakes,
# mountains, neighbourhoods of world cities, hospitals, universities and bridges, districts named like their capital,
# small towns beside a named county; namesake, metonym and like_capital as labels), reported as `own_s17`
_OWN_S17 = _INTL_DEV.with_name("places_own_s17.jsonl")
# batch 20 (eighteenth session): eleven 2016-17 wire and 2018 web news articles (continents and world regions, large
# countries and regions, city names several countries share, regions named like their capital, datelines and reporting
# credits, streets and buildings whose town is named earlier; labels namesake, metonym, like_capital, large_area,
# dateline, reporting, earlier_town), reported as `own_s18`
_OWN_S18 = _INTL_DEV.with_name("places_own_s18.jsonl")


def load_intl_dev(path: Path = _INTL_DEV) -> list[dict[str, Any]]:
    """The intl_dev cases (one dict per toponym; the header line, a note, is skipped)."""
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [r for r in rows if "_note" not in r]


def _intl_dev(path: Path = _INTL_DEV) -> dict[str, Any]:
    """Acc@161 given the gold spans on our own international passages; the errors listed for reading."""
    from dateline.places import geoparse

    cases = load_intl_dev(path)
    by_text: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in cases:
        by_text[c["text"]].append(c)
    errs: list[float | None] = []
    country_ok = country_n = 0
    per_feature: dict[str, list[bool]] = defaultdict(list)
    misses: list[str] = []
    loose: list[bool] = []
    per_batch: dict[int, list[bool]] = defaultdict(list)
    per_kind: dict[str, list[bool]] = defaultdict(list)  # batch 8 on: literal, modifier, metonym, club...
    per_batch_kind: dict[str, list[bool]] = defaultdict(list)  # the same kind means another mix in each batch
    for i, (text, group) in enumerate(by_text.items()):
        # an optional "url" (batch 7 on) lets the outlet rules (country-code domains, local papers) take part
        url = next((c["url"] for c in group if c.get("url")), None)
        doc = Document(id=f"intl{i}", text=text, url=url)
        places = geoparse(doc, spans=[(c["start"], c["end"]) for c in group])
        by_span = {(p.start, p.end): p for p in places}
        for c in group:
            p = by_span.get((c["start"], c["end"]))
            err = None if p is None or p.lat is None else distance_km((p.lat, p.lon), (c["lat"], c["lon"]))
            errs.append(err)
            ok = err is not None and err <= 161
            # a country is right when it is the country: our gold points are rough centroids, GeoNames' differ
            loose.append(ok or (c["feature"] == "country" and p is not None and p.country == c["country"]))
            per_feature[c["feature"]].append(ok)
            per_batch[c.get("batch", 1)].append(ok)
            if c.get("kind"):
                per_kind[c["kind"]].append(ok)
                per_batch_kind[f"batch{c.get('batch', 1)}:{c['kind']}"].append(ok)
            if c.get("label"):  # batch 12: the kind is the GeoWebNews type, the label our own kind
                per_batch_kind[f"batch{c.get('batch', 1)}:label:{c['label']}"].append(ok)
            if c.get("country"):
                country_n += 1
                country_ok += bool(p is not None and p.country == c["country"])
            if not ok:
                got = "unresolved" if err is None else f"{p.name} ({p.country}) {err:.0f} km"
                misses.append(f"{c['id']} {c['toponym']!r} -> {got}; gold {c['name']} ({c['country']})")
    n = len(errs)
    done = [e for e in errs if e is not None]
    return {
        "toponyms": n,
        "passages": len(by_text),
        "acc161": round(sum(e <= 161 for e in done) / n, 4) if n else 0.0,
        "mean_error_km": round(statistics.fmean(done), 1) if done else None,
        "median_error_km": round(statistics.median(done), 1) if done else None,
        "unresolved_share": round((n - len(done)) / n, 4) if n else 0.0,
        "acc161_countries_by_code": round(sum(loose) / n, 4) if n else 0.0,
        "country_accuracy": round(country_ok / country_n, 4) if country_n else 0.0,
        "acc161_by_feature": {f: round(sum(v) / len(v), 3) for f, v in sorted(per_feature.items())},
        # batch 1 was tuned on; batch 2 was written later and not tuned on
        "acc161_by_batch": {
            f"batch{b}": [round(sum(v) / len(v), 4), len(v)] for b, v in sorted(per_batch.items())
        },
        "acc161_by_kind": {k: [round(sum(v) / len(v), 3), len(v)] for k, v in sorted(per_kind.items())},
        "acc161_by_batch_kind": {
            k: [round(sum(v) / len(v), 3), len(v)] for k, v in sorted(per_batch_kind.items())
        },
        "misses": misses,
    }


def _load_seconds() -> float:
    """Time to build the gazetteer indexes once, as a new worker process does."""
    from dateline.places import _Gazetteer

    t0 = time.perf_counter()
    _Gazetteer()
    return round(time.perf_counter() - t0, 3)


@suite("places")
def run(split: str, data: Path) -> dict:
    """Acc@161 given gold toponyms and end-to-end toponym P/R/F1 on the geo corpora."""
    corpora = _CORPORA["dev"] + _CORPORA["test"] if split == "all" else _CORPORA[split]
    out = _evaluate(data, corpora, limit=None, recognition=True)
    if split in ("dev", "all") and _INTL_DEV.exists():
        out["intl_dev"] = _intl_dev()
    if split in ("dev", "all") and _OWN_S12.exists():
        out["own_s12"] = _intl_dev(_OWN_S12)
    if split in ("dev", "all") and _OWN_S13.exists():
        out["own_s13"] = _intl_dev(_OWN_S13)
    if split in ("dev", "all") and _OWN_S13B.exists():
        out["own_s13b"] = _intl_dev(_OWN_S13B)
    if split in ("dev", "all") and _OWN_S14.exists():
        out["own_s14"] = _intl_dev(_OWN_S14)
    if split in ("dev", "all") and _OWN_S16.exists():
        out["own_s16"] = _intl_dev(_OWN_S16)
    if split in ("dev", "all") and _OWN_S17.exists():
        out["own_s17"] = _intl_dev(_OWN_S17)
    if split in ("dev", "all") and _OWN_S18.exists():
        out["own_s18"] = _intl_dev(_OWN_S18)
    out["gazetteer_load_s"] = _load_seconds()
    return out
