"""Tokenizer: offsets are exact and news-specific shapes stay whole."""

from __future__ import annotations

import pytest

from kabar.lang import Token, tokenize


def texts(text: str, lang: str = "id") -> list[str]:
    return [token.text for token in tokenize(text, lang)]


def test_offsets_slice_back_to_the_token_text() -> None:
    text = "Putin menelepon Netanyahu, Jumat (16/1/2026), soal de-eskalasi."
    for token in tokenize(text, "id"):
        assert text[token.start : token.end] == token.text
        assert token.lower == token.text.lower()


def test_token_is_a_small_immutable_record() -> None:
    token = tokenize("AS", "id")[0]
    assert token == Token("AS", 0, 2, "as")
    with pytest.raises(AttributeError):
        token.text = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    "whole",
    [
        "de-eskalasi",
        "proyek-proyek",
        "negara-negara",
        "AS",
        "09.30",
        "3.000",
        "1,5",
        "1.234.567,89",
        "16/1/2026",
        "COVID-19",
        "1990-an",
        "KOMPAS.com",
        "Liputan6.com",
        "TEMPO.CO",
        "humas@kemlu.go.id",
        "https://www.kemlu.go.id/berita/2026/01/16?id=7",
        "S.H.",
        "M.Si.",
        "U.S.",
        "Dr.",
        "Jl.",
        "dll.",
    ],
)
def test_kept_as_one_token(whole: str) -> None:
    assert whole in texts(f"Lihat {whole} di sini", "id")


def test_money_symbols_are_split_from_amounts() -> None:
    assert texts("Rp 1,5 triliun") == ["Rp", "1,5", "triliun"]
    assert texts("Rp1,5 triliun") == ["Rp", "1,5", "triliun"]
    assert texts("US$20 juta") == ["US$", "20", "juta"]


def test_sentence_final_period_is_its_own_token() -> None:
    assert texts("Harga naik 3.000.") == ["Harga", "naik", "3.000", "."]
    assert texts("Kunjungi detik.com.") == ["Kunjungi", "detik.com", "."]


def test_url_does_not_swallow_trailing_punctuation() -> None:
    assert texts("Sumber: https://cnbcindonesia.com/news/1.")[-2:] == [
        "https://cnbcindonesia.com/news/1",
        ".",
    ]


def test_dateline_tokens() -> None:
    assert texts("JAKARTA, KOMPAS.com - Presiden") == [
        "JAKARTA",
        ",",
        "KOMPAS.com",
        "-",
        "Presiden",
    ]


def test_initials_and_titles_keep_their_period() -> None:
    assert texts("Prof. Dr. H. Ahmad") == ["Prof.", "Dr.", "H.", "Ahmad"]
    assert texts("J. Smith met Gen. Milley", "en") == ["J.", "Smith", "met", "Gen.", "Milley"]


def test_english_possessive_is_split_off() -> None:
    assert texts("Russia's foreign ministry", "en") == ["Russia", "'s", "foreign", "ministry"]
    assert texts("Putin’s call", "en") == ["Putin", "’s", "call"]
    assert "didn't" in texts("Iran didn't respond", "en")


def test_quotes_and_brackets_are_separate() -> None:
    assert texts('"Kami siap," kata dia (Putin).') == [
        '"',
        "Kami",
        "siap",
        ",",
        '"',
        "kata",
        "dia",
        "(",
        "Putin",
        ")",
        ".",
    ]
