"""Shared fixtures: settings for tests, a temporary store, the shared corpora, a local web."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kabar.settings import Settings, default_settings
from kabar.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "kabar" / "data" / "sample"


@pytest.fixture
def settings() -> Settings:
    """Shipped defaults with politeness pauses shortened for a local server."""
    return default_settings().replace(**{"fetch.per_host_interval_s": 0.0})


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
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

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield LocalWeb(f"http://127.0.0.1:{server.server_port}", routes, requests)
    finally:
        server.shutdown()
        server.server_close()
