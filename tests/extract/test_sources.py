"""Cited sources: outlets credited next to a cue, canonical names, the publisher left out."""

from __future__ import annotations

import pytest

from kabar.extract import OutletTable
from kabar.extract._sources import CitationCues, cited_sources


@pytest.fixture(scope="module")
def tables():
    return OutletTable.load(), CitationCues.load()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dilansir dari Reuters, Presiden Iran mengatakan", ["Reuters"]),
        ("Hal itu dikutip dari laman resmi Tempo.co pada Senin.", ["Tempo"]),
        ("menurut kantor berita Antara, harga naik.", ["Antara"]),
        ("seperti dilaporkan Al Jazeera, serangan terjadi", ["Al Jazeera"]),
        ("Sumber: detikcom", ["detikcom"]),
        ("Sumber CNBC Indonesia", ["CNBC Indonesia"]),
        ("Diberitakan CNN Indonesia sebelumnya, menteri itu", ["CNN Indonesia"]),
        ("Kantor berita Xinhua melaporkan bahwa", ["Xinhua"]),
        ("kata dia kepada Reuters.", ["Reuters"]),
        ("according to the state news agency IRNA.", ["IRNA"]),
        ("The Guardian reported that the minister", ["The Guardian"]),
        ("WASHINGTON (AP) — The Senate voted", ["Associated Press"]),
        ("(Reuters) - Iran said on Friday", ["Reuters"]),
        ("Dilansir dari Reuters dan AFP, kedua negara", ["Reuters", "AFP"]),
        ("Menurut Antara, lalu menurut ANTARA lagi", ["Antara"]),
    ],
)
def test_credits(tables, text, expected):
    assert cited_sources(text, *tables) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Dilansir dari berbagai sumber, Presiden Rusia",  # "various sources" is no outlet
        "menurut Putin, situasi membaik",  # a person, not an outlet
        "Reuters journalists were detained in the capital",  # about the outlet, no credit
        "perbedaan antara Iran dan Israel",  # 'antara' is also a common word
        "Tempo hari dia datang ke kantor",  # so is 'tempo'
    ],
)
def test_not_credits(tables, text):
    assert cited_sources(text, *tables) == []


def test_publisher_is_not_its_own_source(tables):
    text = "Jakarta (ANTARA) - Dilansir dari Antara dan Reuters, harga naik."
    assert cited_sources(text, *tables, own_outlet="Antara") == ["Reuters"]


def test_outlet_lookup_by_alias_and_domain():
    outlets = OutletTable.load()
    assert outlets.canonical("KOMPAS.com") == "Kompas.com"
    assert outlets.canonical("ANTARA News") == "Antara"
    assert outlets.canonical("JatimVoice.com") == "JatimVoice"
    assert outlets.for_url("https://www.antaranews.com/berita/123").name == "Antara"
    assert outlets.for_url("https://news.detik.com/berita/d-1/x").name == "detikcom"
    assert outlets.for_url("https://example.org/") is None
