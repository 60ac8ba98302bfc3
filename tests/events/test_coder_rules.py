"""The coder's argument rules, one behaviour each, on sentences written for them.

These test the engine (voice, coordination, nouns, clauses, references, cues, dates,
places), so each uses an everyday event word both lexicons certainly hold.
"""

from __future__ import annotations

import pytest

from kabar import default_settings
from kabar.events import Coder
from kabar.models import Article


@pytest.fixture(scope="module")
def coder():
    return Coder(default_settings())


def code(coder, text, lang="id", published="2026-01-17"):
    article = Article(title=None, text=text, language=lang, published=published)
    return [
        (e.source.code, e.target.code if e.target else None, e.cameo[:2], e)
        for e in coder.code(article)
    ]


def pairs(events):
    return {(s, t, root) for s, t, root, _ in events}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # active and passive voice, with and without "oleh"/"by"
        ("Israel menyerang Iran pada Jumat (16/1/2026).", "id", {("ISR", "IRN", "19")}),
        ("Iran diserang oleh Israel pada Jumat (16/1/2026).", "id", {("ISR", "IRN", "19")}),
        ("Iran was attacked by Israel on Friday.", "en", {("ISR", "IRN", "19")}),
        # coordination gives one event per pair
        (
            "Israel dan Amerika Serikat menyerang Iran pada Jumat (16/1/2026).",
            "id",
            {("ISR", "IRN", "19"), ("USA", "IRN", "19")},
        ),
        # nominal events: genitive source, "terhadap" target, "oleh" agents, possessives
        ("Serangan Israel terhadap Iran terjadi pada Jumat.", "id", {("ISR", "IRN", "19")}),
        (
            "Serangan terhadap fasilitas nuklir Iran oleh Israel dan Amerika Serikat terjadi.",
            "id",
            {("ISR", "IRN", "19"), ("USA", "IRN", "19")},
        ),
        ("Russia's attack on Ukraine killed dozens.", "en", {("RUS", "UKR", "19")}),
        ("Kunjungan Prabowo ke Beijing berlangsung Senin.", "id", {("IDNGOV", "CHNGOV", "04")}),
        # a coordinated subject of a symmetric verb meets itself
        ("Prabowo dan Anwar Ibrahim bertemu di Bogor.", "id", {("IDNGOV", "MYSGOV", "04")}),
        # force used on a named place targets its country, when the article names it
        (
            "Perang di Ukraina berlanjut. Rusia menyerang Kharkiv pada Jumat.",
            "id",
            {("RUS", "UKR", "19")},
        ),
    ],
)
def test_arguments(coder, text, lang, expected):
    assert expected <= pairs(code(coder, text, lang))


def test_reported_speech_codes_the_reported_act(coder):
    events = code(coder, "Kremlin menyatakan bahwa Putin bertemu Xi Jinping di Moskow.")
    assert ("RUSGOV", "CHNGOV", "04") in pairs(events)


def test_pronoun_takes_the_last_person(coder):
    events = code(coder, "Prabowo bertemu Anwar di Bogor. Ia kemudian menelepon Albanese.")
    assert ("MYSGOV", "AUSGOV", "04") in pairs(events) or ("IDNGOV", "AUSGOV", "04") in pairs(
        events
    )


def test_speaker_pronoun_is_the_quoted_speaker(coder):
    text = '"Kami akan menyerang Israel jika diserang," kata juru bicara Hizbullah.'
    sources = {s for s, t, root, _ in code(coder, text) if t == "ISR"}
    assert sources and all(s.startswith("LBN") for s in sources)


@pytest.mark.parametrize(
    ("text", "lang", "flag", "value"),
    [
        ("Israel tidak menyerang Iran pada Jumat.", "id", "negated", True),
        ("Israel did not attack Iran on Friday.", "en", "negated", True),
        ("Israel dilaporkan menyerang Iran pada Jumat.", "id", "modality", "hedged"),
        ("Israel reportedly attacked Iran on Friday.", "en", "modality", "hedged"),
        ("Rusia berencana menyerang Ukraina.", "id", "modality", "intended"),
    ],
)
def test_cues(coder, text, lang, flag, value):
    (event,) = [e for *_, e in code(coder, text, lang)]
    assert getattr(event, flag) == value


def test_intentions_take_intent_codes(coder):
    (event,) = [e for *_, e in code(coder, "Rusia berencana menyerang Ukraina.")]
    assert event.cameo.startswith("13")  # a threat, not an attack
    (event,) = [e for *_, e in code(coder, "Indonesia siap mengirim bantuan kemanusiaan ke Gaza.")]
    assert event.cameo.startswith("03")


def test_background_events_are_flagged_and_dated(coder):
    (event,) = [e for *_, e in code(coder, "Putin bertemu Xi Jinping di Moskow tahun lalu.")]
    assert event.background and (event.date, event.date_precision) == ("2025-01-01", "year")
    assert event.location == "Moscow"


def test_dates_from_the_sentence_then_carried_then_publication(coder):
    text = (
        "Israel menyerang Iran pada Jumat (16/1/2026). Iran kemudian menyerang Israel. "
        "Sebelumnya, Mesir mengecam Israel."
    )
    dated = {(s, t): (e.date, e.date_precision) for s, t, _, e in code(coder, text)}
    assert dated[("ISR", "IRN")] == ("2026-01-16", "day")
    assert dated[("IRN", "ISR")] == ("2026-01-16", "day")  # the story's day carries
    assert dated[("EGY", "ISR")] == ("2026-01-17", "publication")  # a look-back does not


def test_place_exonyms(coder):
    (event,) = [e for *_, e in code(coder, "Menlu Sugiono bertemu Menlu Iran di Jenewa.")]
    assert event.location == "Geneva"


def test_bare_role_takes_the_home_or_nearby_country(coder):
    assert ("IDNCOP", "IDNOPP", "17") in pairs(code(coder, "Polisi menangkap puluhan demonstran."))
    events = code(coder, "Pasukan Myanmar membunuh warga sipil di desa itu.")
    assert ("MMRMIL", "MMRCVL", "18") in pairs(events)


def test_no_event_without_someone_it_is_done_to(coder):
    assert code(coder, "Israel melancarkan serangan pada Jumat malam.") == []


def test_anaphora_for_the_group_and_the_country(coder):
    text = (
        "Kelompok bersenjata TPNPB menyerang pos TNI di Intan Jaya pada Jumat. "
        "Prajurit TNI kemudian terlibat kontak tembak dengan kelompok tersebut."
    )
    assert ("IDNMIL", "IDNREBOPM", "19") in pairs(code(coder, text))
    text = "Israel menyerang Iran pada Jumat. Amerika Serikat mengecam negara itu."
    assert ("USA", "IRN", "11") in pairs(code(coder, text))


def test_parenthesised_alias_and_institution_before_country(coder):
    text = "Iran dan Badan Energi Atom Internasional (IAEA) menandatangani kesepakatan di Kairo."
    assert ("IRN", "IGOIAE", "05") in pairs(code(coder, text))
    events = code(coder, "KPK menandatangani nota kesepahaman dengan Kejaksaan Agung Singapura.")
    assert ("IDNJUD", "SGPJUD", "05") in pairs(events)


def test_apposition_of_a_place_versus_a_new_clause(coder):
    events = pairs(code(coder, "Trump dan Xi Jinping bertemu di Busan, Korea Selatan, pada Kamis."))
    assert ("USAGOV", "CHNGOV", "04") in events
    assert not any(t == "KOR" for _, t, _ in events)
    text = "Beberapa jam sebelum pertemuan di Anchorage, Rusia menyerang Ukraina dengan drone."
    assert ("RUS", "UKR", "19") in pairs(code(coder, text))


def test_aid_sent_to_a_place_goes_to_its_country(coder):
    text = "Gempa mengguncang Filipina. Jepang mengirimkan bantuan darurat ke Cebu."
    assert any(s == "JPN" and t == "PHL" and root == "07" for s, t, root, _ in code(coder, text))


def test_a_condition_has_not_happened(coder):
    text = "Iran akan membalas jika Israel kembali menyerang fasilitas nuklirnya."
    assert not any(s == "ISR" for s, *_ in code(coder, text))
    assert not code(coder, "Russia will respond if NATO attacks Belarus.", "en")


def test_a_weekday_that_does_not_fit_its_date_lowers_confidence(coder):
    (right,) = [e for *_, e in code(coder, "Israel menyerang Iran pada Jumat (16/1/2026).")]
    (wrong,) = [e for *_, e in code(coder, "Israel menyerang Iran pada Kamis (16/1/2026).")]
    assert wrong.date == right.date == "2026-01-16"
    assert wrong.confidence < right.confidence


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Prabowo akan bertemu Anwar Ibrahim pada Senin mendatang.", "2026-01-19"),
        ("Prabowo akan bertemu Anwar Ibrahim pada Jumat.", "2026-01-23"),  # planned: ahead
        ("Prabowo bertemu Anwar Ibrahim pada Jumat.", "2026-01-16"),
    ],
)
def test_planned_events_are_dated_ahead(coder, text, day):
    (event,) = [e for *_, e in code(coder, text)]  # published Saturday 2026-01-17
    assert event.date == day


def test_month_of_last_year(coder):
    text = "Putin bertemu Xi Jinping di Moskow pada Juli tahun lalu."
    (event,) = [e for *_, e in code(coder, text)]
    assert (event.date, event.date_precision) == ("2025-07-01", "month") and event.background


def test_condemning_an_earlier_attack_targets_the_attacker(coder):
    text = (
        "Israel menyerang Gaza pada Jumat (16/1/2026). "
        "Pemerintah Indonesia mengecam keras serangan tersebut."
    )
    assert ("IDNGOV", "ISR", "11") in pairs(code(coder, text))
    text = "Russia attacked Kyiv on Friday. The European Union condemned the attack."
    assert ("IGOEEU", "RUS", "11") in pairs(code(coder, text, "en"))


def test_bare_roles_in_a_foreign_story_belong_to_its_country(coder):
    text = (
        "Pemerintah India memberlakukan jam malam di Kashmir setelah bentrokan di Srinagar. "
        "India mengerahkan ribuan tentara ke wilayah itu. "
        "Polisi menangkap puluhan demonstran pada Jumat."
    )
    assert ("INDCOP", "INDOPP", "17") in pairs(code(coder, text))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # the sides of the meeting, not the minister who came along; the sentence names no
        # one, so "keduanya" alone must make it worth coding
        (
            "Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Bogor, "
            "didampingi Menteri Luar Negeri Retno Marsudi. "
            "Keduanya menandatangani perjanjian batas laut.",
            "id",
        ),
        (
            "Joko Widodo met Malaysian Prime Minister Anwar Ibrahim in Bogor, joined by "
            "Foreign Minister Retno Marsudi. The two leaders signed a maritime boundary treaty.",
            "en",
        ),
    ],
)
def test_both_are_the_two_sides_of_the_last_meeting(coder, text, lang):
    signed = {(s, t) for s, t, root, _ in code(coder, text, lang) if root == "05"}
    assert signed == {("IDNGOV", "MYSGOV")}


def test_both_are_the_two_joined_by_and(coder):
    text = (
        "Anwar Ibrahim berbicara melalui telepon dengan Hun Manet dan Pelaksana Tugas "
        "Perdana Menteri Thailand Phumtham Wechayachai. "
        "Anwar Ibrahim mendesak keduanya segera menghentikan tembakan."
    )
    urged = {t for s, t, root, _ in code(coder, text) if root == "02"}
    assert urged == {"KHMGOV", "THAGOV"}


@pytest.mark.parametrize(
    ("text", "lang", "title"),
    [
        (
            "Anwar Ibrahim berbicara melalui telepon dengan Pelaksana Tugas Perdana Menteri "
            "Thailand Phumtham Wechayachai.",
            "id",
            "Pelaksana Tugas Perdana Menteri Thailand",
        ),
        (
            "Anwar Ibrahim spoke by phone with Thailand's acting Prime Minister Phumtham.",
            "en",
            "acting Prime Minister",
        ),
    ],
)
def test_an_acting_office_holder_is_one_actor(coder, text, lang, title):
    (event,) = [e for *_, e in code(coder, text, lang)]
    assert event.target.code == "THAGOV" and title in event.target.name


@pytest.mark.parametrize(
    ("text", "lang", "root"),
    [
        (
            "Militer Thailand dan militer Kamboja saling tembak di perbatasan. "
            "Donald Trump mengkritik kedua pemimpin.",
            "id",
            "11",
        ),
        (
            "The Thai army and the Cambodian army exchanged fire at the border. "
            "Donald Trump urged both leaders to stop the fighting.",
            "en",
            "02",
        ),
    ],
)
def test_the_two_leaders_are_the_governments_of_the_pair(coder, text, lang, root):
    targets = {t for _, t, r, _ in code(coder, text, lang) if r == root}
    assert targets == {"THAGOV", "KHMGOV"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Militer Thailand dan militer Kamboja saling tembak di perbatasan.",
            "id",
            ("THAMIL", "KHMMIL", "19"),
        ),
        (
            "Thailand and Cambodia accused each other of firing first near the temple.",
            "en",
            ("THA", "KHM", "11"),
        ),
    ],
)
def test_a_side_acting_on_itself_is_one_symmetric_event_per_pair(coder, text, lang, expected):
    events = code(coder, text, lang)
    assert pairs(events) == {expected}
    assert all(e.symmetric for *_, e in events)


def test_they_alone_does_not_make_a_sentence_worth_coding(coder):
    text = (
        "Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Bogor. "
        "Mereka menandatangani perjanjian batas laut."
    )
    assert {root for *_, root, _ in code(coder, text)} == {"04"}
