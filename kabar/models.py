"""Plain dataclasses passed between pipeline stages.

Each stage takes one of these and returns the next: ``read`` yields :class:`RawDoc`,
``extract`` turns a RawDoc into an :class:`Article`. Keeping them plain (no behaviour
beyond small helpers) lets them travel between processes and Dask workers unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

DocFormat = Literal["html", "text"]


@dataclass(slots=True)
class RawDoc:
    """One document as read, before extraction.

    ``location`` names where it came from precisely enough to find it again: a path, a URL,
    ``dump.jsonl:17`` for a JSONL line, ``crawl.warc.gz#4`` for a WARC record.
    ``hints`` carries metadata the container already knew (a feed entry's title, a JSONL
    record's outlet); extraction prefers page evidence and falls back on hints. A ``title``
    key, even set to None, says the container knows the title, so a plain text's first
    line is body, not headline.
    """

    location: str
    format: DocFormat
    content: str
    raw_sha256: str
    url: str | None = None
    encoding: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Article:
    """The article record of DESIGN.md, plus the provenance the store needs."""

    title: str | None
    text: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    dateline: str | None = None
    cited_sources: list[str] = field(default_factory=list)
    author: str | None = None
    published_precision: str | None = None
    published_from: str | None = None
    published_at: str | None = None  # UTC time, when the source gives the time of day
    location: str = ""
    raw_sha256: str = ""
    format: DocFormat = "text"
    events: list[Event] = field(default_factory=list)  # filled by the code stage

    def record(self) -> dict[str, Any]:
        """The public article record (the ``article`` object of ``kabar code --json``)."""
        return {
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "dateline": self.dateline,
            "cited_sources": list(self.cited_sources),
            "text": self.text,
        }


@dataclass(slots=True)
class Failure:
    """An input that could not become an article, with the reason a person can act on."""

    location: str
    reason: str
    stage: str = "read"


@dataclass(frozen=True, slots=True)
class EventActor:
    """One side of an event, in the terms of the event record."""

    code: str
    country: str | None
    sector: str | None
    name: str

    def record(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "name": self.name,
        }


@dataclass(slots=True)
class Event:
    """Who did what to whom, when and where, with the sentence that says so.

    ``rule`` names the lexicon entry that fired (``id/events.tsv:12 hubung -> 040``), so
    every code can be explained; ``start``/``end`` are offsets of the evidence sentence in
    the article text.
    """

    source: EventActor
    target: EventActor | None
    cameo: str
    plover_type: str | None
    plover_mode: str | None
    goldstein: float
    quad_class: int
    date: str | None
    date_precision: str | None
    background: bool
    negated: bool
    modality: str
    location: str | None
    evidence: str
    start: int
    end: int
    confidence: float
    rule: str
    symmetric: bool = False

    def record(self) -> dict[str, Any]:
        """The event object of ``kabar code --json`` (DESIGN.md)."""
        return {
            "source": self.source.record(),
            "target": self.target.record() if self.target else None,
            "cameo": self.cameo,
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "date": self.date,
            "date_precision": self.date_precision,
            "background": self.background,
            "negated": self.negated,
            "modality": self.modality,
            "location": self.location,
            "evidence": {"text": self.evidence, "start": self.start, "end": self.end},
            "confidence": round(self.confidence, 2),
            "symmetric": self.symmetric,
            "rule": self.rule,
        }
