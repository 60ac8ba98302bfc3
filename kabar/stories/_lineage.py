"""Copy lineage inside one story: which earlier article each one most likely reuses.

Computed exactly from the texts (a story holds a few dozen articles at most), each
article against every article published before it:

* the share of its word 3-grams and of its sentences found in the earlier article;
* whether it credits the earlier article's outlet ("seperti dilansir KabarPelita");
* the share of its names and numbers found there: a heavy rewrite (a paraphrase) or a
  translation shares little wording, but keeps who, where and how many.

The parent is the earlier article it reuses most, shared wording counting before shared
names; crediting an outlet tips the choice between near-equal candidates (a light rewrite
credits the wire, and an uncredited copy of the wire is word for word as close). An
article reusing nothing earlier is an original; the story's first original is its likely
original.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..settings import StorySettings
from ._signature import anchors, sentence_keys, shingle_hashes

VERBATIM_SHARE = 0.9
CREDIT_BONUS = 0.3


@dataclass(slots=True)
class Member:
    """One article of a story, as lineage needs it."""

    article_id: int
    text: str
    language: str | None
    outlet: str | None
    cited_sources: list[str]
    sort_key: str
    shingles: set[int] = field(default_factory=set)
    sentences: set[str] = field(default_factory=set)
    names: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.shingles = shingle_hashes(self.text)
        self.sentences = sentence_keys(self.text)
        self.names = anchors(self.text)


@dataclass(frozen=True, slots=True)
class Parent:
    article_id: int | None
    reuse: str  # original | verbatim | rewrite | paraphrase | translation
    shingle_share: float
    sentence_share: float
    names_share: float
    credits_parent: bool


ORIGINAL = Parent(None, "original", 0.0, 0.0, 0.0, False)


def lineage(members: list[Member], rules: StorySettings, start: int = 0) -> dict[int, Parent]:
    """The parents of the members from position ``start`` on, in publication order (ties
    by article id); each is compared with every member before it."""
    ordered = sorted(members, key=lambda m: m.sort_key)
    return {
        member.article_id: _parent(member, ordered[:position], rules)
        for position, member in enumerate(ordered)
        if position >= start
    }


def _parent(member: Member, earlier: list[Member], rules: StorySettings) -> Parent:
    found = [p for p in (_reuse(member, candidate, rules) for candidate in earlier) if p]
    return max(found, key=_preference, default=ORIGINAL)


def _preference(found: Parent) -> float:
    """Shared wording first (the more the better), then shared names in the same language
    (a paraphrase), then in another (a translation); a credit to the candidate's outlet
    lifts it, enough to choose between copies of one text but not over a closer copy."""
    if found.reuse in ("verbatim", "rewrite"):
        score = 1.0 + found.shingle_share
    elif found.reuse == "paraphrase":
        score = 0.5 + found.names_share / 4
    else:
        score = found.names_share / 4
    return score + (CREDIT_BONUS if found.credits_parent else 0.0)


def _reuse(member: Member, candidate: Member, rules: StorySettings) -> Parent | None:
    """How much ``member`` reuses ``candidate``, or None when it does not."""
    credits = bool(candidate.outlet) and candidate.outlet in member.cited_sources
    names = _share(member.names, candidate.names)
    if member.language == candidate.language:
        share = _share(member.shingles, candidate.shingles)
        sentences = _share(member.sentences, candidate.sentences)
        if share >= rules.parent_min_share or (credits and share > 0.0):
            kind = "verbatim" if share >= VERBATIM_SHARE else "rewrite"
            return Parent(candidate.article_id, kind, share, sentences, names, credits)
        kind = "paraphrase"
    else:
        share = sentences = 0.0
        kind = "translation"
    if names < rules.translation_min_names:
        return None
    return Parent(candidate.article_id, kind, share, sentences, names, credits)


def _share(part: set | frozenset, whole: set | frozenset) -> float:
    return len(part & whole) / len(part) if part else 0.0


def lineage_tree(articles: list[dict]) -> list[dict]:
    """A story's articles (as ``Store.story`` lists them, in publication order) nested
    under their parents: the roots are the originals, the first one the likely original."""
    nodes = {a["id"]: {"article": a, "copies": []} for a in articles}
    roots = []
    for article in articles:
        parent = nodes.get(article["parent_article_id"])
        (parent["copies"] if parent else roots).append(nodes[article["id"]])
    return roots
