"""Cue finding over tokens: negation, modality, attribution, background time."""

from __future__ import annotations

from datetime import date

import pytest

from kabar.lang import find_cues, get_pack, resolve_date, tokenize
from kabar.lang._cues import CUE_KINDS


def cues(text: str, lang: str = "id") -> list[tuple[str, str]]:
    return [(cue.kind, cue.text) for cue in find_cues(tokenize(text, lang), lang, text)]


def kinds(text: str, lang: str = "id") -> set[str]:
    return {kind for kind, _ in cues(text, lang)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kremlin membantah Putin bertemu Netanyahu.", ("negation", "membantah")),
        ("Iran tidak menghadiri pertemuan di Wina.", ("negation", "tidak")),
        ("Pertemuan itu tak jadi digelar.", ("negation", "tak")),
        ("Israel belum menanggapi tawaran Rusia.", ("negation", "belum")),
        ("Hamas enggan berkomentar soal gencatan senjata.", ("negation", "enggan")),
        ("Kunjungan Presiden ke Beijing batal.", ("negation", "batal")),
        ("AS menolak untuk mencabut sanksi.", ("negation", "menolak untuk")),
        ("Putin akan menelepon Erdogan pekan depan.", ("intention", "akan")),
        ("Rusia berencana mengirim utusan ke Teheran.", ("intention", "berencana")),
        ("Moskow siap menjadi penengah.", ("intention", "siap")),
        ("Turki bersedia menampung perundingan.", ("intention", "bersedia")),
        ("Qatar menawarkan diri menjadi mediator.", ("intention", "menawarkan diri")),
        ("Pemerintah berniat membuka kembali perbatasan.", ("intention", "berniat")),
        ("Mediasi ini diharapkan meredakan ketegangan.", ("expectation", "diharapkan")),
        ("Kami berharap dialog berlanjut.", ("expectation", "berharap")),
        ("Korban diperkirakan mencapai 200 orang.", ("expectation", "diperkirakan")),
        ("Pasukan Israel dilaporkan memasuki Rafah.", ("hedge", "dilaporkan")),
        ("Kelompok itu diduga menyerang pos polisi.", ("hedge", "diduga")),
        ("Kabarnya kedua menteri bertemu diam-diam.", ("hedge", "Kabarnya")),
        ("Konon utusan AS tiba di Doha.", ("hedge", "Konon")),
        ("Aksi itu disinyalir didanai pihak asing.", ("hedge", "disinyalir")),
        ('"Kami siap," kata Peskov.', ("attribution", "kata")),
        ('"Situasi terkendali," ujar Kapolri.', ("attribution", "ujar")),
        ('"Tidak ada korban," ujarnya.', ("attribution", "ujarnya")),
        ('"Kami akan membalas," ungkap juru bicara.', ("attribution", "ungkap")),
        ("Menurut Kremlin, panggilan berlangsung satu jam.", ("attribution", "Menurut")),
        ("Peskov menegaskan Rusia netral.", ("attribution", "menegaskan")),
        ("Ia menambahkan bahwa dialog penting.", ("attribution", "menambahkan")),
        ('"Semua pihak harus menahan diri," pungkasnya.', ("attribution", "pungkasnya")),
        ("Sebelumnya, Rusia memasok drone ke Iran.", ("background", "Sebelumnya")),
        ("Putin tahun lalu menandatangani pakta.", ("background", "tahun lalu")),
        ("Sejak perang dimulai, harga naik.", ("background", "Sejak")),
        ("Kedua negara pernah bersitegang.", ("background", "pernah")),
        ("Serangan terjadi beberapa waktu lalu.", ("background", "beberapa waktu lalu")),
        (
            "Dalam beberapa tahun terakhir, Rusia mendekati Iran.",
            ("background", "Dalam beberapa tahun terakhir"),
        ),
        ("Pakta itu diteken pada Juni lalu.", ("background", "pada Juni lalu")),
        ("Perjanjian itu diteken 20 tahun silam.", ("background", "20 tahun silam")),
    ],
)
def test_indonesian_cue(text: str, expected: tuple[str, str]) -> None:
    assert expected in cues(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran did not respond to the offer.", ("negation", "not")),
        ("Moscow never confirmed the call.", ("negation", "never")),
        ("The Kremlin denied the report.", ("negation", "denied")),
        ("Tehran refused to meet the envoy.", ("negation", "refused to")),
        ("Israel won't attend the talks.", ("negation", "won't")),
        ("Putin will call Erdogan next week.", ("intention", "will")),
        ("Russia plans to send envoys.", ("intention", "plans to")),
        ("Qatar offered to mediate.", ("intention", "offered to")),
        ("Turkey is ready to host talks.", ("intention", "ready to")),
        ("The talks are expected to resume.", ("expectation", "expected")),
        ("Officials hope the truce holds.", ("expectation", "hope")),
        ("Troops reportedly crossed the border.", ("hedge", "reportedly")),
        ("The group allegedly attacked a checkpoint.", ("hedge", "allegedly")),
        ("The minister is said to have resigned.", ("hedge", "said to")),
        ("Peskov said the call was constructive.", ("attribution", "said")),
        ("He told reporters the deal was close.", ("attribution", "told reporters")),
        ("According to Reuters, the call lasted an hour.", ("attribution", "According to")),
        ("The ministry added that talks continue.", ("attribution", "added")),
        ("Russia previously supplied drones to Iran.", ("background", "previously")),
        ("Putin signed the pact last year.", ("background", "last year")),
        ("Relations have improved since the war began.", ("background", "since")),
        ("The two sides had clashed before.", ("background", "had")),
    ],
)
def test_english_cue(text: str, expected: tuple[str, str]) -> None:
    assert expected in cues(text, "en")


def test_curly_apostrophes_match_straight_ones() -> None:
    assert ("negation", "won’t") in cues("Israel won’t attend.", "en")
    assert resolve_date("Jum’at (16/1)", "id", date(2026, 1, 17)) is not None


def test_refusal_alone_is_an_event_not_a_negation_cue() -> None:
    assert "negation" not in kinds("Iran menolak tawaran Rusia.")
    assert "negation" not in kinds("Iran refused the offer.", "en")


def test_longest_cue_wins_and_cues_do_not_overlap() -> None:
    found = cues("Israel tidak pernah mengakui serangan itu.")
    assert found == [("negation", "tidak pernah")]


def test_several_cues_in_one_sentence_come_in_text_order() -> None:
    text = "Kremlin membantah Putin akan bertemu Netanyahu, kata Peskov kepada wartawan."
    assert cues(text) == [
        ("negation", "membantah"),
        ("intention", "akan"),
        ("attribution", "kata"),
        ("attribution", "kepada wartawan"),
    ]


def test_cue_offsets_and_token_span() -> None:
    text = "Putin tahun lalu menandatangani pakta."
    tokens = tokenize(text, "id")
    (cue,) = find_cues(tokens, "id", text)
    assert (cue.start, cue.end) == (6, 16)
    assert text[cue.start : cue.end] == "tahun lalu"
    assert (cue.first, cue.last) == (1, 3)


def test_cue_text_without_source_text_joins_tokens() -> None:
    (cue,) = find_cues(tokenize("menurut  laporan", "id"), "id")
    assert cue.text == "menurut laporan"


def test_seed_sentence_cues() -> None:
    text = (
        "Upaya mediasi Putin ini diharapkan dapat membantu meredakan ketegangan di Timur "
        "Tengah dan mendorong dialog konstruktif antara negara-negara yang berkepentingan."
    )
    assert cues(text) == [("expectation", "diharapkan")]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_cue_kind_is_listed(lang: str) -> None:
    listed = {cue.kind for cue in get_pack(lang).cues}
    assert listed == set(CUE_KINDS)
