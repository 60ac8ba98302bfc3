from __future__ import annotations

import pytest

from kabar.extract import parse_dateline


@pytest.mark.parametrize(
    ("opening", "place", "outlet"),
    [
        ("Jakarta, JatimVoice.com - Dilansir dari berbagai sumber", "Jakarta", "JatimVoice.com"),
        ("JAKARTA, KOMPAS.com - Presiden Prabowo Subianto", "Jakarta", "KOMPAS.com"),
        ("Liputan6.com, Jakarta - Menteri Keuangan", "Jakarta", "Liputan6.com"),
        ("Jakarta (ANTARA) - Badan Meteorologi", "Jakarta", "ANTARA"),
        ("WASHINGTON (AP) — The Senate voted", "Washington", "AP"),
        ("(Reuters) - Iran said on Friday", None, "Reuters"),
        ("Jakarta, CNN Indonesia -- Ketua DPR", "Jakarta", "CNN Indonesia"),
        ("Jakarta - Presiden Joko Widodo", "Jakarta", None),
        ("Surabaya, WartaTimur - Ribuan buruh", "Surabaya", "WartaTimur"),
        ("NEW YORK, Jan 5 (Reuters) - Oil prices rose", "New York", "Reuters"),
        ("Jakarta, 16 Januari 2026 (ANTARA) - Harga emas", "Jakarta", "ANTARA"),
        ("Den Haag, Kabar Sambas - Mahkamah Internasional", "Den Haag", "Kabar Sambas"),
    ],
)
def test_datelines(opening, place, outlet):
    dateline = parse_dateline(opening)
    assert dateline is not None
    assert (dateline.place, dateline.outlet) == (place, outlet)


def test_printed_date_in_dateline():
    dateline = parse_dateline("Surabaya, Senin (12/1/2026) - Ribuan buruh berunjuk rasa")
    assert dateline.place == "Surabaya"
    assert dateline.printed_date == "Senin (12/1/2026)"


@pytest.mark.parametrize(
    "opening",
    [
        "Presiden Rusia Vladimir Putin melakukan upaya mediasi - katanya",
        "Kremlin, pihak Istana Kepresidenan Rusia, menyatakan bahwa Putin",
        "Harga beras naik lagi di pasar tradisional.",
    ],
)
def test_no_dateline(opening):
    assert parse_dateline(opening) is None
