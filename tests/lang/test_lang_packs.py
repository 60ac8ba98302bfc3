"""Pack data files: present, well-formed, and checked when loaded."""

from __future__ import annotations

import pytest

from kabar.lang import PackDataError, get_pack, read_lines
from kabar.lang._morphology import load_lemmatizer
from kabar.lang._pack import load_abbreviations

PACK_FILES = (
    "abbreviations.txt",
    "sentence_starters.txt",
    "affixes.tsv",
    "roots.txt",
    "lemma_exceptions.tsv",
    "cues.tsv",
    "months.tsv",
    "weekdays.tsv",
    "numbers.tsv",
    "relative_dates.tsv",
)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", PACK_FILES)
def test_pack_has_file(lang: str, name: str) -> None:
    assert read_lines(lang, name), f"{lang}/{name} is missing or empty"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_pack_loads_and_is_cached(lang: str) -> None:
    pack = get_pack(lang)
    assert pack is get_pack(lang)
    assert pack.lang == lang
    assert len(pack.months) >= 12
    assert set(pack.weekdays.values()) == set(range(1, 8))
    assert pack.cues and pack.relative_dates


def test_pack_tables_are_read_only() -> None:
    with pytest.raises(TypeError):
        get_pack("id").abbreviations["xyz"] = "title"  # type: ignore[index]


def test_indonesian_roots_are_several_thousand_and_unique() -> None:
    roots = read_lines("id", "roots.txt")
    assert len(roots) >= 2500
    assert len(roots) == len(set(roots))
    assert all(root == root.lower() and " " not in root for root in roots)


def test_indonesian_month_abbreviations() -> None:
    months = get_pack("id").months
    assert months["agu"] == months["agt"] == months["agustus"] == 8
    assert months["okt"] == 10 and months["des"] == 12 and months["jan"] == 1
    assert get_pack("id").weekdays["ahad"] == get_pack("id").weekdays["minggu"] == 7


def test_irregular_verbs_cover_said_and_met() -> None:
    exceptions = get_pack("en").lemmatizer.exceptions
    assert exceptions["said"] == "say" and exceptions["met"] == "meet"


def test_abbreviation_kinds_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kabar.lang._pack.read_lines", lambda lang, name: ["Dr  sometimes"])
    with pytest.raises(PackDataError, match="unknown kind"):
        load_abbreviations("id")


def test_bad_affix_pattern_names_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(lang: str, name: str) -> list[str]:
        return ["prefix  1  meng  k  ^[aeiou  meN"] if name == "affixes.tsv" else []

    monkeypatch.setattr("kabar.lang._morphology.read_lines", fake)
    with pytest.raises(PackDataError, match="affixes.tsv"):
        load_lemmatizer("id")
