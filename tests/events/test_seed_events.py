"""The model case: every core event of ../shared/seed comes out, with the right direction."""

from __future__ import annotations

import json

import pytest

from kabar import default_settings
from kabar.evaluate import evaluate, match_root, pair


@pytest.fixture(scope="module")
def report(request):
    shared = request.getfixturevalue("shared")
    return evaluate(shared / "seed" / "gold.jsonl", shared / "seed" / "texts", default_settings())


def test_every_core_event_of_the_seed(report):
    root = report.levels["root"]
    assert root.core_hits == root.core_gold == 7
    assert report.missed == []


def test_seed_precision(report):
    assert report.levels["root"].precision >= 0.85
    assert report.cited_sources.value == 1.0


def test_seed_event_details(shared):
    from kabar.evaluate import article_for
    from kabar.events import Coder
    from kabar.extract import Extractor

    record = json.loads((shared / "seed" / "gold.jsonl").read_text().splitlines()[0])
    settings = default_settings()
    article = article_for(record, shared / "seed" / "texts", Extractor(settings))
    events = Coder(settings).code(article)
    golds = {g["eid"]: g for g in record["events"]}
    paired = {
        record["events"][g]["eid"]: events[p] for p, g in pair(events, record["events"], match_root)
    }
    # the 20-year pact: signed "tahun lalu", so background, dated to the year before
    assert paired["e04"].cameo == "057" and paired["e04"].background
    # strikes on Iran's nuclear sites "oleh Israel dan Amerika Serikat": two attackers
    assert {paired["e07"].source.country, paired["e08"].source.country} == {"ISR", "USA"}
    assert paired["e07"].target.country == paired["e08"].target.country == "IRN"
    # each event explains itself: its sentence and the lexicon entry that fired
    for event in events:
        assert article.text[event.start : event.end] == event.evidence
        assert event.rule.startswith("id/events.tsv:")
    assert golds  # all gold events were read
