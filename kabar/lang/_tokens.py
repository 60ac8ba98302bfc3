"""Tokens with exact character offsets, so every later stage can point back into the text.

One regular expression does the work; alternatives are tried in order, so URLs, e-mail
addresses, domains ("KOMPAS.com"), dotted abbreviations ("U.S.", "M.Si."), money symbols
and numbers with separators ("3.000", "1,5", "09.30", "16/1/2026") win over plain words.
Words keep inner hyphens and apostrophes ("de-eskalasi", "proyek-proyek"). Afterwards a
word followed by a period becomes one token with it when the pack lists it as an
abbreviation ("Dr.", "Jl.", "dll.") or when it is a single capital letter (an initial).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kabar.lang._pack import get_pack

# Top-level domains seen in news datelines and credits ("detik.com", "tempo.co", "antaranews.com").
_TLDS = r"com|net|org|id|co\.id|go\.id|ac\.id|or\.id|co|info|news|tv|my|sg|uk|co\.uk|io|gov|edu"

_TOKEN = re.compile(
    rf"""
    (?=[^\s.@]*[.@]\w)  # cheap guard: only tokens with an inner "." or "@" try the next four
    (?:(?P<url>(?:https?://|www\.)[^\s<>"'()\[\]]*[^\s<>"'()\[\].,;:!?])
   |(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
   |(?P<domain>[A-Za-z0-9][\w-]*(?:\.[A-Za-z0-9][\w-]*)*\.(?i:{_TLDS})(?![\w.]*\w))
   |(?P<dotted>(?:[^\W\d_]{{1,3}}\.){{2,}})
    )|(?P<money>(?:Rp\.?|US\$|S\$|A\$|\$|€|£|¥)(?=\s?\d))
   |(?P<number>\d+(?:[.,:/]\d+)*(?:-an\b)?)
   |(?P<word>\w+(?:[-'’]\w+)*)
   |(?P<other>\S)
    """,
    re.VERBOSE,
)

_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


class Token(NamedTuple):
    """One token: its text, character span in the source, and lower-cased text.

    A named tuple rather than a dataclass: an article has hundreds of tokens, and a tuple
    is the cheapest immutable record to build.
    """

    text: str
    start: int
    end: int
    lower: str


def _make(text: str, start: int, end: int) -> Token:
    piece = text[start:end]
    return Token(piece, start, end, piece.lower())


def tokenize(text: str, lang: str) -> list[Token]:
    """Tokens of ``text`` with offsets into it; abbreviations keep their period."""
    abbreviations = get_pack(lang).abbreviations
    tokens: list[Token] = []
    length = len(text)
    covered = 0  # end of the last token, which may have swallowed a period
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        if start < covered:
            continue
        if kind == "word":
            word = match.group()
            takes_period = word in abbreviations or (len(word) == 1 and word.isupper())
            if end < length and text[end] == "." and takes_period:
                tokens.append(_make(text, start, end + 1))
                covered = end + 1
                continue
            if lang == "en" and _POSSESSIVE.search(word) and len(word) > 2:
                tokens.append(_make(text, start, end - 2))
                tokens.append(_make(text, end - 2, end))
                continue
        tokens.append(_make(text, start, end))
    return tokens
