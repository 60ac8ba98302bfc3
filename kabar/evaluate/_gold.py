"""Scoring the coder against gold annotations (``kabar eval``), as DESIGN.md specifies.

A predicted event can match a gold event when the source and target countries agree
(either order for ``symmetric`` gold; ``target_alt`` accepted; when both sides are one
country, ``source_sector``/``target_sector`` must agree too) and the CAMEO root agrees
(or the root of an ``alt_cameo``). Predictions and gold events are paired one-to-one by an
optimal assignment that matches as many ``core`` gold events as possible, then as many
predictions as possible. Recall counts core gold events; a prediction paired with a
``secondary`` event is neither a hit nor a false positive.

The same pairing is repeated with stricter criteria for exact-code and PLOVER-type scores.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, KabarError
from ..events import Coder
from ..extract import Extractor
from ..models import Article, Event, RawDoc
from ..ontology import Ontology
from ..settings import Settings

Gold = dict[str, Any]
Criterion = Callable[[Event, Gold], bool]
_CORE_WEIGHT = 1000  # one more core match outweighs any number of other matches


class GoldError(KabarError):
    """The gold file or a text it names cannot be used."""


@dataclass
class Tally:
    """Counts behind one P/R/F1 line."""

    core_gold: int = 0
    predictions: int = 0
    core_hits: int = 0
    secondary_hits: int = 0

    def add(self, other: Tally) -> None:
        self.core_gold += other.core_gold
        self.predictions += other.predictions
        self.core_hits += other.core_hits
        self.secondary_hits += other.secondary_hits

    @property
    def precision(self) -> float:
        counted = self.predictions - self.secondary_hits
        return self.core_hits / counted if counted else 1.0

    @property
    def recall(self) -> float:
        return self.core_hits / self.core_gold if self.core_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def scores(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Ratio:
    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.total += 1

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 1.0


@dataclass
class Report:
    """Scores of one evaluation run, overall and per language."""

    articles: int = 0
    levels: dict[str, Tally] = field(default_factory=dict)
    by_language: dict[str, dict[str, Tally]] = field(default_factory=dict)
    cited_sources: Ratio = field(default_factory=Ratio)
    actors: Ratio = field(default_factory=Ratio)
    dates: Ratio = field(default_factory=Ratio)
    missed: list[str] = field(default_factory=list)
    gold_sha256: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "gold_sha256": self.gold_sha256,
            **{level: tally.scores() for level, tally in self.levels.items()},
            "by_language": {
                lang: {level: t.scores() for level, t in levels.items()}
                for lang, levels in sorted(self.by_language.items())
            },
            "counts": {
                level: {
                    "core_gold": t.core_gold,
                    "predictions": t.predictions,
                    "core_hits": t.core_hits,
                    "secondary_hits": t.secondary_hits,
                }
                for level, t in self.levels.items()
            },
            "cited_source_accuracy": round(self.cited_sources.value, 4),
            "actor_accuracy": round(self.actors.value, 4),
            "date_accuracy": round(self.dates.value, 4),
            "missed_core": self.missed,
        }


# -- matching ----------------------------------------------------------------------------------


def _side(actor) -> tuple[str | None, str | None]:
    """Country of an event side; IGOs count as "IGO", as the gold writes them."""
    if actor is None:
        return None, None
    country = actor.country or ("IGO" if actor.sector == "IGO" else None)
    return country, actor.sector


def _actors_match(event: Event, gold: Gold) -> bool:
    source, target = _side(event.source), _side(event.target)
    targets = [gold["target"], *gold.get("target_alt", [])]
    same_country = gold["source"] == gold["target"]

    def fits(src, tgt, src_sector, tgt_sector) -> bool:
        if src[0] != gold["source"] or tgt[0] not in targets:
            return False
        if not same_country:
            return True
        return src[1] == src_sector and tgt[1] == tgt_sector

    forward = fits(source, target, gold.get("source_sector"), gold.get("target_sector"))
    if forward or not gold.get("symmetric"):
        return forward
    return fits(target, source, gold.get("source_sector"), gold.get("target_sector"))


def _codes(gold: Gold) -> list[str]:
    return [gold["cameo"], *gold.get("alt_cameo", [])]


def match_root(event: Event, gold: Gold) -> bool:
    return _actors_match(event, gold) and event.cameo[:2] in {c[:2] for c in _codes(gold)}


def match_code(event: Event, gold: Gold) -> bool:
    return _actors_match(event, gold) and event.cameo in _codes(gold)


def match_plover(event: Event, gold: Gold) -> bool:
    wanted = {gold.get("plover"), gold.get("plover_alt")} - {None}
    return _actors_match(event, gold) and (
        event.plover_type in wanted if wanted else event.plover_type is None
    )


LEVELS: dict[str, Criterion] = {"root": match_root, "code": match_code, "plover": match_plover}


def pair(events: list[Event], golds: list[Gold], criterion: Criterion) -> list[tuple[int, int]]:
    """Optimal one-to-one pairing: most core gold events first, then most predictions."""
    if not events or not golds:
        return []
    weights = [
        [
            (_CORE_WEIGHT if g.get("salience", "core") == "core" else 0) + 1
            if criterion(e, g)
            else 0
            for g in golds
        ]
        for e in events
    ]
    assignment = _max_weight_assignment(weights)
    return [(p, g) for p, g in assignment if weights[p][g] > 0]


def _max_weight_assignment(weights: list[list[int]]) -> list[tuple[int, int]]:
    """Hungarian algorithm (rows <= columns after transposing), maximising total weight."""
    transposed = len(weights) > len(weights[0])
    matrix = [list(col) for col in zip(*weights, strict=True)] if transposed else weights
    rows, cols = len(matrix), len(matrix[0])
    top = max(max(row) for row in matrix)
    cost = [[top - value for value in row] for row in matrix]
    inf = float("inf")
    u, v = [0.0] * (rows + 1), [0.0] * (cols + 1)
    owner, way = [0] * (cols + 1), [0] * (cols + 1)
    for row in range(1, rows + 1):
        owner[0] = row
        col0 = 0
        slack, used = [inf] * (cols + 1), [False] * (cols + 1)
        while True:
            used[col0] = True
            row0, delta, col1 = owner[col0], inf, 0
            for col in range(1, cols + 1):
                if used[col]:
                    continue
                reduced = cost[row0 - 1][col - 1] - u[row0] - v[col]
                if reduced < slack[col]:
                    slack[col], way[col] = reduced, col0
                if slack[col] < delta:
                    delta, col1 = slack[col], col
            for col in range(cols + 1):
                if used[col]:
                    u[owner[col]] += delta
                    v[col] -= delta
                else:
                    slack[col] -= delta
            col0 = col1
            if owner[col0] == 0:
                break
        while col0:
            col1 = way[col0]
            owner[col0] = owner[col1]
            col0 = col1
    pairs = [(owner[col] - 1, col - 1) for col in range(1, cols + 1) if owner[col]]
    return [(c, r) for r, c in pairs] if transposed else pairs


# -- running -----------------------------------------------------------------------------------


def load_gold(path: str | Path) -> list[Gold]:
    records = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{number}: invalid JSON ({exc.msg})") from exc
        if "id" not in record or "events" not in record:
            raise GoldError(f"{path}:{number}: a gold record needs 'id' and 'events'")
        records.append(record)
    return records


def gold_digest(gold_path: Path, texts: Path, records: Iterable[Gold]) -> str:
    """Hash of the gold file and every text it names: pinned scores belong to this data."""
    digest = hashlib.sha256(gold_path.read_bytes())
    for record in records:
        digest.update((texts / f"{record['id']}.txt").read_bytes())
    return digest.hexdigest()


def article_for(record: Gold, texts: Path, extractor: Extractor) -> Article:
    """The gold record's text as an article; the record supplies URL and publication date."""
    path = texts / f"{record['id']}.txt"
    try:
        content = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GoldError(f"{path}: cannot read the text of gold record {record['id']}") from exc
    hints = {k: record[k] for k in ("published", "outlet") if record.get(k)}
    raw = RawDoc(str(path), "text", content, "", url=record.get("url"), hints=hints)
    try:
        return extractor.extract(raw)
    except InputError as exc:
        raise GoldError(f"{path}: {exc.reason}") from exc


def evaluate(gold_path: str | Path, texts: str | Path, settings: Settings) -> Report:
    gold_path, texts = Path(gold_path), Path(texts)
    records = load_gold(gold_path)
    extractor, coder = Extractor(settings), Coder(settings)
    report = Report(levels={level: Tally() for level in LEVELS})
    report.gold_sha256 = gold_digest(gold_path, texts, records)
    for record in records:
        article = article_for(record, texts, extractor)
        events = coder.code(article)
        _score_article(report, record, article, events, coder)
    return report


def _score_article(report: Report, record: Gold, article: Article, events, coder) -> None:
    report.articles += 1
    golds = record["events"]
    lang = record.get("lang") or article.language or "?"
    per_lang = report.by_language.setdefault(lang, {level: Tally() for level in LEVELS})
    for level, criterion in LEVELS.items():
        pairs = pair(events, golds, criterion)
        tally = _tally(events, golds, pairs)
        report.levels[level].add(tally)
        per_lang[level].add(tally)
        if level == "root":
            _score_dates(report, events, golds, pairs)
            matched = {g for _, g in pairs}
            report.missed += [
                f"{record['id']} {g.get('eid', i)} {g['source']}->{g['target']} {g['cameo']}"
                for i, g in enumerate(golds)
                if g.get("salience", "core") == "core" and i not in matched
            ]
    if "cited_sources" in record:
        report.cited_sources.add(sorted(article.cited_sources) == sorted(record["cited_sources"]))
    _score_actors(report, record, article, coder)


def _tally(events: list[Event], golds: list[Gold], pairs: list[tuple[int, int]]) -> Tally:
    core = [g.get("salience", "core") == "core" for g in golds]
    hits = [core[g] for _, g in pairs]
    return Tally(
        core_gold=sum(core),
        predictions=len(events),
        core_hits=sum(hits),
        secondary_hits=len(hits) - sum(hits),
    )


def _score_dates(report: Report, events, golds, pairs) -> None:
    for p, g in pairs:
        wanted = golds[g].get("date")
        if wanted:
            got = events[p].date or ""
            report.dates.add(got[: len(wanted)] == wanted)


def _score_actors(report: Report, record: Gold, article: Article, coder: Coder) -> None:
    """Share of the gold's actors (country, sector) that the gazetteer finds in the text."""
    if not record.get("actors"):
        return
    found = {
        (m.actor.country or ("IGO" if m.actor.sector == "IGO" else None), m.actor.sector)
        for m in coder.gazetteer.find(article.text)
    }
    for actor in record["actors"]:
        report.actors.add((actor.get("country"), actor.get("sector")) in found)


def format_report(report: Report) -> str:
    """A readable table."""
    lines = [f"{report.articles} articles", "", "level   precision  recall     F1"]
    for level, tally in report.levels.items():
        lines.append(
            f"{level:<7} {tally.precision:>9.3f} {tally.recall:>7.3f} {tally.f1:>6.3f}"
            f"   ({tally.core_hits}/{tally.core_gold} core, {tally.predictions} predicted)"
        )
    for lang, levels in sorted(report.by_language.items()):
        root = levels["root"]
        lines.append(
            f"  {lang:<5} root P {root.precision:.3f} R {root.recall:.3f} F1 {root.f1:.3f}"
        )
    lines += [
        "",
        f"cited sources {report.cited_sources.value:.3f} ({report.cited_sources.total} articles)",
        f"actors        {report.actors.value:.3f} ({report.actors.total} gold actors)",
        f"dates         {report.dates.value:.3f} ({report.dates.total} dated matches)",
    ]
    if report.missed:
        lines += ["", f"missed core events ({len(report.missed)}):"]
        lines += [f"  {m}" for m in report.missed[:40]]
    return "\n".join(lines)


def ontology_check(records: Iterable[Gold]) -> list[str]:
    """Problems in gold records that would make scores meaningless (unknown codes)."""
    ontology = Ontology.load()
    return [
        f"{r['id']}: unknown CAMEO code {e['cameo']}"
        for r in records
        for e in r["events"]
        if e["cameo"] not in ontology
    ]
