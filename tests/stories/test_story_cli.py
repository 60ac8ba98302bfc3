"""`kabar cluster`, `kabar stories`, `kabar story` and `kabar eval-stories` over a real file."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import REPO, SAMPLE

from kabar.cli import main

OUTLETS = str(REPO / "kabar" / "data" / "sample-outlets.tsv")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """The sample corpus ingested without stories, so that `kabar cluster` has work."""
    path = tmp_path_factory.mktemp("cli") / "k.db"
    config = path.parent / "settings.toml"
    config.write_text(f'[extract]\noutlet_files = ["{OUTLETS}"]\n[stories]\nenabled = false\n')
    result = CliRunner().invoke(
        main, ["--config", str(config), "ingest", str(SAMPLE), "--db", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert "stories: 0 new" in result.output
    return str(path)


def run(*args):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_cluster_groups_what_ingest_left_and_rebuild_repeats_it(db):
    first = json.loads(run("cluster", "--db", db, "--json"))
    assert first["articles"] == 27 and first["new_stories"] - first["merges"] == 17
    assert json.loads(run("cluster", "--db", db, "--json"))["articles"] == 0  # nothing left
    listed = run("stories", "--db", db, "--json")
    rebuilt = json.loads(run("cluster", "--db", db, "--rebuild", "--json"))
    assert rebuilt["articles"] == 27
    titles = lambda out: sorted(json.loads(line)["title"] for line in out.splitlines())  # noqa: E731
    assert titles(run("stories", "--db", db, "--json")) == titles(listed)


def test_stories_lists_and_filters(db):
    run("cluster", "--db", db)
    rows = [json.loads(line) for line in run("stories", "--db", db, "--json").splitlines()]
    assert len(rows) == 17
    assert rows == sorted(rows, key=lambda r: (r["first_published"] or "", r["id"]), reverse=True)
    big = run("stories", "--db", db, "--min-articles", "4")
    assert len(big.splitlines()) == 2
    assert "5 art" in big and "Prabowo" in big


def test_story_shows_lineage_and_merged_events(db):
    run("cluster", "--db", db)
    biggest = json.loads(run("stories", "--db", db, "--min-articles", "5", "--json"))
    record = json.loads(run("story", str(biggest["id"]), "--db", db, "--json"))
    assert len(record["articles_list"]) == 5
    roots = record["lineage"]
    assert len(roots) == 1  # one original, every other article hangs under it
    count = lambda node: 1 + sum(count(c) for c in node["copies"])  # noqa: E731
    assert count(roots[0]) == 5
    assert record["events_list"] and all(e["mentions_list"] for e in record["events_list"])
    text = run("story", str(biggest["id"]), "--db", db)
    assert "lineage" in text and "verbatim" in text and "events, each counted once" in text


def test_story_that_does_not_exist_is_a_clear_error(db):
    result = CliRunner().invoke(main, ["story", "99999", "--db", db])
    assert result.exit_code == 1 and "no story with id 99999" in result.output


def test_eval_stories_scores_a_corpus(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    base = {"outlet": "Kabar Uji", "language": "id", "title": "Judul"}
    text = (
        "Jakarta, Kabar Uji - Menteri Luar Negeri Sugiono menerima Menteri Luar Negeri Vietnam "
        "Bui Thanh Son di Jakarta pada Kamis (5/3/2026). Keduanya sepakat mempercepat perundingan "
        "batas laut di Natuna yang tertunda sejak 2022, dengan 14 putaran teknis tahun ini."
    )
    records = [
        base
        | {
            "id": "a",
            "story": "S",
            "parent": None,
            "url": "https://u.example/a",
            "published": "2026-03-05T08:00:00+07:00",
            "text": text,
        },
        base
        | {
            "id": "b",
            "story": "S",
            "parent": "a",
            "url": "https://v.example/b",
            "outlet": "Portal Lain",
            "published": "2026-03-05T09:00:00+07:00",
            "text": text.replace("Kabar Uji", "Portal Lain"),
        },
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    scores = json.loads(run("eval-stories", str(corpus), "--json"))
    assert scores["bcubed"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert scores["lineage_accuracy"] == 1.0
    assert "B-cubed" in run("eval-stories", str(corpus))


def test_show_tells_what_an_article_reuses(db):
    run("cluster", "--db", db)
    biggest = json.loads(run("stories", "--db", db, "--min-articles", "5", "--json"))
    members = json.loads(run("story", str(biggest["id"]), "--db", db, "--json"))["articles_list"]
    copy = next(m for m in members if m["reuse"] == "verbatim")
    record = json.loads(run("show", str(copy["id"]), "--db", db, "--json"))
    assert record["provenance"]["story_id"] == biggest["id"]
    assert record["provenance"]["parent_article_id"] == copy["parent_article_id"]
    assert record["provenance"]["shingle_share"] > 0.9
    text = run("show", str(copy["id"]), "--db", db)
    assert f"verbatim of article {copy['parent_article_id']}" in text
    original = run("show", str(biggest["original_article_id"]), "--db", db)
    assert "an original" in original
