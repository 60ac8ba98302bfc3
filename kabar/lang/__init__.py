"""Per-language packs: language knowledge kept as data files, one folder per language.

``id`` and ``en`` are the coded languages; ``xx`` holds knowledge that is not tied to one
language (page-chrome lines in any script, for instance). Adding a language means adding
a folder with the same file names.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

PACKS = ("id", "en", "xx")


def pack_file(lang: str, name: str) -> Traversable:
    """Path of a data file of one language pack (it may not exist for every language)."""
    return files("kabar.lang").joinpath(lang, name)


def read_lines(lang: str, name: str) -> list[str]:
    """Non-empty, non-comment lines of a pack's data file; [] when the pack lacks the file."""
    path = pack_file(lang, name)
    if not path.is_file():
        return []
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            lines.append(stripped)
    return lines


# Engines over the packs' data (imported last: they read pack files through the helpers above).
from kabar.lang._cues import Cue, find_cues  # noqa: E402
from kabar.lang._dates import DateMention, ResolvedDate, find_dates, resolve_date  # noqa: E402
from kabar.lang._morphology import lemma  # noqa: E402
from kabar.lang._pack import LanguagePack, PackDataError, get_pack  # noqa: E402
from kabar.lang._sentences import split_sentences  # noqa: E402
from kabar.lang._tokens import Token, tokenize  # noqa: E402

__all__ = [
    "PACKS",
    "Cue",
    "DateMention",
    "LanguagePack",
    "PackDataError",
    "ResolvedDate",
    "Token",
    "find_cues",
    "find_dates",
    "get_pack",
    "lemma",
    "pack_file",
    "read_lines",
    "resolve_date",
    "split_sentences",
    "tokenize",
]
