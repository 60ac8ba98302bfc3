"""Date expressions: find them in tokens and resolve them against a reference date.

The rules live in each pack's relative_dates.tsv (absolute forms like "16 Januari 2026"
and "Jumat (16/1)" as well as relative ones like "kemarin", "bulan Juni lalu", "last
Friday"); this module only applies them. A resolution has a precision (day, week, month,
year) and flags a stated weekday that does not fit the date ("Senin (16/1/2026)": 16
January 2026 is a Friday), which usually means a typo in the day or the weekday.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Literal, NamedTuple

from kabar.lang import read_lines
from kabar.lang._pack import PackDataError, get_pack, split_columns
from kabar.lang._patterns import (
    PatternIndex,
    Slots,
    TokenPattern,
    match_element,
    parse_pattern,
    scan,
)
from kabar.lang._tokens import Token, tokenize

Precision = Literal["day", "week", "month", "year"]
UNITS = ("day", "week", "month", "year", "weekday", "monthname", "date", "none")
_PRECISION: dict[str, Precision] = {
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "weekday": "day",
    "monthname": "month",
}
# A date without a year is put in the year that brings it within half a year of the reference.
_HALF_YEAR = timedelta(days=183)


@dataclass(frozen=True, slots=True)
class RelativeDate:
    """One rule of relative_dates.tsv: a token pattern, an offset and its unit."""

    pattern: TokenPattern
    offset: int
    per_number: bool
    unit: str


class ResolvedDate(NamedTuple):
    """A resolved date: ``(date, precision)`` first, then whether the weekday mismatched.

    Week precision gives the Monday of the week, month the 1st, year 1 January.
    """

    date: date
    precision: Precision
    weekday_mismatch: bool = False


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in text, with its character span and resolution."""

    start: int
    end: int
    text: str
    resolved: ResolvedDate


def _parse_offset(text: str, lang: str, line: str) -> tuple[int, bool]:
    if text.lstrip("+-") == "N":
        return (-1 if text.startswith("-") else 1), True
    try:
        return int(text), False
    except ValueError:
        raise PackDataError(f"{lang}/relative_dates.tsv: bad offset in {line!r}") from None


def load_relative_dates(lang: str) -> tuple[RelativeDate, ...]:
    """Read and check relative_dates.tsv of one pack."""
    rules = []
    for line in read_lines(lang, "relative_dates.tsv"):
        source, offset, unit = split_columns(line, lang, "relative_dates.tsv", 3)[:3]
        if unit not in UNITS:
            raise PackDataError(f"{lang}/relative_dates.tsv: unknown unit {unit!r} in {line!r}")
        pattern = parse_pattern(source, lang, "relative_dates.tsv")
        step, per_number = _parse_offset(offset, lang, line)
        rules.append(RelativeDate(pattern, step, per_number, unit))
    return tuple(rules)


@cache
def _patterns(lang: str) -> tuple[tuple[TokenPattern, ...], PatternIndex]:
    """The pack's date patterns and their index, built once per language."""
    patterns = tuple(rule.pattern for rule in get_pack(lang).relative_dates)
    return patterns, PatternIndex.build(patterns, lang)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _shift(rule: RelativeDate, slots: Slots, reference: date) -> ResolvedDate | None:
    """Resolve a day/week/month/year rule: move the reference by the offset."""
    count = rule.offset * (slots.get("num", 1) if rule.per_number else 1)
    if rule.unit == "day":
        return ResolvedDate(reference + timedelta(days=count), "day")
    if rule.unit == "week":
        monday = reference - timedelta(days=reference.weekday())
        return ResolvedDate(monday + timedelta(weeks=count), "week")
    if rule.unit == "month":
        return ResolvedDate(_add_months(reference.replace(day=1), count), "month")
    try:
        return ResolvedDate(date(reference.year + count, 1, 1), "year")
    except ValueError:
        return None


def _weekday(rule: RelativeDate, slots: Slots, reference: date) -> ResolvedDate:
    """The named weekday on or before (0), strictly before (-1) or after (+1) the reference."""
    wanted = slots["weekday"]
    back = (reference.isoweekday() - wanted) % 7
    if rule.offset < 0:
        back = back or 7
    elif rule.offset > 0:
        return ResolvedDate(
            reference + timedelta(days=(wanted - reference.isoweekday()) % 7 or 7), "day"
        )
    return ResolvedDate(reference - timedelta(days=back), "day")


def _month_name(rule: RelativeDate, slots: Slots, reference: date) -> ResolvedDate:
    """The named month: in the reference year (0), latest before (-1), next after (+1); a
    year printed with it ("in October 2024") is that year, whatever the rule says."""
    month, year = slots["month"], reference.year
    if "year" in slots:
        return ResolvedDate(date(slots["year"], month, 1), "month")
    if rule.offset < 0 and month >= reference.month:
        year -= 1
    elif rule.offset > 0 and month <= reference.month:
        year += 1
    elif rule.offset == 0:
        # "in October" in a March article: the October within half a year of it
        year = min(
            (year - 1, year, year + 1), key=lambda y: abs(y * 12 + month - _months(reference))
        )
    return ResolvedDate(date(year, month, 1), "month")


def _months(day: date) -> int:
    return day.year * 12 + day.month


def _nearest_year(month: int, day: int, reference: date) -> date | None:
    """The date with this month and day closest to the reference (within half a year)."""
    for year in (reference.year, reference.year - 1, reference.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if abs(candidate - reference) <= _HALF_YEAR:
            return candidate
    try:
        return date(reference.year, month, day)
    except ValueError:
        return None


def _absolute(slots: Slots, reference: date) -> ResolvedDate | None:
    """An absolute date from its slots; the weekday, when stated, is checked."""
    month, day, year = slots.get("month"), slots.get("day"), slots.get("year")
    if month is None:
        return ResolvedDate(date(year, 1, 1), "year") if year else None
    if day is None:
        return ResolvedDate(date(year or reference.year, month, 1), "month")
    if year is None:
        found = _nearest_year(month, day, reference)
    else:
        try:
            found = date(year, month, day)
        except ValueError:
            found = None
    if found is None:
        return None
    mismatch = "weekday" in slots and slots["weekday"] != found.isoweekday()
    return ResolvedDate(found, "day", mismatch)


def _resolve(rule: RelativeDate, slots: Slots, reference: date) -> ResolvedDate | None:
    if rule.unit == "none":
        return None  # "Undang-Undang Nomor 3 Tahun 2025": a name with a year, not a date
    if rule.unit == "date":
        return _absolute(slots, reference)
    if rule.unit == "weekday":
        return _weekday(rule, slots, reference)
    if rule.unit == "monthname":
        return _month_name(rule, slots, reference)
    return _shift(rule, slots, reference)


def _stated_year(
    rule: RelativeDate, slots: Slots, tokens: Sequence[Token], last: int, lang: str
) -> tuple[Slots, int]:
    """A year printed right after a month the rule matched without one ("took office in
    October 2024", "pada bulan Oktober 2024") belongs to it: an explicit year must never
    give way to the reference's."""
    if rule.unit not in ("monthname", "date") or "year" in slots or "month" not in slots:
        return slots, last
    if last >= len(tokens):
        return slots, last
    year = match_element("<year>", tokens[last], lang)
    if year is None:
        return slots, last
    return {**slots, **year}, last + 1


def find_dates(
    tokens: Sequence[Token], lang: str, reference: date, text: str | None = None
) -> list[DateMention]:
    """Date expressions in ``tokens`` resolved against ``reference``, longest match first."""
    rules = get_pack(lang).relative_dates
    patterns, index = _patterns(lang)
    mentions = []
    for number, first, last, slots in scan(patterns, index, tokens, lang):
        slots, last = _stated_year(rules[number], slots, tokens, last, lang)
        resolved = _resolve(rules[number], slots, reference)
        if resolved is None:
            continue
        start, end = tokens[first].start, tokens[last - 1].end
        words = (
            text[start:end]
            if text is not None
            else " ".join(token.text for token in tokens[first:last])
        )
        mentions.append(DateMention(start, end, words, resolved))
    return mentions


def resolve_date(
    expression: str | Sequence[Token], lang: str, reference: date
) -> ResolvedDate | None:
    """Resolve the first date expression in ``expression`` (text or tokens), or None."""
    if isinstance(expression, str):
        tokens = tokenize(expression, lang)
        mentions = find_dates(tokens, lang, reference, expression)
    else:
        mentions = find_dates(expression, lang, reference)
    return mentions[0].resolved if mentions else None
