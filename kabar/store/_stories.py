"""Queries of the story stage: signatures, candidate look-ups, stories and their events.

Writers receive the connection of the caller's transaction, so that one batch of articles
joins its stories, and their lineage and merged events are refreshed, all or nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, case, delete, func, insert, select, text, update

from ._queries import records
from ._schema import (
    articles,
    events,
    key_bucket,
    stories,
    story_articles,
    story_event_mentions,
    story_events,
    story_keys,
)

_MEMBER_COLUMNS = (
    articles.c.id,
    articles.c.title,
    articles.c.text,
    articles.c.language,
    articles.c.outlet,
    articles.c.url,
    articles.c.cited_sources,
    articles.c.published,
    articles.c.published_at,
)


@contextmanager
def grouping_session(connection: Connection, megabytes: int = 64) -> Iterator[None]:
    """Ready one transaction of the story stage for its many index look-ups.

    SQLite: a large page cache, as the look-ups walk large indexes (20k articles group
    1.3x faster than with the 2 MiB default), set back after so that pooled connections
    (the web server's) stay small. PostgreSQL: fresh planner statistics for the look-up
    tables once they have grown by half since last analysed; a table that looked empty
    then (any new database) is otherwise scanned whole for every article, 40 times slower
    than its index at 50k keys, until autovacuum gets to it."""
    if connection.dialect.name == "postgresql":
        stale = connection.execute(_STALE_STATISTICS).scalars().all()
        if stale:
            connection.exec_driver_sql("ANALYZE " + ", ".join(stale))
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size=-{int(megabytes) * 1024}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


_STALE_STATISTICS = text(
    "SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid"
    " WHERE s.relname IN ('story_keys', 'story_articles')"
    " AND s.n_mod_since_analyze > 1000 + 0.5 * greatest(c.reltuples, 0)"
)


def unassigned_ids(connection: Connection, ids: Iterable[int] | None = None) -> list[int]:
    """Articles (of ``ids``, or all) not yet in a story, by id."""
    query = (
        select(articles.c.id)
        .outerjoin(story_articles, story_articles.c.article_id == articles.c.id)
        .where(story_articles.c.article_id.is_(None))
        .order_by(articles.c.id)
    )
    if ids is not None:
        query = query.where(articles.c.id.in_(list(ids)))
    return list(connection.execute(query).scalars())


def article_rows(connection: Connection, ids: Iterable[int]) -> list[dict[str, Any]]:
    rows = connection.execute(select(*_MEMBER_COLUMNS).where(articles.c.id.in_(list(ids))))
    return [_decoded(row) for row in rows.mappings()]


def actor_codes(connection: Connection, ids: Iterable[int]) -> dict[int, set[str]]:
    """The actor codes each article's events name, as sources or targets."""
    query = select(events.c.article_id, events.c.source_code, events.c.target_code).where(
        events.c.article_id.in_(list(ids))
    )
    found: dict[int, set[str]] = {}
    for row in connection.execute(query):
        codes = found.setdefault(row.article_id, set())
        codes.update(code for code in (row.source_code, row.target_code) if code)
    return found


def add_keys(connection: Connection, article_id: int, day: int, keys: Iterable[str]) -> None:
    bucket = key_bucket(day)
    rows = [{"key": key, "day": day, "article_id": article_id, "bucket": bucket} for key in keys]
    if rows:
        connection.execute(insert(story_keys), rows)


def candidate_ids(
    connection: Connection,
    article_id: int,
    day: int,
    keys: list[str],
    window_days: int,
    min_names: int,
) -> list[int]:
    """Articles within the window sharing a MinHash band, or at least ``min_names`` names.

    Undated articles (day -1) can only be near-duplicates: they are looked up by their
    bands at any date, and found by every dated article's bands.
    """
    bands = [key for key in keys if key.startswith("b")]
    if day < 0:
        if not bands:
            return []
        found = connection.execute(
            _BANDS_IN_BUCKETS,
            {"keys": bands, "me": article_id, "buckets": _all_buckets(connection)},
        )
        return sorted(set(found.scalars()))
    low, high = day - window_days, day + window_days
    in_window = connection.execute(
        _IN_WINDOW,
        {
            "keys": keys,
            "buckets": list(range(key_bucket(max(low, 0)), key_bucket(high) + 1)),
            "low": low,
            "high": high,
            "me": article_id,
            "min_names": min_names,
        },
    ).scalars()
    undated = connection.execute(
        _BANDS_IN_BUCKETS, {"keys": bands, "me": article_id, "buckets": [-1]}
    ).scalars()
    return sorted(set(in_window) | set(undated)) if keys else []


def _all_buckets(connection: Connection) -> list[int]:
    """The undated bucket and every bucket that holds keys, by one index seek each (the
    bucket leads the index): an archive spanning years holds far fewer than its range."""
    return [-1] + list(connection.execute(_DATED_BUCKETS).scalars())


_DATED_BUCKETS = text(
    "WITH RECURSIVE present(bucket) AS ("
    " SELECT min(bucket) FROM story_keys WHERE bucket >= 0"
    " UNION ALL"
    " SELECT (SELECT min(bucket) FROM story_keys WHERE bucket > present.bucket)"
    " FROM present WHERE present.bucket IS NOT NULL"
    ") SELECT bucket FROM present WHERE bucket IS NOT NULL"
)


# Built once with bound parameters, so SQLAlchemy caches their compiled form; each seeks
# the (bucket, key, day) index once per bucket and key, which an OR across the two cases
# would not.
_KEY_IN = story_keys.c.key.in_(bindparam("keys", expanding=True))
_BUCKET_IN = story_keys.c.bucket.in_(bindparam("buckets", expanding=True))
_NOT_ME = story_keys.c.article_id != bindparam("me")
_IN_WINDOW = (
    select(story_keys.c.article_id)
    .where(
        _BUCKET_IN,
        _KEY_IN,
        story_keys.c.day.between(bindparam("low"), bindparam("high")),
        _NOT_ME,
    )
    .group_by(story_keys.c.article_id)
    # a shared band counts as many names: either is enough to be compared
    .having(
        func.sum(case((story_keys.c.key.like("b%"), bindparam("min_names")), else_=1))
        >= bindparam("min_names")
    )
)
_BANDS_IN_BUCKETS = select(story_keys.c.article_id).where(_BUCKET_IN, _KEY_IN, _NOT_ME)


_SIGNATURES = select(
    story_articles.c.article_id,
    story_articles.c.story_id,
    story_articles.c.language,
    story_articles.c.day,
    story_articles.c.sort_key,
    story_articles.c.minhash,
    story_articles.c.shingles,
    story_articles.c.names,
).where(story_articles.c.article_id.in_(bindparam("ids", expanding=True)))


def signature_rows(connection: Connection, ids: Iterable[int]) -> list[dict[str, Any]]:
    rows = connection.execute(_SIGNATURES, {"ids": list(ids)}).mappings()
    return [dict(row) for row in rows]


def story_spans(connection: Connection, story_ids: list[int]) -> dict[int, tuple[int, int]]:
    """story -> (first, last) publication day of its dated articles."""
    rows = connection.execute(
        select(
            story_articles.c.story_id,
            func.min(story_articles.c.day),
            func.max(story_articles.c.day),
        )
        .where(story_articles.c.story_id.in_(story_ids), story_articles.c.day >= 0)
        .group_by(story_articles.c.story_id)
    )
    return {story: (first, last) for story, first, last in rows}


def new_story(connection: Connection) -> int:
    return connection.execute(insert(stories).values(updated_at=_now())).inserted_primary_key[0]


def add_member(connection: Connection, row: dict[str, Any]) -> None:
    connection.execute(insert(story_articles).values(**row))


def merge_stories(connection: Connection, into: int, others: Iterable[int]) -> None:
    """Move every article of ``others`` into story ``into`` and drop the emptied stories."""
    others = [story for story in others if story != into]
    if not others:
        return
    connection.execute(
        update(story_articles).where(story_articles.c.story_id.in_(others)).values(story_id=into)
    )
    _drop_story_events(connection, others)
    connection.execute(delete(stories).where(stories.c.id.in_(others)))


def members(connection: Connection, story_id: int) -> list[dict[str, Any]]:
    """A story's articles in publication order, with their stored lineage."""
    query = (
        select(*_MEMBER_COLUMNS, story_articles.c.sort_key, *_LINEAGE)
        .join(story_articles, story_articles.c.article_id == articles.c.id)
        .where(story_articles.c.story_id == story_id)
        .order_by(story_articles.c.sort_key)
    )
    return [_decoded(row) for row in connection.execute(query).mappings()]


def set_parents(connection: Connection, parents: dict[int, Any]) -> None:
    for article_id, parent in parents.items():
        connection.execute(
            update(story_articles)
            .where(story_articles.c.article_id == article_id)
            .values(
                parent_article_id=parent.article_id,
                reuse=parent.reuse,
                shingle_share=round(parent.shingle_share, 4),
                sentence_share=round(parent.sentence_share, 4),
                names_share=round(parent.names_share, 4),
                credits_parent=parent.credits_parent,
            )
        )


def member_events(connection: Connection, story_id: int) -> list[dict[str, Any]]:
    """The events of a story's articles, in publication order, each with its outlet."""
    query = (
        select(events, articles.c.outlet)
        .join(articles, articles.c.id == events.c.article_id)
        .join(story_articles, story_articles.c.article_id == events.c.article_id)
        .where(story_articles.c.story_id == story_id)
        .order_by(story_articles.c.sort_key, events.c.id)
    )
    return records(connection.execute(query))


def replace_story_events(connection: Connection, story_id: int, merged: list) -> None:
    _drop_story_events(connection, [story_id])
    for story_event in merged:
        new_id = connection.execute(
            insert(story_events).values(**story_event.row(story_id))
        ).inserted_primary_key[0]
        connection.execute(
            insert(story_event_mentions),
            [{"story_event_id": new_id, "event_id": e} for e in story_event.event_ids],
        )


def update_story(connection: Connection, story_id: int, summary: dict[str, Any]) -> None:
    values = dict(summary)
    values["upstream"] = json.dumps(values.get("upstream", []), ensure_ascii=False)
    values["languages"] = json.dumps(values.get("languages", []))
    values["updated_at"] = _now()
    connection.execute(update(stories).where(stories.c.id == story_id).values(**values))


def clear_stories(connection: Connection) -> None:
    """Forget every story (before a rebuild); articles and events stay."""
    for table in (story_event_mentions, story_events, story_keys, story_articles, stories):
        connection.execute(delete(table))


def _drop_story_events(connection: Connection, story_ids: list[int]) -> None:
    doomed = select(story_events.c.id).where(story_events.c.story_id.in_(story_ids))
    connection.execute(
        delete(story_event_mentions).where(story_event_mentions.c.story_event_id.in_(doomed))
    )
    connection.execute(delete(story_events).where(story_events.c.story_id.in_(story_ids)))


def _decoded(row) -> dict[str, Any]:
    record = dict(row)
    if "cited_sources" in record:
        record["cited_sources"] = json.loads(record["cited_sources"] or "[]")
    return record


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- reading ------------------------------------------------------------------------------


def list_stories(
    connection: Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    language: str | None = None,
    outlet: str | None = None,
    min_articles: int = 1,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Stories newest first (then by id), with their counts."""
    query = select(stories).where(stories.c.articles >= min_articles)
    if since:
        query = query.where(stories.c.last_published >= since)
    if until:
        query = query.where(stories.c.first_published <= until + "\uffff")
    if language:
        query = query.where(stories.c.languages.like(f'%"{language}"%'))
    if outlet:
        members_of_outlet = (
            select(story_articles.c.story_id)
            .join(articles, articles.c.id == story_articles.c.article_id)
            .where(func.lower(articles.c.outlet) == outlet.lower())
        )
        query = query.where(stories.c.id.in_(members_of_outlet))
    query = query.order_by(stories.c.first_published.desc().nulls_last(), stories.c.id.desc())
    rows = records(connection.execute(query.limit(limit).offset(offset)))
    return [story_record(row) for row in rows]


def story_detail(connection: Connection, story_id: int) -> dict[str, Any] | None:
    """A story with its articles (in publication order, with lineage) and merged events."""
    row = connection.execute(select(stories).where(stories.c.id == story_id)).mappings().first()
    if row is None:
        return None
    story = story_record(row)
    query = (
        select(
            articles.c.id,
            articles.c.title,
            articles.c.outlet,
            articles.c.url,
            articles.c.published,
            articles.c.published_at,
            articles.c.language,
            articles.c.cited_sources,
            *_LINEAGE,
            story_articles.c.linked_to,
            story_articles.c.link,
            story_articles.c.link_score,
        )
        .join(story_articles, story_articles.c.article_id == articles.c.id)
        .where(story_articles.c.story_id == story_id)
        .order_by(story_articles.c.sort_key)
    )
    story["articles_list"] = [_decoded(r) for r in records(connection.execute(query))]
    story["events_list"] = _story_events(connection, story_id)
    return story


# What lineage says of one article: its parent, the kind and shares of reuse, the credit.
_LINEAGE = (
    story_articles.c.parent_article_id,
    story_articles.c.reuse,
    story_articles.c.shingle_share,
    story_articles.c.sentence_share,
    story_articles.c.names_share,
    story_articles.c.credits_parent,
)


def provenance(connection: Connection, article_id: int) -> dict[str, Any] | None:
    """An article's story and lineage: its parent, how much it reuses, whether it credits it."""
    query = select(story_articles.c.story_id, *_LINEAGE).where(
        story_articles.c.article_id == article_id
    )
    row = connection.execute(query).mappings().first()
    return dict(row) if row else None


def story_of(connection: Connection, article_id: int) -> int | None:
    query = select(story_articles.c.story_id).where(story_articles.c.article_id == article_id)
    return connection.execute(query).scalar()


def count_stories(connection: Connection) -> int:
    return connection.execute(select(func.count()).select_from(stories)).scalar_one()


def _story_events(connection: Connection, story_id: int) -> list[dict[str, Any]]:
    merged = records(
        connection.execute(
            select(story_events)
            .where(story_events.c.story_id == story_id)
            .order_by(story_events.c.articles.desc(), story_events.c.id)
        )
    )
    mentions = connection.execute(
        select(
            story_event_mentions.c.story_event_id,
            events.c.id,
            events.c.article_id,
            events.c.evidence,
            events.c.evidence_start,
            events.c.evidence_end,
        )
        .join(events, events.c.id == story_event_mentions.c.event_id)
        .where(story_event_mentions.c.story_event_id.in_([e["id"] for e in merged]))
        .order_by(events.c.id)
    ).mappings()
    by_story_event: dict[int, list] = {}
    for mention in mentions:
        by_story_event.setdefault(mention["story_event_id"], []).append(
            {
                "event_id": mention["id"],
                "article_id": mention["article_id"],
                "evidence": mention["evidence"],
                "start": mention["evidence_start"],
                "end": mention["evidence_end"],
            }
        )
    for story_event in merged:
        story_event["mentions_list"] = by_story_event.get(story_event["id"], [])
    return merged


def story_record(row) -> dict[str, Any]:
    record = dict(row)
    record["upstream"] = json.loads(record["upstream"] or "[]")
    record["languages"] = json.loads(record["languages"] or "[]")
    return record
