"""Dateline's data model: every record the pipeline produces, in one place.

All offsets (`start`, `end`) are character offsets into `Document.text`, the
stored clean text, so every field can be traced back to the words that say it.
Records are plain dataclasses; `to_dict()` / `from_dict()` give the JSON shape
used by the store, the exporters and the API.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

T = TypeVar("T", bound="Record")


class Record:
    """Mixin: JSON round-trip for nested dataclasses."""

    # field name -> record class (or [record class] for lists) for nested records
    _nested: ClassVar[dict[str, Any]] = {}

    def to_dict(self, skip: Collection[str] = ()) -> dict[str, Any]:
        """The record as plain JSON-able values, fields in declaration order (those named in `skip` left out):
        what `dataclasses.asdict` gives, without its deep copy of every string and number (the store writes
        every record of every document through here: speed)."""
        names = _FIELD_NAMES.get(type(self))
        if names is None:
            names = _FIELD_NAMES[type(self)] = tuple(f.name for f in dataclasses.fields(self))  # type: ignore[arg-type]
        return {n: _plain(getattr(self, n)) for n in names if n not in skip}

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in names:
                continue
            kind = cls._nested.get(key)
            if kind is not None and value is not None:
                if isinstance(kind, list):
                    value = [kind[0].from_dict(v) if isinstance(v, dict) else v for v in value]
                elif isinstance(value, dict):
                    value = kind.from_dict(value)
            kwargs[key] = value
        return cls(**kwargs)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_ATOMS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    """A field value as `dataclasses.asdict` converts it: records and dataclasses to dicts, lists, tuples and dicts
    rebuilt with their items converted; immutable atoms as they are, anything else deep-copied."""
    if isinstance(value, _ATOMS):
        return value
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        items = [_plain(v) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return copy.deepcopy(value)


def stable_id(*parts: object, length: int = 16) -> str:
    """A deterministic id from its parts (same input, same id)."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


# --------------------------------------------------------------------------- text units


@dataclass
class Sentence(Record):
    start: int
    end: int


@dataclass
class Entity(Record):
    """A named-entity mention (spaCy label: PERSON, ORG, GPE, LOC, NORP, DATE, CARDINAL...)."""

    text: str
    label: str
    start: int
    end: int
    sentence: int = -1  # index into Document.sentences


@dataclass
class Removed(Record):
    """A piece of the input that cleaning threw away, and why."""

    text: str
    kind: str  # boilerplate kind: comment-form, donation, read-more, caption, share, repeated-standfirst, metadata...
    line: int = -1  # line number in the input text (0-based), -1 when unknown


# --------------------------------------------------------------------------- extractor outputs


@dataclass
class Timex(Record):
    """A time expression, TIMEX3-style: type DATE|TIME|DURATION|SET, value like 2014-06-16, P2W, PAST_REF."""

    text: str
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None  # TIMEX3 mod: APPROX, BEFORE, AFTER, START, END, MID...
    anchor: str | None = None  # ISO date the value was resolved against
    anchor_source: str | None = None  # published | text | none
    begin: str | None = None  # ISO start of the interval the value denotes, when it is one
    finish: str | None = None  # ISO end (inclusive) of that interval


@dataclass
class Place(Record):
    """A toponym and where it is."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None  # ISO 3166 alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # country|admin|city|site|water|region
    precision_km: float | None = None
    geonames_id: int | None = None
    source: str | None = None  # which gazetteer resolved it


@dataclass
class Actor(Record):
    """An actor or recipient of an event, or a speaker, resolved to a canonical name and codes."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None  # ISO alpha-3 or PLOVER group code (IGO, IMG, NGO, ...)
    sector: str | None = None  # PLOVER sector code (GOV, MIL, LEG, REB, SPY, ...)
    kind: str | None = None  # person|organisation|country|described|pronoun


@dataclass
class Size(Record):
    """A number attached to an event, with its hedge kept: "more than 250 soldiers" -> min 250."""

    text: str
    start: int
    end: int
    min: float | None = None
    max: float | None = None
    approx: bool = False
    qualifier: str | None = None  # exact|more-than|at-least|up-to|fewer-than|about|range|vague
    unit: str | None = None  # troops|people|weapons|ships|aircraft|vehicles|money|...
    kind: str | None = None  # dead|injured|arrested|deployed|... (violence counts)


@dataclass
class EventDate(Record):
    value: str | None  # ISO date (or TIMEX value) of the event
    text: str | None = None
    start: int | None = None
    end: int | None = None
    source: str = "published"  # text | published | none


@dataclass
class Mention(Record):
    """One place in a document where an event (or merged event) is reported."""

    doc_id: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    event_text: str | None = None


@dataclass
class Quote(Record):
    """Who said what: a direct or reported quotation with its speaker."""

    id: str
    doc_id: str
    content: str
    start: int  # content span
    end: int
    direct: bool
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: str | None = None  # canonical name, or described source ("a senior defence source")
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_kind: str | None = None  # person|organisation|described|pronoun|unknown
    affiliation: str | None = None  # for described sources: GBR, "Ministry of Defence"...
    medium: str | None = None
    medium_start: int | None = None
    medium_end: int | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    date: str | None = (
        None  # when it was said: ISO date from the reporting clause ("said on Monday"), else published
    )
    date_text: str | None = None
    date_source: str | None = None  # text | published

    _nested: ClassVar[dict[str, Any]] = {}


@dataclass
class Event(Record):
    """A PLOVER 2.0 event as one article reports it."""

    id: str
    doc_id: str
    event: str  # one of PLOVER_EVENTS
    mode: str | None
    cameo: str | None
    actor: list[Actor]
    recipient: list[Actor]
    text: str  # the sentence
    sentence_start: int
    sentence_end: int
    event_text: str
    event_start: int
    event_end: int
    factuality: str = "asserted"  # asserted|negated|future|hypothetical|denied|alleged|historical
    location: Place | None = None
    date: EventDate | None = None
    size: list[Size] = field(default_factory=list)
    source: Actor | None = None  # who reports it ("US officials told reporters")
    mentions: list[Mention] = field(default_factory=list)
    confidence: float | None = None

    _nested: ClassVar[dict[str, Any]] = {
        "actor": [Actor],
        "recipient": [Actor],
        "location": Place,
        "date": EventDate,
        "size": [Size],
        "source": Actor,
        "mentions": [Mention],
    }


PLOVER_EVENTS = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

FACTUALITY = ("asserted", "negated", "future", "hypothetical", "denied", "alleged", "historical")


# --------------------------------------------------------------------------- the document


@dataclass
class Document(Record):
    """One article and everything Dateline knows about it.

    `meta_sources` says where each metadata value came from: html-metadata, text,
    given (jsonl/warc/rss/url fields), inferred, path.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    path: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO 8601 date
    published_source: str | None = None
    published_confidence: float | None = None
    published_evidence: list[str] = field(default_factory=list)
    language: str | None = None
    input_kind: str | None = None  # txt|html|jsonl|warc|rss|url|stdin
    meta_sources: dict[str, str] = field(default_factory=dict)
    removed: list[Removed] = field(default_factory=list)
    duplicate_of: str | None = None
    similarity: float | None = None  # Jaccard to duplicate_of
    content_hash: str | None = None
    status: str = "new"  # new|processed|near-duplicate|failed
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    _nested: ClassVar[dict[str, Any]] = {
        "removed": [Removed],
        "sentences": [Sentence],
        "entities": [Entity],
        "timexes": [Timex],
        "places": [Place],
        "quotes": [Quote],
        "events": [Event],
    }

    def __post_init__(self) -> None:
        # the spaCy Doc while the pipeline runs; never stored
        self.spacy: Any = None

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing character `offset` (-1 if none)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1


@dataclass
class RawArticle(Record):
    """One article as a reader found it, before cleaning.

    Exactly one of `html` / `text` is set. `given` holds metadata the input
    itself supplied (jsonl fields, WARC headers, RSS item fields): url, title,
    outlet, byline, published.
    """

    source: str  # path, URL, "path#line", "file.warc.gz#record", "-" for stdin
    kind: str  # txt|html|jsonl|warc|rss|url|stdin
    html: str | None = None
    text: str | None = None
    given: dict[str, Any] = field(default_factory=dict)


@dataclass
class Failure(Record):
    """An input that could not be ingested, with a clear reason."""

    source: str
    reason: str
