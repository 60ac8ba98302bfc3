"""Behaviour of the CAMEO codebook: known facts, its rules, and rejection of broken files."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from kabar.ontology import PLOVER_TYPES, CameoCode, Ontology, OntologyError

SHARED = Path(__file__).resolve().parents[3] / "shared"
HEADER = "code\troot\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\n"
GOOD_ROWS = (
    "040\t04\tConsult\t1.0\t1\tCONSULT\t\n"
    "041\t04\tDiscuss by telephone\t1.0\t1\tCONSULT\tphone\n"
    "190\t19\tUse conventional military force\t-10.0\t4\tASSAULT\t\n"
)


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


def write_codebook(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "cameo.tsv"
    path.write_text("# a test codebook\n" + HEADER + rows, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("code", "goldstein"),
    [
        ("010", 0.0),
        ("011", -0.1),
        ("036", 4.0),
        ("041", 1.0),
        ("042", 1.9),
        ("043", 2.8),
        ("045", 5.0),
        ("046", 7.0),
        ("057", 8.0),
        ("080", 5.0),
        ("111", -2.0),
        ("112", -2.0),
        ("130", -4.4),
        ("138", -7.0),
        ("141", -6.5),
        ("145", -7.5),
        ("163", -8.0),
        ("173", -5.0),
        ("180", -9.0),
        ("190", -10.0),
        ("195", -10.0),
        ("200", -10.0),
    ],
)
def test_known_goldstein_values(ontology: Ontology, code: str, goldstein: float) -> None:
    assert ontology.get(code).goldstein == goldstein


@pytest.mark.parametrize(
    ("code", "plover"),
    [
        ("041", ("CONSULT", "phone")),
        ("042", ("CONSULT", "visit")),
        ("045", ("CONSULT", None)),
        ("057", ("SUPPORT", None)),
        ("031", ("AGREE", None)),
        ("0871", ("RETREAT", "ceasefire")),
        ("112", ("ACCUSE", "disapprove")),
        ("141", ("PROTEST", "demo")),
        ("154", ("MOBILIZE", "troops")),
        ("173", ("COERCE", "arrest")),
        ("190", ("ASSAULT", None)),
        ("2042", ("ASSAULT", "unconventional")),
    ],
)
def test_known_plover_equivalents(
    ontology: Ontology, code: str, plover: tuple[str, str | None]
) -> None:
    assert ontology.plover(code) == plover


def test_statements_and_appeals_have_no_plover_equivalent(ontology: Ontology) -> None:
    dropped = [entry for entry in ontology if entry.root in ("01", "02")]
    assert dropped
    assert {ontology.plover(entry.code) for entry in dropped} == {(None, None)}


def test_every_root_is_present_with_its_base_code(ontology: Ontology) -> None:
    roots = [f"{n:02d}" for n in range(1, 21)]
    assert ontology.roots() == tuple(roots)
    for root in roots:
        assert ontology.codes_for_root(root)[0].code == root + "0"


def test_codebook_is_complete(ontology: Ontology) -> None:
    assert len(ontology) >= 280
    assert len(list(ontology)) == len(ontology)


def test_quad_class_follows_root(ontology: Ontology) -> None:
    assert {e.quad_class for e in ontology.codes_for_root("05")} == {1}
    assert {e.quad_class for e in ontology.codes_for_root("07")} == {2}
    assert {e.quad_class for e in ontology.codes_for_root("11")} == {3}
    assert {e.quad_class for e in ontology.codes_for_root("18")} == {4}


def test_four_digit_codes_sit_under_their_parent(ontology: Ontology) -> None:
    for entry in ontology:
        if len(entry.code) == 4:
            assert entry.code[:3] in ontology
        assert entry.plover_type is None or entry.plover_type in PLOVER_TYPES


def test_root_of_a_code(ontology: Ontology) -> None:
    assert ontology.root("041") == "04"
    assert ontology.root("1823") == "18"


def test_membership_and_entries_are_frozen(ontology: Ontology) -> None:
    assert "041" in ontology
    assert "999" not in ontology
    entry = ontology.get("041")
    assert isinstance(entry, CameoCode)
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.goldstein = 0.0  # type: ignore[misc]


def test_unknown_code_raises_key_error_naming_it(ontology: Ontology) -> None:
    with pytest.raises(KeyError, match="999"):
        ontology.get("999")
    with pytest.raises(KeyError, match="root '21'"):
        ontology.codes_for_root("21")


def test_shipped_codebook_is_loaded_once(ontology: Ontology) -> None:
    assert Ontology.load() is ontology


def test_loads_a_codebook_from_a_path(tmp_path: Path) -> None:
    custom = Ontology.load(write_codebook(tmp_path, GOOD_ROWS))
    assert len(custom) == 3
    assert custom.plover("041") == ("CONSULT", "phone")
    assert custom is not Ontology.load()


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("042\t04\tMake a visit\t11.0\t1\tCONSULT\tvisit\n", "outside -10..10"),
        ("042\t04\tMake a visit\tmuch\t1\tCONSULT\tvisit\n", "not a number"),
        ("042\t04\tMake a visit\t1.9\t3\tCONSULT\tvisit\n", "quad_class 3"),
        ("042\t04\tMake a visit\t1.9\t1\tCHAT\t\n", "not a PLOVER type"),
        ("042\t04\tMake a visit\t1.9\t1\tCONSULT\tdinner\n", "not a mode of CONSULT"),
        ("042\t04\tMake a visit\t1.9\t1\t\tvisit\n", "without a plover_type"),
        ("0421\t04\tVisit a capital\t1.9\t1\tCONSULT\t\n", "parent code 042 is missing"),
        ("051\t05\tPraise or endorse\t3.4\t1\tSUPPORT\t\n", "root 05 has no base code 050"),
        ("42\t04\tMake a visit\t1.9\t1\tCONSULT\t\n", "not 3 or 4 digits"),
        ("042\t05\tMake a visit\t1.9\t1\tCONSULT\t\n", "not its first two digits"),
        ("042\t04\tMake a visit\t1.9\t1\tCONSULT\n", "expected 7 tab-separated columns"),
        ("041\t04\tPhone again\t1.0\t1\tCONSULT\tphone\n", "repeats line 4"),
    ],
)
def test_rejects_a_broken_codebook_naming_file_and_line(
    tmp_path: Path, row: str, problem: str
) -> None:
    path = write_codebook(tmp_path, GOOD_ROWS + row)
    with pytest.raises(OntologyError, match=re.escape(problem)) as caught:
        Ontology.load(path)
    assert caught.value.source == str(path)
    assert caught.value.line == 6  # comment, header, three good rows, then the bad one
    assert str(caught.value).startswith(f"{path}:6: ")


def test_rejects_a_file_without_the_header(tmp_path: Path) -> None:
    path = tmp_path / "cameo.tsv"
    path.write_text(GOOD_ROWS, encoding="utf-8")
    with pytest.raises(OntologyError, match="header must be") as caught:
        Ontology.load(path)
    assert caught.value.line == 1


def test_rejects_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match="cannot read"):
        Ontology.load(tmp_path / "absent.tsv")


@pytest.mark.shared
def test_seed_annotation_agrees_on_plover_type(ontology: Ontology) -> None:
    gold = SHARED / "seed" / "expected.json"
    if not gold.is_file():
        pytest.skip("../shared/seed is absent")
    events = json.loads(gold.read_text(encoding="utf-8"))["events"]
    for event in events:
        assert ontology.plover(event["cameo"])[0] == event["plover"], event["eid"]


# Types that deliberately differ from the 2021 conversion table (see the cameo.tsv header).
RECONCILED_TYPES = {"0813": "CONCEDE", "0814": "CONCEDE", "116": "SANCTION", "163": "SANCTION"}


@pytest.mark.shared
def test_plover_types_follow_the_conversion_table(ontology: Ontology) -> None:
    table = SHARED / "data" / "plover" / "CAMEO2PLOVER-2021.txt"
    if not table.is_file():
        pytest.skip("../shared/data/plover is absent")
    checked = 0
    for line in table.read_text(encoding="utf-8").splitlines():
        match = re.match(r"(\d{3,4}):\s*([A-Z]+)", line)
        if not match or match[1] not in ontology:
            continue
        expected = RECONCILED_TYPES.get(match[1], match[2])
        assert ontology.plover(match[1])[0] == expected, match[1]
        checked += 1
    assert checked >= 250
