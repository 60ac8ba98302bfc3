"""Cluster stage: rewrites of one report across outlets grouped into stories, each copy's
lineage traced, and each event reported many times counted once."""

from ._builder import StoryBuilder, StoryReport
from ._events import StoryEvent, merge_events
from ._lineage import lineage_tree

__all__ = ["StoryBuilder", "StoryEvent", "StoryReport", "lineage_tree", "merge_events"]
