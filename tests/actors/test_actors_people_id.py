"""Indonesian public figures in people.tsv: cabinet, security chiefs, courts, legislature,
regions, parties and figures of recent news, coded by the date of the text."""

from __future__ import annotations

from datetime import date
from importlib.resources import files
from pathlib import Path

import pytest

from kabar.actors import Gazetteer
from kabar.actors._model import Person
from kabar.actors._tables import SHIPPED, Tables, load_file, person_aliases

DATA = Path(str(files("kabar.actors") / "data"))
ON = date(2026, 1, 16)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def people() -> dict[str, Person]:
    tables = Tables()
    for name in SHIPPED:
        load_file(DATA / name, tables)
    return {t.person.person_id: t.person for _, t in person_aliases(tables) if t.person is not None}


def persons(gaz: Gazetteer, text: str, on: date) -> list[tuple[str, str]]:
    """(canonical name, code) of the people found, in text order."""
    return [(m.actor.name, m.actor.code) for m in gaz.find(text, on=on) if m.actor.kind == "person"]


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        (
            "Menteri Keuangan Sri Mulyani menyampaikan realisasi APBN di Jakarta.",
            date(2025, 3, 13),
            [("Sri Mulyani Indrawati", "IDNGOV")],
        ),
        (
            "Menkeu Purbaya Yudhi Sadewa menempatkan dana Rp200 triliun di bank BUMN.",
            date(2025, 9, 12),
            [("Purbaya Yudhi Sadewa", "IDNGOV")],
        ),
        (
            "Menko Polkam Budi Gunawan memimpin rapat koordinasi pengamanan Natal.",
            date(2024, 12, 20),
            [("Budi Gunawan", "IDNGOV")],
        ),
        (
            "Kepala BIN Budi Gunawan melaporkan situasi keamanan kepada Presiden.",
            date(2020, 6, 1),
            [("Budi Gunawan", "IDNSPY")],
        ),
        (
            "Menko Polkam Djamari Chaniago dilantik Presiden Prabowo di Istana Negara.",
            date(2025, 9, 17),
            [("Djamari Chaniago", "IDNGOV"), ("Prabowo Subianto", "IDNGOV")],
        ),
        (
            "Kapolri Jenderal Listyo Sigit Prabowo dan Panglima TNI Jenderal Agus Subiyanto "
            "meninjau pengamanan unjuk rasa.",
            date(2025, 8, 30),
            [("Listyo Sigit Prabowo", "IDNCOP"), ("Agus Subiyanto", "IDNMIL")],
        ),
        (
            "Kepala BIN Muhammad Herindra bertemu KSAD Jenderal Maruli Simanjuntak.",
            date(2025, 2, 1),
            [("Muhammad Herindra", "IDNSPY"), ("Maruli Simanjuntak", "IDNMIL")],
        ),
        (
            "KSAL Laksamana Muhammad Ali dan KSAU Tonny Harjono menghadiri HUT TNI.",
            date(2025, 10, 5),
            [("Laksamana Muhammad Ali", "IDNMIL"), ("Mohamad Tonny Harjono", "IDNMIL")],
        ),
        (
            "Wakil Menteri Ketenagakerjaan Immanuel Ebenezer alias Noel terjaring OTT KPK.",
            date(2025, 8, 21),
            [("Immanuel Ebenezer Gerungan", "IDNGOV"), ("Immanuel Ebenezer Gerungan", "IDNGOV")],
        ),
        (
            "Ketua KPK Setyo Budiyanto mengumumkan penahanan Sekjen PDI-P Hasto Kristiyanto.",
            date(2025, 2, 20),
            [("Setyo Budiyanto", "IDNJUD"), ("Hasto Kristiyanto", "IDNOPP")],
        ),
        (
            "Jaksa Agung ST Burhanuddin menyebut Nadiem Makarim ditetapkan sebagai tersangka.",
            date(2025, 9, 4),
            [("ST Burhanuddin", "IDNJUD"), ("Nadiem Anwar Makarim", "IDNGOV")],
        ),
        (
            "Tom Lembong divonis 4,5 tahun penjara dalam perkara impor gula.",
            date(2025, 7, 18),
            [("Thomas Trikasih Lembong", "IDNGOV")],
        ),
        (
            "Ketua MK Suhartoyo membacakan putusan uji materi UU Pemilu.",
            date(2025, 6, 26),
            [("Suhartoyo", "IDNJUD")],
        ),
        (
            "Ketua DPR Puan Maharani menerima perwakilan buruh yang dipimpin Said Iqbal.",
            date(2025, 9, 1),
            [("Puan Maharani", "IDNLEG"), ("Said Iqbal", "IDNOPP")],
        ),
        (
            "Wakil Ketua DPR Sufmi Dasco Ahmad dan Ketua MPR Ahmad Muzani menemui mahasiswa.",
            date(2025, 9, 2),
            [("Sufmi Dasco Ahmad", "IDNLEG"), ("Ahmad Muzani", "IDNLEG")],
        ),
        (
            "Ketua Komisi III DPR Habiburokhman menanggapi kritik terhadap RKUHAP.",
            date(2025, 7, 10),
            [("Habiburokhman", "IDNLEG")],
        ),
        (
            "Gubernur DKI Jakarta Pramono Anung didampingi Wakil Gubernur Rano Karno.",
            date(2025, 4, 1),
            [("Pramono Anung", "IDNGOV"), ("Rano Karno", "IDNGOV")],
        ),
        (
            "Gubernur Jawa Barat Dedi Mulyadi atau KDM mengirim siswa ke barak militer.",
            date(2025, 5, 2),
            [("Dedi Mulyadi", "IDNGOV"), ("Dedi Mulyadi", "IDNGOV")],
        ),
        (
            "Gubernur Sumatera Utara Bobby Nasution bertemu Gubernur Aceh Muzakir Manaf "
            "membahas empat pulau.",
            date(2025, 6, 4),
            [("Bobby Nasution", "IDNGOV"), ("Muzakir Manaf", "IDNGOV")],
        ),
        (
            "Wali Kota Surabaya Eri Cahyadi dan Gubernur Jawa Timur Khofifah Indar Parawansa "
            "meninjau banjir.",
            date(2025, 3, 1),
            [("Eri Cahyadi", "IDNGOV"), ("Khofifah Indar Parawansa", "IDNGOV")],
        ),
        (
            "Ketua Umum PDI-P Megawati Soekarnoputri memberi pengarahan kepada kader.",
            date(2025, 8, 2),
            [("Megawati Soekarnoputri", "IDNOPP")],
        ),
        (
            "Cak Imin, AHY, Zulhas dan Bahlil hadir di Istana.",
            date(2025, 1, 6),
            [
                ("Muhaimin Iskandar", "IDNGOV"),
                ("Agus Harimurti Yudhoyono", "IDNGOV"),
                ("Zulkifli Hasan", "IDNGOV"),
                ("Bahlil Lahadalia", "IDNGOV"),
            ],
        ),
        (
            "Juru bicara TPNPB-OPM Sebby Sambom mengklaim penembakan di Intan Jaya.",
            date(2025, 5, 15),
            [("Sebby Sambom", "IDNREBOPM")],
        ),
        (
            "Mendagri Tito Karnavian meminta kepala daerah baru segera bekerja.",
            date(2025, 2, 21),
            [("Muhammad Tito Karnavian", "IDNGOV")],
        ),
        (
            "Menko Perekonomian Airlangga Hartarto dan Menteri BUMN Erick Thohir "
            "menyambut investor.",
            date(2025, 1, 20),
            [("Airlangga Hartarto", "IDNGOV"), ("Erick Thohir", "IDNGOV")],
        ),
        (
            "Ketua Dewan Ekonomi Nasional Luhut Binsar Pandjaitan mengkritik birokrasi.",
            date(2025, 1, 9),
            [("Luhut Binsar Pandjaitan", "IDNGOV")],
        ),
        (
            "Sekretaris Kabinet Mayor Teddy membacakan susunan wakil menteri.",
            date(2024, 10, 21),
            [("Teddy Indra Wijaya", "IDNGOV")],
        ),
        (
            "Gubernur Bank Indonesia Perry Warjiyo mempertahankan suku bunga acuan.",
            date(2025, 4, 23),
            [("Perry Warjiyo", "IDNBUS")],
        ),
        (
            "Sri Sultan Hamengku Buwono X menerima Menteri Kebudayaan Fadli Zon di Yogyakarta.",
            date(2025, 3, 5),
            [("Hamengku Buwono X", "IDNGOV"), ("Fadli Zon", "IDNGOV")],
        ),
    ],
)
def test_indonesian_news_sentences(gaz, text, on, expected):
    assert persons(gaz, text, on) == expected


def test_a_later_short_mention_resolves_to_the_person_named_before(gaz):
    text = (
        "Menkeu Purbaya Yudhi Sadewa menolak usulan itu. Purbaya mengatakan anggaran cukup. "
        "Sementara itu Mendagri Tito Karnavian bertemu Pramono Anung. Tito dan Pramono sepakat."
    )
    found = gaz.find(text, on=date(2025, 10, 1))
    assert [(m.text, m.actor.name) for m in found if m.actor.kind == "person"] == [
        ("Purbaya Yudhi Sadewa", "Purbaya Yudhi Sadewa"),
        ("Purbaya", "Purbaya Yudhi Sadewa"),
        ("Mendagri Tito Karnavian", "Muhammad Tito Karnavian"),
        ("Pramono Anung", "Pramono Anung"),
        ("Tito", "Muhammad Tito Karnavian"),
        ("Pramono", "Pramono Anung"),
    ]


def test_surnames_resolve_after_the_full_name(gaz):
    text = "Hakim membacakan vonis Thomas Trikasih Lembong. Lembong langsung mengajukan banding."
    assert persons(gaz, text, date(2025, 7, 18)) == [("Thomas Trikasih Lembong", "IDNGOV")] * 2
    text = "Juru bicara TPNPB Sebby Sambom mengatakan. Menurut Sambom, pasukan ditarik."
    assert persons(gaz, text, date(2025, 1, 1)) == [("Sebby Sambom", "IDNREBOPM")] * 2


def test_weak_first_names_need_the_full_name_or_a_title(gaz):
    # "Tito", "Pramono", "Erick" alone are not enough...
    assert persons(gaz, "Tito dan Erick datang bersama Pramono.", date(2025, 6, 1)) == []
    # ...but a minister's title introduces them
    assert persons(gaz, "Menteri Erick menegaskan", date(2025, 6, 1)) == [
        ("Erick Thohir", "IDNGOV")
    ]


@pytest.mark.parametrize(
    ("text", "on", "code"),
    [
        ("Tito Karnavian", date(2018, 5, 1), "IDNCOP"),  # Kapolri
        ("Tito Karnavian", date(2025, 5, 1), "IDNGOV"),  # Mendagri
        ("Hadi Tjahjanto", date(2020, 5, 1), "IDNMIL"),  # Panglima TNI
        ("Hadi Tjahjanto", date(2024, 5, 1), "IDNGOV"),  # Menko Polhukam
        ("Budi Gunawan", date(2016, 1, 1), "IDNCOP"),  # Wakapolri
        ("Budi Gunawan", date(2023, 1, 1), "IDNSPY"),  # Kepala BIN
        ("Budi Gunawan", date(2025, 1, 1), "IDNGOV"),  # Menko Polkam
        ("Prabowo", date(2016, 1, 1), "IDNOPP"),  # Gerindra in opposition
        ("Prabowo", date(2021, 1, 1), "IDNGOV"),  # Menhan
        ("Megawati", date(2020, 1, 1), "IDNGOV"),  # PDI-P leads Jokowi's coalition
        ("Megawati", date(2025, 1, 1), "IDNOPP"),  # PDI-P outside Prabowo's cabinet
        ("Hasto Kristiyanto", date(2023, 1, 1), "IDNGOV"),
        ("Hasto Kristiyanto", date(2025, 1, 1), "IDNOPP"),
        ("Anies Baswedan", date(2020, 1, 1), "IDNGOV"),  # Gubernur DKI
        ("Anies Baswedan", date(2024, 1, 10), "IDNOPP"),  # presidential candidate
        ("Muhaimin Iskandar", date(2022, 1, 1), "IDNLEG"),  # Wakil Ketua DPR
        ("Muhaimin Iskandar", date(2024, 1, 10), "IDNOPP"),  # Anies's running mate
        ("Muhaimin Iskandar", date(2025, 1, 10), "IDNGOV"),  # Menko
        ("Agus Harimurti Yudhoyono", date(2022, 1, 1), "IDNOPP"),  # Demokrat in opposition
        ("Agus Harimurti Yudhoyono", date(2024, 5, 1), "IDNGOV"),  # Menteri ATR
        ("Ahok", date(2016, 1, 1), "IDNGOV"),
        ("Ahok", date(2022, 1, 1), "IDNBUS"),  # Pertamina commissioner
        ("Goliath Tabuni", date(2024, 1, 1), "IDNREBOPM"),
        ("Harvey Moeis", date(2024, 12, 23), "IDNBUS"),
    ],
)
def test_code_depends_on_the_date(gaz, text, on, code):
    assert [m.actor.code for m in gaz.find(text, on=on)] == [code]


@pytest.mark.parametrize(
    ("person_id", "last_day", "first_day_after"),
    [
        ("sri-mulyani-indrawati", date(2025, 9, 7), date(2025, 9, 8)),
        ("budi-gunawan", date(2025, 9, 7), date(2025, 9, 8)),
        ("immanuel-ebenezer-gerungan", date(2025, 8, 21), date(2025, 8, 22)),
        ("satryo-soemantri-brodjonegoro", date(2025, 2, 18), date(2025, 2, 19)),
        ("dito-ariotedjo", date(2025, 9, 7), date(2025, 9, 8)),
        ("retno-marsudi", date(2024, 10, 19), date(2024, 10, 20)),
        ("firli-bahuri", date(2023, 11, 23), date(2023, 11, 24)),
        ("heru-budi-hartono", date(2024, 10, 17), date(2024, 10, 18)),
    ],
)
def test_a_role_held_until_a_date_is_not_current_after_it(
    people, person_id, last_day, first_day_after
):
    person = people[person_id]
    assert person.active(last_day)
    assert not person.active(first_day_after)
    assert not person.active(None)


def test_the_new_holder_takes_over_on_the_day(people):
    assert people["purbaya-yudhi-sadewa"].active(date(2025, 9, 8))
    assert not people["purbaya-yudhi-sadewa"].active(date(2025, 9, 7))
    assert people["brian-yuliarto"].active(date(2025, 2, 19))
    erick = people["erick-thohir"]
    assert erick.term_at(date(2025, 9, 1)).role == "minister"
    assert erick.active(date(2025, 9, 17)) and erick.active(None)


def test_every_province_has_a_governor_in_office(people):
    on = date(2025, 12, 1)
    governors = [
        p
        for p in people.values()
        for t in p.terms
        if t.role == "governor"
        and t.country == "IDN"
        and (t.since is None or t.since <= on)
        and (t.until is None or on < t.until)
    ]
    assert len({p.person_id for p in governors}) >= 38


def test_namesakes_are_not_coded_as_indonesian_officials(gaz):
    assert persons(gaz, "Petinju legendaris Muhammad Ali", ON) == []
    assert [m.actor.code for m in gaz.find("pemimpin Ansharullah", on=ON)] == ["YEMREBHTH"]
