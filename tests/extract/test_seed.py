"""The model case: the JatimVoice rewrite in ../shared/seed, extracted as DESIGN.md says."""

from __future__ import annotations

import json

import pytest

from kabar.extract import Extractor
from kabar.read import Reader

SEED = "seed/jatimvoice-putin-mediation.txt"


@pytest.fixture
def seed_article(shared, settings):
    docs = list(Reader(settings).read([str(shared / SEED)]))
    assert len(docs) == 1
    return Extractor(settings).extract(docs[0])


def test_seed_metadata(seed_article, shared):
    expected = json.loads((shared / "seed" / "expected.json").read_text(encoding="utf-8"))
    assert seed_article.title == expected["title"]
    assert seed_article.dateline == "Jakarta"
    assert seed_article.outlet == "JatimVoice"
    assert seed_article.cited_sources == ["CNBC Indonesia"]
    assert seed_article.language == "id"


def test_seed_boilerplate_removed(seed_article, shared):
    expected = json.loads((shared / "seed" / "expected.json").read_text(encoding="utf-8"))
    for line in expected["boilerplate"]:
        assert line not in seed_article.text


def test_seed_body_otherwise_complete(seed_article, shared):
    """Every non-chrome line of the file, bar the title, is in the body, in order."""
    raw = (shared / SEED).read_text(encoding="utf-8").splitlines()
    chrome = set(json.loads((shared / "seed" / "expected.json").read_text())["boilerplate"])
    body_lines = [line.strip() for line in raw[1:] if line.strip() and line.strip() not in chrome]
    paragraphs = seed_article.text.split("\n\n")
    assert paragraphs == body_lines
    assert paragraphs[0].startswith("Jakarta, JatimVoice.com - Dilansir dari berbagai sumber")
    assert paragraphs[-1].endswith("dapat mereda dan mendorong perdamaian di kawasan tersebut.")
