"""Bytes to text: BOMs, declared charsets that lie, legacy Windows code pages and mojibake.

Order matters: a BOM is certain; valid UTF-8 is almost certain (legacy bytes rarely form
valid UTF-8 by chance); a declared charset comes next; detection is the last resort.
Double-encoded UTF-8 ("PresidÃ©n") is repaired later, on the extracted text only
(:func:`repair_mojibake`), because ftfy is too slow to run over whole pages.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer
import ftfy

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{2,40})""", re.I
)
# WHATWG: browsers decode these labels as windows-1252, which is a superset.
_LATIN_CODE_PAGES = {
    "cp1250",
    "cp1252",
    "cp1254",
    "cp1257",
    "latin_1",
    "iso8859-1",
    "iso8859-2",
    "iso8859-9",
    "iso8859-13",
    "iso8859-15",
    "mac-roman",
    "mac-latin2",
    "cp850",
    "cp437",
}
_WINDOWS_1252_LABELS = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso8859-1"}


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML/XML head declares (meta tag or XML prolog), if any."""
    match = _META_CHARSET.search(head[:4096])
    if match is None:
        match = re.search(rb"""<\?xml[^>]*encoding=["']([A-Za-z0-9_.-]+)""", head[:200])
    return match.group(1).decode("ascii").lower() if match else None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return (text, encoding actually used).

    ``declared`` is a charset from an HTTP header or meta tag; it is trusted only when the
    bytes are not valid UTF-8.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    codec = _usable_codec(declared)
    if codec is None:
        codec = _detect(data)
    return data.decode(codec, errors="replace"), codec


def _detect(data: bytes) -> str | None:
    """Guess a legacy code page for undeclared, non-UTF-8 bytes.

    Detectors cannot tell the Latin code pages apart on short texts, and our news is
    Indonesian or English, so any Latin guess becomes windows-1252; Cyrillic, Greek, Arabic
    and CJK guesses are kept. UTF-16/32 only when NUL bytes make them plausible.
    """
    exclude = [] if b"\x00" in data else ["utf_16", "utf_16_be", "utf_16_le", "utf_32"]
    best = charset_normalizer.from_bytes(data[:200_000], cp_exclusion=exclude).best()
    codec = _usable_codec(best.encoding) if best else None
    if codec is None or codec in _LATIN_CODE_PAGES:
        return "cp1252"
    return codec


def _usable_codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


# UTF-8 read as cp1252/latin-1 leaves a lead byte (Ã, Â, â, Å, ...) before a continuation
# byte shown as a Latin-1 symbol or a cp1252 punctuation mark. A cheap screen before ftfy.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00c5\u00e2\u00f0][\u0080-\u00bf\u0152-\u0178\u2013-\u203a\u20ac\u2122]"
)


def repair_mojibake(text: str) -> str:
    """Undo double-encoded UTF-8; only runs ftfy where the cheap screen sees mojibake."""
    if _MOJIBAKE_HINT.search(text) and ftfy.is_bad(text):
        return ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)
    return text
