"""Read the gazetteer's TSV files into aliases, checking every row as it is read.

Each file kind is recognised by its header line, so a user file in any of the shipped formats
can be passed to ``Gazetteer.load(extra_paths=...)`` under any name. A bad row raises
:class:`GazetteerDataError` with the file and line: a dictionary that loads half-way would code
events silently wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ._model import KINDS, Actor, GazetteerDataError, Person, Role, Target, Term

Alias = tuple[str, Target]  # alias text as written in the file (with "=" / "~" markers)

HEADERS = {
    ("iso3", "iso2", "name_en", "name_id", "variants"): "countries",
    ("iso3", "sector", "lang", "form", "aliases", "note"): "countries_extra",
    ("place", "country", "sector", "code", "aliases", "note"): "metonyms",
    (
        "code",
        "name",
        "country",
        "sector",
        "kind",
        "since",
        "until",
        "aliases",
        "note",
    ): "organizations",
    ("role", "sector", "lang", "default_country", "aliases", "title", "note"): "roles",
    (
        "person_id",
        "name",
        "aliases",
        "country",
        "sector",
        "role",
        "since",
        "until",
        "code",
        "note",
    ): "people",
    ("aliases", "note"): "not_actors",
}
SHIPPED = (
    "countries.tsv",
    "countries_extra.tsv",
    "metonyms.tsv",
    "organizations.tsv",
    "roles.tsv",
    "people.tsv",
    "not_actors.tsv",
)

_SECTOR = re.compile(r"[A-Z]{3}")
_CODE = re.compile(r"[A-Z0-9-]{3,15}")
_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_NAME_SUFFIXES = {"Jr", "Jr.", "Sr.", "II", "III", "IV"}


@dataclass
class Tables:
    """Everything read from the TSV files, before the matcher is built."""

    country_names: dict[str, str] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    people: dict[str, list[tuple[list[str], Term, str]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Row:
    """One data line: its cells by column name, and where it came from for error messages."""

    path: Path
    line: int
    cells: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells[column]

    def fail(self, reason: str) -> GazetteerDataError:
        return GazetteerDataError(self.path, self.line, reason)


def read_rows(path: Path) -> tuple[str, Iterator[Row]]:
    """The file kind (from its header) and its data rows; ``#`` lines and blanks are skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    numbered = [(n, ln) for n, ln in enumerate(lines, 1) if ln.strip() and not ln.startswith("#")]
    if not numbered:
        raise GazetteerDataError(path, 1, "no header line")
    header_line, header = numbered[0]
    columns = tuple(c.strip() for c in header.split("\t"))
    kind = HEADERS.get(columns)
    if kind is None:
        raise GazetteerDataError(path, header_line, f"unknown header {columns!r}")

    def rows() -> Iterator[Row]:
        for number, line in numbered[1:]:
            cells = [c.strip() for c in line.split("\t")]
            if len(cells) > len(columns):
                raise GazetteerDataError(
                    path,
                    number,
                    f"{len(cells)} cells, {len(columns)} columns (a tab inside a cell?)",
                )
            cells += [""] * (len(columns) - len(cells))
            yield Row(path, number, dict(zip(columns, cells, strict=True)))

    return kind, rows()


def parse_date(row: Row, column: str) -> date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; a partial date means its first day."""
    text = row[column]
    if not text:
        return None
    match = _DATE.fullmatch(text)
    if not match:
        raise row.fail(f"{column} {text!r} is not YYYY[-MM[-DD]]")
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise row.fail(f"{column} {text!r}: {exc}") from None


def split_aliases(row: Row, *extra: str) -> list[str]:
    """The ;-separated aliases plus the name columns, without duplicates or blanks."""
    names = [*extra, *row["aliases"].split(";")] if "aliases" in row.cells else list(extra)
    return [a.strip() for a in dict.fromkeys(names) if a.strip()]


def _country(row: Row, column: str, tables: Tables, required: bool = False) -> str | None:
    code = row[column]
    if not code:
        if required:
            raise row.fail(f"{column} is empty")
        return None
    if code not in tables.country_names:
        raise row.fail(f"{column} {code!r} is not a country code in countries.tsv")
    return code


def _sector(row: Row, column: str = "sector") -> str | None:
    sector = row[column]
    if sector and not _SECTOR.fullmatch(sector):
        raise row.fail(f"sector {sector!r} is not three capital letters")
    return sector or None


def _span(row: Row) -> tuple[date | None, date | None]:
    since, until = parse_date(row, "since"), parse_date(row, "until")
    if since and until and until <= since:
        raise row.fail(f"until {until} is not after since {since}")
    return since, until


def load_countries(rows: Iterator[Row], tables: Tables) -> None:
    for row in rows:
        iso3 = row["iso3"]
        if not re.fullmatch(r"[A-Z]{3}", iso3) or not row["name_en"]:
            raise row.fail("needs a three-letter iso3 code and an English name")
        tables.country_names[iso3] = row["name_en"]
        actor = Actor(iso3, row["name_en"], iso3, None, "country")
        names = [row["name_en"], row["name_id"], *row["variants"].split(";")]
        tables.aliases += [(a, Target("country", actor)) for a in dict.fromkeys(names) if a]


def load_countries_extra(rows: Iterator[Row], tables: Tables) -> None:
    for row in rows:
        iso3 = _country(row, "iso3", tables, required=True)
        assert iso3 is not None
        sector = _sector(row)
        name = tables.country_names[iso3]
        actor = Actor(iso3 + (sector or ""), name, iso3, sector, "country")
        aliases = split_aliases(row)
        if not aliases:
            raise row.fail("no aliases")
        tables.aliases += [(a, Target("country", actor)) for a in aliases]


def load_metonyms(rows: Iterator[Row], tables: Tables) -> None:
    for row in rows:
        country, sector = _country(row, "country", tables), _sector(row)
        code = row["code"] or (country or "") + (sector or "")
        if not _CODE.fullmatch(code) or not row["place"]:
            raise row.fail("needs a place name and a country or a code")
        actor = Actor(code, row["place"], country, sector, "metonym")
        tables.aliases += [(a, Target("metonym", actor)) for a in split_aliases(row, row["place"])]


def load_organizations(rows: Iterator[Row], tables: Tables) -> None:
    for row in rows:
        country, sector = _country(row, "country", tables), _sector(row)
        code, kind = row["code"], row["kind"] or "organization"
        if not _CODE.fullmatch(code):
            raise row.fail(f"code {code!r} is not 3-15 capitals")
        if kind not in ("organization", "group"):
            raise row.fail(f"kind {kind!r} is not organization or group")
        since, until = _span(row)
        actor = Actor(code, row["name"] or code, country, sector, kind)
        target = Target(kind, actor, since=since, until=until)
        aliases = split_aliases(row, row["name"])
        tables.aliases += [(a, target) for a in aliases]


def load_roles(rows: Iterator[Row], tables: Tables) -> None:
    for row in rows:
        if row["lang"] not in ("id", "en"):
            raise row.fail(f"lang {row['lang']!r} is not id or en")
        if row["title"] not in ("", "y"):
            raise row.fail("title is y or empty")
        role = Role(
            row["role"],
            _sector(row),
            row["lang"],
            _country(row, "default_country", tables),
            row["title"] == "y",
        )
        aliases = split_aliases(row)
        if not role.name or not aliases:
            raise row.fail("needs a role name and aliases")
        tables.aliases += [(a, Target("role", role=role)) for a in aliases]


def load_people(rows: Iterator[Row], tables: Tables) -> None:
    for row in rows:
        if not row["person_id"] or not row["name"] or not row["role"]:
            raise row.fail("needs person_id, name and role")
        country, sector = _country(row, "country", tables), _sector(row)
        code = row["code"] or (country or "") + (sector or "")
        if not _CODE.fullmatch(code):
            raise row.fail("needs a country, a sector or a code")
        since, until = _span(row)
        term = Term(country, sector, code, row["role"], since, until)
        tables.people.setdefault(row["person_id"], []).append(
            (split_aliases(row), term, row["name"])
        )


def load_not_actors(rows: Iterator[Row], tables: Tables) -> None:
    for row in rows:
        aliases = split_aliases(row)
        if not aliases:
            raise row.fail("no aliases")
        tables.aliases += [(a, Target("stop")) for a in aliases]


LOADERS = {
    "countries": load_countries,
    "countries_extra": load_countries_extra,
    "metonyms": load_metonyms,
    "organizations": load_organizations,
    "roles": load_roles,
    "people": load_people,
    "not_actors": load_not_actors,
}


def load_file(path: Path, tables: Tables) -> None:
    """Add one TSV file of any known kind."""
    kind, rows = read_rows(path)
    LOADERS[kind](rows, tables)


def person_aliases(tables: Tables) -> list[Alias]:
    """People become aliases once all files are read, so user rows can extend a person.

    A multi-word name also gets its last word as a weak alias, unless another person lists
    that word ("Listyo Sigit Prabowo" does not take "Prabowo" from Prabowo Subianto).
    """
    out: list[Alias] = []
    listed = {
        a.lstrip("=")
        for rows in tables.people.values()
        for a_list, _, _ in rows
        for a in a_list
        if not a.startswith("~")
    }
    for person_id, rows in tables.people.items():
        names = {name for _, _, name in rows}
        if len(names) > 1:
            raise GazetteerDataError("people", 0, f"{person_id} has several names: {names}")
        name = rows[0][2]
        person = Person(person_id, name, tuple(term for _, term, _ in rows))
        aliases = [name, *(a for a_list, _, _ in rows for a in a_list)]
        surname = _surname(name)
        plain = {a.lstrip("~=") for a in aliases}
        if surname and surname not in plain and surname not in listed:
            aliases.append("~" + surname)
        for alias in dict.fromkeys(aliases):
            weak = alias.startswith("~")
            out.append((alias.lstrip("~"), Target("person", person=person, weak=weak)))
    return out


def _surname(name: str) -> str | None:
    """The last word of a multi-word name ("Benjamin Netanyahu" -> "Netanyahu")."""
    words = [w for w in name.split() if w not in _NAME_SUFFIXES]
    if len(words) < 2 or len(words[-1]) <= 3 or "-" in words[-1]:
        return None  # "Kim Jong Un", "Lee Jae-myung": the family name comes first
    return words[-1]


def check_kinds(aliases: list[Alias]) -> None:
    """Guard against a loader producing a kind the public Actor does not allow."""
    bad = {t.kind for _, t in aliases} - KINDS - {"stop"}
    if bad:
        raise GazetteerDataError("gazetteer", 0, f"unknown actor kinds {bad}")
