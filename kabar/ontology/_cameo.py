"""The CAMEO codebook as an immutable lookup table, read from ``data/cameo.tsv``.

The facts (labels, Goldstein values, quad classes, PLOVER equivalents) live in the data file so
they can be read, cited and corrected without touching code; this module only parses them and
refuses a file that breaks the codebook's rules, naming the file and line at fault.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType

COLUMNS = ("code", "root", "name", "goldstein", "quad_class", "plover_type", "plover_mode")

# PLOVER event types and their modes, from the PLOVER manual draft 2.0 (tables 3.1-3.11);
# types with an empty set take no mode.
PLOVER_MODES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        kind: frozenset(modes.split())
        for kind, modes in {
            "AGREE": "",
            "CONSULT": "visit third-party multilateral phone",
            "SUPPORT": "",
            "CONCEDE": "",
            "COOPERATE": "",
            "AID": "",
            "RETREAT": "withdraw release disarm ceasefire access resign",
            "REQUEST": "assist change yield meet",
            "ACCUSE": "disapprove investigate allege",
            "REJECT": "assist change yield meet",
            "THREATEN": "restrict arrest relations expel territory violence",
            "PROTEST": "demo riot strike hunger boycott obstruct vandalize",
            "SANCTION": "convict expel withdraw discontinue",
            "MOBILIZE": "troops weapons police militia",
            "COERCE": "seize restrict censor curfew martial-law arrest deport withhold"
            " misinformation cyber",
            "ASSAULT": "abduct beat torture sexual targeted destroy primitive firearms explosives"
            " suicide-attack aerial drone heavy-weapons crowd-control unconventional",
        }.items()
    }
)
PLOVER_TYPES = frozenset(PLOVER_MODES)

_CODE_RE = re.compile(r"\d{3,4}")


class OntologyError(ValueError):
    """The codebook file is malformed or breaks a rule of CAMEO; says where and why."""

    def __init__(self, source: str, line: int | None, problem: str) -> None:
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")
        self.source = source
        self.line = line
        self.problem = problem


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with the scores and PLOVER category analysts aggregate by."""

    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None


def quad_class_for_root(root: str) -> int:
    """GDELT's quad class of a 2-digit root: 1-2 cooperation (verbal, material), 3-4 conflict."""
    number = int(root)
    if not 1 <= number <= 20:
        raise ValueError(f"CAMEO roots run from 01 to 20, not {root!r}")
    if number <= 5:
        return 1
    if number <= 9:
        return 2
    return 3 if number <= 14 else 4


class Ontology:
    """All CAMEO codes of one codebook file, in file order; immutable once loaded."""

    def __init__(
        self, codes: Mapping[str, CameoCode], source: str, lines: Mapping[str, int]
    ) -> None:
        self._codes = MappingProxyType(dict(codes))
        self._lines = MappingProxyType(dict(lines))
        self.source = source

    @classmethod
    def load(cls, path: str | Path | None = None) -> Ontology:
        """The shipped codebook (read once per process) or, given ``path``, that file."""
        if path is None:
            return _shipped()
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise OntologyError(str(path), None, f"cannot read: {exc}") from exc
        return cls.parse(text, source=str(path))

    @classmethod
    def parse(cls, text: str, source: str = "<string>") -> Ontology:
        """Build and validate an ontology from the text of a codebook TSV."""
        codes: dict[str, CameoCode] = {}
        lines: dict[str, int] = {}
        header_seen = False
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if not header_seen:
                if tuple(f.strip() for f in fields) != COLUMNS:
                    raise OntologyError(source, number, f"header must be {'/'.join(COLUMNS)}")
                header_seen = True
                continue
            entry = _parse_row(fields, source, number)
            if entry.code in codes:
                first = lines[entry.code]
                raise OntologyError(source, number, f"code {entry.code} repeats line {first}")
            codes[entry.code] = entry
            lines[entry.code] = number
        if not header_seen:
            raise OntologyError(source, None, "no header line: the file has no codebook")
        ontology = cls(codes, source, lines)
        ontology.validate()
        return ontology

    def validate(self) -> None:
        """Check the codebook's rules; raise :class:`OntologyError` at the first broken one."""
        if not self._codes:
            raise OntologyError(self.source, None, "the codebook lists no codes")
        for entry in self._codes.values():
            problem = _row_problem(entry) or self._hierarchy_problem(entry)
            if problem:
                raise OntologyError(self.source, self._lines.get(entry.code), problem)

    def _hierarchy_problem(self, entry: CameoCode) -> str | None:
        base = entry.root + "0"
        if base not in self._codes:
            return f"code {entry.code}: its root {entry.root} has no base code {base}"
        parent = entry.code[:3]
        if len(entry.code) == 4 and parent not in self._codes:
            return f"code {entry.code}: its parent code {parent} is missing"
        return None

    def get(self, code: str) -> CameoCode:
        """The entry for a 3- or 4-digit code such as ``"041"`` or ``"1823"``."""
        try:
            return self._codes[code]
        except KeyError:
            raise KeyError(
                f"unknown CAMEO code {code!r}: not among the {len(self)} codes of {self.source}"
            ) from None

    def root(self, code: str) -> str:
        """The 2-digit root (cue category) of a code, e.g. ``"04"`` for ``"041"``."""
        return self.get(code).root

    def roots(self) -> tuple[str, ...]:
        """The 2-digit roots present, in file order."""
        return tuple(dict.fromkeys(entry.root for entry in self))

    def codes_for_root(self, root: str) -> tuple[CameoCode, ...]:
        """Every code under a 2-digit root (``"04"``), base code first."""
        found = tuple(entry for entry in self if entry.root == root)
        if not found:
            raise KeyError(f"unknown CAMEO root {root!r}: expected two digits from 01 to 20")
        return found

    def plover(self, code: str) -> tuple[str | None, str | None]:
        """PLOVER (type, mode) of a code; (None, None) where PLOVER dropped the category."""
        entry = self.get(code)
        return entry.plover_type, entry.plover_mode

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def __repr__(self) -> str:
        return f"Ontology({len(self)} codes from {self.source})"


def _parse_row(fields: list[str], source: str, number: int) -> CameoCode:
    """Turn one tab-split line into a :class:`CameoCode`, rejecting malformed values."""
    if len(fields) != len(COLUMNS):
        raise OntologyError(
            source, number, f"expected {len(COLUMNS)} tab-separated columns, found {len(fields)}"
        )
    code, root, name, goldstein, quad_class, plover_type, plover_mode = (f.strip() for f in fields)
    try:
        score = float(goldstein)
    except ValueError:
        raise OntologyError(source, number, f"goldstein {goldstein!r} is not a number") from None
    try:
        quad = int(quad_class)
    except ValueError:
        raise OntologyError(source, number, f"quad_class {quad_class!r} is not 1-4") from None
    return CameoCode(
        code=code,
        root=root,
        name=name,
        goldstein=score,
        quad_class=quad,
        plover_type=plover_type or None,
        plover_mode=plover_mode or None,
    )


def _row_problem(entry: CameoCode) -> str | None:
    """What is wrong with one entry on its own, or None."""
    code = entry.code
    if not _CODE_RE.fullmatch(code):
        return f"code {code!r} is not 3 or 4 digits"
    if entry.root != code[:2]:
        return f"code {code}: root {entry.root!r} is not its first two digits"
    if not 1 <= int(code[:2]) <= 20:
        return f"code {code}: root {code[:2]} is outside 01-20"
    if not entry.name:
        return f"code {code}: name is empty"
    if not -10.0 <= entry.goldstein <= 10.0:
        return f"code {code}: goldstein {entry.goldstein} is outside -10..10"
    expected_quad = quad_class_for_root(entry.root)
    if entry.quad_class != expected_quad:
        return f"code {code}: quad_class {entry.quad_class}, root {entry.root} is {expected_quad}"
    return _plover_problem(entry)


def _plover_problem(entry: CameoCode) -> str | None:
    kind, mode = entry.plover_type, entry.plover_mode
    if kind is None:
        return f"code {entry.code}: plover_mode {mode!r} without a plover_type" if mode else None
    if kind not in PLOVER_TYPES:
        known = ", ".join(sorted(PLOVER_TYPES))
        return f"code {entry.code}: {kind!r} is not a PLOVER type (types: {known})"
    if mode is not None and mode not in PLOVER_MODES[kind]:
        allowed = ", ".join(sorted(PLOVER_MODES[kind])) or "none"
        return f"code {entry.code}: {mode!r} is not a mode of {kind} (modes: {allowed})"
    return None


@functools.cache
def _shipped() -> Ontology:
    """The codebook shipped in ``kabar/ontology/data``, parsed once per process."""
    resource = files("kabar.ontology").joinpath("data", "cameo.tsv")
    return Ontology.parse(resource.read_text(encoding="utf-8"), source=str(resource))


@functools.cache
def intent_table(path: Path | None = None) -> dict[str, str]:
    """CAMEO prefix -> the code an announced intention to do it takes (data/intents.tsv)."""
    source = path or Path(str(files("kabar.ontology").joinpath("data", "intents.tsv")))
    table = {}
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("act\t"):
            continue
        act, _, intent = line.partition("\t")
        if not act.isdigit() or not intent.strip().isdigit():
            raise OntologyError(str(source), number, f"expected 'act<TAB>intent', got {line!r}")
        table[act] = intent.strip()
    return table


def intent_code(code: str, table: dict[str, str] | None = None) -> str:
    """The code of an intention to do ``code`` (longest prefix), or ``code`` itself."""
    table = intent_table() if table is None else table
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    return code
