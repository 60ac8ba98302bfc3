"""Every article of the bundled sample corpus comes out as its manifest says, in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLE

from kabar import Extractor, Reader, default_settings, extract_all
from kabar.models import Failure

MANIFEST = SAMPLE.parent / "sample-src" / "MANIFEST.jsonl"
FIELDS = ["title", "outlet", "url", "published", "language", "dateline", "cited_sources"]


def _relative(location: str) -> str:
    path, sep, rest = location.partition("#") if "#" in location else (location, "", "")
    if ":" in path and not Path(path).exists():
        path, _, line = path.rpartition(":")
        rest, sep = line, ":"
    return Path(path).resolve().relative_to(SAMPLE.resolve()).as_posix() + sep + rest


@pytest.fixture(scope="module")
def extracted():
    settings = default_settings().replace(
        **{"extract.outlet_files": [str(SAMPLE.parent / "sample-outlets.tsv")]}
    )
    items = list(extract_all(Reader(settings).read([str(SAMPLE)]), Extractor(settings)))
    assert [i for i in items if isinstance(i, Failure)] == []
    return {_relative(a.location): a for a in items}


MANIFEST_RECORDS = [json.loads(line) for line in MANIFEST.read_text(encoding="utf-8").splitlines()]


def test_every_article_and_nothing_else(extracted):
    assert set(extracted) == {record["location"] for record in MANIFEST_RECORDS}


@pytest.mark.parametrize("record", MANIFEST_RECORDS, ids=lambda r: r["location"][-45:])
def test_article_matches_manifest(extracted, record):
    article = extracted[record["location"]]
    assert {f: getattr(article, f) for f in FIELDS} == {f: record[f] for f in FIELDS}
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == record["first_paragraph"]
    assert paragraphs[-1] == record["last_paragraph"]
    for chrome in ("Baca Juga", "Bagikan", "appeared first on", "Copyright", "Berita Populer"):
        assert chrome not in article.text
