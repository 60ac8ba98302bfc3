"""The scorer follows DESIGN.md's matching rules and pairs optimally."""

from __future__ import annotations

import itertools
import random

import pytest

from kabar.evaluate import Tally, match_code, match_root, pair
from kabar.evaluate._gold import _max_weight_assignment
from kabar.models import Event, EventActor


def actor(country, sector="GOV"):
    code = (country or "IGO") + (sector or "")
    return EventActor(code, country, sector, code)


def event(src, tgt, cameo="040", src_sector="GOV", tgt_sector="GOV"):
    return Event(
        source=actor(src, src_sector),
        target=actor(tgt, tgt_sector),
        cameo=cameo,
        plover_type=None,
        plover_mode=None,
        goldstein=0.0,
        quad_class=1,
        date=None,
        date_precision=None,
        background=False,
        negated=False,
        modality="asserted",
        location=None,
        evidence="",
        start=0,
        end=0,
        confidence=1.0,
        rule="test",
    )


def gold(src, tgt, cameo="040", **extra):
    return {"source": src, "target": tgt, "cameo": cameo, "salience": "core", **extra}


def test_countries_and_root_must_agree():
    assert match_root(event("RUS", "ISR", "041"), gold("RUS", "ISR", "040"))
    assert not match_root(event("RUS", "ISR", "051"), gold("RUS", "ISR", "040"))
    assert not match_root(event("RUS", "IRN"), gold("RUS", "ISR"))


def test_direction_matters_unless_symmetric():
    assert not match_root(event("ISR", "RUS"), gold("RUS", "ISR"))
    assert match_root(event("ISR", "RUS"), gold("RUS", "ISR", symmetric=True))


def test_target_alt_and_alt_cameo():
    g = gold("RUS", "ISR", "045", target_alt=["IRN"], alt_cameo=["039"])
    assert match_root(event("RUS", "IRN", "045"), g)
    assert match_root(event("RUS", "ISR", "039"), g)
    assert match_code(event("RUS", "ISR", "039"), g)
    assert not match_code(event("RUS", "ISR", "046"), g)


def test_same_country_needs_sectors():
    g = gold("IDN", "IDN", "173", source_sector="COP", target_sector="OPP")
    assert match_root(event("IDN", "IDN", "173", "COP", "OPP"), g)
    assert not match_root(event("IDN", "IDN", "173", "OPP", "COP"), g)
    assert match_root(event("IDN", "IDN", "173", "OPP", "COP"), {**g, "symmetric": True})
    assert not match_root(event("IDN", "IDN", "173", "GOV", "OPP"), g)


def test_igo_sides():
    igo = EventActor("IGOUNO", None, "IGO", "PBB")
    e = event("IDN", "ISR")
    e.source = igo
    assert match_root(e, gold("IGO", "ISR"))


def test_pairing_prefers_core_then_most_predictions():
    golds = [gold("RUS", "ISR", symmetric=True, salience="secondary"), gold("RUS", "ISR")]
    events = [event("RUS", "ISR")]
    assert pair(events, golds, match_root) == [(0, 1)]  # the core one wins
    events = [event("RUS", "ISR"), event("ISR", "RUS")]
    assert sorted(pair(events, golds, match_root)) == [(0, 1), (1, 0)]


def test_tally_secondary_is_not_a_false_positive():
    t = Tally(core_gold=4, predictions=5, core_hits=3, secondary_hits=1)
    assert (t.precision, t.recall) == (0.75, 0.75)
    assert Tally(core_gold=0, predictions=0).f1 == 1.0


@pytest.mark.parametrize("seed", range(40))
def test_assignment_is_optimal(seed):
    rng = random.Random(seed)
    rows, cols = rng.randint(1, 5), rng.randint(1, 5)
    weights = [[rng.choice([0, 0, 1, 1001]) for _ in range(cols)] for _ in range(rows)]
    got = sum(weights[r][c] for r, c in _max_weight_assignment(weights))
    best = 0
    for perm in itertools.permutations(range(max(rows, cols)), rows if rows <= cols else cols):
        if rows <= cols:
            total = sum(weights[r][c] for r, c in enumerate(perm))
        else:
            total = sum(weights[r][c] for c, r in enumerate(perm))
        best = max(best, total)
    assert got == best
