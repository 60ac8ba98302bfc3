"""Page helpers: chart data, the article text cut into highlighted segments, related stories."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Integer, Select, bindparam, func, or_, select

from ..store._queries import records
from ..store._schema import articles, events, stories, story_articles
from ..store._stories import story_record

RELATED_DAYS = 7


def chart(kind: str, series: dict[str, list[tuple[str, float]]], stacked: bool = False) -> dict:
    """Data for one chart (Chart.js draws it; the page also shows it as a table).

    ``series`` maps a label to (day, value) pairs; days missing from a series are 0.
    """
    days = sorted({day for points in series.values() for day, _ in points})
    datasets = []
    for label, points in series.items():
        values = dict(points)
        datasets.append({"label": label, "data": [_number(values.get(day, 0)) for day in days]})
    return {"kind": kind, "labels": days, "datasets": datasets, "stacked": stacked}


def _number(value: Any) -> float:
    return round(float(value or 0), 2)


def article_segments(
    article: dict[str, Any], event_rows: list[dict], mentions: list, with_page: set[str]
) -> list[dict[str, Any]]:
    """The article's text cut into segments: plain text, actor mentions (linked when the
    actor has a page, i.e. events in the store) and event evidence (marked with the events
    it supports). The template escapes every segment; offsets come from the coder and the
    gazetteer."""
    text = article["text"]
    evidence: dict[int, list[int]] = {}
    for event in event_rows:
        for position in range(event["evidence_start"], min(event["evidence_end"], len(text))):
            evidence.setdefault(position, []).append(event["id"])
    actor_at: dict[int, tuple[int, str, str]] = {}
    for mention in mentions:
        actor_at[mention.start] = (mention.end, mention.actor.code, mention.actor.name)
    segments: list[dict[str, Any]] = []
    position = 0
    while position < len(text):
        if position in actor_at:
            end, code, name = actor_at[position]
            segments.append(
                {
                    "text": text[position:end],
                    "actor": code,
                    "title": name,
                    "linked": code in with_page,
                    "events": evidence.get(position, []),
                }
            )
            position = end
            continue
        end = position + 1
        while (
            end < len(text) and end not in actor_at and evidence.get(end) == evidence.get(position)
        ):
            end += 1
        segments.append(
            {"text": text[position:end], "actor": None, "events": evidence.get(position, [])}
        )
        position = end
    return segments


def related_stories(
    connection: Connection,
    article: dict[str, Any],
    event_rows: list[dict],
    provenance: dict | None,
    limit: int = 5,
) -> list[dict[str, Any]]:
    """ "Baca juga": other stories within a week whose events name the same actors, most
    shared actors first."""
    values = related_stories_values(article, event_rows, provenance, limit)
    if values is None:
        return []
    return [story_record(row) for row in records(connection.execute(RELATED_STORIES, values))]


def related_stories_values(
    article: dict[str, Any], event_rows: list[dict], provenance: dict | None, limit: int = 5
) -> dict[str, Any] | None:
    """The values of `RELATED_STORIES` for one article; None when it has no actors or date."""
    codes = {e["source_code"] for e in event_rows} | {
        e["target_code"] for e in event_rows if e["target_code"]
    }
    if not codes or not article.get("published"):
        return None
    day = date.fromisoformat(article["published"][:10])
    return {
        "low": (day - timedelta(days=RELATED_DAYS)).isoformat(),
        "high": (day + timedelta(days=RELATED_DAYS)).isoformat() + "\uffff",
        "own": provenance["story_id"] if provenance else -1,
        "codes": sorted(codes),
        "limit": limit,
    }


def _related_stories() -> Select:
    """Stories ranked by the actors their week's events share with an article: from the
    week's articles (published index) to their events naming these actors, read from
    ix_events_article, which holds the codes. Built once with placeholders: building it
    per page took as long as running it."""
    codes = bindparam("codes", expanding=True)
    in_week = select(articles.c.id).where(
        articles.c.published >= bindparam("low"), articles.c.published <= bindparam("high")
    )
    shared = func.count(func.distinct(events.c.source_code)).label("shared")
    ranked = (
        select(story_articles.c.story_id, shared)
        .join(events, events.c.article_id == story_articles.c.article_id)
        .where(
            events.c.article_id.in_(in_week),
            or_(events.c.source_code.in_(codes), events.c.target_code.in_(codes)),
            story_articles.c.story_id != bindparam("own"),
        )
        .group_by(story_articles.c.story_id)
        .subquery()
    )
    return (
        select(stories)
        .join(ranked, ranked.c.story_id == stories.c.id)
        .order_by(ranked.c.shared.desc(), stories.c.first_published.desc(), stories.c.id.desc())
        .limit(bindparam("limit", type_=Integer))
    )


RELATED_STORIES = _related_stories()
