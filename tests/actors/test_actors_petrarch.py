"""PETRARCH/TABARI dictionaries: the validation suite's actors and agents load and match."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kabar.actors import Gazetteer, read_petrarch_agents

PETRARCH = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "petrarch2"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    if not PETRARCH.is_dir():
        pytest.skip("../shared/data/petrarch2 is not present")
    return Gazetteer.load(
        petrarch_actors=[PETRARCH / "PETR.Validate.actors.txt"],
        petrarch_agents=[PETRARCH / "PETR.Validate.agents.txt"],
        builtin=False,
    )


def codes(gaz: Gazetteer, text: str, on: date | None = None) -> list[str]:
    return [m.actor.code for m in gaz.find(text, on=on)]


def test_actors_with_synonyms(gaz):
    assert codes(gaz, "Frodo met Gandalf in Mordor near Barad-dur") == ["HOB", "WIZ", "MOR", "MOR"]
    assert codes(gaz, "The Hermit Kingdom") == ["PRK"]


def test_date_restricted_codes(gaz):
    assert codes(gaz, "Gollum", on=date(1990, 1, 1)) == ["HOB"]
    assert codes(gaz, "Gollum", on=date(1997, 1, 1)) == ["HOBGOV"]
    assert codes(gaz, "Gollum", on=date(2001, 1, 1)) == ["HOBREB"]
    assert codes(gaz, "Sam Gamgee", on=date(2010, 1, 10)) == ["ORCHOB"]
    assert codes(gaz, "Sam Gamgee", on=date(2011, 1, 1)) == ["HOBMIL"]
    assert codes(gaz, "Sam Gamgee", on=date(2014, 1, 1)) == ["HOBELI"]


def test_agents_combine_with_actors(gaz):
    assert codes(gaz, "Ithilen soldiers attacked") == ["ITHMIL"]
    assert codes(gaz, "the Gondor parliamentary opposition") == ["GONOPP"]
    assert codes(gaz, "the human rights organization of Rohan") == ["NGOROH"]


def test_short_codes_need_upper_case(gaz):
    assert codes(gaz, "the U.N. and the UN") == ["UNO", "UNO"]
    assert codes(gaz, "an ent and an Ent") == []
    assert codes(gaz, "the ENT") == ["ENT"]


def test_agent_plurals_and_substitution_sets():
    aliases = (
        {alias for alias, _ in read_petrarch_agents(PETRARCH / "PETR.Validate.agents.txt")}
        if PETRARCH.is_dir()
        else pytest.skip("../shared/data/petrarch2 is not present")
    )
    assert {"ambassadors", "golden geese", "congressmen", "congresswoman", "troops"} <= aliases
    assert "policies" not in aliases and "polices" not in aliases


def test_petrarch_entries_extend_the_shipped_gazetteer():
    if not PETRARCH.is_dir():
        pytest.skip("../shared/data/petrarch2 is not present")
    gaz = Gazetteer.load(petrarch_actors=[PETRARCH / "PETR.Validate.actors.txt"])
    assert codes(gaz, "Gandalf visited Moskow and the UN") == ["WIZ", "RUSGOV", "IGOUNO"]


def test_alternative_codes_make_one_actor_with_members(gaz):
    (mention,) = gaz.find("The Shire")
    assert [m.code for m in mention.actor.members] == ["FRO", "BIL", "SAM"]


def test_codes_of_the_test_world_carry_their_country(gaz):
    (mention,) = gaz.find("Cirith Ungol")
    assert (mention.actor.code, mention.actor.country, mention.actor.sector) == (
        "MORMIL",
        "MOR",
        "MIL",
    )


def test_a_dictionary_name_after_a_title_is_its_holder(gaz):
    # Romendacil is [BRE]; after "Bree Prime Minister" he is Bree's government
    assert codes(gaz, "Bree Prime Minister Romendacil arrived") == ["BREGOV"]


def test_an_english_role_takes_the_country_after_in_or_from(gaz):
    assert codes(gaz, "Lawmakers in Fornost welcomed it") == ["FORLEG"]
    assert codes(gaz, "Soldiers from Gondor have cordoned off the roads") == ["GONMIL"]


def test_a_prefix_agent_goes_before_the_country_and_the_head_role_after(gaz):
    # PETRARCH: MSF [NGO~] + Arnor [ARN] + diplomat [~GOV] -> NGOARNGOV
    assert codes(gaz, "An MSF Arnor diplomat is about to restore ties") == ["NGOARNGOV"]
    assert codes(gaz, "MSF Arnor said") == ["NGOARN"]
