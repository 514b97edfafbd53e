"""Cross-article event merging: mentions of one real event in many articles become one merged event.

Public entry point: `merge_new(store)` links every event in the store that is not linked yet and rewrites the
merged events it touched. Reading helpers for the CLI (`merged_event`, `explain`) live in `dateline.link`.

How a new event is linked (conservative where evidence is strong, tolerant where it is weak; explainable):
  1. blocking: candidates are linked events of the same PLOVER type whose date lies within a few days, the
     nearest in date first (at most _BLOCK), that a pair check could accept on actors: the same actor country,
     the roles swapped, a mention without actors sharing a country, one without any country, or (directed
     types) an actor-only mention and one without an actor (recipient-only, or only located), which contradict
     nothing (_query_keys);
     undated mentions are compared with the most recent mentions of their type and with those, of any date, whose
     sentence names a place theirs names (and dated mentions meet undated ones filed under such a place); the other
     members of a merged event are fetched only when it could be joined. On a dense store, only the _COMPARED
     candidates sharing the most words with the new mention are compared (_likeliest). A mention without actors also meets one located in its
     countries, and one whose actor is its recipient (a likely slip) looks up like one without actors. The
     blocks of one run are read from the store once per
     (type, day) into memory (_Index), so a dense store (tens of thousands of reports of one week) costs a
     bounded number of comparisons per mention, not SQL scans of the whole week;
  2. each candidate pair gets hard vetoes (same document, dates too far apart, disjoint actor countries that are
     not a role swap, directed events with both roles reversed (not a shooting one report tells as an exchange of
     fire or whose start it disputes: "had fired first", "returned fire"), places far apart or in different countries,
     sizes a factor > 2.5 apart, modes of different acts: an arrest and a curfew, a strike and a march) and a score summed from evidence (date gap, actor/recipient overlap, place
     distance, size compatibility, word overlap; sizes a factor 1.25 to 2 apart are a disagreement between
     sources, from 2 towards the veto evidence against: "15 arrested" under another report's "at least 37" is as
     likely another crowd) minus counter-evidence (different recipients, sentences naming
     only distant places, a sentence naming only places outside the country the other mention is located in, a
     "did not happen" against a "happened", almost no shared words). A physical act (not said, not a meeting)
     sharing only its actor and day, no target, place or count, is weak evidence (a state's forces do many things a
     day: an airliner downed and a missile strike on a base): few shared words count against it (actor_day_only).
     A sentence calling its act a repeat ("the second shelling of the village", "fresh strikes", "again") whose day,
     read from the text, differs from the other's day (both read from the text) is the next act of a series, not a
     date misread by a day: a veto. A location that is only a guessed point (a region's centre for a village the
     gazetteer lacks) vetoes by distance only beyond the two locations' precisions (place_imprecise). Types must
     be the same, but for one agreement reported as agreed (AGREE) and as signed (SUPPORT: the PLOVER manual codes
     signing so), both sentences naming the same agreement noun (ceasefire, truce, deal, accord, treaty, pact,
     agreement) and the same parties (one report's may be fewer); blocking then looks in both types' blocks and
     the merged event lists both types (event_types). Two agreements about plainly different things (one names
     an agreement as what was agreed, "agreed a ceasefire", and the other's sentence does not name it: "agreed to
     set up a joint commission") are look-alikes: a veto, unless both days are read from the text and agree (then
     evidence against: objects_differ; twentieth session). A "did not happen" of a physical act at a
     place both sentences name, on the day the other says it happened (both days read from the text), is the
     same act disputed or its outcome negated ("no US troops were killed in Wednesday's strikes"): flagged as
     disputed in the merged event, not counted against. A date that is only the publication date
     gets a wide window (before the report; around it for a planned or hypothetical event); a bare weekday read
     after the publication date also keeps the week before; two days read from the text a day apart, the earlier
     report's act "late" or at "night", or the later one's "early", at "dawn" or "overnight", are one night dated
     either side of midnight by two outlets (the same day: date_night); a period inside another ("December 2011"
     in "2011") counts more than an overlap. For symmetric types (CONSULT, AGREE, COOPERATE) actors and recipients are
     compared as one set of participants; a side missing on either mention is no evidence either way, but two
     mentions that each name two or more parties, each one the other does not, are meetings of two different
     pairs (a veto; a venue's country that only one names is left out), and a meeting inside one country, both
     sides named ("the prime minister met the unions": PER with PER), disagrees with one between two countries
     (no veto: a venue read as a party is left out); one party each, apart, is no veto when one report's party is
     named in the other's sentence, as a country or its people ("talks with his Tajik counterpart"). Meetings and statements (CONSULT, REQUEST, REJECT, ACCUSE,
     SUPPORT) carry no size of their own: a count in their sentence is their topic's ("talks on roadblocks that
     stranded hundreds of trucks"), left out of the pair check and of the merged spread. Parse
     slips are tolerated: a mention whose actor is its recipient (a place read as the actor) disagrees but does
     not veto, unless both days are read from the text and differ (then the self-directed report is as likely a
     real one, rebels attacking their own country's army, and the actors differ: a veto); a recipient that is the country the other mention is located in (or whose sentence first names
     a place in) is its host, not another target, and so is a self-directed deployment's (COL -> COL: troops
     moved inside their own country are aimed at no one, so "reinforced its border with Venezuela" is no other
     target); a place in a directed event's own actor country (a capital,
     a ministry) is where it was decided, so it neither vetoes other places nor counts as a place named
     elsewhere. Metonyms are no places: a seat of
     power located as a building ("aimed at the Kremlin"), and any seat of government named with an act done at
     a distance (sanctions "imposed by Brussels", _REMOTE). Two locations far apart do not veto when one
     sentence also names the other's location (the location picker chose another of its places; named among
     its words counts too, for a name the place reader missed: "the Douentza–Timbuktu road"), nor when both
     sentences name the same place first and each is located at a later one; two sentences do not "name only places
     far apart" when one names the other's place in its words (under the gazetteer's name or as the other report
     wrote it: "the Jowhar market" where the place reader found nothing, the gazetteer saying "Jawhar"), nor when
     one place is a province and the other lies within its radius (_ADMIN_KM); a count of none without a unit
     ("no one was hurt") counts people, so it is not weighed against a count of missiles; a wire dateline's
     places and a location taken from another sentence than the event's own (which names places) are no
     evidence, nor is a
     seat of power read as a site among a sentence's places ("the Pentagon said"), nor a capital that is a
     party's own words ("Kinshasa and Kigali held talks"), nor a place the event extractor found only in the
     topic of talks ("talks on the withdrawal of troops from North Kivu": Document.extra["topic_places"]). The country a
     meeting is held in, read as its only participant ("talks in Istanbul" -> Turkey), is its host, not a
     participant that contradicts; a directed physical event read as destination -> destination ("sent troops
     to central Romania" -> Romania -> Romania) has an unknown actor, not another one. A mention without a
     target located (or whose sentence first names a place) in the country the other names as target agrees
     with it ("the departure from Niamey" vs "pulled out of Niger"). Few shared words count against a pair only
     when it does not share who acted or its dates are not both read from the text (within a day), and always for
     statements (threats, accusations: the same parties trade many); a physical act whose actor one report does
     not name ("an air strike on a village killed 14") may share a count that agrees on the same day instead
     (count_day). Two locations of one name ("Mae Sot") that the gazetteer resolved in two countries (a namesake
     across a border), one of them a country the other report names as a party, are one place read two ways: no
     veto, the same place (place_namesake); so are two points of one country the gazetteer gave one name, one
     of them a rough point ("Khyber district" and "the Khyber region"), and a plan located at its own actor's seat of government ("will
     free the traders, a diplomat in Kabul said") is where it was announced, no veto against the act's town of that
     country (place_seat; _one_place, nineteenth session). A plan on a bare weekday ("will march again on Monday") is the coming
     day only. Twelfth session (the demo's and the DEV corpora's missed links): a recipient country that is the
     country of a place both sentences name is where the target was, not another target ("the missile strikes on
     Al Asad and Erbil" read as IRQ vs "missiles at US forces ... striking Al Asad Air Base": recipient_host); a
     location (a town or site, not a country or sea) that the other, unlocated, report names in its sentence or
     words agrees (place_named); two locations in two countries do not veto when one sentence names a place near
     the other's location and in its country (the bombing of Shwe Kokko told from Mae Sot, across the border, vs
     an air strike near Myawaddy: _named_near); and where who acted is unknown on one side, the act the two
     reports' PLOVER mode names (a suspension, a strike, an arrest; not the means, a weapon or the kind of force:
     _MEANS) is evidence (mode_same), as a count on the day is;
  3. the event joins the merged event whose best member scores highest, if that score passes the threshold,
     no member vetoes it and at least half of the members are compatible with it (score >= _MEMBER_MIN; no
     chaining through one member); a low or negative score is weak or contrary evidence, not a veto; otherwise
     it starts a new merged event. Two mentions of one document never join the same merged event: the better
     fit takes it, the other its next choice, and two of them trade merged events when that fits better in sum
     (_swap). A mention that fits two small merged events which also fit each
     other (every pair checked) merges them: one real event whose first reports had too little in common. After a
     run, two merged events that hold two events of one type of one document of the run, and of which every pair
     across (of two documents) would link, with the same vetoes, are joined too (_join_split): one event split
     where no single mention bridged it, because an article's second mention, a restatement extraction did not
     fold ("Eleven missiles hit Al Asad"), went one way and its report the other. A document with a mention in both holds twins: kept both when one names no actor, they
     compare as two reports would, are placed at one place and neither is set apart ("separately") or a repeat.
  4. a mention with no date at all (no date in its text, no publication date: blogs, scraped pages) is neither
     left out nor scored as if its date differed, but it is compared across all time, so merging stays
     conservative (_undated_time, _undated_weak, _ambiguous): what its text says of time must fit (a weekday it
     names, "Wednesday's missile strikes", must be a day the other can fall on, else a veto; matching a day read
     from the other's text it is evidence, date_weekday, instead of the no-date penalty; relative phrases have no
     anchor and contradict nothing; a year in the text dates it); it joins only on strong evidence besides the date
     (a named place both sentences share, or the same actors with no side differing, and sizes and factuality
     that agree: otherwise the pair is compatible at most); and never where another merged event, a different
     event, fits about as well (two strikes on one base a year apart: no join). A weekday-matched join dates the
     document (written that day or within the week after); its other mentions are then re-linked with a date
     inferred from it (a weekday they name, else the window as for a publication date; source "inferred", always
     loose) and their join says so (date_inferred).
The evidence for each join is stored with the link so `dateline explain` can show it (date_unknown, date_weekday,
undated_weak, date_inferred for these rules; actor_day_only, place_imprecise, types for the rules of step 2).

The merged record (_summarise): every mention, the source count (distinct outlets), the earliest report (the
earliest publication date; the first document of that day), the consensus day (the most common day read from the
text), and the spread of reported sizes, one per unit, every mention's size counted (a plan's too; not a meeting's or
a statement's: _SIZELESS); tallies of
people (the dead, the wounded, the arrested) are one spread per kind whatever the noun ("four marines wounded",
"seven people wounded": 4-7 wounded). A merged event is `disputed`, with the conflicting mentions side by side, when
(factuality) one mention asserts and another denies or negates it; (size) two counts of one spread from reports of
the act lie more than a factor _SIZE_DISPUTE apart, except a toll (dead, wounded) that a later-published report
raises, a revision (_revised); (date) two days read from the text differ. A planned or hypothetical mention beside
the act is no dispute of factuality, size or day: it is the plan of that act.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline.link._words import (
    _SAME_OBJECT,
    aftermath_place,
    denies,
    mutual_fire,
    object_words,
    referred_acts,
    sentence_refs,
)
from dateline.link._words import stop_words as _stop
from dateline.model import Event, Size, stable_id
from dateline.places import distance_km
from dateline.store import Store

_WINDOW_TEXT = 1  # days apart two dates read from the text may be (time zones, "early hours")
_WINDOW_LOOSE = 3  # when a date is only the publication date: weak evidence, so a wide window
_LOOKBACK = 10  # an event dated only by its report happened up to this many days before it
_LOOKAHEAD, _LOOKAHEAD_BEFORE = 7, 3  # a planned event dated only by its report: up to a week after it (or
# a few days before, when the plan was reported as it was carried out)
_PLANNED = frozenset({"future", "hypothetical"})
# PLOVER's verbal types: "warned that Iraq would face sanctions" is future in its content, not in the act
_VERBAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
_DATE_SLACK = 2  # ...up to this many days beyond the window
_COARSE = 11  # intervals longer than this (months, years) are looked up separately
_MAX_KM = 60.0  # two located mentions further apart than this are different events
_ADMIN_KM = 250.0  # ...and than this when one is a province or state (its centroid, not the place itself)
_SIZE_VETO = 2.5  # sizes further apart than this factor are different events
_SIZE_DISPUTE = 1.25  # ...and further apart than this are a disagreement between sources
_SIZE_FAR = 2.0  # ...and beyond this, nearing the veto, evidence against (graded: _components)
_LINKAGE = "max"  # join on the best member ("mean": on the average over the merged event's members)
# ...and only if at least _SUPPORT of its members are compatible (score >= _MEMBER_MIN): no chaining
_SUPPORT = 0.5
# two sentences sharing almost no words: evidence against, unless they share who acted on the same day (reports that
# agree on that are often worded apart: a tabloid and a wire, a nominalisation and a verb; see _components)
_FEW_WORDS = 0.08
_MEMBERS = 60  # members of a merged event checked against a new mention (the most recent)
_BLOCK = 80  # a dated mention is compared with at most this many mentions of its block, the nearest in date
# ...and a new mention with at most this many of all its candidates (blocks, coarse dates, undated): those sharing
# the most words with it (_likeliest). Only a dense store has more: our DEV corpora give a mention at most 23
# candidates. On the benchmark's one-story corpus (61 candidates a mention, most of other merged events than the
# one it joins) the full comparison of each was two thirds of the link stage (session 18)
_COMPARED = 30
_BRIDGE_MAX = 12  # merged events larger than this are not bridged (the check is quadratic)
_UNDATED = 200  # an undated mention is compared with this many recent mentions of its type and countries
# ...and with this many mentions of its type whose sentence names a place its sentence names (any date)
_UNDATED_PLACES = 200
_UNDATED_TIE = 0.5  # an undated pair's join needs no other merged event scoring within this of the best
_UNANCHORED_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])$")  # "Wednesday" with no date to resolve it against
_DAY_NAMES = ("", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}  # who met whom: actor and recipient are interchangeable
# acts done at a distance: a capital or seat of government named with them is where they were decided or
# announced ("sanctions imposed by Brussels", "pressure on Moscow"), not where anything happened
_REMOTE = frozenset({"SANCTION", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"})
_SAID = _VERBAL | _REMOTE
# meetings and statements have no size of their own: a count in their sentence is their topic's ("talks on the
# roadblocks that stranded hundreds of trucks", "summoned the ambassador over the arrest of four citizens"); none
# of the DEV corpora's 89 gold rows of these types has one. Left out of the pair check and the merged spread
_SIZELESS = frozenset({"CONSULT", "REQUEST", "REJECT", "ACCUSE", "SUPPORT"})
_STATEMENT = _VERBAL - _SYMMETRIC  # said, not met or agreed: "warned", "accused", "called for"
_DENY = {"negated", "denied"}
_NOT, _HAPPENED = frozenset({"negated"}), frozenset({"asserted", "historical", "alleged"})
_BROAD = frozenset({"country", "region", "water"})
# merged size spreads: tallies of people counted per kind, whatever the unit ("four marines wounded", "seven people
# wounded"); a toll (the dead, the wounded) that rises in later reports is revised, not disputed (_revised)
_TALLY_KINDS = frozenset({"dead", "injured", "arrested"})
_TOLL_KINDS = frozenset({"dead", "injured"})
_KIND_WORDS = {"dead": "killed", "injured": "wounded", "arrested": "arrested"}
# one agreement reported as agreed (AGREE) and as signed (SUPPORT: PLOVER codes signing and ratifying so): the two
# types may join when both sentences name one of these agreement nouns and the same parties (_one_agreement)
_AGREEMENT_TYPES = frozenset({"AGREE", "SUPPORT"})
_AGREEMENT_NOUNS = frozenset({"ceasefire", "cease-fire", "truce", "deal", "accord", "treaty", "pact", "agreement",
                              "armistice"})  # fmt: skip
# evidence beyond who acted and when: a shared target, place or count (_components: a physical act sharing only its
# actor and day needs words in common)
_MORE_THAN_ACTOR = frozenset({"recipient_overlap", "roles_swapped", "target_located", "place_same", "place_near",
                              "place_named", "sentence_places", "size_bounded", "size_open", "size_dispute"})  # fmt: skip

# The pair score is a weighted sum of evidence components (_components); a pair joins at score >= THRESHOLD, and a
# member of a merged event is compatible with a new mention at score >= _MEMBER_MIN. The hand-set weights below were
# tuned by hand, corpus by corpus (demo, dev2, dev3); when dateline/data/merge/weights.json exists (fitted on the
# gold of the DEV corpora by scripts/fit_merge_weights.py, its provenance inside) it replaces them; a user may edit
# or remove that file. None is shipped: leave-one-corpus-out, no fitted table beat these (the script's docstring).
_HAND_WEIGHTS: dict[str, float] = {
    "date_same_day": 1.0,  # both dates read from the text: the same day
    "date_day_apart": 0.5,  # ...a day apart
    "date_loose": 0.4,  # a date that is only the publication date: weak evidence
    "date_period": 0.6,  # coarse periods: 1 the same, 2/3 one inside the other, 1/3 overlapping
    "date_excess": -0.8,  # dates a little beyond the window (parsing is noisy)
    "no_date": -0.6,  # compared across all time: the rest must say more
    "date_weekday": 0.5,  # an undated mention's weekday ("Wednesday's strikes") is the other's day: instead of no_date
    "actor_overlap": 1.0,  # 1 a shared name, 0.7 a shared country
    "recipient_overlap": 0.7,
    "participant_overlap": 1.2,  # symmetric types: who met whom
    "roles_swapped": 0.3,  # a passive parse
    "side_mismatch": -0.5,  # an actor (or a self-directed parse's role) that differs, per side
    "recipient_mismatch": -1.0,  # both targets known and different
    "target_located": 0.35,  # a mention without a target located where the other's target is
    "place_same": 0.8,
    "place_broad": 0.3,  # the same country or sea says little
    "place_near": 0.4,
    "place_named": 0.3,  # each located at a place the other's sentence names
    "size_bounded": 0.8,  # two counts that agree
    "size_open": 0.4,  # "at least two" fits almost any count
    "size_dispute": 0.3,  # sizes apart: 1 a little (a disagreement between sources) down to -1 near the veto
    "sentence_places": 0.5,  # a place both sentences name
    "places_differ": -1.0,  # sentences naming only places far apart (often the source's seat: no veto)
    "fact_differs": -1.0,  # "did not happen" vs "happened"
    "words": 2.5,  # idf-weighted cosine of the sentences' content words
    "few_words": -0.6,  # almost no shared words (see _FEW_WORDS)
    "mode_same": 0.3,  # the same PLOVER mode where one side's actor is unknown
    "objects_differ": -0.8,  # two agreements about different things ("a ceasefire" vs "a joint commission")
}
_HAND_THRESHOLD, _HAND_MEMBER_MIN = 1.4, 0.5
# types whose PLOVER mode is the means (a weapon, the kind of force), not the act: no evidence (mode_same)
_MEANS = frozenset({"ASSAULT", "MOBILIZE"})
# counter-evidence that leaves a shared mode no weight (mode_same)
_AGAINST = frozenset({"side_mismatch", "recipient_mismatch", "places_differ", "fact_differs", "date_excess"})
_WEIGHTS_FILE = Path(__file__).resolve().parents[1] / "data" / "merge" / "weights.json"


def _load_weights(path: Path = _WEIGHTS_FILE) -> tuple[dict[str, float], float, float, str]:
    """(weights, threshold, member minimum, source): the fitted table when shipped, else the hand-set one."""
    if path.exists():
        data = json.loads(path.read_text())
        return dict(data["weights"]), float(data["threshold"]), float(data["member_min"]), str(path.name)
    return dict(_HAND_WEIGHTS), _HAND_THRESHOLD, _HAND_MEMBER_MIN, "hand-set"


def _complete(weights: dict[str, float]) -> dict[str, float]:
    """A weight for every component (0 for one a table leaves out: a component with no weight can go)."""
    return {k: float(weights.get(k, 0.0)) for k in _HAND_WEIGHTS}


_loaded, THRESHOLD, _MEMBER_MIN, WEIGHTS_SOURCE = _load_weights()
_W = _complete(_loaded)


def _set_weights(weights: dict[str, float], threshold: float, member_min: float) -> None:
    """Use these weights in this process (scripts/fit_merge_weights.py compares tables with it)."""
    global _W, THRESHOLD, _MEMBER_MIN
    _W, THRESHOLD, _MEMBER_MIN = _complete(weights), threshold, member_min


_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_WEEKDAY = re.compile(r"(?i)^(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day$")


_JSON_FIELDS = ("id", "doc", "type", "lo", "hi", "dsrc", "fact", "actors", "actor_names", "recips", "recip_names",
                "place", "sizes", "words", "places", "wd", "rep", "mode", "mutual", "obj")  # fmt: skip

# modes that name different kinds of act under one type: two mentions whose modes fall in different groups report
# different acts (an arrest and a curfew; a strike and a march), however close in time and place. Modes of one act
# told differently by two outlets (an air strike "aerial" or "drone") are not listed: they never veto.
_ACT_KINDS: dict[str, dict[str, str]] = {
    "COERCE": {"arrest": "arrest", "curfew": "curfew", "martial-law": "curfew", "seize": "seize",
               "deport": "deport", "expel": "deport", "censor": "censor", "ban": "ban"},
    "PROTEST": {"strike": "stoppage", "hunger": "stoppage", "boycott": "stoppage", "demo": "street",
                "riot": "street", "obstruct": "street"},
    # a call (by phone or video) and a visit are two consultations: "spoke by telephone" on Friday, "met in
    # Nouakchott" on Monday (the same two ministers, often told in one sentence)
    "CONSULT": {"phone": "remote", "visit": "in person"},
}  # fmt: skip


# a seized boat or ship takes its crew with it: the seizure of a vessel and the arrest of the people aboard are one
# act told two ways ("impounded eleven boats and held their crews" / "arrested 23 fishermen")
_VESSELS = frozenset({"boat", "boats", "vessel", "vessels", "ship", "ships", "trawler", "trawlers", "tanker",
                      "tankers", "dhow", "dhows", "canoe", "canoes", "yacht", "yachts", "freighter", "freighters",
                      "ferry", "ferries", "tug", "tugs"})  # fmt: skip
_ABOARD = _VESSELS | {"crew", "crews", "crewmen", "fishermen", "sailors", "seafarers"}


def _crew_and_craft(a: _Feat, b: _Feat, kind_a: str, kind_b: str) -> bool:
    """An arrest and a seizure where the seizure's sentence names a vessel (_VESSELS; goods, a lorry or a catch do
    not count) and the arrest's names a vessel or the people aboard (_ABOARD): one act, not vetoed as different
    acts."""
    if {kind_a, kind_b} != {"arrest", "seize"}:
        return False
    seize, arrest = (a, b) if kind_a == "seize" else (b, a)
    return bool(_VESSELS.intersection(seize.words)) and bool(_ABOARD.intersection(arrest.words))


@dataclass
class _Feat:
    """What merging compares, for one event mention (kept compact: stored with the link as JSON).

    The sets and the idf norm below are derived once per process (the compare loop runs millions of times on a
    dense store); only the fields in _JSON_FIELDS are stored."""

    id: str
    doc: str
    type: str
    lo: int | None  # ordinal day interval of the event date
    hi: int | None
    dsrc: str  # text | published | none
    fact: str
    actors: list[str] = field(default_factory=list)  # countries
    actor_names: list[str] = field(default_factory=list)
    recips: list[str] = field(default_factory=list)
    recip_names: list[str] = field(default_factory=list)
    # [name, country, lat, lon, feature, text as written, precision in km] (older stores: fewer)
    place: list[Any] | None = None
    sizes: list[list[Any]] = field(default_factory=list)  # [min, max, unit]
    words: list[str] = field(default_factory=list)
    # sub-country places named in the sentence: [name, lat, lon, country, feature, text as written] (older stores:
    # fewer)
    places: list[list[Any]] = field(default_factory=list)
    # an undated mention (no text date, no publication date): the ISO weekdays its sentence names unanchored
    # ("Wednesday's missile strikes"), the only time its text gives (_undated_time)
    wd: list[int] = field(default_factory=list)
    # its sentence calls its event a repeat ("the second shelling", "fresh strikes", "again"): _repeat_cue
    rep: bool = False
    mode: str | None = None  # the PLOVER mode (older stores: none)
    # its sentence tells a shooting as an exchange or disputes who fired first (_words.mutual_fire)
    mutual: bool = False
    # an agreement's object, the words after its verb ("agreed [a ceasefire]", "agreed [to set up a commission]"):
    # _words.object_words; AGREE and SUPPORT only (older stores: none)
    obj: list[str] = field(default_factory=list)
    # derived, not stored
    A: frozenset[str] = field(init=False, repr=False, compare=False)  # actor countries
    R: frozenset[str] = field(init=False, repr=False, compare=False)  # recipient countries
    AN: frozenset[str] = field(init=False, repr=False, compare=False)
    RN: frozenset[str] = field(init=False, repr=False, compare=False)
    W: frozenset[str] = field(init=False, repr=False, compare=False)
    L: list[Any] | None = field(init=False, repr=False, compare=False)  # `place` but a metonym (_located)
    LW: tuple[frozenset[str], ...] = field(init=False, repr=False, compare=False)  # L's words (_name_sets)
    PN: frozenset[str] = field(init=False, repr=False, compare=False)  # names of `places`
    P: list[list[Any]] = field(init=False, repr=False, compare=False)  # `places` but the actor's seat
    pc: str | None = field(init=False, repr=False, compare=False)  # the country it is located in
    where: str | None = field(init=False, repr=False, compare=False)  # see __post_init__
    seat: str | None = field(init=False, repr=False, compare=False)  # see _seat
    loop: bool = field(init=False, repr=False, compare=False)  # actor countries = recipient countries
    host: bool = field(init=False, repr=False, compare=False)  # see __post_init__
    K: frozenset[str] = field(init=False, repr=False, compare=False)  # country keys (blocking)
    norm: float | None = field(init=False, repr=False, compare=False)  # idf-weighted length of `words`
    rowid: int = field(init=False, repr=False, compare=False)  # order of linking (most recent = largest)

    def __post_init__(self) -> None:
        self.A, self.R = frozenset(self.actors), frozenset(self.recips)
        self.AN, self.RN = frozenset(self.actor_names), frozenset(self.recip_names)
        self.W = frozenset(self.words)
        # sentence places that can contradict another mention's places: not the seat of a directed event's actor
        # ("Washington announced sanctions on Iran": Washington says where it was decided, not where it happened)
        seats = self.A - self.R if self.R else frozenset()
        self.L = _located(self.type, self.place)
        self.LW = _name_sets(self.L) if self.L else ()
        # a seat of power read as a building or site ("the Pentagon said", a leader's name read as a site) stands
        # for its government, as for the location (_located): it is no place the sentence names
        places = [p for p in self.places if not (len(p) > 4 and p[4] == "site" and _seat_of(p[0]))]
        self.PN = frozenset(p[0] for p in places)
        dropped = self.place[0] if self.place and self.L is None else None
        remote = self.type in _REMOTE
        self.P = [
            p
            for p in places
            if not (len(p) > 3 and p[3] in seats and _is_seat(p[0], p[3]))
            and p[0] != dropped
            and not (remote and _seat_of(p[0]))
        ]
        self.pc = self.L[1] if self.L else None
        # the country it is located in, else that of the first place its sentence names (_compare)
        self.where = self.pc or (self.P[0][3] if self.P and len(self.P[0]) > 3 else None)
        self.seat = _seat(self)
        self.loop = bool(self.A and self.A == self.R)
        # a meeting whose only participant is the country it is held in: its host, maybe not a participant
        self.host = self.type in _SYMMETRIC and bool(self.pc) and (self.A | self.R) == {self.pc}
        keys = set(self.A | self.R)
        if self.place and self.place[1]:
            keys.add(self.place[1])
        self.K = frozenset(keys)
        self.norm = None
        self.rowid = 0

    def countries(self) -> set[str]:
        return set(self.K)

    def to_json(self) -> str:
        return json.dumps({k: getattr(self, k) for k in _JSON_FIELDS}, ensure_ascii=False)

    @classmethod
    def from_json(cls, s: str) -> _Feat:
        return cls(**json.loads(s))


def _interval(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    w = re.match(r"^(\d{4})-W(\d{2})", value)
    if w:
        try:
            start = dt.date.fromisocalendar(int(w.group(1)), int(w.group(2)), 1).toordinal()
        except ValueError:
            return None
        return start, start + 6
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?![\dW])", value)
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            d = dt.date(y, int(m.group(2)), int(m.group(3))).toordinal()
            # a night runs into the next day: "struck overnight" (the night of the 7th) is the "Wednesday" (the 8th)
            # another outlet gives the same strike
            return d, d + value.endswith("TNI")
        if m.group(2):
            mo = int(m.group(2))
            start = dt.date(y, mo, 1)
            end = dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)
            return start.toordinal(), end.toordinal()
        return dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal()
    except ValueError:
        return None


def _features(e: Event, published: str | None, places: list[list[Any]] | None = None) -> _Feat:
    iv = _interval(e.date.value if e.date else None)
    dsrc = (e.date.source if e.date else "none") or "none"
    pub = _interval(published[:10] if published else None)
    said = (e.date.text or "").strip() if e.date else ""
    if (
        iv
        and pub
        and dsrc == "text"
        and iv[0] == iv[1]
        and pub[0] < iv[0] <= pub[0] + 7
        and _WEEKDAY.match(said)
        and (e.factuality not in _PLANNED or (e.event in _VERBAL and not _planned_meeting(e)))
    ):
        # a bare "on Sunday" read as the coming Sunday may be the last one ("warning on Sunday"): both readings
        # (not for a plan: "will protest again on Monday", "will meet in Tegucigalpa on Thursday" are the coming days)
        iv = (iv[0] - 7, iv[0])
    if iv is None or dsrc != "text":
        # undated, or dated only by the report: the event happened on or up to _LOOKBACK days before it
        pub = pub or iv
        if pub and e.factuality in _PLANNED and e.event not in _VERBAL:
            # "could be sent within days": a planned action happens after its report
            iv = (pub[0] - _LOOKAHEAD_BEFORE, pub[1] + _LOOKAHEAD)
        else:
            iv = (pub[0] - _LOOKBACK, pub[1]) if pub else None
        dsrc = "none" if dsrc == "text" else dsrc
    stop = _stop()
    # exact words, possessives kept: folding "Algeria's" into "algeria" was tried and lost more links than it
    # made (a possessive both reports use is a rarer, stronger shared word than the bare name)
    words = sorted({w for w in _WORD.findall(e.text.lower()) if w not in stop})
    place = None
    loc = e.location
    if loc is not None and places and not e.sentence_start <= loc.start < e.sentence_end:
        # located by a place of another sentence while its own sentence names places: a guess from the article
        # ("talks in Riga" two paragraphs on for "drones struck Liepaja"), no evidence to veto with
        loc = None
    if loc is not None and _aftermath(e, loc.start, loc.end):
        # located where the wounded or the ship went afterwards ("still in hospital in Jeddah after Monday's
        # attack"): no evidence of where it happened
        loc = None
    if loc is not None:
        place = [loc.name or loc.text, loc.country, loc.lat, loc.lon, loc.feature, loc.text, loc.precision_km]
    return _Feat(
        id=e.id,
        doc=e.doc_id,
        type=e.event,
        lo=iv[0] if iv else None,
        hi=iv[1] if iv else None,
        dsrc=dsrc,
        fact=e.factuality or "asserted",
        actors=sorted({a.country for a in e.actor if a.country}),
        actor_names=sorted({a.name for a in e.actor if a.name}),
        recips=sorted({a.country for a in e.recipient if a.country}),
        recip_names=sorted({a.name for a in e.recipient if a.name}),
        place=place,
        sizes=[]
        if e.event in _SIZELESS
        else [[s.min, s.max, s.unit] for s in e.size if s.min is not None or s.max is not None],
        words=words,
        places=places or [],
        rep=_repeat_cue(e),
        mode=e.mode,
        mutual=e.event == "ASSAULT" and mutual_fire(e.text),
        obj=_object(e) if e.event in _AGREEMENT_TYPES else [],
    )


def _planned_meeting(e: Event) -> bool:
    """A planned meeting dated by a weekday after its own verb ("will meet in Tegucigalpa on Thursday", "are due to
    hold talks in Managua on Monday"): a meeting is an act, not a statement whose content is future ("warned that
    ... would"), so its day is the coming one. Not a weekday before the verb ("said on Thursday it would hold talks":
    the day it was said)."""
    d = e.date
    return (
        e.event == "CONSULT"
        and d is not None
        and d.start is not None
        and e.event_start is not None
        and d.start > e.event_start
    )


def _other_object(a: _Feat, b: _Feat) -> bool:
    """a's object is an agreement ("a ceasefire", "a trade deal": an agreement noun among its first two words) that
    b's sentence does not name (after its verb, or before it: "since the truce was signed")."""
    head = _AGREEMENT_NOUNS.intersection(a.obj[:2])
    return bool(head) and not head.intersection(b.obj) and not head & _agreement_nouns(b, fold=True)


def _object(e: Event) -> list[str]:
    """What an agreement is about (_words.object_words), from its trigger to the end of its clause; a trigger that
    is itself an agreement noun ("the ceasefire agreed on Thursday") names it."""
    a, b = e.event_start - e.sentence_start, e.event_end - e.sentence_start
    if not 0 <= a < b <= len(e.text or ""):
        return []
    nouns = _event_nouns()
    own = frozenset(
        w
        for w in (e.event_text or "").lower().split()
        if w in _AGREEMENT_NOUNS or _AGREEMENT_TYPES & nouns.get(w, set())
    )
    return object_words(e.text, a, b, own)


# acts that are a movement: their destination is their place
_MOVES = frozenset({"MOBILIZE", "RETREAT", "AID"})


def _aftermath(e: Event, start: int, end: int) -> bool:
    """A place of e's sentence (document offsets) that says where those it hit went afterwards (_words)."""
    a, b = start - e.sentence_start, end - e.sentence_start
    # a release is no movement of its own (those set free move, not who frees them): where they went is aftermath
    freed = e.mode == "release"
    moved = e.event not in _MOVES or freed
    own = (e.event_start - e.sentence_start, e.event_end - e.sentence_start)  # its trigger, sentence offsets
    return 0 <= a < b <= len(e.text) and aftermath_place(e.text, a, b, moved=moved, freed=freed, trigger=own)


_REPEAT_WORDS = frozenset({"another", "second", "third", "fresh", "renewed", "further", "similar"})
_AGAIN = re.compile(r"(?i)\bagain\b")


def _plan_kept(a: _Feat, b: _Feat) -> bool:
    """One of two mentions is a plan (future, hypothetical) and the other an act, both of one PLOVER mode that
    names the act (a release, a withdrawal: not a means, _MEANS); with a shared doer and day (the caller's check)
    the act keeps the plan."""
    return (
        (a.fact in _PLANNED) != (b.fact in _PLANNED)
        and bool(a.mode)
        and a.mode == b.mode
        and a.type not in _MEANS
        and not (a.fact in _DENY or b.fact in _DENY)
    )


@lru_cache(maxsize=1)
def _event_nouns() -> dict[str, frozenset[str]]:
    """Event nouns of the events lexicon (data/events/nouns.tsv, noun_senses.tsv: a user extends them there) ->
    the PLOVER types they name; read once per process."""
    base = Path(__file__).resolve().parents[1] / "data" / "events"
    out: dict[str, set[str]] = {}
    for name in ("nouns.tsv", "noun_senses.tsv"):
        path = base / name
        if not path.exists():
            continue
        for line in path.read_text().splitlines():
            cells = line.split("\t")
            if len(cells) >= 2 and cells[0] and not line.startswith("#"):
                out.setdefault(cells[0].split()[-1], set()).add(cells[1])
    return {k: frozenset(v) for k, v in out.items()}


# a sentence dating its act by an earlier act of the same kind: "a day after a larger march in the capital", "a week
# after the first meeting there", "two days after the Chai killings": the act it tells is the later one
_SEQUEL = re.compile(
    r"(?i)\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|several|few)\s+(?:full\s+)?"
    r"(?:days?|weeks?|months?|hours?|nights?)\s+(?:after|since)\s+(?:an?|the|this|that|last\s+\w+'s|\w+'s)\s+"
    r"((?:[\w'-]+\s+){0,3}[\w'-]+)"
)

_DIED = re.compile(r"(?i)\b(?:died|dies|die|dying|death|deaths|succumbed|succumbs)\b")


def _sequel_cue(e: Event, nouns: dict[str, frozenset[str]]) -> bool:
    """Whether the event's sentence dates its act as coming after an earlier act of its own type ("Several hundred
    fishermen protested ... on Friday, a day after a larger march in the capital"): the two are two acts, the
    sentence's the later one, so it is a repeat (_repeat_cue). The earlier act is named by an event noun of the type
    within the four words after the determiner ("the first meeting", "a larger march", "the Chai killings"). Not
    when the act is a death ("two soldiers died two days after the attack": the attack's toll, not a second act)."""
    if _DIED.search(e.event_text or ""):
        return False
    for m in _SEQUEL.finditer(e.text or ""):
        for w in m.group(1).lower().split():
            for form in (w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w):
                if e.event in nouns.get(form, ()):
                    return True
    return False


def _repeat_cue(e: Event) -> bool:
    """Whether the event's sentence calls an event of its type a repeat: "the second shelling of the village",
    "fresh strikes", "renewed clashes", "another attack", "a similar protest", or "again" anywhere in it, or dates
    it after an earlier act of its type ("a day after a larger march": _sequel_cue). Such a mention is not the
    earlier act of a look-alike pair (same actor, target and place a day apart: _components). Words, not the
    parse: the linker keeps no parse (the events module's own cue detector, _distinct, works on spaCy tokens)."""
    text = e.text or ""
    if _AGAIN.search(text):
        return True
    nouns = _event_nouns()
    if _sequel_cue(e, nouns):
        return True
    words = _WORD.findall(text.lower())
    for i, w in enumerate(words):
        if w not in _REPEAT_WORDS:
            continue
        # the cue word and an event noun of this type within the next three words ("another round of shelling")
        for n in words[i + 1 : i + 4]:
            for form in (n, n[:-1] if n.endswith("s") else n, n[:-2] if n.endswith("es") else n):
                if e.event in nouns.get(form, ()):
                    return True
    return False


_DIGITS = {"place_km": 1, "size_ratio": 2, "word_overlap": 2, "score": 3}


def _rounded(ev: dict[str, Any]) -> dict[str, Any]:
    """Evidence as stored and shown (rounded only here: the compare loop runs millions of times)."""
    return {k: round(v, _DIGITS[k]) if k in _DIGITS and isinstance(v, float) else v for k, v in ev.items()}


def _bars(values: Iterable[str]) -> str:
    vals = sorted(values)
    return "|" + "|".join(vals) + "|" if vals else ""


_KM: dict[tuple[float, float, float, float], float] = {}  # distances by point pair (dense stores repeat them)


def _km(a: list[Any], b: list[Any]) -> float | None:
    if a[2] is None or b[2] is None or a[3] is None or b[3] is None:
        return None
    if a[2] == b[2] and a[3] == b[3]:
        return 0.0
    key = (a[2], a[3], b[2], b[3])
    km = _KM.get(key)
    if km is None:
        if len(_KM) > 200_000:  # bounded: a store of many places
            _KM.clear()
        km = _KM[key] = distance_km((a[2], a[3]), (b[2], b[3]))
    return km


def _size_ratio(a: list[Any], b: list[Any]) -> float:
    """How far apart two hedged counts are (1.0 = compatible ranges)."""
    alo, ahi = a[0] if a[0] is not None else a[1], a[1] if a[1] is not None else math.inf
    blo, bhi = b[0] if b[0] is not None else b[1], b[1] if b[1] is not None else math.inf
    if a[0] is None:  # "up to 275": anything below
        alo = 0.0
    if b[0] is None:
        blo = 0.0
    if alo <= bhi and blo <= ahi:
        return 1.0
    lo, hi = (ahi, blo) if ahi < blo else (bhi, alo)
    return hi / lo if lo > 0 else math.inf


def _counted(a: _Feat, b: _Feat) -> bool:
    """Both mentions give only single figures ("seven", "4"), no ranges or open bounds ("hundreds", "at least 20")."""
    return all(s[0] is not None and s[0] == s[1] for s in (*a.sizes, *b.sizes))


def _unit(s: list[Any]) -> str | None:
    """The unit of a count; a count of none without a unit ("no one was hurt") counts people: it says nothing
    about how many missiles or vehicles another report counts."""
    return s[2] if s[2] is not None or s[1] != 0 else "people"


def _norm(f: _Feat, idf: dict[str, float] | None) -> float:
    if f.norm is None or not idf:  # cached: idf values do not change within a run (_FEATS is cleared per run)
        # fsum: exact whatever the order of the set (a plain sum of a set of strings depends on PYTHONHASHSEED)
        n = math.sqrt(math.fsum([idf.get(t, 1.0) ** 2 for t in f.W])) if idf else math.sqrt(len(f.W))
        if not idf:
            return n
        f.norm = n
    return f.norm


def _cosine(a: _Feat, b: _Feat, idf: dict[str, float] | None) -> float:
    # exact words: stemming ("deployed" / "deployment") was tried and made look-alikes (two UK deployments of one
    # day) score as high as paraphrases of one event
    common = a.W & b.W
    if not common:
        return 0.0
    num = math.fsum([idf.get(t, 1.0) ** 2 for t in common]) if idf else float(len(common))
    den = _norm(a, idf) * _norm(b, idf)
    return num / den if den else 0.0


def _elsewhere(x: _Feat, y: _Feat) -> str | None:
    """x's sentence names places, all in countries other than the one y is located in (and x is not located
    there either): "flown to Tallinn" vs "on standby in Latvia". Evidence against, not a veto (source seats)."""
    if not (y.L and y.L[1]) or (x.L and x.L[1] == y.L[1]):
        return None
    if any(_namesake(p, y.L) for p in x.P):
        return None  # it names y's place, resolved in another country (a namesake across a border)
    countries = [p[3] if len(p) > 3 else None for p in x.P]
    if countries and all(countries) and y.L[1] not in countries:
        return f"{x.P[0][0]} ({countries[0]}) vs {y.L[0]} ({y.L[1]})"
    return None


def _namesake(pa: list[Any], pb: list[Any]) -> bool:
    """Two places (location or sentence-place lists, the gazetteer's name first) of the same gazetteer name (a
    town the gazetteer also knows across a border). Not the text as written: a short or generic mention ("the
    town", a bare "P") is written alike for many places."""
    return bool(pa[0] and pb[0] and pa[0].casefold() == pb[0].casefold())


# time-of-day words that put an act near midnight: the earlier-dated report's late evening or the later-dated one's
# small hours (_night)
_LATE_CUES = frozenset({"late", "night", "night's", "tonight", "overnight", "midnight", "late-night"})
_EARLY_CUES = frozenset({"early", "dawn", "pre-dawn", "overnight", "midnight"})


def _night(a: _Feat, b: _Feat) -> str | None:
    """Two single days read from the text a day apart, the earlier one's sentence placing the act late at night or
    the later one's in the small hours: one night dated either side of midnight. Returns the cue, else None."""
    if a.lo != a.hi or b.lo != b.hi or a.lo is None or b.lo is None or abs(a.lo - b.lo) != 1:
        return None
    first, second = (a, b) if a.lo < b.lo else (b, a)
    cues = sorted(first.W & _LATE_CUES) + sorted(second.W & _EARLY_CUES)
    return cues[0] if cues else None


@lru_cache(maxsize=65536)
def _seat_of(name: str) -> str | None:
    """The government a place name stands for ("Kremlin", "White House", "Brussels"), if it is a seat of power."""
    from dateline.actors import code_actor

    a = code_actor(name)
    return a.country if a.sector in ("GOV", "MIL") and a.country else None


def _located(etype: str, place: list[Any] | None) -> list[Any] | None:
    """The event's location as evidence, or None when the name stands for a government, not a place: a seat of
    power that is a building or site ("a warning aimed at the Kremlin"), or any seat for an act done at a
    distance (_REMOTE). Such a location neither vetoes nor supports a pair."""
    if not place or not place[0]:
        return place
    if (place[4] == "site" or etype in _REMOTE) and _seat_of(place[0]):
        return None
    return place


@lru_cache(maxsize=4096)
def _is_seat(name: str, country: str) -> bool:
    """A capital or seat of power of `country` ("Washington", "Downing Street", "Tehran"): where its government
    speaks from. A town of the actor's country that is no seat ("Beledweyne" for al-Shabaab) is where it acted."""
    from dateline.actors import code_actor

    a = code_actor(name)
    return a.country == country and a.sector in ("GOV", "MIL")


@lru_cache(maxsize=65536)
def _name_words(name: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(name.lower()) if w not in _stop())


def _names(place: list[Any], words: frozenset[str]) -> bool:
    """The sentence of `words` names the sub-country place, though the place reader did not find it there ("the
    Douentza–Timbuktu road" read as one name): every content word of the place's name is among its words. Not
    for a country, region or sea (as for the sentence places, _doc_places): their names are everywhere ("Iran
    fired")."""
    return any(w <= words for w in _name_sets(place))


def _name_sets(place: list[Any]) -> tuple[frozenset[str], ...]:
    """The word sets _names looks for (none for a country, region or sea), kept on a mention for its location
    (_Feat.LW: the compare loop asks it of one location against many sentences)."""
    if len(place) > 4 and place[4] in _BROAD:  # older stores keep fewer fields
        return ()
    # the gazetteer's name or the text as the other report wrote it ("Jowhar" for the gazetteer's "Jawhar")
    return tuple(
        w for name in (place[0], place[5] if len(place) > 5 else None) if name and (w := _name_words(name))
    )


def _loc_named(f: _Feat, words: frozenset[str]) -> bool:
    """_names(f.L, words), from the word sets kept on f."""
    return any(w <= words for w in f.LW)


def _near(pa: list[Any], pb: list[Any]) -> bool | None:
    """Two places two sentences name lie near each other (None: unknown). A province or state and a town in it
    are one place at two precisions ("the village of Berkaber in Tavush province" read as Tavush only): its
    centroid may lie far from the town, so the wider radius used for locations applies (_ADMIN_KM)."""
    km = _km([None, None, *pa[1:3], None], [None, None, *pb[1:3], None])
    if km is None:
        return None
    region = (len(pa) > 4 and pa[4] == "admin") or (len(pb) > 4 and pb[4] == "admin")
    return km <= (_ADMIN_KM if region else 25)


def _named_near(loc: list[Any], f: _Feat) -> str | None:
    """A place `f`'s sentence names, in the country of the location `loc` (a town, not a country or sea) and near
    it (_near): the name, else None."""
    if _broad(loc):
        return None
    for q in f.P:
        if len(q) > 3 and q[3] == loc[1] and _near([loc[0], loc[2], loc[3], loc[1], loc[4]], q):
            return str(q[0])
    return None


def _broad(place: list[Any]) -> bool:
    """A location that says little about where (a country, a sea, a wide region); a region the gazetteer gives a
    small extent ("Yeonpyeong", an island of 10 km; a volcano) is a local place, compared by distance like a town."""
    if place[4] == "region" and 0 < _precision(place) <= _MAX_KM / 2:
        return False
    return place[4] in _BROAD


def _precision(place: list[Any]) -> float:
    """How far (km) the true place may lie from a location's point (0 when unknown: older stores)."""
    return float(place[6]) if len(place) > 6 and place[6] is not None else 0.0


def _seat(f: _Feat) -> str | None:
    """The place of a directed event that lies in its actor's own country, the target being elsewhere: where it
    was decided or announced (a capital, a ministry), not where it happened."""
    if f.L and f.L[1] and f.R and f.L[1] in f.A and f.L[1] not in f.R:
        return f"{f.L[0]} ({f.L[1]})"
    return None


def _agreement_nouns(f: _Feat, fold: bool = False) -> frozenset[str]:
    """The agreement nouns an AGREE or SUPPORT mention's sentence names ("signed a ceasefire": ceasefire), plurals
    folded; with `fold`, names of one kind of agreement too ("truce": ceasefire; "accord", "pact": deal)."""
    if f.type not in _AGREEMENT_TYPES:
        return frozenset()
    nouns = (
        frozenset(w[:-1] if w.endswith("s") and w[:-1] in _AGREEMENT_NOUNS else w for w in f.W)
        & _AGREEMENT_NOUNS
    )
    return frozenset(_SAME_OBJECT.get(w, w) for w in nouns) if fold else nouns


def _one_agreement(a: _Feat, b: _Feat) -> str | None:
    """Two mentions of different types that are one agreement: one AGREE ("agreed a ceasefire") and one SUPPORT
    ("signed a ceasefire"), both sentences naming the same agreement noun and the same parties (actor and
    recipient countries as one set, known on both; one report's parties may be fewer, "Eritrea signed" for
    "Ethiopia and Eritrea", none other). Returns the shared noun, else None."""
    if {a.type, b.type} != _AGREEMENT_TYPES:
        return None
    nouns = _agreement_nouns(a) & _agreement_nouns(b)
    pa, pb = a.A | a.R, b.A | b.R
    if not nouns or not pa or not pb or not (pa <= pb or pb <= pa):
        return None
    return min(nouns)


_TOWN_KM = 15.0  # two precise locations further apart than this are two towns (cf. place_same)


def _next_town(a: _Feat, b: _Feat, km: float, broad: bool, ev: dict[str, Any]) -> str | None:
    """The veto of two acts of a series, else None: a physical act (not said, not a meeting) located at two towns
    (neither a region nor a guessed point, more than _TOWN_KM apart, neither sentence naming the other's place: that
    pair reads place_named before this) on two days both read from the text and not one night ("police raided the
    offices in Zvecan on Tuesday" vs "raided a post office in Leposavic on Wednesday", 22 km apart; "shelled
    Ak-Say on Monday" vs "shelled Kok-Tash on Tuesday"): the same actor moving on to the next town, not one act
    misdated by a day and misplaced by a town at once (either alone is within the window or the distance limit)."""
    pa, pb = a.L, b.L
    if (
        broad
        or km <= _TOWN_KM
        or pa[0] == pb[0]
        or a.type in _SAID
        or a.type in _SYMMETRIC
        or not (a.dsrc == "text" == b.dsrc)
        or ev.get("date_gap_days", 0) < 1
        or "date_night" in ev
        or max(_precision(pa), _precision(pb)) > _TOWN_KM
    ):
        return None
    return f"another town on another day: {pa[0]} vs {pb[0]}, {ev['date_gap_days']} days apart"


def _one_place(a: _Feat, b: _Feat) -> tuple[str, str] | None:
    """Two locations of one country too far apart for one event that are still no evidence of two events (the
    evidence key and its value), else None:
    - one name the gazetteer read at two points of the country, one of them only a rough point (a district, a
      region or a pass known to within more than _MAX_KM / 2: "Khyber district" and "the Khyber region" resolved to
      two entries named Khyber): the texts agree on the place, only its reading differs (place_namesake); two
      towns of one name read precisely are namesakes, two places;
    - a plan located at a seat of government of its own actor ("Ethiopia will free the prisoners, officials in
      Addis Ababa said" vs "Ethiopia freed the prisoners in Gondar"): where the plan was announced, not where the
      act happens (place_seat)."""
    pa, pb = a.L, b.L
    if not (pa and pb) or pa[1] != pb[1]:
        return None
    if _namesake(pa, pb) and max(_precision(pa), _precision(pb)) > _MAX_KM / 2:
        return "place_namesake", f"{pa[0]} ({pa[1]}) read at two points"
    for m in (a, b):
        if m.fact in _PLANNED and m.L and m.L[1] in m.A and _is_seat(m.L[0], m.L[1]):
            return "place_seat", f"{m.L[0]} ({m.L[1]}), a plan's seat"
    return None


def _places_veto(a: _Feat, b: _Feat) -> bool:
    """The pair is certainly vetoed: both located, in two countries, and none of the readings that excuse it
    (_components' place branches: an actor's seat, a place one sentence names, the same first place, a named place
    near the other location, a namesake across a border, a broad place nearby) holds. _components then reaches
    that veto or an earlier one (every earlier return is a veto), so a caller that needs only "vetoed or not"
    (_choose) skips the rest of the comparison: the most common outcome on a dense store, where most candidates
    of a block are located in another country. Keep it in step with _components (tests/test_merge_speed17.py)."""
    pa, pb = a.L, b.L
    if not (pa and pb and pa[1] and pb[1] and pa[1] != pb[1]) or a.seat or b.seat:
        return False
    if pa[0] != pb[0] and (pa[0] in b.PN or pb[0] in a.PN or _loc_named(a, b.W) or _loc_named(b, a.W)):
        return False
    if a.places and b.places and a.places[0][0] == b.places[0][0] and pa[0] != a.places[0][0] != pb[0]:
        return False
    if (b.P and _named_near(pa, b)) or (a.P and _named_near(pb, a)):
        return False
    if _namesake(pa, pb) and (pa[1] in b.A | b.R or pb[1] in a.A | a.R):
        return False
    if _broad(pa) or _broad(pb):
        km = _km(pa, pb)
        if km is not None and km < _MAX_KM * 10:
            return False
    return True


def _compare(a: _Feat, b: _Feat, idf: dict[str, float] | None = None) -> tuple[float, dict[str, Any]]:
    """Score one pair of mentions. Returns (score, evidence); a veto (evidence["veto"], score -1) rules the pair
    out whatever else agrees, while a low or negative score is only weak or contrary evidence."""
    x, ev = _components(a, b, idf)
    if "veto" in ev:
        return -1.0, ev
    w = _W  # every component has a weight (_complete)
    score = 0.0
    for k, v in x.items():
        score += w[k] * v
    if "undated_weak" in ev and score >= THRESHOLD:
        # an undated pair without strong evidence besides its date: compatible at most, never a join (a store
        # spans years: an undated "strikes on Al Asad" is not joined to one of another year for lack of contrary
        # evidence)
        score = math.nextafter(THRESHOLD, -math.inf)
    ev["score"] = score
    return score, ev


def _components(
    a: _Feat, b: _Feat, idf: dict[str, float] | None = None
) -> tuple[dict[str, float], dict[str, Any]]:
    """The evidence of one pair as components (name -> value, mostly 0/1 or a similarity) that
    _compare weighs, and the evidence dict shown by `dateline explain`; a veto ends it (evidence["veto"])."""
    ev: dict[str, Any] = {"type": a.type}
    x: dict[str, float] = {}
    if a.doc == b.doc:
        return x, {**ev, "veto": "same document"}
    if a.type != b.type:
        noun = _one_agreement(a, b)
        if noun is None:
            return x, {**ev, "veto": f"types differ: {a.type} vs {b.type}"}
        ev["types"] = f"{a.type}/{b.type}: one {noun}"
    kinds = _ACT_KINDS.get(a.type, {}) if a.type == b.type else {}
    kind_a, kind_b = kinds.get(a.mode or ""), kinds.get(b.mode or "")
    if kind_a and kind_b and kind_a != kind_b and not _crew_and_craft(a, b, kind_a, kind_b):
        return x, {**ev, "veto": f"different acts: {a.mode} vs {b.mode}"}
    # date gap
    if a.lo is not None and b.lo is not None:
        ahi, bhi = a.hi or a.lo, b.hi or b.lo
        gap = (a.lo if a.lo > b.lo else b.lo) - (ahi if ahi < bhi else bhi)  # (whole days: no builtin calls)
        if gap < 0:
            gap = 0
        exact = a.dsrc == "text" and b.dsrc == "text"
        window = _WINDOW_TEXT if exact else _WINDOW_LOOSE
        ev["date_gap_days"] = gap
        if gap > window + _DATE_SLACK:
            return x, {**ev, "veto": f"dates {gap} days apart"}
        if exact and gap and (a.rep or b.rep):
            # "the second shelling of the village" on Tuesday vs Monday's shelling of it: a sentence calling its act a
            # repeat, its day read from the text and another than the other report's, is the next act of a series
            # (same actor, target and place), not a date misread by a day (the window's tolerance)
            return x, {**ev, "veto": f"a repeat ({'this' if a.rep else 'the other'} mention) on another day"}
        if gap > window:  # date parsing is noisy: a small excess costs evidence instead of vetoing
            x["date_excess"] = 1.0
        # "2011" and "2011": same period, weaker than a day (not a window inferred for an undated report: loose)
        if (ahi - a.lo > _COARSE and a.dsrc != "inferred") or (bhi - b.lo > _COARSE and b.dsrc != "inferred"):
            if (a.lo, ahi) == (b.lo, bhi):
                x["date_period"] = 1.0
            elif (a.lo <= b.lo and bhi <= ahi) or (b.lo <= a.lo and ahi <= bhi):
                # one period inside the other ("December 2011" in "2011"): the same, less precise
                x["date_period"] = 2 / 3
            else:
                x["date_period"] = 1 / 3
        else:
            # two days read from the text: the same day, or a day apart (time zones, a report a day off); more
            # (the slack before the veto) is no evidence
            if exact:
                night = _night(a, b) if gap == 1 else None
                if night:
                    # "late on Sunday" vs "early on Monday": one night, dated either side of midnight by two outlets
                    ev["date_night"] = night
                    x["date_same_day"] = 1.0
                elif gap <= 1:
                    x["date_day_apart" if gap else "date_same_day"] = 1.0
            else:
                x["date_loose"] = max(0.0, 1.0 - gap / (window + 1))
    else:  # no date on one side: compared across all time, so the rest must say more (see _undated_time)
        why = _undated_time(a, b, x, ev)
        if why:
            return x, {**ev, "veto": why}
    if a.obj and b.obj and (_other_object(a, b) or _other_object(b, a)):
        # two agreements of the same parties about plainly different things: one names an agreement as what was
        # agreed ("agreed a ceasefire", "signed a trade deal") and the other's words after its verb do not name it
        # ("agreed to set up a joint commission on the border"): look-alikes, apart unless the rest (the same day
        # read from the text, a place) says more. A ceasefire and a truce are one (_words._SAME_OBJECT); two
        # wordings of one act ("agreed to free the farmers" / "to release the detainees") name no agreement: no
        # evidence either way. Only the same day read from both texts (one round of talks agreeing both, or one
        # agreement whose object a report words apart) leaves it evidence against; else a veto: a date that is
        # only the report's and the words of one dispute both sentences share would join them
        differ = f"{'/'.join(a.obj[:3])} vs {'/'.join(b.obj[:3])}"
        if not (a.dsrc == "text" == b.dsrc and ev.get("date_gap_days", 9) <= _WINDOW_TEXT):
            return x, {**ev, "veto": f"agreements about different things: {differ}"}
        ev["objects_differ"] = differ
        x["objects_differ"] = 1.0
    # actors / recipients: countries must not contradict; shared names or countries are evidence; a side that
    # is missing on either mention is no evidence either way
    swapped = bool(a.A & b.R or b.A & a.R)  # roles mixed up by a parse
    # actor country = recipient country ("the Pentagon said no US troops were killed": USA -> USA) on a directed
    # event: one role is a parse slip, so a different actor is a disagreement, not a veto
    loop = a.loop or b.loop
    symmetric = a.type in _SYMMETRIC or b.type in _SYMMETRIC  # (one agreement: AGREE with SUPPORT)
    if symmetric:  # "A met B" = "B met A": compare the participants, whatever their roles
        pa, pb = a.A | a.R, b.A | b.R
        if pa and pb and not pa & pb and (a.pc in pa or b.pc in pb):
            # "talks in Istanbul" read as Turkey taking part: the country a meeting is held in may be its host
            # only, so it is no participant that contradicts the other report's
            ev["host"] = "/".join(sorted({a.pc, b.pc} & (pa | pb)))  # type: ignore[arg-type]
            pa, pb = pa - {a.pc}, pb - {b.pc}
        # two meetings of two different pairs ("Colombia's minister met his Venezuelan counterpart" vs "the
        # defence ministers of Colombia and Ecuador held talks"): each names two or more parties, one of which the
        # other does not name (a venue's country read as a party, when the other lacks it, is left out)
        qa, qb = pa - ({a.pc} - pb), pb - ({b.pc} - pa)
        if len(qa) >= 2 and len(qb) >= 2 and qa - qb and qb - qa:
            return x, {**ev, "veto": f"participants differ: {'/'.join(sorted(qa))} vs {'/'.join(sorted(qb))}"}
        for m, n in ((a, b), (b, a)):
            if (
                m.loop
                and len(m.A) == 1
                and n.A
                and n.R
                and n.A != n.R
                and not m.A & {a.pc, b.pc, a.where, b.where}
            ):
                # a meeting inside one country, both sides named ("the prime minister met the unions": PER with
                # PER) against one between two countries (PER with BOL): another meeting, or a parse slip (a venue
                # read as a party, left out: the country either report is located in): a disagreement, no veto
                ev["participants_domestic"] = f"{'/'.join(sorted(m.A))} vs {'/'.join(sorted(n.A | n.R))}"
                x["side_mismatch"] = x.get("side_mismatch", 0.0) + 1.0
                break
        sides = [("participant", pa, pb, a.AN | a.RN, b.AN | b.RN)]
        if pa and pb and not pa & pb and (pa <= _named_countries(b) or pb <= _named_countries(a)):
            # one report's parties named in the other's sentence, as a country or its people ("Kyrgyzstan's minister
            # will travel to Moscow for talks with his Tajik counterpart", read KGZ, vs "Kyrgyz and Tajik diplomats
            # held talks", read TJK): a party the parse left out on each side, not two meetings; no evidence either way
            ev["participants_named"] = f"{'/'.join(sorted(pa))} vs {'/'.join(sorted(pb))}"
            sides = []
    else:
        sides = [("actor", a.A, b.A, a.AN, b.AN), ("recipient", a.R, b.R, a.RN, b.RN)]
        if a.A & b.R and b.A & a.R and not a.A & b.A and not loop:
            if not (a.mutual or b.mutual):
                # both roles reversed: an attack and the counter-attack, not a parse slip (one role shared across,
                # e.g. GBR->IRQ vs IRQ->IRQ where a place was read as the actor, is a slip: no veto)
                return x, {**ev, "veto": f"roles reversed: {'/'.join(a.actors)} vs {'/'.join(b.actors)}"}
            # one sentence tells an exchange of fire or who fired first ("Kyrgyz soldiers had fired first ... Tajik
            # guards had only returned fire"): each side names the other as the attacker of one shooting, a dispute
            # between the two accounts, neither evidence for nor against (day, place and words decide)
            ev["roles_disputed"] = f"{'/'.join(a.actors)} vs {'/'.join(b.actors)}"
        if swapped and not (a.A and b.A):
            # "the mission was suspended" vs "NATO suspended the mission": a passive parse
            ev["roles_swapped"] = True
            x["roles_swapped"] = 1.0
    # countries of the places both sentences name (a target's host, not another target: recipient_host)
    # (none unless both name places: P's names are in PN)
    common = (
        frozenset(p[3] for p in a.P if len(p) > 3 and p[3] and p[0] in b.PN)
        | frozenset(p[3] for p in b.P if len(p) > 3 and p[3] and p[0] in a.PN)
        if a.PN and b.PN
        else frozenset()
    )
    for label, ca, cb, na, nb in sides:
        shared = ca & cb
        if ca and cb and not shared:
            if label != "recipient" and not swapped and not (loop and not symmetric):
                return x, {
                    **ev,
                    "veto": f"{label}s differ: {'/'.join(sorted(ca))} vs {'/'.join(sorted(cb))}",
                }
            if label == "recipient" and (a.where in cb or b.where in ca or ca <= common or cb <= common):
                # "Iraqi bases" vs "US forces in Iraq": the target's host country stands for the target (where
                # the other is located, or the country of the first place its sentence names, or of a place both
                # sentences name: "the missile strikes on Al Asad and Erbil" read as IRQ vs "missiles at US forces
                # in Iraq ... striking Al Asad Air Base": both name the bases, so IRQ is where, not whom)
                ev["recipient_host"] = f"{'/'.join(sorted(ca))} vs {'/'.join(sorted(cb))}"
                continue
            if (
                label == "recipient"
                and a.type == "MOBILIZE"
                and ((a.loop and not b.loop) or (b.loop and not a.loop))
            ):
                # "Colombia sent troops to Cucuta" read as COL -> COL: a deployment inside its own country, whose
                # recipient is only its destination (PLOVER: the target is whom it is aimed at, if anyone), so it
                # contradicts no target the other report names ("reinforced its border with Venezuela")
                ev["recipient_home"] = f"{'/'.join(sorted(ca))} vs {'/'.join(sorted(cb))}"
                continue
            if (
                label == "actor"
                and a.type not in _SAID
                and ((a.loop and a.A <= b.R | {b.pc}) or (b.loop and b.A <= a.R | {a.pc}))
                and not _days_apart(a, b)
            ):
                # "France sent troops to central Romania" read as Romania -> Romania: the destination (or where
                # the other report is located) taken for the actor too; that actor is unknown, not another one.
                # Not for acts that are said or decided (a threat, a sanction): their actor is a named speaker
                ev["actor_slip"] = f"{'/'.join(sorted(ca))} vs {'/'.join(sorted(cb))}"
                continue
            ev[f"{label}_mismatch"] = f"{'/'.join(sorted(ca))} vs {'/'.join(sorted(cb))}"
            # a different target (both known, no role swap) is strong evidence of another event; a self-directed
            # parse is unreliable on both roles (a weaker penalty)
            if label == "actor" and loop and not symmetric and _days_apart(a, b):
                # a self-directed report ("FARC dissidents attacked an army post": COL -> COL, a real internal
                # conflict) against another actor on another day (both days read from the text): the slip that
                # excuses a different actor is no likelier than two events, so the actors differ as for any pair
                return x, {
                    **ev,
                    "veto": f"actors differ on another day: {'/'.join(sorted(ca))} vs {'/'.join(sorted(cb))}",
                }
            if swapped and not loop:
                pass
            elif loop or label != "recipient":
                x["side_mismatch"] = x.get("side_mismatch", 0.0) + 1.0
            else:
                x["recipient_mismatch"] = 1.0
        names = na & nb
        if names:
            ev[f"{label}_overlap"] = sorted(names)
            x[f"{label}_overlap"] = 1.0
        elif shared:  # a shared country says less than a shared name
            ev[f"{label}_overlap"] = sorted(shared)
            x[f"{label}_overlap"] = 0.7
    # where one report without a target places it agrees with the target the other names (a weak link between
    # reports that name the parties differently): "the departure of Italian troops from Niamey" vs "Rome pulled
    # its troops out of Niger". Not against an actor alone: the country where all of a story happens says little
    if a.where or b.where:
        for m, n in ((a, b), (b, a)):
            where = m.where
            if where and not symmetric and not m.R and where in n.R:
                ev["target_located"] = where
                x["target_located"] = 1.0
                break
    # place
    if a.L and b.L:
        pa, pb = a.L, b.L
        km = _km(pa, pb)
        broad = _broad(pa) or _broad(pb)
        seat = a.seat or b.seat
        if pa[0] != pb[0] and (pa[0] in b.PN or pb[0] in a.PN or _loc_named(a, b.W) or _loc_named(b, a.W)):
            # each located at another of the places one sentence names ("flown from Narva to Tapa" located at
            # Narva vs a report located at Tapa): the location picker chose differently, the reports agree
            ev["place_named"] = pb[0] if pb[0] in a.PN or _loc_named(b, a.W) else pa[0]
            x["place_named"] = 1.0
        elif a.places and b.places and a.places[0][0] == b.places[0][0] and pa[0] != a.places[0][0] != pb[0]:
            # both sentences name the same place first ("drones struck Liepaja ... talks in Riga" vs "the strike on
            # Liepaja, officials in Ventspils said"), each located at a later one (another event's venue, the
            # source's seat): the location picks are doubtful, the first place agrees
            ev["place_first"] = a.places[0][0]
            x["place_named"] = 1.0
        elif pa[1] and pb[1] and pa[1] != pb[1] and (cross := _named_near(pa, b) or _named_near(pb, a)):
            # located in two countries, one sentence naming a place near the other's location and in its country
            # ("the bombing of Shwe Kokko ..., survivors in Mae Sot" located at the Thai town where the survivors
            # are vs "an air strike near Myawaddy"): the location picker chose another of its places, as above
            ev["place_named"] = cross
            x["place_named"] = 1.0
        elif (
            pa[1]
            and pb[1]
            and pa[1] != pb[1]
            and _namesake(pa, pb)
            and (pa[1] in b.A | b.R or pb[1] in a.A | a.R)
        ):
            # both name one place ("Mae Sot"), which the gazetteer resolved in two countries (a namesake across a
            # border), one reading in a country the other report names as a party: the texts agree on the place,
            # only its reading differs (two namesakes each in its own parties' country, Tripoli in Libya and in
            # Lebanon, still veto)
            ev["place_namesake"] = f"{pa[0]} ({pa[1]}) / {pb[0]} ({pb[1]})"
            km, broad = 0.0, pa[4] in _BROAD and pb[4] in _BROAD
        elif seat and pa[1] and pb[1] and pa[1] != pb[1]:
            # "speaking at the White House" vs "sanctions over the attack in Iraq": where the actor announced it
            ev["place_seat"] = seat
        elif pa[1] and pb[1] and pa[1] != pb[1] and not (broad and km is not None and km < _MAX_KM * 10):
            return x, {
                **ev,
                "veto": f"places in different countries: {pa[0]} ({pa[1]}) vs {pb[0]} ({pb[1]})",
            }
        elif km is not None:
            ev["place_km"] = km
            # a province and a town in it ("Anbar" vs "Al Asad Air Base"): the same place at another precision
            region = pa[4] == "admin" or pb[4] == "admin"
            limit = _ADMIN_KM if region else _MAX_KM
            if km > limit and not broad:
                # a guessed point for a name the gazetteer lacks (a region's centre for an unknown village, read
                # differently by two articles) is known only to within its precision: no veto while the distance
                # is within the two precisions (a town's few km leave the limit as it is)
                if km > max(limit, _precision(pa) + _precision(pb)):
                    excuse = _one_place(a, b)
                    if excuse is None:
                        return x, {**ev, "veto": f"places {km:.0f} km apart: {pa[0]} vs {pb[0]}"}
                    ev[excuse[0]] = excuse[1]
                else:
                    ev["place_imprecise"] = f"{_precision(pa):.0f} + {_precision(pb):.0f} km"
                broad = True  # no evidence either way
            broad = broad or (region and pa[4] != pb[4])
            why = _next_town(a, b, km, broad or region, ev)
            if why:
                return x, {**ev, "veto": why}
        if "place_namesake" in ev or pa[0] == pb[0] or (km is not None and km <= 15 and not broad):
            ev["place"] = pa[0]
            x["place_broad" if broad else "place_same"] = 1.0  # the same country or sea says little
        elif not broad and km is not None:
            x["place_near"] = 1.0
    elif bool(a.L) != bool(b.L):
        # one located at a place (not a country, region or sea) that the other, not located, names in its sentence
        # ("fired missiles at two Iraqi bases" located at Al Asad Air Base by its article vs "Wednesday's missile
        # strikes on Al Asad and Erbil"): the place agrees, as when each is located at a place the other names
        m, n = (a, b) if a.L else (b, a)
        if m.L and not _broad(m.L) and (m.L[0] in n.PN or _loc_named(m, n.W)):
            ev["place_named"] = m.L[0]
            x["place_named"] = 1.0
    # sizes (same unit, or no unit on one side)
    if a.sizes and b.sizes:
        ratios = [
            _size_ratio(sa, sb)
            for sa in a.sizes
            for sb in b.sizes
            if _unit(sa) == _unit(sb) or _unit(sa) is None or _unit(sb) is None
        ]
        if ratios:
            best = min(ratios)
            ev["size_ratio"] = best if best != math.inf else "inf"
            if best > _SIZE_VETO:
                return x, {**ev, "veto": f"sizes incompatible (x{best:.1f})"}
            if best > _SIZE_DISPUTE and "date_excess" in x and a.dsrc == b.dsrc == "text" and _counted(a, b):
                # two days read from the text beyond the window and two counts that disagree ("seven farmers
                # detained this morning" on the 13th, "four smugglers arrested this morning" on the 16th): two acts
                # of a series, not one misdated and miscounted (either alone is only evidence against)
                return x, {**ev, "veto": f"another day ({ev['date_gap_days']} days apart) and another count "
                                         f"(x{best:.1f})"}  # fmt: skip
            bounded = any(x[0] is not None and x[1] is not None for x in a.sizes) and any(
                x[0] is not None and x[1] is not None for x in b.sizes
            )  # "at least two" fits almost any count: weaker evidence than two counts that agree
            if best <= _SIZE_DISPUTE:
                x["size_bounded" if bounded else "size_open"] = 1.0
            else:
                # a disagreement between sources up to _SIZE_FAR, then counter-evidence nearing the veto: graded in
                # log ratio from 1 to -1 ("at least 37" against "15" arrested is as likely another event as a
                # second count of one: it must not outweigh a report whose count agrees)
                far = max(0.0, math.log(best / _SIZE_FAR)) / math.log(_SIZE_VETO / _SIZE_FAR)
                x["size_dispute"] = 1.0 - 2.0 * far
    # places named in the two sentences: none in common and all far apart -> different events
    if a.places and b.places:
        names = a.PN & b.PN
        if names:
            ev["sentence_places"] = sorted(names)
            x["sentence_places"] = 1.0
        else:
            near = [_near(pa, pb) for pa in a.P for pb in b.P]
            # not when one sentence names the other's place in its words, a name the place reader missed there
            # ("the Jowhar market" read as no place), as for two locations (place_named)
            if (
                any(n is not None for n in near)
                and not any(near)
                and not any(_names(q, b.W) for q in a.P)
                and not any(_names(q, a.W) for q in b.P)
            ):
                ev["sentence_places_differ"] = f"{a.P[0][0]} vs {b.P[0][0]}"
                x["places_differ"] = 1.0
    # one sentence names places, the other mention is only located (e.g. in a country)
    elif a.places or b.places:
        m, n = (a, b) if a.places else (b, a)
        other = _elsewhere(m, n)
        if other:
            ev["sentence_places_elsewhere"] = other
            x["places_differ"] = 1.0
    # "would not withdraw" vs "withdrew": a report that it did not (or will not) happen is about something else
    # than a report that it happened (a denial, by contrast, disputes the same event). But a physical act said not
    # to have happened at the same place on the very day (both days read from the text) the other report says it
    # happened is the same act disputed, or its outcome negated and read as the act ("no US troops were killed in
    # Wednesday's strikes on Al Asad"): flagged by _summarise, not counted against
    if (a.fact in _NOT) != (b.fact in _NOT) and {a.fact, b.fact} & _HAPPENED:
        ev["factuality_differs"] = f"{a.fact} vs {b.fact}"
        same_act = (
            a.dsrc == "text" == b.dsrc
            and a.lo == a.hi == b.lo == b.hi
            and a.type not in _SAID
            and ("place" in ev or "place_named" in ev or "sentence_places" in ev)
        )
        if not same_act:
            x["fact_differs"] = 1.0
    # word overlap of the two sentences: idf-weighted cosine of content words
    if a.W and b.W:
        sim = _cosine(a, b, idf)
        ev["word_overlap"] = sim
        # few shared words count against a pair unless it is an act (not a statement: a threat, an accusation is
        # told apart by what was said, as the same parties trade many), its dates are both read from the text
        # within a day (a report's own date is a window in which the same parties may act twice) and it shares
        # who acted (a shared target alone, "Iran", fits many acts of a day)
        dated = a.dsrc == "text" and b.dsrc == "text" and ev.get("date_gap_days", 9) <= _WINDOW_TEXT
        acted = "actor_overlap" in ev or "participant_overlap" in ev
        shared = dated and a.type not in _STATEMENT and acted
        if shared and _plan_kept(a, b):
            # a plan and its act: "Cameroon will free the crew ... tomorrow" vs "the crew were released by the
            # Cameroonian authorities early on Friday": the plan named the act (its mode), its doer and its day,
            # and the act is that act, by that doer, on that day; a short announcement shares few words
            ev["plan_kept"] = a.mode
        elif shared and a.type not in _SAID | _SYMMETRIC and not x.keys() & _MORE_THAN_ACTOR:
            # a physical act sharing only its actor and day (no target, place or count in common): a state's forces
            # do many things a day ("Iran's missiles hit Al Asad" vs "its forces downed an airliner"), so the
            # wording must tell; few shared words count against it as for any pair
            ev["actor_day_only"] = True
            shared = False
        elif (
            x.get("date_same_day")
            and a.type not in _SAID | _SYMMETRIC
            and not (a.A and b.A)
            and (x.get("size_bounded") or x.get("size_open"))
            and not (x.get("side_mismatch") or x.get("recipient_mismatch") or x.get("places_differ"))
        ):
            # who acted unknown on one side ("an air strike on a village killed 14" vs "jets bombed the village,
            # killing at least 11"): outlets word one act apart, and a count that agrees on the same day (or night,
            # both read from the text) tells it instead of a shared actor; not a day apart, nor against places
            # named far apart
            ev["count_day"] = True
            shared = True
        x["words"] = sim
        if (
            a.mode
            and a.mode == b.mode
            and a.type not in _MEANS
            and not (a.A and b.A)
            and not x.keys() & _AGAINST
            and x.get("size_dispute", 1.0) > 0
        ):
            # who acted unknown on one side ("the coalition suspended its training" vs "the US-led coalition was
            # pausing its training of Iraqi forces"; "the day's general strike" vs "the CGTP staged a general
            # strike"): the act its PLOVER mode names (a suspension, a strike, an arrest) is what is left to tell it
            # by, as a count is. Not where the mode is only the means (_MEANS: weapons, the kind of force), which
            # many acts of a day share
            ev["mode_same"] = a.mode
            x["mode_same"] = 1.0
        if sim < _FEW_WORDS and not shared:
            x["few_words"] = 1.0
    if "date_unknown" in ev:
        weak = _undated_weak(x, ev)
        if weak:
            ev["undated_weak"] = weak
    return x, ev


@lru_cache(maxsize=1)
def _country_words() -> dict[str, str]:
    """One-word country names and demonyms, lowercased ("kyrgyzstan", "tajik") -> ISO alpha-3 (the lexicon of the
    troops module: data/places/countries.tsv, demonyms.tsv and pycountry)."""
    from dateline.link.troops import _lexicon

    return {k.lower(): v for k, v in _lexicon()[1].items() if k.isalpha() and k.lower() not in _stop()}


def _named_countries(f: _Feat) -> frozenset[str]:
    """The countries f's sentence names by a one-word name or demonym ("Kyrgyzstan's", "Tajik"), from its words."""
    table = _country_words()
    return frozenset(table[w] for w in (v[:-2] if v.endswith("'s") else v for v in f.W) if w in table)


def _days_apart(a: _Feat, b: _Feat) -> bool:
    """Both days read from the text, single days, and different ("on Saturday" vs "yesterday" meaning Sunday)."""
    return (
        a.dsrc == "text" == b.dsrc
        and a.lo is not None
        and b.lo is not None
        and a.lo == (a.hi or a.lo)
        and b.lo == (b.hi or b.lo)
        and a.lo != b.lo
    )


def _undated_time(a: _Feat, b: _Feat, x: dict[str, float], ev: dict[str, Any]) -> str | None:
    """The time evidence of a pair one (or both) of which has no date at all, not even a publication date (a blog
    post, a scraped page): an unknown date is no evidence either way, but what its text does say must fit. A
    weekday it names ("Wednesday's missile strikes") must be a day the other mention can fall on (a veto
    otherwise), and is evidence when the other's day is read from the text (it takes the place of the no-date
    penalty). Relative phrases ("yesterday", "last week") have no anchor, so they cannot contradict anything; a
    year in the text dates the mention (then it is not undated). Returns a veto reason, or None."""
    ev["date_unknown"] = (
        "both" if a.lo is None and b.lo is None else ("this mention" if a.lo is None else "the other")
    )
    u, d = (a, b) if a.lo is None else (b, a)
    days = frozenset(u.wd)
    other, said = _weekdays(d)
    if days and other and not days & other:
        named = "/".join(_DAY_NAMES[k] for k in sorted(days))
        return f"weekday {named} vs {'/'.join(_DAY_NAMES[k] for k in sorted(other))} ({said})"
    if len(days) == 1 and days == other and said and d.dsrc == "text":
        ev["date_weekday"] = f"{_DAY_NAMES[next(iter(other))]} = {said}"
        x["date_weekday"] = 1.0
    else:
        x["no_date"] = 1.0
    return None


def _weekdays(f: _Feat) -> tuple[frozenset[int], str]:
    """The ISO weekdays `f` can fall on, when that is less than the whole week (and its date as shown): the day
    of a one-day date, both readings of a bare weekday a week apart (_features), a short span; the weekdays an
    undated mention names."""
    if f.lo is None:
        return frozenset(f.wd), ""
    hi = f.hi if f.hi is not None else f.lo
    if hi - f.lo == 7 and f.dsrc in (
        "text",
        "inferred",
    ):  # a weekday read two ways a week apart: the same one
        hi = f.lo
    if hi - f.lo >= 6:
        return frozenset(), ""
    days = frozenset(dt.date.fromordinal(d).isoweekday() for d in range(f.lo, hi + 1))
    shown = dt.date.fromordinal(f.lo).isoformat() + (
        "" if hi == f.lo else " to " + dt.date.fromordinal(hi).isoformat()
    )
    return days, shown


def _undated_weak(x: dict[str, float], ev: dict[str, Any]) -> str | None:
    """Why an undated pair may not join whatever its score (None: it may): compared across all time, it needs
    strong evidence besides its date, a named place both share (not a country) or the same actors with no side
    that differs, and sizes that do not disagree."""
    place = "sentence_places" in ev or bool(x.get("place_same") or x.get("place_named"))
    actors = bool(x.get("actor_overlap") or x.get("participant_overlap")) and not (
        x.get("side_mismatch") or x.get("recipient_mismatch")
    )
    if not (place or actors):
        return "date unknown: no named place nor actor both share"
    if "size_dispute" in x:
        return "date unknown: sizes disagree"
    if x.get("fact_differs"):
        return "date unknown: happened vs did not"
    return None


# ---------------------------------------------------------------------- the store side


def _new_events(store: Store) -> Iterable[tuple[Event, str | None, str | None]]:
    rows = store.db.execute(
        "SELECT e.data, d.published, d.outlet FROM events e JOIN documents d ON d.id = e.doc_id"
        " LEFT JOIN event_links l ON l.event_id = e.id WHERE l.event_id IS NULL"
        " ORDER BY d.published IS NULL, d.published, e.doc_id, e.id"
    )
    for r in rows:
        e = Event.from_dict(json.loads(r[0]))
        if len(_EVENTS) < 300_000:  # bounded: _rebuild decodes the rest
            _EVENTS[e.id] = e
        yield e, r[1], r[2]


# the new events of one run, decoded once (_new_events) and read again by _rebuild (the link stage never changes
# an Event nor its row)
_EVENTS: dict[str, Event] = {}


def _eventless_docs(store: Store) -> list[str]:
    """The documents stored since the last link run (rowid above link_meta's 'docs_linked') with no event of their
    own, not near-duplicates; the mark moves to the newest document. A re-ingested document gets a new rowid, so it
    is read again; a first run reads every such document once."""
    db = store.db
    row = db.execute("SELECT value FROM link_meta WHERE key = 'docs_linked'").fetchone()
    mark = int(row[0]) if row else 0
    top = db.execute("SELECT max(rowid) FROM documents").fetchone()[0] or 0
    if top <= mark:
        return []
    docs = [r[0] for r in db.execute(
        "SELECT id FROM documents d WHERE rowid > ? AND duplicate_of IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.doc_id = d.id) ORDER BY published IS NULL, published, rowid",
        (mark,))]  # fmt: skip
    db.execute("INSERT OR REPLACE INTO link_meta(key, value) VALUES ('docs_linked', ?)", (str(top),))
    return docs


def _by_document(
    rows: Iterable[tuple[Event, str | None, str | None]],
) -> Iterable[list[tuple[Event, str | None, str | None]]]:
    """The new events, one document at a time (they come ordered by document)."""
    batch: list[tuple[Event, str | None, str | None]] = []
    for row in rows:
        if batch and row[0].doc_id != batch[-1][0].doc_id:
            yield batch
            batch = []
        batch.append(row)
    if batch:
        yield batch


class _Idf:
    """Inverse document frequencies from the story index (term_df), cached for one run."""

    def __init__(self, store: Store) -> None:
        self.store = store
        row = store.db.execute("SELECT value FROM link_meta WHERE key = 'n_docs'").fetchone()
        self.n = int(row[0]) if row else 0
        self.values: dict[str, float] = {}

    def load(self, words: list[str]) -> None:
        missing = [w for w in set(words) if w not in self.values]
        if not missing or not self.n:
            return
        found: dict[str, int] = {}
        for i in range(0, len(missing), 900):
            chunk = missing[i : i + 900]
            q = ",".join("?" * len(chunk))
            found.update(
                self.store.db.execute(f"SELECT term, df FROM term_df WHERE term IN ({q})", chunk).fetchall()
            )
        for w in missing:
            self.values[w] = math.log((self.n + 1) / (found.get(w, 0) + 1)) + 1.0

    def load_feats(self, feats: list[_Feat]) -> None:
        """Load the words of mentions not compared yet (their idf norm is cached on first use)."""
        self.load([w for g in feats if g.norm is None for w in g.words])


# a wire dateline opening a paragraph: "BUCHAREST, June 16 (Black Sea Wire) -", "KYIV (Reuters) -"
_DATELINE = re.compile(r"(?m)^[A-Z][A-Z .'-]{2,}(?:,[^\n()]{0,30})?\s*\([^)\n]{1,40}\)\s*[-\u2013\u2014]")


def _doc_places(store: Store, doc_id: str) -> list[tuple[int, list[Any]]]:
    """Sub-country places of a document by offset, but those of a wire dateline: where the report was filed
    (and the agency's name read as a place), not where anything happened."""
    row = store.db.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    datelines = [m.span() for m in _DATELINE.finditer(row[0] or "")] if row else []
    out = []
    for r in store.db.execute("SELECT data FROM places WHERE doc_id = ? AND (feature IS NULL OR feature NOT IN"
                              " ('country', 'region', 'water'))", (doc_id,)):  # fmt: skip
        p = json.loads(r[0])
        if any(a <= p["start"] < b for a, b in datelines):
            continue
        out.append((p["start"], [p.get("name") or p["text"], p.get("lat"), p.get("lon"), p.get("country"),
                                 p.get("feature"), p["text"]]))  # fmt: skip
    return sorted(
        out, key=lambda t: t[0]
    )  # in text order: the first place a sentence names counts (_compare)


# event types told as talk, whose "on/about/over ..." topic may name places (dateline.events records them)
_TALKED = frozenset({"CONSULT", "AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE"})


def _topic_places(store: Store, doc_id: str) -> set[int]:
    """Offsets of places the event extractor found only in the topic of talks (Document.extra["topic_places"])."""
    row = store.db.execute("SELECT data FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if not row:
        return set()
    extra = json.loads(row[0] or "{}").get("extra") or {}
    return {int(x) for x in extra.get("topic_places") or []}


def _doc_weekdays(store: Store, doc_id: str) -> list[tuple[int, int]]:
    """(offset, ISO weekday) of the weekdays a document names without a date to resolve them against."""
    out = []
    for (data,) in store.db.execute("SELECT data FROM timexes WHERE doc_id = ?", (doc_id,)):
        t = json.loads(data)
        m = _UNANCHORED_WEEKDAY.match(t.get("value") or "")
        if m:
            out.append((int(t["start"]), int(m.group(1))))
    return out


def _undated_weekdays(e: Event, weekdays: list[tuple[int, int]]) -> list[int]:
    """The weekdays an undated event's own date or sentence names ("Wednesday's missile strikes")."""
    m = _UNANCHORED_WEEKDAY.match(e.date.value or "") if e.date else None
    if m:
        return [int(m.group(1))]
    return sorted({d for start, d in weekdays if e.sentence_start <= start < e.sentence_end})


_FEATS: dict[str, _Feat] = {}  # decoded features by event id (a feature row never changes once written)
_Cand = tuple[str, str, _Feat]  # (event id, merged id, features)


def _decode(rows: Iterable[tuple[str, str, str, int]]) -> list[_Cand]:
    out = []
    for event_id, merged_id, feat, rowid in rows:
        g = _FEATS.get(event_id)
        if g is None:
            if len(_FEATS) > 300_000:  # bounded: one run's blocks overlap heavily, a whole store's do not fit
                _FEATS.clear()
            g = _FEATS[event_id] = _Feat.from_json(feat)
        g.rowid = rowid
        out.append((event_id, merged_id, g))
    return out


class _Block:
    """Linked mentions of one (type, coarse) block, bucketed by day and by blocking key (in memory for one run).

    Our own index rather than SQL per mention: the SQL blocks (LIKE over key strings, sorted by date distance)
    cost 2 ms a mention on a dense store; here each day of the store is read once per run, and a mention looks
    only at the buckets of its keys, most recent first."""

    def __init__(self) -> None:
        self.days: dict[int | None, dict[str, list[_Cand]]] = {}  # day -> key -> mentions in rowid order
        self.sorted_days: list[int] = []  # the days present (coarse blocks: few distinct days over years)
        self.loaded: set[int | None] = set()
        self.span: tuple[int, int] | None = None  # the loaded days, when they are one unbroken run
        self.bounds: tuple[int, int] | None = None  # first and last day loaded (dated: _Index._block)

    def add(self, c: _Cand, day: int | None) -> None:
        buckets = self.days.get(day)
        if buckets is None:
            buckets = self.days[day] = {}
            if day is not None:
                bisect.insort(self.sorted_days, day)
        for key in _index_keys(c[2]):
            buckets.setdefault(key, []).append(c)


def _shares_place(f: _Feat, g: _Feat) -> bool:
    """Both sentences name one sub-country place (g's location counts as named)."""
    return bool(f.PN & g.PN) or bool(g.L and g.L[0] in f.PN) or bool(f.L and f.L[0] in g.PN)


def _newest(c: _Cand) -> int:
    return -c[2].rowid


def _index_keys(g: _Feat) -> list[str]:
    """Blocking keys a mention is filed under: actor countries (a:), recipient countries (r:), countries of a
    mention without actors (n:), the country a mention with actors is located in (p:), none at all (""), and
    everything ("*")."""
    keys = ["*"] + [f"a:{k}" for k in g.A] + [f"r:{k}" for k in g.R]
    if g.lo is None:  # undated: also under the places its sentence names (pl:), which dated mentions look up
        keys += [f"pl:{p[0]}" for p in g.P if p[0]]
    if g.A and g.place and g.place[1]:
        keys.append(f"p:{g.place[1]}")
    if not g.A or g.loop:  # an actor that is its own recipient is a parse slip (_compare): as good as none
        keys += [f"n:{k}" for k in g.K]
    if not g.K or g.host or _slip(g):
        # an actor that is its own recipient on a directed event is a parse slip as likely as not (_compare: no
        # veto against another actor): filed with the mentions without countries, which every mention looks up
        keys.append("")
    elif g.type not in _SYMMETRIC and not (g.A and g.R):  # one side missing: "A0" no actor, "R0" no recipient
        keys.append("A0" if not g.A else "R0")
    return keys


def _slip(f: _Feat) -> bool:
    """A directed mention whose actor is its own recipient: a parse slip as likely as not, so blocking files it with
    the mentions without countries and also looks it up among the nearest of every country (_Index._candidates)."""
    return f.loop and f.type not in _SYMMETRIC


def _query_keys(f: _Feat) -> list[str]:
    """Buckets that can hold a mention `f` is not vetoed against: the same actor country, the roles swapped (a
    passive parse, or the other side of a meeting), a mention without actors sharing a country, or no countries.
    Tighter than "any shared country": two actors that differ veto each other, so they need not be compared."""
    if not f.K or f.host:
        return ["*"]  # no countries (or only a meeting's host country): any mention of the block
    # "Britain sent planners" and "planners were sent to Baghdad": an actor-only and a recipient-only mention
    # share no country and contradict nothing (directed types; for symmetric ones the participants differ); so do
    # an actor-only one and one without sides that is only located ("soldiers arrived in Tapa"): its place stands
    # for the missing target or destination
    directed = f.type not in _SYMMETRIC
    if not f.A or f.loop:  # an actor that is its own recipient may be a slip (_compare): as good as none
        # ...and, without actors, a mention located in one of its countries ("300 soldiers arrived in Tapa" and
        # "Spain sent troops to Tapa": the second is filed under ESP, and under EST only as a place)
        return [f"a:{k}" for k in f.K] + [f"r:{k}" for k in f.K] + [f"n:{k}" for k in f.K] + [""] + (
            ["R0"] if directed else []) + [f"p:{k}" for k in f.K]  # fmt: skip
    parts = f.A | f.R
    return [f"a:{k}" for k in parts] + [f"r:{k}" for k in f.A | (f.R if f.type in _SYMMETRIC else frozenset())] + [
        f"n:{k}" for k in f.K
    ] + [""] + (["A0"] if directed and not f.R else [])  # fmt: skip


def _place_keys(f: _Feat) -> list[str]:
    """The buckets of undated mentions filed under a place f's sentence names or f is located at (only undated
    mentions are: _index_keys), looked up in the undated block only."""
    return [f"pl:{p[0]}" for p in f.P if p[0]] + ([f"pl:{f.L[0]}"] if f.L and f.L[0] else [])


class _Index:
    """The candidate blocks of one run: type + date window + blocking keys, loaded from the store lazily."""

    def __init__(self, store: Store, idf: _Idf) -> None:
        self.store, self.idf = store, idf
        self.blocks: dict[tuple[str, int], _Block] = {}
        self.undated: dict[str, _Block] = {}
        self.members: dict[str, list[_Cand]] = {}  # merged id -> its most recent members (newest last)
        self.alias: dict[str, str] = {}  # merged id -> the merged event it was bridged into
        self.size = 0
        # for undated mentions (read once per run, then kept up to date by add): the most recent mentions of a
        # type (oldest first), and the mentions of the latest documents that name a place, by place name
        self.recent: dict[str, list[_Cand]] = {}
        self.named: dict[str, dict[str, list[_Cand]]] = {}  # place name -> type -> mentions, oldest first
        self.steps: dict[tuple[int, int], list[list[int]]] = {}  # (day, last day) -> days by distance

    def _load(self, rows: list[tuple[str, str, str, int, int | None]], block: _Block) -> None:
        cands = _decode((r[0], r[1], r[2], r[3]) for r in rows)
        self.idf.load_feats([c[2] for c in cands])
        for c, r in zip(cands, rows, strict=True):
            if r[4] not in block.loaded:
                block.add(c, r[4])
        self.size += len(cands)

    def _block(self, typ: str, coarse: int, lo: int, hi: int) -> _Block:
        if self.size > 400_000:  # bounded memory on a huge batch: start again from the store
            self.blocks.clear()
            self.undated.clear()
            self.members.clear()
            self.recent.clear()
            self.named.clear()
            self.size = 0
        block = self.blocks.setdefault((typ, coarse), _Block())
        if block.span and block.span[0] <= lo and hi <= block.span[1]:
            return block  # the usual case: every day asked for is in memory already
        missing = [d for d in range(lo, hi + 1) if d not in block.loaded]
        if missing:
            rows = self.store.db.execute(
                "SELECT event_id, merged_id, feat, rowid, day FROM event_links WHERE event = ? AND coarse = ?"
                " AND day BETWEEN ? AND ? ORDER BY rowid",
                (typ, coarse, missing[0], missing[-1]),
            ).fetchall()
            self._load(rows, block)
            block.loaded.update(range(missing[0], missing[-1] + 1))
            # the loaded days' bounds, kept as they grow (a dated block's days are all ints): not rebuilt per miss
            first, last = block.bounds or (missing[0], missing[-1])
            block.bounds = (min(first, missing[0]), max(last, missing[-1]))
        if block.bounds is not None:
            first, last = block.bounds
            block.span = block.bounds if len(block.loaded) == last - first + 1 else None
        return block

    def add(self, c: _Cand, coarse: int) -> None:
        """A mention just linked (its row is written): into its block if that day is loaded, and its members."""
        g = c[2]
        block = self.undated.get(g.type) if g.lo is None else self.blocks.get((g.type, coarse))
        if block is not None and g.lo in block.loaded:
            block.add(c, g.lo)
            self.size += 1
        mem = self.members.get(c[1])
        if mem is not None:
            mem.append(c)
            if len(mem) > _MEMBERS:
                del mem[0]
        recent = self.recent.get(g.type)
        if recent is not None:
            recent.append(c)
            if len(recent) > 2 * _UNDATED * 20:
                del recent[: _UNDATED * 20]
        for p in g.P:
            named = self.named.get(p[0])
            if named is not None:
                named.setdefault(g.type, []).append(c)

    def member_list(self, merged_id: str) -> list[_Cand]:
        """The most recent members of one merged event (fetched only for a merged event a mention could join)."""
        mem = self.members.get(merged_id)
        if mem is None:
            rows = self.store.db.execute(  # a merged event of thousands of reports is not re-read
                "SELECT event_id, merged_id, feat, rowid FROM event_links WHERE merged_id = ?"
                f" ORDER BY rowid DESC LIMIT {_MEMBERS}",
                (merged_id,),
            ).fetchall()
            mem = self.members[merged_id] = _decode(reversed(rows))
            self.idf.load_feats([c[2] for c in mem])
        return mem

    @staticmethod
    def _nearest(block: _Block, days: Iterable[int | None], f: _Feat, keys: list[str], limit: int,
                 floor: int | None) -> list[_Cand]:  # fmt: skip
        """Up to `limit` mentions of the buckets `keys` on `days` (given nearest first; a list of days at one
        distance counts as one step), most recent first within a step, ending on or after `floor`."""
        out: list[_Cand] = []
        seen: set[str] = set()
        for step in days:
            group = step if isinstance(step, list) else [step]
            got: list[_Cand] = []
            need = 2 * (limit - len(out))  # some are seen already or end too early
            for day in group:
                buckets = block.days.get(day)
                if buckets:  # each bucket is in rowid order: its newest mentions are at the end
                    for k in keys:
                        if k in buckets:
                            got += buckets[k][-need:]
            if len(got) > 1:
                # most recent first: by rowid (one per mention: a mention filed under two of the keys comes once, the
                # first as before); those seen at a nearer step are skipped below anyway, so not sorted
                by_row = {c[2].rowid: c for c in reversed(got) if c[0] not in seen}
                got = [by_row[r] for r in sorted(by_row, reverse=True)]
            for c in got:
                g = c[2]
                if c[0] in seen or (floor is not None and (g.hi if g.hi is not None else g.lo) < floor):
                    continue
                seen.add(c[0])
                out.append(c)
                if len(out) >= limit:
                    return out
        return out

    def candidates(self, f: _Feat, undated: bool) -> list[_Cand]:
        """Linked mentions in the same block: type + date window + blocking keys (see _query_keys); on a dense
        store, the _COMPARED of them most like f (_likeliest)."""
        out = self._candidates(f, undated)
        if len(out) > _COMPARED:
            out = _likeliest(f, out)
        alias = self.alias
        if alias:  # merged events bridged into another in this run
            out = [c if c[1] not in alias else (c[0], self.resolve(c[1]), c[2]) for c in out]
        return out

    def resolve(self, merged_id: str) -> str:
        while merged_id in self.alias:
            merged_id = self.alias[merged_id]
        return merged_id

    def _by_place(self, f: _Feat, seen: set[str]) -> list[_Cand]:
        """Mentions of f's type, of any date, whose sentence names a place f's sentence names (not a country: the
        places table holds sub-country places by name, indexed): an undated mention has no date to block by,
        and its actors alone may be few or none ("Wednesday's missile strikes on Al Asad")."""
        out: list[_Cand] = []
        for name in sorted({p[0] for p in f.P if p[0]}):
            named = self.named.get(name)
            if named is None:  # the mentions of the latest documents naming it (any type), once per run
                docs = [r[0] for r in self.store.db.execute(
                    "SELECT doc_id FROM places WHERE name = ? ORDER BY rowid DESC LIMIT ?", (name, _UNDATED_PLACES * 5)
                )]  # fmt: skip
                docs = list(dict.fromkeys(docs))
                rows: list[tuple[str, str, str, int]] = []
                for i in range(0, len(docs), 900):
                    chunk = docs[i : i + 900]
                    rows += self.store.db.execute(
                        "SELECT event_id, merged_id, feat, rowid FROM event_links WHERE doc_id IN"
                        f" ({','.join('?' * len(chunk))}) ORDER BY rowid",
                        chunk,
                    ).fetchall()
                named = self.named[name] = {}
                for c in _decode(sorted(rows, key=lambda r: r[3])):
                    named.setdefault(c[2].type, []).append(c)
            for c in reversed(named.get(f.type, [])[-_UNDATED_PLACES:]):  # the latest of its type first
                if c[0] not in seen and _shares_place(f, c[2]):
                    seen.add(c[0])
                    out.append(c)
        out.sort(key=_newest)
        return out[:_UNDATED_PLACES]

    def _candidates(self, f: _Feat, undated: bool) -> list[_Cand]:
        keys = _query_keys(f)
        if f.lo is None:  # no date at all (nor a publication date): any date, the most recent first
            recent = self.recent.get(f.type)
            if recent is None:
                rows = self.store.db.execute(
                    "SELECT event_id, merged_id, feat, rowid FROM event_links WHERE event = ? ORDER BY rowid DESC"
                    f" LIMIT {_UNDATED * 20}",
                    (f.type,),
                ).fetchall()
                recent = self.recent[f.type] = _decode(reversed(rows))
            want = set(keys) | set(_place_keys(f))
            out = []
            for c in reversed(recent[-_UNDATED * 20 :]):
                if want.intersection(_index_keys(c[2])):
                    out.append(c)
                    if len(out) >= _UNDATED:
                        break
            out += self._by_place(f, {c[0] for c in out})
            self.idf.load_feats([c[2] for c in out])
            return out
        hi = f.hi or f.lo
        w = _WINDOW_TEXT + _WINDOW_LOOSE
        # fine dates: days lo - _COARSE - w .. hi + w, nearest to lo first (ties: most recent first)
        lo_day, hi_day = f.lo - _COARSE - w, hi + w
        if (
            hi - f.lo > _COARSE
        ):  # "in 2019": a year of fine dates is not read into memory; SQL picks the nearest
            rows = self.store.db.execute(
                "SELECT event_id, merged_id, feat, rowid FROM event_links WHERE event = ? AND coarse = 0"
                " AND day BETWEEN ? AND ? AND day_hi >= ? ORDER BY abs(day - ?), rowid DESC LIMIT ?",
                (f.type, lo_day, hi_day, f.lo - w, f.lo, _BLOCK * 5),
            ).fetchall()
            want = set(keys)
            out = []
            for row in rows:  # decoded one by one: the first _BLOCK that fit are enough
                c = _decode((row,))[0]
                if want.intersection(_index_keys(c[2])):
                    out.append(c)
                    if len(out) >= _BLOCK:
                        break
            self.idf.load_feats([c[2] for c in out])
        else:
            block = self._block(f.type, 0, lo_day, hi_day)
            steps = self.steps.get((f.lo, hi_day))  # the days nearest first, one list per distance
            if steps is None:
                near = range(hi_day - f.lo + 1)
                steps = [[d for d in (f.lo - k, f.lo + k) if lo_day <= d <= hi_day] for k in near]
                steps += [[f.lo - k] for k in range(hi_day - f.lo + 1, f.lo - lo_day + 1)]
                steps = self.steps[(f.lo, hi_day)] = [s for s in steps if s]
            out = self._nearest(block, steps, f, keys, _BLOCK, f.lo - w)
            if _slip(f):
                # a self-directed mention (a parse slip as likely as not: _index_keys) is compared with the nearest
                # mentions of other countries too, as they are with it
                seen = {c[0] for c in out}
                more = self._nearest(block, steps, f, ["*"], _BLOCK // 2, f.lo - w)
                out += [c for c in more if c[0] not in seen]
            if _agreement_nouns(f):
                # one agreement agreed (AGREE) and signed (SUPPORT): the other type's block too, its mentions naming
                # the agreement noun (_one_agreement decides); its parties in any role
                other = next(iter(_AGREEMENT_TYPES - {f.type}))
                both = list(dict.fromkeys(keys + _query_keys(replace(f, type="AGREE"))))
                block = self._block(other, 0, lo_day, hi_day)
                found = self._nearest(block, steps, f, both, _BLOCK, f.lo - w)
                out += [c for c in found if _one_agreement(f, c[2])]
        # coarse dates (a month, a year) that may hold this date
        lo_day = f.lo - 366 - w
        block = self._block(f.type, 1, lo_day, hi_day)
        i, j = bisect.bisect_left(block.sorted_days, lo_day), bisect.bisect_right(block.sorted_days, hi_day)
        present = sorted(block.sorted_days[i:j], key=lambda d: abs(d - f.lo))
        groups: dict[int, list[int | None]] = {}
        for d in present:
            groups.setdefault(abs(d - f.lo), []).append(d)
        out += self._nearest(block, list(groups.values()), f, keys, _BLOCK, f.lo - w)
        if undated:  # undated mentions too, when the store holds any
            ub = self.undated.get(f.type)
            if ub is None:
                ub = self.undated[f.type] = _Block()
                rows = self.store.db.execute(
                    "SELECT event_id, merged_id, feat, rowid, day FROM event_links WHERE event = ? AND coarse = 0"
                    " AND day IS NULL ORDER BY rowid",
                    (f.type,),
                ).fetchall()
                self._load(rows, ub)
                ub.loaded.add(None)
            out += self._nearest(ub, [None], f, keys + _place_keys(f), _UNDATED, None)
        return out


def _likeliest(f: _Feat, cands: list[_Cand]) -> list[_Cand]:
    """The _COMPARED candidates whose sentences share the most words with f's (ties: the earlier, i.e. the nearer
    in date), kept in their order. A pair scores mostly on its shared words (_cosine), and a report of the same event
    has them (the same place, target and verb); a candidate sharing few is rarely joined, and a member of the
    merged event f joins is still checked with the others (_choose: members)."""
    w = f.W
    fewer = [-len(w & c[2].W) for c in cands]  # sorted stably: ties keep their order
    ranked = sorted(range(len(cands)), key=fewer.__getitem__)[:_COMPARED]
    return [cands[i] for i in sorted(ranked)]


def _choose(f: _Feat, cands: list[_Cand], idf: dict[str, float] | None = None,
            members: Callable[[str], list[_Cand]] | None = None, exclude: set[str] | None = None,
            tops: dict[str, float] | None = None) -> tuple[str | None, str | None, float, dict[str, Any]]:  # fmt: skip
    """The merged event to join: best-scoring member passes the threshold, no member of that merged event vetoes,
    and at least _SUPPORT of its members are compatible. `members(merged_id)` gives all members of a merged event
    (those outside the candidate block too); it is asked only for merged events whose best member passes."""
    by_cluster: dict[str, list[tuple[str, float, dict[str, Any]]]] = {}
    vetoed: set[str] = set()
    for event_id, merged_id, g in cands:
        if merged_id in vetoed or (exclude and merged_id in exclude):
            continue  # one veto rules the merged event out: its other members need no scoring
        if _places_veto(f, g):
            vetoed.add(merged_id)
            continue
        s, ev = _compare(f, g, idf)
        if "veto" in ev:  # a veto, not a low score: penalties are evidence against, and only the support rule
            vetoed.add(merged_id)  # below counts them

            continue
        by_cluster.setdefault(merged_id, []).append((event_id, s, ev))
    if tops is not None:  # the best score with each merged event no member vetoes (for _bridge)
        tops.update({m: max(s for _, s, _ in sc) for m, sc in by_cluster.items() if m not in vetoed})
    best: tuple[str | None, str | None, float, dict[str, Any]] = (None, None, 0.0, {})
    for merged_id, scored in sorted(by_cluster.items(), key=lambda kv: -max(s for _, s, _ in kv[1])):
        if merged_id in vetoed:
            continue
        top = max(s for _, s, _ in scored)
        if top < THRESHOLD or top <= best[2]:
            continue
        if members is not None:
            seen = {e for e, _, _ in scored}
            rest = [(e, g) for e, _, g in members(merged_id) if e not in seen]
            n = len(scored) + len(rest)
            weak = sum(s < _MEMBER_MIN for _, s, _ in scored)
            ok = True
            for e, g in rest:
                if _places_veto(f, g):
                    ok = False
                    break
                s, ev = _compare(f, g, idf)
                if "veto" in ev or (s < _MEMBER_MIN and (weak := weak + 1) > (1 - _SUPPORT) * n):
                    ok = False  # a veto, or too few compatible members already: stop scoring
                    break
                scored.append((e, s, ev))
            if not ok:
                continue
        if sum(s >= _MEMBER_MIN for _, s, _ in scored) < _SUPPORT * len(scored):
            continue  # the best member alone would chain a new mention onto a merged event it does not fit
        event_id, s, ev = max(scored, key=lambda x: x[1])
        if _LINKAGE == "mean":
            s = sum(x[1] for x in scored) / len(scored)
        if s >= THRESHOLD and s > best[2]:
            best = (merged_id, event_id, s, ev)
    if (
        best[0] is not None
        and "date_unknown" in best[3]
        and _ambiguous(best, by_cluster, vetoed, cands, idf, members)
    ):
        return None, None, 0.0, {}
    return best


def _ambiguous(best: tuple[str | None, str | None, float, dict[str, Any]],
               by_cluster: dict[str, list[tuple[str, float, dict[str, Any]]]], vetoed: set[str], cands: list[_Cand],
               idf: dict[str, float] | None, members: Callable[[str], list[_Cand]] | None) -> bool:  # fmt: skip
    """An unknown date is never what decides between merged events: the join of a pair with an undated side is
    ambiguous when another merged event also fits (passes the threshold, or scores within _UNDATED_TIE of the best)
    and is another event than the one joined (their best members veto each other or are not compatible: a
    strike on the same base a year apart). A second merged event of the same day and place is more likely the
    same event split than another one, and is left to bridging."""
    feats = {c[0]: c[2] for c in cands}
    if best[1] not in feats and members is not None and best[0] is not None:
        feats.update({c[0]: c[2] for c in members(best[0])})
    top = feats.get(best[1] or "")
    for merged_id, scored in by_cluster.items():
        if merged_id == best[0] or merged_id in vetoed:
            continue
        event_id, s, _ = max(scored, key=lambda t: t[1])
        if s < min(THRESHOLD, best[2] - _UNDATED_TIE):
            continue
        if top is None or event_id not in feats:
            return True
        rs, rev = _compare(top, feats[event_id], idf)
        if "veto" in rev or rs < _MEMBER_MIN:
            return True
    return False


def _fits(a: list[_Feat], b: list[_Feat], idf: dict[str, float] | None) -> bool:
    """No pair of a x b vetoes, and at least _SUPPORT of the pairs are compatible (score >= _MEMBER_MIN)."""
    # pair by pair, stopping at the first veto (_compare has no effect but its result: the same answer as scoring
    # every pair first)
    ok = 0
    for x in a:
        for y in b:
            s, ev = _compare(x, y, idf)
            if "veto" in ev:
                return False
            ok += s >= _MEMBER_MIN
    return ok >= _SUPPORT * (len(a) * len(b))


def _bridge(f: _Feat, joined: str, tops: dict[str, float], idf: dict[str, float] | None,
            members: Callable[[str], list[_Cand]], exclude: set[str]) -> str | None:  # fmt: skip
    """A second merged event the new mention also fits, to be merged into the one it joined: the same real event
    split in two because its first reports had too little in common (a report that fits both bridges them).
    Conservative: both merged events small, every pair across them and with the new mention checked."""
    if len(members(joined)) > _BRIDGE_MAX:
        return None
    tried = 0
    for merged_id, top in sorted(tops.items(), key=lambda kv: -kv[1]):  # best score with each (from _choose)
        if top < THRESHOLD or tried >= 2:  # the two best others at most: the checks are quadratic
            break
        if merged_id == joined or merged_id in exclude:
            continue
        tried += 1
        other = [g for _, _, g in members(merged_id)]
        if (
            len(other) <= _BRIDGE_MAX
            and _fits([f], other, idf)
            and _fits([g for _, _, g in members(joined)], other, idf)
        ):
            return merged_id
    return None


_JOIN_SPLIT = True  # join merged events that are one event split in two (_join_split)
# words that set an act apart from one told before ("Separately, gunmen attacked a police post")
_SET_APART = frozenset({"separately", "separate", "elsewhere"})
_JOIN_ROUNDS = 3  # passes of _join_split over the merged events a run touched (a join may enable another)


def _twins(x: _Feat, y: _Feat, idf: dict[str, float] | None) -> bool:
    """Two mentions of one document in two merged events that are to be joined: one event the article tells twice
    ("Iran launched 16 missiles at US forces in Iraq" and "Eleven missiles hit Al Asad") that extraction did not
    fold. They pass when one of them names no actor (the act told again), they compare as two reports would (no
    veto, compatible), neither calls its act a repeat ("a second strike") or sets it apart ("Separately, gunmen
    attacked a police post"), and the two are placed at one place (the same or a near location, or one sentence
    names the other's): an article's two acts of one kind are told apart by where, which mentions without places
    (or with only a country) cannot show. Then the join keeps both."""
    if x.rep or y.rep or ((x.A or x.AN) and (y.A or y.AN)) or _SET_APART & (x.W | y.W):
        return False
    twin = replace(y, doc=y.doc + "\x00twin")
    comps, _ = _components(x, twin, idf)
    if not {"place_same", "place_named", "place_near"} & set(comps):
        return False
    s, ev = _compare(x, twin, idf)
    return "veto" not in ev and s >= _MEMBER_MIN


def _split_fits(
    a: list[_Feat], b: list[_Feat], idf: dict[str, float] | None
) -> tuple[float, _Feat, _Feat] | None:
    """Two merged events that are one event split in two: every pair across them of two documents is checked as a
    new mention is against a merged event's members (no veto, at least _SUPPORT of them compatible, the best pair
    of two dated mentions passing the threshold: an undated one is never what joins), and a document in both
    holds twins (_twins). The best pair (score, a side, b side),
    else None."""
    best: tuple[float, _Feat, _Feat] | None = None
    ok = n = 0
    for x in a:
        for y in b:
            if x.doc == y.doc:
                if not _twins(x, y, idf):
                    return None
                continue
            s, ev = _compare(x, y, idf)
            if "veto" in ev:
                return None
            n += 1
            ok += s >= _MEMBER_MIN
            # an unknown date never decides a join (_ambiguous): the best pair must be of two dated mentions
            if x.lo is not None and y.lo is not None and (best is None or s > best[0]):
                best = (s, x, y)
    if best is None or best[0] < THRESHOLD or ok < _SUPPORT * n:
        return None
    return best


def _join_split(db: Any, index: _Index, idf: _Idf, twins: list[list[str]], touched: set[str]) -> int:
    """Join merged events that describe one event: two merged events (each at most _BRIDGE_MAX members) of which
    every pair of members would link (_split_fits), with the same vetoes. Bridging (_bridge) needs a new mention
    that fits both; this finds the pair where no single mention did, when an article's report went one way and its
    second mention, a restatement extraction did not fold, the other ("Iran fired missiles at two bases" in three
    reports, "Eleven missiles hit Al Asad" in three others). Only merged events holding two events of one type
    of one document linked in this run are tried (`twins`: the merged ids of each such document and type), which
    keeps it cheap and conservative (two merged events without such a document were told apart by the linker's own
    choice). The later-linked member of the best pair records the join (`joined_split`). Returns the number of
    joins."""
    joins = 0
    for _ in range(_JOIN_ROUNDS):
        changed = False
        for group in twins:
            ids = sorted({index.resolve(m) for m in group})
            for a, b in ((a, b) for k, a in enumerate(ids) for b in ids[k + 1 :]):
                m, o = index.resolve(a), index.resolve(b)
                if m == o:
                    continue
                mine, theirs = index.member_list(m), index.member_list(o)
                if not mine or not theirs or len(mine) > _BRIDGE_MAX or len(theirs) > _BRIDGE_MAX:
                    continue
                fit = _split_fits([g for _, _, g in mine], [g for _, _, g in theirs], idf.values)
                if fit is None:
                    continue
                s, x, y = fit
                db.execute("UPDATE event_links SET merged_id = ? WHERE merged_id = ?", (m, o))
                later = x if x.rowid > y.rowid else y
                row = db.execute(
                    "SELECT evidence FROM event_links WHERE event_id = ?", (later.id,)
                ).fetchone()
                ev = json.loads(row[0]) if row and row[0] else {}
                ev["joined_split"] = {"merged": o, "score": round(s, 3), "pair": [x.id, y.id]}
                db.execute("UPDATE event_links SET evidence = ? WHERE event_id = ?",
                           (json.dumps(ev, ensure_ascii=False), later.id))  # fmt: skip
                index.alias[o] = m
                index.members.pop(o, None)
                index.members.pop(m, None)
                touched.add(o)
                joins += 1
                changed = True
        if not changed:
            break
    return joins


def _anchor_undated(feats: list[tuple[Event, _Feat, list[_Cand], dict[str, float]]],
                    choices: list[tuple[str | None, str | None, float, dict[str, Any]]], index: _Index, idf: _Idf,
                    undated: bool) -> None:  # fmt: skip
    """Date the other mentions of a document without any date by the days its weekdays were matched to.

    A mention that joined a merged event on a weekday its sentence names ("Wednesday's missile strikes" = the
    strike of Wednesday 8 January) dates the document: a report names a bare weekday of the week before it, so it
    was written on that day or up to six days after (every such join must agree). Its other mentions are then
    dated as a report of that window: a weekday the days of that window before it that fall on it ("On Tuesday":
    7 January), no weekday the window itself (as for a publication date). They are re-linked with that date,
    source "inferred" (loose, never counted as a date read from the text), and the join says so."""
    pubs: list[tuple[int, str]] = []
    for (_, f, cands, _), (merged_id, to_event, _, ev) in zip(feats, choices, strict=True):
        if merged_id is None or f.lo is not None or "date_weekday" not in ev:
            continue
        g = next((c[2] for c in cands if c[0] == to_event), None)
        if g is not None and g.lo is not None:
            pubs.append((g.lo, f"{ev['date_weekday']} ({to_event})"))
    if not pubs:
        return
    lo, hi = (
        max(d for d, _ in pubs),
        min(d for d, _ in pubs) + 6,
    )  # written on or after each day, within a week
    if lo > hi:
        return  # the matched days disagree: no anchor
    why = "; ".join(w for _, w in pubs)
    for k, (e, f, _, tops) in enumerate(feats):
        if f.lo is not None or choices[k][0] is not None:
            continue
        if f.wd:
            days = [d for d in range(lo - 6, hi + 1) if dt.date.fromordinal(d).isoweekday() in f.wd]
            iv = (min(days), max(days))
        elif f.fact in _PLANNED and f.type not in _VERBAL:
            iv = (lo - _LOOKAHEAD_BEFORE, hi + _LOOKAHEAD)
        else:
            iv = (lo - _LOOKBACK, hi)
        g = _Feat(**{**json.loads(f.to_json()), "lo": iv[0], "hi": iv[1], "dsrc": "inferred"})
        cands = index.candidates(g, undated)
        tops.clear()
        choice = _choose(g, cands, idf.values, index.member_list, tops=tops)
        if choice[0] is not None:
            shown = dt.date.fromordinal(iv[0]).isoformat() + (
                "" if iv[0] == iv[1] else " to " + dt.date.fromordinal(iv[1]).isoformat()
            )
            choice = (*choice[:3], {**choice[3], "date_inferred": f"{shown}, from this document's {why}"})
        feats[k] = (e, g, cands, tops)
        choices[k] = choice


_HEAD_WORDS = 12  # a headline: the document's first mention, at most this many words, no closing stop
_HEAD_END = (".", "!", "?", '"', "\u201d", "'", "\u2019", ":")


def _date_headline(feats: list[tuple[Event, _Feat, list[_Cand], dict[str, float]]],
                   choices: list[tuple[str | None, str | None, float, dict[str, Any]]], index: _Index, idf: _Idf,
                   undated: bool) -> None:  # fmt: skip
    """Date a headline by its own article: a headline ("Malabo talks resume") names no day, so it is dated by its
    report's window, wide enough to reach an earlier act of its type (last week's round of talks); the act it
    heads is its article's mention of that type whose day the text gives ("opened a second round of talks in Malabo
    on Monday"). A headline-like first mention (short, no closing stop) with no date of its own takes the day of its
    document's text-dated mentions of its type when they all give one day; it is linked again with that day
    (source "inferred", a loose date). None of its type, or several days: as it was."""
    if not feats:
        return
    first = min(e.sentence_start for e, _, _, _ in feats)
    for k, (e, f, _, tops) in enumerate(feats):
        text = (e.text or "").strip()
        if (e.sentence_start != first or f.dsrc == "text" or not text or text.endswith(_HEAD_END)
                or len(text.split()) > _HEAD_WORDS):  # fmt: skip
            continue
        days = {(g.lo, g.hi) for j, (_, g, _, _) in enumerate(feats) if j != k and g.type == f.type
                and g.dsrc == "text" and g.lo is not None and g.fact not in _PLANNED}  # fmt: skip
        if len(days) != 1:
            continue
        ((lo, hi),) = days
        g = _Feat(**{**json.loads(f.to_json()), "lo": lo, "hi": hi, "dsrc": "inferred"})
        cands = index.candidates(g, undated)
        tops.clear()
        choice = _choose(g, cands, idf.values, index.member_list, tops=tops)
        if choice[0] is not None:
            choice = (
                *choice[:3],
                {**choice[3], "date_inferred": "the day of its article's own report of its type"},
            )
        feats[k] = (e, g, cands, tops)
        choices[k] = choice


def _swap(feats: list[tuple[Event, _Feat, list[_Cand], dict[str, float]]],
          choices: list[tuple[str | None, str | None, float, dict[str, Any]]], moved: list[int],
          idf: dict[str, float], members: Callable[[str], list[_Cand]]) -> None:  # fmt: skip
    """Two mentions of one document that wanted one merged event: the one that took its next choice and another
    may fit better the other way round ("the mortar attack on the Jowhar market killed 14, and the toll from the
    Baidoa car bomb has risen to seven", the bomb's mention located at Jowhar's neighbour in the text): the two
    trade merged events when both still pass (member vetoes and support included) and their scores sum higher."""
    for k in moved:
        for j in range(len(feats)):
            mk, mj = choices[k][0], choices[j][0]
            if j == k or mk is None or mj is None or mk == mj:
                continue
            tk, tj = feats[k][3], feats[j][3]
            if tk.get(mj, -math.inf) + tj.get(mk, -math.inf) <= choices[k][2] + choices[j][2]:
                continue
            alt = []
            for i, target in ((k, mj), (j, mk)):
                _, f, cands, _ = feats[i]
                others = {c[1] for c in cands} - {target}
                alt.append(_choose(f, cands, idf, members, exclude=others))
            if alt[0][0] == mj and alt[1][0] == mk and alt[0][2] + alt[1][2] > choices[k][2] + choices[j][2]:
                choices[k], choices[j] = alt[0], alt[1]


# ---------------------------------------------------------------------- reports inside verbal acts

# A verbal act whose object is an earlier act named by a definite noun phrase ("Tanzania condemned the strike near
# Mbau", "the minister defended last week's raid", "summoned the envoy over last week's detention") reports that
# act: one event however many outlets report it, whatever verb reports it. The verbal act stays an event of its
# own (its type, its speaker); the act's merged event gets the sentence as a report (event_refs: a separate
# relation, never a merge of the verbal act with the act), counted among its sources.


def _refs(feats: list[tuple[Event, _Feat, list[_Cand], dict[str, float]]], index: _Index, idf: _Idf,
          undated: bool) -> list[tuple[str, str, str, str, float, dict[str, Any]]]:  # fmt: skip
    """The acts the verbal acts of one document report (_words.referred_acts): (verbal event id, merged event of
    the act, document, the act's type, score, evidence). The act is looked up as a mention of its own: its type
    (each type its noun names; the best), no actor nor recipient (the speaker is not the doer), no size, the
    places its sentence names from the phrase on ("Maputo condemned the raid in Chai": Chai, not Maputo), and
    the verbal act's date when the phrase holds it ("the June 8 air strike"), else up to _LOOKBACK days before
    (an act is condemned after it happened). Not when the document reports that act itself (one mention per
    article), nor for a denied or planned verbal act."""
    nouns = _event_nouns()
    out: list[tuple[str, str, str, str, float, dict[str, Any]]] = []
    for e, f, _, _ in feats:
        if e.event not in _STATEMENT or f.fact in _DENY or f.fact in _PLANNED:
            continue
        a, b = e.event_start - e.sentence_start, e.event_end - e.sentence_start
        if not 0 <= a < b <= len(e.text or ""):
            continue
        acts = referred_acts(e.text, a, b, nouns, _SAID)
        if not acts:
            continue
        noun, types, pa, pb = acts[0]
        d = e.date
        own = d is not None and d.start is not None and pa <= d.start - e.sentence_start < pb
        # the phrase and the rest of its clause ("the seizure of the tanker as an act of piracy, a charge Yaoundé
        # rejects": not Yaoundé)
        clause = e.text[pa:].split(", ")[0]
        base = {**json.loads(f.to_json()), "actors": [], "actor_names": [], "recips": [], "recip_names": [],
                "place": None, "sizes": [], "mode": None, "obj": [], "fact": "asserted", "rep": False,
                "places": [p for p in f.places if len(p) > 5 and p[5] and p[5] in clause]}  # fmt: skip
        if not own and f.lo is not None:
            base.update(lo=f.lo - _LOOKBACK, dsrc="none" if f.dsrc == "text" else f.dsrc)
        # the names the phrase and the rest of its clause give ("the strike near Mbau": Mbau), as sentence words
        names = {w.lower() for w in re.findall(r"\b[A-Z][a-z'-]+", clause[1:])} - _stop() - _CALENDAR
        # a name of the clause that is no name of the act's object is where it happened: its report must have it;
        # else the object's name or common noun ("the seizure of the tanker") will do
        # (the object's own name must not stand for the date read in the phrase: "the attack on Kasama, calling
        # the reports propaganda" is as undated as "the attack on Kasama"; its floor is the lookback one)
        objects, named = _ref_objects(e.text[pb:])
        names = (names - named) or (objects | named)
        best: tuple[str | None, str, float, dict[str, Any]] = (None, "", -math.inf, {})
        for t in sorted(types):
            g = _Feat(**{**base, "type": t, "id": f"{e.id}~{t}"})
            cands = index.candidates(g, undated)
            tops: dict[str, float] = {}
            c = _choose(g, cands, idf.values, index.member_list, tops=tops)
            if c[0] is None and names:
                floor = _REF_MIN if own or f.lo is None else _REF_MIN_LOOKBACK
                c = _definite(g, cands, tops, names, idf.values, index.member_list, floor)
            if c[0] is not None and c[2] > best[2]:
                best = (c[0], t, c[2], c[3])
        if best[0] is None:
            continue
        merged_id = index.resolve(best[0])
        if any(m[2].doc == e.doc_id for m in index.member_list(merged_id)):
            continue
        ev = {**_rounded(best[3]), "reported_as": f"{e.event} of '{e.text[pa:pb]}'"}
        # "denied that its patrol boat fired first in Saturday's clash": the report disputes the act
        if denies(e.text, pa, pb):
            ev["stance"] = "denied"
        out.append((e.id, merged_id, e.doc_id, best[1], best[2], ev))
    return out


# A sentence that reports no act of its own may still name a known act by a definite phrase: "Families who fled the
# attack on Chai are sheltering in Macomia", "corrected the toll of Monday's attack on Chai", "Fishermen in Ikang have
# stayed ashore since the seizure of the Ogoja Pride". No event carries it, so the report is keyed by its document
# and sentence span (event_refs with no event id, store migration 5), on the bar of _definite only.


# a definite phrase right after a word of time dates the act its sentence tells ("a day after the Chai killings,
# insurgents raided Mucojo", "since the seizure"): an anchor when the sentence tells an act of its own
_ANCHOR = re.compile(r"(?i)\b(?:after|before|since|following|until|till|ahead\s+of|prior\s+to)\s+$")
_NP_LINKS = frozenset({"of", "on", "against", "in", "near", "at", "off", "outside", "by", "the", "a", "an", "its",
                       "their", "his", "her"})  # fmt: skip


def _noun_phrase(after_head: str) -> str:
    """The rest of a definite phrase after its head noun: its object and places ("[ on the convoy near Mbau] was
    ...", "[ of the Ogoja Pride], their union said"): linking words, names, numbers and at most three lowercase
    words after a linking word, none a stop word; it ends at punctuation or at any other word (a verb, "as")."""
    end, lower = 0, 3
    for m in re.finditer(r"\S+", after_head):
        w = m.group()
        bare = w.rstrip(",.;:!?)\"\u201d'")
        low = bare.lower()
        if not bare:
            break
        if low in _NP_LINKS:
            lower = 3
        elif bare[:1].isupper() or bare[:1].isdigit():
            lower = 0
        elif bare.isalpha() and bare.islower() and lower > 0 and low not in _stop():
            lower -= 1
        else:
            break
        end = m.start() + len(bare)
        if bare != w:
            break
    return after_head[:end]


def _sentence_refs(store: Store, doc_id: str, feats: list[tuple[Event, _Feat, list[_Cand], dict[str, float]]],
                   done: set[int], doc_places: list[tuple[int, list[Any]]], index: _Index, idf: _Idf,
                   undated: bool) -> list[tuple[int, int, str, str, float, dict[str, Any]]]:  # fmt: skip
    """The acts the sentences of a document name with no event of theirs reporting them (_words.sentence_refs):
    (sentence start, sentence end, merged event of the act, the act's type, score, evidence). A sentence is read
    when it holds no event of a type the act's noun names (then it tells the act itself, or a new one) and no verbal act's
    report (`done`: sentence starts that have one, _refs); a phrase after a word of time ("since the abduction")
    in a sentence with an event of its own dates that event (_ANCHOR), no report. The act is looked up as _refs looks it up (its type, no
    actors, the places of the phrase's clause, the phrase's own date or the lookback window before the
    publication date), but joins only on the bar of _definite: the one merged event scoring at least _REF_MIN
    whose report shares a name of the clause or the object's noun, no member vetoing it; and not when the
    document reports that act itself."""
    row = store.db.execute("SELECT text, data, published FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None or not row[0]:
        return []
    text, published = row[0], row[2]
    sentences = json.loads(row[1] or "{}").get("sentences") or []
    nouns = _event_nouns()
    own_types: dict[
        int, set[str]
    ] = {}  # sentence start -> the types of the events it tells (or mentions again)
    for e, _, _, _ in feats:
        for at in (e.sentence_start, *(m.sentence_start for m in e.mentions or ())):
            own_types.setdefault(at, set()).add(e.event)
    pub = _interval(published[:10] if published else None)
    stop = _stop()
    timexes: list[tuple[int, str | None]] | None = None
    out: list[tuple[int, int, str, str, float, dict[str, Any]]] = []
    for start, end in sentences:
        if start in done:
            continue
        sentence = text[start:end]
        acts = sentence_refs(sentence, nouns, _SAID)
        if not acts:
            continue
        words = sorted({w for w in _WORD.findall(sentence.lower()) if w not in stop})
        for _noun, types, pa, pb in acts:
            if types & own_types.get(start, set()):
                continue  # the sentence tells an act its noun may name: the act itself, or a new one
            if _ANCHOR.search(sentence[:pa]) and own_types.get(start):
                continue  # "A day after the Chai killings, insurgents raided Mucojo": it dates the sentence's act
            # the phrase itself, its object and places ("the attack on the convoy near Mbau"), not the rest of the
            # sentence ("the attack on Chai have begun crossing the Rovuma": not Rovuma)
            clause = sentence[pa:pb] + _noun_phrase(sentence[pb:])
            names = {w.lower() for w in re.findall(r"\b[A-Z][a-z'-]+", clause[1:])} - stop - _CALENDAR
            objects, named = _ref_objects(sentence[pb:])
            names = (names - named) or (objects | named)
            if not types or not names:
                continue  # "the attack" alone names no one act
            if timexes is None:
                timexes = [(t["start"], t.get("value")) for t in (json.loads(r[0]) for r in store.db.execute(
                    "SELECT data FROM timexes WHERE doc_id = ?", (doc_id,)))]  # fmt: skip
            day = next(
                (_interval(v) for a, v in timexes if start + pa <= a < start + pb and _interval(v)), None
            )
            # (the bar is _REF_MIN even when only the lookback window dates it: no verb of report vouches for it)
            if day is not None and day[0] == day[1]:
                lo, hi, dsrc = day[0], day[1], "text"
            elif pub is not None:
                lo, hi, dsrc = pub[0] - _LOOKBACK, pub[1], "published"
            else:
                lo, hi, dsrc = None, None, "none"
            places = [p for a, p in doc_places if start <= a < end and p[5] and p[5] in clause]
            best: tuple[str | None, str, float, dict[str, Any]] = (None, "", -math.inf, {})
            for t in sorted(types):
                g = _Feat(id=f"{doc_id}@{start}~{t}", doc=doc_id, type=t, lo=lo, hi=hi, dsrc=dsrc, fact="asserted",
                          words=words, places=places)  # fmt: skip
                cands = index.candidates(g, undated)
                tops: dict[str, float] = {}
                chosen = _choose(g, cands, idf.values, index.member_list, tops=tops)
                c = _definite(g, cands, tops, names, idf.values, index.member_list, _REF_MIN)
                if c[0] is not None and chosen[0] in (None, c[0]) and c[2] > best[2]:
                    best = (c[0], t, c[2], c[3])
            if best[0] is None:
                continue
            merged_id = index.resolve(best[0])
            if any(m[2].doc == doc_id for m in index.member_list(merged_id)):
                continue
            ev = {**_rounded(best[3]), "reported_as": f"{best[1]} of '{sentence[pa:pb]}'", "sentence": True}
            if denies(sentence, pa, pb):
                ev["stance"] = "denied"
            out.append((start, end, merged_id, best[1], best[2], ev))
            break  # one report a sentence: its first definite act found
    return out


# what a definite reference's act was done to ("the seizure [of the tanker]", "the attack [on the convoy]",
# "last week's detention [of some two dozen traders]"): a common noun its act's report may say too
_REF_OBJECT = re.compile(
    r"(?i)^\s+(?:of|on|against)\s+(?:(?:the|a|an|its|their|some|two|three|four|five|six|seven|eight|nine|ten|"
    r"dozens?|\d+)\s+){0,3}((?:[\w'-]+\s+){0,3}[\w'-]+)"
)


_OBJECT_STOPS = frozenset(
    {"near", "off", "outside", "inside", "along", "across", "towards", "toward", "beyond"}
)


def _ref_objects(after_head: str) -> tuple[set[str], set[str]]:
    """What a definite reference's act was done to, named right after its head noun: its lowercase content words
    (with their singular or plural: "of the tanker": tanker, tankers) and its own name ("of the trawler Bright
    Dawn": bright, dawn; "the attack on Chai": chai). Other names of the clause ("detention of fishermen at
    Lupembe") are where it happened (_refs)."""
    m = _REF_OBJECT.match(after_head)
    if not m:
        return set(), set()
    words: set[str] = set()
    own: set[str] = set()
    for raw in m.group(1).split():
        w = raw.lower()
        if raw[:1].isupper() and w not in _CALENDAR:
            own.add(w)
            continue
        if own or w in _stop() or w in _OBJECT_STOPS or w in _CALENDAR:
            break  # the object's phrase ends ("the convoy near the border", "the ship as piracy")
        if len(w) < 3:
            continue
        if w.endswith(("men", "man")):  # fishermen, fisherman
            words |= {w, w[:-3] + ("man" if w.endswith("men") else "men")}
        else:
            words |= {w, w[:-1] if w.endswith("s") else w + "s"}
    return words, own


_CALENDAR = frozenset(d.lower() for d in (*_DAY_NAMES[1:], "January", "February", "March", "April", "May", "June",
                     "July", "August", "September", "October", "November", "December"))  # fmt: skip
_REF_MIN = 0.5  # a definite reference naming a name its act's report has joins on less evidence (_definite)
# ...and one with no date of its own, dated by its report's lookback window only: its date evidence is loose and, a
# short phrase in a statement, it has few words (few_words): nothing weighing against it is the bar
_REF_MIN_LOOKBACK = -0.5


def _definite(g: _Feat, cands: list[_Cand], tops: dict[str, float], names: set[str],
              idf: dict[str, float], members: Callable[[str], list[_Cand]],
              floor: float = _REF_MIN) -> tuple[str | None, str | None, float, dict[str, Any]]:  # fmt: skip
    """A definite reference ("the strike near Mbau", "the seizure of the tanker") presupposes one known act: its
    referent is the one merged event (scoring at least `floor`, no member vetoing it) whose report's sentence has
    a name the reference's clause gives (a place the gazetteer lacks is still a word both say) or the common noun
    of what the act was done to (_ref_objects); none when two merged events have one."""
    named = []
    for merged_id, top in tops.items():
        if top < floor:
            continue
        scored = [(_compare(g, c[2], idf), c) for c in cands if c[1] == merged_id and names & c[2].W]
        if scored:
            named.append((merged_id, max(scored, key=lambda t: t[0][0])))
    if len(named) != 1:
        return None, None, 0.0, {}
    merged_id, ((s, ev), c) = named[0]
    if s < floor or any("veto" in _compare(g, m[2], idf)[1] for m in members(merged_id)):
        return None, None, 0.0, {}
    return merged_id, c[0], s, {**ev, "definite": sorted(names & c[2].W)}


def merge_new(store: Store) -> dict[str, int]:
    """Link every not-yet-linked event in `store` into merged events; returns counts."""
    db = store.db
    # links left over from documents that were re-ingested or deleted
    with db:
        stale = db.execute(
            "SELECT DISTINCT l.merged_id FROM event_links l LEFT JOIN events e ON e.id = l.event_id"
            " WHERE e.id IS NULL"
        ).fetchall()
        db.execute("DELETE FROM event_links WHERE event_id NOT IN (SELECT id FROM events)")
        # (a report keyed by its sentence, no event id: gone with its document's events, re-ingested or deleted;
        # one read in a document with no event (_eventless_docs) only with the document itself)
        gone = (
            "event_refs WHERE event_id NOT IN (SELECT id FROM events)"
            " OR (event_id IS NULL AND doc_id NOT IN (SELECT doc_id FROM events)"
            " AND (json_extract(evidence, '$.eventless') IS NULL OR doc_id NOT IN (SELECT id FROM documents)))"
        )
        stale += db.execute(f"SELECT DISTINCT merged_id FROM {gone}").fetchall()
        db.execute(f"DELETE FROM {gone}")
    touched: set[str] = {r[0] for r in stale}
    linked = joined = bridged = 0
    _FEATS.clear()  # per run: a re-ingested document may reuse an event id with new features
    _EVENTS.clear()
    idf = _Idf(store)
    index = _Index(store, idf)
    undated = db.execute("SELECT 1 FROM event_links WHERE day IS NULL LIMIT 1").fetchone() is not None
    by_doc_type: dict[tuple[str, str], list[str]] = {}  # a document's merged events of one type (_join_split)
    with db:
        for doc_events in _by_document(_new_events(store)):
            doc_id = doc_events[0][0].doc_id
            doc_places = _doc_places(store, doc_id)
            topics = _topic_places(store, doc_id)
            weekdays: list[tuple[int, int]] | None = None
            feats, choices = [], []
            for e, published, _outlet in doc_events:
                # a capital that is itself a party's words ("Kinshasa and Kigali held talks") stands for its
                # government: no place the sentence names
                govs = {a.start for a in (*e.actor, *e.recipient) if a.sector == "GOV"}
                # and a place in the topic of talks ("talks on the withdrawal of troops from X") is not where they are
                skip = govs | (topics if e.event in _TALKED else set())
                in_sentence = [
                    p
                    for start, p in doc_places
                    if e.sentence_start <= start < e.sentence_end
                    and start not in skip
                    and not _aftermath(e, start, start + len(p[5] or ""))
                ]
                f = _features(e, published, in_sentence)
                if f.lo is None:  # no date at all: the weekdays its sentence names are all its text says
                    if weekdays is None:
                        weekdays = _doc_weekdays(store, doc_id)
                    f.wd = _undated_weekdays(e, weekdays)
                idf.load_feats([f])
                cands = index.candidates(f, undated)
                tops: dict[str, float] = {}
                feats.append((e, f, cands, tops))
                choices.append(_choose(f, cands, idf.values, index.member_list, tops=tops))
            _date_headline(feats, choices, index, idf, undated)
            if any(f.lo is None for _, f, _, _ in feats):
                _anchor_undated(feats, choices, index, idf, undated)
            undated = undated or any(f.lo is None for _, f, _, _ in feats)
            # one mention of a document per merged event: when two want the same one, the better fit takes it
            # and the other takes its next choice (first come, first served let a passing remark ("would not
            # withdraw") take the place of the report of the event itself)
            taken: set[str] = set()
            moved = []
            for k in sorted(range(len(feats)), key=lambda k: -choices[k][2]):
                if choices[k][0] is not None and choices[k][0] in taken:
                    _, f, cands, _ = feats[k]
                    choices[k] = _choose(f, cands, idf.values, index.member_list, exclude=taken)
                    moved.append(k)
                if choices[k][0] is not None:
                    taken.add(choices[k][0])  # type: ignore[arg-type]
            if moved:
                _swap(feats, choices, moved, idf.values, index.member_list)
            for (e, f, _, tops), (merged_id, to_event, score, ev) in zip(feats, choices, strict=True):
                if merged_id is None:
                    merged_id = "m" + stable_id("merged", e.id)
                    ev = {}
                else:
                    joined += 1
                    ev = {**_rounded(ev), "joined_to": to_event}
                    other = _bridge(f, merged_id, tops, idf.values, index.member_list, taken)
                    if other is not None:
                        db.execute(
                            "UPDATE event_links SET merged_id = ? WHERE merged_id = ?", (merged_id, other)
                        )
                        index.alias[other] = merged_id
                        index.members.pop(other, None)
                        index.members.pop(merged_id, None)
                        touched.add(other)
                        ev["bridged"] = other
                        bridged += 1
                coarse = int(f.lo is not None and (f.hi or f.lo) - f.lo > _COARSE and f.dsrc != "inferred")
                cur = db.execute(
                    "INSERT OR REPLACE INTO event_links(event_id, merged_id, doc_id, event, day, day_hi, coarse,"
                    " keys, score, evidence, feat) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (e.id, merged_id, e.doc_id, e.event, f.lo, f.hi, coarse, _bars(f.countries()),
                     score if ev else None, json.dumps(ev, ensure_ascii=False), f.to_json()),
                )  # fmt: skip
                f.rowid = cur.lastrowid or 0
                _FEATS[e.id] = f
                index.add((e.id, merged_id, f), coarse)
                touched.add(merged_id)
                linked += 1
                by_doc_type.setdefault((e.doc_id, e.event), []).append(merged_id)
            # a document linked again (re-ingested): its reports are read afresh, their merged events rebuilt
            touched.update(
                r[0] for r in db.execute("SELECT merged_id FROM event_refs WHERE doc_id = ?", (doc_id,))
            )
            db.execute("DELETE FROM event_refs WHERE doc_id = ?", (doc_id,))
            done: set[int] = set()
            for ref in _refs(feats, index, idf, undated):
                e = next(x for x, _, _, _ in feats if x.id == ref[0])
                db.execute(
                    "INSERT OR REPLACE INTO event_refs(event_id, merged_id, doc_id, event, score, evidence,"
                    " sentence_start, sentence_end) VALUES (?,?,?,?,?,?,?,?)",
                    (*ref[:5], json.dumps(ref[5], ensure_ascii=False), e.sentence_start, e.sentence_end),
                )
                touched.add(ref[1])
                done.add(e.sentence_start)
            for a, b, merged_id, typ, score, ev in _sentence_refs(store, doc_id, feats, done, doc_places, index,
                                                                  idf, undated):  # fmt: skip
                db.execute(
                    "INSERT INTO event_refs(event_id, merged_id, doc_id, event, score, evidence, sentence_start,"
                    " sentence_end) VALUES (NULL,?,?,?,?,?,?,?)",
                    (merged_id, doc_id, typ, score, json.dumps(ev, ensure_ascii=False), a, b),
                )
                touched.add(merged_id)
        # the new documents with no event at all: their sentences may still name known acts
        for doc_id in _eventless_docs(store):
            touched.update(
                r[0] for r in db.execute("SELECT merged_id FROM event_refs WHERE doc_id = ?", (doc_id,))
            )
            db.execute("DELETE FROM event_refs WHERE doc_id = ?", (doc_id,))
            for a, b, merged_id, typ, score, ev in _sentence_refs(store, doc_id, [], set(), _doc_places(store, doc_id),
                                                                  index, idf, undated):  # fmt: skip
                db.execute(
                    "INSERT INTO event_refs(event_id, merged_id, doc_id, event, score, evidence, sentence_start,"
                    " sentence_end) VALUES (NULL,?,?,?,?,?,?,?)",
                    (merged_id, doc_id, typ, score, json.dumps({**ev, "eventless": True}), a, b),
                )
                touched.add(merged_id)
        twins = [ms for ms in by_doc_type.values() if len(ms) > 1]
        split = _join_split(db, index, idf, twins, touched) if _JOIN_SPLIT and twins else 0
        for old, new in list(index.alias.items()):  # reports of merged events joined into others
            db.execute("UPDATE event_refs SET merged_id = ? WHERE merged_id = ?", (index.resolve(new), old))
        for merged_id in sorted(touched):  # sorted: the rows come out in one order whatever the hash seed
            _rebuild(store, merged_id)
    _EVENTS.clear()
    return {"linked": linked, "joined": joined, "bridged": bridged, "split_joined": split,
            "merged_events_touched": len(touched)}  # fmt: skip


# ---------------------------------------------------------------------- merged-event records


def _size_text(lo: float | None, hi: float | None, unit: str | None) -> str:
    def n(x: float) -> str:
        return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"

    if lo is None and hi is None:
        return ""
    if lo is None:
        core = f"up to {n(hi)}"  # type: ignore[arg-type]
    elif hi is None:
        core = f"{n(lo)}+"
    elif lo == hi:
        core = n(lo)
    else:
        core = f"{n(lo)}–{n(hi)}"
    return f"{core} {unit}" if unit else core


# how a single hedged figure reads ("about 2,000", "more than 250"); a range or an exact figure needs no word
_HEDGE_WORDS = {"about": "about", "more-than": "more than", "at-least": "at least", "up-to": "up to",
                "fewer-than": "fewer than"}  # fmt: skip


def _hedged(s: Size, unit: str | None) -> str:
    """One report's figure with its hedge kept: "about 2,000 troops", "up to 1,500 troops"."""
    word = _HEDGE_WORDS.get(s.qualifier or "") or ("about" if s.approx else "")
    if word and (s.min is None) != (s.max is None) or (word and s.min == s.max):
        n = s.min if s.min is not None else s.max
        core = _size_text(n, n, None)
        return f"{word} {core} {unit}" if unit else f"{word} {core}"
    return _size_text(s.min, s.max, unit)


def _spread_text(lo: float, hi: float, label: str | None, sizes: list[Size]) -> str:
    """The spread of the reports' figures; one figure every report hedges alike keeps the hedge ("about 2,000
    troops", not "2,000 troops")."""
    if lo == hi and sizes:
        forms = {_hedged(s, label) for s in sizes}
        if len(forms) == 1:
            return forms.pop()
        if all(s.approx or s.qualifier == "about" for s in sizes):
            return f"about {_size_text(lo, hi, label)}"
    return _size_text(lo, hi, label)


def _rebuild(store: Store, merged_id: str) -> None:
    db = store.db
    rows = db.execute(
        "SELECT l.event_id, l.score, l.evidence, e.data, d.outlet, d.published, d.title FROM event_links l"
        " JOIN events e ON e.id = l.event_id JOIN documents d ON d.id = l.doc_id WHERE l.merged_id = ?"
        " ORDER BY d.published IS NULL, d.published, l.rowid",
        (merged_id,),
    ).fetchall()
    if not rows:
        db.execute("DELETE FROM merged_events WHERE id = ?", (merged_id,))
        return
    mentions: list[dict[str, Any]] = []
    events: list[Event] = []
    for r in rows:
        e = _EVENTS.get(r["event_id"]) or Event.from_dict(json.loads(r["data"]))
        events.append(e)
        mentions.append({
            "event_id": e.id, "event": e.event, "doc_id": e.doc_id, "outlet": r["outlet"], "published": r["published"],
            "title": r["title"], "factuality": e.factuality, "date": e.date.value if e.date else None,
            "date_source": e.date.source if e.date else None, "date_text": e.date.text if e.date else None,
            "sizes": [s.text for s in e.size], "text": e.text, "event_text": e.event_text,
            "sentence_start": e.sentence_start, "sentence_end": e.sentence_end,
            "event_start": e.event_start, "event_end": e.event_end,
            "score": r["score"], "evidence": json.loads(r["evidence"] or "{}"),
        })  # fmt: skip
    rec = _summarise(merged_id, events, mentions)
    # reports inside verbal acts (their event) and in sentences no event carries (event id NULL: the sentence span)
    reports = db.execute(
        "SELECT r.event_id, r.evidence, e.data, d.outlet, d.published, r.doc_id, r.event AS act,"
        " r.sentence_start, r.sentence_end, CASE WHEN r.event_id IS NULL THEN substr(d.text, r.sentence_start + 1,"
        " r.sentence_end - r.sentence_start) END AS sentence FROM event_refs r LEFT JOIN events e ON e.id = r.event_id"
        " JOIN documents d ON d.id = r.doc_id WHERE r.merged_id = ? AND (e.id IS NOT NULL OR r.event_id IS NULL)"
        " ORDER BY d.published, r.rowid",
        (merged_id,),
    ).fetchall()
    if reports:
        rec["reports"] = []
        for r in reports:
            if r["event_id"] is None:
                rec["reports"].append({
                    "event_id": None, "event": None, "reported_act": r["act"], "doc_id": r["doc_id"],
                    "outlet": r["outlet"], "published": r["published"], "text": r["sentence"],
                    "sentence_start": r["sentence_start"], "sentence_end": r["sentence_end"],
                    "evidence": json.loads(r["evidence"] or "{}"),
                })  # fmt: skip
                continue
            e = _EVENTS.get(r["event_id"]) or Event.from_dict(json.loads(r["data"]))
            rec["reports"].append({
                "event_id": e.id, "event": e.event, "doc_id": e.doc_id, "outlet": r["outlet"],
                "published": r["published"], "text": e.text, "sentence_start": e.sentence_start,
                "sentence_end": e.sentence_end, "evidence": json.loads(r["evidence"] or "{}"),
            })  # fmt: skip
        rec["outlets"] = sorted(set(rec["outlets"]) | {m["outlet"] or m["doc_id"] for m in rec["reports"]})
        rec["sources"] = len(rec["outlets"])
        _denied_by_reports(rec)
    db.execute(
        "INSERT OR REPLACE INTO merged_events(id, event, date, first_reported, countries, location, mentions,"
        " sources, disputed, story_id, data) VALUES (?,?,?,?,?,?,?,?,?,"
        " (SELECT story_id FROM merged_events WHERE id = ?), ?)",
        (merged_id, rec["event"], rec["date"], rec["first_reported"], "|" + "|".join(rec["countries"]) + "|",
         rec["location"], len(mentions), rec["sources"], int(rec["disputed"]), merged_id,
         json.dumps(rec, ensure_ascii=False)),
    )  # fmt: skip


def _denied_by_reports(rec: dict[str, Any]) -> None:
    """A report that denies the act ("denied that its patrol boat fired first in Saturday's clash": evidence stance
    "denied", _words.denies) disputes a merged event some mention asserts, as a denying mention does: the denial
    goes side by side with the mentions in the factuality conflict. Condemning or defending it disputes nothing."""
    denials = [r for r in rec.get("reports", []) if r["evidence"].get("stance") == "denied"]
    facts = set(rec["factuality"])
    if not denials or not facts - _DENY - _PLANNED:
        return
    side = [{"event_id": r["event_id"], "outlet": r["outlet"], "value": "denied", "text": r["text"], "report": True}
            for r in denials]  # fmt: skip
    conflict = next((c for c in rec["conflicts"] if c["kind"] == "factuality"), None)
    if conflict is None:
        conflict = {"kind": "factuality", "mentions": [
            {"event_id": m["event_id"], "outlet": m["outlet"], "value": m["factuality"], "text": m["text"]}
            for m in rec["mentions"]]}  # fmt: skip
        rec["conflicts"].append(conflict)
    conflict["mentions"].extend(side)
    rec["disputed"] = True


def _summarise(merged_id: str, events: list[Event], mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """The merged event as a JSON-shaped dict: consensus fields, spreads, sources and conflicts."""
    first = mentions[0]
    dated = [e.date.value for e in events if e.date and e.date.source == "text" and e.date.value]
    dates = Counter(d[:10] for d in dated) or Counter(
        e.date.value[:10] for e in events if e.date and e.date.value
    )
    date = max(sorted(dates), key=lambda d: dates[d]) if dates else None
    outlets = {m["outlet"] or m["doc_id"] for m in mentions}
    actors = Counter(a.name or a.country or a.text for e in events for a in e.actor if a.name or a.country)
    recips = Counter(
        a.name or a.country or a.text for e in events for a in e.recipient if a.name or a.country
    )
    countries = sorted({a.country for e in events for a in e.actor + e.recipient if a.country}
                       | {e.location.country for e in events if e.location and e.location.country})  # fmt: skip
    places = Counter(e.location.name or e.location.text for e in events if e.location)
    modes = Counter(e.mode for e in events if e.mode)
    # size spread per unit; casualty and arrest tallies per kind ("four marines wounded" and "seven people
    # wounded" are one toll), every mention's size counted (a plan's too)
    units: dict[tuple[str | None, str | None], list[tuple[float | None, float | None, int]]] = {}
    hedges: dict[tuple[str | None, str | None], list[Size]] = {}  # the sizes themselves, in the same order
    earlier: set[int] = set()  # ids of figures their own sentence gives as an earlier count ("up from two")
    for i, e in enumerate(events):
        figures = _figures(e) if e.event not in _SIZELESS else []
        for s, key, before in figures:
            units.setdefault(key, []).append((s.min, s.max, i))
            hedges.setdefault(key, []).append(s)
            if before:
                earlier.add(id(s))
    _fold_kindless(units, hedges)
    spreads = []
    conflicts: list[dict[str, Any]] = []
    for (unit, kind), vals in units.items():
        los = [v[0] if v[0] is not None else v[1] for v in vals]
        his = [v[1] if v[1] is not None else v[0] for v in vals]
        lo, hi = min(x for x in los if x is not None), max(x for x in his if x is not None)
        srcs = len({mentions[v[2]]["outlet"] or mentions[v[2]]["doc_id"] for v in vals})
        label = f"{unit} {_KIND_WORDS.get(kind, kind)}" if kind else unit
        spread: dict[str, Any] = {"unit": unit, "kind": kind, "min": lo, "max": hi, "sources": srcs,
                                  "text": f"{_spread_text(lo, hi, label, hedges[(unit, kind)])}, "
                                          f"{srcs} source{'s' if srcs != 1 else ''}"}  # fmt: skip
        # a plan's size beside the act's is no disagreement, nor is a toll raised by a later report (a revision)
        acts = [v for v in vals if mentions[v[2]]["factuality"] not in _PLANNED]
        series = _revision(acts, [h for v, h in zip(vals, hedges[(unit, kind)], strict=True)
                                  if mentions[v[2]]["factuality"] not in _PLANNED], kind, mentions, earlier)  # fmt: skip
        if series:
            # one figure revised as later reports came in: the latest report's figure stands, the earlier ones are
            # kept beside it (spread still from the least to the most)
            latest = series[-1]
            spread.update({"revised": True, "latest": latest["value"], "revisions": series,
                           "text": f"{_hedged(latest['size'], label)} (revised: "
                                   f"{' → '.join(_hedged(r['size'], None) for r in series)}), "
                                   f"{srcs} source{'s' if srcs != 1 else ''}"})  # fmt: skip
            for r in series:
                del r["size"]
        spreads.append(spread)
        pairs = (
            []
            if series
            else [(a, b) for a in acts for b in acts if a[2] < b[2] and not _revised(a, b, kind, mentions)]
        )
        if any(_size_ratio([a[0], a[1], unit], [b[0], b[1], unit]) > _SIZE_DISPUTE for a, b in pairs):
            conflicts.append({"kind": "size", "unit": unit, "mentions": [
                {"event_id": mentions[v[2]]["event_id"], "outlet": mentions[v[2]]["outlet"],
                 "value": _hedged(h, unit), "text": mentions[v[2]]["text"]}
                for v, h in zip(vals, hedges[(unit, kind)], strict=True)]})  # fmt: skip
    facts = {m["factuality"] for m in mentions}
    if facts & _DENY and facts - _DENY - _PLANNED:
        conflicts.append({"kind": "factuality", "mentions": [
            {"event_id": m["event_id"], "outlet": m["outlet"], "value": m["factuality"], "text": m["text"]}
            for m in mentions]})  # fmt: skip
    text_days = {}
    for m in mentions:
        iv = _interval(m["date"]) if m["date_source"] == "text" else None
        # a plan's day is when it was meant to happen: no disagreement about when the act happened
        if iv and iv[0] == iv[1] and m["factuality"] not in _PLANNED:
            text_days[m["event_id"]] = iv[0]
    if text_days and max(text_days.values()) - min(text_days.values()) >= 1:
        conflicts.append({"kind": "date", "mentions": [
            {"event_id": m["event_id"], "outlet": m["outlet"], "value": m["date"], "text": m["text"]}
            for m in mentions if m["event_id"] in text_days]})  # fmt: skip
    return {
        "id": merged_id,
        "event": events[0].event,
        # one agreement reported as agreed and as signed (_one_agreement): every type its mentions carry
        "event_types": sorted({e.event for e in events}),
        "mode": modes.most_common(1)[0][0] if modes else None,
        "date": date,
        "first_reported": first["published"],
        "first_doc": first["doc_id"],
        "actors": [a for a, _ in actors.most_common()],
        "recipients": [a for a, _ in recips.most_common()],
        "countries": countries,
        "location": places.most_common(1)[0][0] if places else None,
        "sizes": spreads,
        "sources": len(outlets),
        "outlets": sorted(outlets),
        "documents": len({m["doc_id"] for m in mentions}),
        "factuality": sorted(facts),
        "disputed": bool(conflicts),
        "conflicts": conflicts,
        "summary": _headline(events, mentions),
        "mentions": mentions,
    }


# a figure its own sentence gives as a part of the count it follows ("seven aid workers, five of them Canadians"),
# not a report of the event's size
_SUBSET = re.compile(r"(?i)^(?:\S+\s+){1,2}of\s+(?:them|whom|those)\b")
# a figure its own sentence gives as an earlier count of the tally it revises ("raising its earlier toll of two",
# "up from four", "revised the toll from 12"): the earlier value of that tally
_EARLIER = re.compile(
    r"(?i)(?:\b(?:earlier|previous|initial|first|original|preliminary)\s+(?:death\s+|casualty\s+)?"
    r"(?:toll|count|figure|tally|estimate)\s+(?:of\s+)?|\bup\s+from\s+(?:an?\s+(?:earlier|initial)\s+)?|"
    r"\b(?:revised|raised|raising|increased|increasing|lifted)\s+(?:\w+\s+){0,4}?from\s+)$"
)
_PERSONS = frozenset({"people", "troops", "police", None})  # units of a count of people: a toll may be in any


def _figures(e: Event) -> list[tuple[Size, tuple[str | None, str | None], bool]]:
    """The sizes of one report with the spread they count in: a casualty or arrest tally by its kind, else by its
    unit; a part of another figure ("five of them Canadians") left out; a figure given as the earlier count of the
    report's own tally ("raising its earlier toll of two") counted in that tally, flagged (third item) as earlier."""
    out: list[tuple[Size, tuple[str | None, str | None], bool]] = []
    sized = [s for s in e.size if s.min is not None or s.max is not None]
    tallies = {s.kind for s in sized if s.kind in _TALLY_KINDS}
    for s in sized:
        rel = s.start - e.sentence_start
        before = e.text[max(0, rel - 60) : rel] if 0 <= rel <= len(e.text) else ""
        if len(sized) > 1 and _SUBSET.match(s.text or ""):
            continue
        others = tallies - {s.kind}
        target = next(iter(others)) if len(others) == 1 else s.kind if not others else None
        if target in _TALLY_KINDS and s.unit in _PERSONS and _EARLIER.search(before):
            out.append((s, ("people", target), True))
            continue
        out.append((s, ("people", s.kind) if s.kind in _TALLY_KINDS else (s.unit, None), False))
    return out


def _fold_kindless(units: dict[tuple[str | None, str | None], list[tuple[float | None, float | None, int]]],
                   hedges: dict[tuple[str | None, str | None], list[Size]]) -> None:  # fmt: skip
    """A count of people no kind was read for ("Five crew members ... were injured" read without its verb) joins the
    event's one tally of people (the wounded) when its report gives no figure of that tally and it is within the
    veto factor of the tally's figures: one figure of one event, not another kind of count. Not when the event
    has tallies of two kinds (which one would it be?) or the count is far off (a crowd, the attackers)."""
    kinds = [k for k in units if k[0] == "people" and k[1] in _TALLY_KINDS]
    if len(kinds) != 1:
        return
    tally = kinds[0]
    reporting = {v[2] for v in units[tally]}
    figures = [x for v in units[tally] for x in (v[0], v[1]) if x is not None]
    for key in [k for k in units if k[1] is None and k[0] in _PERSONS]:
        keep_v, keep_h = [], []
        for v, h in zip(units[key], hedges[key], strict=True):
            n = v[0] if v[0] is not None else v[1]
            near = (
                n is not None and n > 0 and all(max(n, f) / min(n, f) <= _SIZE_VETO for f in figures if f > 0)
            )
            if v[2] not in reporting and near and h.unit in _PERSONS:
                units[tally].append(v)
                hedges[tally].append(h)
            else:
                keep_v.append(v)
                keep_h.append(h)
        if keep_v:
            units[key], hedges[key] = keep_v, keep_h
        else:
            del units[key], hedges[key]


# a report that says its figure corrects an earlier one ("corrected the toll ... to nine, not eleven as first
# reported", "revised the death toll down to four", "correcting an earlier figure"): a lower count is no disagreement
_CORRECTED = re.compile(
    r"(?i)\b(?:correct(?:ed|ing|s)?|revis(?:ed|ing)\s+(?:\w+\s+){0,6}?down(?:wards?)?|lower(?:ed|ing)|"
    r"not\s+\S+\s+as\s+(?:first|initially|earlier|previously)\s+(?:reported|announced|said|stated))\b"
)


def _floor_holds(s: Size, n: float | None) -> bool:
    """A figure that is a floor ("at least 11", "more than 250": no maximum) holds the other count of its day (12)."""
    return s.max is None and s.min is not None and n is not None and n >= s.min


def _revision(acts: list[tuple[float | None, float | None, int]], sizes: list[Size], kind: str | None,
              mentions: list[dict[str, Any]], earlier: set[int]) -> list[dict[str, Any]]:  # fmt: skip
    """A casualty toll (the dead, the wounded) whose reports, in publication order (a figure its sentence calls the
    earlier count first), never fall (but where a later report says it corrects the figure: _CORRECTED) and change
    at least once: the figures in that order, one per step, with the report that first gave each (empty when it is
    no revision: one figure, or two counts that disagree; two counts of one day agree when one is a floor that holds
    the other, "at least 11" and "about a dozen")."""
    if kind not in _TOLL_KINDS or len(acts) < 2:
        return []
    steps = []
    for v, s in zip(acts, sizes, strict=True):
        m = mentions[v[2]]
        lo = v[0] if v[0] is not None else v[1]
        hi = v[1] if v[1] is not None else v[0]
        steps.append(((m["published"] or "")[:10], id(s) not in earlier, lo, hi, s, m))
    if any(not st[0] for st in steps):
        return []
    steps.sort(key=lambda st: (st[0], st[1]))
    for k, (a, b) in enumerate(zip(steps, steps[1:], strict=False)):
        if (a[0], a[1]) == (b[0], b[1]):
            if (a[2], a[3]) != (b[2], b[3]) and not (_floor_holds(a[4], b[2]) or _floor_holds(b[4], a[2])):
                return []  # two counts of one day that differ: a disagreement
        elif b[2] is None or a[3] is None or b[2] < a[3]:
            # a later count below an earlier one disagrees, unless its report says it corrects the figure, or a
            # later report corrects the figure to that count ("two of my men went down", then "two, not three as
            # first reported": the correction settles the earlier lower count)
            if not _CORRECTED.search(b[5]["text"] or "") and not any(
                (c[2], c[3]) == (b[2], b[3]) and c[0] > b[0] and _CORRECTED.search(c[5]["text"] or "")
                for c in steps[k + 2 :]
            ):
                return []
    out: list[dict[str, Any]] = []
    for day, _, lo, hi, s, m in steps:
        value = lo if lo == hi else [lo, hi]
        if out and out[-1]["value"] == value:
            continue
        out.append({"value": value, "published": day, "outlet": m["outlet"], "event_id": m["event_id"],
                    "earlier_in_text": id(s) in earlier, "size": s})  # fmt: skip
    return out if len(out) > 1 else []


def _revised(a: tuple[float | None, float | None, int], b: tuple[float | None, float | None, int],
             kind: str | None, mentions: list[dict[str, Any]]) -> bool:  # fmt: skip
    """Two counts of a toll (the dead, the wounded) where the report published later gives the higher count: the
    toll was revised as it rose, not disputed (a lower later count, or two counts of one day, still disagree)."""
    if kind not in _TOLL_KINDS:
        return False
    pa, pb = mentions[a[2]]["published"] or "", mentions[b[2]]["published"] or ""
    if not pa or not pb or pa[:10] == pb[:10]:
        return False
    (_, _, early_hi), (_, late_lo, _) = sorted(
        [(pa[:10], a[0] if a[0] is not None else a[1], a[1] if a[1] is not None else a[0]),
         (pb[:10], b[0] if b[0] is not None else b[1], b[1] if b[1] is not None else b[0])]
    )  # fmt: skip
    return early_hi is not None and late_lo is not None and late_lo >= early_hi


def _headline(events: list[Event], mentions: list[dict[str, Any]]) -> str:
    """The sentence of the earliest asserted mention (verbatim) to stand for the merged event."""
    for e in events:
        if e.factuality == "asserted":
            return e.text
    return events[0].text
