"""The store: idempotent adds, versions, identity rules, migrations, queries."""

from __future__ import annotations

import sqlite3

import pytest

from kabar.models import Article
from kabar.store import SCHEMA_VERSION, Outcome, Store, database_url, normalise_text, url_key
from kabar.store import _queries as queries


def make(text="Presiden bertemu menteri di Jakarta.", url="https://kabar.example/a", **kw):
    defaults = dict(title="Judul", outlet="Kabar Uji", location="x.html", raw_sha256="0" * 64)
    return Article(text=text, url=url, **(defaults | kw))


def test_same_article_twice_is_stored_once(store):
    first = store.add(make())
    again = store.add(make())
    assert first.outcome is Outcome.STORED
    assert again == type(again)(Outcome.DUPLICATE, first.article_id)
    assert store.count() == 1


def test_same_url_in_another_form_is_the_same_article(store):
    store.add(make(url="https://www.kabar.example/a/"))
    added = store.add(make(url="http://kabar.example/a?utm_source=fb&utm_medium=x#top"))
    assert added.outcome is Outcome.DUPLICATE


def test_same_text_same_outlet_other_url_is_a_duplicate(store):
    store.add(make(url="https://kabar.example/a"))
    added = store.add(make(text="PRESIDEN bertemu   menteri, di Jakarta!", url=None))
    assert added.outcome is Outcome.DUPLICATE


def test_verbatim_copy_by_another_outlet_is_kept(store):
    store.add(make())
    copy = store.add(make(outlet="Portal Lain", url="https://lain.example/copy"))
    assert copy.outcome is Outcome.STORED and store.count() == 2


def test_changed_text_at_the_same_url_is_a_new_version(store):
    first = store.add(make())
    second = store.add(make(text="Presiden bertemu menteri di Jakarta. Ralat: di Bogor."))
    assert second.outcome is Outcome.NEW_VERSION
    versions = sorted((a["id"], a["version"]) for a in store.articles())
    assert versions == [(first.article_id, 1), (second.article_id, 2)]
    # the same newer text again is a duplicate of version 2, not a version 3
    assert (
        store.add(make(text="Presiden bertemu menteri di Jakarta. Ralat: di Bogor.")).outcome
        is Outcome.DUPLICATE
    )


def test_record_round_trip(store):
    added = store.add(
        make(
            cited_sources=["Reuters", "Antara"],
            published="2026-01-12",
            language="id",
            dateline="Jakarta",
            published_precision="day",
        )
    )
    row = store.article(added.article_id)
    assert row["cited_sources"] == ["Reuters", "Antara"]
    assert (row["published"], row["language"], row["dateline"]) == ("2026-01-12", "id", "Jakarta")
    assert "content_key" not in row and "text_hash" not in row
    assert store.article(9999) is None


def test_filters_and_order(store):
    store.add(make(text="satu", url="https://k.example/1", published="2026-01-10", language="id"))
    store.add(
        make(
            text="dua",
            url="https://k.example/2",
            published="2026-01-12",
            language="en",
            outlet="Ledger",
        )
    )
    store.add(make(text="tiga", url="https://k.example/3", published=None, language="id"))
    assert [a["text"] for a in store.articles()] == ["dua", "satu", "tiga"]
    assert [a["text"] for a in store.articles(language="id")] == ["satu", "tiga"]
    assert [a["text"] for a in store.articles(outlet="ledger")] == ["dua"]
    assert [a["text"] for a in store.articles(since="2026-01-11")] == ["dua"]
    assert [a["text"] for a in store.articles(until="2026-01-10")] == ["satu"]
    assert [a["text"] for a in store.articles(limit=1, offset=1)] == ["satu"]
    assert [a["text"] for a in store.iter_articles(chunk=2)] == ["satu", "dua", "tiga"]


def test_sqlite_file_is_wal_with_schema_version(tmp_path):
    path = tmp_path / "k.db"
    Store.open(str(path)).close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        versions = [r[0] for r in connection.execute("SELECT version FROM schema_version")]
    assert versions == list(range(1, SCHEMA_VERSION + 1))


def test_reopening_does_not_migrate_twice(tmp_path):
    path = str(tmp_path / "k.db")
    with Store.open(path) as store:
        store.add(make())
    with Store.open(path) as store:
        assert store.count() == 1
    with sqlite3.connect(path) as connection:
        assert (
            connection.execute("SELECT count(*) FROM schema_version").fetchone()[0]
            == SCHEMA_VERSION
        )


def test_database_url(monkeypatch):
    monkeypatch.delenv("KABAR_DB", raising=False)
    assert database_url(None) == "sqlite:///kabar.db"
    assert database_url("x/y.db") == "sqlite:///x/y.db"
    assert database_url("postgresql://u@localhost/k") == "postgresql+psycopg://u@localhost/k"
    monkeypatch.setenv("KABAR_DB", "/tmp/env.db")
    assert database_url(None) == "sqlite:////tmp/env.db"


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.Kabar.example/a/b/", "kabar.example/a/b"),
        ("http://kabar.example/a/b?utm_source=x&id=3&gclid=y#frag", "kabar.example/a/b?id=3"),
        ("https://kabar.example:8443/a", "kabar.example:8443/a"),
        ("not a url", None),
        (None, None),
    ],
)
def test_url_key(url, key):
    assert url_key(url) == key


def test_normalise_text():
    assert normalise_text("Hello,  WORLD!\n\nÉtat — “x”") == normalise_text("hello world état x")


def test_old_database_is_migrated_forward(tmp_path):
    from sqlalchemy import create_engine, inspect

    from kabar.store import _schema

    path = tmp_path / "v1.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:  # a database made by the first release
        _schema.schema_version.create(connection)
        _schema.MIGRATIONS[0].apply(connection)
        connection.execute(
            _schema.schema_version.insert().values(
                version=1, description="articles", applied_at="x"
            )
        )
    engine.dispose()
    with Store.open(str(path)) as store:
        assert "events" in inspect(store.engine).get_table_names()
        assert store.count_events() == 0


def test_events_are_stored_with_their_article_once(tmp_path, settings):
    from kabar.pipeline import ingest

    page = tmp_path / "berita.txt"
    page.write_text(
        "Israel Serang Iran\n\nTeheran, Kabar Uji - Israel menyerang fasilitas militer Iran pada "
        "Jumat (16/1/2026), kata pejabat setempat. Serangan itu terjadi di dekat kota Isfahan dan "
        "menewaskan sedikitnya dua orang, menurut laporan media setempat.\n",
        encoding="utf-8",
    )
    with Store.open(str(tmp_path / "k.db")) as store:
        first = ingest([str(page)], store, settings)
        assert first.stored == 1 and first.events >= 1
        (row,) = store.articles()
        stored = store.events(row["id"])
        assert len(stored) == first.events
        attack = next(e for e in stored if e["cameo_root"] == "19")
        assert (attack["source_country"], attack["target_country"]) == ("ISR", "IRN")
        assert attack["date"] == "2026-01-16" and attack["date_precision"] == "day"
        assert row["text"][attack["evidence_start"] : attack["evidence_end"]] == attack["evidence"]
        # each event carries its article's language and outlet, which event filters use
        assert (attack["article_language"], attack["outlet_key"]) == ("id", row["outlet"].lower())
        again = ingest([str(page)], store, settings)
        assert (again.duplicates, again.events, store.count_events()) == (1, 0, first.events)
        unstored = ingest([str(page)], store, settings, code=False)
        assert unstored.events == 0


def test_batch_racing_another_writer_falls_back_to_one_by_one(store, monkeypatch):
    """A writer that stored an article between our look-up and our insert: the batch insert
    fails on the unique key, and the retry reports that article as a duplicate."""
    from kabar.store import _store

    first = store.add(make(text="satu", url="https://k.example/1"))
    stale = iter([{}])  # the first look-up misses the stored article, as a racing one would
    real = _store._known_contents
    monkeypatch.setattr(
        _store, "_known_contents", lambda conn, keys: next(stale, None) or real(conn, keys)
    )
    monkeypatch.setattr(_store, "_latest_versions", lambda conn, keys: {})
    added = store.add_many(
        [make(text="satu", url="https://k.example/1"), make(text="dua", url="https://k.example/2")]
    )
    assert [a.outcome for a in added] == [Outcome.DUPLICATE, Outcome.STORED]
    assert added[0].article_id == first.article_id
    assert store.count() == 2


def test_duplicates_inside_one_batch(store):
    added = store.add_many([make(text="sama"), make(text="sama"), make(text="lain", url=None)])
    assert [a.outcome for a in added] == [Outcome.STORED, Outcome.DUPLICATE, Outcome.STORED]
    assert added[1].article_id == added[0].article_id


def test_a_version_2_database_gains_stories_and_publication_times(tmp_path):
    from sqlalchemy import create_engine, inspect

    from kabar.store import _schema

    path = tmp_path / "v2.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:  # a database made before stories existed
        _schema.schema_version.create(connection)
        for migration in _schema.MIGRATIONS[:2]:
            migration.apply(connection)
            connection.execute(
                _schema.schema_version.insert().values(
                    version=migration.version, description=migration.description, applied_at="x"
                )
            )
        connection.exec_driver_sql("ALTER TABLE articles DROP COLUMN published_at")
    engine.dispose()
    with Store.open(str(path)) as store:
        inspector = inspect(store.engine)
        assert "published_at" in {c["name"] for c in inspector.get_columns("articles")}
        assert {"stories", "story_articles", "story_events"} <= set(inspector.get_table_names())
        added = store.add(make(published_at="2026-03-05T01:00:00Z"))
        assert store.article(added.article_id)["published_at"] == "2026-03-05T01:00:00Z"


SEARCHABLE = {
    "a": "Menteri luar negeri bertemu duta besar di Jakarta membahas batas laut.",
    "b": "Batas darat kedua negara dibahas di Jakarta oleh tim teknis.",
    "c": "Nelayan Natuna menolak kapal asing; pemerintah mengirim patroli.",
    "d": "The foreign minister met the ambassador in Geneva.",
}


@pytest.mark.parametrize(
    "q, expected",
    [
        ("jakarta", {"a", "b"}),
        ("JAKARTA batas", {"a", "b"}),  # words are ANDed, case is ignored
        ('"batas laut"', {"a"}),  # a phrase matches in order
        ('"laut batas"', set()),
        ("natuna OR geneva", {"c", "d"}),
        ("nelay*", {"c"}),  # a prefix
        ("minister OR menteri jakarta", {"a", "d"}),  # AND binds tighter than OR
        ("kapal asing;", {"c"}),  # punctuation is no syntax
        ("patroli' & !:* |", {"c"}),
    ],
)
def test_search_means_the_same_on_every_backend(store, q, expected):
    ids = {}
    for key, text in SEARCHABLE.items():
        ids[store.add(make(text=text, url=f"https://kabar.example/{key}")).article_id] = key
    with store.engine.connect() as connection:
        found = {ids[row["id"]] for row in queries.search_articles(connection, q)}
        matching = {ids[i] for (i,) in connection.execute(queries.matching_articles(connection, q))}
    assert found == matching == expected


def test_search_ranks_the_best_match_first_and_pages_through_all(store):
    texts = {
        "often": "Banjir lagi. Banjir merendam kota; banjir surut esok hari, kata warga.",
        "once": "Hujan deras semalam membuat banjir kecil di pinggir kota dan desa sekitar.",
        "twice": "Banjir datang. Warga mengungsi sebelum banjir naik ke rumah mereka.",
        "other": "Pasar kota ramai menjelang hari raya.",
    }
    ids = {}
    for key, text in texts.items():
        ids[store.add(make(text=text, url=f"https://kabar.example/{key}")).article_id] = key
    with store.engine.connect() as connection:
        everything = queries.search_articles(connection, "banjir", limit=10)
        pages = [queries.search_articles(connection, "banjir", 2, offset) for offset in (0, 2)]
    assert [ids[row["id"]] for row in everything] == ["often", "twice", "once"]
    assert [row["id"] for page in pages for row in page] == [row["id"] for row in everything]
    assert all("[" in row["snippet"] and row["title"] for row in everything)


def test_a_search_with_no_words_is_a_bad_query(store):
    with store.engine.connect() as connection, pytest.raises(queries.BadQuery):
        queries.search_articles(connection, '"" * ""')
