"""The fetcher's conditional GET, as the watcher uses it, and the state tables it fills."""

from __future__ import annotations

import pytest
from newsroom import serve_newsroom
from sqlalchemy import inspect

from kabar.read import Fetcher
from kabar.store import SCHEMA_VERSION, Store
from kabar.watch import Source, WatchState
from kabar.watch._state import EntryResult, PollResult, utc_now


@pytest.fixture
def room():
    with serve_newsroom() as newsroom:
        yield newsroom


def test_conditional_get_returns_304_with_no_content(room, settings):
    with Fetcher(settings.fetch, 2**20) as fetcher:
        first = fetcher.get(room.url("/"))
        assert first.status == 200 and first.etag and first.last_modified
        again = fetcher.get(room.url("/"), {"If-None-Match": first.etag})
        assert (again.status, again.content, again.etag) == (304, b"", first.etag)
        atom = fetcher.get(room.url("/atom.xml"))
        assert atom.etag is None and atom.last_modified
        dated = fetcher.get(room.url("/atom.xml"), {"If-Modified-Since": atom.last_modified})
        assert dated.status == 304
        room.atom.append("ferry")
        changed = fetcher.get(room.url("/atom.xml"), {"If-Modified-Since": atom.last_modified})
        assert changed.status == 200 and changed.last_modified != atom.last_modified
    assert room.requests("/")[1].headers["if-none-match"] == first.etag


def test_watch_tables_come_with_the_schema(tmp_path):
    with Store.open(str(tmp_path / "k.db")) as store:
        tables = set(inspect(store.engine).get_table_names())
    assert {"watch_sources", "watch_seen"} <= tables and SCHEMA_VERSION >= 9


def test_state_round_trip(store):
    state = WatchState(store)
    now = utc_now()
    (saved,) = state.register([Source("https://warta.example/rss.xml", "feed")], now).values()
    assert (saved.kind, saved.etag, saved.consecutive_failures) == ("feed", None, 0)
    saved = state.record_poll(saved, PollResult("new", etag='"v1"'), now, 0)
    assert saved.conditional_headers() == {"If-None-Match": '"v1"'}
    # the same URL now listed as a page: the feed's validators no longer apply
    (moved,) = state.register([Source(saved.url, "page")], now).values()
    assert (moved.id, moved.kind, moved.etag) == (saved.id, "page", None)
    state.record_entries(saved.id, [EntryResult("a", None, "HTTP 503", done=False)], now)
    state.record_entries(saved.id, [EntryResult("a", None, "HTTP 503", done=True)], now)
    assert state.entries(saved.id, ["a", "b"]) == {"a": (True, 2)}
