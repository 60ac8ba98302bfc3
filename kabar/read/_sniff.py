"""Decide what a stream holds from its first bytes, never from its name.

The extension is only used to explain a mismatch (a ``.rss`` that is really an HTML page).
"""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal["gzip", "warc", "feed", "html", "json", "jsonl", "text", "binary", "empty"]

_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "an SQLite database",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ": "an xz archive",
}
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:rdf)[\s>]", re.I)
_HTML_MARK = re.compile(rb"<(!doctype\s+html|html|head|body|div|p|article|meta|title)[\s>/]", re.I)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def describe_binary(head: bytes) -> str | None:
    """A name for well-known binary formats, for the error message."""
    for magic, name in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return name
    return None


def sniff(head: bytes) -> Kind:
    """Classify a stream by (up to 64 KB of) its first bytes."""
    if not head.strip():
        return "empty"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    if describe_binary(head) or _looks_binary(head):
        return "binary"
    text = _ascii_view(head)
    start = text.lstrip()[:1]
    if start in (b"{", b"["):
        return "jsonl" if start == b"{" and _first_line_is_object(text) else "json"
    if _FEED_ROOT.search(text[:4096]) and not re.search(rb"<html[\s>]", text[:4096], re.I):
        return "feed"
    if _HTML_MARK.search(text[:8192]):
        return "html"
    return "text"


def _ascii_view(head: bytes) -> bytes:
    """Markup in UTF-16 files has NULs between letters; drop them to look for tags."""
    if head.startswith(_UTF16_BOMS):
        return head[2:].replace(b"\x00", b"")
    return head.removeprefix(b"\xef\xbb\xbf")


def _looks_binary(head: bytes) -> bool:
    if head.startswith(_UTF16_BOMS):
        return False
    sample = head[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.05


def _first_line_is_object(text: bytes) -> bool:
    first = text.lstrip().split(b"\n", 1)[0].strip()
    return first.startswith(b"{") and first.endswith(b"}")
