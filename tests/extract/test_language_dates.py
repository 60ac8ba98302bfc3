from __future__ import annotations

import pytest

from kabar.extract._dates import date_from_iso, date_from_url, date_printed_in
from kabar.extract._language import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Presiden Prabowo Subianto menerima kunjungan Perdana Menteri Australia di Istana "
            "Merdeka, Jakarta, pada Senin untuk membahas kerja sama pertahanan kedua negara.",
            "id",
        ),
        (
            "Foreign ministers of the two countries met in Canberra on Tuesday to discuss maritime "
            "security and illegal fishing in the waters between them.",
            "en",
        ),
        (
            "Die Außenminister beider Länder trafen sich am Dienstag in Canberra, um über "
            "maritime Sicherheit und illegale Fischerei zu sprechen.",
            "de",
        ),
        (
            "Nelayan di pesisir utara mengeluhkan kapal asing yang kerap masuk perairan mereka "
            "tanpa izin, sementara petugas belum juga bertindak tegas.",
            "id",
        ),
    ],
)
def test_language(text, lang):
    assert detect_language(text) == lang


def test_language_unknown_for_tiny_text():
    assert detect_language("OK 123") is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.jatimvoice.com/2026/01/upaya-mediasi.html", ("2026-01", "month")),
        ("https://x.example/news/2026/01/16/abc", ("2026-01-16", "day")),
        ("https://x.example/read/2026-01-16-abc", ("2026-01-16", "day")),
        ("https://x.example/about", None),
        ("https://x.example/2026/02/31/bad", None),
    ],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Jumat, 16 Januari 2026 09:30 WIB", "2026-01-16"),
        ("Rabu, 7 Agustus 2025", "2025-08-07"),
        ("January 16, 2026", "2026-01-16"),
        ("16/01/2026", "2026-01-16"),
        ("Diperbarui 3 Mei 2025 14:00", "2025-05-03"),
    ],
)
def test_printed_dates(printed, expected):
    assert date_printed_in(printed) == (expected, "day")


def test_iso_metadata_dates():
    assert date_from_iso("2026-01-16T08:00:00+07:00") == ("2026-01-16", "day")
    assert date_from_iso(None) is None
