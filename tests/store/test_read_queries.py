"""The dashboard's read queries give the same answers as a plain scan of the rows, in their
documented order, whatever index or plan serves them."""

from __future__ import annotations

import random
import sqlite3

import pytest

from kabar.store import Store
from kabar.store import _queries as queries
from kabar.store._schema import articles, events
from kabar.web._pages import RELATED_STORIES, related_stories_values

ACTORS = ["IDNGOV", "RUSGOV", "USAGOV", "IDNMIL", "CHNGOV", "UKRGOV"]


def _article(number: int, published: str | None) -> dict:
    text = f"Teks berita nomor {number}."
    return {
        "url": f"https://kabar.example/{number}",
        "url_key": f"kabar.example/{number}",
        "version": 1,
        "content_key": f"content-{number}",
        "text_hash": f"hash-{number}",
        "title": f"Berita {number}",
        "text": text,
        "outlet": "Kabar Uji" if number % 2 else "Warta Uji",
        "published": published,
        "published_precision": "day" if published else None,
        "language": "id" if number % 3 else "en",
        "cited_sources": "[]",
        "location": f"test:{number}",
        "raw_sha256": f"raw-{number}",
        "format": "html",
        "ingested_at": "2026-01-01T00:00:00+00:00",
    }


def _event(rng: random.Random, article: dict) -> dict:
    """An event row as the store writes it (with its article's language and outlet)."""
    source = rng.choice(ACTORS)
    target = rng.choice(ACTORS + [None])
    day = rng.choice([None, *[f"2026-01-{d:02d}" for d in range(1, 6)]])
    return {
        "article_id": article["id"],
        "article_language": article["language"],
        "outlet_key": article["outlet"].lower(),
        "source_code": source,
        "source_country": source[:3],
        "source_name": source,
        "target_code": target,
        "target_country": target[:3] if target else None,
        "target_name": target,
        "cameo": "042",
        "cameo_root": "04",
        "goldstein": 1.9,
        "quad_class": rng.randint(1, 4),
        "date": day,
        "date_precision": "day" if day else None,
        "background": False,
        "negated": False,
        "modality": "asserted",
        "symmetric": False,
        "evidence": "Kalimat bukti.",
        "evidence_start": 0,
        "evidence_end": 14,
        "confidence": 0.9,
        "rule": "test",
    }


@pytest.fixture(scope="module")
def filled(module_db_url):
    """40 articles (some undated, some on the same day) with 400 events in random order."""
    rng = random.Random(7)
    store = Store.open(module_db_url)
    days = [None, "2026-01-01", "2026-01-02", "2026-01-02", "2026-01-03"]
    with store.transaction() as connection:
        for number in range(40):
            connection.execute(articles.insert(), _article(number, rng.choice(days)))
        stored = [dict(row) for row in connection.execute(articles.select()).mappings()]
        connection.execute(events.insert(), [_event(rng, rng.choice(stored)) for _ in range(400)])
    store.refresh_statistics()
    with store.engine.connect() as connection:
        rows = [dict(r) for r in connection.execute(events.select()).mappings()]
        dated = [dict(r) for r in connection.execute(articles.select()).mappings()]
    yield store, rows, dated
    store.close()


def _newest_first(rows: list[dict]) -> list[int]:
    dated = sorted((r for r in rows if r["date"]), key=lambda r: (r["date"], r["id"]))
    undated = sorted((r for r in rows if not r["date"]), key=lambda r: r["id"])
    return [r["id"] for r in reversed(dated)] + [r["id"] for r in reversed(undated)]


def _matches(row: dict, where: queries.EventFilter, stored: list[dict]) -> bool:
    article = next(a for a in stored if a["id"] == row["article_id"])
    sides = (row["source_code"], row["target_code"])
    countries = (row["source_country"], row["target_country"])
    return (
        (where.actor is None or where.actor in sides)
        and (where.country is None or where.country in countries)
        and (where.source is None or row["source_code"] == where.source)
        and (where.target is None or row["target_code"] == where.target)
        and (where.quad_class is None or row["quad_class"] == where.quad_class)
        and (where.since is None or (row["date"] or "") >= where.since)
        and (where.language is None or article["language"] == where.language)
        and (where.outlet is None or article["outlet"].lower() == where.outlet.lower())
    )


FILTERS = [
    queries.EventFilter(),
    queries.EventFilter(actor="IDNGOV"),
    queries.EventFilter(country="RUS"),
    queries.EventFilter(actor="USAGOV", country="IDN"),
    queries.EventFilter(actor="IDNGOV", quad_class=2),
    queries.EventFilter(country="CHN", since="2026-01-03"),
    queries.EventFilter(source="RUSGOV", target="UKRGOV"),
    queries.EventFilter(language="en"),
    queries.EventFilter(outlet="kabar uji", actor="IDNGOV"),
]


@pytest.mark.parametrize("where", FILTERS, ids=lambda w: str(w.as_params()) or "all")
def test_event_pages_follow_the_documented_order(filled, where):
    store, rows, stored = filled
    expected = _newest_first([r for r in rows if _matches(r, where, stored)])
    assert expected, "the fixture must give every filter some events"
    with store.engine.connect() as connection:
        for limit in (7, 50):
            pages = [
                [e["id"] for e in queries.event_rows(connection, where, limit, offset)]
                for offset in range(0, len(expected) + limit, limit)
            ]
            assert [i for page in pages for i in page] == expected
            assert queries.count_event_rows(connection, where) == len(expected)


def test_filters_of_one_shape_run_one_statement_with_their_own_values(filled):
    """An event query is built once per shape (which filters are set) and run with each
    request's values: every run must still answer its own filter, never the first one's."""
    store, rows, stored = filled
    runs = [
        [queries.EventFilter(actor=a) for a in ("IDNGOV", "RUSGOV", "USAGOV")],
        [
            queries.EventFilter(country=c, since=day)
            for c, day in (("CHN", "2026-01-03"), ("RUS", "2026-01-02"), ("IDN", "2026-01-04"))
        ],
        [queries.EventFilter(language=language) for language in ("en", "id")],
        [
            queries.EventFilter(outlet=outlet, quad_class=quad)
            for outlet, quad in (("Kabar Uji", 1), ("warta uji", 3))
        ],
    ]
    with store.engine.connect() as connection:
        for same_shape in runs:
            assert len({where.shape(connection) for where in same_shape}) == 1
            for where in same_shape:
                expected = _newest_first([r for r in rows if _matches(r, where, stored)])
                assert expected
                got = [e["id"] for e in queries.event_rows(connection, where, 500)]
                assert got == expected, where
        for number in (3, 5, 8):  # searches: "Teks berita nomor N."
            article = next(a["id"] for a in stored if a["text"].endswith(f" {number}."))
            expected = _newest_first([r for r in rows if r["article_id"] == article])
            where = queries.EventFilter(q=str(number))
            assert [e["id"] for e in queries.event_rows(connection, where, 500)] == expected
        for a, b in (("RUSGOV", "IDNGOV"), ("USAGOV", "CHNGOV")):
            pair = {a, b}
            expected = _newest_first(
                [r for r in rows if {r["source_code"], r["target_code"]} == pair]
            )
            assert expected
            assert [e["id"] for e in queries.dyad_events(connection, a, b, 500)] == expected


def test_an_actor_on_both_sides_of_an_event_is_listed_once(filled):
    store, rows, _ = filled
    both = [r["id"] for r in rows if r["source_code"] == r["target_code"] == "IDNGOV"]
    assert both, "the fixture must have an event of IDNGOV with itself"
    with store.engine.connect() as connection:
        listed = [
            e["id"]
            for e in queries.event_rows(connection, queries.EventFilter(actor="IDNGOV"), 500)
        ]
    assert len(listed) == len(set(listed))
    assert set(both) <= set(listed)


def test_dyad_events_in_either_direction(filled):
    store, rows, _ = filled
    pair = {"RUSGOV", "IDNGOV"}
    expected = _newest_first(
        [r for r in rows if {r["source_code"], r["target_code"]} == pair and r["target_code"]]
    )
    with store.engine.connect() as connection:
        first = queries.dyad_events(connection, "RUSGOV", "IDNGOV", limit=5)
        rest = queries.dyad_events(connection, "RUSGOV", "IDNGOV", limit=500, offset=5)
    assert [e["id"] for e in first + rest] == expected


@pytest.mark.parametrize("actor", [None, *ACTORS])
def test_dyads_of_an_actor_count_each_event_once(filled, actor):
    """Pairs with their numbers of events, cooperation and conflict, most events first; an
    actor's pairs include those where it is on both sides, counted once."""
    store, rows, _ = filled
    expected: dict[tuple, list[int]] = {}
    for row in rows:
        pair = (row["source_code"], row["target_code"])
        if pair[1] is None or (actor is not None and actor not in pair):
            continue
        counts = expected.setdefault(pair, [0, 0, 0])
        counts[0] += 1
        counts[1 if row["quad_class"] <= 2 else 2] += 1
    with store.engine.connect() as connection:
        found = queries.dyad_rows(connection, actor=actor, limit=1000)
    assert {
        (d["source_code"], d["target_code"]): [d["events"], d["cooperation"], d["conflict"]]
        for d in found
    } == expected
    order = [(-d["events"], d["source_code"], d["target_code"]) for d in found]
    assert order == sorted(order)
    assert any(a == b for a, b in expected)  # the data has an actor acting on itself


def test_actors_are_counted_on_each_side_most_active_first(filled):
    store, rows, _ = filled
    expected: dict[str, dict] = {}
    for row in rows:
        for side in ("source", "target"):
            code = row[f"{side}_code"]
            if code is None:
                continue
            actor = expected.setdefault(
                code, {"code": code, "as_source": 0, "as_target": 0, "events": 0}
            )
            actor[f"as_{side}"] += 1
            actor["events"] += 1
            actor["name"], actor["country"] = row[f"{side}_name"], row[f"{side}_country"]
    ranked = sorted(expected.values(), key=lambda a: (-a["events"], a["code"]))
    with store.engine.connect() as connection:
        assert queries.actor_rows(connection) == ranked
        assert queries.actor_rows(connection, limit=2, offset=1) == ranked[1:3]
        assert queries.actor_rows(connection, q="gov") == [a for a in ranked if "GOV" in a["code"]]


def test_neighbours_walk_the_publication_order(filled):
    store, _, stored = filled
    order = [a["id"] for a in sorted(stored, key=lambda a: (a["published"] or "", a["id"]))]
    with store.engine.connect() as connection:
        walked = [order[0]]
        while (following := queries.neighbours(connection, walked[-1])["next"]) is not None:
            walked.append(following)
        back = [order[-1]]
        while (before := queries.neighbours(connection, back[-1])["previous"]) is not None:
            back.append(before)
    assert walked == order
    assert back == order[::-1]


def test_ingest_statistics_are_kept_for_the_planner(filled):
    store, _, _ = filled
    with store.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            statistics = "SELECT tbl FROM sqlite_stat1"
        else:
            statistics = "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL"
        analysed = {row[0] for row in connection.exec_driver_sql(statistics)}
    assert {"articles", "events"} <= analysed


def plan(connection, query, avoid=("seqscan", "bitmapscan", "sort")) -> str:
    """The backend's plan for ``query``, as one line. PostgreSQL is told to avoid table
    scans and sorts, which it would rightly pick for these few rows: the test asks which
    index can serve the query, as one must on a big table."""
    compiled = query.compile(connection, compile_kwargs={"literal_binds": True})
    if connection.dialect.name == "sqlite":
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")
        return " | ".join(row[-1] for row in rows)
    for method in avoid:
        connection.exec_driver_sql(f"SET enable_{method} = off")
    return " | ".join(row[0] for row in connection.exec_driver_sql(f"EXPLAIN {compiled}"))


def test_actor_lists_walk_the_newest_entries_of_an_index(filled):
    """The plan behind an actor's page of events: each side seeks its (code, date) index
    from the newest entry; no sort of the actor's whole history."""
    store, _, _ = filled
    where = queries.EventFilter(actor="IDNGOV")
    with store.engine.connect() as connection:
        walked = plan(connection, queries._page_ids([[side] for side in where.sides()], 50, 0))
    assert "ix_events_source_date" in walked and "ix_events_target_date" in walked, walked


@pytest.mark.parametrize(
    ("where", "index"),
    [
        (queries.EventFilter(plover="CONSULT"), "ix_events_plover_date"),
        (queries.EventFilter(root="04"), "ix_events_root_date"),
        (queries.EventFilter(language="id"), "ix_events_language_date"),
    ],
)
def test_filtered_lists_walk_a_date_index_without_sorting(filled, where, index):
    """A page of one PLOVER type, CAMEO root or language: its (value, date) index is read
    from the newest entry, not every matching event sorted (a quarter of all events)."""
    store, _, _ = filled
    with store.engine.connect() as connection:
        walked = plan(connection, queries._page_ids([where.conditions(connection)], 50, 0))
    assert index in walked and "TEMP B-TREE" not in walked and "Sort" not in walked, walked


def test_a_common_search_walks_the_events_newest_first(filled):
    """A search matching most articles finds a page of events by walking the date index and
    keeping the matches' events (SQLite sorted every match's events: 61-88 ms for a word in
    most of 20,000 articles, 3 ms walking); a rare one still starts from its articles."""
    store, rows, stored = filled
    common, rare = queries.EventFilter(q="berita"), queries.EventFilter(q="3")
    with store.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        assert queries._walk_dates(connection, common, 50) is sqlite  # all 40 articles
        assert queries._walk_dates(connection, rare, 50) is False  # one article
        if sqlite:
            page = queries._page_ids([common.conditions(connection, walk_dates=True)], 50, 0)
            walked = plan(connection, page.params(common.values(connection)))
            assert "ix_events_date" in walked and "TEMP B-TREE" not in walked, walked
        for number in range(1, 40, 13):
            listed = queries.event_rows(connection, common, 7, offset=number)
            assert [e["id"] for e in listed] == _newest_first(rows)[number : number + 7]
        article = next(a["id"] for a in stored if a["text"].endswith(" 3."))
        expected = _newest_first([r for r in rows if r["article_id"] == article])
        assert [e["id"] for e in queries.event_rows(connection, rare, 500)] == expected


def test_an_older_database_gets_the_indexes_of_migration_10(tmp_path):
    """Migration 10 replaces the PLOVER index of older databases and adds the actor codes
    to their index of events by article."""
    path = tmp_path / "old.db"
    Store.open(str(path)).close()
    with sqlite3.connect(path) as db:  # back to the layout of schema version 9
        db.execute("DROP INDEX ix_events_plover_date")
        db.execute("CREATE INDEX ix_events_plover ON events (plover_type)")
        db.execute("DROP INDEX ix_events_article")
        db.execute("CREATE INDEX ix_events_article ON events (article_id)")
        db.execute("DELETE FROM schema_version WHERE version = 10")
    Store.open(str(path)).close()
    with sqlite3.connect(path) as db:
        names = {
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
        by_article = [row[2] for row in db.execute("PRAGMA index_info(ix_events_article)")]
    assert "ix_events_plover_date" in names and "ix_events_plover" not in names
    assert by_article == ["article_id", "source_code", "target_code"]


def test_related_stories_read_the_codes_from_the_index(filled):
    """Related stories count the actors of a week's events from ix_events_article alone."""
    store, _, _ = filled
    with store.engine.connect() as connection:
        for article in store.articles(limit=50):
            where = queries.EventFilter(article=article["id"])
            values = related_stories_values(article, queries.event_rows(connection, where), None)
            if values is not None:
                break
        walked = plan(connection, RELATED_STORIES.params(values))
    covering = (
        "COVERING INDEX ix_events_article"
        if store.engine.dialect.name == "sqlite"
        else ("Index Only Scan using ix_events_article")
    )
    assert covering in walked, walked


def test_search_reads_the_full_text_index(filled):
    store, _, _ = filled
    with store.engine.connect() as connection:
        # (a GIN index is read by bitmap scans only)
        walked = plan(connection, queries.matching_articles(connection, "Jakarta"), ["seqscan"])
    index = "articles_fts" if store.engine.dialect.name == "sqlite" else "ix_articles_search"
    assert index in walked, walked


def test_events_of_an_older_database_learn_their_articles_language_and_outlet(tmp_path):
    """Migration 8 fills the copied columns of events stored before it."""
    path = tmp_path / "old.db"
    with Store.open(str(path)) as store, store.transaction() as connection:
        connection.execute(articles.insert(), _article(1, "2026-01-02"))
        (article,) = [dict(r) for r in connection.execute(articles.select()).mappings()]
        connection.execute(events.insert(), [_event(random.Random(1), article)] * 3)
    with sqlite3.connect(path) as db:  # back to the layout of schema version 7
        db.execute("DROP INDEX ix_events_language_date")
        db.execute("DROP INDEX ix_events_outlet_date")
        db.execute("ALTER TABLE events DROP COLUMN article_language")
        db.execute("ALTER TABLE events DROP COLUMN outlet_key")
        db.execute("DELETE FROM schema_version WHERE version = 8")
    with Store.open(str(path)) as store, store.engine.connect() as connection:
        where = queries.EventFilter(language="id", outlet="KABAR UJI")
        assert len(queries.event_rows(connection, where)) == 3
        assert queries.count_event_rows(connection, where) == 3
    with sqlite3.connect(path) as db:  # the planner's statistics know the new indexes
        analysed = {row[0] for row in db.execute("SELECT idx FROM sqlite_stat1")}
    assert {"ix_events_language_date", "ix_events_outlet_date"} <= analysed
