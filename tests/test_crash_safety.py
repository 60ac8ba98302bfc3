"""Killing an ingest with SIGKILL mid-batch leaves a consistent database; a re-run completes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ARTICLES = 1500
BATCH = 7


def write_corpus(folder: Path) -> None:
    folder.mkdir()
    for n in range(ARTICLES):
        (folder / f"{n:05d}.txt").write_text(
            f"Berita nomor {n}\n\nJakarta, Kabar Uji - Ini adalah isi berita nomor {n} yang cukup "
            f"panjang untuk dianggap artikel. Kepala daerah nomor {n} meresmikan jembatan baru "
            f"dan berjanji memperbaiki jalan desa sebelum musim hujan tiba di wilayahnya.\n",
            encoding="utf-8",
        )


def count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created yet


def run_ingest(corpus: Path, db: Path, config: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kabar",
            "--config",
            str(config),
            "ingest",
            str(corpus),
            "--db",
            str(db),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def test_sigkill_mid_batch_then_rerun(tmp_path):
    corpus, db, config = tmp_path / "corpus", tmp_path / "k.db", tmp_path / "settings.toml"
    write_corpus(corpus)
    config.write_text(f"[store]\nbatch_size = {BATCH}\n")

    process = run_ingest(corpus, db, config)
    deadline = time.monotonic() + 60
    while count(db) < 5 * BATCH and time.monotonic() < deadline:
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored = count(db)
    assert process.returncode == -signal.SIGKILL
    assert 0 < stored < ARTICLES, "the kill must land in the middle of the run"

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # whole transactions only: a batch is all there or not at all
        assert stored % BATCH == 0
        rows = connection.execute("SELECT title, text FROM articles").fetchall()
    for title, text in rows:
        n = int(title.rsplit(" ", 1)[1])
        assert text.startswith(f"Jakarta, Kabar Uji - Ini adalah isi berita nomor {n} ")
        assert text.endswith("musim hujan tiba di wilayahnya.")

    rerun = run_ingest(corpus, db, config)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    summary = out.decode()
    assert f"read {ARTICLES}, stored {ARTICLES - stored}," in summary
    assert f"duplicates {stored}, failed 0" in summary
    with sqlite3.connect(db) as connection:
        titles = [r[0] for r in connection.execute("SELECT title FROM articles")]
    assert sorted(titles) == sorted(f"Berita nomor {n}" for n in range(ARTICLES))
