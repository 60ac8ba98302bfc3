"""A peer's test suite: PETRARCH2's unit-test records, coded by kabar.

The records are English sentences about a fictional world (Arnor, Gondor, ...) with the
events PETRARCH2 should code. Their actors, agents, verbs and discards come from PETRARCH's
validation dictionaries, which kabar loads as user dictionaries (the verbs carry codes of
that test world, not CAMEO's, so kabar's own lexicon could not match them); kabar's engine
finds the arguments. We report
the share of expected events found (same source and target codes, same CAMEO code or only
the same root) and the share of kabar's events that PETRARCH did not expect.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

from ..actors import Gazetteer
from ..events import Coder, Lexicon, read_petrarch_discards, read_petrarch_verbs
from ..models import Article, Event
from ..settings import Settings
from ._gold import GoldError

ACTORS = "PETR.Validate.actors.txt"
AGENTS = "PETR.Validate.agents.txt"
VERBS = "PETR.Validate.verbs.txt"
DISCARDS = "PETR.Validate.discards.txt"


@dataclass(frozen=True, slots=True)
class Expected:
    source: str
    target: str
    code: str


@dataclass
class PetrarchReport:
    sentences: int = 0
    expected: int = 0
    found_exact: int = 0
    found_root: int = 0
    predicted: int = 0
    extra: int = 0
    misses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "sentences": self.sentences,
            "expected_events": self.expected,
            "found_exact": _share(self.found_exact, self.expected),
            "found_root": _share(self.found_root, self.expected),
            "predicted_events": self.predicted,
            "extra": _share(self.extra, self.predicted),
        }

    def format(self) -> str:
        d = self.as_dict()
        return (
            f"{self.sentences} sentences, {self.expected} expected events, "
            f"{self.predicted} coded by kabar\n"
            f"found (same actors, same code): {d['found_exact']:.1%}\n"
            f"found (same actors, same root): {d['found_root']:.1%}\n"
            f"extra (kabar events not expected): {d['extra']:.1%}"
        )


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def read_records(path: Path) -> list[tuple[str, str, str, list[Expected]]]:
    """(id, date YYYY-MM-DD, text, expected events) for each record with codings."""
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as exc:
        raise GoldError(f"{path}: cannot read PETRARCH records ({exc})") from exc
    records = []
    for sentence in root.iter("Sentence"):
        text = " ".join((sentence.findtext("Text") or "").split())
        raw_date = sentence.get("date", "")
        day = f"{raw_date[:4]}-{raw_date[4:6]}-{raw_date[6:8]}" if len(raw_date) == 8 else None
        expected = [
            Expected(c.get("sourcecode", ""), c.get("targetcode", ""), c.get("eventcode", ""))
            for c in sentence.findall("EventCoding")
            if c.get("eventcode")
        ]
        if text:
            records.append((sentence.get("id", "?"), day, text, expected))
    return records


def run_petrarch_suite(records_path: str | Path, settings: Settings) -> PetrarchReport:
    """Code every record with PETRARCH's actor and agent dictionaries as user dictionaries."""
    records_path = Path(records_path)
    folder = records_path.parent
    gazetteer = Gazetteer.load(
        petrarch_actors=[folder / ACTORS], petrarch_agents=[folder / AGENTS], builtin=False
    )
    verbs = Lexicon("en", read_petrarch_verbs(folder / VERBS))
    discards = read_petrarch_discards(folder / DISCARDS)
    coder = Coder(settings, gazetteer=gazetteer, lexicons={"en": verbs}, discards=discards)
    report = PetrarchReport()
    for record_id, day, text, expected in read_records(records_path):
        article = Article(title=None, text=text, language="en", published=day)
        events = [e for e in coder.code(article) if e.target is not None]
        _score(report, record_id, expected, events)
    return report


def _score(report: PetrarchReport, record_id: str, expected: list[Expected], events) -> None:
    report.sentences += 1
    report.expected += len(expected)
    report.predicted += len(events)
    unused = list(events)
    for want in expected:
        exact = _take(unused, want, lambda e, w: e.cameo == w.code)
        if exact:
            report.found_exact += 1
            report.found_root += 1
            continue
        if _take(unused, want, lambda e, w: e.cameo[:2] == w.code[:2]):
            report.found_root += 1
        else:
            report.misses.append(f"{record_id} {want.source}->{want.target} {want.code}")
    report.extra += len(unused)


def _take(events: list[Event], want: Expected, same_code) -> bool:
    for event in events:
        if (
            event.source.code == want.source
            and event.target.code == want.target
            and same_code(event, want)
        ):
            events.remove(event)
            return True
    return False
