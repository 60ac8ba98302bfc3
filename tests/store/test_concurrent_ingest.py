"""Two ingests writing to one database at once, as real processes, on each backend: nothing
is lost, nothing is stored twice, every article ends in exactly one story."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from kabar.store import Store
from kabar.store._schema import story_articles

SAMPLE = Path(__file__).resolve().parents[2] / "kabar" / "data" / "sample"

STORIES, OUTLETS = 30, ["Kabar Uji", "Warta Dua", "Suara Tiga", "Berita Empat"]
BATCH = 4
WORDS = (
    "jembatan sungai desa petani panen beras pasar harga gudang pelabuhan kapal nelayan "
    "sekolah guru murid rumah sakit dokter obat jalan tol banjir hujan gunung hutan kebun "
    "kopi teh listrik air bersih sumur pabrik buruh upah pajak anggaran dinas camat lurah "
    "warga relawan bantuan sembako tenda pengungsi bandara pesawat kereta stasiun terminal"
)


def write_corpus(folder: Path) -> list[Path]:
    """The sample corpus's plain-text articles, and stories of our own each told by
    several outlets (one sentence fewer at each copy), so that grouping has work to do."""
    folder.mkdir()
    files = sorted((SAMPLE / "text").glob("*.txt"))
    rng = random.Random(3)
    for story in range(STORIES):
        sentences = [
            " ".join(rng.choice(WORDS.split()) for _ in range(12)).capitalize() + f" nomor {story}."
            for _ in range(6)
        ]
        for copy, outlet in enumerate(OUTLETS):
            path = folder / f"{story:03d}-{copy}.txt"
            body = " ".join(sentences[: len(sentences) - copy])
            path.write_text(f"Laporan {story}\n\nJakarta, {outlet} - {body}\n", encoding="utf-8")
            files.append(path)
    return files


def start_ingest(files: list[Path], db: str, config: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "kabar", "--config", str(config), "ingest", "--json"]
    return subprocess.Popen(
        [*command, *map(str, files), "--db", db],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


@pytest.mark.parametrize("order", ["same order", "opposite orders"])
def test_two_ingests_at_once_lose_nothing_and_duplicate_nothing(db_url, tmp_path, order):
    files = write_corpus(tmp_path / "corpus")
    config = tmp_path / "settings.toml"
    config.write_text(f"[store]\nbatch_size = {BATCH}\n")
    with Store.open(db_url):  # created and migrated before the race, as a deployment does
        pass
    # the same inputs: in step, colliding on every batch, or from both ends to the middle
    first = start_ingest(files, db_url, config)
    second = start_ingest(files if order == "same order" else files[::-1], db_url, config)
    outcomes = []
    for process in (first, second):
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
        outcomes.append(json.loads(out))
    assert all(o["failed"] == 0 and o["read"] == len(files) for o in outcomes)

    reference = tmp_path / "one-process.db"
    alone = start_ingest(files, str(reference), config)
    _, err = alone.communicate(timeout=600)
    assert alone.returncode == 0, err

    with Store.open(db_url) as raced, Store.open(str(reference)) as calm:
        assert sum(o["stored"] for o in outcomes) == calm.count() == raced.count()
        assert sum(o["duplicates"] for o in outcomes) == len(files)
        assert contents(raced) == contents(calm)
        assert raced.count_events() == calm.count_events()
        membership = story_membership(raced)
        assert sorted(membership) == sorted({a["id"] for a in raced.iter_articles()})
        assert all(len(stories) == 1 for stories in membership.values())
        # grouping does not depend on arrival order
        raced_stories, calm_stories = stories(raced), stories(calm)
        assert raced_stories == calm_stories, (
            raced_stories - calm_stories,
            calm_stories - raced_stories,
            outcomes,
        )


def contents(store: Store) -> dict[tuple, int]:
    """Each article's location and title, with its number of events."""
    return {
        (article["location"], article["title"]): len(store.events(article["id"]))
        for article in store.iter_articles()
    }


def stories(store: Store) -> set[frozenset]:
    """The stories as sets of their articles' locations."""
    where = {a["id"]: a["location"] for a in store.iter_articles()}
    grouped: dict[int, set] = {}
    for article, (story,) in story_membership(store).items():
        grouped.setdefault(story, set()).add(where[article])
    return {frozenset(members) for members in grouped.values()}


def story_membership(store: Store) -> dict[int, list[int]]:
    with store.engine.connect() as connection:
        rows = connection.execute(story_articles.select()).mappings()
        membership: dict[int, list[int]] = {}
        for row in rows:
            membership.setdefault(row["article_id"], []).append(row["story_id"])
    return membership
