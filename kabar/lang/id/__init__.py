"""Indonesian language pack: knowledge as data files beside this module.

Files (fixed names shared by every pack; see ``kabar.lang._pack``): ``abbreviations.txt``,
``sentence_starters.txt``, ``affixes.tsv``, ``roots.txt``, ``lemma_exceptions.tsv``,
``cues.tsv``, ``months.tsv``, ``weekdays.tsv``, ``numbers.tsv``, ``relative_dates.tsv``.
``get_pack("id")`` loads them once.
"""

from __future__ import annotations

from kabar.lang._pack import LanguagePack, get_pack

LANG = "id"


def pack() -> LanguagePack:
    """The Indonesian pack (cached)."""
    return get_pack(LANG)
