"""Every command that takes ``--db`` works on a PostgreSQL URL, as on an SQLite file: the
same sample corpus gives the same articles, events, stories and exports on both."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from web.test_serve import free_port, wait_until_up

from kabar.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "kabar" / "data" / "sample"
OUTLETS = SAMPLE.parent / "sample-outlets.tsv"


@pytest.fixture(scope="module")
def databases(postgres, tmp_path_factory):
    """The sample corpus ingested into a PostgreSQL database and an SQLite file."""
    folder = tmp_path_factory.mktemp("cli-pg")
    config = folder / "settings.toml"
    config.write_text(f'[extract]\noutlet_files = ["{OUTLETS}"]\n', encoding="utf-8")
    with postgres.database() as url:
        found = {}
        for db in (url, str(folder / "kabar.db")):
            found[db] = record(config, "ingest", str(SAMPLE), "--db", db)
        yield url, str(folder / "kabar.db"), config, found


def kabar(config: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--config", str(config), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def record(config: Path, *args: str) -> dict:
    """A command's --json record."""
    return json.loads(kabar(config, *args, "--json"))


def records(config: Path, *args: str) -> list[dict]:
    """A listing's --json lines."""
    return [json.loads(line) for line in kabar(config, *args, "--json").splitlines()]


def test_ingest_stores_the_same_on_both(databases):
    url, sqlite, _, found = databases
    assert found[url]["failed"] == 0
    for key in ("read", "stored", "duplicates", "events", "new_stories"):
        assert found[url][key] == found[sqlite][key], key


def test_listings_show_and_story_read_alike(databases):
    url, sqlite, config, _ = databases
    listings = {}
    for db in (url, sqlite):
        articles = records(config, "articles", "--db", db, "--limit", "100")
        shown = record(config, "show", str(articles[0]["id"]), "--db", db)
        stories = records(config, "stories", "--db", db, "--limit", "100")
        biggest = max(stories, key=lambda s: (s["articles"], -s["id"]))
        story = record(config, "story", str(biggest["id"]), "--db", db)
        listings[db] = (
            [(a["title"], a["published"], a["outlet"]) for a in articles],
            shown["text"],
            sorted((s["articles"], s["outlets"], s["events"]) for s in stories),
            sorted(a["title"] for a in story["articles_list"]),
            sorted((e["cameo"], e["mentions"]) for e in story["events_list"]),
        )
    assert listings[url] == listings[sqlite]


def test_cluster_rebuild_gives_the_same_stories(databases):
    url, _, config, _ = databases
    before = records(config, "stories", "--db", url, "--limit", "100")
    kabar(config, "cluster", "--rebuild", "--db", url)
    after = records(config, "stories", "--db", url, "--limit", "100")
    assert sorted(s["articles"] for s in after) == sorted(s["articles"] for s in before)


@pytest.mark.parametrize("fmt", ["gdelt", "plover", "csv", "parquet"])
def test_exports_are_the_same_on_both(databases, fmt, tmp_path):
    url, sqlite, config, _ = databases
    sizes = []
    for name, db in (("pg", url), ("sqlite", sqlite)):
        out = tmp_path / f"{name}.{fmt}"
        kabar(config, "export", "--format", fmt, "--db", db, "--out", str(out), "--root", "04")
        sizes.append(out.stat().st_size)
    assert sizes[0] > 0
    if fmt != "parquet":  # same rows, same bytes (ids and dates are the same on both)
        assert rows(tmp_path / f"pg.{fmt}", fmt) == rows(tmp_path / f"sqlite.{fmt}", fmt)


def rows(path: Path, fmt: str) -> list[str]:
    """The exported rows, less GDELT's DATEADDED (when each ingest stored the event)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if fmt == "gdelt":
        return ["\t".join(line.split("\t")[:-2] + line.split("\t")[-1:]) for line in lines]
    return lines


def test_serve_answers_from_postgresql(databases):
    url, _, _, _ = databases
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "kabar", "serve", "--db", url, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        base = f"http://127.0.0.1:{port}"
        overview = wait_until_up(server, base)
        assert overview.status_code == 200 and overview.json()["counts"]["articles"] == 27
        search = httpx.get(base + "/search.json", params={"q": "Prabowo"}, timeout=5)
        assert search.status_code == 200 and search.json()["articles"]
        events = httpx.get(base + "/events.json", params={"root": "04", "limit": 5}, timeout=5)
        assert events.status_code == 200 and events.json()["events"]
    finally:
        server.terminate()
        server.communicate(timeout=30)


def test_dask_ingest_writes_to_postgresql(databases, postgres):
    _, _, config, _ = databases
    with postgres.database() as url:
        inputs = ("ingest", str(SAMPLE / "text"), "--db", url)
        found = record(config, *inputs, "--engine", "dask", "--workers", "1")
        assert found["stored"] == 2 and found["failed"] == 0


def test_an_unreachable_server_is_a_clear_error(tmp_path):
    url = "postgresql://kabar:secret@127.0.0.1:1/nothing"
    result = CliRunner().invoke(main, ["articles", "--db", url])
    assert result.exit_code == 1
    assert "cannot open database" in result.output and "Connection refused" in result.output
    assert "secret" not in result.output  # the password is masked
