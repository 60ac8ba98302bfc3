"""Score story grouping and lineage against a gold story corpus.

The corpus is JSONL, one article per line, read by kabar like any dump, with its gold
labels beside the article fields: ``id``, ``story`` (gold story), ``parent`` (id of the
article it was written from, or null). ``tests/golden/stories/`` holds the one kabar is
pinned on. Scores:

* B-cubed precision, recall and F1 of the stories (per article: the share of its
  predicted story that is in its gold story, and of its gold story that is predicted with
  it), the usual measure for clustering with stories of very different sizes;
* lineage accuracy: the share of articles whose predicted parent is the gold one (an
  original must get none).
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..pipeline import ingest
from ..settings import Settings
from ..store import Store, url_key
from ..stories import StoryBuilder


@dataclass
class StoryScores:
    articles: int
    gold_stories: int
    predicted_stories: int
    precision: float
    recall: float
    f1: float
    lineage_accuracy: float
    mistakes: list[dict] = field(default_factory=list)
    corpus_sha256: str = ""

    def as_dict(self) -> dict:
        return {
            "corpus_sha256": self.corpus_sha256,
            "articles": self.articles,
            "gold_stories": self.gold_stories,
            "predicted_stories": self.predicted_stories,
            "bcubed": {
                "precision": round(self.precision, 4),
                "recall": round(self.recall, 4),
                "f1": round(self.f1, 4),
            },
            "lineage_accuracy": round(self.lineage_accuracy, 4),
            "mistakes": self.mistakes,
        }


def evaluate_stories(corpora: Iterable[str | Path], settings: Settings) -> StoryScores:
    """Ingest the corpus into a fresh temporary database, group it, and score it."""
    corpora = [str(path) for path in corpora]
    lines = [line for path in corpora for line in _lines(path)]
    gold = [json.loads(line) for line in lines]
    with (
        tempfile.TemporaryDirectory() as tmp,
        Store.open(str(Path(tmp) / "stories.db")) as store,
    ):
        report = ingest(corpora, store, settings.replace(**{"stories.enabled": False}))
        if report.failures:
            raise ValueError(f"the story corpus did not ingest: {report.failures[0]}")
        StoryBuilder(store, settings).add()
        predicted = _predictions(store)
    scores = score_stories(gold, predicted)
    scores.corpus_sha256 = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    return scores


def score_stories(gold: list[dict], predicted: dict[str, tuple[int, str | None]]) -> StoryScores:
    """Score gold records against predictions: url key -> (story id, parent url key)."""
    by_id = {record["id"]: record for record in gold}
    keys = {record["id"]: url_key(record["url"]) for record in gold}
    gold_story = {keys[r["id"]]: r["story"] for r in gold}
    gold_parent = {keys[r["id"]]: keys.get(r["parent"]) if r["parent"] else None for r in gold}
    missing = [r["id"] for r in gold if keys[r["id"]] not in predicted]
    if missing:
        raise ValueError(f"articles missing after ingest: {missing}")
    predicted_story = {key: predicted[key][0] for key in gold_story}
    precision, recall = _bcubed(gold_story, predicted_story)
    names = {keys[i]: i for i in by_id}
    mistakes = []
    right = 0
    for key, parent in gold_parent.items():
        got = predicted[key][1]
        if got == parent:
            right += 1
        else:
            mistakes.append(
                {"article": names[key], "gold_parent": names.get(parent), "parent": names.get(got)}
            )
    for key in gold_story:
        together = {k for k in gold_story if predicted_story[k] == predicted_story[key]}
        wrong = sorted(names[k] for k in together if gold_story[k] != gold_story[key])
        if wrong:
            mistakes.append({"article": names[key], "grouped_with_other_stories": wrong})
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return StoryScores(
        articles=len(gold),
        gold_stories=len(set(gold_story.values())),
        predicted_stories=len(set(predicted_story.values())),
        precision=precision,
        recall=recall,
        f1=f1,
        lineage_accuracy=right / len(gold) if gold else 0.0,
        mistakes=mistakes,
    )


def _bcubed(gold: dict[str, str], predicted: dict[str, int]) -> tuple[float, float]:
    precision = recall = 0.0
    for item in gold:
        cluster = {k for k in predicted if predicted[k] == predicted[item]}
        truth = {k for k in gold if gold[k] == gold[item]}
        both = len(cluster & truth)
        precision += both / len(cluster)
        recall += both / len(truth)
    return precision / len(gold), recall / len(gold)


def _predictions(store: Store) -> dict[str, tuple[int, str | None]]:
    """url key -> (story id, parent's url key) for every stored article."""
    by_id = {row["id"]: url_key(row["url"]) for row in store.iter_articles()}
    out = {}
    for story in store.stories(limit=1_000_000):
        for member in store.story(story["id"])["articles_list"]:
            parent = member["parent_article_id"]
            out[by_id[member["id"]]] = (story["id"], by_id.get(parent) if parent else None)
    return out


def _lines(path: str) -> list[str]:
    return [line for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
