"""Real corpora from ../shared/data: everything ingests, each input an article or a reason."""

from __future__ import annotations

import json

import pytest

from kabar.pipeline import ingest

pytestmark = pytest.mark.shared


def test_html_pages_all_ingest(shared, sqlite_store, settings):
    pages = sorted((shared / "data" / "html-pages").glob("*.html"))
    assert len(pages) == 300
    report = ingest([str(page) for page in pages], sqlite_store, settings)
    assert report.read == len(pages)
    assert report.stored + report.new_versions + report.duplicates + report.failed == len(pages)
    assert report.stored >= 290  # real pages: only menu-only or script-only pages may fail
    for failure in report.failures:
        assert failure.location.endswith(".html") and failure.reason
    languages = {a["language"] for a in sqlite_store.iter_articles()}
    assert {"de", "en"} <= languages
    titled = sum(1 for a in sqlite_store.iter_articles() if a["title"])
    assert titled >= 0.95 * report.stored


def test_indosum_all_ingest(shared, sqlite_store, settings):
    folds = sorted((shared / "data" / "indosum").glob("dev.*.jsonl"))
    records = [json.loads(line) for fold in folds for line in fold.open(encoding="utf-8")]
    report = ingest([str(fold) for fold in folds], sqlite_store, settings)
    assert report.read == len(records)
    assert report.stored + report.new_versions + report.duplicates + report.failed == len(records)
    unique_ids = {r["id"] for r in records}
    # the folds overlap: the same article twice is a duplicate (or, where a fold's copy
    # differs, a new version of that URL), never a second article
    assert report.stored <= len(unique_ids)
    assert report.stored >= 0.97 * len(unique_ids)
    for failure in report.failures:
        assert ".jsonl:" in failure.location and failure.reason
    languages = [a["language"] for a in sqlite_store.iter_articles()]
    assert languages.count("id") >= 0.98 * len(languages)
    outlets = {a["outlet"] for a in sqlite_store.iter_articles()}
    assert {"Kumparan", "Antara", "CNN Indonesia"} & outlets
