"""The dashboard in a real headless Chromium (Playwright, sync API) against a real uvicorn
server on 127.0.0.1, over a temporary database holding the sample corpus and one hostile
article: every page type opens cleanly, a click path, charts drawn, reviews, escaping, and
a screenshot of each page type (saved in $KABAR_TEST_ARTIFACTS, else tests/artifacts/).

Chromium comes from Debian (/usr/bin/chromium; scripts/test.sh installs it); the module
skips when it is missing. ``playwright install`` is never used.
"""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from conftest import REPO
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from kabar import Store, ingest
from kabar.settings import default_settings
from kabar.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TOKEN = "test-token"
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'
JS_LINK = "javascript:window.__pwned=3"
SVG = '"><svg onload=window.__pwned=4>'
HOSTILE_TITLE = f"Peringatan Serangan Siber {SCRIPT} di Situs Pemerintah {SVG}"
HOSTILE = (
    f"{HOSTILE_TITLE}\n\n"
    "Jakarta, Kabar Uji - Menteri Luar Negeri Sugiono mengecam serangan militer Israel "
    f"terhadap Gaza pada Senin (19/1/2026). Sebuah pesan berisi {SCRIPT} ditemukan di situs "
    f"kementerian. {IMG} Ia meminta Dewan Keamanan PBB segera bersidang. Tautan {JS_LINK} "
    "beredar di media sosial, kata juru bicara Kementerian Luar Negeri. "
    f"{SVG} Pemerintah Indonesia juga mengirim bantuan kemanusiaan ke Gaza melalui Mesir, "
    "dan Badan Siber dan Sandi Negara meminta warga tidak membuka tautan mencurigakan.\n"
)
FAVICON = "/favicon.ico"
PAGE_TYPES = (
    "overview",
    "stories",
    "story",
    "articles",
    "article",
    "events",
    "actors",
    "actor",
    "dyads",
    "dyad",
    "outlets",
    "search",
)


@pytest.fixture(scope="module", autouse=True)
def _chromium() -> None:
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is missing: install Debian's chromium (scripts/test.sh does: "
            "apt-get install -y chromium) to run the browser tests"
        )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("browser")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    outlets = str(REPO / "kabar" / "data" / "sample-outlets.tsv")
    settings = default_settings().replace(**{"extract.outlet_files": [outlets]})
    path = folder / "kabar.db"
    with Store.open(str(path)) as store:
        report = ingest([str(REPO / "kabar" / "data" / "sample")], store, settings)
        assert not report.failures, report.failures
        report = ingest([str(hostile)], store, settings)
        assert not report.failures, report.failures
        assert report.read == 1
    return str(path)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def base(db: str) -> Iterator[str]:
    """A real uvicorn server in a background thread; its base URL."""
    port = _free_port()
    app = create_app(db, review_token=TOKEN)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(url + "/index.json", timeout=2) as response:
                if response.status == 200:
                    break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        assert thread.is_alive(), "the uvicorn server stopped while starting"
        assert time.monotonic() < deadline, "the uvicorn server did not answer within 20 s"
        time.sleep(0.05)
    try:
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def get_json(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=10) as response:
        assert response.status == 200
        return json.loads(response.read())


def status_of(base: str, path: str) -> int:
    try:
        with urllib.request.urlopen(base + path, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _flatten(lineage: list[dict]) -> Iterator[dict]:
    for node in lineage:
        yield node["article"]
        yield from _flatten(node["copies"])


@pytest.fixture(scope="module")
def sample(base: str) -> dict:
    """Ids and codes to visit, read from the JSON twins of the pages."""
    hostile = get_json(base, "/search.json?q=pwned")["articles"]
    assert len(hostile) == 1, hostile
    story = get_json(base, "/stories.json?min_articles=2")["stories"][0]
    lineage = get_json(base, f"/stories/{story['id']}.json")["lineage"]
    article = next(
        a for a in _flatten(lineage) if get_json(base, f"/articles/{a['id']}.json")["events"]
    )
    actor = get_json(base, "/actors.json")["actors"][0]["code"]
    dyad = get_json(base, "/dyads.json")["dyads"][0]
    return {
        "hostile": hostile[0]["id"],
        "story": story["id"],
        "article": article["id"],
        "actor": actor,
        "dyad": (dyad["source_code"], dyad["target_code"]),
    }


@pytest.fixture(scope="module")
def pages(sample: dict) -> dict[str, tuple[str, str]]:
    """Page type -> (path, expected h1 pattern)."""
    a, b = sample["dyad"]
    return {
        "overview": ("/", "Overview"),
        "stories": ("/stories", "Stories"),
        "story": (f"/stories/{sample['story']}", r".+"),
        "articles": ("/articles", "Articles"),
        "article": (f"/articles/{sample['article']}", r".+"),
        "events": ("/events", "Events"),
        "actors": ("/actors", "Actors"),
        "actor": (f"/actors/{sample['actor']}", re.escape(sample["actor"])),
        "dyads": ("/dyads", "Dyads"),
        "dyad": (f"/dyads/{a}/{b}", rf"{a}\s+and\s+{b}"),
        "outlets": ("/outlets", "Outlets"),
        "search": ("/search?q=Anwar", "Search"),
    }


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    try:
        yield context.new_page()
    finally:
        context.close()


class Troubles:
    """Console errors, uncaught exceptions, failed requests and dialogs seen by a page."""

    def __init__(self, page: Page, *, http: bool = True) -> None:
        self.seen: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.seen.append(f"page error: {error}"))
        page.on("requestfailed", lambda r: self.seen.append(f"failed: {r.url} {r.failure}"))
        if http:
            page.on("response", self._response)
        page.on("dialog", self._dialog)

    def _console(self, message) -> None:
        if message.type == "error" and message.location.get("url", "").endswith(FAVICON):
            return  # the browser's own favicon request: the app has none (reported)
        if message.type == "error":
            self.seen.append(f"console error: {message.text} at {message.location}")

    def _response(self, response) -> None:
        if response.status >= 400 and not response.url.endswith(FAVICON):
            self.seen.append(f"HTTP {response.status} for {response.url}")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()


def open_page(page: Page, url: str) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, (url, response and response.status)


def artifacts_dir() -> Path:
    given = os.environ.get("KABAR_TEST_ARTIFACTS")
    folder = Path(given) if given else REPO / "tests" / "artifacts"
    folder.mkdir(parents=True, exist_ok=True)
    if not given:
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")
    return folder


# --- every page type ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_opens_without_errors(page: Page, base: str, pages: dict, kind: str) -> None:
    path, heading = pages[kind]
    troubles = Troubles(page)
    open_page(page, base + path)
    expect(page.locator("main h1")).to_have_text(re.compile(heading))
    expect(page.locator("header nav a.brand")).to_be_visible()
    if kind == "search":
        expect(page.locator("ol.results li a[href^='/articles/']").first).to_be_visible()
    if kind in ("stories", "articles", "events", "actors", "dyads", "outlets"):
        assert page.locator("main table tbody tr a, main ul.stories li a").count() > 0
    page.wait_for_load_state("networkidle")
    assert troubles.seen == [], troubles.seen
    assert troubles.dialogs == []


def follow(link: Locator) -> None:
    """Follow a link with a real mouse click (it would miss if charts above it kept
    resizing the page: test_charts_keep_their_size)."""
    link.click()


# --- a click path -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def click_plan(base: str) -> tuple[int, int, str]:
    """A story on the overview whose lineage holds an article mentioning an actor whose
    page has a dyad link: (story, article, actor code)."""
    stories = sorted(get_json(base, "/index.json")["stories"], key=lambda s: -s["articles"])
    for story in stories:
        lineage = get_json(base, f"/stories/{story['id']}.json")["lineage"]
        for article in _flatten(lineage):
            segments = get_json(base, f"/articles/{article['id']}.json")["segments"]
            for code in dict.fromkeys(s["actor"] for s in segments if s["actor"]):
                if status_of(base, f"/actors/{code}.json") != 200:
                    continue
                if get_json(base, f"/actors/{code}.json")["partners"]:
                    return story["id"], article["id"], code
    pytest.fail("no story on the overview leads to an actor with partners")


def test_click_path_overview_story_article_actor_dyad(
    page: Page, base: str, click_plan: tuple[int, int, str]
) -> None:
    story, article, code = click_plan
    troubles = Troubles(page)
    open_page(page, base + "/")
    expect(page.locator("main h1")).to_have_text("Overview")

    follow(page.locator(f"ul.stories a[href='/stories/{story}']").first)
    expect(page).to_have_url(re.compile(rf"/stories/{story}$"))
    expect(page.locator("main h1")).not_to_be_empty()
    expect(page.get_by_role("heading", name="Lineage")).to_be_visible()

    link = page.locator(f"ul.lineage a[href='/articles/{article}']").first
    title = link.inner_text()
    link.click()
    expect(page).to_have_url(re.compile(rf"/articles/{article}$"))
    expect(page.locator("article h1")).to_have_text(title)

    page.locator(f"a.mention[href='/actors/{code}']").first.click()
    expect(page).to_have_url(re.compile(rf"/actors/{code}$"))
    expect(page.locator("main h1")).to_have_text(code)

    dyad = page.locator("a.dyad").first
    href = dyad.get_attribute("href")
    assert href and re.fullmatch(r"/dyads/[A-Z0-9]+/[A-Z0-9]+", href), href
    a, b = href.split("/")[2:]
    assert code in (a, b)
    follow(dyad)
    expect(page).to_have_url(re.compile(rf"/dyads/{a}/{b}$"))
    expect(page.locator("main h1")).to_have_text(re.compile(rf"{a}\s+and\s+{b}"))
    assert troubles.seen == [], troubles.seen


# --- charts -------------------------------------------------------------------------------

PAINTED = """canvas => {
  const { width, height } = canvas;
  if (!width || !height) return -1;
  const pixels = canvas.getContext("2d").getImageData(0, 0, width, height).data;
  let painted = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
  return painted;
}"""


@pytest.mark.parametrize(("kind", "charts"), [("overview", 1), ("actor", 1), ("dyad", 2)])
def test_charts_are_drawn(page: Page, base: str, pages: dict, kind: str, charts: int) -> None:
    troubles = Troubles(page)
    open_page(page, base + pages[kind][0])
    canvases = page.locator("canvas[data-chart]")
    expect(canvases).to_have_count(charts)
    for i in range(charts):
        canvas = canvases.nth(i)
        expect(canvas).to_have_attribute("data-drawn", "yes")
        spec = json.loads(canvas.get_attribute("data-chart") or "{}")
        assert spec["labels"] and spec["datasets"], spec
        painted = canvas.evaluate(PAINTED)
        assert painted > 0, f"chart {i} on {kind} is blank ({painted})"
        assert page.evaluate("c => !!Chart.getChart(c)", canvas.element_handle())
    assert troubles.seen == [], troubles.seen


HEIGHTS = "() => [...document.querySelectorAll('canvas[data-chart]')].map(c => c.height)"


@pytest.mark.parametrize("kind", ["overview", "actor", "dyad"])
def test_charts_keep_their_size(page: Page, base: str, pages: dict, kind: str) -> None:
    open_page(page, base + pages[kind][0])
    expect(page.locator("canvas[data-chart]").first).to_have_attribute("data-drawn", "yes")
    first = page.evaluate(HEIGHTS)
    page.wait_for_timeout(700)
    later = page.evaluate(HEIGHTS)
    assert later == first, f"chart heights went from {first} to {later} px"
    assert all(0 < height <= 900 for height in later), later


# --- reviews ------------------------------------------------------------------------------


def _events_by_id(base: str, article: int) -> dict[int, dict]:
    return {e["id"]: e for e in get_json(base, f"/articles/{article}.json")["events"]}


def test_review_needs_the_token_then_is_stored(page: Page, base: str, sample: dict) -> None:
    article = sample["article"]
    before = _events_by_id(base, article)
    event = next(e for e in before.values() if e["review"] is None)
    url = f"{base}/articles/{article}"
    open_page(page, url)
    row = page.locator(f"#event-{event['id']}")
    form = row.locator("form.review")
    expect(form).to_have_attribute("action", f"/events/{event['id']}/review")
    expect(form.locator("input[name=token]")).to_have_attribute("type", "password")
    expect(row.locator(".review-state")).to_have_count(0)

    # a wrong token: the POST answers 403 and nothing is stored
    form.locator("input[name=token]").fill("not-the-token")
    with page.expect_navigation() as navigation:
        form.get_by_role("button", name="correct", exact=True).click()
    response = navigation.value
    assert response is not None and response.status == 403
    assert response.request.method == "POST"
    assert page.url == f"{base}/events/{event['id']}/review"
    assert "token" in page.locator("body").inner_text()
    after = _events_by_id(base, article)
    assert after[event["id"]]["review"] is None
    assert all(e["review"] is None for e in after.values() if before[e["id"]]["review"] is None)

    # the right token: 303 back to the article, whose row now shows the review
    open_page(page, url)
    row = page.locator(f"#event-{event['id']}")
    form = row.locator("form.review")
    form.locator("input[name=token]").fill(TOKEN)
    with page.expect_navigation() as navigation:
        form.get_by_role("button", name="correct", exact=True).click()
    final = navigation.value
    assert final is not None and final.status == 200
    posted = final.request.redirected_from
    assert posted is not None and posted.method == "POST"
    assert posted.url == f"{base}/events/{event['id']}/review"
    assert posted.response() is not None and posted.response().status == 303
    assert page.url == url
    expect(page.locator(f"#event-{event['id']} .review-state")).to_have_text(
        re.compile(r"^\s*reviewed: correct\s*$")
    )

    stored = _events_by_id(base, article)[event["id"]]
    assert stored["review"] is not None
    assert stored["review"]["verdict"] == "correct"
    for key in ("cameo", "source_code", "target_code", "date", "goldstein", "evidence"):
        assert stored[key] == event[key], key
    others = {i: e["review"] for i, e in _events_by_id(base, article).items() if i != event["id"]}
    assert others == {i: e["review"] for i, e in before.items() if i != event["id"]}


# --- security -----------------------------------------------------------------------------


def _assert_not_run(page: Page, troubles: Troubles) -> None:
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert troubles.dialogs == []
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert page.locator("main script, main img, main svg, main iframe").count() == 0


def test_hostile_article_is_shown_never_run(page: Page, base: str, sample: dict) -> None:
    hostile = sample["hostile"]
    troubles = Troubles(page)
    open_page(page, f"{base}/articles/{hostile}")
    _assert_not_run(page, troubles)
    expect(page.locator("article h1")).to_have_text(HOSTILE_TITLE)
    body = page.locator("article .text")
    expect(body).to_be_visible()
    text = body.inner_text()
    for payload in (SCRIPT, IMG, JS_LINK, SVG):
        assert payload in text, payload
    assert "<script>" in text
    assert page.title().startswith(HOSTILE_TITLE)

    for path in (
        "/search?q=pwned",
        f"/events?article={hostile}",
        "/events",
        "/",
        f"/stories/{get_json(base, f'/articles/{hostile}.json')['provenance']['story_id']}",
    ):
        open_page(page, base + path)
        _assert_not_run(page, troubles)
    # the pages above did show the hostile text (as text)
    open_page(page, f"{base}/search?q=pwned")
    expect(page.locator(f"ol.results a[href='/articles/{hostile}']")).to_have_text(HOSTILE_TITLE)
    open_page(page, f"{base}/events?article={hostile}")
    expect(page.locator("table.events").first).to_contain_text(SCRIPT)
    _assert_not_run(page, troubles)
    assert troubles.seen == [], troubles.seen


# --- screenshots --------------------------------------------------------------------------


def test_screenshot_of_every_page_type(page: Page, base: str, pages: dict) -> None:
    folder = artifacts_dir()
    for kind in PAGE_TYPES:
        open_page(page, base + pages[kind][0])
        for i in range(page.locator("canvas[data-chart]").count()):
            expect(page.locator("canvas[data-chart]").nth(i)).to_have_attribute("data-drawn", "yes")
        target = folder / f"browser-{kind}.png"
        target.unlink(missing_ok=True)
        page.screenshot(path=str(target), full_page=True)
        assert target.is_file(), target
        data = target.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n"), target
        assert len(data) > 5_000, (target, len(data))


def test_api_docs_render_offline(page: Page, base: str) -> None:
    """/docs draws the OpenAPI documentation from the vendored Swagger UI, no CDN."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base + "/docs")
    expect(page.locator(".opblock").first).to_be_visible(timeout=15_000)
    assert page.locator(".opblock").count() >= 10
    assert all(url.startswith(base) for url in requested), requested
