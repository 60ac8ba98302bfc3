"""Watch state in the store: each source's last poll and the entries it has shown.

Kept in the database next to the articles (tables of migration 9) so that a restarted
watcher goes on where it stopped: conditional GETs with the stored validators, no entry
fetched twice, the backoff of failing sources remembered. Portable SQLAlchemy Core only,
as the store runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select

from ..store import Store
from ..store._schema import articles, watch_seen, watch_sources
from ._sources import Source

_IN_CHUNK = 500  # keys per IN (...) list, well under every database's parameter limit


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def stamp(moment: datetime) -> str:
    """How times are stored: ISO 8601 UTC to the second, like the rest of the store."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class SourceState:
    """A watched source as the store remembers it."""

    id: int
    url: str
    kind: str
    etag: str | None
    last_modified: str | None
    last_polled_at: str | None
    last_status: str | None
    last_error: str | None
    consecutive_failures: int
    next_poll_at: str | None

    def conditional_headers(self) -> dict[str, str]:
        """Headers asking the server to answer 304 if nothing changed since the last poll."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers

    def backing_off(self, now: datetime) -> bool:
        return self.next_poll_at is not None and stamp(now) < self.next_poll_at


@dataclass(frozen=True, slots=True)
class EntryResult:
    """What became of one entry in a poll: an article, or why not (``done``: never retry)."""

    key: str
    article_id: int | None
    error: str | None
    done: bool


@dataclass(frozen=True, slots=True)
class PollResult:
    """What the store keeps of one poll of a source."""

    status: str  # new | unchanged | failed
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    keep_validators: bool = False  # a failed poll leaves the last good validators alone


class WatchState:
    """Reads and writes the watch tables through the store's engine."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def register(self, sources: Sequence[Source], now: datetime) -> dict[str, SourceState]:
        """Make sure every source has a row (its kind as SOURCES.txt now says); return them."""
        with self.store.transaction() as connection:
            known = {s.url: s for s in _states(connection, [s.url for s in sources])}
            for source in sources:
                state = known.get(source.url)
                if state is None:
                    connection.execute(
                        watch_sources.insert().values(
                            url=source.url,
                            kind=source.kind,
                            consecutive_failures=0,
                            added_at=stamp(now),
                        )
                    )
                elif state.kind != source.kind:
                    connection.execute(
                        watch_sources.update()
                        .where(watch_sources.c.id == state.id)
                        .values(kind=source.kind, etag=None, last_modified=None)
                    )
            return {s.url: s for s in _states(connection, [s.url for s in sources])}

    def source(self, url: str) -> SourceState | None:
        with self.store.engine.connect() as connection:
            states = _states(connection, [url])
        return states[0] if states else None

    def sources(self) -> list[SourceState]:
        """Every source ever watched, in the order they were first added."""
        with self.store.engine.connect() as connection:
            rows = connection.execute(select(watch_sources).order_by(watch_sources.c.id))
            return [_state(row._mapping) for row in rows]

    def entries(self, source_id: int, keys: Iterable[str]) -> dict[str, tuple[bool, int]]:
        """For the given entry keys already seen: (done, attempts so far)."""
        with self.store.engine.connect() as connection:
            return _entries(connection, source_id, keys)

    def stored_urls(self, url_keys: Iterable[str]) -> dict[str, int]:
        """The latest article stored under each of these URL keys (see ``store.url_key``)."""
        found: dict[str, int] = {}
        keys = list(dict.fromkeys(url_keys))
        with self.store.engine.connect() as connection:
            for start in range(0, len(keys), _IN_CHUNK):
                rows = connection.execute(
                    select(articles.c.url_key, func.max(articles.c.id))
                    .where(articles.c.url_key.in_(keys[start : start + _IN_CHUNK]))
                    .group_by(articles.c.url_key)
                )
                found.update({key: article_id for key, article_id in rows})
        return found

    def record_entries(self, source_id: int, results: Sequence[EntryResult], now: datetime) -> None:
        """Remember each entry's outcome; a failed one counts one more attempt."""
        if not results:
            return
        with self.store.transaction() as connection:
            known = _entries(connection, source_id, [r.key for r in results])
            for result in results:
                attempts = known.get(result.key, (False, 0))[1] + 1
                values: dict[str, Any] = {
                    "article_id": result.article_id,
                    "attempts": attempts,
                    "done": result.done,
                    "last_error": result.error,
                }
                if result.key in known:
                    connection.execute(
                        watch_seen.update()
                        .where(
                            watch_seen.c.source_id == source_id,
                            watch_seen.c.entry_key == result.key,
                        )
                        .values(**values)
                    )
                else:
                    connection.execute(
                        watch_seen.insert().values(
                            source_id=source_id,
                            entry_key=result.key,
                            first_seen_at=stamp(now),
                            **values,
                        )
                    )

    def record_poll(
        self, state: SourceState, result: PollResult, now: datetime, backoff: float
    ) -> SourceState:
        """Store how a poll went; after a failure, ``backoff`` seconds pass before the next."""
        values: dict[str, Any] = {
            "last_polled_at": stamp(now),
            "last_status": result.status,
            "last_error": result.error,
        }
        if result.status == "failed":
            values["consecutive_failures"] = state.consecutive_failures + 1
            values["next_poll_at"] = stamp(datetime.fromtimestamp(now.timestamp() + backoff, UTC))
        else:
            values["consecutive_failures"] = 0
            values["next_poll_at"] = None
        if not result.keep_validators:
            values["etag"] = result.etag
            values["last_modified"] = result.last_modified
        with self.store.transaction() as connection:
            connection.execute(
                watch_sources.update().where(watch_sources.c.id == state.id).values(**values)
            )
            return _states(connection, [state.url])[0]


def _entries(
    connection: Connection, source_id: int, keys: Iterable[str]
) -> dict[str, tuple[bool, int]]:
    found: dict[str, tuple[bool, int]] = {}
    keys = list(dict.fromkeys(keys))
    for start in range(0, len(keys), _IN_CHUNK):
        rows = connection.execute(
            select(watch_seen.c.entry_key, watch_seen.c.done, watch_seen.c.attempts).where(
                watch_seen.c.source_id == source_id,
                watch_seen.c.entry_key.in_(keys[start : start + _IN_CHUNK]),
            )
        )
        found.update({r.entry_key: (bool(r.done), r.attempts) for r in rows})
    return found


def _states(connection: Connection, urls: list[str]) -> list[SourceState]:
    states = []
    for start in range(0, len(urls), _IN_CHUNK):
        rows = connection.execute(
            select(watch_sources)
            .where(watch_sources.c.url.in_(urls[start : start + _IN_CHUNK]))
            .order_by(watch_sources.c.id)
        )
        states += [_state(row._mapping) for row in rows]
    return states


def _state(row: Any) -> SourceState:
    return SourceState(**{name: row[name] for name in _STATE_COLUMNS})


_STATE_COLUMNS = [field.name for field in fields(SourceState)]
