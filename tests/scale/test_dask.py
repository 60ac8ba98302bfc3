"""The Dask engine stores what the single-process ingest stores, on a real 2-worker cluster."""

from __future__ import annotations

import json
import logging
import socket
from collections import defaultdict
from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from conftest import SAMPLE
from distributed import Client, LocalCluster, SchedulerPlugin, get_task_stream
from helpers import PARAGRAPHS
from sqlalchemy import select

from kabar.cli import main
from kabar.pipeline import IngestReport, ingest
from kabar.scale import WholeFile, ingest_on_dask
from kabar.scale._dask import _result
from kabar.settings import Settings, default_settings
from kabar.store import Store
from kabar.store._schema import articles, events, story_articles

FLOOD = (
    "Semarang, Kabar Uji - Pemerintah Jepang mengirim bantuan darurat berupa 40 ton beras "
    "dan 12 pompa air untuk korban banjir di Kabupaten Demak pada Kamis (15/1/2026). "
    "Duta Besar Jepang Masaki Yasushi menyerahkan bantuan itu kepada Gubernur Jawa Tengah "
    "Ahmad Luthfi di Semarang. Luthfi berterima kasih kepada Jepang atas bantuan tersebut."
)
FLOOD_REWRITE = (
    "Demak, Kabar Lain - Jepang menyalurkan bantuan 40 ton beras dan 12 pompa air bagi warga "
    "Demak yang terdampak banjir, Kamis (15/1/2026). Bantuan diserahkan Duta Besar Masaki "
    "Yasushi kepada Gubernur Ahmad Luthfi di Semarang, yang menyampaikan terima kasih "
    "kepada pemerintah Jepang."
)


def _record(url: str, text: str, outlet: str) -> str:
    title = text.split(" - ", 1)[1][:60]
    return json.dumps(
        {"url": url, "title": title, "text": text, "published": "2026-01-15", "outlet": outlet}
    )


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """The bundled sample corpus, a dump of our own (a story across partitions, a verbatim
    copy, a bad line, a record without text) and a file that is not news."""
    folder = tmp_path_factory.mktemp("corpus")
    dump = folder / "dump.jsonl"
    lines = [
        _record("https://kabaruji.example/banjir", FLOOD, "Kabar Uji"),
        _record("https://kabarlain.example/demak", FLOOD_REWRITE, "Kabar Lain"),
        "{not json",
        _record("https://kabaruji.example/banjir", FLOOD, "Kabar Uji"),
        json.dumps({"url": "https://kabaruji.example/kosong", "title": "Kosong"}),
        _record("https://kabaruji.example/anwar", " ".join(PARAGRAPHS), "Kabar Uji"),
    ]
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    broken = folder / "laporan.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    return [str(SAMPLE), str(dump), str(broken)]


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as started:
        yield started


@pytest.fixture
def small_partitions(settings: Settings) -> Settings:
    """Two records a partition, so every dump and archive is split."""
    return settings.replace(**{"scale.partition_records": 2})


def _contents(store: Store) -> dict[str, set]:
    """What a store holds, comparably across databases (no ids)."""
    with store.engine.connect() as connection:
        stored = set(
            connection.execute(
                select(articles.c.location, articles.c.url, articles.c.title, articles.c.text_hash)
            )
        )
        coded = set(
            connection.execute(
                select(
                    articles.c.location,
                    events.c.source_code,
                    events.c.target_code,
                    events.c.cameo,
                    events.c.date,
                    events.c.evidence,
                ).join(articles, articles.c.id == events.c.article_id)
            )
        )
        members = defaultdict(set)
        query = select(story_articles.c.story_id, articles.c.location).join(
            articles, articles.c.id == story_articles.c.article_id
        )
        for story_id, location in connection.execute(query):
            members[story_id].add(location)
    return {
        "articles": stored,
        "events": coded,
        "stories": {frozenset(m) for m in members.values()},
    }


def _summary(report: IngestReport) -> dict:
    summary = report.as_dict()
    for grouping in ("new_stories", "joined_stories"):  # depend on the order of grouping
        summary.pop(grouping)
    return summary


@pytest.fixture(scope="module")
def single_process(inputs, tmp_path_factory) -> tuple[IngestReport, dict]:
    with Store.open(str(tmp_path_factory.mktemp("local") / "kabar.db")) as store:
        report = ingest(inputs, store, default_settings())
        return report, _contents(store)


def test_same_articles_events_and_stories_as_one_process(
    inputs, cluster, small_partitions, tmp_path, single_process
):
    with Store.open(str(tmp_path / "dask.db")) as store:
        report = ingest_on_dask(
            inputs, store, small_partitions, scheduler=cluster.scheduler_address
        )
        found = _contents(store)
    expected_report, expected = single_process
    assert found == expected
    assert _summary(report) == _summary(expected_report)
    assert len(expected["stories"]) < len(expected["articles"])  # some stories group copies
    assert any(len(story) > 1 for story in found["stories"] if any("dump" in m for m in story))


def test_a_broken_input_is_reported_and_the_rest_stored(inputs, cluster, settings, tmp_path):
    with Store.open(str(tmp_path / "dask.db")) as store:
        report = ingest_on_dask(inputs, store, settings, scheduler=cluster.scheduler_address)
        assert store.count() == report.stored > 20
    failures = {f.location: f.reason for f in report.failures}
    assert failures[inputs[2]] == "not a news document: a PDF document"
    assert failures[f"{inputs[1]}:3"].startswith("invalid JSON line")
    assert failures[f"{inputs[1]}:5"].startswith("record has no text")
    assert report.duplicates >= 1  # the verbatim copy in the dump


def test_rerunning_adds_no_duplicates(inputs, cluster, small_partitions, tmp_path):
    with Store.open(str(tmp_path / "dask.db")) as store:
        first = ingest_on_dask(inputs, store, small_partitions, scheduler=cluster.scheduler_address)
        before = _contents(store)
        again = ingest_on_dask(inputs, store, small_partitions, scheduler=cluster.scheduler_address)
        assert _contents(store) == before
    assert (again.stored, again.new_versions, again.events) == (0, 0, 0)
    assert again.duplicates == first.stored + first.new_versions + first.duplicates


def test_without_coding_the_articles_are_stored_without_events(
    inputs, cluster, small_partitions, tmp_path, single_process
):
    with Store.open(str(tmp_path / "dask.db")) as store:
        report = ingest_on_dask(
            inputs, store, small_partitions, scheduler=cluster.scheduler_address, code=False
        )
        found = _contents(store)
    assert (report.events, found["events"]) == (0, set())
    assert found["articles"] == single_process[1]["articles"]


def test_partitions_of_one_file_spread_over_both_workers(cluster, tmp_path, settings):
    dump = tmp_path / "big.jsonl"
    records = [
        _record(f"https://kabaruji.example/{i}", f"{FLOOD} Laporan ke-{i}.", "Kabar Uji")
        for i in range(12)
    ]
    dump.write_text("\n".join(records) + "\n", encoding="utf-8")
    settings = settings.replace(**{"scale.partition_records": 1, "stories.enabled": False})
    with (
        Client(cluster.scheduler_address) as observer,
        get_task_stream(observer) as stream,
        Store.open(str(tmp_path / "dask.db")) as store,
    ):
        report = ingest_on_dask([str(dump)], store, settings, scheduler=cluster.scheduler_address)
    assert report.stored == 12
    workers = {task["worker"] for task in stream.data if "process_partition" in task["key"]}
    assert len(workers) == 2


class PartitionsOnTheCluster(SchedulerPlugin):
    """Counts the partitions the scheduler holds at once (submitted and not yet forgotten)."""

    name = "partitions-on-the-cluster"

    def __init__(self) -> None:
        self.held: set[str] = set()
        self.most = 0

    def transition(self, key, start, finish, *args, **kwargs) -> None:
        if "process_partition" not in str(key):
            return
        if finish == "forgotten":
            self.held.discard(key)
        else:
            self.held.add(key)
        self.most = max(self.most, len(self.held))


def test_partitions_in_flight_are_bounded(cluster, tmp_path, settings):
    """The client takes results back before it submits more: memory stays flat."""
    dump = tmp_path / "big.jsonl"
    records = [
        _record(f"https://kabaruji.example/{i}", f"{FLOOD} Laporan ke-{i}.", "Kabar Uji")
        for i in range(16)
    ]
    dump.write_text("\n".join(records) + "\n", encoding="utf-8")
    overrides = {"scale.partition_records": 1, "scale.in_flight_per_worker": 1}
    counter = PartitionsOnTheCluster()
    cluster.scheduler.add_plugin(counter)  # the LocalCluster's scheduler runs in this process
    try:
        with Store.open(str(tmp_path / "dask.db")) as store:
            report = ingest_on_dask(
                [str(dump)],
                store,
                settings.replace(**overrides),
                scheduler=cluster.scheduler_address,
            )
    finally:
        cluster.scheduler.remove_plugin(counter.name)
    assert report.stored == 16
    # one per worker, plus one whose release may still be on its way: never the whole file
    assert counter.most in (2, 3)


def test_a_partition_lost_on_the_cluster_is_one_failure(cluster):
    def crash() -> None:
        raise MemoryError("worker ran out of memory")

    with Client(cluster.scheduler_address) as client:
        items = _result(WholeFile("/data/big.warc.gz"), client.submit(crash, pure=False))
    assert [(f.location, f.stage) for f in items] == [("/data/big.warc.gz", "dask")]
    assert "MemoryError: worker ran out of memory" in items[0].reason


def test_cli_runs_on_a_local_cluster_of_its_own(inputs, tmp_path, single_process):
    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(
        main, ["ingest", *inputs, "--engine", "dask", "--workers", "2", "--db", db, "--json"]
    )
    assert result.exit_code == 1, result.output  # the PDF failed, the rest went in
    summary = json.loads(result.stdout)
    expected_report, expected = single_process
    assert summary["stored"] == expected_report.stored
    assert {f["location"] for f in summary["failures"]} == {
        f.location for f in expected_report.failures
    }
    with Store.open(db) as store:
        assert _contents(store) == expected


@pytest.mark.parametrize(
    "options",
    [
        ["--workers", "2"],
        ["--scheduler", "tcp://127.0.0.1:1"],
        ["--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--workers", "2"],
        ["--engine", "spark"],
    ],
)
def test_dask_options_need_the_dask_engine(options, tmp_path):
    result = CliRunner().invoke(
        main, ["ingest", str(SAMPLE), "--db", str(tmp_path / "k.db"), *options]
    )
    assert result.exit_code == 2
    assert not (tmp_path / "k.db").exists()


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{probe.getsockname()[1]}"
    config = tmp_path / "settings.toml"
    config.write_text("[scale]\nconnect_timeout_s = 1.0\n")
    result = CliRunner().invoke(
        main,
        ["--config", str(config), "ingest", str(SAMPLE), "--engine", "dask"]
        + ["--scheduler", address, "--db", str(tmp_path / "k.db")],
    )
    assert result.exit_code == 1
    assert f"cannot connect to the Dask scheduler at {address}" in result.output
