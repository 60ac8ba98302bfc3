"""Function words of a language (``function_words.tsv``): the little grammar the coder needs.

Roles: prep, agent, between, coord, clause, person, group, leaders, forces, they, mutual, speaker,
light,
be, det, place, quantity, relative, this_country, this_group, this_body, condition, embed
(a word after which an event noun is someone else's act, not the subject's: "setelah serangan
itu", "atas penembakan itu", "after the attack"), demonstrative (after an event noun it points
back to an act already reported: "kericuhan itu"), during (names the occasion a relative
clause after it dates: "dalam operasi yang digelar Rabu malam"), also (the act repeats one the
story reported: "juga", "also"), thing (a country after it is a thing's origin, not an actor:
"bendera Korea Selatan", "American flags"), deed (a noun for an act already reported:
"keputusan itu", "the move": a reaction to it answers whoever did the act), ruling (a
court's deed: "putusan tersebut" answers the court that ruled), report (a
noun for a report of an act: "condemned reports that X killed ..." is aimed at X), topic
(a talk whose object is a topic: "membahas kerja sama ekonomi" is no act of cooperation),
loose_clause (a clause word only at the start or after a comma: "sementara" is also
"temporary"), it (a subject pronoun opening a clause for the last subject that was no person:
"The court voted ... It had suspended her"), contrast ("but": a verb right after it with no
subject of its own shares the subject of the verb before), settlement (villages, homes: force
used on them falls on civilians), predicate ("sebagai", "as": what follows says what the
object is, no further object).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..lang import read_lines
from ..lang._tokens import Token
from ._lexicon import LexiconError

ROLES = frozenset(
    {
        "prep",
        "agent",
        "between",
        "coord",
        "clause",
        "person",
        "group",
        "leaders",
        "forces",
        "they",
        "mutual",
        "speaker",
        "light",
        "be",
        "det",
        "place",
        "quantity",
        "relative",
        "this_country",
        "this_group",
        "this_body",
        "condition",
        "embed",
        "demonstrative",
        "during",
        "also",
        "thing",
        "deed",
        "ruling",
        "report",
        "topic",
        "loose_clause",
        "it",
        "contrast",
        "settlement",
        "predicate",
    }
)


@dataclass(frozen=True, slots=True)
class FunctionWords:
    """Roles of single words and of multi-word phrases ("kedua pemimpin", "according to")."""

    single: dict[str, frozenset[str]]
    phrases: dict[tuple[str, ...], str]
    longest: int
    sizes: dict[str, tuple[int, ...]]  # first word -> lengths of the phrases it starts

    def roles(self, tokens: Sequence[Token]) -> list[tuple[frozenset[str], str]]:
        """Per token: its roles and the word(s) giving them (a phrase marks all its tokens)."""
        out: list[tuple[frozenset[str], str]] = [
            (self.single.get(t.lower, frozenset()), t.lower) for t in tokens
        ]
        i = 0
        while i < len(tokens):
            size = self._phrase_at(tokens, i)
            if size:
                key = tuple(t.lower for t in tokens[i : i + size])
                for j in range(i, i + size):
                    out[j] = (frozenset({self.phrases[key]}), " ".join(key))
            i += max(1, size)  # a longer phrase keeps the shorter ones inside it
        return [_loosened(out, tokens, i) for i in range(len(out))]

    def _phrase_at(self, tokens: Sequence[Token], i: int) -> int:
        """Length of the longest phrase starting at token ``i``, or 0."""
        for size in self.sizes.get(tokens[i].lower, ()):
            key = tuple(t.lower for t in tokens[i : i + size])
            if len(key) == size and key in self.phrases:
                return size
        return 0


def _loosened(out, tokens: Sequence[Token], i: int) -> tuple[frozenset[str], str]:
    """A loose clause word ("sementara": "while", also "temporary") starts a clause only at
    the start of the sentence or after a comma; elsewhere it has no role."""
    roles, word = out[i]
    if "loose_clause" not in roles:
        return out[i]
    opens = i == 0 or tokens[i - 1].text in (",", ";")
    return (roles - {"loose_clause"}) | ({"clause"} if opens else set()), word


@cache
def function_words(lang: str) -> FunctionWords:
    single: dict[str, set[str]] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for line in read_lines(lang, "function_words.tsv"):
        word, _, role = line.partition("\t")
        role = role.strip()
        if role not in ROLES:
            raise LexiconError(f"{lang}/function_words.tsv: unknown role {role!r} in {line!r}")
        words = tuple(word.strip().lower().split())
        if len(words) == 1:
            single.setdefault(words[0], set()).add(role)
        else:
            phrases[words] = role
    longest = max((len(p) for p in phrases), default=1)
    sizes: dict[str, set[int]] = {}
    for phrase in phrases:
        sizes.setdefault(phrase[0], set()).add(len(phrase))
    return FunctionWords(
        {k: frozenset(v) for k, v in single.items()},
        phrases,
        longest,
        {word: tuple(sorted(lengths, reverse=True)) for word, lengths in sizes.items()},
    )
