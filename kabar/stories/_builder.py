"""The story stage: each new article joins the story of the articles it is linked to.

For every new article, in publication order:

1. build its signature (MinHash of word 3-grams, names and numbers) and store it with its
   look-up keys (MinHash bands and names, with the publication day);
2. find candidates: articles within the time window sharing a band or enough names;
3. test each candidate with the link rules (``_links.link``);
4. no link: a new story. Links into one story: join it. Links into several: the stories
   merge into the oldest one (lowest id), because the article shows they are one.
   A story spans at most ``stories.window_days``: a link to a story that would then
   span more is not followed (strongest links are followed first).

The stories are the connected groups of linked articles, so which articles end up
together does not depend on the order of arrival; only the story numbers do (a merge
keeps the lowest). The one exception is a chain of links longer than the window (a
recurring report), which is cut where the window ends, at a place that can depend on
the order. Afterwards each story touched gets its lineage, merged events and
summary recomputed from its articles, so they are always current.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from datasketch.lsh import _optimal_param

from ..settings import Settings
from ..store import Store
from ..store import _stories as queries
from ._events import merge_events
from ._lineage import Member, Parent, lineage
from ._links import Link, link
from ._signature import Signature, band_keys, lookup_names, signature

# An article is compared with those sharing at least this share of its names (or
# stories.candidate_names, if more): a link needs far more than that (Dice >= 0.3).
CANDIDATE_SHARE = 0.15


@dataclass
class StoryReport:
    """What one clustering run did."""

    articles: int = 0
    new_stories: int = 0
    joined: int = 0
    merges: int = 0
    touched: set[int] = field(default_factory=set)

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "new_stories": self.new_stories,
            "joined": self.joined,
            "merges": self.merges,
            "stories_updated": len(self.touched),
        }


class StoryBuilder:
    """Groups stored articles into stories, incrementally."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.rules = settings.stories
        threshold = self.rules.lsh_threshold
        self.bands, self.rows = _optimal_param(threshold, self.rules.num_perm, 0.5, 0.5)

    def add(self, article_ids: Iterable[int] | None = None, chunk: int = 500) -> StoryReport:
        """Put the given articles (default: every article not in a story yet) in stories.

        Works through them ``chunk`` at a time, each chunk one transaction, so memory stays
        flat however many articles wait and a crash loses one chunk's work at most.
        """
        report = StoryReport()
        with self.store.transaction() as connection:
            waiting = queries.unassigned_ids(connection, article_ids)
        for start in range(0, len(waiting), chunk):
            ids = waiting[start : start + chunk]
            touched: dict[int, str] = {}  # story -> sort key of its earliest new article
            with self.store.transaction() as connection, queries.grouping_session(connection):
                rows = queries.article_rows(connection, ids)
                actors = queries.actor_codes(connection, ids)
                signatures = [self._signature(row, actors.get(row["id"], ())) for row in rows]
                for sig in sorted(signatures, key=lambda s: s.sort_key):
                    self._place(connection, sig, report, touched)
                for story_id in sorted(touched):
                    self._refresh(connection, story_id, touched[story_id])
            report.articles += len(signatures)
            report.touched |= set(touched)
        return report

    def rebuild(self) -> StoryReport:
        """Forget all stories and group every article again."""
        with self.store.transaction() as connection:
            queries.clear_stories(connection)
        return self.add()

    # -- placing one article ----------------------------------------------------------------

    def _signature(self, row: dict, actors: Iterable[str]) -> Signature:
        return signature(
            row["id"],
            row["text"],
            row["language"],
            row["published"],
            row["published_at"],
            self.rules.num_perm,
            outlet=row["outlet"],
            actors=actors,
        )

    def _place(
        self, connection, sig: Signature, report: StoryReport, touched: dict[int, str]
    ) -> None:
        names = lookup_names(sig.names)
        keys = band_keys(sig.minhash, self.bands, self.rows) + [f"n:{n}" for n in names]
        linked: list[tuple[Link, int, int]] = []  # (link, article, story)
        candidates = queries.candidate_ids(
            connection,
            sig.article_id,
            sig.day,
            keys,
            self.rules.window_days,
            max(self.rules.candidate_names, math.ceil(CANDIDATE_SHARE * len(names))),
        )
        for row in queries.signature_rows(connection, candidates) if candidates else []:
            found = link(sig, _stored_signature(row), self.rules)
            if found is not None:
                linked.append((found, row["article_id"], row["story_id"]))
        queries.add_keys(connection, sig.article_id, sig.day, keys)
        story_ids = self._joinable(connection, sig, linked)
        linked = [item for item in linked if item[2] in story_ids]
        if story_ids:
            story_id = story_ids[0]
            queries.merge_stories(connection, story_id, story_ids[1:])
            for gone in story_ids[1:]:
                touched.pop(gone, None)
            report.touched.difference_update(story_ids[1:])
            report.merges += len(story_ids) - 1
            report.joined += 1
            if len(story_ids) > 1:
                touched[story_id] = ""  # merged: every article may have a new parent
        else:
            story_id = queries.new_story(connection)
            report.new_stories += 1
        touched[story_id] = min(touched.get(story_id, sig.sort_key), sig.sort_key)
        strongest = max(linked, key=lambda item: (item[0].score, -item[1]), default=None)
        queries.add_member(
            connection,
            {
                "article_id": sig.article_id,
                "story_id": story_id,
                "linked_to": strongest[1] if strongest else None,
                "link": strongest[0].kind if strongest else None,
                "link_score": round(strongest[0].score, 4) if strongest else None,
                "language": sig.language,
                "day": sig.day,
                "sort_key": sig.sort_key,
                "minhash": sig.minhash.tobytes(),
                "shingles": sig.shingles,
                "names": json.dumps(sorted(sig.names), ensure_ascii=False),
            },
        )

    def _joinable(
        self, connection, sig: Signature, linked: list[tuple[Link, int, int]]
    ) -> list[int]:
        """The stories the article joins (merged into the lowest id): those it links to,
        strongest link first, as long as the story they make spans at most the window.
        Links alone would chain recurring reports (a daily market report, a weekly
        briefing) into one story over months, each copy a day or two from the last."""
        strongest_first = sorted(linked, key=lambda item: (-item[0].score, item[1]))
        candidates = list(dict.fromkeys(story for _, _, story in strongest_first))
        if sig.day < 0 or not candidates:
            return sorted(candidates)
        spans = queries.story_spans(connection, candidates)
        low = high = sig.day
        kept = []
        for story in candidates:
            first, last = spans.get(story, (low, high))
            if max(high, last) - min(low, first) <= self.rules.window_days:
                kept.append(story)
                low, high = min(low, first), max(high, last)
        return sorted(kept)

    # -- refreshing a story ------------------------------------------------------------------

    def _refresh(self, connection, story_id: int, since: str) -> None:
        """Recompute a story: the parents of its articles published from ``since`` on
        (earlier ones cannot reuse what came after them), its merged events, its summary."""
        rows = queries.members(connection, story_id)
        start = next((i for i, row in enumerate(rows) if row["sort_key"] >= since), len(rows))
        fresh = lineage([_member(row) for row in rows], self.rules, start=start)
        queries.set_parents(connection, fresh)
        parents = {row["id"]: _stored_parent(row) for row in rows[:start]} | fresh
        merged = merge_events(queries.member_events(connection, story_id))
        queries.replace_story_events(connection, story_id, merged)
        queries.update_story(connection, story_id, _summary(rows, parents, len(merged)))


def _stored_parent(row: dict) -> Parent:
    return Parent(
        row["parent_article_id"],
        row["reuse"] or "original",
        row["shingle_share"] or 0.0,
        row["sentence_share"] or 0.0,
        row["names_share"] or 0.0,
        bool(row["credits_parent"]),
    )


def _stored_signature(row: dict) -> Signature:
    return Signature(
        article_id=row["article_id"],
        language=row["language"],
        day=row["day"],
        sort_key=row["sort_key"],
        minhash=np.frombuffer(row["minhash"], dtype=np.uint32),
        shingles=row["shingles"],
        names=frozenset(json.loads(row["names"])),
    )


def _member(row: dict) -> Member:
    return Member(
        article_id=row["id"],
        text=row["text"],
        language=row["language"],
        outlet=row["outlet"],
        cited_sources=row["cited_sources"],
        sort_key=row["sort_key"],
    )


def _summary(rows: list[dict], parents: dict, n_events: int) -> dict:
    """Title and likely original (the first article reusing nothing earlier), what the
    original credits that is not in the story (the wire upstream), dates and counts."""
    original = next(row for row in rows if parents[row["id"]].article_id is None)
    outlets = {row["outlet"] for row in rows if row["outlet"]}
    days = [row["published"] for row in rows if row["published"]]
    return {
        "title": original["title"],
        "original_article_id": original["id"],
        "upstream": [s for s in original["cited_sources"] if s not in outlets],
        "first_published": min(days) if days else None,
        "last_published": max(days) if days else None,
        "articles": len(rows),
        "outlets": len(outlets),
        "languages": sorted({row["language"] for row in rows if row["language"]}),
        "events": n_events,
    }
