"""The outlets table: canonical names of publishers and wires, with their aliases and domains.

Used twice: to name the outlet that published a page (from its site name, domain or
dateline) and to recognise outlets an article credits.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import ConfigError

_COLUMNS = ["name", "kind", "country", "domains", "aliases"]
_KINDS = {"wire", "broadcaster", "newspaper", "online", "magazine"}
_TLD = re.compile(r"\.(com|co\.id|id|net|org|co|or\.id|go\.id|web\.id|info|news|tv)$", re.I)


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    kind: str
    country: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]


class OutletTable:
    """Look outlets up by name, alias or domain; find their names in text."""

    def __init__(self, outlets: Iterable[Outlet]) -> None:
        self.outlets = list(outlets)
        self._by_key: dict[str, Outlet] = {}
        self._by_domain: dict[str, Outlet] = {}
        for outlet in self.outlets:
            for alias in (outlet.name, *outlet.aliases):
                self._by_key.setdefault(_key(alias), outlet)
            for domain in outlet.domains:
                self._by_domain[domain.lower()] = outlet
                self._by_key.setdefault(_key(domain), outlet)
        self.pattern = _mention_pattern(self.outlets)

    @classmethod
    def load(cls, extra: Iterable[str | Path] = ()) -> OutletTable:
        shipped = files("kabar.extract").joinpath("data", "outlets.tsv")
        outlets = _parse(shipped.read_text(encoding="utf-8"), "outlets.tsv")
        for path in extra:
            outlets += _parse(Path(path).read_text(encoding="utf-8"), str(path))
        return cls(outlets)

    def lookup(self, name: str | None) -> Outlet | None:
        """The outlet a name, alias or domain refers to (case and spacing ignored)."""
        if not name:
            return None
        return self._by_key.get(_key(name)) or self._by_key.get(_key(_TLD.sub("", name.strip())))

    def for_url(self, url: str | None) -> Outlet | None:
        """The outlet whose domain (or a parent domain) serves ``url``."""
        if not url:
            return None
        host = urlsplit(url).hostname or ""
        host = host.removeprefix("www.").removeprefix("m.").removeprefix("amp.")
        while host:
            if host in self._by_domain:
                return self._by_domain[host]
            _, _, host = host.partition(".")
        return None

    def canonical(self, name: str | None) -> str | None:
        """The table's name for ``name``; an unknown outlet keeps its own name, less a TLD."""
        if not name or not name.strip():
            return None
        outlet = self.lookup(name)
        if outlet is not None:
            return outlet.name
        return _TLD.sub("", name.strip()) or name.strip()


def _key(name: str) -> str:
    return re.sub(r"[\s.\-_]+", "", name.casefold())


def _mention_pattern(outlets: list[Outlet]) -> re.Pattern[str]:
    """One regex over every alias: case-sensitive names (plus ALL-CAPS), any-case domains."""
    names: set[str] = set()
    domains: set[str] = set()
    for outlet in outlets:
        for alias in (outlet.name, *outlet.aliases):
            target = domains if re.search(r"\.[a-z]{2,}$", alias, re.I) else names
            target.add(alias)
            target.add(alias.upper())
        domains.update(outlet.domains)
    ordered_names = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    ordered_domains = "|".join(re.escape(d) for d in sorted(domains, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:(?i:{ordered_domains})|{ordered_names})(?![\w]|\.[a-z])")


def _parse(text: str, origin: str) -> list[Outlet]:
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.reader(rows, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header != _COLUMNS:
        raise ConfigError(f"{origin}: header must be {' '.join(_COLUMNS)}, got {header}")
    outlets = []
    for number, row in enumerate(reader, start=2):
        if len(row) != len(_COLUMNS):
            raise ConfigError(f"{origin}: row {number} has {len(row)} columns, expected 5")
        name, kind, country, domains, aliases = (cell.strip() for cell in row)
        if kind not in _KINDS:
            raise ConfigError(f"{origin}: row {number}: unknown kind {kind!r}")
        outlets.append(Outlet(name, kind, country, _split(domains), _split(aliases)))
    return outlets


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())
