"""Publication dates from metadata, the URL, the dateline or a date printed near the top.

Returned as ``(iso, precision)``: ``("2026-01-16", "day")`` or ``("2026-01", "month")``
when only a URL path like ``/2026/01/`` says so.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import lru_cache

_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\d|3[01]))?(?:/|$|-)"
)
_ISO = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")
_HAS_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
# Dates as printed in Indonesian and English pages: "Jumat, 16 Januari 2026",
# "16/01/2026", "16 Jan 2026 09:30 WIB", "January 16, 2026".
_PRINTED = re.compile(
    r"\b(\d{1,2}\s+[A-Za-z]{3,9}\.?\s+(?:19|20)\d{2}"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2},\s+(?:19|20)\d{2}"
    r"|\d{1,2}/\d{1,2}/(?:19|20)\d{2})\b"
)


def date_from_iso(value: str | None) -> tuple[str, str] | None:
    """A metadata date ('2026-01-16T08:00:00+07:00', '2026-01-16') as a day."""
    if not value:
        return None
    match = _ISO.search(str(value))
    if match and _valid(*map(int, match.groups())):
        return match.group(0), "day"
    return parse_printed(str(value))


def time_from_iso(value: str | None) -> str | None:
    """A metadata timestamp with its time of day, as UTC ('2026-01-16T01:00:00Z'); None when
    the value has no time. Copies of a story often appear within hours of each other."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if not _HAS_TIME.search(str(value)):
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds") + "Z"


def date_from_url(url: str | None) -> tuple[str, str] | None:
    """'/2026/01/16/' -> day, '/2026/01/' -> month."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if match.group(3):
        day = int(match.group(3))
        return (date(year, month, day).isoformat(), "day") if _valid(year, month, day) else None
    return f"{year:04d}-{month:02d}", "month"


def date_printed_in(text: str) -> tuple[str, str] | None:
    """The first full date printed in a stretch of text (a dateline, a byline line)."""
    for match in _PRINTED.finditer(text):
        parsed = parse_printed(match.group(1))
        if parsed:
            return parsed
    return None


@lru_cache(maxsize=4096)
def parse_printed(value: str) -> tuple[str, str] | None:
    """Parse one printed date in Indonesian or English, day first."""
    import dateparser  # slow to import; only needed when a page prints its date

    parsed = dateparser.parse(
        value,
        languages=["id", "en"],
        settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True},
    )
    if not isinstance(parsed, datetime):
        return None
    return parsed.date().isoformat(), "day"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
