"""Read queries behind the dashboard, the HTTP API and the exports: events with filters,
actors, dyads, outlets, full-text search, and the analysts' reviews.

Every list has a stable order (newest first, then by id) and takes ``limit``/``offset``;
every filter is a bound parameter, never text pasted into SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Float,
    Integer,
    Result,
    Select,
    String,
    and_,
    bindparam,
    case,
    cast,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    text,
    union,
    union_all,
)
from sqlalchemy.exc import OperationalError

from ._schema import (
    articles,
    events,
    outlet_key,
    reviews,
    search_document,
    story_articles,
    story_events,
)

_WORDS = re.compile(r"\w+")


def records(result: Result) -> list[dict[str, Any]]:
    """A result's rows as dicts: a third cheaper than ``dict(row)`` over ``.mappings()``,
    which builds a RowMapping per row (a page of 500 events: 8.5 ms -> 6 ms)."""
    keys = list(map(str, result.keys()))
    return [dict(zip(keys, row, strict=True)) for row in result]


def total(expression) -> Any:
    """SUM as an integer on every backend (PostgreSQL sums integers as NUMERIC)."""
    return cast(func.sum(expression), Integer)


def mean(expression) -> Any:
    """AVG as a float on every backend (PostgreSQL averages as NUMERIC)."""
    return cast(func.avg(expression), Float)


class BadQuery(ValueError):
    """A query the store cannot run as asked (a malformed search expression)."""


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The filters every event query accepts (API, dashboard, CSV, exports)."""

    since: str | None = None  # event date, YYYY-MM-DD, inclusive
    until: str | None = None
    actor: str | None = None  # actor code (IDNGOV) as source or target
    country: str | None = None  # ISO alpha-3, as source or target
    source: str | None = None  # actor code as source
    target: str | None = None  # actor code as target
    root: str | None = None  # CAMEO root, "04"
    plover: str | None = None  # PLOVER type, "CONSULT"
    quad_class: int | None = None
    language: str | None = None
    outlet: str | None = None
    story: int | None = None
    article: int | None = None
    q: str | None = None  # full-text search in the articles
    include_background: bool = True  # events the article tells as background

    def conditions(
        self, connection: Connection, split: bool = False, walk_dates: bool = False
    ) -> list:
        """The filters as SQL conditions; with ``split``, without the first either-side
        filter, which the caller applies as one branch per side (see `sides`). Each value
        is a bound parameter named after its filter (see `values`). With ``walk_dates`` a
        search does not lead (see `_walk_dates`)."""
        bound = self.values(connection)

        def value(name: str) -> Any:
            return bindparam(f"filter_{name}", bound[f"filter_{name}"])

        found = []
        if self.since:
            found.append(events.c.date >= value("since"))
        if self.until:
            found.append(events.c.date <= value("until"))
        either = self._either_side()
        found.extend(or_(*alternatives) for alternatives in either[int(split) :])
        if self.source:
            found.append(events.c.source_code == value("source"))
        if self.target:
            found.append(events.c.target_code == value("target"))
        if self.root:
            found.append(events.c.cameo_root == value("root"))
        if self.plover:
            found.append(events.c.plover_type == value("plover"))
        if self.quad_class is not None:
            found.append(events.c.quad_class == value("quad_class"))
        if self.language:
            found.append(events.c.article_language == value("language"))
        if self.outlet:
            found.append(events.c.outlet_key == value("outlet"))
        if self.story is not None:
            in_story = select(story_articles.c.article_id).where(
                story_articles.c.story_id == value("story")
            )
            found.append(events.c.article_id.in_(in_story))
        if self.article is not None:
            found.append(events.c.article_id == value("article"))
        if self.q:
            # "+ 0" keeps SQLite from reading the matches' events through the article index
            article = (
                events.c.article_id + literal_column("0") if walk_dates else events.c.article_id
            )
            found.append(article.in_(matching_articles(connection, self.q)))
        if not self.include_background:
            found.append(events.c.background.is_(False))
        return found

    def values(self, connection: Connection) -> dict[str, Any]:
        """The bound parameters of `conditions`, as the SQL compares them: a statement built
        once for filters of the same `shape` runs with these values."""
        prepared = {
            "since": self.since,
            "until": self.until + "\uffff" if self.until else None,
            "actor": self.actor,
            "country": self.country,
            "source": self.source,
            "target": self.target,
            "root": self.root,
            "plover": self.plover.upper() if self.plover else None,
            "quad_class": self.quad_class,
            "language": self.language,
            "outlet": outlet_key(self.outlet) if self.outlet else None,
            "story": self.story,
            "article": self.article,
        }
        found = {f"filter_{k}": v for k, v in prepared.items() if v is not None and v != ""}
        if self.q and connection.dialect.name == "sqlite":
            found["q"] = fts_query(self.q)
        return found

    def shape(self, connection: Connection) -> tuple:
        """What the SQL of `conditions` depends on, apart from `values`: which filters are
        set (and on PostgreSQL the search itself, whose tsquery is built term by term)."""
        search = self.q if connection.dialect.name != "sqlite" else bool(self.q)
        present = tuple(
            f.name
            for f in fields(self)
            if f.name not in ("q", "include_background") and getattr(self, f.name) not in (None, "")
        )
        return (connection.dialect.name, present, search, self.include_background)

    def sides(self) -> list:
        """The first either-side filter (actor, else country) as one condition per side:
        each side can then walk its own (code, date) index newest first."""
        either = self._either_side()
        return either[0] if either else [None]

    def _either_side(self) -> list[tuple]:
        found = []
        for name, source, target in (
            ("actor", events.c.source_code, events.c.target_code),
            ("country", events.c.source_country, events.c.target_country),
        ):
            if getattr(self, name):
                code = bindparam(f"filter_{name}", getattr(self, name))
                found.append((source == code, target == code))
        return found

    def as_params(self) -> dict[str, Any]:
        """The filters set, as query-string parameters."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name != "include_background" and getattr(self, f.name) not in (None, "")
        }


EVENT_COLUMNS = (
    events.c.id,
    events.c.article_id,
    events.c.date,
    events.c.date_precision,
    events.c.source_code,
    events.c.source_name,
    events.c.source_country,
    events.c.source_sector,
    events.c.target_code,
    events.c.target_name,
    events.c.target_country,
    events.c.target_sector,
    events.c.cameo,
    events.c.cameo_root,
    events.c.plover_type,
    events.c.plover_mode,
    events.c.goldstein,
    events.c.quad_class,
    events.c.background,
    events.c.negated,
    events.c.modality,
    events.c.symmetric,
    events.c.location,
    events.c.evidence,
    events.c.evidence_start,
    events.c.evidence_end,
    events.c.confidence,
    events.c.rule,
    articles.c.title.label("article_title"),
    articles.c.outlet,
    articles.c.language,
    articles.c.url,
    articles.c.published,
)


def event_rows(
    connection: Connection, where: EventFilter, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Events with their article's title, outlet and language, newest event date first."""

    walk = _walk_dates(connection, where, offset + limit)

    def build() -> Select:
        rest = where.conditions(connection, split=True, walk_dates=walk)
        branches = [[side, *rest] if side is not None else rest for side in where.sides()]
        return _events_by_id(_page_ids(branches, limit, offset))

    statement = _STATEMENTS.get(("events", where.shape(connection), walk), build)
    values = where.values(connection) | _page_values(limit, offset)
    return records(connection.execute(statement, values))


def _walk_dates(connection: Connection, where: EventFilter, wanted: int) -> bool:
    """Whether a page of a search's events is found sooner by walking events newest first
    and keeping those of matching articles than by sorting every matching article's events.

    SQLite reads the matches' events first, whatever their number: 'pemerintah' (16,600 of
    20,000 articles) took 61-88 ms, walking the date index 3 ms; a rare word (222 articles)
    1 ms, walking 4-6 ms. A walk reads about ``wanted * articles / matches`` events, the
    sort about ``matches``' events: they cross near ``matches**2 = wanted * articles / 5``
    (measured on 100,000 events)."""
    if not where.q or connection.dialect.name != "sqlite":
        return False
    matches = connection.execute(_FTS_MATCHES, {"q": fts_query(where.q)}).scalar_one()
    articles_stored = connection.execute(_NEWEST_ARTICLE).scalar() or 0
    return matches * matches * 5 >= wanted * articles_stored


class _Statements:
    """Statements built once per shape and run with new values: building an event query
    with its filters, and SQLAlchemy's cache key of it, took longer than SQLite took to
    run it (a busy actor's page: 1.9 ms, of which SQLite 0.6)."""

    LIMIT = 256

    def __init__(self) -> None:
        self._built: dict[tuple, Any] = {}

    def get(self, key: tuple, build) -> Any:
        statement = self._built.get(key)
        if statement is None:
            if len(self._built) >= self.LIMIT:
                self._built.clear()
            statement = self._built[key] = build()
        return statement


_STATEMENTS = _Statements()


def _newest_first(table) -> tuple:
    return table.c.date.desc().nulls_last(), table.c.id.desc()


def _page_values(limit: int, offset: int) -> dict[str, int]:
    return {"page_limit": limit, "page_offset": offset, "branch_limit": offset + limit}


def _page_ids(branches: list[list], limit: int, offset: int) -> Select:
    """The ids of one page of events matching any branch, newest first.

    Only ids and dates are sorted; the wide rows are read for the page alone. Each branch
    (one per side of an actor or country filter) takes its own first ``offset + limit``
    ids, so it can walk a (code, date) index from the newest entry and stop, instead of
    sorting every event of a busy actor (21,000 of 100,000: 40 ms -> 0.3 ms). The limits
    are bound parameters (see `_page_values`)."""
    values = _page_values(limit, offset)
    page_limit, page_offset, branch_limit = (
        bindparam(name, values[name], type_=Integer) for name in values
    )
    if len(branches) == 1:
        return (
            select(events.c.id)
            .where(*branches[0])
            .order_by(*_newest_first(events))
            .limit(page_limit)
            .offset(page_offset)
        )
    firsts = [
        select(events.c.id, events.c.date)
        .where(*conditions)
        .order_by(*_newest_first(events))
        .limit(branch_limit)
        .subquery()
        for conditions in branches
    ]
    either = union(*[select(first.c.id, first.c.date) for first in firsts]).subquery()
    return (
        select(either.c.id).order_by(*_newest_first(either)).limit(page_limit).offset(page_offset)
    )


# built once: coercing 33 columns took a tenth of an event list's time in Python
_EVENTS_WITH_ARTICLE = (
    select(*EVENT_COLUMNS)
    .join(articles, articles.c.id == events.c.article_id)
    .order_by(*_newest_first(events))
)


def _events_by_id(ids: Select) -> Select:
    return _EVENTS_WITH_ARTICLE.where(events.c.id.in_(ids))


def count_event_rows(connection: Connection, where: EventFilter) -> int:
    """How many events match. An actor or country filter counts each side and subtracts
    the events on both (|A or B| = |A| + |B| - |A and B|): each count reads one index
    range, where the OR read both and merged them (a busy actor: 2.5 -> 0.5 ms)."""
    rest = where.conditions(connection, split=True)

    def count(*conditions) -> Any:
        return select(func.count()).select_from(events).where(*conditions, *rest).scalar_subquery()

    sides = [side for side in where.sides() if side is not None]
    if not sides:
        return connection.execute(select(count())).scalar_one()
    first, second = sides
    return connection.execute(
        select(count(first) + count(second) - count(first, second))
    ).scalar_one()


def events_per_day(connection: Connection, where: EventFilter) -> list[dict[str, Any]]:
    """Per event date: events of each quad class and the mean Goldstein score."""
    day = func.substr(events.c.date, 1, 10)
    query = (
        select(
            day.label("day"),
            *[
                total(case((events.c.quad_class == q, 1), else_=0)).label(f"quad{q}")
                for q in (1, 2, 3, 4)
            ],
            func.count().label("events"),
            mean(events.c.goldstein).label("goldstein"),
        )
        .select_from(events)
        .where(events.c.date.is_not(None), *where.conditions(connection))
        .group_by(day)
        .order_by(day)
    )
    return records(connection.execute(query))


def actor_rows(
    connection: Connection, q: str | None = None, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Actors by number of events, as source and as target (all of them by default).

    Each side is counted per code first, reading its (code, name, country) index in order,
    and only the two short lists are merged: grouping every event of both sides at once
    sorted 200,000 rows (100,000 events: 165 -> 48 ms)."""
    as_source = select(
        events.c.source_code.label("code"),
        func.max(events.c.source_name).label("name"),
        func.max(events.c.source_country).label("country"),
        func.count().label("as_source"),
        literal(0).label("as_target"),
    ).group_by(events.c.source_code)
    as_target = (
        select(
            events.c.target_code,
            func.max(events.c.target_name),
            func.max(events.c.target_country),
            literal(0),
            func.count(),
        )
        .where(events.c.target_code.is_not(None))
        .group_by(events.c.target_code)
    )
    sides = union_all(as_source, as_target).subquery()
    counted = total(sides.c.as_source) + total(sides.c.as_target)
    query = select(
        sides.c.code,
        func.max(sides.c.name).label("name"),
        func.max(sides.c.country).label("country"),
        total(sides.c.as_source).label("as_source"),
        total(sides.c.as_target).label("as_target"),
        counted.label("events"),
    ).group_by(sides.c.code)
    if q:
        pattern = f"%{q.lower()}%"
        query = query.having(
            or_(
                func.lower(sides.c.code).like(pattern),
                func.lower(func.max(sides.c.name)).like(pattern),
            )
        )
    query = query.order_by(counted.desc(), sides.c.code).limit(limit).offset(offset)
    return records(connection.execute(query))


def dyad_rows(
    connection: Connection,
    actor: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Source/target pairs by number of events, with mean Goldstein and the events of
    cooperation (quad classes 1, 2) and of conflict (3, 4)."""
    if actor:
        # each side through its own index, not one OR over every event (14 -> 2-6 ms)
        rows = union_all(
            select(*_DYAD_COLUMNS).where(
                events.c.source_code == actor, events.c.target_code.is_not(None)
            ),
            select(*_DYAD_COLUMNS).where(
                events.c.target_code == actor, events.c.source_code != actor
            ),
        ).subquery()
    else:
        rows = events
    query = (
        select(
            rows.c.source_code,
            rows.c.target_code,
            func.count().label("events"),
            mean(rows.c.goldstein).label("goldstein"),
            total(case((rows.c.quad_class <= 2, 1), else_=0)).label("cooperation"),
            total(case((rows.c.quad_class >= 3, 1), else_=0)).label("conflict"),
        )
        .where(rows.c.target_code.is_not(None))
        .group_by(rows.c.source_code, rows.c.target_code)
        .order_by(func.count().desc(), rows.c.source_code, rows.c.target_code)
        .limit(limit)
        .offset(offset)
    )
    return records(connection.execute(query))


_DYAD_COLUMNS = (
    events.c.source_code,
    events.c.target_code,
    events.c.goldstein,
    events.c.quad_class,
)


def dyad_filter(a: str, b: str) -> list:
    """Events between two actors, in either direction."""
    return [
        or_(
            and_(events.c.source_code == a, events.c.target_code == b),
            and_(events.c.source_code == b, events.c.target_code == a),
        )
    ]


def dyad_per_day(connection: Connection, a: str, b: str) -> list[dict[str, Any]]:
    day = func.substr(events.c.date, 1, 10)
    query = (
        select(
            day.label("day"),
            func.count().label("events"),
            mean(events.c.goldstein).label("goldstein"),
            total(case((events.c.quad_class <= 2, 1), else_=0)).label("cooperation"),
            total(case((events.c.quad_class >= 3, 1), else_=0)).label("conflict"),
        )
        .where(events.c.date.is_not(None), *dyad_filter(a, b))
        .group_by(day)
        .order_by(day)
    )
    return records(connection.execute(query))


def dyad_events(
    connection: Connection, a: str, b: str, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Events between two actors, either way round, newest first."""
    values = {"dyad_a": a, "dyad_b": b} | _page_values(limit, offset)
    return records(connection.execute(_DYAD_EVENTS, values))


def _dyad_events() -> Select:
    a, b = bindparam("dyad_a", type_=String), bindparam("dyad_b", type_=String)
    branches = [
        [events.c.source_code == a, events.c.target_code == b],
        [events.c.source_code == b, events.c.target_code == a],
    ]
    return _events_by_id(_page_ids(branches, 50, 0))


_DYAD_EVENTS = _dyad_events()


def outlet_rows(connection: Connection) -> list[dict[str, Any]]:
    """Outlets with their numbers of articles and events and the dates they cover."""
    per_article = (
        select(events.c.article_id, func.count().label("n"))
        .group_by(events.c.article_id)
        .subquery()
    )
    query = (
        select(
            articles.c.outlet,
            func.count().label("articles"),
            func.coalesce(total(per_article.c.n), 0).label("events"),
            func.min(articles.c.published).label("first_published"),
            func.max(articles.c.published).label("last_published"),
        )
        .outerjoin(per_article, per_article.c.article_id == articles.c.id)
        .group_by(articles.c.outlet)
        .order_by(func.count().desc(), articles.c.outlet)
    )
    return records(connection.execute(query))


def counts(connection: Connection) -> dict[str, int]:
    """How much the store holds."""
    from ._schema import stories

    return {
        name: connection.execute(select(func.count()).select_from(table)).scalar_one()
        for name, table in (("articles", articles), ("events", events), ("stories", stories))
    } | {
        "outlets": connection.execute(
            select(func.count(func.distinct(articles.c.outlet)))
        ).scalar_one()
    }


def neighbours(connection: Connection, article_id: int) -> dict[str, int | None]:
    """The articles just before and after one, in publication order (undated ones first),
    then by id: a few index seeks each way, whatever the size of the store."""
    row = connection.execute(
        select(articles.c.published).where(articles.c.id == article_id)
    ).first()
    when = row.published if row else None
    return {
        "previous": _adjacent(connection, when, article_id, later=False),
        "next": _adjacent(connection, when, article_id, later=True),
    }


def _adjacent(connection: Connection, when: str | None, article_id: int, later: bool):
    published, ident = articles.c.published, articles.c.id
    same_time = published.is_(None) if when is None else published == when
    order = (lambda c: c) if later else (lambda c: c.desc())
    closest = connection.execute(
        select(ident)
        .where(same_time, ident > article_id if later else ident < article_id)
        .order_by(order(ident))
        .limit(1)
    ).scalar()
    if closest is not None:
        return closest
    if later:
        beyond = published.is_not(None) if when is None else published > when
    elif when is None:
        return None
    else:
        beyond = published < when
    closest = connection.execute(
        select(ident).where(beyond).order_by(order(published), order(ident)).limit(1)
    ).scalar()
    if closest is None and not later:  # before the first dated article: the last undated
        closest = connection.execute(
            select(ident).where(published.is_(None)).order_by(ident.desc()).limit(1)
        ).scalar()
    return closest


# built once: asked before every cached answer
_NEWEST_IDS = select(
    *[select(func.max(t.c.id)).scalar_subquery() for t in (articles, events, story_events, reviews)]
)


def store_state(connection: Connection) -> tuple:
    """Newest row ids of what the dashboard aggregates: changes whenever anything is added,
    regrouped or reviewed (story events are rewritten with new ids)."""
    return tuple(connection.execute(_NEWEST_IDS).one())


def event_exists(connection: Connection, event_id: int) -> bool:
    return (
        connection.execute(select(events.c.id).where(events.c.id == event_id)).first() is not None
    )


# -- full-text search ------------------------------------------------------------------------


_FTS_MATCHES = text("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH :q")
_NEWEST_ARTICLE = select(func.max(articles.c.id))


def matching_articles(connection: Connection, q: str):
    """A subquery of the ids of articles matching ``q`` (words, "phrases", OR, prefix*):
    SQLite's FTS5 index or PostgreSQL's full-text index."""
    if connection.dialect.name == "sqlite":
        return text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q").bindparams(
            q=fts_query(q)
        )
    return select(articles.c.id).where(search_document().op("@@")(ts_query(q)))


def search_terms(q: str) -> list[tuple[str, bool] | str]:
    """A user's search as terms: (word or phrase, prefix?) pairs with "OR" between some;
    words are ANDed. BadQuery when nothing is left to look for."""
    terms: list[tuple[str, bool] | str] = []
    for part in _split_terms(q):
        if part.upper() == "OR" and terms:
            terms.append("OR")
            continue
        word = part.rstrip("*").replace('"', "")
        if word:
            terms.append((word, part.endswith("*")))
    if terms and terms[-1] == "OR":
        terms.pop()
    if not terms:
        raise BadQuery("the search has no words")
    return terms


def fts_query(q: str) -> str:
    """The search as an FTS5 expression: every word quoted, so that nothing in it is read
    as FTS5 syntax; a trailing * kept."""
    return " ".join(
        term if term == "OR" else f'"{term[0]}"' + ("*" if term[1] else "")
        for term in search_terms(q)
    )


def ts_query(q: str) -> Any:
    """The search as a PostgreSQL tsquery, built from bound parameters: AND binds tighter
    than OR; a phrase must match in order; a trailing * matches a prefix."""
    alternatives: list[Any] = []
    current: Any = None
    for term in search_terms(q):
        if term == "OR":
            alternatives.append(current)
            current = None
            continue
        part = _ts_term(*term)
        current = part if current is None else current.op("&&")(part)
    alternatives.append(current)
    query = alternatives[0]
    for alternative in alternatives[1:]:
        query = query.op("||")(alternative)
    return query


def _split_terms(q: str) -> list[str]:
    parts, current, quoted = [], [], False
    for char in q:
        if char == '"':
            quoted = not quoted
            continue
        if char.isspace() and not quoted:
            if current:
                parts.append("".join(current))
                current = []
            continue
        current.append(char)
    if current:
        parts.append("".join(current))
    return parts


def _ts_term(words: str, prefix: bool) -> Any:
    simple = literal_column("'simple'::regconfig")
    if not prefix:
        return func.phraseto_tsquery(simple, words)
    # only word characters reach to_tsquery's syntax, each as a quoted lexeme
    tokens = [token.lower() for token in _WORDS.findall(words)] or ["_"]
    expression = " <-> ".join(f"'{token}'" for token in tokens) + ":*"
    return func.to_tsquery(simple, expression)


def search_articles(
    connection: Connection, q: str, limit: int = 20, offset: int = 0
) -> list[dict[str, Any]]:
    """Articles matching ``q``, best match first (SQLite: bm25; PostgreSQL: ts_rank_cd)."""
    try:
        if connection.dialect.name == "sqlite":
            return _sqlite_search(connection, fts_query(q), limit, offset)
        return records(connection.execute(_postgres_search(q, limit, offset)))
    except OperationalError as exc:
        raise BadQuery(f"cannot search for {q!r}: {exc.orig}") from exc


# the page's ids ranked from the index alone, then only their rows and snippets are read:
# joining every match's article before ranking cost half the time ('pemerintah', in 16,600
# of 20,000 articles: 39 -> 22 ms; a word in 800: 4.3 -> 1.9 ms)
_SEARCH_RANKED = text(
    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q "
    "ORDER BY bm25(articles_fts), rowid DESC LIMIT :limit OFFSET :offset"
)
_SEARCH_SHOWN = text(
    "SELECT a.id, a.title, a.outlet, a.language, a.published, "
    "snippet(articles_fts, 1, '[', ']', ' … ', 24) AS snippet "
    "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
    "WHERE articles_fts MATCH :q AND articles_fts.rowid IN :ids"
).bindparams(bindparam("ids", expanding=True))


def _sqlite_search(connection: Connection, match: str, limit: int, offset: int) -> list[dict]:
    values = {"q": match, "limit": limit, "offset": offset}
    ranked = connection.execute(_SEARCH_RANKED, values).scalars().all()
    if not ranked:
        return []
    shown = records(connection.execute(_SEARCH_SHOWN, {"q": match, "ids": ranked}))
    by_id = {row["id"]: row for row in shown}
    return [by_id[article] for article in ranked]


def _postgres_search(q: str, limit: int, offset: int) -> Any:
    """Best match first (ts_rank_cd), each with a snippet marked as FTS5 marks it."""
    query = ts_query(q).label("query")
    document = search_document()
    snippet = func.ts_headline(
        literal_column("'simple'::regconfig"),
        articles.c.text,
        query,
        literal(
            "StartSel=[, StopSel=], MaxWords=24, MinWords=12, MaxFragments=1, "
            'FragmentDelimiter=" … "'
        ),
    )
    return (
        select(
            articles.c.id,
            articles.c.title,
            articles.c.outlet,
            articles.c.language,
            articles.c.published,
            snippet.label("snippet"),
        )
        .where(document.op("@@")(query))
        .order_by(func.ts_rank_cd(document, query).desc(), articles.c.id.desc())
        .limit(limit)
        .offset(offset)
    )


# -- reviews ---------------------------------------------------------------------------------

VERDICTS = ("correct", "wrong", "corrected")


def add_review(connection: Connection, event_id: int, review: dict[str, Any]) -> int:
    """Store one analyst's review of an event; the coder's event row is never changed."""
    row = {
        "event_id": event_id,
        "verdict": review["verdict"],
        "cameo": review.get("cameo"),
        "source_code": review.get("source_code"),
        "target_code": review.get("target_code"),
        "date": review.get("date"),
        "note": review.get("note"),
        "reviewer": review.get("reviewer"),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    return connection.execute(insert(reviews).values(**row)).inserted_primary_key[0]


def event_reviews(connection: Connection, event_id: int) -> list[dict[str, Any]]:
    query = select(reviews).where(reviews.c.event_id == event_id).order_by(reviews.c.id)
    return records(connection.execute(query))


def latest_reviews(connection: Connection, article_id: int | None = None) -> dict[int, dict]:
    """The latest review of each reviewed event (of one article, or all)."""
    query = (
        select(reviews, events.c.article_id)
        .join(events, events.c.id == reviews.c.event_id)
        .order_by(reviews.c.id)
    )
    if article_id is not None:
        query = query.where(events.c.article_id == article_id)
    latest: dict[int, dict] = {}
    for row in connection.execute(query).mappings():
        latest[row["event_id"]] = dict(row)
    return latest
