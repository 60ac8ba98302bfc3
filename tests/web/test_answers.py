"""Whole answers kept per store state: sent again without running the view, fresh after any
ingest or review, with ETags that let a client ask "changed?" and get 304 when not."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient
from test_api import HOSTILE, TOKEN

from kabar.pipeline import ingest
from kabar.settings import default_settings
from kabar.store import Store
from kabar.web import _answers, create_app


@pytest.fixture
def served(tmp_path):
    """One article in a fresh SQLite file, its path and a client of the app over it."""
    path = tmp_path / "k.db"
    (tmp_path / "a.txt").write_text(HOSTILE, encoding="utf-8")
    with Store.open(str(path)) as store:
        assert not ingest([str(tmp_path / "a.txt")], store, default_settings()).failures
    return path, TestClient(create_app(str(path), review_token=TOKEN))


def retitle(path, title: str) -> None:
    """Change a stored title behind the app's back: no new row, so the same store state."""
    with sqlite3.connect(path) as db:
        db.execute("UPDATE articles SET title = ?", (title,))


def test_an_answer_is_sent_again_until_the_store_changes(served, tmp_path):
    path, client = served
    first = client.get("/articles.json")
    retitle(path, "Judul yang diubah diam-diam")
    again = client.get("/articles.json")
    assert again.content == first.content  # kept: the view did not run again
    assert again.headers["etag"] == first.headers["etag"]
    assert "diubah" in client.get("/articles.json?limit=10").text  # another URL: run
    second = tmp_path / "b.txt"
    second.write_text(HOSTILE.replace("Sugiono", "Retno Marsudi"), encoding="utf-8")
    with Store.open(str(path)) as store:
        ingest([str(second)], store, default_settings())
    fresh = client.get("/articles.json")
    assert len(fresh.json()["articles"]) == 2 and "diubah" in fresh.text
    assert fresh.headers["etag"] != first.headers["etag"]


def test_a_review_makes_the_article_page_fresh(served):
    path, client = served
    article = client.get("/articles.json").json()["articles"][0]["id"]
    page = f"/articles/{article}.json"
    event = client.get(page).json()["events"][0]
    assert event["review"] is None
    posted = client.post(f"/events/{event['id']}/review", data={"verdict": "wrong", "token": TOKEN})
    assert posted.status_code in (200, 303)
    reviewed = client.get(page).json()["events"][0]
    assert reviewed["review"]["verdict"] == "wrong"


def test_a_client_with_the_etag_gets_304_while_nothing_changed(served, tmp_path):
    path, client = served
    first = client.get("/events.json")
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    unchanged = client.get("/events.json", headers={"if-none-match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged.headers["etag"] == etag
    listed = client.get("/events.json", headers={"if-none-match": f'"other", W/{etag}'})
    assert listed.status_code == 304
    assert client.get("/events.json", headers={"if-none-match": '"other"'}).status_code == 200
    # the same html page twice: the same ETag, and a 304 for it
    html = client.get("/events")
    assert client.get("/events", headers={"if-none-match": html.headers["etag"]}).status_code == 304
    second = tmp_path / "b.txt"
    second.write_text(HOSTILE.replace("Gaza", "Rafah"), encoding="utf-8")
    with Store.open(str(path)) as store:
        ingest([str(second)], store, default_settings())
    changed = client.get("/events.json", headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert changed.json()["total"] > first.json()["total"]


def test_errors_are_never_kept(served):
    _, client = served
    assert client.get("/articles/999.json").status_code == 404
    assert client.get("/events.json?limit=0").status_code == 422
    assert "etag" not in client.get("/articles/999.json").headers
    app = client.app.middleware_stack  # built by the first request
    while not isinstance(app, _answers.AnswerCache):  # the middleware in the built stack
        app = app.app
    assert all(answer.status == 200 for answer in app.kept.values())


def test_an_answer_too_big_to_keep_arrives_whole(served, monkeypatch):
    _, client = served
    whole = client.get("/events.csv").content
    monkeypatch.setattr(_answers, "LARGEST_ANSWER", 100)
    assert len(whole) > 100
    assert client.get("/events.csv?limit=500").content == whole  # a new URL: run, not kept
    assert "etag" not in client.get("/events.csv?limit=500").headers


def test_the_cache_keeps_at_most_its_bytes():
    async def app(scope, receive, send):
        body = b"x" * int(scope["query_string"] or 10)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})

    cache = _answers.AnswerCache(app, state=lambda: (1,), max_bytes=250)
    client = TestClient(cache)
    for _ in range(3):
        assert len(client.get("/?100").content) == 100
    assert cache.kept_bytes == 100  # one URL, kept once
    client.get("/?120")
    client.get("/?90")  # 310 bytes: the oldest answer goes
    assert cache.kept_bytes == 210
    assert [key[2] for key in cache.kept] == [b"120", b"90"]
