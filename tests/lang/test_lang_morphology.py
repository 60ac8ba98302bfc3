"""Lemmatizer: Indonesian affixes with meN- allomorphs, English inflections."""

from __future__ import annotations

import pytest

from kabar.lang import get_pack, lemma

INDONESIAN = {
    # the brief's families
    "menghubungi": "hubung",
    "dihubungi": "hubung",
    "hubungan": "hubung",
    "berhubungan": "hubung",
    "menyerang": "serang",
    "diserang": "serang",
    "serangan": "serang",
    "penyerangan": "serang",
    "menandatangani": "tandatangan",
    "ditandatangani": "tandatangan",
    "penandatanganan": "tandatangan",
    "mengecam": "kecam",
    "kecaman": "kecam",
    "bertemu": "temu",
    "pertemuan": "temu",
    "menemui": "temu",
    "mengunjungi": "kunjung",
    "kunjungan": "kunjung",
    "menuduh": "tuduh",
    "tuduhan": "tuduh",
    "memperingatkan": "ingat",
    "peringatan": "ingat",
    "menyatakan": "nyata",
    "pernyataan": "nyata",
    "berkepentingan": "penting",
    "kepentingan": "penting",
    # meN-/di- never stack on ber-/ter- (regression: memberikan -> ikan)
    "memberikan": "beri",
    "diberikan": "beri",
    "diterapkan": "terap",
    "menerjunkan": "terjun",
    # meN- allomorphs: me-, mem-, men-, meng-, meny-, menge-
    "melihat": "lihat",
    "merasa": "rasa",
    "mewakili": "wakil",
    "membeli": "beli",
    "memukul": "pukul",
    "memakai": "pakai",
    "memakan": "makan",
    "mendukung": "dukung",
    "mencari": "cari",
    "menulis": "tulis",
    "menerima": "terima",
    "menolak": "tolak",
    "menggugat": "gugat",
    "mengakui": "aku",
    "mengirim": "kirim",
    "mengancam": "ancam",
    "menyelesaikan": "selesai",
    "mengebom": "bom",
    # di-, ter-, ber-, ke-...-an, peN-, per-, stacked prefixes
    "ditangkap": "tangkap",
    "dikatakan": "kata",
    "terpilih": "pilih",
    "tertembak": "tembak",
    "berunding": "runding",
    "bekerja": "kerja",
    "belajar": "ajar",
    "berencana": "rencana",
    "keamanan": "aman",
    "kemenangan": "menang",
    "keberhasilan": "hasil",
    "keterlibatan": "libat",
    "pengamat": "amat",
    "penembakan": "tembak",
    "pendukung": "dukung",
    "pembunuhan": "bunuh",
    "pengungsi": "ungsi",
    "perundingan": "runding",
    "perdamaian": "damai",
    "perasaan": "rasa",
    "mempererat": "erat",
    "mempelajari": "ajar",
    "dipertanyakan": "tanya",
    "diberlakukan": "laku",
    "kesepakatan": "sepakat",
    # suffixes and clitics: -kan, -i, -an, -nya, -lah, -kah, -pun
    "mengatakan": "kata",
    "katanya": "kata",
    "ujarnya": "ujar",
    "ungkapnya": "ungkap",
    "tambahnya": "tambah",
    "perintahnya": "perintah",
    "hadirlah": "hadir",
    "benarkah": "benar",
    "meskipun": "meskipun",
    # reduplication and words that only look affixed
    "proyek-proyek": "proyek",
    "negara-negara": "negara",
    "bersama-sama": "sama",
    "de-eskalasi": "de-eskalasi",
    "ketua": "ketua",
    "kepala": "kepala",
    "mereka": "mereka",
    "tersebut": "tersebut",
    "pemerintah": "pemerintah",
    "perang": "perang",
    "berita": "berita",
    "pesawat": "pesawat",
}

ENGLISH = {
    "met": "meet",
    "attacked": "attack",
    "signing": "sign",
    "signed": "sign",
    "talks": "talk",
    "visited": "visit",
    "visits": "visit",
    "accused": "accuse",
    "said": "say",
    "says": "say",
    "told": "tell",
    "planned": "plan",
    "stopping": "stop",
    "making": "make",
    "threatened": "threaten",
    "denied": "deny",
    "countries": "country",
    "crises": "crisis",
    "forces": "force",
    "was": "be",
    "has": "have",
    "brokered": "broker",
    "escalated": "escalate",
    "mediating": "mediate",
    "news": "news",
    "children": "child",
}


@pytest.mark.parametrize(("word", "expected"), sorted(INDONESIAN.items()))
def test_indonesian_lemma(word: str, expected: str) -> None:
    assert lemma(word) == expected


@pytest.mark.parametrize(("word", "expected"), sorted(ENGLISH.items()))
def test_english_lemma(word: str, expected: str) -> None:
    assert lemma(word, "en") == expected


def test_lemma_table_is_large_enough() -> None:
    assert len(INDONESIAN) >= 60


def test_case_is_folded() -> None:
    assert lemma("Menghubungi") == "hubung"
    assert lemma("ATTACKED", "en") == "attack"


def test_unknown_word_is_left_alone_rather_than_mangled() -> None:
    """Without a known root nothing is stripped: a wrong lemma is worse than none."""
    assert lemma("mengxyzkan") == "mengxyzkan"
    assert lemma("Pezeshkian") == "pezeshkian"


def test_berkepentingan_is_not_reduced_to_ting() -> None:
    """PySastrawi's known mistake (berkepentingan -> ting) must not happen here."""
    assert lemma("berkepentingan") != "ting"


def test_guess_rules_handle_english_words_outside_the_word_list() -> None:
    assert lemma("pummeled", "en") in {"pummel", "pummele"}
    assert lemma("decapitated", "en") == "decapitate"
    assert lemma("remonstrates", "en") == "remonstrate"


def test_every_expected_indonesian_root_is_in_the_word_list() -> None:
    roots = get_pack("id").lemmatizer.roots
    exceptions = get_pack("id").lemmatizer.exceptions
    for word, expected in INDONESIAN.items():
        if "-" in expected or expected == word:
            continue
        assert expected in roots or word in exceptions, expected


def test_language_pack_exposes_the_same_lemmatizer() -> None:
    assert get_pack("id").lemma("kunjungan") == "kunjung"
