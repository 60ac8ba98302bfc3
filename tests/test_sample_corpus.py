"""Consistency checks for the bundled sample corpus (kabar/data/sample).

These tests check the corpus itself, not kabar: every MANIFEST record points at an article
that exists in its container (HTML page, WARC record, feed item, JSONL line, text file), the
manifest's title / first / last paragraph really occur there, the corpus has the promised
shape, and the WARC is reproducible from sample-src/warc-src/ with scripts/build_sample_corpus.py.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from datetime import date
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from warcio.archiveiterator import ArchiveIterator

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "kabar" / "data" / "sample"
SCRIPT = ROOT / "scripts" / "build_sample_corpus.py"
OUTLETS = {"KabarPelita", "WartaTimur", "SuaraNusa", "Jakarta Ledger"}
FIELDS = {
    "location",
    "url",
    "outlet",
    "title",
    "published",
    "language",
    "dateline",
    "cited_sources",
    "story",
    "copy_of",
    "first_paragraph",
    "last_paragraph",
}


# ------------------------------------------------------------------------------------ helpers
class _Text(HTMLParser):
    """Visible text of an HTML page (script/style dropped); block tags become newlines."""

    BLOCK = {
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "br",
        "aside",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "title",
        "ul",
        "ol",
        "nav",
        "form",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.paragraphs: list[str] = []
        self._skip = 0
        self._p: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")
        if tag == "p":
            self._p = []

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")
        if tag == "p" and self._p is not None:
            self.paragraphs.append(norm("".join(self._p)))
            self._p = None

    def handle_data(self, data):
        if self._skip:
            return
        self.parts.append(data)
        if self._p is not None:
            self._p.append(data)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def html_text(raw: str) -> tuple[str, list[str]]:
    p = _Text()
    p.feed(raw)
    p.close()
    return norm("".join(p.parts)), p.paragraphs


def decode_html(data: bytes) -> str:
    m = re.search(rb"""charset=["']?([\w-]+)""", data[:4096], re.I)
    return data.decode(m.group(1).decode() if m else "utf-8")


@cache
def manifest() -> tuple[dict, ...]:
    lines = (
        (SAMPLE.parent / "sample-src" / "MANIFEST.jsonl").read_text(encoding="utf-8").splitlines()
    )
    return tuple(json.loads(line) for line in lines if line.strip())


@cache
def warc_responses() -> dict[str, tuple[int, str, bytes]]:
    out = {}
    with open(SAMPLE / "warc" / "crawl.warc.gz", "rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type != "response":
                continue
            uri = rec.rec_headers.get_header("WARC-Target-URI")
            out[uri] = (
                int(rec.http_headers.get_statuscode()),
                rec.http_headers.get_header("Content-Type"),
                rec.content_stream().read(),
            )
    return out


@cache
def feed(name: str):
    return feedparser.parse(str(SAMPLE / "feeds" / name))


def load(location: str) -> dict:
    """Return {"title_src": text where the title must occur, "text": normalized body text,
    "paragraphs": list of paragraphs, "meta": format-specific extras} for a manifest location."""
    if location.startswith("warc/"):
        path, uri = location.split("#", 1)
        assert path == "warc/crawl.warc.gz"
        status, ctype, body = warc_responses()[uri]
        assert status == 200 and ctype == "text/html; charset=utf-8"
        raw = body.decode("utf-8")
        text, paras = html_text(raw)
        return {"title_src": text, "text": text, "paragraphs": paras, "meta": {"raw": raw}}
    if location.startswith("dumps/"):
        path, line = location.rsplit(":", 1)
        rec = json.loads((SAMPLE / path).read_text(encoding="utf-8").splitlines()[int(line) - 1])
        paras = rec["text"].split("\n\n")
        return {
            "title_src": rec["title"],
            "text": norm(rec["text"]),
            "paragraphs": paras,
            "meta": rec,
        }
    if location.startswith("feeds/"):
        path, guid = location.split("#", 1)
        entries = [e for e in feed(Path(path).name).entries if e.id == guid]
        assert len(entries) == 1, f"no single feed item with guid {guid}"
        entry = entries[0]
        assert "content" in entry, "feed articles in the manifest must carry content:encoded"
        text, paras = html_text(entry.content[0].value)
        return {"title_src": entry.title, "text": text, "paragraphs": paras, "meta": entry}
    path = SAMPLE / location
    if location.startswith("text/"):
        raw = path.read_text(encoding="utf-8")
        return {
            "title_src": raw.splitlines()[0],
            "text": norm(raw),
            "paragraphs": [norm(line) for line in raw.splitlines() if line.strip()],
            "meta": {"raw": raw},
        }
    assert location.startswith("html/"), location
    raw = decode_html(path.read_bytes())
    text, paras = html_text(raw)
    return {"title_src": text, "text": text, "paragraphs": paras, "meta": {"raw": raw}}


def ids(records):
    return [r["location"] for r in records]


# ------------------------------------------------------------------------------------ manifest
def test_manifest_shape():
    recs = manifest()
    assert 24 <= len(recs) <= 30
    langs = [r["language"] for r in recs]
    assert langs.count("id") >= 16 and langs.count("en") >= 6
    assert set(langs) <= {"id", "en"}
    assert {r["outlet"] for r in recs} == OUTLETS
    locations = [r["location"] for r in recs]
    assert len(set(locations)) == len(locations)
    for r in recs:
        assert set(r) == FIELDS, r["location"]
        assert r["published"] is None or r["published"].startswith("2026-01-")
        assert r["published"] is None or date.fromisoformat(r["published"])
        assert isinstance(r["cited_sources"], list)
        assert r["outlet"] not in r["cited_sources"], "an outlet does not credit itself"
        assert r["copy_of"] is None or r["copy_of"] in locations
        assert r["first_paragraph"] and r["last_paragraph"]


def test_every_format_present():
    kinds = {r["location"].split("/", 1)[0] for r in manifest()}
    assert kinds == {"html", "warc", "feeds", "dumps", "text"}


def test_stories_and_rewrites():
    recs = manifest()
    by_loc = {r["location"]: r for r in recs}
    stories: dict[str, list[dict]] = {}
    for r in recs:
        stories.setdefault(r["story"], []).append(r)
    sizes = sorted((len(v) for v in stories.values()), reverse=True)
    assert sizes[:3][0] >= 5 and sizes[1] >= 3 and sizes[2] >= 3
    a = stories["A"]
    assert len(a) == 5
    assert sum(r["copy_of"] is None and r["language"] == "id" for r in a) == 1
    assert any(r["language"] == "en" for r in a)
    verbatim = [r for r in a if r["copy_of"] and not r["cited_sources"]]
    assert len(verbatim) == 1
    assert sum(1 for v in stories.values() if len(v) == 1) >= 5, "several standalone stories"
    for r in recs:
        if not r["copy_of"]:
            continue
        orig = by_loc[r["copy_of"]]
        assert orig["story"] == r["story"]
        if r["published"] and orig["published"]:
            gap = (date.fromisoformat(r["published"]) - date.fromisoformat(orig["published"])).days
            assert 0 <= gap <= 2, r["location"]
        if r["cited_sources"]:
            assert orig["outlet"] in r["cited_sources"], r["location"]


def test_verbatim_copy_reuses_original_body():
    a = [r for r in manifest() if r["story"] == "A"]
    (copy,) = [r for r in a if r["copy_of"] and not r["cited_sources"]]
    orig = load(copy["copy_of"])
    dup = load(copy["location"])
    orig_rec = next(r for r in a if r["location"] == copy["copy_of"])
    body = [p for p in orig["paragraphs"] if p in orig["text"]]
    start = body.index(norm(orig_rec["first_paragraph"]))
    end = body.index(norm(orig_rec["last_paragraph"]))
    for p in body[start + 1 : end + 1]:
        assert p in dup["text"]
    assert copy["first_paragraph"].split(" - ", 1)[1] == body[start].split(" - ", 1)[1]


# ------------------------------------------------------------------------------------ per article
@pytest.mark.parametrize("rec", manifest(), ids=ids(manifest()))
def test_article_is_in_its_source(rec):
    src = load(rec["location"])
    assert rec["title"] in src["title_src"] or norm(rec["title"]) in src["title_src"]
    first, last = norm(rec["first_paragraph"]), norm(rec["last_paragraph"])
    assert first in src["text"]
    assert last in src["text"]
    assert src["text"].index(first) < src["text"].index(last)
    # the manifest paragraphs are whole paragraphs of the source, not fragments
    paras = [norm(p) for p in src["paragraphs"]]
    assert first in paras and last in paras
    words = sum(len(p.split()) for p in paras[paras.index(first) : paras.index(last) + 1])
    assert 150 <= words <= 400, words
    if rec["dateline"]:
        assert first.lower().startswith(rec["dateline"].lower())
    for name in rec["cited_sources"]:
        assert name in src["text"], name


@pytest.mark.parametrize("rec", manifest(), ids=ids(manifest()))
def test_published_date_is_in_source(rec):
    src = load(rec["location"])
    meta = src["meta"]
    d = rec["published"]
    if rec["location"].startswith("text/"):
        assert d is None
        return
    assert d is not None
    y, m, dd = d.split("-")
    if rec["location"].startswith("dumps/"):
        assert meta["published"].startswith(d)
        assert meta["url"] == rec["url"] and meta["outlet"] == rec["outlet"]
    elif rec["location"].startswith("feeds/"):
        assert meta.link == rec["url"]
        assert f"{int(dd)} Jan {y}" in meta.published
    else:
        bulan = [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ]
        printed = f"{int(dd)} {bulan[int(m) - 1]} {y}"
        assert (
            f'"article:published_time" content="{d}' in meta["raw"]
            or printed in src["text"]
            or f"/{y}/{m}/{dd}/" in rec["url"]
        )
    if rec["location"].startswith(("html/", "warc/")):
        assert f'href="{rec["url"]}"' in meta["raw"] or f"href='{rec['url']}'" in meta["raw"]


# ------------------------------------------------------------------------------------ containers
def test_warc_records():
    kinds = []
    with open(SAMPLE / "warc" / "crawl.warc.gz", "rb") as fh:
        for rec in ArchiveIterator(fh):
            status = rec.http_headers.get_statuscode() if rec.rec_type == "response" else None
            kinds.append((rec.rec_type, status))
    assert kinds.count(("request", None)) == 1
    assert kinds.count(("response", "404")) == 1
    ok = [u for u, (s, _, _) in warc_responses().items() if s == 200]
    assert 3 <= len(ok) <= 5
    warc_recs = [r for r in manifest() if r["location"].startswith("warc/")]
    assert {r["location"].split("#", 1)[1] for r in warc_recs} == set(ok)
    assert {r["outlet"] for r in warc_recs} == {"SuaraNusa"}


def test_feed_items():
    parsed = feed("kabarpelita.xml")
    assert not parsed.bozo
    assert 4 <= len(parsed.entries) <= 6
    locations = {r["location"] for r in manifest()}
    full = [e for e in parsed.entries if "content" in e]
    linked = [e for e in parsed.entries if "content" not in e]
    assert full and linked
    for e in full:
        assert f"feeds/kabarpelita.xml#{e.id}" in locations
    for e in linked:
        target = (SAMPLE / "feeds" / e.link).resolve()
        assert target.is_file(), e.link
        assert target.relative_to(SAMPLE.resolve()).as_posix() in locations
        assert e.description and len(e.description.split()) < 60


def test_jsonl_records():
    lines = (SAMPLE / "dumps" / "suaranusa.jsonl").read_text(encoding="utf-8").splitlines()
    assert 4 <= len(lines) <= 6
    for n, line in enumerate(lines, 1):
        rec = json.loads(line)
        assert set(rec) == {"url", "title", "text", "published", "outlet"}
        assert "<" not in rec["text"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", rec["published"])
        assert any(r["location"] == f"dumps/suaranusa.jsonl:{n}" for r in manifest())


def test_text_files_look_saved_from_a_page():
    texts = sorted((SAMPLE / "text").glob("*.txt"))
    assert 1 <= len(texts) <= 2
    for path in texts:
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[1] == "" and lines[2]
        assert "Previous Post Next Post" in lines


def test_one_windows_1252_page():
    cp = []
    for path in (SAMPLE / "html").rglob("*.html"):
        data = path.read_bytes()
        if b"charset=windows-1252" in data[:2048]:
            cp.append(path)
            with pytest.raises(UnicodeDecodeError):
                data.decode("utf-8")
            text = data.decode("cp1252")
            assert "\u20ac" in text and "\u201c" in text
        else:
            data.decode("utf-8")
    assert len(cp) == 1


# ------------------------------------------------------------------------------------ rebuild
def test_warc_rebuild_is_byte_identical(tmp_path):
    out = tmp_path / "crawl.warc.gz"
    subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out)], check=True, capture_output=True
    )
    assert out.read_bytes() == (SAMPLE / "warc" / "crawl.warc.gz").read_bytes()
    with gzip.open(out) as fh:  # plain gzip readers see one valid stream of members
        assert fh.read(8) == b"WARC/1.0"
