"""Date expressions resolved against a publication date (reference Saturday 2026-01-17)."""

from __future__ import annotations

from datetime import date

import pytest

from kabar.lang import ResolvedDate, find_dates, resolve_date, tokenize

REFERENCE = date(2026, 1, 17)  # a Saturday


@pytest.mark.parametrize(
    ("expression", "expected", "precision"),
    [
        ("Jumat (16/1/2026)", date(2026, 1, 16), "day"),
        ("Jumat (16/1)", date(2026, 1, 16), "day"),
        ("Senin (12/1)", date(2026, 1, 12), "day"),
        ("pada Jumat (16/1)", date(2026, 1, 16), "day"),
        ("Jumat, 16 Januari 2026", date(2026, 1, 16), "day"),
        ("16 Januari 2026", date(2026, 1, 16), "day"),
        ("16 Januari", date(2026, 1, 16), "day"),
        ("2 Des 2025", date(2025, 12, 2), "day"),
        ("kemarin", date(2026, 1, 16), "day"),
        ("kemarin lusa", date(2026, 1, 15), "day"),
        ("hari ini", date(2026, 1, 17), "day"),
        ("besok", date(2026, 1, 18), "day"),
        ("3 hari lalu", date(2026, 1, 14), "day"),
        ("Senin lalu", date(2026, 1, 12), "day"),
        ("Rabu lalu", date(2026, 1, 14), "day"),
        ("pada Senin", date(2026, 1, 12), "day"),
        ("pekan lalu", date(2026, 1, 5), "week"),
        ("minggu lalu", date(2026, 1, 5), "week"),
        ("awal pekan ini", date(2026, 1, 12), "week"),
        ("dua pekan lalu", date(2025, 12, 29), "week"),
        ("bulan lalu", date(2025, 12, 1), "month"),
        ("bulan Juni lalu", date(2025, 6, 1), "month"),
        ("pada Juni lalu", date(2025, 6, 1), "month"),
        ("Januari 2026", date(2026, 1, 1), "month"),
        ("tahun lalu", date(2025, 1, 1), "year"),
        ("tahun depan", date(2027, 1, 1), "year"),
        ("20 tahun lalu", date(2006, 1, 1), "year"),
        ("tahun 2024", date(2024, 1, 1), "year"),
    ],
)
def test_indonesian_date(expression: str, expected: date, precision: str) -> None:
    resolved = resolve_date(expression, "id", REFERENCE)
    assert resolved is not None
    assert (resolved.date, resolved.precision) == (expected, precision)
    assert not resolved.weekday_mismatch


@pytest.mark.parametrize(
    ("expression", "expected", "precision"),
    [
        ("on Friday", date(2026, 1, 16), "day"),
        ("last Friday", date(2026, 1, 16), "day"),
        ("on Monday", date(2026, 1, 12), "day"),
        ("yesterday", date(2026, 1, 16), "day"),
        ("two days ago", date(2026, 1, 15), "day"),
        ("January 16", date(2026, 1, 16), "day"),
        ("Jan. 16, 2026", date(2026, 1, 16), "day"),
        ("Friday, Jan. 16, 2026", date(2026, 1, 16), "day"),
        ("on Friday, Jan. 16", date(2026, 1, 16), "day"),
        ("16 January 2026", date(2026, 1, 16), "day"),
        ("last week", date(2026, 1, 5), "week"),
        ("last month", date(2025, 12, 1), "month"),
        ("last June", date(2025, 6, 1), "month"),
        ("January 2026", date(2026, 1, 1), "month"),
        ("last year", date(2025, 1, 1), "year"),
        ("a year ago", date(2025, 1, 1), "year"),
        ("in 2024", date(2024, 1, 1), "year"),
    ],
)
def test_english_date(expression: str, expected: date, precision: str) -> None:
    resolved = resolve_date(expression, "en", REFERENCE)
    assert resolved is not None
    assert (resolved.date, resolved.precision) == (expected, precision)


def test_result_unpacks_as_date_and_precision() -> None:
    resolved = resolve_date("Jumat (16/1)", "id", REFERENCE)
    assert resolved == ResolvedDate(date(2026, 1, 16), "day", False)
    assert resolved[:2] == (date(2026, 1, 16), "day")


@pytest.mark.parametrize(
    ("expression", "lang"),
    [
        ("Senin (16/1/2026)", "id"),
        ("Kamis (16/1)", "id"),
        ("pada Senin (16/1)", "id"),
        ("Selasa, 16 Januari 2026", "id"),
        ("Monday, Jan. 16, 2026", "en"),
    ],
)
def test_weekday_that_does_not_fit_the_date_is_flagged(expression: str, lang: str) -> None:
    resolved = resolve_date(expression, lang, REFERENCE)
    assert resolved is not None
    assert resolved.date == date(2026, 1, 16)
    assert resolved.weekday_mismatch


def test_day_month_without_year_takes_the_year_nearest_the_reference() -> None:
    assert resolve_date("Senin (29/12)", "id", REFERENCE).date == date(2025, 12, 29)
    assert resolve_date("Jumat (2/1)", "id", date(2025, 12, 28)).date == date(2026, 1, 2)


def test_month_name_lalu_in_the_same_month_means_last_year() -> None:
    assert resolve_date("Januari lalu", "id", REFERENCE).date == date(2025, 1, 1)
    assert resolve_date("bulan Juni lalu", "id", date(2026, 8, 3)).date == date(2026, 6, 1)


def test_weekday_lalu_on_that_weekday_means_a_week_ago() -> None:
    assert resolve_date("Sabtu lalu", "id", REFERENCE).date == date(2026, 1, 10)
    assert resolve_date("Sabtu", "id", REFERENCE).date == REFERENCE


def test_no_date_expression() -> None:
    assert resolve_date("Putin menelepon Netanyahu", "id", REFERENCE) is None
    assert resolve_date("the talks went well", "en", REFERENCE) is None


def test_day_range_resolves_to_its_first_day() -> None:
    resolved = resolve_date("16 - 18 Januari 2026", "id", REFERENCE)
    assert resolved == ResolvedDate(date(2026, 1, 16), "day", False)


def test_impossible_date_is_not_resolved() -> None:
    assert resolve_date("31 Februari 2026", "id", REFERENCE) is None
    assert resolve_date("Jumat (31/2)", "id", REFERENCE) is None


def test_find_dates_in_a_seed_like_paragraph() -> None:
    text = (
        "Putin menelepon Netanyahu pada Jumat (16/1). Pakta kemitraan ditandatangani tahun "
        "lalu, sementara perang 12 hari terjadi pada Juni lalu."
    )
    found = find_dates(tokenize(text, "id"), "id", REFERENCE, text)
    assert [(m.text, m.resolved.date, m.resolved.precision) for m in found] == [
        ("pada Jumat (16/1)", date(2026, 1, 16), "day"),
        ("tahun lalu", date(2025, 1, 1), "year"),
        ("pada Juni lalu", date(2025, 6, 1), "month"),
    ]
    for mention in found:
        assert text[mention.start : mention.end] == mention.text


def test_twelve_day_war_is_not_a_date() -> None:
    text = "perang selama 12 hari dengan Israel"
    assert find_dates(tokenize(text, "id"), "id", REFERENCE, text) == []


@pytest.mark.parametrize(
    ("expression", "lang"),
    [
        ("took office in October 2024", "en"),
        ("in Oct. 2024", "en"),
        ("last October 2024", "en"),
        ("pada bulan Oktober 2024", "id"),
        ("pada Oktober 2024 lalu", "id"),
    ],
)
def test_an_explicit_year_is_never_replaced_by_the_publication_year(expression, lang) -> None:
    # regression: "took office in October 2024" in a 2026 article resolved to 2026-10-01
    resolved = resolve_date(expression, lang, date(2026, 3, 1))
    assert resolved == ResolvedDate(date(2024, 10, 1), "month", False)


# -- dates the words leave open lean to the past ------------------------------------------
# News reports what happened: a month or a day and month without a year is the latest one
# not implausibly far ahead of the publication, unless the caller says the sentence tells
# of a plan (``future=True``).

FEBRUARY = date(2026, 2, 20)  # a Friday


@pytest.mark.parametrize(
    ("expression", "lang"),
    [
        ("pada bulan Mei lalu", "id"),
        ("pada bulan Mei silam", "id"),
        ("bulan Mei silam", "id"),
        ("Mei kemarin", "id"),
        ("pada Mei silam", "id"),
        ("sejak bulan Mei lalu", "id"),
        ("pada bulan Mei tahun lalu", "id"),
        ("Mei tahun lalu", "id"),
        ("last May", "en"),
        ("this past May", "en"),
        ("in May last year", "en"),
        ("in May of last year", "en"),
    ],
)
def test_a_month_said_to_be_past_is_never_in_the_future(expression: str, lang: str) -> None:
    # regression: "pada bulan Juni lalu" in a January article resolved to June of that year
    # ("pada bulan <month>" read first and left "lalu" over)
    resolved = resolve_date(f"Pertemuan itu digelar {expression}", lang, FEBRUARY)
    assert resolved == ResolvedDate(date(2025, 5, 1), "month", False)


@pytest.mark.parametrize(
    ("expression", "lang", "expected"),
    [
        ("Maret lalu", "id", date(2026, 3, 1)),
        ("pada bulan Maret lalu", "id", date(2026, 3, 1)),
        ("last March", "en", date(2026, 3, 1)),
        ("Maret tahun lalu", "id", date(2025, 3, 1)),
        ("pada bulan Maret tahun lalu", "id", date(2025, 3, 1)),
        ("Maret tahun silam", "id", date(2025, 3, 1)),
        ("in March last year", "en", date(2025, 3, 1)),
        ("March last year", "en", date(2025, 3, 1)),
        ("Maret tahun ini", "id", date(2026, 3, 1)),
        ("in March this year", "en", date(2026, 3, 1)),
        ("pada Maret ini", "id", date(2026, 3, 1)),
        ("Maret tahun depan", "id", date(2027, 3, 1)),
        ("in March next year", "en", date(2027, 3, 1)),
    ],
)
def test_a_month_of_last_year_is_in_the_previous_calendar_year(expression, lang, expected):
    # "Maret lalu" in an October article is this March; "Maret tahun lalu" is last year's
    # (it resolved to this March, like "Maret lalu")
    resolved = resolve_date(expression, lang, date(2026, 10, 5))
    assert resolved == ResolvedDate(expected, "month", False)


def test_a_month_said_to_be_past_in_its_own_month_is_last_years() -> None:
    assert resolve_date("pada bulan Februari lalu", "id", FEBRUARY).date == date(2025, 2, 1)
    assert resolve_date("last February", "en", FEBRUARY).date == date(2025, 2, 1)


@pytest.mark.parametrize(
    ("expression", "lang", "expected"),
    [
        ("Kedua menteri bertemu pada Juni.", "id", date(2025, 6, 1)),
        ("Kedua menteri bertemu pada bulan Juni.", "id", date(2025, 6, 1)),
        ("Sanksi berlaku sejak Juni.", "id", date(2025, 6, 1)),
        ("The ministers met in June.", "en", date(2025, 6, 1)),
        ("The ministers met in October.", "en", date(2025, 10, 1)),
        ("Kedua menteri bertemu pada Februari.", "id", date(2026, 2, 1)),
        ("The ministers met in February.", "en", date(2026, 2, 1)),
        ("Kedua menteri bertemu pada Januari.", "id", date(2026, 1, 1)),
    ],
)
def test_a_bare_month_is_the_latest_not_after_the_publication_month(expression, lang, expected):
    # regression: "met in June" in a February article resolved to the coming June
    resolved = resolve_date(expression, lang, FEBRUARY)
    assert resolved == ResolvedDate(expected, "month", False)


@pytest.mark.parametrize(
    ("expression", "lang", "expected"),
    [
        ("Kedua menteri akan bertemu pada Juni.", "id", date(2026, 6, 1)),
        ("The ministers will meet in June.", "en", date(2026, 6, 1)),
        ("Kedua menteri akan bertemu pada Februari.", "id", date(2026, 2, 1)),
        ("Kedua menteri akan bertemu pada Januari.", "id", date(2027, 1, 1)),
        ("Pemilu akan digelar 14 Mei.", "id", date(2026, 5, 14)),
        ("Pemilu akan digelar 2 Februari.", "id", date(2027, 2, 2)),
        ("The vote is planned for May 14.", "en", date(2026, 5, 14)),
    ],
)
def test_a_plan_leans_forward(expression: str, lang: str, expected: date) -> None:
    resolved = resolve_date(expression, lang, FEBRUARY, future=True)
    assert resolved is not None and resolved.date == expected


def test_a_plan_takes_a_bare_weekday_on_or_after_the_publication() -> None:
    assert resolve_date("pada Senin", "id", REFERENCE, future=True).date == date(2026, 1, 19)
    assert resolve_date("on Saturday", "en", REFERENCE, future=True).date == REFERENCE
    assert resolve_date("pada Senin", "id", REFERENCE).date == date(2026, 1, 12)


def test_a_plan_does_not_move_a_date_said_to_be_past() -> None:
    text = "Iran akan membalas serangan pada bulan Juni lalu dan kemarin."
    found = find_dates(tokenize(text, "id"), "id", FEBRUARY, text, future=True)
    assert [(m.text, m.resolved.date) for m in found] == [
        ("pada bulan Juni lalu", date(2025, 6, 1)),
        ("kemarin", date(2026, 2, 19)),
    ]


@pytest.mark.parametrize(
    ("expression", "lang", "reference", "expected"),
    [
        # 17 February 2026 is a Tuesday, 17 February 2027 a Wednesday
        ("Selasa (17/2)", "id", date(2026, 10, 2), date(2026, 2, 17)),
        ("pada Selasa (17/2)", "id", date(2026, 10, 2), date(2026, 2, 17)),
        ("Selasa, 17 Februari", "id", date(2026, 10, 2), date(2026, 2, 17)),
        ("on Tuesday, Feb. 17", "en", date(2026, 10, 2), date(2026, 2, 17)),
        # 20 March 2026 is a Friday, 20 March 2025 a Thursday: a date announced ahead
        ("Jumat (20/3)", "id", date(2026, 1, 10), date(2026, 3, 20)),
        ("Friday, March 20", "en", date(2026, 1, 10), date(2026, 3, 20)),
    ],
)
def test_the_weekday_picks_the_year(expression, lang, reference, expected) -> None:
    # regression: "Jumat (16/1)" in a September 2026 article resolved to 16 January 2027,
    # a Saturday, because that was within half a year of the publication
    resolved = resolve_date(expression, lang, reference)
    assert resolved == ResolvedDate(expected, "day", False)


def test_a_weekday_does_not_send_a_date_more_than_half_a_year_ahead() -> None:
    # 8 April 2027 is a Thursday, 8 April 2026 a Wednesday: in an August 2026 article the
    # April is the one just past, with a wrong weekday
    resolved = resolve_date("Kamis, 8 April, KPK menetapkan", "id", date(2026, 8, 20))
    assert resolved == ResolvedDate(date(2026, 4, 8), "day", True)


def test_a_weekday_that_fits_only_a_year_away_is_a_typo() -> None:
    # 16 January 2025 is a Thursday, but "(16/1)" in an article of 17 January 2026 is the
    # day before: the weekday is wrong, the date is not a year old
    resolved = resolve_date("Kamis (16/1)", "id", REFERENCE)
    assert resolved == ResolvedDate(date(2026, 1, 16), "day", True)


@pytest.mark.parametrize(
    ("expression", "lang", "reference", "expected"),
    [
        ("20 Maret", "id", date(2026, 1, 10), date(2025, 3, 20)),  # 69 days ahead
        ("March 20", "en", date(2026, 1, 10), date(2025, 3, 20)),
        ("5 Maret", "id", date(2026, 1, 10), date(2026, 3, 5)),  # 54 days ahead
        ("16 Juli", "id", date(2026, 5, 1), date(2025, 7, 16)),
        ("28 Desember", "id", date(2026, 1, 3), date(2025, 12, 28)),
        ("2 Januari", "id", date(2025, 12, 28), date(2026, 1, 2)),
    ],
)
def test_a_day_and_month_without_a_year_is_not_far_in_the_future(
    expression, lang, reference, expected
) -> None:
    # regression: "20 Maret" in a January article resolved to the coming March
    resolved = resolve_date(expression, lang, reference)
    assert resolved == ResolvedDate(expected, "day", False)


@pytest.mark.parametrize(
    ("expression", "lang", "expected"),
    [
        ("pada 2 Februari lalu", "id", date(2025, 2, 2)),
        ("2 Februari silam", "id", date(2025, 2, 2)),
        ("Senin (2/2) lalu", "id", date(2025, 2, 2)),  # a Sunday: flagged below
        ("10 Januari mendatang", "id", date(2027, 1, 10)),
        ("7 Oktober tahun lalu", "id", date(2025, 10, 7)),
        ("on Oct. 7 last year", "en", date(2025, 10, 7)),
        ("7 Oktober tahun ini", "id", date(2026, 10, 7)),
    ],
)
def test_a_day_said_to_be_past_or_coming_keeps_its_side(expression, lang, expected) -> None:
    # published 20 January 2026: "2 Februari lalu" was last year's 2 February (it resolved
    # to the coming one, twelve days ahead)
    resolved = resolve_date(expression, lang, date(2026, 1, 20))
    assert resolved is not None
    assert (resolved.date, resolved.precision) == (expected, "day")
    assert resolved.weekday_mismatch == expression.startswith("Senin")


def test_coded_event_with_a_bare_month_is_not_dated_in_the_future() -> None:
    from kabar import default_settings
    from kabar.events import Coder
    from kabar.models import Article

    settings = default_settings()
    past = Article(
        title=None,
        text="Presiden Prabowo bertemu Presiden Rusia Vladimir Putin di Moskow pada Juni.",
        language="id",
        published="2026-01-16",
    )
    events = Coder(settings).code(past)
    assert events and {e.date for e in events} == {"2025-06-01"}, [
        (e.cameo, e.date) for e in events
    ]
    plan = Article(
        title=None,
        text="Presiden Prabowo akan bertemu Presiden Rusia Vladimir Putin di Moskow pada Juni.",
        language="id",
        published="2026-01-16",
    )
    events = Coder(settings).code(plan)
    assert events and {e.date for e in events} == {"2026-06-01"}, [
        (e.cameo, e.date) for e in events
    ]


def test_coded_event_keeps_the_year_printed_in_its_sentence() -> None:
    from kabar import default_settings
    from kabar.events import Coder
    from kabar.models import Article

    text = "Israel attacked Iran in October 2024, months after Pezeshkian took office."
    article = Article(title=None, text=text, language="en", published="2026-03-02")
    events = Coder(default_settings()).code(article)
    assert events and events[0].date == "2024-10-01", [(e.cameo, e.date) for e in events]
