"""Cue finding: negation, modality, attribution and background words from the pack's cues.tsv.

The coder asks, for each event verb, which cues stand near it: "tidak" (negated),
"akan" (intention), "diharapkan" (expectation), "dilaporkan" (hedged), "kata" (a quote's
speech verb), "tahun lalu" (background), "saat itu" (then: background, at the time the
story last named). This module only finds them; deciding scope is
the coder's job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kabar.lang import read_lines
from kabar.lang._pack import PackDataError, get_pack, split_columns
from kabar.lang._patterns import PatternIndex, TokenPattern, parse_pattern, scan
from kabar.lang._tokens import Token

CUE_KINDS = (
    "negation",
    "intention",
    "expectation",
    "hedge",
    "attribution",
    "background",
    "then",
    "prior_day",
    "next_day",
    "day_after",
    "hours_apart",
    "label",
)


@dataclass(frozen=True, slots=True)
class CuePattern:
    """A cue as listed in cues.tsv: its token pattern and kind."""

    pattern: TokenPattern
    kind: str


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue found in text: kind, character span, text, and token span [first, last)."""

    kind: str
    start: int
    end: int
    text: str
    first: int
    last: int


def load_cues(lang: str) -> tuple[CuePattern, ...]:
    """Read and check cues.tsv of one pack."""
    cues = []
    for line in read_lines(lang, "cues.tsv"):
        source, kind = split_columns(line, lang, "cues.tsv", 2)[:2]
        if kind not in CUE_KINDS:
            raise PackDataError(f"{lang}/cues.tsv: unknown kind {kind!r} in {line!r}")
        cues.append(CuePattern(parse_pattern(source, lang, "cues.tsv"), kind))
    return tuple(cues)


@cache
def _patterns(lang: str) -> tuple[tuple[TokenPattern, ...], PatternIndex]:
    """The pack's cue patterns and their index, built once per language."""
    patterns = tuple(cue.pattern for cue in get_pack(lang).cues)
    return patterns, PatternIndex.build(patterns, lang)


def find_cues(tokens: Sequence[Token], lang: str, text: str | None = None) -> list[Cue]:
    """Cues in ``tokens`` (longest match wins, no overlaps), in text order.

    ``text`` is the string the tokens index into; without it a cue's text is its tokens
    joined by single spaces.
    """
    cues = get_pack(lang).cues
    patterns, index = _patterns(lang)
    found = []
    for number, first, last, _ in scan(patterns, index, tokens, lang):
        start, end = tokens[first].start, tokens[last - 1].end
        words = (
            text[start:end]
            if text is not None
            else " ".join(token.text for token in tokens[first:last])
        )
        found.append(Cue(cues[number].kind, start, end, words, first, last))
    return found
