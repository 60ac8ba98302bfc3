from __future__ import annotations

import gzip

import pytest

from kabar.read import decode, repair_mojibake
from kabar.read._sniff import sniff


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (gzip.compress(b"WARC/1.0\r\n"), "gzip"),
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        (
            b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">',
            "feed",
        ),
        (b"<!DOCTYPE html><html><head><title>x</title>", "html"),
        (b"\xef\xbb\xbf<html><body><p>hai</p>", "html"),
        (b'{"url": "https://x.example/a", "text": "halo"}\n{"url": 2}', "jsonl"),
        (b'[{"text": "halo"}]', "json"),
        (b"Judul Berita\n\nJakarta - Isi berita.", "text"),
        (b"%PDF-1.7\n%\xe2\xe3", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
        ("<html><body>hai</body></html>".encode("utf-16"), "html"),
    ],
)
def test_sniff(head, kind):
    assert sniff(head) == kind


def test_sniff_ignores_rss_words_inside_html():
    page = b"<html><head><link rel='alternate' type='application/rss+xml'></head><body><feed >"
    assert sniff(page) == "html"


def test_decode_utf8_with_and_without_bom():
    assert decode("Presiden Rusia – “mediasi”".encode()) == ("Presiden Rusia – “mediasi”", "utf-8")
    text, encoding = decode(b"\xef\xbb\xbfhalo")
    assert (text, encoding) == ("halo", "utf-8-sig")


def test_decode_cp1252_without_declaration():
    raw = "Café “quoted” — €5 naïve".encode("cp1252")
    assert decode(raw) == ("Café “quoted” — €5 naïve", "cp1252")


def test_decode_latin1_declaration_means_windows_1252():
    raw = "“Halo” déjà".encode("cp1252")
    assert decode(raw, "iso-8859-1") == ("“Halo” déjà", "cp1252")


def test_declared_charset_is_not_trusted_over_valid_utf8():
    assert decode("Zürich".encode(), "iso-8859-1")[0] == "Zürich"


def test_decode_utf16():
    assert decode("Kabar baik".encode("utf-16"))[0] == "Kabar baik"


def test_mojibake_repaired():
    broken = "Presiden â€œmenolakâ€\x9d tuduhan itu, kata PresidÃ©n"
    assert repair_mojibake(broken) == "Presiden “menolak” tuduhan itu, kata Presidén"


def test_clean_text_untouched():
    text = "Café “ok” — Jakarta, 16/1/2026. Ã is a letter in Portuguese: São Paulo."
    assert repair_mojibake(text) == text
