"""Datelines: the place (and often the outlet) that opens a news article's first paragraph.

    Jakarta, JatimVoice.com - ...        place Jakarta, outlet JatimVoice.com
    JAKARTA, KOMPAS.com - ...            place Jakarta, outlet KOMPAS.com
    Liputan6.com, Jakarta - ...          outlet first
    Jakarta (ANTARA) - ...               place, outlet in parentheses
    WASHINGTON (AP) — ...                the same in English
    (Reuters) - ...                      outlet only
    Jakarta, CNN Indonesia -- ...        outlet named with spaces
    Jakarta - ...                        place only (detikcom style)
    Surabaya, Senin (12/1/2026) - ...    place and a printed date

The patterns are structural, not lexical, so they live here as named, commented regexes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DASH = r"\s*(?:--|[-–—])\s*"
_PLACE = r"(?P<place>[A-Z][A-Za-z'’.]+(?:[ -][A-Z][A-Za-z'’.]+){0,3})"
_DOMAIN_OUTLET = r"(?P<outlet>[A-Za-z0-9][\w-]*(?:\.[A-Za-z]{2,}){1,2})"
_NAMED_OUTLET = r"(?P<outlet>[A-Z][\w.&-]*(?: [A-Z0-9][\w.&-]*){0,3})"
_PRINTED_DATE = (
    r"(?P<date>(?:[A-Z][a-z]+,? )?"  # optional weekday: "Senin", "Senin,"
    r"(?:\(?\d{1,2}/\d{1,2}(?:/\d{2,4})?\)?"  # "(12/1/2026)", "(12/1)"
    r"|\d{1,2} [A-Z][a-z]+ \d{4}"  # "16 Januari 2026"
    r"|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?))"  # "Jan 5", "January 5, 2026"
)

# Tried in order; the first that matches the start of the first paragraph wins.
_PATTERNS = [
    # "Jakarta, JatimVoice.com -", "JAKARTA, KOMPAS.com —"
    re.compile(rf"^{_PLACE},\s*{_DOMAIN_OUTLET}{_DASH}"),
    # "Liputan6.com, Jakarta -"
    re.compile(rf"^{_DOMAIN_OUTLET},\s*{_PLACE}{_DASH}"),
    # "Jakarta, 16 Januari 2026 (ANTARA) -", "Jakarta (ANTARA) -", "WASHINGTON (AP) —"
    re.compile(rf"^{_PLACE}(?:,\s*{_PRINTED_DATE})?\s*\((?P<outlet>[^()\n]{{2,40}})\){_DASH}"),
    # "(Reuters) -"
    re.compile(rf"^\((?P<outlet>[^()\n]{{2,40}})\){_DASH}"),
    # "Surabaya, Senin (12/1/2026) -"
    re.compile(rf"^{_PLACE},\s*{_PRINTED_DATE}{_DASH}"),
    # "Jakarta, CNN Indonesia --", "Surabaya, WartaTimur -"
    re.compile(rf"^{_PLACE},\s*{_NAMED_OUTLET}{_DASH}"),
    # "Jakarta -"
    re.compile(rf"^{_PLACE}{_DASH}"),
]
_MAX_PLACE_WORDS = 4


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None
    outlet: str | None
    printed_date: str | None
    end: int  # where the body proper starts, after the dash


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening ``paragraph``, if it has one."""
    head = paragraph[:160]
    for pattern in _PATTERNS:
        match = pattern.match(head)
        if match is None:
            continue
        groups = match.groupdict()
        place = _place_name(groups.get("place"))
        if groups.get("place") and place is None:
            continue
        return Dateline(place, groups.get("outlet"), groups.get("date"), match.end())
    return None


def _place_name(raw: str | None) -> str | None:
    """'JAKARTA' -> 'Jakarta'; None for text too long to be a place."""
    if not raw:
        return None
    raw = raw.strip()
    if len(raw.split()) > _MAX_PLACE_WORDS:
        return None
    if raw.isupper():
        return " ".join(word.capitalize() for word in raw.split())
    return raw
