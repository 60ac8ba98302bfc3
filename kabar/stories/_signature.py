"""What the story stage keeps of an article to compare it with others cheaply.

Three views of one text, each catching another kind of copy:

* word shingles (3-word sequences) and their MinHash: verbatim copies and light rewrites
  share many of them, whatever the outlet changed around the body;
* *anchors*: capitalised names and numbers ("Sugiono", "ASEAN", "1500"), which survive a
  heavy rewrite and even a translation, where hardly a shingle does;
* sentences, reduced to their words: the share of an article's sentences found in an
  earlier one says how much of it is a copy.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from hashlib import blake2b
from importlib.resources import files

import numpy as np
from datasketch import MinHash

from ..lang import read_lines

_WORD = re.compile(r"\w+")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*[A-Za-z]\b")
_LOWER_WORD = re.compile(r"\b[a-z][\w'’-]*")
_NUMBER = re.compile(r"\b\d[\d.,]*\d\b|\b\d\b")
_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+|\n+")
_YEAR = re.compile(r"(19|20)\d\d")
_DAY_ZERO = date(1970, 1, 1)


@dataclass(slots=True)
class Signature:
    """An article as the story stage sees it; built once, stored beside the article."""

    article_id: int
    language: str | None
    day: int  # days since 1970-01-01 of the publication date (-1 when unknown)
    sort_key: str  # publication time (UTC) or day, then the id: who came first
    minhash: np.ndarray  # uint32 values, one per permutation
    shingles: int  # distinct shingles, for containment estimates
    names: frozenset[str]

    def jaccard(self, other: Signature) -> float:
        """MinHash estimate of the shingle sets' Jaccard similarity."""
        return float(np.mean(self.minhash == other.minhash))

    def containment(self, other: Signature) -> float:
        """Estimated share of the smaller article's shingles found in the other one."""
        j = self.jaccard(other)
        if j == 0.0:
            return 0.0
        smaller = min(self.shingles, other.shingles) or 1
        shared = j * (self.shingles + other.shingles) / (1.0 + j)
        return min(1.0, shared / smaller)

    def names_dice(self, other: Signature) -> tuple[float, int]:
        """Dice overlap of the anchors and how many are shared."""
        if not self.names or not other.names:
            return 0.0, 0
        shared = len(self.names & other.names)
        return 2.0 * shared / (len(self.names) + len(other.names)), shared


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingle_hashes(text: str) -> set[int]:
    """Stable 32-bit hashes (CRC-32) of the text's word 3-grams, the same on every machine
    and in every process, unlike Python's own hash()."""
    tokens = words(text)
    tokens += [""] * (3 - len(tokens))
    crc32 = zlib.crc32
    return {
        crc32(f"{a} {b} {c}".encode())
        for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False)
    }


def sentence_keys(text: str) -> set[str]:
    """Sentences reduced to their words; short fragments (captions, datelines) left out."""
    keys = set()
    for sentence in _SENTENCE_END.split(text):
        tokens = words(sentence)
        if len(tokens) >= 5:
            keys.add(" ".join(tokens))
    return keys


def anchors(text: str, outlet: str | None = None) -> frozenset[str]:
    """Capitalised names and numbers: what a rewrite or a translation keeps.

    Left out: a capitalised word the text also uses in lower case (a sentence opener,
    "Pertemuan"), the words of ``not_names()`` (titles, weekdays, "Menteri", "The"), the
    article's own outlet (its dateline differs in every copy), years, and numbers up to 31
    (days of the month and hours, in every article). Digits lose their separators, so that
    "1.500" and "1,500" agree across languages.
    """
    in_lower_case = set(_LOWER_WORD.findall(text))
    skip = not_names() | set(words(outlet or ""))
    found = set()
    for match in _CAPITALISED.finditer(text):
        word = match.group(0).casefold()
        if len(word) >= 3 and word not in in_lower_case and word not in skip:
            found.add(word)
    for match in _NUMBER.finditer(text):
        digits = re.sub(r"\D", "", match.group(0)).lstrip("0")
        if digits and int(digits) > 31 and not _YEAR.fullmatch(digits):
            found.add(digits)
    return frozenset(found)


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Capitalised words that are no names, in every coded language: each pack's
    not_names.txt, months, weekdays, sentence openers and function words, and the role
    titles of the actor gazetteer. One set for all languages, so that an Indonesian and an
    English article lose the same kind of words."""
    found: set[str] = set()
    for lang in ("id", "en"):
        found.update(line.casefold() for line in read_lines(lang, "not_names.txt"))
        found.update(line.casefold() for line in read_lines(lang, "sentence_starters.txt"))
        for name in ("months.tsv", "weekdays.tsv", "function_words.tsv"):
            for line in read_lines(lang, name):
                found.update(words(line.split("\t")[0]))
    for line in files("kabar.actors").joinpath("data", "roles.tsv").read_text("utf-8").splitlines():
        columns = line.split("\t")
        if line.startswith("#") or len(columns) < 5 or columns[0] == "role":
            continue
        found.update(words(columns[0].replace(";", " ") + " " + columns[4].replace(";", " ")))
    return frozenset(found)


# Cities at least this large are named too often to find candidates by (Jakarta, Surabaya).
COMMON_CITY_POPULATION = 1_000_000


def lookup_names(names: Iterable[str]) -> list[str]:
    """The names worth looking candidates up by: not actor codes, countries or big cities,
    which half the articles of a day share. They still count in the comparison itself."""
    common = common_places()
    return sorted(n for n in names if not n.startswith("@") and n not in common)


@lru_cache(maxsize=1)
def common_places() -> frozenset[str]:
    """Words of country names (English, Indonesian, variants) and of big cities' names,
    from the actor gazetteer."""
    data = files("kabar.actors").joinpath("data")
    found: set[str] = set()
    for line in data.joinpath("countries.tsv").read_text("utf-8").splitlines():
        columns = line.split("\t")
        if not line.startswith("#") and len(columns) >= 4 and columns[0] != "iso3":
            found.update(words(" ".join(columns[2:]).replace(";", " ")))
    for line in data.joinpath("places.tsv").read_text("utf-8").splitlines():
        columns = line.split("\t")
        if len(columns) >= 3 and columns[2].isdigit() and int(columns[2]) >= COMMON_CITY_POPULATION:
            found.update(words(columns[0]))
    return frozenset(found)


def signature(
    article_id: int,
    text: str,
    language: str | None,
    published: str | None,
    published_at: str | None,
    num_perm: int,
    outlet: str | None = None,
    actors: Iterable[str] = (),
) -> Signature:
    """Build an article's signature from its stored fields and the codes of the actors
    its events name ("@RUS", "@IDNGOV": the same in every language)."""
    hashes = shingle_hashes(text)
    minhash = _minhash(num_perm)
    minhash.update_batch(list(hashes))
    return Signature(
        article_id=article_id,
        language=language,
        day=day_number(published),
        sort_key=sort_key(article_id, published, published_at),
        minhash=minhash.hashvalues.astype(np.uint32),
        shingles=len(hashes),
        names=anchors(text, outlet) | {f"@{code}" for code in actors},
    )


def day_number(published: str | None) -> int:
    if not published or len(published) < 10:
        return -1
    try:
        return (date.fromisoformat(published[:10]) - _DAY_ZERO).days
    except ValueError:
        return -1


def sort_key(article_id: int, published: str | None, published_at: str | None) -> str:
    """Orders articles by publication: time when known, else the day, then the id."""
    when = published_at or (published[:10] if published else "9999")
    return f"{when}|{article_id:012d}"


def band_keys(values: np.ndarray, bands: int, rows: int) -> list[str]:
    """The MinHash split into bands, each hashed to a short key: two articles sharing a
    key are LSH candidates (datasketch's banding, kept in the database)."""
    keys = []
    for band in range(bands):
        chunk = values[band * rows : (band + 1) * rows].tobytes()
        keys.append(f"b{band}:{blake2b(chunk, digest_size=8).hexdigest()}")
    return keys


@lru_cache(maxsize=4)
def _template(num_perm: int) -> MinHash:
    return MinHash(num_perm=num_perm, seed=1, hashfunc=int)


def _minhash(num_perm: int) -> MinHash:
    # The permutations are the costly part of a MinHash: copy them from one template.
    return _template(num_perm).copy()
