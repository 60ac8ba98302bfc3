"""Shared fixtures: settings for tests, a temporary store, the shared corpora, a local web."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from helpers import serve_locally
from postgres import NoPostgres, PostgresServer, start_server

from kabar.settings import Settings, default_settings
from kabar.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "kabar" / "data" / "sample"


@pytest.fixture
def settings() -> Settings:
    """Shipped defaults with politeness pauses shortened for a local server."""
    return default_settings().replace(**{"fetch.per_host_interval_s": 0.0})


BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the whole run (see tests/postgres.py). Outside CI a
    machine without one skips these tests; in CI (``CI`` set) that is a failure."""
    try:
        server = start_server()
    except NoPostgres as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is needed in CI: {exc}")
        pytest.skip(f"no PostgreSQL here: {exc}")
    try:
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def _database(backend: str, folder: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh empty database of ``backend``: an SQLite path in ``folder``, or a new
    database on the test PostgreSQL server; yields what ``--db`` takes."""
    if backend == "sqlite":
        yield str(folder / "kabar.db")
    else:
        with request.getfixturevalue("postgres").database() as url:
            yield url


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database on each backend in turn: the store's tests run on both."""
    with _database(request.param, tmp_path, request) as url:
        yield url


@pytest.fixture(scope="module", params=BACKENDS)
def module_db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """As ``db_url``, shared by a module's tests (for fixtures that fill a database once)."""
    with _database(request.param, tmp_path_factory.mktemp(request.param), request) as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    """An SQLite store only, for the long whole-corpus runs."""
    with Store.open(str(tmp_path / "kabar.db")) as opened:
        yield opened


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the repo; tests that need it skip cleanly when it is absent."""
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0


@dataclass
class LocalWeb:
    """A real HTTP server on 127.0.0.1 whose pages a test sets and whose requests it reads."""

    base: str
    routes: dict[str, Route | Callable[[int], Route]]
    requests: list[tuple[str, str, float]]

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[tuple[str, str, float]]:
        return [r for r in self.requests if r[0] == path]


@pytest.fixture
def web() -> Iterator[LocalWeb]:
    routes: dict[str, Route | Callable[[int], Route]] = {}
    requests: list[tuple[str, str, float]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            requests.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
            route = routes.get(self.path, Route(404, b"not found"))
            if callable(route):
                route = route(len([r for r in requests if r[0] == self.path]))
            if route.delay_s:
                time.sleep(route.delay_s)
            self.send_response(route.status)
            for key, value in {"Content-Type": "text/html; charset=utf-8", **route.headers}.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(route.body)

        def log_message(self, *args: object) -> None:
            pass

    with serve_locally(Handler) as base:
        yield LocalWeb(base, routes, requests)
