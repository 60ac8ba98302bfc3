"""Event lexicons: token patterns mapped to CAMEO codes, with how their arguments are marked.

Each language pack has an ``events.tsv`` (see ``kabar/lang/id/events.tsv`` for the format);
users add files of the same format. Entries are checked against the CAMEO codebook when
loaded, so a typo in a code fails at start-up with the file and line, not at coding time.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import KabarError
from ..lang import pack_file
from ..lang._patterns import GAP, PatternIndex, TokenPattern, match_at, parse_pattern
from ..lang._tokens import Token
from ..ontology import Ontology

_POS = {"v", "n", "vn"}
_FLAGS = {"sym", "pair", "victim", "after", "answer", "same", "people", "whom"}

# PETRARCH patterns with words before the verb: how far back they may start, and how many
# words may stand between them and the verb
_BEFORE_REACH = 10
_BEFORE_GAP = 3
_CLAUSE_BREAKS = frozenset({",", ";", ":", "."})

# "Duta Besar Belanda dipanggil oleh Kemlu", "the ambassador was summoned by": a passive
# verb's object words (an entry's words after the verb) stand before it, at most this many
# words (a name counts as one) before the verb
_FRONTED_REACH = 3

# The code of a row that names no event: its words keep shorter patterns inside them from
# firing ("kejahatan perang" is no "perang", "tawanan perang" no war)
NOT_AN_EVENT = "-"


class LexiconError(KabarError):
    """A lexicon row that cannot be used; names the file and line."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row."""

    pattern: TokenPattern
    cameo: str
    pos: str  # v: verb, n: noun, vn: decided from the word's form
    targets: frozenset[str]  # "obj" (direct object) and prepositions that mark the target
    symmetric: bool
    origin: str  # "id/events.tsv:12", for the event's explanation
    flags: frozenset[str] = frozenset()  # sym, pair, victim, after, answer, same: see header
    # PETRARCH verb patterns (``_petrarch_verbs``): the code of the act back from target to
    # source ("[032:033]"), words that must stand before the event word in its clause
    # (right before it when ``adjacent``), and the code when a pattern asking for a
    # coordinated subject finds a single one; ``rank``: how many words a pattern asks for
    # besides its verb (of two matching at one word, the higher rank wins)
    reverse: str | None = None
    before: TokenPattern | None = None
    adjacent: bool = False
    alone: str | None = None
    rank: int = 0

    @property
    def rule(self) -> str:
        return f"{self.origin} {self.pattern.source} -> {self.cameo}"


@dataclass(frozen=True, slots=True)
class Trigger:
    """An entry matched in a sentence: tokens [first, end) of the sentence's token list."""

    entry: Entry
    first: int
    end: int
    fronted: int | None = None  # where the object words stand before a passive verb


class Lexicon:
    """The event entries of one language, indexed by their first token."""

    def __init__(self, lang: str, entries: Sequence[Entry]) -> None:
        self.lang = lang
        self.entries = list(entries)
        self._patterns = [e.pattern for e in self.entries]
        self._index = PatternIndex.build(self._patterns, lang)

    @classmethod
    def load(cls, lang: str, extra: Iterable[str | Path] = ()) -> Lexicon:
        return cls(lang, _shipped(lang) + [e for path in extra for e in _read_user(lang, path)])

    def triggers(
        self,
        tokens: Sequence[Token],
        names: Sequence[tuple[int, int]] = (),
        passives: frozenset[int] = frozenset(),
    ) -> list[Trigger]:
        """Longest match at each token; a token starts at most one trigger. ``names`` are
        the [first, end) token spans of actor mentions: a gap counts each as one word.
        At a passive verb (``passives``: token indices) an entry's object words may stand
        before the verb instead ("Duta Besar Belanda dipanggil", "the envoy was expelled")."""
        free = frozenset(i for first, end in names for i in range(first + 1, end))
        found = []
        for position, token in enumerate(tokens):
            best: Trigger | None = None
            best_key = (0, 0)
            for number in self._index.candidates(token):
                entry = self.entries[number]
                if not _preceded(entry, tokens, position, self.lang, free):
                    continue
                matched = match_at(self._patterns[number], tokens, position, self.lang, free)
                fronted = None
                if position in passives:
                    fronted = _fronted(self._patterns[number], tokens, position, self.lang, free)
                    # the words matched after the verb, else those before it
                    if matched is not None and matched[0] > position + 1 or fronted is None:
                        fronted = None
                    else:
                        matched = position + 2, {}  # beats the verb alone, like its object
                if matched is None:
                    continue
                # the most specific entry (PETRARCH's patterns), then the longest match
                key = (entry.rank, matched[0])
                if best is None or key > best_key:
                    end = position + 1 if fronted is not None else matched[0]
                    best, best_key = Trigger(entry, position, end, fronted), key
            if best is not None:
                found.append(best)
        return [t for t in _outermost(found) if t.entry.cameo != NOT_AN_EVENT]


def _preceded(
    entry: Entry, tokens: Sequence[Token], position: int, lang: str, free: frozenset[int]
) -> bool:
    """Whether the words an entry asks for stand before its event word, in the same clause
    and at most a gap away ("most certainly won't ever clash")."""
    if entry.before is None:
        return True
    ahead = tokens[:position]
    for start in range(position - 1, max(-1, position - _BEFORE_REACH - 1), -1):
        if ahead[start].text in _CLAUSE_BREAKS:
            return False
        matched = match_at(entry.before, ahead, start, lang, free)
        if matched is None:
            continue
        between = sum(i not in free for i in range(matched[0], position))
        if between == 0 or (not entry.adjacent and between <= _BEFORE_GAP):
            return True
    return False


def _fronted(
    pattern: TokenPattern, tokens: Sequence[Token], position: int, lang: str, free: frozenset[int]
) -> int | None:
    """Where a pattern's words after its verb ("~panggil ... duta|dubes") match just before
    the verb, as a passive's subject: the index they start at, or None."""
    rest = pattern.elements[1:]
    while rest and rest[0].value == GAP:
        rest = rest[1:]  # "~sign ... ... agreement": the gaps before the object words
    if not rest or any(e.value == GAP for e in rest):
        return None
    tail = TokenPattern(pattern.source, rest)
    counted = 0
    for start in range(position - 1, -1, -1):
        if tokens[start].text in _CLAUSE_BREAKS:
            return None
        matched = match_at(tail, tokens[:position], start, lang, free)
        if matched is not None:
            between = sum(i not in free for i in range(matched[0], position))
            return start if between <= _FRONTED_REACH else None
        counted += start not in free
        if counted > _FRONTED_REACH + len(rest):
            return None
    return None


@cache
def _shipped(lang: str) -> list[Entry]:
    path = pack_file(lang, "events.tsv")
    if not path.is_file():
        return []
    return _parse(path.read_text(encoding="utf-8"), lang, f"{lang}/events.tsv")


def _read_user(lang: str, path: str | Path) -> list[Entry]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read event lexicon ({exc.strerror})") from exc
    return _parse(text, lang, str(path))


def _parse(text: str, lang: str, origin: str) -> list[Entry]:
    ontology = Ontology.load()
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        row = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if row[0] == "pattern":
            continue
        where = f"{origin}:{number}"
        if len(row) < 4:
            raise LexiconError(f"{where}: expected pattern, cameo, pos, target[, flags]")
        pattern, cameo, pos, targets = (cell.strip() for cell in row[:4])
        flags = {f.strip() for f in row[4].split(",") if f.strip()} if len(row) > 4 else set()
        if cameo != NOT_AN_EVENT and cameo not in ontology:
            raise LexiconError(f"{where}: unknown CAMEO code {cameo!r}")
        if pos not in _POS:
            raise LexiconError(f"{where}: pos must be one of {sorted(_POS)}, got {pos!r}")
        if flags - _FLAGS:
            raise LexiconError(f"{where}: unknown flags {sorted(flags - _FLAGS)}")
        try:
            parsed = parse_pattern(pattern, lang, origin)
        except ValueError as exc:
            raise LexiconError(f"{where}: {exc}") from exc
        target_set = frozenset(t.strip() for t in targets.split(",") if t.strip() and t != "-")
        entries.append(
            Entry(parsed, cameo, pos, target_set, "sym" in flags, where, frozenset(flags))
        )
    return entries


def _outermost(triggers: list[Trigger]) -> list[Trigger]:
    """Drop triggers lying inside a longer match: "menembakkan gas air mata" is one event,
    not also a "gas air mata" noun event; "bom bunuh diri" is not also "bunuh"."""
    return [
        t for t in triggers if not any(o is not t and o.first < t.first < o.end for o in triggers)
    ]
