"""The watcher against a real news site on 127.0.0.1 whose feeds change and which fails."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from newsroom import STORIES, serve_newsroom

from kabar.store import Store
from kabar.watch import Source, Watcher, WatchState

T0 = datetime(2026, 1, 13, 8, 0, tzinfo=UTC)


@pytest.fixture
def room():
    with serve_newsroom() as newsroom:
        yield newsroom


@pytest.fixture
def quick(settings):
    """No pauses, no retries, a short timeout: the failures come fast."""
    return settings.replace(**{"watch.timeout_s": 0.5, "fetch.retries": 0})


def good(room) -> list[Source]:
    return [
        Source(room.url("/rss.xml"), "feed"),
        Source(room.url("/atom.xml"), "feed"),
        Source(room.url("/"), "page"),
    ]


def titles(store: Store) -> set[str]:
    return {a["title"] for a in store.articles(limit=100)}


def test_first_poll_ingests_every_entry(room, store, quick):
    report = Watcher(store, quick).poll(good(room), T0)
    assert [(s.status, s.http_status, s.entries, s.new) for s in report.sources] == [
        ("new", 200, 2, 2),
        ("new", 200, 2, 2),
        ("new", 200, 2, 2),
    ]
    assert [s.ingest.stored for s in report.sources] == [2, 2, 2] and not report.failed
    assert titles(store) == {STORIES[n].title for n in ("banjir", "sepeda", "port", "robot")} | {
        STORIES[n].title for n in ("padi", "museum")
    }
    # RSS teasers and front-page links are fetched; Atom entries carry the whole article
    assert room.story_hits() == ["banjir", "sepeda", "padi", "museum"]
    # the front page's chrome (sections, tags, pages, images, other hosts) is not followed
    assert {h.path for h in room.hits} == {"/robots.txt", "/rss.xml", "/atom.xml", "/"} | {
        STORIES[n].path for n in ("banjir", "sepeda", "padi", "museum")
    }


def test_unchanged_feeds_answer_304_and_nothing_is_fetched(room, store, quick):
    watcher = Watcher(store, quick)
    watcher.poll(good(room), T0)
    before = len(room.hits)
    report = watcher.poll(good(room), T0 + timedelta(minutes=15))
    assert [(s.status, s.http_status) for s in report.sources] == [("unchanged", 304)] * 3
    assert sum(s.ingest.read for s in report.sources) == 0 and store.count() == 6
    assert [h.path for h in room.hits[before:]] == ["/robots.txt", "/rss.xml", "/atom.xml", "/"]
    rss, atom, page = (room.requests(p) for p in ("/rss.xml", "/atom.xml", "/"))
    assert "if-none-match" not in rss[0].headers  # nothing to compare with the first time
    assert rss[1].headers["if-none-match"].startswith('"') and rss[1].status == 304
    assert "if-modified-since" in atom[1].headers and atom[1].status == 304  # no ETag: date
    assert {"if-none-match", "if-modified-since"} <= set(page[1].headers)


def test_only_the_new_entries_are_fetched(room, store, quick):
    watcher = Watcher(store, quick)
    watcher.poll(good(room), T0)
    room.rss.insert(0, "cabai")  # newest first, as feeds list them
    room.atom.insert(0, "ferry")
    room.front.append("robot")  # already stored from the Atom feed: not fetched again
    before = len(room.story_hits())
    report = watcher.poll(good(room), T0 + timedelta(minutes=15))
    assert [(s.status, s.entries, s.new, s.ingest.stored) for s in report.sources] == [
        ("new", 3, 1, 1),
        ("new", 3, 1, 1),
        ("unchanged", 3, 0, 0),
    ]
    assert report.sources[2].already_stored == 1
    assert room.story_hits()[before:] == ["cabai"]
    assert store.count() == 8
    assert {STORIES["cabai"].title, STORIES["ferry"].title} <= titles(store)


def test_failing_sources_are_reported_and_the_others_polled(room, store, quick, caplog):
    caplog.set_level(logging.INFO, logger="kabar.watch")
    room.failing["/rusak-sementara.xml"] = 99
    failing = {
        "/rusak-sementara.xml": "HTTP 500 Internal Server Error",
        "/lambat.xml": "timed out after 0.5 s",
        "/bukan-feed.xml": "expected an RSS/Atom feed but the content is an HTML page",
        "/rusak.xml": "not a usable RSS/Atom feed (<unknown>:1:78: unclosed token)",
        "/rahasia/feed.xml": "disallowed by robots.txt",
    }
    sources = [Source(room.url(p), "feed") for p in failing]
    sources[2:2] = good(room)  # good sources between the bad ones
    report = Watcher(store, quick).poll(sources, T0)
    by_url = {s.url: s for s in report.sources}
    for path, reason in failing.items():
        polled = by_url[room.url(path)]
        assert (polled.status, polled.error) == ("failed", reason)
        assert f"feed {room.url(path)}: failed: {reason}" in caplog.text
    assert [by_url[s.url].ingest.stored for s in good(room)] == [2, 2, 2]
    assert report.failed and store.count() == 6
    assert room.requests("/rahasia/feed.xml") == []  # robots.txt: never asked for
    assert "round: 8 sources, 3 with new entries, 0 unchanged, 5 failed" in caplog.text

    state = WatchState(store).source(room.url("/rusak.xml"))
    assert state.consecutive_failures == 1 and state.last_error == failing["/rusak.xml"]
    assert state.next_poll_at == "2026-01-13T08:01:00+00:00"  # watch.backoff_s later


def test_failing_source_backs_off_then_recovers(room, store, quick):
    watcher = Watcher(store, quick)
    rss = [Source(room.url("/rss.xml"), "feed")]
    watcher.poll(rss, T0)
    room.rss.insert(0, "cabai")
    room.failing["/rss.xml"] = 2
    assert watcher.poll(rss, T0 + timedelta(minutes=15)).sources[0].status == "failed"
    # within the backoff the source is not asked; after it, asked again (and fails again)
    skipped = watcher.poll(rss, T0 + timedelta(minutes=15, seconds=30)).sources[0]
    assert skipped.status == "backing off" and room.failing["/rss.xml"] == 1
    again = watcher.poll(rss, T0 + timedelta(minutes=16, seconds=1)).sources[0]
    assert again.status == "failed"
    state = WatchState(store).source(rss[0].url)
    assert state.consecutive_failures == 2
    assert state.next_poll_at == "2026-01-13T08:18:01+00:00"  # the backoff doubled
    recovered = watcher.poll(rss, T0 + timedelta(minutes=30)).sources[0]
    assert (recovered.status, recovered.ingest.stored) == ("new", 1)
    # the validators of the last good poll were kept through the failures
    assert "if-none-match" in room.requests("/rss.xml")[-1].headers
    state = WatchState(store).source(rss[0].url)
    assert (state.consecutive_failures, state.next_poll_at, state.last_error) == (0, None, None)
    assert store.count() == 3  # nothing stored before was lost


def test_entry_page_that_fails_is_tried_again(room, store, quick):
    watcher = Watcher(store, quick)
    rss = [Source(room.url("/rss.xml"), "feed")]
    room.failing[STORIES["sepeda"].path] = 1
    first = watcher.poll(rss, T0).sources[0]
    assert (first.status, first.ingest.stored) == ("new", 1) and first.failed
    ((failure),) = first.ingest.failures
    assert failure.location == room.url(STORIES["sepeda"].path)
    assert failure.reason == "HTTP 500 Internal Server Error"
    assert WatchState(store).source(rss[0].url).etag is None  # so the next poll gets it all
    second = watcher.poll(rss, T0 + timedelta(minutes=15)).sources[0]
    assert (second.http_status, second.new, second.ingest.stored) == (200, 1, 1)
    assert room.story_hits() == ["banjir", "sepeda", "sepeda"]
    third = watcher.poll(rss, T0 + timedelta(minutes=30)).sources[0]
    assert third.http_status == 304


def test_entry_page_is_given_up_after_its_attempts(room, store, quick):
    watcher = Watcher(store, quick.replace(**{"watch.entry_attempts": 2}))
    rss = [Source(room.url("/rss.xml"), "feed")]
    room.failing[STORIES["sepeda"].path] = 99
    for minutes in (0, 15):
        assert watcher.poll(rss, T0 + timedelta(minutes=minutes)).sources[0].failed
    last = watcher.poll(rss, T0 + timedelta(minutes=30)).sources[0]
    assert (last.http_status, last.failed) == (304, False)
    assert room.story_hits().count("sepeda") == 2


def test_entries_beyond_the_limit_wait_for_the_next_poll(room, store, quick):
    watcher = Watcher(store, quick.replace(**{"watch.max_entries_per_poll": 1}))
    feeds = good(room)[:2]
    first = watcher.poll(feeds, T0)
    assert [(s.new, s.waiting, s.ingest.stored) for s in first.sources] == [(1, 1, 1)] * 2
    second = watcher.poll(feeds, T0 + timedelta(minutes=15))
    assert [(s.http_status, s.new, s.waiting) for s in second.sources] == [(200, 1, 0)] * 2
    third = watcher.poll(feeds, T0 + timedelta(minutes=30))
    assert [s.http_status for s in third.sources] == [304, 304]
    assert store.count() == 4


def test_robots_disallowed_links_are_not_fetched(room, store, quick):
    Watcher(store, quick).poll([Source(room.url("/"), "page")], T0)
    assert room.requests(STORIES["rahasia"].path) == []
    assert STORIES["rahasia"].title not in titles(store)


def test_a_feed_watched_as_a_page_is_reported(room, store, quick):
    (polled,) = Watcher(store, quick).poll([Source(room.url("/rss.xml"), "page")], T0).sources
    assert polled.error == "expected a front page but the content is an RSS/Atom feed"


def test_state_survives_a_new_store(room, tmp_path, quick):
    path = str(tmp_path / "watch.db")
    with Store.open(path) as store:
        Watcher(store, quick).poll(good(room), T0)
    before = len(room.hits)
    with Store.open(path) as store:
        report = Watcher(store, quick).poll(good(room), T0 + timedelta(hours=1))
        assert [s.http_status for s in report.sources] == [304] * 3 and store.count() == 6
    assert [h.status for h in room.hits[before:]] == [200, 304, 304, 304]  # robots.txt first


def test_one_host_is_not_hurried(room, store, quick):
    polite = quick.replace(**{"fetch.per_host_interval_s": 0.2})
    Watcher(store, polite).poll([Source(room.url("/rss.xml"), "feed")], T0)
    times = [h.at for h in room.hits]
    assert len(times) == 4  # robots.txt, the feed, its two pages
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.19
