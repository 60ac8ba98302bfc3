"""Lemmatizer: strip affixes by data-driven rules, keep the candidate that is a known root.

The engine knows nothing about a particular language. A pack's ``affixes.tsv`` lists
rules, one a line::

    side    layer  form  restore  when          tag
    suffix  1      lah   -        .             lah
    prefix  1      meng  k        ^[aeiou]      meN
    forbid  -      ber   i        -             -

* ``suffix`` rules are tried from the end of the word inwards, layer by layer (Indonesian:
  1 particles, 2 possessives, 3 derivational suffixes), at most one rule per layer.
* ``prefix`` rules strip up to three prefixes from the front. A layer-1 prefix may only be
  the outermost one (``di-``, ``meN-``); layer-2 prefixes may stack (``mem-per-``,
  ``ke-ber-``, ``ber-ke-``), each tag at most once.
* ``restore`` is what the affix swallowed (``meny-`` + ``s``: menyerang -> serang) and
  ``when`` a regular expression the remainder must match before restoring.
* ``forbid`` lines name an outermost prefix tag and a derivational suffix tag that never
  form a confix (Indonesian ``meN-...-an``), so mengatakan is kata + -kan, not katak + -an;
  or two prefix tags that never stack (``meN-`` on ``ber-``: memberikan is beri + -kan).
* a ``guess`` rule (``side`` = ``guess``) is applied when no candidate is a known root:
  English "visited" -> "visit" without a word list entry.

The best candidate is a known root (``roots.txt``) ranked by :meth:`Lemmatizer._score`.
A word nothing reduces to a root is returned lower-cased (after any ``guess`` rule): a
missing root costs a lemma, never invents one. ``lemma_exceptions.tsv`` (and for English
``irregular_verbs.tsv``) override everything.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from kabar.lang import read_lines
from kabar.lang._pack import PackDataError, get_pack, split_columns

MAX_PREFIXES = 3
MIN_STEM = 2


@dataclass(frozen=True, slots=True)
class AffixRule:
    """One way to remove an affix: its form, what it swallowed, and when it applies."""

    side: str
    layer: int
    form: str
    restore: str
    when: re.Pattern[str]
    tag: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """A candidate stem with the affix tags stripped to reach it (outermost first)."""

    stem: str
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    restored: int = 0


@dataclass(frozen=True, slots=True)
class Lemmatizer:
    """Affix rules plus the lexicon that validates their results."""

    lang: str
    suffixes: tuple[AffixRule, ...]
    prefixes: tuple[AffixRule, ...]
    guesses: tuple[AffixRule, ...]
    forbidden: frozenset[tuple[str, str]]
    roots: frozenset[str]
    exceptions: Mapping[str, str] = field(hash=False, compare=False)

    def lemma(self, word: str) -> str:
        """Lemma of ``word`` (cached per language and word)."""
        return _cached_lemma(self.lang, word)

    def analyse(self, word: str) -> str:
        """Uncached lemma: exceptions, then a known root, then reduplication, then affixes."""
        lower = word.lower()
        known = self.exceptions.get(lower)
        if known is not None:
            return known
        if lower in self.roots or not lower.isalpha():
            return self._hyphenated(lower) if "-" in lower else lower
        best = self.best(self.candidates(lower))
        if best is not None:
            return best.stem
        return self.guess(lower)

    def _hyphenated(self, word: str) -> str:
        """Reduplication keeps one half ("proyek-proyek" -> proyek, "bersama-sama" -> sama)."""
        left, _, right = word.partition("-")
        if not left.isalpha() or not right.isalpha():
            return word
        left_lemma, right_lemma = self.analyse(left), self.analyse(right)
        if left_lemma == right_lemma or right == left_lemma or left.endswith(right):
            return right_lemma if left.endswith(right) else left_lemma
        return word

    def candidates(self, word: str) -> list[Analysis]:
        """Every analysis the rules allow, suffixes stripped before prefixes."""
        found: list[Analysis] = []
        for base, suffix_tags in self._strip_suffixes(word):
            found.append(Analysis(base, (), suffix_tags))
            for stem, prefix_tags, restored in self._strip_prefixes(base, (), 0):
                found.append(Analysis(stem, prefix_tags, suffix_tags, restored))
        return found

    def _strip_suffixes(self, word: str) -> list[tuple[str, tuple[str, ...]]]:
        results: list[tuple[str, tuple[str, ...]]] = [(word, ())]
        for layer in sorted({rule.layer for rule in self.suffixes}):
            extended = list(results)
            for base, tags in results:
                for rule in self.suffixes:
                    if rule.layer != layer or not base.endswith(rule.form):
                        continue
                    rest = base[: len(base) - len(rule.form)]
                    if len(rest) >= MIN_STEM and rule.when.search(rest):
                        extended.append((rest + rule.restore, (*tags, rule.tag)))
            results = extended
        return results

    def _strip_prefixes(
        self, word: str, tags: tuple[str, ...], depth: int
    ) -> list[tuple[str, tuple[str, ...], int]]:
        if depth == MAX_PREFIXES:
            return []
        results: list[tuple[str, tuple[str, ...], int]] = []
        for rule in self.prefixes:
            if (depth and rule.layer == 1) or rule.tag in tags or not word.startswith(rule.form):
                continue
            rest = word[len(rule.form) :]
            if len(rest) < MIN_STEM or not rule.when.search(rest):
                continue
            stem = rule.restore + rest
            restored = 1 if rule.restore else 0
            results.append((stem, (*tags, rule.tag), restored))
            for inner, inner_tags, more in self._strip_prefixes(stem, (*tags, rule.tag), depth + 1):
                results.append((inner, inner_tags, restored + more))
        return results

    def best(self, analyses: list[Analysis]) -> Analysis | None:
        """The preferred analysis whose stem is a known root, or None."""
        valid = [a for a in analyses if a.stem in self.roots and (a.prefixes or a.suffixes)]
        if not valid:
            return None
        return max(valid, key=self._score)

    def _score(self, analysis: Analysis) -> tuple[bool, int, int, int]:
        """Rank analyses: an allowed confix; the most letters kept from the word (perasaan
        is rasa, not asa); the fewest affixes (memakai is pakai, not maka-i); the fewest
        swallowed letters put back (mengakui is aku-i, not kaku-i)."""
        derivational = analysis.suffixes[-1] if analysis.suffixes else ""
        outer = analysis.prefixes[0] if analysis.prefixes else ""
        stacked = zip(analysis.prefixes, analysis.prefixes[1:], strict=False)
        allowed = (outer, derivational) not in self.forbidden and not any(
            pair in self.forbidden for pair in stacked
        )
        kept = len(analysis.stem) - analysis.restored
        affixes = len(analysis.prefixes) + len(analysis.suffixes)
        return allowed, kept, -affixes, -analysis.restored

    def guess(self, word: str) -> str:
        """The first ``guess`` rule that applies to an unknown word, else the word."""
        for rule in self.guesses:
            if word.endswith(rule.form):
                rest = word[: len(word) - len(rule.form)]
                if len(rest) >= MIN_STEM and rule.when.search(rest):
                    return rest + rule.restore
        return word


@lru_cache(maxsize=200_000)
def _cached_lemma(lang: str, word: str) -> str:
    return get_pack(lang).lemmatizer.analyse(word)


def lemma(word: str, lang: str = "id") -> str:
    """Lemma of one word: "menghubungi" -> "hubung", "attacked" -> "attack"."""
    return _cached_lemma(lang, word)


def _parse_rule(lang: str, line: str) -> AffixRule | tuple[str, str]:
    columns = line.split()  # affix columns never contain spaces
    if len(columns) < 4:
        raise PackDataError(f"{lang}/affixes.tsv: expected at least 4 columns in {line!r}")
    side = columns[0]
    if side == "forbid":
        return (columns[2], columns[3] if len(columns) > 3 else "")
    if side not in ("prefix", "suffix", "guess"):
        raise PackDataError(f"{lang}/affixes.tsv: unknown side {side!r} in {line!r}")
    columns += ["-"] * (6 - len(columns))
    _, layer, form, restore, when, tag = columns[:6]
    try:
        pattern = re.compile("" if when in ("-", ".") else when)
    except re.error as error:
        raise PackDataError(f"{lang}/affixes.tsv: bad pattern in {line!r}: {error}") from None
    return AffixRule(
        side=side,
        layer=int(layer) if layer != "-" else 0,
        form=form,
        restore="" if restore == "-" else restore,
        when=pattern,
        tag=form if tag == "-" else tag,
    )


def _exceptions(lang: str) -> dict[str, str]:
    """Word -> lemma from ``lemma_exceptions.tsv`` and ``irregular_verbs.tsv``."""
    table: dict[str, str] = {}
    rows = [
        split_columns(line, lang, "irregular_verbs.tsv", 2)
        for line in read_lines(lang, "irregular_verbs.tsv")
    ]
    for forms in rows:  # a base form is its own lemma ("lay" is not "lie")
        table[forms[0].lower()] = forms[0].lower()
    for forms in rows:
        for form in forms[1:]:
            for variant in form.split("/"):
                if variant != "-":
                    table.setdefault(variant.lower(), forms[0].lower())
    for line in read_lines(lang, "lemma_exceptions.tsv"):
        word, target = split_columns(line, lang, "lemma_exceptions.tsv", 2)[:2]
        table[word.lower()] = target.lower()
    return table


def load_lemmatizer(lang: str) -> Lemmatizer:
    """Build the lemmatizer of one pack from its data files."""
    rules: list[AffixRule] = []
    forbidden: set[tuple[str, str]] = set()
    for line in read_lines(lang, "affixes.tsv"):
        parsed = _parse_rule(lang, line)
        if isinstance(parsed, AffixRule):
            rules.append(parsed)
        else:
            forbidden.add(parsed)
    exceptions = _exceptions(lang)
    # every lemma an exception produces is a known root too ("make" validates "makes")
    roots = frozenset(w.lower() for w in read_lines(lang, "roots.txt")) | set(exceptions.values())
    return Lemmatizer(
        lang=lang,
        suffixes=tuple(r for r in rules if r.side == "suffix"),
        prefixes=tuple(r for r in rules if r.side == "prefix"),
        guesses=tuple(r for r in rules if r.side == "guess"),
        forbidden=frozenset(forbidden),
        roots=roots,
        exceptions=MappingProxyType(exceptions),
    )
