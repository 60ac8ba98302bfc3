"""`kabar watch` end to end: two runs as two processes would make them, logs, exit codes."""

from __future__ import annotations

import json

import psycopg
import pytest
from click.testing import CliRunner
from newsroom import serve_newsroom

from kabar.cli import main
from kabar.settings import default_settings
from kabar.store import Store
from kabar.watch import Watcher

CONFIG = """
[fetch]
per_host_interval_s = 0.0
retries = 0
[watch]
timeout_s = 0.5
"""


@pytest.fixture
def room():
    with serve_newsroom() as newsroom:
        yield newsroom


@pytest.fixture
def files(tmp_path, room):
    config = tmp_path / "settings.toml"
    config.write_text(CONFIG)
    sources = tmp_path / "SOURCES.txt"
    sources.write_text(
        f"# Warta Uji and the wire\n{room.url('/rss.xml')}\n"
        f"feed {room.url('/atom.xml')}  # full text\npage {room.url('/')}\n"
    )
    return config, sources, tmp_path / "watch.db"


def watch(config, *args):
    return CliRunner().invoke(main, ["--config", str(config), "watch", *map(str, args)])


def test_second_run_after_a_restart_ingests_nothing(room, files):
    config, sources, db = files
    first = watch(config, sources, "--once", "--db", db)
    assert first.exit_code == 0, first.output
    for url in (room.url("/rss.xml"), room.url("/atom.xml")):
        assert f"INFO feed {url}: 200, 2 entries, 2 new: 2 stored" in first.stderr
    assert f"INFO page {room.url('/')}: 200, 2 entries, 2 new: 2 stored" in first.stderr
    assert "round: 3 sources, 3 with new entries" in first.stderr

    second = watch(config, sources, "--once", "--db", db)
    assert second.exit_code == 0, second.output
    assert second.stderr.count("304 not modified") == 3
    assert "0 new entries: 0 stored" in second.stderr
    assert all(h.status == 304 for h in room.requests("/rss.xml")[1:])
    assert "if-none-match" in room.requests("/rss.xml")[1].headers
    with Store.open(str(db)) as store:
        assert store.count() == 6


def test_failures_are_logged_and_exit_1(room, files):
    config, sources, db = files
    sources.write_text(f"{room.url('/rusak-sementara.xml')}\n{room.url('/rss.xml')}\n")
    room.failing["/rusak-sementara.xml"] = 1
    result = watch(config, sources, "--once", "--db", db)
    assert result.exit_code == 1
    url = room.url("/rusak-sementara.xml")
    assert f"WARNING feed {url}: failed: HTTP 500 Internal Server Error" in result.stderr
    assert f"feed {room.url('/rss.xml')}: 200, 2 entries, 2 new: 2 stored" in result.stderr


def test_json_log_lines(room, files):
    config, sources, db = files
    result = watch(config, sources, "--once", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert [line.get("url") for line in lines[:3]] == [
        room.url("/rss.xml"),
        room.url("/atom.xml"),
        room.url("/"),
    ]
    assert {line["status"] for line in lines[:3]} == {"new"} and lines[0]["stored"] == 2
    assert lines[-1]["round"] and lines[-1]["new_entries"] == 6 and lines[-1]["stored"] == 6


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--every", "soon"], "not an interval: 'soon'"),
        (["--every", "0s"], "longer than zero"),
    ],
)
def test_usage_errors(files, args, message):
    config, sources, db = files
    result = watch(config, sources, "--once", "--db", db, *args)
    assert result.exit_code == 2 and message in result.output


def test_bad_sources_file_is_a_usage_error(files):
    config, sources, db = files
    sources.write_text("# one bad line\nrss.example/feed\n")
    result = watch(config, sources, "--once", "--db", db)
    assert result.exit_code == 2 and f"{sources}:2: not an http(s) URL" in result.output
    result = watch(config, sources.with_name("missing.txt"), "--once", "--db", db)
    assert result.exit_code == 2 and "cannot read sources" in result.output


def test_rounds_are_every_apart_and_reread_the_sources(room, files, store):
    _, sources, _ = files
    settings = default_settings().replace(**{"fetch.per_host_interval_s": 0.0})
    sources.write_text(f"{room.url('/rss.xml')}\n")
    pauses = []

    def sleep(seconds: float) -> None:  # between rounds: the file is edited
        pauses.append(seconds)
        sources.write_text(f"{room.url('/rss.xml')}\n{room.url('/atom.xml')}\n")

    last = Watcher(store, settings).run(sources, 900, rounds=2, sleep=sleep)
    assert len(pauses) == 1 and 890 < pauses[0] <= 900
    assert [(s.url, s.status) for s in last.sources] == [
        (room.url("/rss.xml"), "unchanged"),
        (room.url("/atom.xml"), "new"),
    ]


def test_a_database_outage_fails_a_round_and_the_watcher_goes_on(room, files, postgres, caplog):
    """The PostgreSQL database refuses connections for one round (as during a restart):
    that round is logged as failed, the next one works again."""
    _, sources, _ = files
    sources.write_text(f"{room.url('/rss.xml')}\n")
    settings = default_settings().replace(**{"fetch.per_host_interval_s": 0.0})

    def admin(sql: str) -> None:
        with psycopg.connect(postgres.admin_url, autocommit=True) as connection:
            connection.execute(sql)

    with postgres.database() as url, Store.open(url) as store:
        name = url.rsplit("/", 1)[1]
        pauses = []

        def sleep(seconds: float) -> None:
            pauses.append(seconds)
            if len(pauses) == 1:  # down: no new connections, the open ones cut
                admin(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
                admin(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    f"WHERE datname = '{name}'"
                )
            else:
                admin(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')

        with caplog.at_level("INFO", logger="kabar.watch"):
            last = Watcher(store, settings).run(sources, 1, rounds=3, sleep=sleep)
        failed = [r for r in caplog.records if r.getMessage().startswith("round failed")]
        assert len(failed) == 1 and "the store is unreachable" in failed[0].getMessage()
        assert not last.failed and [s.status for s in last.sources] == ["unchanged"]
        assert store.count() > 0  # what the first round stored is still there
