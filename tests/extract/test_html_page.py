"""An HTML page of our own that wraps a short article in heavy Blogger-style page chrome."""

from __future__ import annotations

from pathlib import Path

import pytest

from kabar.extract import Extractor
from kabar.read import Reader

PAGE = Path(__file__).parent / "pages" / "heavy-chrome.html"

BODY = [
    "Canberra, Kabar Sambas - Menteri Luar Negeri RI Sugiono bertemu Menteri Luar Negeri "
    "Australia Penny Wong di Canberra pada Selasa (13/1/2026) untuk membahas kerja sama "
    "keamanan maritim di kawasan Indo-Pasifik.",
    "Kedua menteri sepakat memperluas patroli bersama di perairan perbatasan dan bertukar "
    "informasi tentang penangkapan ikan ilegal, seperti dilaporkan kantor berita Antara.",
    '"Kami ingin laut di antara kedua negara menjadi jembatan, bukan sumber ketegangan," '
    "kata Sugiono kepada wartawan usai pertemuan.",
    "Wong menyatakan Australia siap membantu pelatihan petugas Badan Keamanan Laut (Bakamla). "
    "Menurut Reuters, kedua negara juga akan menggelar latihan gabungan pada pertengahan tahun.",
    "Pertemuan itu merupakan yang pertama sejak kedua negara menandatangani perjanjian kerja "
    "sama pertahanan pada tahun lalu.",
]
CHROME = [
    "Baca Juga",
    "Harga Beras",
    "Berita Terkait",
    "Berita Populer",
    "Banjir Rendam",
    "Copyright",
    "Bagikan",
    "Label",
    "Postingan Lama",
    "Semoga kerja sama",
    "cookie",
    "Beranda",
    "Cari berita",
    "Advertisement",
    "Pedoman Media Siber",
    "dataLayer",
]


@pytest.fixture(scope="module")
def article():
    from kabar.settings import default_settings

    settings = default_settings()
    (doc,) = Reader(settings).read([str(PAGE)])
    return Extractor(settings).extract(doc)


def test_body_is_exact(article):
    assert article.text.split("\n\n") == BODY


@pytest.mark.parametrize("chrome", CHROME)
def test_page_chrome_is_gone(article, chrome):
    assert chrome not in article.text


def test_metadata(article):
    assert article.title == "Menlu RI Bertemu Menlu Australia Bahas Keamanan Maritim"
    assert article.outlet == "Kabar Sambas"
    assert article.author == "Rina Sulastri"
    assert article.published == "2026-01-14"
    assert article.published_precision == "day"
    assert (
        article.url == "https://kabarsambas.example/2026/01/menlu-ri-bertemu-menlu-australia.html"
    )
    assert article.language == "id"
    assert article.dateline == "Canberra"
    assert article.cited_sources == ["Antara", "Reuters"]
    assert article.format == "html"
