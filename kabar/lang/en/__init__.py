"""English language pack: knowledge as data files beside this module.

Files (fixed names shared by every pack; see ``kabar.lang._pack``): ``abbreviations.txt``,
``sentence_starters.txt``, ``affixes.tsv``, ``roots.txt``, ``lemma_exceptions.tsv``,
``irregular_verbs.tsv``, ``cues.tsv``, ``months.tsv``, ``weekdays.tsv``, ``numbers.tsv``,
``relative_dates.tsv``. ``get_pack("en")`` loads them once.
"""

from __future__ import annotations

from kabar.lang._pack import LanguagePack, get_pack

LANG = "en"


def pack() -> LanguagePack:
    """The English pack (cached)."""
    return get_pack(LANG)
