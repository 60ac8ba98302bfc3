"""Language packs: the data files of one language, loaded once and checked when loaded.

Every pack folder (``kabar/lang/<lang>/``) may hold these files; a missing file means the
language has no such knowledge yet, not an error:

============================  ========================================================
``abbreviations.txt``         abbreviations whose final period does not end a sentence
``sentence_starters.txt``     words that start a sentence after an ambiguous abbreviation
``affixes.tsv``               affix rules for the lemmatizer (see ``_morphology``)
``roots.txt``                 known base words that validate a lemmatizer candidate
``lemma_exceptions.tsv``      word -> lemma overrides (lexicalised or irregular forms)
``irregular_verbs.tsv``       base, past, participle... -> base (English)
``cues.tsv``                  negation, modality, attribution and background cues
``months.tsv``                month names and abbreviations -> month number
``weekdays.tsv``              weekday names -> ISO weekday (Monday = 1)
``relative_dates.tsv``        relative date expressions -> offset and unit
============================  ========================================================

A pack is immutable; :func:`get_pack` caches one per language, so there is no module
state beyond that cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from kabar.lang import read_lines

if TYPE_CHECKING:
    from collections.abc import Mapping

    from kabar.lang._cues import CuePattern
    from kabar.lang._dates import RelativeDate
    from kabar.lang._morphology import Lemmatizer

ABBREVIATION_KINDS = ("title", "final", "any")


class PackDataError(ValueError):
    """A pack data file has a line the loader cannot read; the message names file and line."""


@dataclass(frozen=True, slots=True)
class LanguagePack:
    """Everything one language knows, as read from its data files."""

    lang: str
    abbreviations: Mapping[str, str]
    sentence_starters: frozenset[str]
    lemmatizer: Lemmatizer
    cues: tuple[CuePattern, ...]
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    relative_dates: tuple[RelativeDate, ...]

    def lemma(self, word: str) -> str:
        """Lemma of one word in this language (cached by the lemmatizer)."""
        return self.lemmatizer.lemma(word)


def split_columns(line: str, lang: str, name: str, minimum: int) -> list[str]:
    """Columns of a data line (tab or two+ spaces apart), checked for a minimum count."""
    columns = [c.strip() for c in line.replace("  ", "\t").split("\t") if c.strip()]
    if len(columns) < minimum:
        raise PackDataError(f"{lang}/{name}: expected {minimum} columns in {line!r}")
    return columns


def load_abbreviations(lang: str) -> dict[str, str]:
    """Abbreviation (without its final period) -> kind; ``title`` when no kind is given.

    Entries written in lower case also match their capitalised form ("tgl" -> "Tgl").
    """
    table: dict[str, str] = {}
    for line in read_lines(lang, "abbreviations.txt"):
        columns = line.split()
        abbreviation = columns[0].rstrip(".")
        kind = columns[1] if len(columns) > 1 else "title"
        if kind not in ABBREVIATION_KINDS:
            raise PackDataError(f"{lang}/abbreviations.txt: unknown kind {kind!r} in {line!r}")
        table[abbreviation] = kind
        if abbreviation.islower():
            table.setdefault(abbreviation.capitalize(), kind)
    return table


def load_number_table(lang: str, name: str, low: int, high: int) -> dict[str, int]:
    """Lower-cased name -> number for month and weekday tables, range-checked."""
    table: dict[str, int] = {}
    for line in read_lines(lang, name):
        word, number = split_columns(line, lang, name, 2)[:2]
        value = int(number)
        if not low <= value <= high:
            raise PackDataError(f"{lang}/{name}: {value} outside {low}..{high} in {line!r}")
        table[word.lower().rstrip(".")] = value
    return table


@cache
def get_pack(lang: str) -> LanguagePack:
    """The language pack for ``lang`` ("id", "en"), loaded on first use and then cached."""
    from kabar.lang._cues import load_cues
    from kabar.lang._dates import load_relative_dates
    from kabar.lang._morphology import load_lemmatizer

    return LanguagePack(
        lang=lang,
        abbreviations=MappingProxyType(load_abbreviations(lang)),
        sentence_starters=frozenset(w.lower() for w in read_lines(lang, "sentence_starters.txt")),
        lemmatizer=load_lemmatizer(lang),
        cues=load_cues(lang),
        months=MappingProxyType(load_number_table(lang, "months.tsv", 1, 12)),
        weekdays=MappingProxyType(load_number_table(lang, "weekdays.tsv", 1, 7)),
        relative_dates=load_relative_dates(lang),
    )
