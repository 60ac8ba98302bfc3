"""The store: articles in SQLite (default) or PostgreSQL, written idempotently.

Identity rules, so that re-running an ingest never duplicates anything:

* the same canonical URL with the same normalised text is the same article;
* the same canonical URL with other text is a newer *version* of it (kept, numbered);
* the same outlet with the same normalised text is the same article, whatever its URL
  (a page and its feed entry, an AMP copy). Another outlet's verbatim copy is a separate
  publication, kept for story grouping and copy lineage.

Unique constraints enforce these rules in the database itself, so two writers racing on
the same input still store it once.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.exc import IntegrityError, OperationalError

from ..errors import StoreError
from ..models import Article, Event
from ..read._hashing import sha256
from . import _stories
from ._queries import mean, records
from ._schema import articles, events, migrate, outlet_key

DEFAULT_DB = "kabar.db"
WRITE_LOCK = 0x6B61626172  # "kabar": the PostgreSQL advisory lock its writers share
_TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_\w+|ref|source|amp|output)$", re.I)
_NOT_WORD = re.compile(r"[\W_]+")


class Outcome(StrEnum):
    STORED = "stored"
    DUPLICATE = "duplicate"
    NEW_VERSION = "new version"


@dataclass(frozen=True, slots=True)
class Added:
    outcome: Outcome
    article_id: int


def database_url(db: str | None) -> str:
    """``--db`` value (path or URL), else $KABAR_DB, else ./kabar.db, as an SQLAlchemy URL."""
    db = db or os.environ.get("KABAR_DB") or DEFAULT_DB
    if "://" in db:
        if db.startswith("postgresql://"):
            return "postgresql+psycopg://" + db.removeprefix("postgresql://")
        return db
    return f"sqlite:///{Path(db).expanduser()}"


class Store:
    """Open (and migrate) a database; add and query articles."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        try:
            with self._write() as connection:
                applied = migrate(connection)
        except OperationalError as exc:
            raise StoreError(f"cannot open database {engine.url}: {exc.orig}") from exc
        if applied and applied[0] > 1:  # new indexes on old data: let the planner see them
            self.refresh_statistics()

    @classmethod
    def open(cls, db: str | None = None) -> Store:
        url = database_url(db)
        if url.startswith("sqlite"):
            return cls(_sqlite_engine(url))
        return cls(create_engine(url, pool_pre_ping=True))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A write transaction. Writers take turns, whole transactions at a time, on every
        backend: SQLite takes its write lock at BEGIN; on PostgreSQL a transaction-scoped
        advisory lock does the same. So two ingests never deadlock on each other's rows,
        and each groups stories seeing all that the other committed. Readers never wait."""
        with self.engine.connect() as connection:
            connection.execution_options(kabar_write=True)
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    connection.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK)))
                yield connection

    def transaction(self) -> AbstractContextManager[Connection]:
        """A write transaction for the later stages (stories), committed on success."""
        return self._write()

    def add_many(self, batch: Iterable[Article]) -> list[Added]:
        """Add a batch in one transaction: after a crash either all of it is there or none.

        Two look-ups serve the whole batch (what its URLs and texts already are in the
        store) and the new rows go in with one multi-row insert, so storing costs a few
        statements per batch, not per article. If another writer stored one of them
        meanwhile, the batch is retried article by article.
        """
        now = datetime.now(UTC).isoformat(timespec="seconds")
        batch = list(batch)
        rows = [_row(article, now) for article in batch]
        with self._write() as connection:
            latest = _latest_versions(connection, {r["url_key"] for r in rows if r["url_key"]})
            known = _known_contents(connection, {r["content_key"] for r in rows})
            plan = [_classify(row, latest, known) for row in rows]
            try:
                with connection.begin_nested():
                    return _insert_all(connection, batch, rows, plan)
            except IntegrityError:
                # the look-ups are stale: start again from what the store holds now
                latest = _latest_versions(connection, {r["url_key"] for r in rows if r["url_key"]})
                known = _known_contents(connection, {r["content_key"] for r in rows})
                return [
                    self._add(connection, article, row, latest, known)
                    for article, row in zip(batch, rows, strict=True)
                ]

    def add(self, article: Article) -> Added:
        return self.add_many([article])[0]

    def refresh_statistics(self) -> None:
        """Let the query planner see how the data is spread (which filters are selective),
        after an ingest: without statistics SQLite picked plans 20 times slower for the
        dashboard's lists. On SQLite the sampling is capped, so this stays cheap at any size."""
        with self._write() as connection:
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql("PRAGMA analysis_limit=20000")
            connection.exec_driver_sql("ANALYZE")

    def _add(self, connection, article: Article, row, latest, known) -> Added:
        """One article against what the store (and this batch so far) holds."""
        previous = latest.get(row["url_key"]) if row["url_key"] else None
        if previous is not None and previous[2] == row["text_hash"]:
            return Added(Outcome.DUPLICATE, previous[0])
        if row["content_key"] in known:
            return Added(Outcome.DUPLICATE, known[row["content_key"]])
        row["version"] = previous[1] + 1 if previous is not None else 1
        try:
            with connection.begin_nested():
                new_id = connection.execute(articles.insert().values(**row)).inserted_primary_key[0]
                if article.events:
                    connection.execute(
                        events.insert(), [_event_row(new_id, row, e) for e in article.events]
                    )
        except IntegrityError:
            # Another writer stored it between our look-up and our insert.
            return Added(Outcome.DUPLICATE, self._existing_id(connection, row))
        known[row["content_key"]] = new_id
        if row["url_key"]:
            latest[row["url_key"]] = (new_id, row["version"], row["text_hash"])
        outcome = Outcome.NEW_VERSION if previous is not None else Outcome.STORED
        return Added(outcome, new_id)

    @staticmethod
    def _existing_id(connection, row: dict[str, Any]) -> int:
        return (
            connection.execute(
                select(articles.c.id).where(articles.c.content_key == row["content_key"])
            ).scalar()
            or connection.execute(
                select(articles.c.id).where(
                    articles.c.url_key == row["url_key"], articles.c.version == row["version"]
                )
            ).scalar_one()
        )

    # -- reading -------------------------------------------------------------------------

    def count(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(articles)).scalar_one()

    def article(self, article_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as connection:
            row = (
                connection.execute(select(articles).where(articles.c.id == article_id))
                .mappings()
                .first()
            )
        return _public(row) if row else None

    def articles(
        self,
        *,
        outlet: str | None = None,
        language: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        offset: int = 0,
        with_text: bool = True,
    ) -> list[dict[str, Any]]:
        """Articles newest first (then by id), filtered; dates compare as ISO strings.
        Lists that show no text leave it out (``with_text=False``): it is most of a row."""
        columns = [c for c in articles.c if with_text or c.name != "text"]
        query = select(*columns)
        if outlet:
            query = query.where(func.lower(articles.c.outlet) == outlet.lower())
        if language:
            query = query.where(articles.c.language == language)
        if since:
            query = query.where(articles.c.published >= since)
        if until:
            query = query.where(articles.c.published <= until + "\uffff")
        query = query.order_by(articles.c.published.desc().nulls_last(), articles.c.id.desc())
        query = query.limit(limit).offset(offset)
        with self.engine.connect() as connection:
            return [_public(row) for row in records(connection.execute(query))]

    def events(self, article_id: int) -> list[dict[str, Any]]:
        """The coded events of one article, in text order."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(events).where(events.c.article_id == article_id).order_by(events.c.id)
            ).mappings()
            return [dict(row) for row in rows]

    def top_dyads(self, limit: int = 5) -> list[tuple[str, str, int, float]]:
        """Most reported source/target pairs: (source, target, events, mean Goldstein)."""
        query = (
            select(
                events.c.source_code,
                events.c.target_code,
                func.count().label("n"),
                mean(events.c.goldstein).label("goldstein"),
            )
            .where(events.c.target_code.is_not(None))
            .group_by(events.c.source_code, events.c.target_code)
            .order_by(func.count().desc(), events.c.source_code, events.c.target_code)
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return [
                (row.source_code, row.target_code, row.n, float(row.goldstein))
                for row in connection.execute(query)
            ]

    # -- stories -----------------------------------------------------------------------------

    def stories(self, **filters: Any) -> list[dict[str, Any]]:
        """Stories newest first; filters: since, until, language, outlet, min_articles,
        limit, offset."""
        with self.engine.connect() as connection:
            return _stories.list_stories(connection, **filters)

    def story(self, story_id: int) -> dict[str, Any] | None:
        """One story: its summary, articles with their lineage, and merged events."""
        with self.engine.connect() as connection:
            return _stories.story_detail(connection, story_id)

    def provenance(self, article_id: int) -> dict[str, Any] | None:
        """The article's story, the earlier article it reuses and how much of it."""
        with self.engine.connect() as connection:
            return _stories.provenance(connection, article_id)

    def story_of(self, article_id: int) -> int | None:
        with self.engine.connect() as connection:
            return _stories.story_of(connection, article_id)

    def count_stories(self) -> int:
        with self.engine.connect() as connection:
            return _stories.count_stories(connection)

    def count_events(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(events)).scalar_one()

    def iter_articles(self, chunk: int = 500) -> Iterator[dict[str, Any]]:
        """Every article by id, in chunks, without holding the table in memory."""
        last = 0
        while True:
            with self.engine.connect() as connection:
                rows = (
                    connection.execute(
                        select(articles)
                        .where(articles.c.id > last)
                        .order_by(articles.c.id)
                        .limit(chunk)
                    )
                    .mappings()
                    .all()
                )
            if not rows:
                return
            yield from (_public(row) for row in rows)
            last = rows[-1]["id"]


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": 60})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:
        # Let SQLAlchemy, not the driver, issue BEGIN (see the "begin" hook below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        # Writers take the lock at BEGIN, so concurrent writers queue instead of failing
        # to upgrade a read lock; readers never wait for it (WAL).
        write = connection.get_execution_options().get("kabar_write")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _row(article: Article, now: str) -> dict[str, Any]:
    text_hash = sha256(normalise_text(article.text))
    outlet_key = (article.outlet or "").casefold()
    return {
        "url": article.url,
        "url_key": url_key(article.url),
        "content_key": sha256(f"{outlet_key}\n{text_hash}"),
        "text_hash": text_hash,
        "title": article.title,
        "text": article.text,
        "outlet": article.outlet,
        "author": article.author,
        "published": article.published,
        "published_precision": article.published_precision,
        "published_at": article.published_at,
        "language": article.language,
        "dateline": article.dateline,
        "cited_sources": json.dumps(article.cited_sources, ensure_ascii=False),
        "location": article.location,
        "raw_sha256": article.raw_sha256,
        "format": article.format,
        "ingested_at": now,
    }


def _classify(row: dict[str, Any], latest: dict, known: dict) -> Added | Outcome:
    """What one row is against the store and the rows before it in its batch: a duplicate
    (with the stored id), or new (STORED / NEW_VERSION, its version set on the row)."""
    previous = latest.get(row["url_key"]) if row["url_key"] else None
    if previous is not None and previous[2] == row["text_hash"]:
        return Added(Outcome.DUPLICATE, previous[0])
    if row["content_key"] in known:
        return Added(Outcome.DUPLICATE, known[row["content_key"]])
    row["version"] = previous[1] + 1 if previous is not None else 1
    known[row["content_key"]] = -1  # a later copy in this batch is a duplicate of this one
    if row["url_key"]:
        latest[row["url_key"]] = (-1, row["version"], row["text_hash"])
    return Outcome.NEW_VERSION if previous is not None else Outcome.STORED


def _insert_all(connection, batch: list[Article], rows: list[dict], plan: list) -> list[Added]:
    """One multi-row insert for the new rows, one for their events; ids filled back in."""
    new = [i for i, step in enumerate(plan) if isinstance(step, Outcome)]
    ids: dict[int, int] = {}
    if new:
        result = connection.execute(
            articles.insert().returning(articles.c.id, sort_by_parameter_order=True),
            [rows[i] for i in new],
        )
        ids = {i: row_id for i, (row_id,) in zip(new, result, strict=True)}
        event_rows = [_event_row(ids[i], rows[i], e) for i in new for e in batch[i].events]
        if event_rows:
            connection.execute(events.insert(), event_rows)
    by_content = {rows[i]["content_key"]: ids[i] for i in new}
    out = []
    for i, step in enumerate(plan):
        if isinstance(step, Outcome):
            out.append(Added(step, ids[i]))
        elif step.article_id == -1:  # a duplicate of a row new in this same batch
            out.append(Added(Outcome.DUPLICATE, by_content.get(rows[i]["content_key"], -1)))
        else:
            out.append(step)
    return out


def _latest_versions(connection, keys: set[str]) -> dict[str, tuple[int, int, str]]:
    """url_key -> (id, version, text_hash) of its newest version."""
    if not keys:
        return {}
    rows = connection.execute(
        select(articles.c.url_key, articles.c.id, articles.c.version, articles.c.text_hash)
        .where(articles.c.url_key.in_(keys))
        .order_by(articles.c.version)
    )
    return {row.url_key: (row.id, row.version, row.text_hash) for row in rows}


def _known_contents(connection, keys: set[str]) -> dict[str, int]:
    rows = connection.execute(
        select(articles.c.content_key, articles.c.id).where(articles.c.content_key.in_(keys))
    )
    return {row.content_key: row.id for row in rows}


def _event_row(article_id: int, article: dict[str, Any], event: Event) -> dict[str, Any]:
    target = event.target
    return {
        "article_id": article_id,
        "article_language": article["language"],
        "outlet_key": outlet_key(article["outlet"]),
        "source_code": event.source.code,
        "source_country": event.source.country,
        "source_sector": event.source.sector,
        "source_name": event.source.name,
        "target_code": target.code if target else None,
        "target_country": target.country if target else None,
        "target_sector": target.sector if target else None,
        "target_name": target.name if target else None,
        "cameo": event.cameo,
        "cameo_root": event.cameo[:2],
        "plover_type": event.plover_type,
        "plover_mode": event.plover_mode,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "date": event.date,
        "date_precision": event.date_precision,
        "background": event.background,
        "negated": event.negated,
        "modality": event.modality,
        "symmetric": event.symmetric,
        "location": event.location,
        "evidence": event.evidence,
        "evidence_start": event.start,
        "evidence_end": event.end,
        "confidence": event.confidence,
        "rule": event.rule,
    }


def _public(row) -> dict[str, Any]:
    record = dict(row)
    record["cited_sources"] = json.loads(record["cited_sources"] or "[]")
    for internal in ("url_key", "content_key", "text_hash"):
        record.pop(internal, None)
    return record


def normalise_text(text: str) -> str:
    """Text reduced to its words: case, accents' composition, spacing and punctuation ignored."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NOT_WORD.sub(" ", text).split())


def url_key(url: str | None) -> str | None:
    """A URL's identity: no scheme, no 'www.', no fragment, no tracking parameters."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    query = [(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING_PARAMS.match(k)]
    path = parts.path.rstrip("/") or "/"
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    return f"{host}{port}{path}" + (f"?{urlencode(sorted(query))}" if query else "")
