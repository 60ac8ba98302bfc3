"""The main job end to end: `kabar demo` ingests the sample corpus and serves the dashboard
over real HTTP on 127.0.0.1, as the README's first command does."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_demo_ingests_then_serves_the_dashboard(tmp_path):
    port = free_port()
    db = tmp_path / "demo.db"
    server = subprocess.Popen(
        [sys.executable, "-m", "kabar", "demo", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                overview = httpx.get(base + "/index.json", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stdout.read()
                assert time.monotonic() < deadline, "the dashboard did not come up"
                time.sleep(0.3)
        assert overview.status_code == 200
        assert overview.json()["counts"]["articles"] == 27
        page = httpx.get(base + "/", timeout=5)
        assert page.status_code == 200 and "Latest stories" in page.text
        assert httpx.get(base + "/static/vendor/chart.umd.js", timeout=5).status_code == 200
        review = httpx.post(base + "/events/1/review", data={"verdict": "correct"}, timeout=5)
        assert review.status_code == 403  # the demo serves read-only
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "stored 27" in output and f"http://127.0.0.1:{port}/" in output
