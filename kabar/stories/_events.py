"""One event reported by many articles of a story, counted once.

Two coded events are the same story event when they have the same source, target, CAMEO
code and event date (and both are negated or neither is: "did not attack" is not the
attack). A symmetric event ("X and Y agreed") matches in either direction. Each story
event keeps its mentions, the articles and the distinct outlets reporting it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class StoryEvent:
    first: dict[str, Any]  # the earliest mention (its names, Goldstein, PLOVER type)
    event_ids: list[int] = field(default_factory=list)
    articles: set[int] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)

    def row(self, story_id: int) -> dict[str, Any]:
        first = self.first
        return {
            "story_id": story_id,
            "source_code": first["source_code"],
            "source_name": first["source_name"],
            "target_code": first["target_code"],
            "target_name": first["target_name"],
            "cameo": first["cameo"],
            "cameo_root": first["cameo_root"],
            "plover_type": first["plover_type"],
            "goldstein": first["goldstein"],
            "quad_class": first["quad_class"],
            "date": first["date"],
            "negated": first["negated"],
            "symmetric": first["symmetric"],
            "mentions": len(self.event_ids),
            "articles": len(self.articles),
            "outlets": len(self.outlets),
            "first_event_id": self.event_ids[0],
        }


def event_key(event: dict[str, Any]) -> tuple:
    """What makes two coded events one story event."""
    source, target = event["source_code"], event["target_code"] or ""
    if event["symmetric"] and target and target < source:
        source, target = target, source
    return (source, target, event["cameo"], event["date"] or "", bool(event["negated"]))


def merge_events(events: Iterable[dict[str, Any]]) -> list[StoryEvent]:
    """Group event rows (each with ``article_id`` and ``outlet``), given in publication
    order, into story events, most reported first."""
    merged: dict[tuple, StoryEvent] = {}
    for event in events:
        story_event = merged.setdefault(event_key(event), StoryEvent(first=event))
        story_event.event_ids.append(event["id"])
        story_event.articles.add(event["article_id"])
        if event.get("outlet"):
            story_event.outlets.add(event["outlet"])
    return sorted(
        merged.values(), key=lambda e: (-len(e.articles), -len(e.event_ids), e.event_ids[0])
    )
