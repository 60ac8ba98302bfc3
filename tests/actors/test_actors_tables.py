"""The data files: shipped tables load, users extend them, bad rows fail with file and line."""

from __future__ import annotations

from datetime import date
from importlib.resources import files
from pathlib import Path

import pytest

from kabar.actors import Gazetteer, GazetteerDataError

DATA = Path(str(files("kabar.actors") / "data"))


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def data_rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    rows = [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]
    return rows[1:]


def test_every_un_member_and_the_usual_territories_are_there():
    codes = {row[0] for row in data_rows("countries.tsv")}
    assert len(codes) >= 249
    assert {"PSE", "TWN", "XKX", "HKG", "ESH", "VAT", "USA", "IDN", "SSD"} <= codes


def test_people_cover_the_regions_asked_for():
    countries = {row[3] for row in data_rows("people.tsv")}
    g20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN MEX RUS SAU ZAF KOR TUR GBR USA"
    asean = "BRN KHM IDN LAO MYS MMR PHL SGP THA VNM TLS"
    middle_east = "IRN ISR PSE SAU ARE QAT EGY JOR LBN SYR IRQ TUR YEM KWT BHR OMN UKR"
    assert set(f"{g20} {asean} {middle_east}".split()) <= countries


def test_user_file_adds_a_person_and_an_organisation(tmp_path):
    people = write(
        tmp_path / "my_people.tsv",
        (
            "person_id\tname\taliases\tcountry\tsector\trole\tsince\tuntil\tcode\tnote\n"
            "budi-santoso\tBudi Santoso\tPak Budi\tIDN\tGOV\tgovernor\t2024-01-01\t\t\t\n"
        ),
    )
    orgs = write(
        tmp_path / "orgs.tsv",
        (
            "code\tname\tcountry\tsector\tkind\tsince\tuntil\taliases\tnote\n"
            "IDNOPPSRB\tSahabat Rimba\tIDN\tNGO\torganization\t\t\tSahabat Rimba;SRB\t\n"
        ),
    )
    gaz = Gazetteer.load([people, orgs])
    text = "Budi Santoso mengkritik Sahabat Rimba. Pak Budi lalu pergi."
    found = gaz.find(text, on=date(2025, 1, 1))
    assert [(m.text, m.actor.code) for m in found] == [
        ("Budi Santoso", "IDNGOV"),
        ("Sahabat Rimba", "IDNOPPSRB"),
        ("Pak Budi", "IDNGOV"),
    ]


def test_user_roles_and_metonyms(tmp_path):
    roles = write(
        tmp_path / "r.tsv",
        (
            "role\tsector\tlang\tdefault_country\taliases\ttitle\tnote\n"
            "navy\tMIL\tid\t\tarmada\t\t\n"
        ),
    )
    places = write(
        tmp_path / "m.tsv",
        ("place\tcountry\tsector\tcode\taliases\tnote\nKirya\tISR\tMIL\t\tKirya;HaKirya\t\n"),
    )
    gaz = Gazetteer.load([roles, places])
    assert [m.actor.code for m in gaz.find("armada Jepang dan Kirya")] == ["JPNMIL", "ISRMIL"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            "person_id\tname\taliases\tcountry\tsector\trole\tsince\tuntil\tcode\tnote\n"
            "x\tX Y\t\tZZZ\tGOV\tpm\t2020\t\t\t\n",
            "ZZZ",
        ),
        (
            "person_id\tname\taliases\tcountry\tsector\trole\tsince\tuntil\tcode\tnote\n"
            "x\tX Y\t\tIDN\tGOV\tpm\t2020-13-01\t\t\t\n",
            "2020-13-01",
        ),
        (
            "person_id\tname\taliases\tcountry\tsector\trole\tsince\tuntil\tcode\tnote\n"
            "x\tX Y\t\tIDN\tGOV\tpm\t2020\t2019\t\t\n",
            "not after",
        ),
        (
            "person_id\tname\taliases\tcountry\tsector\trole\tsince\tuntil\tcode\tnote\n"
            "x\tX Y\t\tIDN\tgov\tpm\t2020\t\t\t\n",
            "sector",
        ),
        (
            "code\tname\tcountry\tsector\tkind\tsince\tuntil\taliases\tnote\n"
            "IGOX\tX\t\tIGO\tclub\t\t\tX\t\n",
            "kind",
        ),
        (
            "role\tsector\tlang\tdefault_country\taliases\ttitle\tnote\nx\tGOV\tfr\t\tx\t\t\n",
            "lang",
        ),
        ("iso3\tsector\tlang\tform\taliases\tnote\nIDN\t\tid\tname\t\t\textra\n", "cells"),
        ("iso3\tsector\tlang\tform\taliases\n", "unknown header"),
    ],
)
def test_bad_rows_raise_with_file_and_line(tmp_path, content, reason):
    path = write(tmp_path / "bad.tsv", "# a comment\n" + content)
    with pytest.raises(GazetteerDataError) as caught:
        Gazetteer.load([path])
    assert caught.value.path == str(path)
    assert caught.value.line == (2 if reason == "unknown header" else 3)
    assert reason in str(caught.value)
