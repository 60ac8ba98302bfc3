"""When do two articles report the same story? Three kinds of link, tried in order.

Each link is a symmetric test on two signatures, so the stories (the connected groups of
linked articles) do not depend on the order in which articles arrive.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..settings import StorySettings
from ._signature import Signature

# A short copy mostly made of a longer article's sentences is a near-duplicate too.
NEAR_CONTAINMENT = 0.8


@dataclass(frozen=True, slots=True)
class Link:
    kind: str  # near-duplicate | rewrite | same facts
    score: float


def link(a: Signature, b: Signature, rules: StorySettings) -> Link | None:
    """The strongest link between two articles, or None when they are separate stories.

    An article without a publication date can only be a near-duplicate: nothing else says
    that it belongs to this week's story rather than last year's.
    """
    undated = a.day < 0 or b.day < 0
    if not undated and abs(a.day - b.day) > rules.window_days:
        return None
    jaccard = a.jaccard(b) if a.language == b.language else 0.0
    if jaccard >= rules.near_duplicate or (
        jaccard >= rules.rewrite_jaccard and a.containment(b) >= NEAR_CONTAINMENT
    ):
        return Link("near-duplicate", jaccard)
    if undated:
        return None
    dice, shared = a.names_dice(b)
    if jaccard >= rules.rewrite_jaccard and dice >= rules.rewrite_names:
        return Link("rewrite", jaccard + dice)
    # In one language a heavy rewrite keeps most names; topical neighbours (two match
    # reports on the same league) share many too, so the bar is higher than across languages.
    needed = rules.same_facts_names if a.language != b.language else rules.paraphrase_names
    if (
        dice >= needed
        and shared >= rules.same_facts_shared
        and abs(a.day - b.day) <= rules.same_facts_days
    ):
        return Link("same facts", dice)
    return None
