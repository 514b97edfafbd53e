"""Shared helpers of the event tests: events of a one-off text published on a given day."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from dateline.events import extract_events
from dateline.nlp import parse


def helpers_for(
    published: str,
) -> tuple[Callable[..., list[Any]], Callable[..., set[str]], Callable[..., list[Any]]]:
    """(events of a text, their types, those of one type) for texts published on `published`."""

    def events(text: str) -> list[Any]:
        return extract_events(parse(text, published))

    def types(text: str) -> set[str]:
        return {e.event for e in events(text)}

    def of(text: str, event: str) -> list[Any]:
        return [e for e in events(text) if e.event == event]

    return events, types, of


def conventional_types(events: Callable[..., list[Any]], text: str) -> set[str]:
    """The sentence's types under PLOVER's single-category convention (as the eval scores them)."""
    from dateline.events._typing import _conventional

    return {_conventional(e.event, e.factuality) for e in events(text)}


def processed_events(text: str, published: str | None) -> list[Any]:
    """Events of a text run through all the pipeline's document components (times, places, quotes first), so
    dates and places come from the text as in ingest."""
    from dateline.model import Document
    from dateline.pipeline import process

    [doc] = process([Document(id="t", text=text, published=published)])
    return doc.events


def countries(args: list[Any]) -> set[str]:
    """The countries of a list of actors."""
    return {a.country for a in args if a.country}


def _at_word(text: str, ev: Any, words: list[str]) -> bool:
    """The event's span or one of its mentions overlaps one of the gold event words."""
    spans = [(ev.event_start, ev.event_end)] + [(m.start, m.end) for m in ev.mentions]
    for w in words:
        for m in re.finditer(rf"\b{re.escape(w)}\b", text):
            if any(s < m.end() and m.start() < e for s, e in spans):
                return True
    return False


def score_left_row(
    row: dict[str, Any], events: Callable[..., list[Any]], single_category_factuality: bool = True
) -> dict[str, int]:
    """One row of a "left" set (events_own_s11_left / s12_left): gold events matched to predicted ones by type
    (content or PLOVER single category), then mode, factuality, actor and recipient countries (each only where the
    gold gives it) on the matched event. `single_category_factuality` is the s12 scoring: a factuality the
    single-category type already says counts as right, and the event words are checked where the row gives them."""
    from dateline.events._typing import _conventional

    free = list(events(row["text"]))
    out: dict[str, int] = defaultdict(int)
    gold_types = {g["event"] for g in row["events"]}
    gold_conv = {_conventional(g["event"], g["factuality"]) for g in row["events"]}
    for g in row["events"]:
        gconv = _conventional(g["event"], g["factuality"])
        cands = [p for p in free if p.event == g["event"] or _conventional(p.event, p.factuality) == gconv]
        out["gold"] += 1
        if not cands:
            continue
        cands.sort(key=lambda p: (p.event != g["event"], p.mode != g["mode"]))
        p = cands[0]
        free.remove(p)
        out["found"] += 1
        fact = p.factuality == g["factuality"] or (
            single_category_factuality and _conventional(p.event, p.factuality) == g["event"] != p.event
        )
        for field, ok in (
            ("mode", g["mode"] is None or p.mode == g["mode"]),
            ("factuality", fact),
            ("actor", not row["actors"] or countries(p.actor) == set(row["actors"])),
            ("recipient", not row["recipients"] or countries(p.recipient) == set(row["recipients"])),
            (
                "word",
                not single_category_factuality
                or not row.get("event_text")
                or _at_word(row["text"], p, row["event_text"]),
            ),
        ):
            if field != "word" or single_category_factuality:
                out[field] += ok
    # a same-type second mention is no extra (one type once per sentence); any other type is
    out["extra"] = sum(
        1 for p in free if p.event not in gold_types and _conventional(p.event, p.factuality) not in gold_conv
    )
    out["all"] = int(
        out["found"] == out["gold"]
        and all(out[f] == out["gold"] for f in ("mode", "factuality", "actor", "recipient"))
        and (not single_category_factuality or out["word"] == out["gold"])
        and not out["extra"]
    )
    return dict(out)


def score_left(
    rows: list[dict[str, Any]], events: Callable[..., list[Any]], single_category_factuality: bool = True
) -> dict[str, dict[str, int]]:
    """Per-kind sums of `score_left_row` (and "total")."""
    by: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        for k, v in score_left_row(row, events, single_category_factuality).items():
            by[row["kind"]][k] += v
            by["total"][k] += v
        by[row["kind"]]["rows"] += 1
        by["total"]["rows"] += 1
    return {k: dict(v) for k, v in by.items()}
