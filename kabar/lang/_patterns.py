"""Token patterns shared by the cue and date engines: literals, lemmas and placeholders.

A pattern is a space-separated list of elements, matched against consecutive tokens:

* ``word``       the token's lower-cased text (a final period is ignored: "Jan." = "jan")
* ``~word``      any token whose lemma is ``word`` ("~bantah" matches "membantah")
* ``<weekday>`` ``<month>``  a name from the pack's weekdays.tsv / months.tsv
* ``<day>``      1-31 (also "16th"); ``<year>`` 1900-2099; ``<num>`` digits or numbers.tsv
* ``<dm>``       day/month with an optional year: "16/1", "16/1/2026"
* a trailing ``?`` makes an element optional ("<weekday> ,? <day> <month>")
* ``a|~b|c``     alternatives: any one of them ("perjanjian|pakta|~sepakat")
* ``...``        a gap of up to three tokens ("~tandatangan ... perjanjian")

Matching returns the end index and the slot values the placeholders captured, so the
date resolver can read ``day``, ``month``, ``year``, ``weekday`` and ``num`` from them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from types import MappingProxyType

from kabar.lang import read_lines
from kabar.lang._pack import PackDataError, get_pack, split_columns
from kabar.lang._tokens import Token

PLACEHOLDERS = ("<weekday>", "<month>", "<day>", "<year>", "<num>", "<dm>")
GAP = "..."
_GAP_TOKENS = 3
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_DM = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?$")

Slots = dict[str, int]


@dataclass(frozen=True, slots=True)
class Element:
    """One pattern element: what it matches and whether it may be absent."""

    value: str
    optional: bool = False


@dataclass(frozen=True, slots=True)
class TokenPattern:
    """A parsed pattern and the payload the engine attaches to it (cue kind, date rule)."""

    source: str
    elements: tuple[Element, ...]

    @property
    def first(self) -> str:
        """Index key: the first required element (optional leaders are rare and excluded)."""
        return self.elements[0].value


def parse_pattern(source: str, lang: str, name: str) -> TokenPattern:
    """Parse a pattern column, rejecting unknown placeholders and a leading optional."""
    elements = []
    for part in source.split():
        optional = len(part) > 1 and part.endswith("?")
        value = part[:-1] if optional else part
        for alternative in value.split("|"):
            if alternative.startswith("<") and alternative not in PLACEHOLDERS:
                raise PackDataError(f"{lang}/{name}: unknown placeholder {value} in {source!r}")
        if value == GAP and (not elements or optional):
            raise PackDataError(f"{lang}/{name}: a gap must follow a token: {source!r}")
        elements.append(Element(value.lower(), optional))
    if not elements or elements[0].optional:
        raise PackDataError(f"{lang}/{name}: pattern must start with a required token: {source!r}")
    return TokenPattern(source, tuple(elements))


@cache
def number_words(lang: str) -> Mapping[str, int]:
    """Number words of a pack (numbers.tsv), for the <num> placeholder."""
    table = {}
    for line in read_lines(lang, "numbers.tsv"):
        word, value = split_columns(line, lang, "numbers.tsv", 2)[:2]
        table[word.lower()] = int(value)
    return MappingProxyType(table)


def _key(token: Token) -> str:
    """Comparison form: lower case, curly apostrophe straightened, final period dropped."""
    lower = token.lower.replace("’", "'")
    return lower[:-1] if len(lower) > 1 and lower.endswith(".") else lower


def match_element(element: str, token: Token, lang: str) -> Slots | None:
    """Slots captured when ``token`` matches ``element`` ({} for a plain match), else None.

    The returned dict may be shared (results are cached): read it, do not change it.
    """
    if "|" in element:
        for alternative in element.split("|"):
            slots = match_element(alternative, token, lang)
            if slots is not None:
                return slots
        return None
    key = _key(token)
    if not element.startswith("<") or element == "<":
        if element.startswith("~") and len(element) > 1:
            return {} if get_pack(lang).lemma(key) == element[1:] else None
        return {} if key == element or token.lower == element else None
    return _match_placeholder(element, key, lang)


@lru_cache(maxsize=100_000)
def _match_placeholder(element: str, key: str, lang: str) -> Slots | None:
    """Placeholder matching depends only on the token text, so it is cached per text."""
    pack = get_pack(lang)
    if element == "<weekday>":
        value = pack.weekdays.get(key)
        return None if value is None else {"weekday": value}
    if element == "<month>":
        value = pack.months.get(key)
        return None if value is None else {"month": value}
    if element == "<day>":
        found = _DAY.match(key)
        return {"day": int(found.group(1))} if found and 1 <= int(found.group(1)) <= 31 else None
    if element == "<year>":
        return {"year": int(key)} if _YEAR.match(key) else None
    if element == "<num>":
        if key.isdigit():
            return {"num": int(key)}
        value = number_words(lang).get(key)
        return None if value is None else {"num": value}
    return _match_dm(key)


def _match_dm(key: str) -> Slots | None:
    found = _DM.match(key)
    if not found:
        return None
    day, month, year = int(found.group(1)), int(found.group(2)), found.group(3)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    slots = {"day": day, "month": month}
    if year:
        slots["year"] = int(year) + (2000 if len(year) == 2 else 0)
    return slots


def match_at(
    pattern: TokenPattern,
    tokens: Sequence[Token],
    index: int,
    lang: str,
    free: frozenset[int] = frozenset(),
) -> tuple[int, Slots] | None:
    """Match ``pattern`` at ``tokens[index]``: (end index, slots) or None.

    Optional elements are tried present first, then absent, so the longest reading wins.
    Token indices in ``free`` do not count towards a gap's length: the event coder passes
    the inner words of actor names, so "menetapkan Wakil Menteri Immanuel Ebenezer Gerungan
    sebagai tersangka" spans its object's name as one word.
    """
    return _match(pattern.elements, 0, tokens, index, lang, free)


def _match(
    elements: tuple[Element, ...],
    position: int,
    tokens: Sequence[Token],
    index: int,
    lang: str,
    free: frozenset[int] = frozenset(),
) -> tuple[int, Slots] | None:
    if position == len(elements):
        return index, {}
    element = elements[position]
    if element.value == GAP:
        for end in _gap_ends(index, len(tokens), free):  # the shortest gap first
            rest = _match(elements, position + 1, tokens, end, lang, free)
            if rest is not None:
                return rest
        return None
    if index < len(tokens):
        slots = match_element(element.value, tokens[index], lang)
        if slots is not None:
            rest = _match(elements, position + 1, tokens, index + 1, lang, free)
            if rest is not None:
                return rest[0], {**rest[1], **slots}  # a repeated slot keeps its first value
    if element.optional:
        return _match(elements, position + 1, tokens, index, lang, free)
    return None


def _gap_ends(index: int, length: int, free: frozenset[int]) -> list[int]:
    """Where a gap starting at ``index`` may end: after 0 to _GAP_TOKENS counted tokens."""
    ends, counted, j = [index], 0, index
    while j < length:
        counted += j not in free
        j += 1
        if counted > _GAP_TOKENS:
            break
        ends.append(j)
    return ends


# how many words' candidates a pattern index remembers
_KNOWN_WORDS = 200_000


@dataclass(frozen=True, slots=True)
class PatternIndex:
    """Patterns grouped by their first element so a scan tries only plausible ones.

    Literal and ``~lemma`` leaders are looked up by the token's text or lemma; placeholder
    leaders are checked once per token and placeholder, not once per pattern.
    """

    lang: str
    literal: Mapping[str, tuple[int, ...]]
    lemma: Mapping[str, tuple[int, ...]]
    placeholder: Mapping[str, tuple[int, ...]]
    # candidates by the token's lower-case text, which alone decides them: news repeats
    # its words, and this look-up was a sixth of coding time (bounded, see candidates)
    _known: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False)

    @classmethod
    def build(cls, patterns: Sequence[TokenPattern], lang: str) -> PatternIndex:
        groups: dict[str, dict[str, list[int]]] = {"literal": {}, "lemma": {}, "placeholder": {}}
        for number, pattern in enumerate(patterns):
            for first in pattern.first.split("|"):
                if first.startswith("~") and len(first) > 1:
                    groups["lemma"].setdefault(first[1:], []).append(number)
                elif first in PLACEHOLDERS:
                    groups["placeholder"].setdefault(first, []).append(number)
                else:
                    groups["literal"].setdefault(first, []).append(number)
        frozen = {
            name: MappingProxyType({k: tuple(v) for k, v in table.items()})
            for name, table in groups.items()
        }
        return cls(lang, frozen["literal"], frozen["lemma"], frozen["placeholder"])

    def candidates(self, token: Token) -> tuple[int, ...]:
        """Numbers of the patterns that could start at ``token``."""
        known = self._known.get(token.lower)
        if known is not None:
            return known
        found = self._candidates(_key(token))
        if len(self._known) < _KNOWN_WORDS:
            self._known[token.lower] = found
        return found

    def _candidates(self, key: str) -> tuple[int, ...]:
        found = self.literal.get(key, ())
        if self.lemma and key.isalpha():
            found += self.lemma.get(get_pack(self.lang).lemma(key), ())
        for element, numbers in self.placeholder.items():
            # placeholders depend on the token's text only: the cached matcher, key once
            if _match_placeholder(element, key, self.lang) is not None:
                found += numbers
        return found


def scan(
    patterns: Sequence[TokenPattern], index: PatternIndex, tokens: Sequence[Token], lang: str
) -> list[tuple[int, int, int, Slots]]:
    """Longest non-overlapping matches left to right: (pattern number, first, end, slots)."""
    found: list[tuple[int, int, int, Slots]] = []
    position = 0
    while position < len(tokens):
        best: tuple[int, int, int, Slots] | None = None
        for number in index.candidates(tokens[position]):
            result = match_at(patterns[number], tokens, position, lang)
            if result is not None and (best is None or result[0] > best[2]):
                best = (number, position, result[0], result[1])
        if best is None:
            position += 1
            continue
        found.append(best)
        position = best[2]
    return found
