"""PETRARCH/TABARI verb dictionaries read the way PETRARCH reads them: its verb forms,
codes both ways, words before the verb, synsets, coordinated subjects, verbs only."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kabar import default_settings
from kabar.actors import Gazetteer
from kabar.events import Coder, Lexicon, read_petrarch_discards, read_petrarch_verbs
from kabar.models import Article

ACTORS = """\
ARNOR [ARN]
GONDOR [GON]
OSGILIATH [OSG]
BREE [BRE]
ROMENDACIL [BRE]
THE_SHIRE [FRO/BIL/SAM]
"""

AGENTS = "PRIME_MINISTER [~GOV]\nAMBASSADOR [~GOV]\nLAWMAKER [~LEG]\n"

VERBS = """\
&NEGATVAUXVRB
+DID N'T
+WO N'T
+REALLY DID NOT

&CURRENCY
+DOLLARS
+SWISS FRANCS

--- AGREE  [081] ---
AGREE
- * WITH % [031]
- % * [030:030]

--- CLASH  [223] ---
CLASH
- MOST_CERTAINLY_&NEGATVAUXVRB_EVER * OVER EFFORTS  [907]
- &NEGATVAUXVRB EVER * OVER EFFORTS  [905]
- &NEGATVAUXVRB * OVER EFFORTS  [904]
- * OVER EFFORTS  [121]

--- CONTRIBUTE [070]  ---
CONTRIBUTE
- * &CURRENCY [903]

--- LEAVE  [012] ---
LEAVE

--- LEFT  [032:033]  ---
LEFT

--- RESTORE  [064] ---
RESTORE

--- VISIT [032] ---
VISIT

--- WELCOME  [041] ---
WELCOME
"""


@pytest.fixture(scope="module")
def coder(tmp_path_factory) -> Coder:
    folder = tmp_path_factory.mktemp("petrarch")
    for name, text in (("actors.txt", ACTORS), ("agents.txt", AGENTS), ("verbs.txt", VERBS)):
        (folder / name).write_text(text, encoding="utf-8")
    gazetteer = Gazetteer.load(
        petrarch_actors=[folder / "actors.txt"],
        petrarch_agents=[folder / "agents.txt"],
        builtin=False,
    )
    verbs = Lexicon("en", read_petrarch_verbs(folder / "verbs.txt"))
    return Coder(default_settings(), gazetteer=gazetteer, lexicons={"en": verbs})


def coded(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    article = Article(title=None, text=text, language="en", published="1995-01-01")
    return {(e.source.code, e.target.code, e.cameo) for e in coder.code(article) if e.target}


def test_an_irregular_form_is_its_own_block_and_codes_both_ways(coder):
    # "left" is no form PETRARCH makes of LEAVE: the LEFT block's [032:033] applies
    assert coded(coder, "Arnor left for Gondor on Wednesday.") == {
        ("ARN", "GON", "032"),
        ("GON", "ARN", "033"),
    }
    assert coded(coder, "Arnor leaves Gondor.") == {("ARN", "GON", "012")}


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("clashed over the efforts of", "121"),
        ("didn't clash over the efforts of", "904"),
        ("really did not ever clash over the efforts of", "905"),
        ("most certainly won't ever clash over the efforts of", "907"),
        # "even" parts the words the 907 pattern joins with "_"
        ("most certainly won't even ever clash over the efforts of", "905"),
    ],
)
def test_words_before_the_verb_and_the_most_specific_pattern(coder, words, code):
    assert coded(coder, f"Arnor {words} Gondor.") == {("ARN", "GON", code)}


def test_multi_word_synset_members_and_codes_kept_as_written(coder):
    # "will" makes no 03x intention of a code from the user's own scheme
    assert coded(coder, "Arnor will contribute a million swiss francs to Gondor.") == {
        ("ARN", "GON", "903")
    }
    assert coded(coder, "Arnor will contribute a million francs to Gondor.") == {
        ("ARN", "GON", "070")
    }


def test_a_coordinated_subject_pattern(coder):
    assert coded(coder, "Arnor and Gondor agree that the dispute should end.") == {
        ("ARN", "GON", "030"),
        ("GON", "ARN", "030"),
    }
    # "* WITH %" asks for as many words as "% *" and matches further
    assert coded(coder, "Bree agrees with Arnor and Gondor that the dispute should end.") == {
        ("BRE", "ARN", "031"),
        ("BRE", "GON", "031"),
    }


def test_verbs_only(coder):
    # PETRARCH codes verbs: "a brief private visit" is no visit event
    assert coded(coder, "Arnor restored ties with Gondor during a brief private visit.") == {
        ("ARN", "GON", "064")
    }


def test_a_titled_name_and_a_name_for_several_actors(coder):
    assert coded(coder, "Bree Prime Minister Romendacil welcomed Arnor.") == {
        ("BREGOV", "ARN", "041")
    }
    assert coded(coder, "The Shire welcomed Arnor.") == {
        ("FRO", "ARN", "041"),
        ("BIL", "ARN", "041"),
        ("SAM", "ARN", "041"),
    }


def test_a_role_before_a_list_of_countries(coder):
    assert coded(coder, "The ambassadors of Arnor, Osgiliath and Gondor welcomed Bree.") == {
        ("ARNGOV", "BRE", "041"),
        ("OSGGOV", "BRE", "041"),
        ("GONGOV", "BRE", "041"),
    }
    assert coded(coder, "Lawmakers in Arnor and Gondor welcomed Bree.") == {
        ("ARNLEG", "BRE", "041"),
        ("GONLEG", "BRE", "041"),
    }


def test_discard_phrases_skip_a_sentence_or_the_whole_story(tmp_path, coder):
    path = tmp_path / "discards.txt"
    path.write_text("# comment\nBASEBALL\n+TYPHOON   # a storm\nAFRICAN_NATIONS CUP\n")
    discards = read_petrarch_discards(path)
    assert discards.sentence_discarded("the African  Nations Cup final")
    assert not discards.sentence_discarded("the baseballs")  # whole words only
    filtered = replace(coder, discards=discards)
    two = "Arnor restored ties with Gondor. Bree restored baseball competition with Gondor."
    assert coded(filtered, two) == {("ARN", "GON", "064")}
    assert coded(filtered, "Arnor restored ties with Gondor after a typhoon.") == set()


def test_a_verb_read_as_a_noun_does_not_end_the_object_search(coder):
    # "the restoring" is no event word: "welcomed" still reaches Gondor after it
    assert coded(coder, "Arnor welcomed plans for the restoring of houses in Gondor.") == {
        ("ARN", "GON", "041")
    }
