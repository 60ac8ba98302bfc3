"""Bad input: each problem reported with its path and reason, the batch goes on, and what
was stored before is untouched."""

from __future__ import annotations

import gzip
import json

from helpers import PARAGRAPHS, article_html, write_warc

from kabar.pipeline import ingest


def snapshot(store):
    return sorted((a["id"], a["text"], a["title"], a["version"]) for a in store.iter_articles())


def test_bad_inputs_are_reported_and_nothing_is_damaged(tmp_path, store, settings):
    good = tmp_path / "good"
    good.mkdir()
    (good / "satu.html").write_text(article_html("Artikel Satu"), encoding="utf-8")
    (good / "dua.txt").write_text(
        "Artikel Dua\n\n" + "\n\n".join(PARAGRAPHS[1:] * 2), encoding="utf-8"
    )
    first = ingest([str(good)], store, settings)
    assert (first.stored, first.failed) == (2, 0)
    before = snapshot(store)

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.html").write_bytes(b"")
    (bad / "image.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 20)
    (bad / "junk.bin").write_bytes(bytes(range(256)) * 40)
    (bad / "truncated.html").write_text(article_html()[:180], encoding="utf-8")
    (bad / "menu-only.html").write_text(
        "<html><head><title>Beranda</title></head><body><nav><a href='/'>Beranda</a>"
        "<a href='/a'>Nasional</a></nav><footer>Copyright 2026</footer></body></html>"
    )
    (bad / "feed.rss").write_text("<html><body><h1>502 Bad Gateway</h1></body></html>")
    data = write_warc(bad / "crawl.warc.gz", {"https://k.example/w": article_html() * 4})
    (bad / "crawl.warc.gz").write_bytes(data[: len(data) // 2])
    (bad / "dump.jsonl").write_text('{"title": "x", "text": broken}\n["not", "an", "object"]\n')
    big = "<html><body><article>" + "<p>" + "kata " * 200 + "</p>" * 1 + "</article>"
    (bad / "huge.html").write_text(big + "<!-- " + "x" * (50 * 1024 * 1024) + " --></body></html>")
    (bad / "cp1252.txt").write_bytes(
        ("Berita Lama\n\n" + "\n\n".join(PARAGRAPHS) + "\n\nKata menteri: “cukup”.").encode(
            "cp1252"
        )
    )
    (bad / "broken-link.html").symlink_to(tmp_path / "nowhere.html")
    missing = tmp_path / "missing.html"

    report = ingest([str(bad), str(missing), str(good)], store, settings)

    reasons = {f.location: f.reason for f in report.failures}
    expected = {
        "empty.html": "empty file",
        "image.jpg": "not a news document: a JPEG image",
        "junk.bin": "not a news document: binary data",
        "truncated.html": "no article",
        "menu-only.html": "no article",
        "feed.rss": "expected an RSS/Atom feed but the content is an HTML page",
        "crawl.warc.gz": "truncated",
        "huge.html": "document larger than read.max_document_mb = 20 MB",
        "broken-link.html": "no such file or directory",
    }
    for name, reason in expected.items():
        assert reason in reasons[str(bad / name)], (name, reasons.get(str(bad / name)))
    assert reasons[str(missing)] == "no such file or directory"
    assert str(bad / "dump.jsonl") + ":1" in reasons and str(bad / "dump.jsonl") + ":2" in reasons
    assert report.failed == len(expected) + 3

    # the readable file in a legacy encoding still became an article
    assert report.stored == 1
    (legacy,) = [a for a in store.iter_articles() if a["title"] == "Berita Lama"]
    assert legacy["text"].endswith("Kata menteri: “cukup”.")
    # the good files again are duplicates, and what was stored is unchanged
    assert report.duplicates == 2
    after = snapshot(store)
    assert [row for row in after if row[2] != "Berita Lama"] == before


def test_gzipped_jsonl_and_html_are_read(tmp_path, store, settings):
    record = {"url": "https://k.example/gz", "title": "Gz", "text": "\n\n".join(PARAGRAPHS[::-1])}
    (tmp_path / "dump.jsonl.gz").write_bytes(gzip.compress((json.dumps(record) + "\n").encode()))
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(article_html("Halaman Gz").encode()))
    report = ingest([str(tmp_path)], store, settings)
    assert (report.stored, report.failed) == (2, 0)
    assert {a["title"] for a in store.iter_articles()} == {"Gz", "Halaman Gz"}
