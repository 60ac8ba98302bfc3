"""Story clustering at scale: 10k, 30k and 100k articles synthesised from IndoSum.

    .venv/bin/python benchmarks/stories.py [--shared ../shared] [--sizes 10000,30000,100000]

Each IndoSum article is the original of several stories, each on another date (35 days
apart, beyond the 7-day window), 100 stories a day; each story gets 0-8 copies by other
"outlets" within two days: verbatim copies, sentence drops, paragraph reorders and word
swaps. The synthetic articles are stored in a fresh SQLite file (not timed), then grouped
into stories by ``StoryBuilder.add`` (timed), one process per size so that peak RSS is its
own. Printed per size: articles/s of grouping, of computing signatures alone (the baseline,
same run) and their ratio, peak RSS, and B-cubed F1 against the synthetic truth; then a
projection for 1M articles from the largest size's rate.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from _results import write_section  # noqa: E402 - the benchmarks share the results file

OUTLETS = [f"Outlet {i:02d}" for i in range(40)]
START = date(2024, 1, 1)
SEED = 20261123
# Constant density whatever the size (about 500 articles a day), so that the sizes compare;
# a base text comes back as another story every len(texts) / 100 = 35 days, beyond the window.
STORIES_PER_DAY = 100


def indosum_texts(shared: Path) -> list[str]:
    """IndoSum's articles as plain text, each once (the folds share 280 articles, which would
    otherwise be separate "true" stories with identical texts)."""
    texts, seen = [], set()
    for path in sorted((shared / "data" / "indosum").glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            if record["id"] in seen:
                continue
            seen.add(record["id"])
            paragraphs = [
                " ".join(" ".join(sentence) for sentence in paragraph)
                for paragraph in record["paragraphs"]
            ]
            text = "\n\n".join(p for p in paragraphs if p)
            if text not in seen:
                seen.add(text)
                texts.append(text)
    return texts


def perturb(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    """A rewrite: drop some sentences, maybe reorder paragraphs, swap some words."""
    paragraphs = text.split("\n\n")
    kind = rng.choice(["verbatim", "drop", "reorder", "swap", "drop+swap"])
    if "drop" in kind:
        kept = []
        for paragraph in paragraphs:
            sentences = paragraph.split(" . ")
            kept_sentences = [s for s in sentences if rng.random() > 0.3] or sentences[:1]
            kept.append(" . ".join(kept_sentences))
        paragraphs = kept
    if kind == "reorder" and len(paragraphs) > 2:
        head, tail = paragraphs[:1], paragraphs[1:]
        rng.shuffle(tail)
        paragraphs = head + tail
    if "swap" in kind:
        paragraphs = [
            " ".join(rng.choice(vocabulary) if rng.random() < 0.1 else w for w in p.split())
            for p in paragraphs
        ]
    return "\n\n".join(paragraphs)


def synthesise(texts: list[str], size: int):
    """Yield (article, truth) until ``size`` articles: story after story."""
    from kabar.models import Article

    rng = random.Random(SEED)
    vocabulary = [w for t in texts[:200] for w in t.split() if w.isalpha()]
    story = made = 0
    while made < size:
        base = story % len(texts)
        day = START + timedelta(days=story // STORIES_PER_DAY)
        copies = min(rng.randint(0, 8), size - made - 1)
        outlets = rng.sample(OUTLETS, copies + 1)
        # the date line makes each story's text its own: the store keeps one copy of a text
        # per outlet, and a base text comes back every 35 days
        original = f"Jakarta, {day.isoformat()} - {texts[base]}"
        for n in range(copies + 1):
            text = original if n == 0 else perturb(original, rng, vocabulary)
            when = day + timedelta(days=rng.randint(0, 2) if n else 0)
            yield (
                Article(
                    title=f"story {story} copy {n}",
                    text=text,
                    outlet=outlets[n],
                    url=f"https://{outlets[n].replace(' ', '').lower()}.example/{story}/{n}",
                    published=when.isoformat(),
                    published_precision="day",
                    language="id",
                    location=f"synthetic:{story}:{n}",
                    raw_sha256="0" * 64,
                ),
                story,
            )
            made += 1
        story += 1


def measure(shared: Path, size: int) -> dict:
    from kabar.settings import default_settings
    from kabar.store import Store
    from kabar.stories import StoryBuilder
    from kabar.stories._signature import signature

    settings = default_settings()
    texts = indosum_texts(shared)
    with tempfile.TemporaryDirectory() as tmp, Store.open(str(Path(tmp) / "s.db")) as store:
        truth: dict[int, int] = {}
        batch, stories = [], []
        for item, story in synthesise(texts, size):
            batch.append(item)
            stories.append(story)
            if len(batch) == 1000:
                _store(store, batch, stories, truth)
        _store(store, batch, stories, truth)
        texts.clear()
        started = time.perf_counter()
        for row in store.iter_articles():
            signature(row["id"], row["text"], "id", row["published"], None, 128)
        signature_s = time.perf_counter() - started
        started = time.perf_counter()
        report = StoryBuilder(store, settings).add()
        cluster_s = time.perf_counter() - started
        predicted = _predicted(store)
    return {
        "size": size,
        "articles": report.articles,
        "stories_true": len(set(truth.values())),
        "stories_found": len(set(predicted.values())),
        "cluster_per_s": report.articles / cluster_s,
        "signature_per_s": report.articles / signature_s,
        "cluster_s": cluster_s,
        "bcubed_f1": _bcubed_f1(truth, predicted),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _store(store, batch, stories, truth) -> None:
    for added, story in zip(store.add_many(batch), stories, strict=True):
        truth[added.article_id] = story
    batch.clear()
    stories.clear()


def _predicted(store) -> dict[int, int]:
    from sqlalchemy import select

    from kabar.store._schema import story_articles

    with store.engine.connect() as connection:
        rows = connection.execute(select(story_articles.c.article_id, story_articles.c.story_id))
        return {row.article_id: row.story_id for row in rows}


def _bcubed_f1(truth: dict[int, int], predicted: dict[int, int]) -> float:
    """B-cubed F1, computed through cluster sizes so that 100k articles take seconds."""
    from collections import Counter

    pairs = Counter((truth[a], predicted[a]) for a in truth)
    true_sizes = Counter(truth.values())
    found_sizes = Counter(predicted[a] for a in truth)
    precision = sum(n * n / found_sizes[p] for (_, p), n in pairs.items()) / len(truth)
    recall = sum(n * n / true_sizes[t] for (t, _), n in pairs.items()) / len(truth)
    return 2 * precision * recall / (precision + recall)


HEADER = (
    "| articles | true stories | found | grouping articles/s | signatures alone/s "
    "| ratio | grouping s | B-cubed F1 | peak RSS MB |\n|---|---|---|---|---|---|---|---|---|"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    parser.add_argument("--child", type=int)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.shared, args.child)))
        return
    if not (args.shared / "data").is_dir():
        sys.exit(f"{args.shared}/data not found: the benchmark reads the shared corpora")
    print(HEADER)
    rows, results = [], []
    for size in (int(s) for s in args.sizes.split(",")):
        output = subprocess.run(
            [sys.executable, __file__, "--child", str(size), "--shared", str(args.shared)],
            check=True,
            capture_output=True,
            text=True,
            cwd=REPO,
        ).stdout
        r = json.loads(output.strip().splitlines()[-1])
        results.append(r)
        rows.append(
            f"| {r['articles']} | {r['stories_true']} | {r['stories_found']} | "
            f"{r['cluster_per_s']:.0f} | {r['signature_per_s']:.0f} | "
            f"{r['cluster_per_s'] / r['signature_per_s']:.2f} | {r['cluster_s']:.0f} | "
            f"{r['bcubed_f1']:.3f} | {r['peak_rss_mb']:.0f} |"
        )
        print(rows[-1], flush=True)
    last = results[-1]
    projection = (
        f"Projection for 1,000,000 articles at the {last['articles']:,}-article rate: "
        f"{1_000_000 / last['cluster_per_s'] / 60:.0f} minutes of grouping on one core; "
        f"peak RSS went from {results[0]['peak_rss_mb']:.0f} MB at {results[0]['articles']:,} "
        f"to {last['peak_rss_mb']:.0f} MB at {last['articles']:,} articles."
    )
    print(projection)
    if args.write:
        write_section(
            "Stories",
            "`.venv/bin/python benchmarks/stories.py --write`: synthetic stories from IndoSum "
            "(originals plus 0-8 perturbed copies each, by other outlets, within two days), "
            "stored first, then grouped by `StoryBuilder.add` in one process per size, one "
            "core. 'signatures alone' is the baseline: MinHash and names of every article, "
            "without any look-up.\n\n" + HEADER + "\n" + "\n".join(rows) + "\n\n" + projection,
        )


if __name__ == "__main__":
    main()
