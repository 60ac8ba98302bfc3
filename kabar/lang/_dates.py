"""Date expressions: find them in tokens and resolve them against a reference date.

The rules live in each pack's relative_dates.tsv (absolute forms like "16 Januari 2026"
and "Jumat (16/1)" as well as relative ones like "kemarin", "bulan Juni lalu", "last
Friday"); this module only applies them. A resolution has a precision (day, week, month,
year) and flags a stated weekday that does not fit the date ("Senin (16/1/2026)": 16
January 2026 is a Friday), which usually means a typo in the day or the weekday.

News tells of what happened, so a date the words leave open leans to the past: a bare
month ("bertemu pada Juni", "met in June") is its latest occurrence not after the
publication month, and a day and month without a year ("16 Januari") the latest one not
more than about two months after the publication date. A stated weekday picks the year
whose date falls on it ("Jumat (16/1)" in a September 2026 article is Friday 16 January
2026, not Saturday 16 January 2027). When the caller knows the sentence tells of a plan
or an intention ("akan bertemu pada Juni"), ``future=True`` turns the lean forward.
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
UNITS = ("day", "week", "month", "year", "weekday", "monthname", "inyear", "date", "none")
_PRECISION: dict[str, Precision] = {
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "weekday": "day",
    "monthname": "month",
}
# A day and month without a year (and no weekday to tell): a date this far after the
# publication is more likely last year's, as news reports mostly what happened ("16 Maret"
# in a January article is last March, unless the sentence tells of a plan).
_FUTURE_REACH = timedelta(days=62)
# A stated weekday picks the year whose date falls on it ("Jumat (20/3)" in a January 2026
# article: 20 March 2026 is a Friday), but only among dates this near the publication: a
# day and month about a year away would carry their year, so a weekday that fits only such
# a date is a typo ("Kamis (16/1)" published Saturday 17 January 2026 is Friday 16 January
# 2026 with the wrong weekday, not Thursday 16 January 2025). Ahead, half a year: a weekday
# does not send a reported act ("Kamis, 8 April, KPK menetapkan ..." in an August article)
# into next spring.
_WEEKDAY_REACH_BACK = timedelta(days=320)
_WEEKDAY_REACH_AHEAD = timedelta(days=183)


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


def _weekday(rule: RelativeDate, slots: Slots, reference: date, future: bool) -> ResolvedDate:
    """The named weekday: strictly before (-1) or after (+1) the reference; a bare one (0) on
    or before it ("pada Senin"), or on or after it when the sentence tells of a plan."""
    wanted = slots["weekday"]
    ahead = (wanted - reference.isoweekday()) % 7
    if rule.offset > 0:
        return ResolvedDate(reference + timedelta(days=ahead or 7), "day")
    if rule.offset == 0 and future:
        return ResolvedDate(reference + timedelta(days=ahead), "day")
    back = (reference.isoweekday() - wanted) % 7
    if rule.offset < 0:
        back = back or 7
    return ResolvedDate(reference - timedelta(days=back), "day")


def _months(day: date) -> int:
    return day.year * 12 + day.month


def _month_name(rule: RelativeDate, slots: Slots, reference: date, future: bool) -> ResolvedDate:
    """The named month: its latest occurrence strictly before the reference month (-1,
    "Juni lalu", "last June": in a June article that is last year's June), its next one
    strictly after (+1, "Juni depan"); a bare month (0, "pada Juni", "in June") is the latest
    not after the reference month, or the first not before it when the sentence tells of a
    plan. A year printed with it ("in October 2024") is that year, whatever the rule says."""
    month, reference_month = slots["month"], _months(reference)
    if "year" in slots:
        return ResolvedDate(date(slots["year"], month, 1), "month")
    this_year = _months(date(reference.year, month, 1))
    if rule.offset < 0 or (rule.offset == 0 and not future):
        last = reference_month - (rule.offset < 0)  # the latest month it may be
        year = reference.year if this_year <= last else reference.year - 1
    else:
        first = reference_month + (rule.offset > 0)  # the earliest month it may be
        year = reference.year if this_year >= first else reference.year + 1
    return ResolvedDate(date(year, month, 1), "month")


def _in_year(rule: RelativeDate, slots: Slots, reference: date) -> ResolvedDate | None:
    """The named month, or day and month, in the year ``offset`` years from the reference's:
    "Juni tahun lalu" and "in June last year" are June of the previous calendar year (in a
    September 2026 article, June 2025, where "Juni lalu" is June 2026)."""
    year = slots.get("year", reference.year + rule.offset)
    if "day" not in slots:
        return ResolvedDate(date(year, slots["month"], 1), "month")
    try:
        found = date(year, slots["month"], slots["day"])
    except ValueError:
        return None
    mismatch = "weekday" in slots and slots["weekday"] != found.isoweekday()
    return ResolvedDate(found, "day", mismatch)


def _year_for(
    month: int, day: int, weekday: int | None, reference: date, direction: int, future: bool
) -> date | None:
    """The date with this month and day in the reference year, the one before or the one
    after: on or before the reference (direction -1, "16 Januari lalu"), on or after it (+1,
    "16 Januari mendatang"), else the one its weekday fits, else the latest not implausibly
    far ahead (the earliest not in the past when the sentence tells of a plan)."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if direction < 0:
        candidates = [c for c in candidates if c <= reference]
    elif direction > 0:
        candidates = [c for c in candidates if c >= reference]
    if not candidates:
        return None
    if weekday is not None:
        fitting = [
            c
            for c in candidates
            if c.isoweekday() == weekday
            and -_WEEKDAY_REACH_BACK <= c - reference <= _WEEKDAY_REACH_AHEAD
        ]
        if fitting:
            return min(fitting, key=lambda c: abs(c - reference))
    if direction > 0 or (direction == 0 and future):
        ahead = [c for c in candidates if c >= reference]
        return min(ahead) if ahead else max(candidates)
    plausible = [c for c in candidates if c - reference <= _FUTURE_REACH]
    return max(plausible) if plausible else min(candidates)


def _absolute(
    rule: RelativeDate, slots: Slots, reference: date, future: bool
) -> ResolvedDate | None:
    """An absolute date from its slots; the weekday, when stated, is checked."""
    month, day, year = slots.get("month"), slots.get("day"), slots.get("year")
    if month is None:
        return ResolvedDate(date(year, 1, 1), "year") if year else None
    if day is None:
        if year is None:
            return _month_name(rule, slots, reference, future)
        return ResolvedDate(date(year, month, 1), "month")
    if year is None:
        found = _year_for(month, day, slots.get("weekday"), reference, rule.offset, future)
    else:
        try:
            found = date(year, month, day)
        except ValueError:
            found = None
    if found is None:
        return None
    mismatch = "weekday" in slots and slots["weekday"] != found.isoweekday()
    return ResolvedDate(found, "day", mismatch)


def _resolve(
    rule: RelativeDate, slots: Slots, reference: date, future: bool
) -> ResolvedDate | None:
    if rule.unit == "none":
        return None  # "Undang-Undang Nomor 3 Tahun 2025": a name with a year, not a date
    if rule.unit == "date":
        return _absolute(rule, slots, reference, future)
    if rule.unit == "weekday":
        return _weekday(rule, slots, reference, future)
    if rule.unit == "monthname":
        return _month_name(rule, slots, reference, future)
    if rule.unit == "inyear":
        return _in_year(rule, slots, reference)
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
    tokens: Sequence[Token],
    lang: str,
    reference: date,
    text: str | None = None,
    *,
    future: bool = False,
) -> list[DateMention]:
    """Date expressions in ``tokens`` resolved against ``reference``, longest match first.

    Dates the words leave open (a bare month or weekday, a day and month without a year)
    lean to the past, as news reports what happened; ``future=True`` says the tokens tell
    of a plan or an intention ("akan bertemu pada Juni"), so they lean forward instead.
    """
    rules = get_pack(lang).relative_dates
    patterns, index = _patterns(lang)
    mentions = []
    for number, first, last, slots in scan(patterns, index, tokens, lang):
        slots, last = _stated_year(rules[number], slots, tokens, last, lang)
        resolved = _resolve(rules[number], slots, reference, future)
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
    expression: str | Sequence[Token], lang: str, reference: date, *, future: bool = False
) -> ResolvedDate | None:
    """Resolve the first date expression in ``expression`` (text or tokens), or None;
    ``future`` as in :func:`find_dates`."""
    if isinstance(expression, str):
        tokens = tokenize(expression, lang)
        mentions = find_dates(tokens, lang, reference, expression, future=future)
    else:
        mentions = find_dates(expression, lang, reference, future=future)
    return mentions[0].resolved if mentions else None
