"""Live monitoring: poll feeds and front pages, ingest only what is new (``kabar watch``)."""

from ._links import LinkRules, article_links
from ._log import JsonLines, log_to
from ._poller import RoundReport, SourceReport, Watcher, watch
from ._sources import Source, parse_interval, parse_sources, read_sources
from ._state import SourceState, WatchState

__all__ = [
    "JsonLines",
    "LinkRules",
    "RoundReport",
    "Source",
    "SourceReport",
    "SourceState",
    "WatchState",
    "Watcher",
    "article_links",
    "log_to",
    "parse_interval",
    "parse_sources",
    "read_sources",
    "watch",
]
