"""Each input format becomes the right RawDocs; bad parts become Failures, never exceptions."""

from __future__ import annotations

import gzip
import io
import json

from helpers import PARAGRAPHS, article_html, rss, write_warc

from kabar.models import Failure, RawDoc
from kabar.read import Reader


def read(settings, *inputs, stdin=None):
    return list(Reader(settings, stdin=stdin).read([str(i) for i in inputs]))


def docs_of(items):
    return [i for i in items if isinstance(i, RawDoc)]


def failures_of(items):
    return [i for i in items if isinstance(i, Failure)]


def test_html_file_sniffed_whatever_its_name(tmp_path, settings):
    path = tmp_path / "artikel.dat"
    path.write_text(article_html(), encoding="utf-8")
    (doc,) = read(settings, path)
    assert doc.format == "html" and doc.location == str(path)
    assert "Istana Merdeka" in doc.content


def test_text_file_keeps_original_hash(tmp_path, settings):
    import hashlib

    raw = "Judul\n\nIsi berita yang panjang.".encode("cp1252")
    path = tmp_path / "berita.txt"
    path.write_bytes(raw)
    (doc,) = read(settings, path)
    assert doc.format == "text"
    assert doc.raw_sha256 == hashlib.sha256(raw).hexdigest()


def test_directory_is_walked_recursively_in_order(tmp_path, settings):
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("A\n\nteks a")
    (tmp_path / "b" / "c" / "d.txt").write_text("D\n\nteks d")
    (tmp_path / ".hidden.txt").write_text("X\n\nteks x")
    (tmp_path / "kabar.db").write_bytes(b"SQLite format 3\x00")
    items = read(settings, tmp_path)
    assert [d.location for d in items] == [str(tmp_path / "a.txt"), str(tmp_path / "b/c/d.txt")]


def test_glob(tmp_path, settings):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(f"{name}\n\nisi")
    items = read(settings, tmp_path / "x*.txt")
    assert [d.location for d in items] == [str(tmp_path / "x1.txt"), str(tmp_path / "x2.txt")]
    (nothing,) = read(settings, tmp_path / "z*.txt")
    assert nothing.reason == "no file matches this pattern"


def test_stdin(settings):
    items = read(settings, "-", stdin=io.BytesIO(article_html().encode()))
    assert [(d.location, d.format) for d in items] == [("<stdin>", "html")]


def test_jsonl_records_with_configured_fields(tmp_path, settings):
    lines = [
        {
            "url": "https://kabaruji.example/a",
            "title": "A",
            "text": "Isi A",
            "outlet": "Kabar Uji",
            "published": "2026-01-12T08:00:00+07:00",
        },
        {"link": "https://kabaruji.example/b", "headline": "B", "html": "<p>Isi B</p>"},
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    first, second = read(settings, path)
    assert (first.location, first.format, first.url) == (f"{path}:1", "text", lines[0]["url"])
    assert first.hints == {"title": "A", "published": lines[0]["published"], "outlet": "Kabar Uji"}
    assert (second.format, second.url, second.hints["title"]) == ("html", lines[1]["link"], "B")

    custom = settings.replace(**{"read.jsonl.text": ["isi_berita"], "read.jsonl.title": ["judul"]})
    path.write_text(json.dumps({"judul": "C", "isi_berita": "Isi C"}) + "\n")
    (doc,) = read(custom, path)
    assert (doc.content, doc.hints["title"]) == ("Isi C", "C")


def test_jsonl_tokenized_paragraphs_are_detokenized(tmp_path, settings):
    record = {
        "source": "kumparan",
        "paragraphs": [
            [
                [
                    "Jakarta",
                    ",",
                    "Senin",
                    "(",
                    "27",
                    "/",
                    "3",
                    ")",
                    "-",
                    "Presiden",
                    "berbicara",
                    ".",
                ],
                ["Dia", "bilang", '"', "cukup", '"', "."],
            ]
        ],
    }
    path = tmp_path / "indosum.jsonl"
    path.write_text(json.dumps(record) + "\n")
    (doc,) = read(settings, path)
    assert doc.content == 'Jakarta, Senin (27/3) - Presiden berbicara. Dia bilang "cukup".'
    assert doc.hints["outlet"] == "kumparan" and doc.hints["title"] is None


def test_invalid_jsonl_lines_are_reported_and_skipped(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    path.write_text(
        '{"title": "ok", "text": "satu"}\n{"title": broken\n[1, 2]\n\n{"title": "no text"}\n'
        '{"title": "dua", "text": "dua"}\n'
    )
    items = read(settings, path)
    assert [d.content for d in docs_of(items)] == ["satu", "dua"]
    reasons = {f.location: f.reason for f in failures_of(items)}
    assert set(reasons) == {f"{path}:2", f"{path}:3", f"{path}:5"}
    assert reasons[f"{path}:2"].startswith("invalid JSON line")
    assert "not an object" in reasons[f"{path}:3"]
    assert "no text" in reasons[f"{path}:5"]


def test_rss_feed_content_and_local_links(tmp_path, settings):
    pages = tmp_path / "html"
    pages.mkdir()
    (pages / "satu.html").write_text(article_html("Halaman Satu"), encoding="utf-8")
    full = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    feed = tmp_path / "feeds" / "kabar.xml"
    feed.parent.mkdir()
    feed.write_text(
        rss(
            [
                {
                    "title": "Dari Konten",
                    "link": "https://kabaruji.example/konten",
                    "content": full,
                },
                {"title": "Dari Tautan", "link": "../html/satu.html"},
            ]
        )
    )
    first, second = read(settings, feed)
    assert first.format == "html" and first.url == "https://kabaruji.example/konten"
    assert first.location == f"{feed}#https://kabaruji.example/konten"
    assert first.hints["title"] == "Dari Konten" and first.hints["outlet"] == "Kabar Uji"
    assert first.hints["published"] == "2026-01-12T02:00:00Z"
    assert second.location == str(pages / "satu.html") and "Halaman Satu" in second.content
    assert second.hints["title"] == "Dari Tautan"


def test_atom_feed(tmp_path, settings):
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS).replace("<", "&lt;").replace(">", "&gt;")
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Uji</title>
<entry><title>Entri Atom</title><link href="https://kabaruji.example/atom-1"/>
<id>tag:kabaruji.example,2026:1</id><updated>2026-01-13T05:00:00Z</updated>
<content type="html">{body}</content></entry></feed>"""
    path = tmp_path / "atom.xml"
    path.write_text(atom)
    (doc,) = read(settings, path)
    assert doc.location == f"{path}#tag:kabaruji.example,2026:1"
    assert doc.hints == {
        "title": "Entri Atom",
        "published": "2026-01-13T05:00:00Z",
        "outlet": "Atom Uji",
    }
    assert "Istana Merdeka" in doc.content


def test_warc_gz_responses_only(tmp_path, settings):
    pages = {f"https://kabaruji.example/{n}": article_html(f"Halaman {n}") for n in ("a", "b")}
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, pages)
    items = read(settings, path)
    assert [d.location for d in items] == [f"{path}#{url}" for url in pages]
    assert all(d.format == "html" and d.url in pages for d in items)


def test_uncompressed_warc(tmp_path, settings):
    gz = tmp_path / "c.warc.gz"
    write_warc(gz, {"https://kabaruji.example/u": article_html()}, extra_records=False)
    plain = tmp_path / "c.warc"
    plain.write_bytes(gzip.decompress(gz.read_bytes()))
    (doc,) = read(settings, plain)
    assert doc.url == "https://kabaruji.example/u"


def test_truncated_warc_keeps_what_was_read(tmp_path, settings):
    pages = {f"https://kabaruji.example/{n}": article_html(f"Halaman {n}") * 3 for n in range(4)}
    path = tmp_path / "cut.warc.gz"
    data = write_warc(path, pages, extra_records=False)
    path.write_bytes(data[: int(len(data) * 0.7)])
    items = read(settings, path)
    assert 1 <= len(docs_of(items)) < 4
    (failure,) = failures_of(items)
    assert failure.location == str(path) and "truncated" in failure.reason
