"""Sentence splitting by rules over candidate boundaries, returning exact character spans.

A candidate is a run of terminators (``.``, ``!``, ``?``, ``…``) with any closing quotes or
brackets, followed by whitespace or the end of the text; a period inside a token ("3.000",
"09.30", "KOMPAS.com", "S.H.,") is therefore never a candidate. Each candidate is then
judged by the word before it and the word after it:

* a lower-case next word never starts a sentence (``"...," kata dia``, ``dll. dan``);
* a ``title`` abbreviation ("Dr.", "Jl.", "No.", "Jan.") or an initial ("J.") keeps the
  sentence going; a ``final`` one ("dll.", "etc.") ends it before a capital; an ``any`` one
  ("U.S.", "Inc.", or an unlisted dotted one like "M.Si.") ends it only before a word the
  pack lists as a sentence starter;
* a list number ("1.") at the start of a line is not a sentence.

Line breaks matter because extracted articles keep one paragraph per line: a blank line
always ends a sentence, a single line break ends one unless the next line starts in lower
case (hard-wrapped text) or the line ends with a title abbreviation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kabar.lang._pack import get_pack

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«([-–—"
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)|\n\s*")
_DOTTED = re.compile(r"^(?:[^\W\d_]{1,3}\.)+[^\W\d_]{0,3}$")
_LIST_NUMBER = re.compile(r"^\d{1,2}$")


def _word_before(text: str, end: int) -> tuple[str, int]:
    """The whitespace-delimited word ending at ``end`` (openers stripped) and its start."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:end]
    stripped = word.lstrip(_OPENERS)
    return stripped, start + (len(word) - len(stripped))


def _word_after(text: str, start: int) -> str:
    """The word starting after whitespace and opening quotes at ``start``; '' at the end."""
    length = len(text)
    while start < length and (text[start].isspace() or text[start] in _OPENERS):
        start += 1
    end = start
    while end < length and (text[end].isalnum() or text[end] in "-'’"):
        end += 1
    if end == start and start < length:
        end = start + 1
    return text[start:end]


def _line_start(text: str, position: int) -> bool:
    """True when only whitespace separates ``position`` from the start of its line."""
    index = text.rfind("\n", 0, position) + 1
    return not text[index:position].strip()


def _abbreviation_kind(word: str, abbreviations: Mapping[str, str]) -> str | None:
    """Kind of the abbreviation ``word`` (its final period removed), or None for a word."""
    kind = abbreviations.get(word)
    if kind is not None:
        return kind
    if len(word) == 1 and word.isalpha() and word.isupper():
        return "title"  # an initial: "J. Smith", "Prof. Dr. H. Ahmad"
    if "." in word and _DOTTED.match(word):
        return "any"  # "S.H", "M.Si", "U.S"
    return None


def _ends_sentence(
    text: str,
    stop: int,
    after: int,
    terminators: str,
    abbreviations: Mapping[str, str],
    starters: frozenset[str],
) -> bool:
    """Decide one candidate: terminators end at ``stop``; the next text starts at ``after``."""
    following = _word_after(text, after)
    if not following:
        return True
    first = following[0]
    if first.islower():
        return False
    if not terminators.startswith("."):
        return True  # "!", "?", "…" before a capital, digit or quote
    if terminators.startswith(".."):
        return True
    word, word_start = _word_before(text, stop - len(terminators))
    kind = _abbreviation_kind(word, abbreviations)
    if kind == "title":
        return False
    if kind == "any":
        return following.lower() in starters
    is_list_number = kind is None and _LIST_NUMBER.match(word) is not None
    return not (is_list_number and _line_start(text, word_start))


def _line_break_ends(text: str, start: int, end: int, abbreviations: Mapping[str, str]) -> bool:
    """Decide a line break between ``start`` and ``end`` (the whitespace run)."""
    if text.count("\n", start, end) > 1 or end >= len(text):
        return True
    if text[end].islower():
        return False
    word, _ = _word_before(text, start)
    if word.endswith("."):
        return _abbreviation_kind(word[:-1], abbreviations) != "title"
    return True


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``, whitespace trimmed."""
    pack = get_pack(lang)
    abbreviations, starters = pack.abbreviations, pack.sentence_starters
    cuts: list[int] = []
    for match in _CANDIDATE.finditer(text):
        start, end = match.span()
        if text[start] == "\n":
            if _line_break_ends(text, start, end, abbreviations):
                cuts.append(start)
            continue
        body = match.group().rstrip(_CLOSERS)
        stop = start + len(body)
        if _ends_sentence(text, stop, end, body, abbreviations, starters):
            cuts.append(end)
    return _spans(text, cuts)


def _spans(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """Turn cut positions into whitespace-trimmed, non-empty spans."""
    spans: list[tuple[int, int]] = []
    previous = 0
    for cut in [*cuts, len(text)]:
        start, end = previous, cut
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
        previous = max(previous, cut)
    return spans
