"""The CLI through click's CliRunner: summaries, exit codes, JSON records, listings."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from helpers import PARAGRAPHS, article_html

from kabar.cli import main


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.html").write_text(article_html("Prabowo Terima Anwar"), encoding="utf-8")
    (folder / "b.txt").write_text(
        "Harga Beras Naik\n\nSurabaya, WartaTimur - "
        + " ".join(PARAGRAPHS[1:]) * 2
        + "\n\nDilansir dari Antara.\n\nBaca Juga: Hal lain\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def runner(monkeypatch, tmp_path):
    monkeypatch.delenv("KABAR_DB", raising=False)
    monkeypatch.delenv("KABAR_CONFIG", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def test_ingest_summary_and_exit_codes(runner, corpus, tmp_path):
    result = runner.invoke(main, ["ingest", str(corpus)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("read 2, stored 2, new versions 0, duplicates 0, failed 0; ")
    assert (tmp_path / "kabar.db").exists()  # the default database

    again = runner.invoke(main, ["ingest", str(corpus), str(tmp_path / "nope.txt")])
    assert again.exit_code == 1
    assert "read 3, stored 0, new versions 0, duplicates 2, failed 1" in again.output
    assert f"failed (read): {tmp_path / 'nope.txt'}: no such file or directory" in again.output


def test_ingest_json_summary_and_db_option(runner, corpus, tmp_path):
    db = tmp_path / "other.db"
    result = runner.invoke(main, ["ingest", str(corpus), "--db", str(db), "--json"])
    assert json.loads(result.output) == {
        "read": 2,
        "stored": 2,
        "new_versions": 0,
        "duplicates": 0,
        "events": json.loads(result.output)["events"],
        "new_stories": json.loads(result.output)["new_stories"],
        "joined_stories": json.loads(result.output)["joined_stories"],
        "failed": 0,
        "failures": [],
    }
    summary = json.loads(result.output)
    assert summary["new_stories"] + summary["joined_stories"] == 2  # each article placed
    assert db.exists() and not (tmp_path / "kabar.db").exists()


def test_env_database(runner, corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("KABAR_DB", str(tmp_path / "env.db"))
    assert runner.invoke(main, ["ingest", str(corpus)]).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_usage_errors_exit_2(runner):
    assert runner.invoke(main, ["ingest"]).exit_code == 2
    assert runner.invoke(main, ["nosuchcommand"]).exit_code == 2
    assert runner.invoke(main, ["articles", "--limit", "0"]).exit_code == 2


def test_bad_config_is_a_usage_error(runner, tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text("[read]\nmax_document_mb = 'lots'\n")
    result = runner.invoke(main, ["--config", str(config), "articles"])
    assert result.exit_code == 2 and "must be int" in result.output


ARTICLE_KEYS = ["title", "outlet", "url", "published", "language", "dateline"]
ARTICLE_KEYS += ["cited_sources", "text"]  # DESIGN.md's article record, in its order


def test_extract_json_is_the_article_record(runner, corpus):
    result = runner.invoke(main, ["extract", str(corpus / "b.txt"), "--json"])
    assert result.exit_code == 0
    record = json.loads(result.output)
    assert list(record) == ARTICLE_KEYS
    assert record["title"] == "Harga Beras Naik"
    assert (record["outlet"], record["dateline"]) == ("WartaTimur", "Surabaya")
    assert record["cited_sources"] == ["Antara"]
    assert "Baca Juga" not in record["text"]


def test_extract_reports_failures(runner, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(main, ["extract", str(tmp_path / "empty.txt")])
    assert result.exit_code == 1 and "empty file" in result.output


def test_articles_and_show(runner, corpus):
    runner.invoke(main, ["ingest", str(corpus)])
    listing = runner.invoke(main, ["articles", "--json"])
    rows = [json.loads(line) for line in listing.output.splitlines()]
    assert [r["title"] for r in rows] == ["Prabowo Terima Anwar", "Harga Beras Naik"]
    assert runner.invoke(main, ["articles", "--outlet", "wartatimur"]).output.count("\n") == 1
    assert "Harga Beras Naik" in runner.invoke(main, ["articles", "--language", "id"]).output
    assert runner.invoke(main, ["articles", "--since", "2026-01-01"]).output.count("\n") == 1

    shown = runner.invoke(main, ["show", str(rows[1]["id"]), "--json"])
    assert json.loads(shown.output)["outlet"] == "WartaTimur"
    text = runner.invoke(main, ["show", str(rows[1]["id"])]).output
    assert "title: Harga Beras Naik" in text and "cited_sources: Antara" in text
    missing = runner.invoke(main, ["show", "999"])
    assert missing.exit_code == 1 and "no article with id 999" in missing.output


def test_demo_ingests_the_sample_corpus(runner, tmp_path):
    db = tmp_path / "demo.db"
    db.write_bytes(b"stale file from an earlier run")
    result = runner.invoke(main, ["demo", "--db", str(db), "--no-serve"])
    assert result.exit_code == 0, result.output
    # the feed's teaser entries link to pages also read directly: duplicates, not new rows
    assert "read 30, stored 27, new versions 0, duplicates 3, failed 0" in result.output
    assert "27 articles in the store" in result.output
    assert "by language: en 7, id 20" in result.output
    assert "SuaraNusa" in result.output and "Reuters" in result.output
    assert "events coded; most reported pairs:" in result.output
    assert "IDNGOV -> MYSGOV" in result.output  # Prabowo and Anwar, told by several outlets
    # the sample's stories A-D: 5, 4, 3 and 2 articles
    assert "17 stories, 4 of them reported by several articles" in result.output
    assert "5 articles, 4 outlets, en+id: Prabowo" in result.output
    again = runner.invoke(main, ["demo", "--db", str(db), "--no-serve"])  # a fresh file each time
    assert "stored 27," in again.output


def _run_kabar(args, tmp_path, stderr):
    import os
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "kabar", *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=stderr,
        env={**os.environ, "KABAR_DB": str(tmp_path / "p.db")},
        timeout=120,
    )


def test_progress_line_on_a_terminal_only(tmp_path, corpus):
    import os
    import pty
    import subprocess

    for n in range(40):
        (corpus / f"extra{n}.txt").write_text(f"Judul {n}\n\n" + f"Isi berita nomor {n}. " * 20)
    quiet = _run_kabar(["ingest", str(corpus)], tmp_path, subprocess.PIPE)
    assert quiet.returncode == 0 and quiet.stderr == b""

    leader, follower = pty.openpty()
    shown = _run_kabar(
        ["ingest", str(corpus), "--db", str(tmp_path / "tty.db")], tmp_path, follower
    )
    os.close(follower)
    progress = os.read(leader, 65536).decode()
    os.close(leader)
    assert shown.returncode == 0
    assert "\r  read 10  failed 0\r  read 20  failed 0" in progress
    assert "\r  read 40  failed 0" in progress
    assert b"read 42, stored 42" in shown.stdout


ATTACK = (
    "Rusia Serang Kharkiv\n\nJakarta, Kabar Uji - Militer Rusia menyerang kota Kharkiv di "
    "Ukraina pada Jumat (16/1/2026) dini hari, kata juru bicara militer Ukraina kepada "
    "wartawan. Serangan itu merusak gedung sekolah dan rumah sakit. Menteri Luar Negeri RI "
    "Sugiono tidak mengecam serangan tersebut dalam jumpa pers di Jakarta.\n"
)


def test_code_json_is_one_record_per_article_as_design_says(runner, corpus, tmp_path):
    """`kabar code --json`: per article a line {"article", "events"} with DESIGN.md's keys;
    each event's evidence is the article text at its offsets."""
    (tmp_path / "attack.txt").write_text(ATTACK, encoding="utf-8")
    result = runner.invoke(
        main, ["code", str(tmp_path / "attack.txt"), str(corpus / "b.txt"), "--json"]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 2 and all(list(r) == ["article", "events"] for r in records)
    article, events = records[0]["article"], records[0]["events"]
    assert list(article)[:8] == ARTICLE_KEYS
    design = {"source", "target", "cameo", "plover", "goldstein", "quad_class", "date"}
    design |= {"date_precision", "background", "negated", "modality", "location", "evidence"}
    design |= {"confidence"}
    for event in events:
        assert design <= set(event)
        assert set(event["source"]) == {"code", "country", "sector", "name"}
        assert set(event["plover"]) == {"type", "mode"}
        evidence = event["evidence"]
        assert article["text"][evidence["start"] : evidence["end"]] == evidence["text"]
    attack, condemned = events
    assert (attack["source"]["code"], attack["target"]["country"], attack["cameo"]) == (
        "RUSMIL",
        "UKR",
        "190",
    )
    assert (attack["date"], attack["date_precision"], attack["negated"]) == (
        "2026-01-16",
        "day",
        False,
    )
    assert (attack["plover"]["type"], attack["quad_class"], attack["goldstein"]) == (
        "ASSAULT",
        4,
        -10.0,
    )
    assert condemned["source"]["code"] == "IDNGOV" and condemned["cameo"][:2] == "11"
    assert condemned["negated"] is True  # "tidak mengecam": flagged, not dropped


def test_a_broken_user_dictionary_is_a_clear_error(runner, tmp_path):
    """A PETRARCH actor dictionary with a bad line, named in the settings: the command
    stops with the file, the line and the reason, and no traceback."""
    (tmp_path / "actors.txt").write_text("GONDOR [GON]\n  +GONDOR_CITY\n", encoding="utf-8")
    config = tmp_path / "kabar.toml"
    config.write_text(f'[code]\npetrarch_actors = ["{tmp_path / "actors.txt"}"]\n')
    (tmp_path / "a.txt").write_text(ATTACK, encoding="utf-8")
    result = runner.invoke(main, ["--config", str(config), "code", str(tmp_path / "a.txt")])
    assert result.exit_code == 1
    assert f"{tmp_path / 'actors.txt'}:2: indented line is not a code" in result.output
    assert "Traceback" not in result.output
