"""URLs fetched from a real HTTP server on 127.0.0.1: robots.txt, pauses, retries, timeouts."""

from __future__ import annotations

import time

from conftest import Route
from helpers import article_html, rss

from kabar.models import Failure, RawDoc
from kabar.read import Reader


def read(settings, *urls):
    reader = Reader(settings)
    try:
        return list(reader.read(urls))
    finally:
        reader.close()


def test_page_is_fetched_with_a_real_user_agent(web, settings):
    web.routes["/berita/satu"] = Route(body=article_html().encode())
    (doc,) = read(settings, web.url("/berita/satu"))
    assert isinstance(doc, RawDoc) and doc.format == "html"
    assert doc.url == web.url("/berita/satu") and doc.location == web.url("/berita/satu")
    ((path, agent, _),) = web.hits("/berita/satu")
    assert agent == settings.fetch.user_agent and agent.startswith("kabar/")


def test_robots_txt_is_honoured(web, settings):
    web.routes["/robots.txt"] = Route(
        body=b"User-agent: *\nDisallow: /rahasia/\n", headers={"Content-Type": "text/plain"}
    )
    web.routes["/rahasia/x"] = Route(body=article_html().encode())
    web.routes["/umum/y"] = Route(body=article_html().encode())
    blocked, allowed = read(settings, web.url("/rahasia/x"), web.url("/umum/y"))
    assert isinstance(blocked, Failure) and blocked.reason == "disallowed by robots.txt"
    assert isinstance(allowed, RawDoc)
    assert web.hits("/rahasia/x") == []
    assert len(web.hits("/robots.txt")) == 1  # asked once per host


def test_unreachable_robots_txt_blocks_the_host(web, settings):
    web.routes["/robots.txt"] = Route(status=503)
    web.routes["/a"] = Route(body=article_html().encode())
    (doc,) = read(settings.replace(**{"fetch.retries": 0}), web.url("/a"))
    assert isinstance(doc, Failure) and "robots" in doc.reason
    assert web.hits("/a") == []


def test_per_host_pause(web, settings):
    for name in ("a", "b", "c"):
        web.routes[f"/{name}"] = Route(body=article_html().encode())
    polite = settings.replace(**{"fetch.per_host_interval_s": 0.3})
    read(polite, web.url("/a"), web.url("/b"), web.url("/c"))
    times = [t for path, _, t in web.requests if path in ("/a", "/b", "/c")]
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    assert len(gaps) == 2 and min(gaps) >= 0.29


def test_retries_after_server_errors(web, settings):
    web.routes["/flaky"] = lambda n: Route(503) if n < 3 else Route(body=article_html().encode())
    (doc,) = read(settings.replace(**{"fetch.retries": 2}), web.url("/flaky"))
    assert isinstance(doc, RawDoc)
    assert len(web.hits("/flaky")) == 3


def test_gives_up_with_the_status(web, settings):
    web.routes["/down"] = Route(500)
    web.routes["/gone"] = Route(404)
    down, gone = read(settings.replace(**{"fetch.retries": 1}), web.url("/down"), web.url("/gone"))
    assert down.reason == "HTTP 500 Internal Server Error" and len(web.hits("/down")) == 2
    assert gone.reason == "HTTP 404 Not Found" and len(web.hits("/gone")) == 1


def test_timeout(web, settings):
    web.routes["/slow"] = Route(body=b"<html></html>", delay_s=1.5)
    quick = settings.replace(**{"fetch.timeout_s": 0.3, "fetch.retries": 0})
    started = time.monotonic()
    (doc,) = read(quick, web.url("/slow"))
    assert isinstance(doc, Failure) and doc.reason == "timed out after 0.3 s"
    assert time.monotonic() - started < 1.4


def test_remote_feed_follows_teaser_links(web, settings):
    web.routes["/feed"] = Route(
        body=rss([{"title": "Teaser", "link": web.url("/artikel/1")}]).encode(),
        headers={"Content-Type": "application/rss+xml"},
    )
    web.routes["/artikel/1"] = Route(body=article_html("Artikel Penuh").encode())
    (doc,) = read(settings, web.url("/feed"))
    assert isinstance(doc, RawDoc) and "Artikel Penuh" in doc.content
    assert doc.hints["title"] == "Teaser" and doc.url == web.url("/artikel/1")


def test_feed_url_serving_html_is_reported(web, settings):
    web.routes["/rss"] = Route(
        body=b"<html><body><h1>Maintenance</h1></body></html>",
        headers={"Content-Type": "application/rss+xml"},
    )
    (doc,) = read(settings, web.url("/rss"))
    assert isinstance(doc, Failure)
    assert doc.reason == "expected an RSS/Atom feed but the content is an HTML page"


def test_oversized_response_is_refused(web, settings):
    web.routes["/big"] = Route(body=b"<html><body>" + b"x" * (2 * 1024 * 1024) + b"</body></html>")
    (doc,) = read(settings.replace(**{"read.max_document_mb": 1}), web.url("/big"))
    assert isinstance(doc, Failure) and "larger than 1 MB" in doc.reason
