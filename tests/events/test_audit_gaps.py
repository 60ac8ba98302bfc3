"""Coder gaps an audit found with fresh sentences (issue 3), one behaviour each, tested on
sentences written for these tests, not the audit's."""

from __future__ import annotations

import pytest

from kabar import default_settings
from kabar.events import Coder
from kabar.models import Article


@pytest.fixture(scope="module")
def coder():
    return Coder(default_settings())


def code(coder, text, lang="id", published="2026-01-17"):
    article = Article(title=None, text=text, language=lang, published=published)
    return coder.code(article)


def triples(events):
    return {(e.source.code, e.target.code if e.target else None, e.cameo) for e in events}


# -- mediation as a noun ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Emir Qatar melakukan mediasi antara Israel dan Hamas di Doha.", "id"),
        ("The Emir of Qatar conducted a mediation between Israel and Hamas in Doha.", "en"),
    ],
)
def test_a_mediation_between_two_sides_is_its_doers_act_on_both(coder, text, lang):
    found = {(s[:3], t[:3], c) for s, t, c in triples(code(coder, text, lang)) if t}
    assert {("QAT", "ISR", "045"), ("QAT", "PSE", "045")} <= found
    assert not any(s.startswith("ISR") and c == "045" for s, _, c in found)


def test_an_indonesian_mediation_noun_falls_back_to_the_pair_just_named(coder):
    text = (
        "Thailand dan Kamboja kembali bertempur di perbatasan. Istana Kepresidenan Malaysia "
        "menyatakan bahwa Anwar Ibrahim meneruskan upaya mediasi."
    )
    events = code(coder, text)
    mediation = {(e.source.code, e.target.code) for e in events if e.cameo == "045"}
    assert mediation == {("MYSGOV", "THA"), ("MYSGOV", "KHM")}
