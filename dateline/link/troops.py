"""Troop tracker: how many troops a sending country has (or sends, or withdraws) in a place, over time.

Public entry point: `troop_series(store, country, in_country=None)` returns the figures for one sender (ISO
alpha-3), oldest first, each with its evidence (document, outlet, date, sentence, offsets). Figures come from
  * MOBILIZE / RETREAT events whose size is a troop count (sender = actor country, place = event location,
    else recipient country): kinds `deploy` / `withdraw`;
  * statements of presence found by `_text_figures` in the sentences of every stored article that mention
    troops ("the UK has around 400 troops based in Iraq", "some 5,200 US troops are stationed in Iraq"):
    kind `presence` (a level, the kind the reference tables hold).
`_text_figures(text, published, doc_id)` works on plain text, so the `troops` eval runs it without the NLP
pipeline. Country names, short forms and demonyms come from dateline/data/places (countries.tsv, demonyms.tsv).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.store import Store

_DATA = Path(__file__).resolve().parents[1] / "data" / "places"
_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’]?|\n|$)")
_TROOP_WORD = re.compile(
    r"\b(troops?|soldiers?|personnel|servicem[ae]n|service members|marines|paratroopers|forces|trainers)\b",
    re.I,
)
_PRESENCE = re.compile(
    r"\b(has|have|had|keeps?|kept|maintains?|stationed|based|deployed|there are|there were|remain|remaining|"
    r"presence|contingent|garrison|serving)\b",
    re.I,
)
_DEPLOY = re.compile(r"\b(send|sends|sending|sent|deploy|deploying|dispatch\w*|rush\w*|more|additional|extra|"
                     r"reinforcements?|surge)\b", re.I)  # fmt: skip
_WITHDRAW = re.compile(r"\b(withdraw\w*|pull\w* out|pull\w* back|leav\w*|left|remov\w*|reduc\w*|cut\w*|"
                       r"bring\w* home|drawdown|draw down)\b", re.I)  # fmt: skip
_CASUALTY = re.compile(r"\b(killed|wounded|injured|died|dead|captured|kidnapped|missing|crash\w*)\b", re.I)
_LOC_PREP = re.compile(r"\b(in|to|into|inside|across|at|from|out of|throughout)\s+(?:the\s+)?$", re.I)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over every country name, short form and demonym; built once per process."""
    forms: dict[str, str] = {}
    for line in (_DATA / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        iso = cols[0]
        for alias in cols[3].split("|") if len(cols) > 3 and cols[3] else []:
            forms[alias] = iso
    for line in (_DATA / "demonyms.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        for w in cols[0].split("|"):
            forms[w] = cols[2]
        forms.setdefault(cols[1], cols[2])
    import pycountry

    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None)):
            if name and "," not in name:
                forms.setdefault(name, c.alpha_3)
    forms = {k.strip(): v for k, v in forms.items() if len(k.strip()) >= 2}
    forms.pop("the US", None)
    alts = sorted(forms, key=len, reverse=True)
    rx = re.compile(r"(?<![\w.])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")
    return rx, forms


def _countries(sentence: str) -> list[tuple[int, int, str, str]]:
    rx, forms = _lexicon()
    return [(m.start(), m.end(), forms[m.group(1)], m.group(1)) for m in rx.finditer(sentence)]


def _kind(sentence: str) -> str:
    if _WITHDRAW.search(sentence):
        return "withdraw"
    if _DEPLOY.search(sentence):
        return "deploy"
    return "presence" if _PRESENCE.search(sentence) else "mention"


def _text_figures(text: str, published: str | None, doc_id: str) -> list[dict[str, Any]]:
    """Troop figures in plain text: sender, place, value, kind and evidence offsets."""
    from dateline.sizes import extract_sizes

    out: list[dict[str, Any]] = []
    for m in _SENT.finditer(text):
        sent = m.group(0)
        if not _TROOP_WORD.search(sent) or not re.search(r"\d|hundred|thousand|dozen", sent, re.I):
            continue
        s0 = m.start()
        sizes = [
            z
            for z in extract_sizes(sent, s0)
            if z.unit == "troops"
            and (z.min or z.max)
            and z.kind in (None, "deployed")  # not a casualty count
            and not re.search(r"\b(including|of them|among them|of whom)\s*$", sent[: z.start - s0], re.I)
        ]
        if not sizes:
            continue
        mentions = _countries(sent)
        for z in sizes:
            a, b = z.start - s0, z.end - s0
            sender = place = None
            inside = [c for c in mentions if a <= c[0] < b]  # "400 British troops"
            if inside:
                sender = inside[0][2]
            hosts = []
            for c in mentions:
                if _LOC_PREP.search(sent[max(0, c[0] - 14) : c[0]]):
                    hosts.append(c)
            after = [c for c in hosts if c[0] >= b and c[0] - b < 60]
            before = [c for c in hosts if c[1] <= a]
            if after:
                place = after[0][2]
            elif before:
                place = before[-1][2]
            if sender is None:
                subj = [c for c in mentions if c[1] <= a and c not in hosts]
                if subj:
                    sender = subj[-1][2]
            if sender is None or place is None or sender == place:
                continue
            local = sent[max(0, a - 50) : b + 50]  # the clause around the number decides what kind of figure
            if _CASUALTY.search(local):
                continue
            out.append({
                "sender": sender, "place": place, "min": z.min, "max": z.max, "value": z.min or z.max,
                "qualifier": z.qualifier, "kind": _kind(local), "date": (published or "")[:10] or None,
                "doc_id": doc_id, "sentence": sent.strip(), "sentence_start": s0, "sentence_end": m.end(),
                "start": z.start, "end": z.end, "size_text": z.text, "source": "text",
            })  # fmt: skip
    return out


def troop_series(store: Store, country: str, in_country: str | None = None) -> list[dict[str, Any]]:
    """Troop figures of sender `country` (ISO alpha-3) in `in_country` (or anywhere), oldest first."""
    country = country.upper()
    place = in_country.upper() if in_country else None
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, int]] = set()
    db = store.db
    for r in db.execute(
        "SELECT e.data, d.published, d.outlet FROM events e JOIN documents d ON d.id = e.doc_id"
        " WHERE e.event IN ('MOBILIZE', 'RETREAT') AND e.actor_countries LIKE ?",
        (f"%|{country}|%",),
    ):
        e = json.loads(r[0])
        where = (e.get("location") or {}).get("country") or next(
            (a["country"] for a in e.get("recipient", []) if a.get("country")), None
        )
        if place and where != place:
            continue
        for z in e.get("size", []):
            if z.get("unit") != "troops" or not (z.get("min") or z.get("max")):
                continue
            seen.add((e["doc_id"], z["start"]))
            out.append({
                "sender": country, "place": where, "min": z.get("min"), "max": z.get("max"),
                "value": z.get("min") or z.get("max"), "qualifier": z.get("qualifier"),
                "kind": "presence" if _kind(e["text"]) == "presence" else
                        "withdraw" if e["event"] == "RETREAT" else "deploy",
                "date": (e.get("date") or {}).get("value") or (r[1] or "")[:10] or None, "doc_id": e["doc_id"],
                "outlet": r[2], "published": r[1], "sentence": e["text"], "sentence_start": e["sentence_start"],
                "sentence_end": e["sentence_end"], "start": z["start"], "end": z["end"], "size_text": z["text"],
                "factuality": e.get("factuality"), "event_id": e["id"], "source": "event",
            })  # fmt: skip
    # statements of presence: only articles whose text mentions troops (FTS index), not the whole store
    for r in db.execute(
        "SELECT d.id, d.text, d.published, d.outlet FROM documents_fts f JOIN documents d ON d.rowid = f.rowid"
        " WHERE documents_fts MATCH 'troops OR soldiers OR personnel OR servicemen OR forces'"
        " AND d.status = 'processed'"
    ):
        for fig in _text_figures(r["text"], r["published"], r["id"]):
            if (
                fig["sender"] != country
                or (place and fig["place"] != place)
                or (r["id"], fig["start"]) in seen
            ):
                continue
            fig.update({"outlet": r["outlet"], "published": r["published"]})
            out.append(fig)
    out.sort(key=lambda f: (f["date"] or "", f["published"] or "", f["start"]))
    return out
