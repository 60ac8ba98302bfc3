"""Poll the watched sources: fetch what changed, ingest only the entries not seen before.

One round polls every source once, in SOURCES.txt order, through one polite fetcher
(robots.txt, per-host pause). Per source the cascade is short and readable:

    conditional GET -> 304: unchanged
                    -> entries (feed items, or a front page's article links)
                    -> drop the ones already seen -> read, extract, code, store, stories
                    -> remember entries and validators

A source that fails (timeout, 5xx, a malformed feed, HTML where a feed was expected) is
logged with its URL and reason, backs off, and the round goes on with the next one.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import feedparser
from sqlalchemy.exc import SQLAlchemyError

from ..errors import ConfigError, InputError, KabarError
from ..events import Coder
from ..extract import Extractor
from ..models import Article, Failure, RawDoc
from ..pipeline import IngestReport, extract_all, store_batch
from ..read import Fetcher, Reader
from ..read._encoding import declared_charset, decode
from ..read._feed import _entry_docs
from ..read._fetch import Response
from ..read._hashing import sha256
from ..read._sniff import sniff
from ..settings import Settings
from ..store import Store, url_key
from ..stories import StoryBuilder
from ._links import LinkRules, article_links
from ._sources import Source, read_sources
from ._state import EntryResult, PollResult, SourceState, WatchState, stamp, utc_now

LOG = logging.getLogger("kabar.watch")

Docs = Callable[[], Iterator[RawDoc | Failure]]


@dataclass(frozen=True, slots=True)
class Entry:
    """Something a source lists (a feed item, a front-page link) and how to read it."""

    key: str
    url: str | None  # the store's key of the linked URL (``store.url_key``), if any
    read: Docs


@dataclass
class SourceReport:
    """How one poll of one source went: the line the log shows for it."""

    url: str
    kind: str
    status: str = "unchanged"  # new | unchanged | failed | backing off
    http_status: int | None = None
    entries: int = 0  # entries (feed items, article links) the source lists
    new: int = 0  # not seen before, read in this poll
    waiting: int = 0  # not seen before, left for the next poll (max_entries_per_poll)
    already_stored: int = 0  # not seen before, but their URL is in the store: not fetched
    ingest: IngestReport = field(default_factory=IngestReport)
    error: str | None = None
    retry_after: str | None = None
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.status == "failed" or bool(self.ingest.failures)

    def line(self) -> str:
        head = f"{self.kind} {self.url}: "
        if self.status == "backing off":
            return head + f"backing off after failures, next poll after {self.retry_after}"
        if self.status == "failed":
            return head + f"failed: {self.error} (next poll after {self.retry_after})"
        if self.http_status == 304:
            return head + f"304 not modified ({self.seconds:.1f} s)"
        r = self.ingest
        text = f"{self.http_status}, {self.entries} entries, "
        if self.new:
            text += (
                f"{self.new} new: {r.stored} stored, {r.new_versions} new versions, "
                f"{r.duplicates} duplicates, {r.failed} failed; {r.events} events"
            )
        else:
            text += "none new"
        if self.already_stored:
            text += f"; {self.already_stored} already stored (not fetched)"
        if self.waiting:
            text += f"; {self.waiting} left for the next poll"
        return head + text + f" ({self.seconds:.1f} s)"

    def as_dict(self) -> dict[str, Any]:
        ingest = self.ingest.as_dict()
        return {
            "url": self.url,
            "kind": self.kind,
            "status": self.status,
            "http_status": self.http_status,
            "entries": self.entries,
            "new": self.new,
            "waiting": self.waiting,
            "already_stored": self.already_stored,
            **{k: ingest[k] for k in ("stored", "new_versions", "duplicates", "events", "failed")},
            "failures": ingest["failures"],
            "error": self.error,
            "retry_after": self.retry_after,
            "seconds": round(self.seconds, 3),
        }


@dataclass
class RoundReport:
    """One round over every source: the summary line after the sources' lines."""

    started_at: str
    sources: list[SourceReport] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None  # the round could not finish (the store was unreachable)

    @property
    def failed(self) -> bool:
        return self.error is not None or any(s.failed for s in self.sources)

    def count(self, status: str) -> int:
        return sum(s.status == status for s in self.sources)

    def total(self, name: str) -> int:
        return sum(getattr(s.ingest, name) for s in self.sources)

    def line(self) -> str:
        return (
            f"round: {len(self.sources)} sources, {self.count('new')} with new entries, "
            f"{self.count('unchanged')} unchanged, {self.count('failed')} failed, "
            f"{self.count('backing off')} backing off; {sum(s.new for s in self.sources)} new "
            f"entries: {self.total('stored')} stored, {self.total('new_versions')} new "
            f"versions, {self.total('duplicates')} duplicates, {self.total('failed')} failed "
            f"({self.seconds:.1f} s)"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "round": self.started_at,
            "sources": len(self.sources),
            **{s: self.count(s) for s in ("new", "unchanged", "failed", "backing off")},
            "new_entries": sum(s.new for s in self.sources),
            **{n: self.total(n) for n in ("stored", "new_versions", "duplicates", "failed")},
            "seconds": round(self.seconds, 3),
            "error": self.error,
        }


class Watcher:
    """Polls sources round after round, with its state in ``store``."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        code: bool = True,
        logger: logging.Logger = LOG,
    ) -> None:
        self.store = store
        self.settings = settings
        self.state = WatchState(store)
        self.rules = LinkRules.from_settings(settings.watch)
        self.extractor = Extractor(settings)
        self.coder = Coder(settings) if code else None
        self.stories = StoryBuilder(store, settings) if settings.stories.enabled else None
        self.log = logger

    # -- rounds ------------------------------------------------------------------------------

    def run(
        self,
        sources_file: str | Path,
        every_s: float,
        *,
        rounds: int | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> RoundReport:
        """Poll every ``every_s`` seconds (``rounds`` times, or until interrupted).

        SOURCES.txt is read again before each round, so edits apply without a restart; a
        file broken meanwhile is logged and the previous list kept.
        """
        sources = read_sources(sources_file)
        done = 0
        while True:
            started = time.monotonic()
            report = self._round(sources)
            done += 1
            if rounds is not None and done >= rounds:
                return report
            sleep(max(0.0, every_s - (time.monotonic() - started)))
            try:
                sources = read_sources(sources_file)
            except ConfigError as exc:
                self.log.error("keeping the previous sources: %s", exc)

    def _round(self, sources: Sequence[Source]) -> RoundReport:
        """One round of the loop: a store that is down (a database restart) fails this
        round, logged, and the watcher tries again at the next one."""
        try:
            return self.poll(sources)
        except SQLAlchemyError as exc:
            report = RoundReport(stamp(utc_now()), error=f"the store is unreachable: {exc}")
            self.log.error("round failed: %s", report.error, extra={"watch": report.as_dict()})
            return report

    def poll(self, sources: Sequence[Source], now: datetime | None = None) -> RoundReport:
        """One round: every source polled once (those backing off are skipped)."""
        now = now or utc_now()
        started = time.monotonic()
        report = RoundReport(stamp(now))
        states = self.state.register(sources, now)
        # a fetcher per round: robots.txt is read again each round, pauses still hold
        fetch = dataclasses.replace(self.settings.fetch, timeout_s=self.settings.watch.timeout_s)
        reader = Reader(self.settings, Fetcher(fetch, self.settings.read.max_document_bytes))
        try:
            for source in sources:
                report.sources.append(self._poll_logged(states[source.url], reader, now))
        finally:
            reader.close()
        if report.total("stored") or report.total("new_versions"):
            self.store.refresh_statistics()  # as after an ingest: the dashboard's plans
        report.seconds = time.monotonic() - started
        level = logging.WARNING if report.failed else logging.INFO
        self.log.log(level, report.line(), extra={"watch": report.as_dict()})
        return report

    def _poll_logged(self, state: SourceState, reader: Reader, now: datetime) -> SourceReport:
        started = time.monotonic()
        try:
            report = self._poll_source(state, reader, now)
        except Exception as exc:  # noqa: BLE001 - one source must not stop the round
            self.log.exception("%s %s: unexpected error", state.kind, state.url)
            report = self._failed(state, SourceReport(state.url, state.kind), now, _why(exc))
        report.seconds = time.monotonic() - started
        level = logging.WARNING if report.failed else logging.INFO
        self.log.log(level, report.line(), extra={"watch": report.as_dict()})
        for failure in report.ingest.failures:
            record = {"source": state.url, "entry": failure.location, "reason": failure.reason}
            self.log.warning(
                "  entry %s: %s", failure.location, failure.reason, extra={"watch": record}
            )
        return report

    # -- one source --------------------------------------------------------------------------

    def _poll_source(self, state: SourceState, reader: Reader, now: datetime) -> SourceReport:
        report = SourceReport(state.url, state.kind)
        if state.backing_off(now):
            report.status, report.retry_after = "backing off", state.next_poll_at
            return report
        assert reader.fetcher is not None
        try:
            response = reader.fetcher.get(state.url, state.conditional_headers())
            report.http_status = response.status
            if response.status == 304:
                self.state.record_poll(state, PollResult("unchanged", keep_validators=True), now, 0)
                return report
            entries = self._entries(state, response, reader)
        except InputError as exc:
            return self._failed(state, report, now, exc.reason)
        report.entries = len(entries)
        finished = self._ingest_new(state, entries, report, now)
        report.status = "new" if report.new else "unchanged"
        # validators only when every entry of this response is dealt with; otherwise the
        # next poll must get the whole response again to retry or take the rest
        complete = finished and not report.waiting
        result = PollResult(
            report.status,
            etag=response.etag if complete else None,
            last_modified=response.last_modified if complete else None,
        )
        self.state.record_poll(state, result, now, 0)
        return report

    def _failed(
        self, state: SourceState, report: SourceReport, now: datetime, reason: str
    ) -> SourceReport:
        watch = self.settings.watch
        backoff = min(watch.backoff_s * 2**state.consecutive_failures, watch.max_backoff_s)
        result = PollResult("failed", error=reason, keep_validators=True)
        saved = self.state.record_poll(state, result, now, backoff)
        report.status, report.error, report.retry_after = "failed", reason, saved.next_poll_at
        return report

    def _entries(self, state: SourceState, response: Response, reader: Reader) -> list[Entry]:
        if state.kind == "page":
            return self._page_entries(response, reader)
        return _feed_entries(state.url, response, reader)

    def _page_entries(self, response: Response, reader: Reader) -> list[Entry]:
        """A front page's article links, each read as a page of its own."""
        kind = sniff(response.content[:65536])
        if kind == "feed":
            raise InputError(
                response.url, "expected a front page but the content is an RSS/Atom feed"
            )
        if kind != "html":
            raise InputError(response.url, f"expected a front page (HTML), got {kind} content")
        charset = response.charset or declared_charset(response.content)
        html, _ = decode(response.content, charset)
        links = article_links(html, response.url, self.rules)
        if self.settings.fetch.respect_robots:
            # left out, not failed: they come back as new if robots.txt changes its mind
            assert reader.fetcher is not None
            links = [link for link in links if reader.fetcher._allowed(link)]
        keys = [url_key(link) for link in links]
        return [
            Entry(key or link, key, _reader_of(reader, link))
            for link, key in zip(links, keys, strict=True)
        ]

    # -- new entries -------------------------------------------------------------------------

    def _ingest_new(
        self, state: SourceState, entries: list[Entry], report: SourceReport, now: datetime
    ) -> bool:
        """Read, extract, code and store the entries not seen before; False when some wait
        for another attempt."""
        known = self.state.entries(state.id, [e.key for e in entries])
        unseen = [e for e in entries if not known.get(e.key, (False, 0))[0]]
        # a page some source (or `kabar ingest`) already stored is not fetched again
        stored_urls = self.state.stored_urls(e.url for e in unseen if e.url)
        results = [
            EntryResult(e.key, stored_urls[e.url], None, done=True)
            for e in unseen
            if e.url in stored_urls
        ]
        report.already_stored = len(results)
        new = [e for e in unseen if e.url not in stored_urls]
        limit = self.settings.watch.max_entries_per_poll
        taken, report.waiting = new[:limit], max(0, len(new) - limit)
        report.new = len(taken)
        articles: list[tuple[Entry, Article]] = []
        failed: dict[str, Failure] = {}
        for entry in taken:
            for item in self._process(entry):
                report.ingest.read += 1
                if isinstance(item, Failure):
                    report.ingest.failures.append(item)
                    failed.setdefault(entry.key, item)
                else:
                    articles.append((entry, item))
        stored = self._store([a for _, a in articles], report.ingest)
        ids: dict[str, int] = {}
        for (entry, _), article_id in zip(articles, stored, strict=True):
            ids.setdefault(entry.key, article_id)
        results += [self._result(e, ids, failed, known) for e in taken]
        self.state.record_entries(state.id, results, now)
        return all(r.done for r in results)

    def _process(self, entry: Entry) -> Iterator[Article | Failure]:
        """One entry through read, extract and code; a coder crash fails this entry only."""
        for item in extract_all(entry.read(), self.extractor):
            if isinstance(item, Article) and self.coder is not None:
                try:
                    item.events = self.coder.code(item)
                except Exception as exc:  # noqa: BLE001 - one odd article must not stop a poll
                    yield Failure(item.location, f"coding failed: {_why(exc)}", "code")
                    continue
            yield item

    def _store(self, articles: list[Article], ingest: IngestReport) -> list[int]:
        """Store in batches, put the new ones in stories; the article id of each."""
        size = self.settings.store.batch_size
        ids: list[int] = []
        for start in range(0, len(articles), size):
            batch = articles[start : start + size]
            ids += [one.article_id for one in store_batch(self.store, batch, ingest, self.stories)]
        return ids

    def _result(
        self,
        entry: Entry,
        ids: dict[str, int],
        failed: dict[str, Failure],
        known: dict[str, tuple[bool, int]],
    ) -> EntryResult:
        """Done when it gave an article, was read but is no article, or has used up its
        attempts; a page that could not be read (timeout, 5xx) is tried again next poll."""
        if entry.key in ids:
            return EntryResult(entry.key, ids[entry.key], None, done=True)
        failure = failed.get(entry.key)
        if failure is None:
            return EntryResult(entry.key, None, None, done=True)
        attempts = known.get(entry.key, (False, 0))[1] + 1
        retry = failure.stage == "read" and attempts < self.settings.watch.entry_attempts
        return EntryResult(entry.key, None, failure.reason, done=not retry)


def _feed_entries(url: str, response: Response, reader: Reader) -> list[Entry]:
    """The items of a feed, keyed by GUID (else canonical link), or why it is no feed."""
    if sniff(response.content[:65536]) == "html":
        raise InputError(url, "expected an RSS/Atom feed but the content is an HTML page")
    charset = f"; charset={response.charset}" if response.charset else ""
    headers = {"content-type": f"{response.content_type or 'application/xml'}{charset}"}
    parsed = feedparser.parse(response.content, response_headers=headers)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        reason = getattr(parsed, "bozo_exception", None) or "no RSS/Atom root element"
        raise InputError(url, f"not a usable RSS/Atom feed ({reason})")
    outlet = parsed.feed.get("title")
    entries = []
    for index, item in enumerate(parsed.entries, start=1):
        link = url_key(item.get("link")) if _is_http(item.get("link")) else None
        read = _entry_reader(url, index, item, outlet, reader)
        entries.append(Entry(item.get("id") or link or _content_key(item), link, read))
    return entries


def _is_http(link: str | None) -> bool:
    return bool(link) and link.startswith(("http://", "https://"))  # type: ignore[union-attr]


def _content_key(item: Any) -> str:
    """The identity of an entry with neither GUID nor link: its title and summary."""
    return sha256(f"{item.get('title')}\n{item.get('summary')}")


def _entry_reader(url: str, index: int, item: Any, outlet: str | None, reader: Reader) -> Docs:
    """The feed reader's own rules: the entry's content, or the page a teaser links to."""

    def no_local(path: str, hints: dict) -> Iterator[RawDoc | Failure]:
        return iter(())

    return lambda: _entry_docs(url, index, item, outlet, None, no_local, reader._follow_remote)


def _reader_of(reader: Reader, link: str) -> Docs:
    return lambda: reader.read_one(link)


def _why(exc: Exception) -> str:
    if isinstance(exc, KabarError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def watch(
    sources_file: str | Path,
    store: Store,
    settings: Settings,
    *,
    every_s: float,
    rounds: int | None = None,
    code: bool = True,
) -> RoundReport:
    """Watch the sources of ``sources_file``: ``rounds`` rounds (None: until interrupted)
    ``every_s`` seconds apart. Returns the last round's report."""
    return Watcher(store, settings, code=code).run(sources_file, every_s, rounds=rounds)
