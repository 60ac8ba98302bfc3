"""Pin the coder's evaluation scores: the CI gate fails when a later change lowers them.

    .venv/bin/python scripts/pin_eval.py

Scores the development gold set (tests/golden/dev), the story corpus
(tests/golden/stories: B-cubed and lineage accuracy) and, when ../shared is present,
PETRARCH2's unit-test records, then writes tests/golden/eval_baseline.json with the scores
and the hash of the gold data they belong to. Re-pin deliberately, after an improvement or
after changing the gold set, and say why in the commit.
"""

from __future__ import annotations

import json
from pathlib import Path

from kabar import default_settings
from kabar.evaluate import evaluate, evaluate_stories, run_petrarch_suite

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "tests" / "golden" / "dev"
BASELINE = REPO / "tests" / "golden" / "eval_baseline.json"
STORIES = REPO / "tests" / "golden" / "stories"
STORY_CORPORA = sorted(STORIES.glob("corpus_*.jsonl"))
STORY_KEYS = ("corpus_sha256", "articles", "gold_stories", "bcubed", "lineage_accuracy")
PETRARCH = REPO.parent / "shared" / "data" / "petrarch2" / "PETR.UnitTest.records.xml"


def story_settings(settings):
    """The story corpus's invented outlets are known, as a user would add theirs."""
    outlets = [*settings.extract.outlet_files, str(STORIES / "outlets.tsv")]
    return settings.replace(**{"extract.outlet_files": outlets})


def main() -> None:
    settings = default_settings()
    report = evaluate(DEV / "gold.jsonl", DEV / "texts", settings).as_dict()
    pinned = {
        "dev": {
            "gold_sha256": report["gold_sha256"],
            "articles": report["articles"],
            "root": report["root"],
            "code": report["code"],
            "plover": report["plover"],
            "by_language": report["by_language"],
            "cited_source_accuracy": report["cited_source_accuracy"],
            "actor_accuracy": report["actor_accuracy"],
            "date_accuracy": report["date_accuracy"],
        }
    }
    if PETRARCH.is_file():
        pinned["petrarch2"] = run_petrarch_suite(PETRARCH, settings).as_dict()
    stories = evaluate_stories(STORY_CORPORA, story_settings(settings)).as_dict()
    pinned["stories"] = {key: stories[key] for key in STORY_KEYS}
    BASELINE.write_text(json.dumps(pinned, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(pinned, indent=2))


if __name__ == "__main__":
    main()
