"""`kabar export`: GDELT-2.0-style TSV, PLOVER JSONL, CSV and Parquet, with the API's filters."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from conftest import REPO, SAMPLE

from kabar.cli import main
from kabar.export import GDELT_COLUMNS, export_events
from kabar.export import _writers as writers
from kabar.pipeline import ingest
from kabar.settings import default_settings
from kabar.store import Store
from kabar.store._queries import EventFilter, count_event_rows


@pytest.fixture(scope="module")
def db(module_db_url):
    outlets = str(REPO / "kabar" / "data" / "sample-outlets.tsv")
    settings = default_settings().replace(**{"extract.outlet_files": [outlets]})
    with Store.open(module_db_url) as store:
        ingest([str(SAMPLE)], store, settings)
    return module_db_url


EVERYTHING = EventFilter()


def export(db, fmt, where=EVERYTHING):
    out = io.StringIO()
    with Store.open(db) as store:
        written = export_events(store, where, fmt, out)
    return written, out.getvalue()


def total(db, where=EVERYTHING):
    with Store.open(db) as store, store.engine.connect() as connection:
        return count_event_rows(connection, where)


def test_gdelt_rows_have_the_61_columns_in_order(db):
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:3] == ["GlobalEventID", "Day", "MonthYear"]
    assert GDELT_COLUMNS[-2:] == ["DATEADDED", "SOURCEURL"]
    written, text = export(db, "gdelt")
    rows = [line.split("\t") for line in text.splitlines()]
    assert written == len(rows) == total(db) > 50
    assert all(len(row) == 61 for row in rows)
    named = [dict(zip(GDELT_COLUMNS, row, strict=True)) for row in rows]
    first = named[0]
    assert len(first["Day"]) == 8 and first["Day"].startswith(first["MonthYear"])
    assert first["EventCode"].startswith(first["EventRootCode"])
    assert first["SOURCEURL"].startswith("https://")
    # a story event reported by several articles carries their numbers
    assert max(int(row["NumArticles"]) for row in named) >= 3
    assert all(int(r["NumSources"]) <= int(r["NumArticles"]) for r in named)


def test_plover_records_follow_the_manual(db):
    written, text = export(db, "plover", EventFilter(root="04"))
    records = [json.loads(line) for line in text.splitlines()]
    assert written == len(records) == total(db, EventFilter(root="04")) > 0
    for record in records:
        assert {"id", "date", "actor", "event"} <= set(record)
        assert record["event"] and record["cameo"].startswith("04")
        assert all(len(entity["code"]) == 3 for entity in record["actor"] + record["recipient"])
        assert record["cite_info"]["coder"] == "kabar" and record["event_text"]
    symmetric = [r for r in records if len(r["actor"]) == 2]
    assert all(r["recipient"] == [] for r in symmetric)


def test_csv_and_filters_match_the_api_counts(db):
    where = EventFilter(actor="IDNGOV", language="id")
    written, text = export(db, "csv", where)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert written == len(rows) == total(db, where) > 0
    assert all("IDNGOV" in (r["source_code"], r["target_code"]) for r in rows)
    assert all(r["language"] == "id" for r in rows)


def test_parquet_is_typed_and_complete(db, tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    with Store.open(db) as store:
        written = export_events(store, EventFilter(), "parquet", path)
    table = pq.read_table(path)
    assert table.num_rows == written == total(db)
    assert str(table.schema.field("goldstein").type) == "double"
    assert str(table.schema.field("negated").type) == "bool"
    assert str(table.schema.field("id").type) == "int64"


def test_pages_stream_without_loss_or_repeats(db, monkeypatch):
    monkeypatch.setattr(writers, "PAGE", 7)
    _, text = export(db, "csv")
    ids = [row["id"] for row in csv.DictReader(io.StringIO(text))]
    assert len(ids) == len(set(ids)) == total(db)


def test_cli_export_to_stdout_and_file(db, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--format", "gdelt", "--db", db, "--root", "04"])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == total(db, EventFilter(root="04"))
    out = tmp_path / "e.jsonl"
    result = runner.invoke(main, ["export", "--format", "plover", "--out", str(out), "--db", db])
    assert result.exit_code == 0 and len(out.read_text().splitlines()) == total(db)
    assert runner.invoke(main, ["export", "--format", "parquet", "--db", db]).exit_code == 2
    assert runner.invoke(main, ["export", "--format", "xml", "--db", db]).exit_code == 2
