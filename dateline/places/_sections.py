"""Names read beside the countries and regions the text names (issue 6, round 21, session 18): a town, a comma and
its country; the stories of a page of news in brief, each under its own dateline; one name said of two places,
told apart by the country or region named beside each mention."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from dateline.places._cands import _Cand, _prior
from dateline.places._containers import _sentence_bounds
from dateline.places._gazetteer import capital_of
from dateline.places._readings import _LIST_GAP

_COMMA_ONLY = re.compile(r"^\s*,\s*$")


def _keep_in_stated_country(
    text: str, spans: list[tuple[int, int]], keys: list[str], cands_of: dict[str, list[_Cand]]
) -> None:
    """issue 6, session 18: a town followed by a comma and a country keeps only its readings in that country,
    in running text and in a wire dateline ("Victoria, Seychelles", "VICTORIA, Seychelles (Reuters) -",
    "SANTIAGO, Dominican Republic -"), however big a namesake elsewhere (Victoria, Australia). Not a name that is
    a country itself, nor one listed after another name ("Lebanon, Syria"), nor when the mentions of the name
    state two different countries (_split_by_container keeps those apart)."""
    stated: dict[str, set[str]] = defaultdict(set)
    datelines: set[str] = set()
    for i in range(len(spans) - 1):
        k = keys[i]
        cands = cands_of.get(k) or []
        if not cands or any(c.feature == "country" for c in cands):
            continue
        if not _COMMA_ONLY.match(text[spans[i][1] : spans[i + 1][0]]):
            continue
        if i > 0 and _LIST_GAP.match(text[spans[i - 1][1] : spans[i][0]]):
            continue  # "Paris, Lyon, France" lists it
        nxt = cands_of.get(keys[i + 1]) or []
        if not nxt:
            continue
        best = max(nxt, key=_prior)
        if best.feature != "country" or not best.country:
            continue
        stated[k].add(best.country)
        s = spans[i][0]
        if (s == 0 or text[s - 1] == "\n") and text[s : spans[i][1]].isupper():
            datelines.add(k)
    for k, ctrys in stated.items():
        if len(ctrys) != 1:
            continue
        (ctry,) = ctrys
        inside = [c for c in cands_of[k] if c.country == ctry]
        towns = [c for c in inside if c.feature == "city" and c.population]
        if k in datelines and towns:
            # a dateline names the city readers know: the country's biggest of that name ("SAN JOSE, Costa
            # Rica -" is the capital, not the border town beside Upala that a later paragraph names)
            inside = [max(towns, key=lambda c: c.population)]
        if inside and len(inside) < len(cands_of[k]):
            cands_of[k] = inside


_DATELINE_AFTER = re.compile(r"\s*(?:,[^\n,]{2,40})?\s*(?:\([A-Za-z .]+\)\s*)?(?:-|–|—)\s")


def _dateline_sections(
    text: str, spans: list[tuple[int, int]], chosen: Sequence[_Cand | None]
) -> list[tuple[int, _Cand]]:
    """issue 6, session 18: a page of news in brief ("TRIPOLI, Libya - ... VICTORIA, Seychelles - ...") is
    several stories, each under its own all-caps dateline at the start of a line: (offset, place) of each, when
    there are two or more; a name no gazetteer knows in one of them lies at its own dateline's place, not at
    the page's focus."""
    out: list[tuple[int, _Cand]] = []
    for (s, e), c in zip(spans, chosen, strict=True):
        if c is None or c.lat is None or c.feature not in ("city", "admin"):
            continue
        if s > 0 and text[s - 1] != "\n":
            continue
        word = text[s:e]
        if not word.isupper() or not _DATELINE_AFTER.match(text, e):
            continue
        out.append((s, c))
    return out if len(out) >= 2 else []


def _section_place(sections: list[tuple[int, _Cand]], start: int) -> _Cand | None:
    """The dateline place of the story a name at `start` belongs to (None before the first dateline)."""
    i = bisect.bisect_right([s for s, _ in sections], start) - 1
    return sections[i][1] if i >= 0 else None


def _strays_of_sections(
    spans: list[tuple[int, int]], chosen: list[_Cand | None], sections: list[tuple[int, _Cand]]
) -> None:
    """A page of news in brief: a reading outside its own story's country, in a country that story does not
    name, is a namesake the page's other stories pulled in ("Salah al-Din", a Tripoli suburb, read as Iraq's
    province): unset, so it falls back to its dateline. Countries, capitals and cities of a million stay."""
    starts = [s for s, _ in sections]
    named: dict[int, set[str]] = defaultdict(set)
    for (s, _e), c in zip(spans, chosen, strict=True):
        j = bisect.bisect_right(starts, s) - 1
        if j >= 0 and c is not None and c.feature == "country" and c.country:
            named[j].add(c.country)
    for i, ((s, _e), c) in enumerate(zip(spans, chosen, strict=True)):
        j = bisect.bisect_right(starts, s) - 1
        if j < 0 or c is None or not c.country or c.feature == "country":
            continue
        if c.country == sections[j][1].country or c.country in named[j] or c.population >= _WORLD_CITY_POP:
            continue
        cap = capital_of(c.country)
        if cap is not None and cap.name == c.name:
            continue
        chosen[i] = None


_WORLD_CITY_POP = 1_000_000


# a reading this big (or a region) can be what a nearby country or region points at
_CONTEXT_READING_POP = 100_000


def _anchor_country(cands: list[_Cand]) -> str | None:
    """The one country a country's or first-level region's name points at ("Sindh", "Lebanon", "New South
    Wales"), else None (a name read as a country or region only narrowly over a namesake elsewhere)."""
    if not cands:
        return None
    best = max(cands, key=_prior)
    if best.feature not in ("country", "admin") or not best.country:
        return None
    # its namesakes elsewhere must be far smaller ("Lebanon" beside the towns of Pennsylvania; not "Georgia")
    rival = max((_prior(c) for c in cands if c.country != best.country), default=0.0)
    return best.country if _prior(best) - rival >= _ANCHOR_MARGIN else None


_ANCHOR_MARGIN = 3.0


def _split_by_context(
    text: str, spans: list[tuple[int, int]], keys: list[str], cands_of: dict[str, list[_Cand]]
) -> list[str]:
    """issue 6, session 18: one name, two places, told by the country or region named beside each mention, when
    no container is stated: "around Hyderabad, the state capital" after "In Telangana" and "in Hyderabad, the
    province's second city" after "the heat centred on Sindh"; "the northern city of Tripoli" after Lebanon and
    "registered in Tripoli" beside Libya; "from Victoria" beside Ontario and "the states of Victoria and New South
    Wales". Each mention's context is the nearest name of its own sentence, else of the sentence before, that
    points at one country (a country or first-level region) in which the name has a reading (a city of 100,000+
    or a region: "Moscow" beside "the United States" is no Moscow, Idaho); when the mentions point at two or more countries, each becomes a name of its own keeping only its
    readings there (a mention without context stays with the first). Names one sense already covers stay."""
    counts = Counter(keys)
    if all(n == 1 for n in counts.values()):
        return keys
    anchors = [(i, _anchor_country(cands_of.get(k) or [])) for i, k in enumerate(keys)]
    anchors = [(i, c) for i, c in anchors if c]
    if len({c for _, c in anchors}) < 2:
        return keys
    starts = _sentence_bounds(text)
    sent = [bisect.bisect_right(starts, s) - 1 for s, _ in spans]
    out = list(keys)
    for k, n in counts.items():
        if n < 2 or "#" in k:
            continue
        cands = cands_of.get(k) or []
        held = {
            c.country
            for c in cands
            if c.country and not c.alt and (c.feature != "city" or c.population >= _CONTEXT_READING_POP)
        }
        if len(held) < 2 or any(c.feature == "country" for c in cands):
            continue
        ctx: dict[int, str] = {}
        for i, key in enumerate(keys):
            if key != k:
                continue
            near = [
                (sent[i] != sent[j], abs(spans[j][0] - spans[i][0]), c)
                for j, c in anchors
                if keys[j] != k and c in held and (sent[j] == sent[i] or (sent[j] == sent[i] - 1 and j < i))
            ]
            if near:
                ctx[i] = min(near)[2]
        if len(set(ctx.values())) < 2:
            continue
        first = ctx.get(min(i for i, key in enumerate(keys) if key == k))
        order = list(dict.fromkeys(ctx.values()))
        if first is not None:
            order.remove(first)
            order.insert(0, first)
        for n_, ctry in enumerate(order):
            new = f"{k}#ctx{n_}" if n_ else k
            cands_of[new] = [c for c in cands if c.country == ctry]
            for i, c in ctx.items():
                if c == ctry:
                    out[i] = new
    return out
