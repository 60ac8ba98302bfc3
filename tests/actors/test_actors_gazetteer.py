"""Finding actors: the seed article, case rules, names, role merges, people by date, IGOs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kabar.actors import Actor, Gazetteer, Mention

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed"
ON = date(2026, 1, 16)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def codes(gaz: Gazetteer, text: str, on: date | None = ON) -> list[tuple[str, str]]:
    return [(m.text, m.actor.code) for m in gaz.find(text, on=on)]


def only(gaz: Gazetteer, text: str, on: date | None = ON) -> Mention:
    found = gaz.find(text, on=on)
    assert len(found) == 1, found
    return found[0]


def test_seed_article_actors(gaz):
    if not SEED.is_dir():
        pytest.skip("../shared/seed is not present")
    text = (SEED / "jatimvoice-putin-mediation.txt").read_text(encoding="utf-8")
    found = {(m.actor.name, m.actor.country, m.actor.sector) for m in gaz.find(text, on=ON)}
    assert ("Vladimir Putin", "RUS", "GOV") in found
    assert ("Benjamin Netanyahu", "ISR", "GOV") in found
    assert ("Masoud Pezeshkian", "IRN", "GOV") in found
    assert ("Kremlin", "RUS", "GOV") in found
    assert ("Moscow", "RUS", "GOV") in found
    assert ("Israel", "ISR", None) in found
    assert ("United States", "USA", None) in found
    assert ("Iran", "IRN", None) in found


def test_seed_first_sentence_merges_role_country_and_name(gaz):
    text = (
        "Presiden Rusia Vladimir Putin menghubungi Perdana Menteri Israel Benjamin "
        "Netanyahu dan Presiden Iran Masoud Pezeshkian."
    )
    assert codes(gaz, text) == [
        ("Presiden Rusia Vladimir Putin", "RUSGOV"),
        ("Perdana Menteri Israel Benjamin Netanyahu", "ISRGOV"),
        ("Presiden Iran Masoud Pezeshkian", "IRNGOV"),
    ]


def test_offsets_point_into_the_text(gaz):
    text = "Kemarin, Kremlin (Moskow) membalas Gedung Putih."
    for mention in gaz.find(text):
        assert text[mention.start : mention.end] == mention.text
    assert [m.actor.code for m in gaz.find(text)] == ["RUSGOV", "RUSGOV", "USAGOV"]


def test_actor_is_a_plain_frozen_record(gaz):
    actor = only(gaz, "Kremlin").actor
    assert actor == Actor("RUSGOV", "Kremlin", "RUS", "GOV", "metonym")
    with pytest.raises(AttributeError):
        actor.code = "X"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sanksi AS terhadap Iran", ["USA", "IRN"]),
        ("Ia datang sebagai tamu, bukan as roda", []),
        ("Hal itu jelas dan tuntas", []),
        ("US troops and us", ["USAMIL"]),
        ("Nama Irani dan Iran", ["IRN"]),
        ("UE dan NATO; ue bukan", ["IGOEEU", "IGONAT"]),
        ("WHO said who knows", ["IGOWHO"]),
        ("China and fine china", ["CHN"]),
        ("Menteri RI dan kata ri", ["IDNGOV"]),
        ("a turkey for Turkey", ["TUR"]),
    ],
)
def test_case_rules_avoid_false_hits(gaz, text, expected):
    assert [m.actor.code for m in gaz.find(text)] == expected


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Rusia", "RUS"),
        ("Russia", "RUS"),
        ("Amerika Serikat", "USA"),
        ("United States", "USA"),
        ("Negeri Paman Sam", "USA"),
        ("Tiongkok", "CHN"),
        ("RRT", "CHN"),
        ("Korut", "PRK"),
        ("Korea Utara", "PRK"),
        ("North Korea", "PRK"),
        ("Korsel", "KOR"),
        ("South Korea", "KOR"),
        ("Inggris", "GBR"),
        ("Britania Raya", "GBR"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Arab Saudi", "SAU"),
        ("Saudi Arabia", "SAU"),
        ("UEA", "ARE"),
        ("Palestina", "PSE"),
        ("Palestine", "PSE"),
        ("Jepang", "JPN"),
        ("Japan", "JPN"),
        ("Jerman", "DEU"),
        ("Germany", "DEU"),
        ("Prancis", "FRA"),
        ("Belanda", "NLD"),
        ("Turki", "TUR"),
        ("Mesir", "EGY"),
        ("Egypt", "EGY"),
        ("Suriah", "SYR"),
        ("Syria", "SYR"),
        ("Yordania", "JOR"),
        ("Lebanon", "LBN"),
        ("Irak", "IRQ"),
        ("Yaman", "YEM"),
        ("Filipina", "PHL"),
        ("Philippines", "PHL"),
        ("Vietnam", "VNM"),
        ("Thailand", "THA"),
        ("Malaysia", "MYS"),
        ("Singapura", "SGP"),
        ("Kamboja", "KHM"),
        ("Myanmar", "MYS" if False else "MMR"),
        ("Timor Leste", "TLS"),
        ("Brunei", "BRN"),
        ("Laos", "LAO"),
        ("India", "IND"),
        ("Australia", "AUS"),
        ("Kanada", "CAN"),
        ("Meksiko", "MEX"),
        ("Brasil", "BRA"),
        ("Argentina", "ARG"),
        ("Afrika Selatan", "ZAF"),
        ("Italia", "ITA"),
        ("Ukraina", "UKR"),
        ("Taiwan", "TWN"),
        ("Kosovo", "XKX"),
        ("Hong Kong", "HKG"),
        ("Sahara Barat", "ESH"),
        ("Russian", "RUS"),
        ("Israeli", "ISR"),
        ("Iranian", "IRN"),
        ("American", "USA"),
        ("Chinese", "CHN"),
        ("Indonesia", "IDN"),
    ],
)
def test_country_names_in_both_languages(gaz, name, iso3):
    mention = only(gaz, f"Kabar dari {name} hari ini")
    assert (mention.text, mention.actor.country) == (name, iso3)


@pytest.mark.parametrize(
    ("text", "code", "kind"),
    [
        ("Menteri Luar Negeri RI", "IDNGOV", "role"),
        ("Menlu RI", "IDNGOV", "role"),
        ("militer Israel", "ISRMIL", "role"),
        ("Israeli military", "ISRMIL", "role"),
        ("Myanmar's armies", "MMRMIL", "role"),
        ("Penjabat Perdana Menteri Thailand", "THAGOV", "role"),
        ("Thailand's acting Prime Minister", "THAGOV", "role"),
        ("pengunjuk rasa Iran", "IRNOPP", "role"),
        ("Iranian protesters", "IRNOPP", "role"),
        ("pemerintah Rusia", "RUSGOV", "role"),
        ("pihak Istana Kepresidenan Rusia", "RUSGOV", "role"),
        ("Russian President", "RUSGOV", "role"),
        ("the President of Russia", "RUSGOV", "role"),
        ("Iran's foreign ministry", "IRNGOV", "role"),
        ("juru bicara militer Israel", "ISRMIL", "role"),
        ("polisi Prancis", "FRACOP", "role"),
        ("juru bicara Hamas", "PSEREBHMS", "group"),
        # an Indonesian role's head comes first: "pasukan junta" are troops
        ("pasukan junta Myanmar", "MMRMIL", "organization"),
        ("nelayan Vietnam", "VNMCVL", "role"),
        ("Thai officers", "THACOP", "role"),
    ],
)
def test_role_and_country_merge_into_one_mention(gaz, text, code, kind):
    mention = only(gaz, text)
    assert (mention.text, mention.actor.code, mention.actor.kind) == (
        text.removeprefix("the "),
        code,
        kind,
    )


def test_role_without_country_keeps_its_sector_or_default(gaz):
    assert only(gaz, "polisi menangkap").actor.code == "---COP"
    assert only(gaz, "rapat DPR").actor.code == "IDNLEG"
    assert only(gaz, "DPR AS").actor.code == "USALEG"
    assert gaz.find("pihak terkait") == []


def test_person_after_role_is_one_person_mention(gaz):
    mention = only(gaz, "Russian President Vladimir Putin")
    assert (mention.actor.code, mention.actor.name, mention.actor.kind) == (
        "RUSGOV",
        "Vladimir Putin",
        "person",
    )
    assert only(gaz, "Presiden Iran, Masoud Pezeshkian").actor.name == "Masoud Pezeshkian"


def test_surname_only_mentions_resolve_to_the_person(gaz):
    found = gaz.find("Benjamin Netanyahu bertemu. Kemudian Netanyahu dan Putin, lalu Jokowi.")
    assert [m.actor.name for m in found] == [
        "Benjamin Netanyahu",
        "Benjamin Netanyahu",
        "Vladimir Putin",
        "Joko Widodo",
    ]


def test_weak_surname_needs_the_full_name_first(gaz):
    assert gaz.find("Salam hangat dari kami") == []
    found = gaz.find("PM Lebanon Nawaf Salam berkata. Salam menambahkan.")
    assert [m.actor.code for m in found] == ["LBNGOV", "LBNGOV"]
    assert found[1].text == "Salam"


def test_unknown_name_after_title_is_learnt_for_later(gaz):
    found = gaz.find("Menlu Norwegia Espen Barth Eide tiba. Eide mengatakan hal itu.")
    assert [(m.text, m.actor.code, m.actor.kind) for m in found] == [
        ("Menlu Norwegia Espen Barth Eide", "NORGOV", "person"),
        ("Eide", "NORGOV", "person"),
    ]


def test_weekday_after_title_is_not_a_name(gaz):
    assert only(gaz, "kata Presiden Rusia Jumat Lalu").text == "Presiden Rusia"


def test_role_by_date_jokowi_then_prabowo(gaz):
    text = "Presiden Jokowi dan Prabowo"
    before, after = date(2023, 5, 1), date(2025, 5, 1)
    assert [m.actor.code for m in gaz.find(text, on=before)] == ["IDNGOV", "IDNGOV"]
    assert [m.actor.code for m in gaz.find(text, on=after)] == ["IDNGOV", "IDNGOV"]
    # who "Presiden Indonesia" is depends on the date of the text
    jokowi = only(gaz, "Presiden Indonesia Joko Widodo", on=before).actor
    assert (jokowi.name, jokowi.sector) == ("Joko Widodo", "GOV")
    # a former holder keeps the country and sector of the last office
    assert only(gaz, "Jokowi", on=after).actor.code == "IDNGOV"


def test_person_sector_changes_with_the_role(gaz):
    taliban_chief = "Hibatullah Akhundzada"
    assert only(gaz, taliban_chief, on=date(2019, 1, 1)).actor.code == "AFGREBTAL"
    assert only(gaz, taliban_chief, on=date(2023, 1, 1)).actor.code == "AFGGOV"
    assert only(gaz, taliban_chief, on=None).actor.code == "AFGGOV"


def test_shared_surname_resolved_by_date_or_context(gaz):
    assert only(gaz, "Khamenei", on=date(2025, 1, 1)).actor.name == "Ali Khamenei"
    assert only(gaz, "Khamenei", on=date(2026, 5, 1)).actor.name == "Mojtaba Khamenei"
    found = gaz.find("Listyo Sigit Prabowo dan Presiden Prabowo", on=ON)
    assert [m.actor.code for m in found] == ["IDNCOP", "IDNGOV"]


def test_organisations_by_date(gaz):
    assert only(gaz, "Taliban", on=date(2019, 1, 1)).actor.code == "AFGREBTAL"
    assert only(gaz, "Taliban", on=date(2022, 1, 1)).actor.code == "AFGGOV"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("PBB", "IGOUNO"),
        ("Perserikatan Bangsa-Bangsa", "IGOUNO"),
        ("United Nations", "IGOUNO"),
        ("DK PBB", "IGOUNOSEC"),
        ("Dewan Keamanan PBB", "IGOUNOSEC"),
        ("NATO", "IGONAT"),
        ("Uni Eropa", "IGOEEU"),
        ("EU", "IGOEEU"),
        ("ASEAN", "IGOASN"),
        ("OKI", "IGOOIC"),
        ("IAEA", "IGOIAE"),
        ("Bank Dunia", "IGOWBK"),
        ("IMF", "IGOIMF"),
        ("Liga Arab", "IGOARL"),
        ("Uni Afrika", "IGOAFU"),
        ("Mahkamah Pidana Internasional", "IGOICC"),
        ("ICJ", "IGOICJ"),
        ("UNHCR", "IGOUNHCR"),
        ("G20", "IGOG20"),
        ("BRICS", "IGOBRI"),
        ("OPEC", "IGOOPC"),
        ("Palang Merah Internasional", "NGOICR"),
        ("Brussel", "IGOEEU"),
    ],
)
def test_igos(gaz, text, code):
    actor = only(gaz, f"Menurut {text} kemarin").actor
    assert (actor.code, actor.country) == (code, None)
    assert actor.sector in ("IGO", "NGO")


@pytest.mark.parametrize(
    ("text", "code", "kind"),
    [
        ("TNI", "IDNMIL", "organization"),
        ("Polri", "IDNCOP", "organization"),
        ("IDF", "ISRMIL", "organization"),
        ("Hamas", "PSEREBHMS", "group"),
        ("Hizbullah", "LBNREBHZB", "group"),
        ("Houthi", "YEMREBHTH", "group"),
        ("ISIS", "IMGREBISI", "group"),
        ("OPM", "IDNREBOPM", "group"),
        ("KKB", "IDNREBOPM", "group"),
        ("Knesset", "ISRLEG", "organization"),
        ("Garda Revolusi Iran", "IRNMILIRG", "organization"),
    ],
)
def test_national_institutions_and_armed_groups(gaz, text, code, kind):
    actor = only(gaz, f"Kata {text} kemarin").actor
    assert (actor.code, actor.kind) == (code, kind)


def test_igo_head_takes_the_organisation_code(gaz):
    mention = only(gaz, "Sekjen PBB Antonio Guterres")
    assert (mention.actor.code, mention.actor.name) == ("IGOUNO", "António Guterres")


def test_title_alias_and_name_are_one_mention(gaz):
    mention = only(gaz, "juru bicara Kremlin Dmitry Peskov")
    assert (mention.actor.code, mention.actor.name) == ("RUSGOV", "Dmitry Peskov")


@pytest.mark.parametrize(
    "text",
    [
        "Real Madrid menang",
        "Persija Jakarta kalah",
        "harga BBM naik",
        "Liga Premier pekan ini",
        "Marsekal Hadi",
    ],
)
def test_regressions_seen_in_indonesian_news(gaz, text):
    """Phrases from IndoSum that were once read as actors (clubs, fuel, a namesake)."""
    assert [
        m.actor.code for m in gaz.find(text, on=date(2017, 6, 1)) if m.actor.kind != "role"
    ] == []


def test_media_massa_is_media_not_protesters(gaz):
    assert only(gaz, "media massa").actor.code == "---MED"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kapolda Metro Jaya", "IDNCOP"),
        ("kerumunan", "---OPP"),
        ("junta", "---MIL"),
        ("Balai Kota", "---GOV"),
        ("permukiman warga", "---CVL"),
        ("the families", "---CVL"),
    ],
)
def test_roles_and_units_added_for_the_dev_set(gaz, text, code):
    assert only(gaz, text).actor.code == code


def test_an_indonesian_role_chain_takes_its_head_sector(gaz):
    # "pasukan pemerintah" are troops: the first role with a sector is the head
    assert only(gaz, "pasukan pemerintah").actor.code == "---MIL"
    assert only(gaz, "juru bicara militer").actor.code == "---MIL"


def test_a_currency_is_not_its_country(gaz):
    assert codes(gaz, "investasi senilai 10 miliar dolar AS") == []
    assert codes(gaz, "seized 2 million US dollars") == []


def test_a_name_after_a_comma_must_fit_the_title(gaz):
    text = "During the call with Qatar's prime minister, Netanyahu expressed regret."
    assert [m.actor.country for m in gaz.find(text, on=date(2025, 9, 30))] == ["QAT", "ISR"]


def test_the_dutertes_are_in_opposition_after_their_break_with_marcos(gaz):
    assert only(gaz, "Rodrigo Duterte", on=date(2020, 1, 1)).actor.code == "PHLGOV"
    assert only(gaz, "Rodrigo Duterte", on=date(2025, 3, 12)).actor.code == "PHLOPP"
    assert only(gaz, "Sara Duterte", on=date(2023, 1, 1)).actor.code == "PHLGOV"
    assert only(gaz, "Sara Duterte", on=date(2025, 3, 12)).actor.code == "PHLOPP"


def test_the_international_community_is_one_body(gaz):
    assert codes(gaz, "mendesak masyarakat internasional") == [("masyarakat internasional", "IGO")]
    assert codes(gaz, "urged the international community") == [("international community", "IGO")]


def test_supporters_of_a_person_are_a_crowd_of_his_country(gaz):
    (mention,) = gaz.find("ribuan pendukung Yoon Suk Yeol", on=date(2025, 1, 15))
    assert mention.actor.code == "KORCVL"


def test_a_persons_supporters_in_english(gaz):
    (mention,) = gaz.find("Hundreds of Yoon's supporters rallied.", on=date(2025, 1, 15))
    assert (mention.text, mention.actor.code) == ("Yoon's supporters", "KORCVL")


def test_opposition_supporters_are_the_opposition(gaz):
    assert codes(gaz, "Malaysian opposition supporters") == [
        ("Malaysian opposition supporters", "MYSOPP")
    ]


def test_mahathir_is_in_opposition_after_2020(gaz):
    assert only(gaz, "Mahathir Mohamad", on=date(2019, 1, 1)).actor.code == "MYSGOV"
    assert only(gaz, "Mahathir Mohamad", on=date(2025, 7, 27)).actor.code == "MYSOPP"


def test_kim_yo_jong_speaks_for_pyongyang(gaz):
    assert only(gaz, "Kim Yo Jong", on=date(2025, 10, 22)).actor.code == "PRKGOV"


def test_a_single_name_after_a_title_and_its_body_is_a_person(gaz):
    found = gaz.find("Kepala BNPB Suharyanto mengatakan bantuan dikirim.", on=date(2025, 10, 3))
    assert [(m.text, m.actor.kind) for m in found] == [("Kepala BNPB Suharyanto", "person")]


def test_victims_are_civilians(gaz):
    assert codes(gaz, "kedua korban") == [("korban", "---CVL")]


def test_in_or_from_a_city_gives_no_role_its_country(gaz):
    # the ambassador recalled from Phnom Penh is Bangkok's, not Cambodia's
    found = codes(gaz, "Bangkok recalled its ambassador from Phnom Penh.")
    assert ("Phnom Penh", "KHMGOV") in found
    assert ("Lawmakers in Germany", "DEULEG") in codes(gaz, "Lawmakers in Germany voted.")


def test_in_or_from_a_country_names_only_an_opening_subjects_country(gaz):
    assert codes(gaz, "Soldiers from Russia crossed the border.")[0] == (
        "Soldiers from Russia",
        "RUSMIL",
    )
    # an object's "from" is where it comes away from: the troops stay Russia's
    assert ("Syria", "SYR") in codes(gaz, "Russia withdrew troops from Syria.")
    assert ("Turkey", "TUR") in codes(gaz, "Israel reopened its embassy in Turkey.")
