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


def test_a_bare_month_is_the_one_nearest_the_reference() -> None:
    assert resolve_date("in October", "en", date(2026, 3, 1)).date == date(2025, 10, 1)
    assert resolve_date("in April", "en", date(2026, 3, 1)).date == date(2026, 4, 1)


def test_coded_event_keeps_the_year_printed_in_its_sentence() -> None:
    from kabar import default_settings
    from kabar.events import Coder
    from kabar.models import Article

    text = "Israel attacked Iran in October 2024, months after Pezeshkian took office."
    article = Article(title=None, text=text, language="en", published="2026-03-02")
    events = Coder(default_settings()).code(article)
    assert events and events[0].date == "2024-10-01", [(e.cameo, e.date) for e in events]
