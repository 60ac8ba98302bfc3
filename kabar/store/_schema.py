"""Tables (SQLAlchemy Core) and the migrations that create them, in order.

A database records which migrations it has had in ``schema_version``; opening it applies
the missing ones, each in its own transaction, so an old database is brought forward and
a half-applied migration never sticks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
    bindparam,
    func,
    inspect,
    literal_column,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.schema import CreateIndex

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", Text, nullable=False),
    Column("applied_at", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    # Identity: the canonical URL (normalised) and its version; the outlet + normalised text.
    Column("url", Text),
    Column("url_key", Text),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("content_key", Text, nullable=False),
    Column("text_hash", Text, nullable=False),
    # The article record.
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("outlet", Text),
    Column("author", Text),
    Column("published", Text),
    Column("published_precision", Text),
    # UTC time of publication when the source gives the time of day (migration 3).
    Column("published_at", Text),
    Column("language", Text),
    Column("dateline", Text),
    Column("cited_sources", Text, nullable=False, server_default="[]"),
    # Provenance of the input.
    Column("location", Text, nullable=False),
    Column("raw_sha256", Text, nullable=False),
    Column("format", Text, nullable=False),
    Column("ingested_at", Text, nullable=False),
    UniqueConstraint("content_key", name="uq_articles_content"),
    UniqueConstraint("url_key", "version", name="uq_articles_url_version"),
)
Index("ix_articles_outlet", articles.c.outlet)
Index("ix_articles_language", articles.c.language)
Index("ix_articles_published", articles.c.published)


events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("source_code", Text, nullable=False),
    Column("source_country", Text),
    Column("source_sector", Text),
    Column("source_name", Text),
    Column("target_code", Text),
    Column("target_country", Text),
    Column("target_sector", Text),
    Column("target_name", Text),
    Column("cameo", Text, nullable=False),
    Column("cameo_root", Text, nullable=False),
    Column("plover_type", Text),
    Column("plover_mode", Text),
    Column("goldstein", Float, nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("date", Text),
    Column("date_precision", Text),
    Column("background", Boolean, nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("modality", Text, nullable=False),
    Column("symmetric", Boolean, nullable=False),
    Column("location", Text),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("rule", Text, nullable=False),
    # the article's language and outlet (lower case), copied so that event lists filter
    # by them along the newest-first index instead of joining every article first
    Column("article_language", Text),
    Column("outlet_key", Text),
)
# with the codes: related stories ("Baca juga") count the actors of a week's events from
# this index alone, without reading the events (6 -> 4.5 ms an article page)
Index("ix_events_article", events.c.article_id, events.c.source_code, events.c.target_code)
Index("ix_events_date", events.c.date)
Index("ix_events_dyad", events.c.source_country, events.c.target_country)


# -- stories (migration 3) ----------------------------------------------------------------

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text),
    Column("original_article_id", Integer),
    # Outlets the original itself credits but that are not in the story (the wire upstream).
    Column("upstream", Text, nullable=False, server_default="[]"),
    Column("first_published", Text),
    Column("last_published", Text),
    Column("articles", Integer, nullable=False, server_default="0"),
    Column("outlets", Integer, nullable=False, server_default="0"),
    Column("languages", Text, nullable=False, server_default="[]"),
    Column("events", Integer, nullable=False, server_default="0"),
    Column("updated_at", Text, nullable=False),
)
Index("ix_stories_first_published", stories.c.first_published)

story_articles = Table(
    "story_articles",
    metadata,
    Column(
        "article_id",
        Integer,
        ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("story_id", Integer, ForeignKey("stories.id"), nullable=False),
    # Why it joined: the strongest link to an article already in the story.
    Column("linked_to", Integer),
    Column("link", Text),
    Column("link_score", Float),
    # Lineage: the earlier article it most likely reuses, and how much of it.
    Column("parent_article_id", Integer),
    Column("reuse", Text),
    Column("shingle_share", Float),
    Column("sentence_share", Float),
    Column("names_share", Float),
    Column("credits_parent", Boolean, nullable=False, server_default="0"),
    # The signature that decides links, kept so later articles compare without re-reading.
    Column("language", Text),
    Column("day", Integer, nullable=False),
    Column("sort_key", Text, nullable=False),
    Column("minhash", LargeBinary, nullable=False),
    Column("shingles", Integer, nullable=False),
    Column("names", Text, nullable=False),
)
Index("ix_story_articles_story", story_articles.c.story_id)

# Look-up keys (MinHash bands, names) with the day, to find an article's candidates.
# The index leads with a bucket of KEY_BUCKET_DAYS days: a look-up only ever reads the
# buckets of its time window, and news arrives roughly in time order, so the pages being
# read and written stay the same few whatever the size of the archive (with the key first,
# every article touched ~70 random pages of an index that outgrew the cache past 30,000).
KEY_BUCKET_DAYS = 8
story_keys = Table(
    "story_keys",
    metadata,
    Column("key", Text, nullable=False),
    Column("day", Integer, nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("bucket", Integer, nullable=False, server_default="-1"),  # see key_bucket()
)
_STORY_KEYS_INDEX = Index(
    "ix_story_keys_bucket",
    story_keys.c.bucket,
    story_keys.c.key,
    story_keys.c.day,
    story_keys.c.article_id,  # covering: a look-up never reads the table
)


def key_bucket(day: int) -> int:
    """The look-up bucket of a day number; undated articles (day -1) have their own."""
    return day // KEY_BUCKET_DAYS if day >= 0 else -1


story_events = Table(
    "story_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id"), nullable=False),
    Column("source_code", Text, nullable=False),
    Column("source_name", Text),
    Column("target_code", Text),
    Column("target_name", Text),
    Column("cameo", Text, nullable=False),
    Column("cameo_root", Text, nullable=False),
    Column("plover_type", Text),
    Column("goldstein", Float, nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("date", Text),
    Column("negated", Boolean, nullable=False),
    Column("symmetric", Boolean, nullable=False),
    Column("mentions", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("outlets", Integer, nullable=False),
    Column("first_event_id", Integer, nullable=False),
)
Index("ix_story_events_story", story_events.c.story_id)

story_event_mentions = Table(
    "story_event_mentions",
    metadata,
    Column("story_event_id", Integer, nullable=False),
    Column(
        "event_id",
        Integer,
        ForeignKey("events.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
)
Index("ix_story_event_mentions_story_event", story_event_mentions.c.story_event_id)


# -- analysts' reviews and full-text search (migration 4) ---------------------------------

reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("verdict", Text, nullable=False),  # correct | wrong | corrected
    # A correction: only the fields the analyst changed are set.
    Column("cameo", Text),
    Column("source_code", Text),
    Column("target_code", Text),
    Column("date", Text),
    Column("note", Text),
    Column("reviewer", Text),
    Column("created_at", Text, nullable=False),
)
Index("ix_reviews_event", reviews.c.event_id)

# SQLite FTS5 over the articles' titles and texts, kept current by triggers.
_FTS5 = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, "
    "content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
]


# PostgreSQL: what full-text search reads, indexed by expression (GIN). The 'simple'
# configuration lower-cases without stemming: PostgreSQL has no Indonesian stemmer, and
# one configuration serves both languages as FTS5's unicode61 does. The text is capped so
# that no article exceeds a tsvector's 1 MB limit (search sees its first 200,000 characters).
_SEARCH_TEXT_CHARS = 200_000


def search_document() -> Any:
    """The tsvector of an article's title and text (PostgreSQL); queries must use this very
    expression for the index to serve them."""
    empty, space = literal_column("''"), literal_column("' '")
    title = func.coalesce(articles.c.title, empty)
    body = func.left(func.coalesce(articles.c.text, empty), _SEARCH_TEXT_CHARS)
    return func.to_tsvector(
        literal_column("'simple'::regconfig"), title.op("||")(space).op("||")(body)
    )


def _reviews_and_search(connection: Connection) -> None:
    """Reviews, and the full-text index of the articles already stored: FTS5 on SQLite,
    a GIN index on PostgreSQL."""
    _create_tables(reviews)(connection)
    if connection.dialect.name == "sqlite":
        for statement in _FTS5:
            connection.exec_driver_sql(statement)
    elif connection.dialect.name == "postgresql":
        # not a Table's Index: SQLite must never be asked to create it
        document = search_document().compile(connection, compile_kwargs={"literal_binds": True})
        connection.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS ix_articles_search ON articles USING gin (({document}))"
        )


# -- indexes for the dashboard and the API (migration 5) -----------------------------------

_READ_INDEXES = [
    # actor pages, dyads and the actor/source/target filters (covering the dyad aggregate)
    Index(
        "ix_events_source",
        events.c.source_code,
        events.c.target_code,
        events.c.quad_class,
        events.c.goldstein,
    ),
    Index(
        "ix_events_source_names",
        events.c.source_code,
        events.c.source_name,
        events.c.source_country,
    ),
    Index("ix_events_target", events.c.target_code, events.c.target_name, events.c.target_country),
    # article lists by language or outlet, newest first
    Index(
        "ix_articles_language_published", articles.c.language, articles.c.published, articles.c.id
    ),
    Index(
        "ix_articles_outlet_published",
        func.lower(articles.c.outlet),
        articles.c.published,
        articles.c.id,
    ),
]


def _create_indexes(indexes: list[Index]) -> Callable[[Connection], None]:
    """For databases made before: new ones got these indexes with their tables."""

    def create(connection: Connection) -> None:
        for index in indexes:
            connection.execute(CreateIndex(index, if_not_exists=True))

    return create


# -- newest events of one actor or country (migration 6) -------------------------------------

# An event list filtered by actor or country walks one of these per side from its newest
# entry and stops after a page, instead of sorting every event of the actor.
_SIDE_DATE_INDEXES = [
    # with what the per-day chart of an actor's page sums, so it reads the index alone
    Index(
        "ix_events_source_date",
        events.c.source_code,
        events.c.date,
        events.c.quad_class,
        events.c.goldstein,
    ),
    Index(
        "ix_events_target_date",
        events.c.target_code,
        events.c.date,
        events.c.quad_class,
        events.c.goldstein,
    ),
    Index(
        "ix_events_source_country_date",
        events.c.source_country,
        events.c.date,
        events.c.quad_class,
    ),
    Index(
        "ix_events_target_country_date",
        events.c.target_country,
        events.c.date,
        events.c.quad_class,
    ),
]


def _side_date_indexes(connection: Connection) -> None:
    _create_indexes(_SIDE_DATE_INDEXES)(connection)
    # ix_events_target_country_date serves whatever this one did
    connection.exec_driver_sql("DROP INDEX IF EXISTS ix_events_target_country")


# -- live monitoring state (migration 9) -------------------------------------------------------

# One row per source named in a SOURCES.txt given to `kabar watch`: how its last poll went,
# the validators for the next conditional GET, and the backoff after failures.
watch_sources = Table(
    "watch_sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, nullable=False),
    Column("kind", Text, nullable=False),  # feed | page
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled_at", Text),
    Column("last_status", Text),  # new | unchanged | failed
    Column("last_error", Text),
    Column("consecutive_failures", Integer, nullable=False, server_default="0"),
    Column("next_poll_at", Text),  # not polled before this time (set after a failure)
    Column("added_at", Text, nullable=False),
    UniqueConstraint("url", name="uq_watch_sources_url"),
)

# Entries (feed items by GUID or link, front-page links) a source has shown, so that each
# is fetched and ingested once. ``done`` is false while an entry whose page could not be
# read waits for another attempt.
watch_seen = Table(
    "watch_seen",
    metadata,
    Column(
        "source_id",
        Integer,
        ForeignKey("watch_sources.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("entry_key", Text, primary_key=True),
    Column("first_seen_at", Text, nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="SET NULL")),
    Column("attempts", Integer, nullable=False),
    Column("done", Boolean, nullable=False),
    Column("last_error", Text),
)


# -- newest-first order on PostgreSQL ---------------------------------------------------------

# Lists run newest first, then by id: ORDER BY <column> DESC NULLS LAST, id DESC. An SQLite
# index on <column> walked backwards gives exactly that (NULLs sort lowest, the rowid ends
# every entry); a PostgreSQL one does not (NULLs sort highest, no id). There every index
# holding one of these columns stores it in list order with the id after it.
NEWEST_FIRST = {"events": "date", "articles": "published", "stories": "first_published"}


@compiles(CreateIndex, "postgresql")
def _create_index_newest_first(create: CreateIndex, compiler: Any, **kw: Any) -> str:
    index = create.element
    table = index.table
    expressions = list(index.expressions)
    key = NEWEST_FIRST.get(table.name) if table is not None else None
    names = [getattr(expression, "name", None) for expression in expressions]
    if key not in names or getattr(expressions[names.index(key)], "table", None) is not table:
        return compiler.visit_create_index(create, **kw)
    at = names.index(key)
    parts = [_index_part(compiler, expression) for expression in expressions[:at]]
    parts += [f"{compiler.preparer.quote(key)} DESC NULLS LAST", "id DESC"]
    parts += [_index_part(compiler, e) for e in expressions[at + 1 :] if e is not table.c.id]
    return "CREATE {}INDEX {}{} ON {} ({})".format(
        "UNIQUE " if index.unique else "",
        "IF NOT EXISTS " if create.if_not_exists else "",
        compiler.preparer.quote(index.name),
        compiler.preparer.format_table(table),
        ", ".join(parts),
    )


def _index_part(compiler: Any, expression: Any) -> str:
    if isinstance(expression, Column):
        return compiler.preparer.quote(expression.name)
    sql = compiler.sql_compiler.process(expression, include_table=False, literal_binds=True)
    return f"({sql})"


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _create_tables(*tables: Table) -> Callable[[Connection], None]:
    def apply(connection: Connection) -> None:
        existing = set(inspect(connection).get_table_names())
        for table in tables:
            if table.name not in existing:
                table.create(connection)

    return apply


def _stories(connection: Connection) -> None:
    """Story tables, and the publication time of day that orders copies within a day."""
    columns = {column["name"] for column in inspect(connection).get_columns("articles")}
    if "published_at" not in columns:
        connection.exec_driver_sql("ALTER TABLE articles ADD COLUMN published_at TEXT")
    _create_tables(stories, story_articles, story_keys, story_events, story_event_mentions)(
        connection
    )


# -- event lists by language, outlet or CAMEO root (migration 8) ------------------------------

_FILTER_DATE_INDEXES = [
    Index("ix_events_language_date", events.c.article_language, events.c.date),
    Index("ix_events_outlet_date", events.c.outlet_key, events.c.date),
    Index("ix_events_root_date", events.c.cameo_root, events.c.date),  # was (cameo_root)
]

# migration 10: a PLOVER type's newest events by walking an index, not sorting them all
# (CONSULT is a quarter of all events: 10 ms -> under 1 ms for a page)
_PLOVER_DATE_INDEX = Index("ix_events_plover_date", events.c.plover_type, events.c.date)


def _plover_date_and_article_codes(connection: Connection) -> None:
    _create_indexes([_PLOVER_DATE_INDEX])(connection)
    connection.exec_driver_sql("DROP INDEX IF EXISTS ix_events_plover")
    # ix_events_article with the codes (see events): drop and build it again if it has none
    columns = [
        c["column_names"]
        for c in inspect(connection).get_indexes("events")
        if c["name"] == "ix_events_article"
    ]
    if columns != [["article_id", "source_code", "target_code"]]:
        connection.exec_driver_sql("DROP INDEX IF EXISTS ix_events_article")
        (index,) = [i for i in events.indexes if i.name == "ix_events_article"]
        connection.execute(CreateIndex(index))


def outlet_key(outlet: str | None) -> str | None:
    """How an outlet is matched in event filters: case-insensitive, Unicode included."""
    return outlet.lower() if outlet else None


def _events_know_their_article(connection: Connection) -> None:
    """Copy each article's language and outlet onto its events (see events)."""
    columns = {column["name"] for column in inspect(connection).get_columns("events")}
    for column in ("article_language", "outlet_key"):
        if column not in columns:
            connection.exec_driver_sql(f"ALTER TABLE events ADD COLUMN {column} TEXT")
    rows = connection.execute(select(articles.c.id, articles.c.language, articles.c.outlet))
    fill = (
        events.update()
        .where(events.c.article_id == bindparam("article"))
        .values(article_language=bindparam("language"), outlet_key=bindparam("outlet"))
    )
    while batch := rows.fetchmany(5000):
        values = [
            {"article": r.id, "language": r.language, "outlet": outlet_key(r.outlet)} for r in batch
        ]
        connection.execute(fill, values)
    _create_indexes(_FILTER_DATE_INDEXES)(connection)
    connection.exec_driver_sql("DROP INDEX IF EXISTS ix_events_root")


def _story_key_buckets(connection: Connection) -> None:
    """Story look-up keys grouped by time bucket first (see story_keys)."""
    columns = {column["name"] for column in inspect(connection).get_columns("story_keys")}
    if "bucket" not in columns:
        connection.exec_driver_sql(
            "ALTER TABLE story_keys ADD COLUMN bucket INTEGER NOT NULL DEFAULT -1"
        )
        connection.execute(
            story_keys.update()
            .where(story_keys.c.day >= 0)
            .values(bucket=story_keys.c.day // KEY_BUCKET_DAYS)
        )
    connection.execute(CreateIndex(_STORY_KEYS_INDEX, if_not_exists=True))
    for gone in ("ix_story_keys_key_day", "ix_story_keys_article"):
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {gone}")


MIGRATIONS: list[Migration] = [
    Migration(1, "articles", _create_tables(articles)),
    Migration(2, "events coded from articles", _create_tables(events)),
    Migration(3, "stories, lineage and story events", _stories),
    Migration(4, "analysts' reviews and full-text search", _reviews_and_search),
    Migration(5, "indexes for the dashboard and the API", _create_indexes(_READ_INDEXES)),
    Migration(6, "newest events of an actor or a country", _side_date_indexes),
    Migration(7, "story look-up keys by time bucket", _story_key_buckets),
    Migration(8, "event lists by language, outlet or CAMEO root", _events_know_their_article),
    Migration(9, "live monitoring state", _create_tables(watch_sources, watch_seen)),
    Migration(10, "event lists by PLOVER type, actors by article", _plover_date_and_article_codes),
]
LATEST = MIGRATIONS[-1].version


def migrate(connection: Connection) -> list[int]:
    """Apply the migrations this database lacks; return the versions applied."""
    schema_version.create(connection, checkfirst=True)
    done = {row.version for row in connection.execute(schema_version.select())}
    applied = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        migration.apply(connection)
        connection.execute(
            schema_version.insert().values(
                version=migration.version,
                description=migration.description,
                applied_at=datetime.now(UTC).isoformat(timespec="seconds"),
            )
        )
        applied.append(migration.version)
    return applied
