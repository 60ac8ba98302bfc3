"""PETRARCH/TABARI verb dictionaries as kabar lexicon entries.

What converts: each verb block's verbs at the block's code, verb lines with a code of
their own, and the block's patterns. A verb matches in the forms PETRARCH gives it: the
ones in braces, else the regular English ones it makes ("LEFT" is a block of its own, not
a form of "LEAVE").

In a pattern ``*`` is the verb. Words joined by ``_`` must be adjacent; words apart may
have others between them (TABARI's rule; up to six after the verb, three before it).
Words before ``*`` must stand before the verb in its clause. ``&NAME`` is any member of a
synset (members of several words become patterns of their own). ``%`` before the verb
asks for a coordinated subject ("Gondor and Osgiliath have delayed"), which pairs its
members both ways. ``$`` and ``^`` (source, skipped phrase) are left to kabar's argument
finding, and so is ``+`` (the target), except that a word right before it names the
target's preposition ("* EID AT ^ WITH +": the target follows "with"). Of two patterns
matching at one verb, the one asking for more words wins.

A code ``[A:B]`` codes A from source to target and B back; "[---]" is no event. Codes are
kept as written: PETRARCH's validation dictionary uses codes of its own, so these entries
are not checked against CAMEO nor turned into intentions ("will contribute" keeps its
code). PETRARCH codes verbs only: an entry fires only where its word reads as a verb ("a
brief visit" is no briefing).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from ..lang._patterns import GAP, parse_pattern
from ._lexicon import Entry, LexiconError

_HEADER = re.compile(r"^---\s+(?P<verb>\S+)\s+\[(?P<code>[^\]]*)\]")
_CODE = re.compile(r"\[(?P<code>[^\]]*)\]")
_FORMS = re.compile(r"\{(?P<forms>[^}]*)\}")
_TARGETS = frozenset(
    {
        "obj",
        "with",
        "to",
        "against",
        "on",
        "at",
        "for",
        "from",
        "into",
        "of",
        "in",
        "about",
        "toward",
    }
)
# source, target, skipped phrase, compound actor: kabar's argument finding places these
_ROLES = frozenset({"$", "+", "^", "%"})
_COMPOUND = "%"
# "* EID AT ^ WITH +": the target follows "with"; "* +": it is the verb's object
_MARKED_TARGET = re.compile(r"(?:([A-Za-z]+)[\s_]+|^[\s_]*)\+(?=\s|$)")
# A space between pattern words after the verb: PETRARCH matches within the verb's phrase,
# "signed an 800 million ducat trade protocol"; two gaps let up to six words stand between
_SPACE = f"{GAP} {GAP}"
_VERB = "*"

# A phrase is a tuple of words that must be adjacent; a pattern side is a list of phrases
# with gaps between them
Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Code:
    """A block's or a pattern's code, and the code of the act back ("[032:033]")."""

    code: str
    reverse: str | None = None


@dataclass(frozen=True, slots=True)
class _Pattern:
    """A pattern line: its code, the word chunks before and after the verb, whether the
    chunk next to the verb touches it ("RECENTLY_*", "*_UPON"), and whether it asks for a
    coordinated subject (with the block's code for a single one)."""

    code: _Code
    before: list[list[Phrase]]
    after: list[list[Phrase]]
    adjacent_before: bool = False
    adjacent_after: bool = False
    compound: bool = False
    alone: str | None = None
    targets: frozenset[str] = _TARGETS

    @property
    def rank(self) -> int:
        """How many words the pattern asks for besides the verb (PETRARCH tries the more
        specific pattern first)."""
        chunks = self.before + self.after
        return self.compound + sum(min(len(p) for p in chunk) for chunk in chunks)


def read_petrarch_verbs(path: str | Path, lang: str = "en") -> list[Entry]:
    """Entries for the verbs and patterns of a PETRARCH verb dictionary."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read PETRARCH verbs ({exc.strerror})") from exc
    synsets = _synsets(lines)
    entries: list[Entry] = []
    code: _Code | None = None
    verbs: list[list[Phrase]] = []
    state = "outside"  # outside | verbs (a verb block) | synset (an &NAME list)
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].rstrip()
        origin = f"{path}:{number}"
        header = _HEADER.match(line)
        if header:
            code, verbs, state = _code(header["code"]), [], "verbs"
        elif line.startswith("&"):
            state = "synset"
        elif not line.strip():
            state = "outside" if state == "synset" else state
        elif state == "verbs" and line.startswith("-"):
            entries += _pattern_entries(line[1:], verbs, code, synsets, lang, origin)
        elif state == "verbs":
            forms, own = _verb_line(line.strip())
            if forms:
                verbs.append(forms)
                if own or code:
                    entries += _entries(forms, _Pattern(own or code, [], []), lang, origin)
    return entries


def _synsets(lines: list[str]) -> dict[str, list[Phrase]]:
    """&NAME blocks and their members; a member "+&OTHER" takes in the other synset."""
    raw: dict[str, list[str]] = {}
    current = None
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line.startswith("&") and " " not in line:
            current = _synset_name(line)
            raw[current] = []
        elif current and line.startswith("+"):
            raw[current].append(line[1:].strip())
        elif not line:
            current = None
    return {name: _members(name, raw, set()) for name in raw}


def _members(name: str, raw: dict[str, list[str]], seen: set[str]) -> list[Phrase]:
    out: list[Phrase] = []
    for member in raw.get(name, []):
        if member.startswith("&"):
            inner = _synset_name(member)
            if inner not in seen:
                out += _members(inner, raw, seen | {name})
        elif words := _words(member):
            out.append(words)
    return out


def _synset_name(text: str) -> str:
    return text.strip().lstrip("&").rstrip("_").upper()


def _words(text: str) -> Phrase:
    """ "DID N'T" -> ("didn't",): TreeBank's split contractions joined as the tokenizer
    keeps them; "+" (the verb mark) dropped."""
    words: list[str] = []
    for word in re.split(r"[\s_]+", text.strip().lower()):
        word = word.lstrip("+")
        if not word:
            continue
        if word.startswith("n't") and words:
            words[-1] += word
        else:
            words.append(word)
    return tuple(words)


def _code(text: str) -> _Code | None:
    parts = [p.strip() for p in text.strip().split(":")]
    if not parts[0] or not re.search(r"\w", parts[0]):
        return None
    reverse = parts[1] if len(parts) > 1 and re.search(r"\w", parts[1]) else None
    return _Code(parts[0], reverse)


def _verb_line(line: str) -> tuple[list[Phrase], _Code | None]:
    """ "BAN {BANS BANNED}" -> [("ban",), ("bans",), ("banned",)]; with no braces the
    regular forms PETRARCH makes: "CLASH" -> clash, clashes, clashed, clashing."""
    own = _CODE.search(line)
    forms_match = _FORMS.search(line)
    base = _CODE.sub("", _FORMS.sub("", line)).strip()
    if not base or " " in base:
        return [], None
    words = _words(base)
    marked = [i for i, w in enumerate(re.split(r"_+", base.strip("_"))) if w.startswith("+")]
    verb_at = marked[0] if marked and marked[0] < len(words) else 0
    if forms_match:
        forms = [_words(f) for f in forms_match["forms"].split()]
    else:
        forms = [
            words[:verb_at] + (form,) + words[verb_at + 1 :]
            for form in _regular_forms(words[verb_at])
        ]
    phrases = list(dict.fromkeys([words, *[f for f in forms if f]]))
    return phrases, (_code(own["code"]) if own else None)


def _regular_forms(verb: str) -> list[str]:
    """The -s, -ed and -ing forms PETRARCH makes of a verb without irregular forms."""
    if verb.endswith("e"):
        return [verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith("y") and verb[-2:-1] not in tuple("aeiou"):
        return [verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if verb.endswith(("s", "x", "z", "ch", "sh")):
        return [verb + "es", verb + "ed", verb + "ing"]
    return [verb + "s", verb + "ed", verb + "ing"]


def _pattern_entries(body, verbs, code, synsets, lang, origin) -> list[Entry]:
    match = _CODE.search(body)
    if not match or not verbs:
        return []
    pattern_code = _code(match["code"])
    text = " ".join(body[: match.start()].split())
    if not pattern_code or _VERB not in text:
        return []
    before_text, _, after_text = text.partition(_VERB)
    before = _side(before_text, synsets)
    after = _side(after_text, synsets)
    if before is None or after is None:
        return []  # a synset the file does not define
    compound = _COMPOUND in before_text.split()
    marked = _MARKED_TARGET.search(after_text)
    pattern = _Pattern(
        pattern_code,
        before,
        after,
        adjacent_before=before_text.endswith("_"),
        adjacent_after=after_text.startswith("_"),
        compound=compound,
        alone=code.code if compound and code else None,
        targets=frozenset({marked[1].lower() if marked[1] else "obj"}) if marked else _TARGETS,
    )
    return [entry for forms in verbs for entry in _entries(forms, pattern, lang, origin)]


def _side(text: str, synsets: dict[str, list[Phrase]]) -> list[list[Phrase]] | None:
    """One side of the verb as chunks (adjacent words), each a list of alternative word
    sequences: "&NEGATVAUXVRB EVER" -> [[("didn't",), ("won't",), ...], [("ever",)]]."""
    chunks: list[list[Phrase]] = []
    for chunk in text.split():
        alternatives: list[Phrase] = [()]
        for word in (w for w in chunk.split("_") if w):
            if word in _ROLES:
                continue
            if word.startswith("&"):
                members = synsets.get(_synset_name(word))
                if not members:
                    return None
            else:
                members = [_words(word)]
            alternatives = [a + m for a in alternatives for m in members if m or a]
        alternatives = [a for a in alternatives if a]
        if alternatives:
            chunks.append(alternatives)
    return chunks


def _entries(forms: list[Phrase], pattern: _Pattern, lang: str, origin: str) -> list[Entry]:
    """One entry per combination of multi-word alternatives; single words share one
    element ("clash|clashes|clashed|clashing")."""
    out = []
    heads = list(itertools.product(*[_alternatives(c) for c in pattern.before]))
    for verb in _alternatives(forms):
        for tail in itertools.product(*[_alternatives(c) for c in pattern.after]):
            after = " ".join([verb, *(f"{_SPACE} {t}" for t in tail)])
            if pattern.adjacent_after:  # "*_UPON": the word right after the verb
                after = after.replace(f" {_SPACE} ", " ", 1)
            for head in heads if pattern.before else [()]:
                before = f" {GAP} ".join(head) or None
                out.append(_entry(after, before, pattern, lang, origin))
    return out


def _alternatives(phrases: list[Phrase]) -> list[str]:
    """Pattern text for a list of alternative phrases: the one-word ones joined by "|"."""
    single = [p[0] for p in phrases if len(p) == 1]
    multi = [" ".join(p) for p in phrases if len(p) > 1]
    return (["|".join(dict.fromkeys(single))] if single else []) + multi


def _entry(after: str, before: str | None, pattern: _Pattern, lang, origin) -> Entry:
    try:
        parsed = parse_pattern(after, lang, origin)
        parsed_before = parse_pattern(before, lang, origin) if before else None
    except ValueError as exc:
        raise LexiconError(f"{origin}: {exc}") from exc
    flags = {"verbal", "literal"} | ({"compound"} if pattern.compound else set())
    code = pattern.code
    return Entry(
        parsed,
        code.code,
        "vn",
        pattern.targets,
        pattern.compound,
        origin,
        frozenset(flags),
        reverse=code.reverse or (code.code if pattern.compound else None),
        before=parsed_before,
        adjacent=pattern.adjacent_before,
        alone=pattern.alone,
        rank=pattern.rank,
    )
