"""Public records of the gazetteer and the internal entries aliases point at.

Actor codes follow a CAMEO-style scheme, documented once here because every data file uses it:

- ``RUS``: a country (ISO 3166-1 alpha-3; Kosovo is ``XKX``);
- ``RUSGOV``, ``ISRMIL``: a country plus a CAMEO sector (GOV, MIL, COP, SPY, LEG, JUD, REB, OPP,
  CVL, REF, MED, BUS, EDU, REL, LAB, NGO, IGO, ...);
- ``PSEREBHMS``: a named group inside a country (country + sector + tag);
- ``IGOUNO``, ``IGOUNOSEC``: an intergovernmental body or organ (country None, sector IGO);
- ``IMGREBISI``: a transnational armed group (country None, sector REB);
- ``---GOV``: a role whose country the text does not say ("the police", "pejabat").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import KabarError

KINDS = frozenset({"country", "metonym", "organization", "person", "group", "role"})


class GazetteerDataError(KabarError):
    """A gazetteer data file has a row that cannot be used; names the file and line."""

    def __init__(self, path: Path | str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = str(path)
        self.line = line
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Actor:
    """Who a mention refers to, in the terms of the event record (code, country, sector)."""

    code: str
    name: str
    country: str | None
    sector: str | None
    kind: str
    # one name for several actors at once (PETRARCH's "THE_SHIRE [FRO/BIL/SAM]"): each acts
    members: tuple[Actor, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor found in a text; ``start``/``end`` are offsets into the text given to find()."""

    start: int
    end: int
    text: str
    actor: Actor


@dataclass(frozen=True, slots=True)
class Role:
    """A role word: the sector it gives and how it combines with a neighbouring country."""

    name: str
    agent: str | None  # CAMEO agent code (sector, or longer PETRARCH agent code); None = inherit
    lang: str  # "id": country follows the role; "en": country precedes it (or follows "of")
    default_country: str | None = None
    title: bool = False  # a personal name may follow
    prefix: bool = False  # PETRARCH "[NGO~]": the agent code goes before the country

    @property
    def sector(self) -> str | None:
        return self.agent[:3] if self.agent else None


@dataclass(frozen=True, slots=True)
class Term:
    """One role a person held, with its dates (``until`` exclusive, None = still)."""

    country: str | None
    sector: str | None
    code: str
    role: str
    since: date | None
    until: date | None


ROLE_RANK = {
    "head_of_state": 0,
    "head_of_government": 1,
    "head_of_organisation": 1,
    "head_of_armed_group": 1,
    "foreign_minister": 2,
    "defence_minister": 3,
}


@dataclass(frozen=True, slots=True)
class Person:
    """A person and the terms of office that decide their code at a given date."""

    person_id: str
    name: str
    terms: tuple[Term, ...]

    def term_at(self, on: date | None) -> Term:
        """The term in force on ``on``; else the last one that ended; else the first.

        A former office holder keeps the country and sector of their last office (Jokowi in
        2025 is still IDNGOV); with no date the current (or most recent) term is used.
        """
        terms = sorted(self.terms, key=_term_order)
        if on is None:
            current = [t for t in terms if t.until is None]
            return _best(current) if current else terms[-1]
        active = [
            t
            for t in terms
            if (t.since is None or t.since <= on) and (t.until is None or on < t.until)
        ]
        if active:
            return _best(active)
        ended = [t for t in terms if t.until is not None and t.until <= on]
        return ended[-1] if ended else terms[0]

    def active(self, on: date | None) -> bool:
        """Whether the person holds any role on ``on`` (today's holders when None)."""
        if on is None:
            return any(t.until is None for t in self.terms)
        return any(
            (t.since is None or t.since <= on) and (t.until is None or on < t.until)
            for t in self.terms
        )


def _term_order(term: Term) -> tuple[date, date]:
    return (term.until or date.max, term.since or date.min)


def _best(terms: list[Term]) -> Term:
    """The highest-ranking of simultaneous terms (head of state before a minister)."""
    return min(terms, key=lambda t: (ROLE_RANK.get(t.role, 9), -(t.since or date.min).toordinal()))


@dataclass(frozen=True, slots=True)
class Target:
    """What one alias points at: a fixed actor, a person, a role, or ``stop`` (a phrase that
    only looks like an actor, "Real Madrid"), valid between two dates."""

    kind: str
    actor: Actor | None = None
    person: Person | None = None
    role: Role | None = None
    since: date | None = None
    until: date | None = None
    weak: bool = False  # person aliases that count only in context

    def valid(self, on: date | None) -> bool:
        if on is None:
            return self.until is None
        return (self.since is None or self.since <= on) and (self.until is None or on < self.until)
