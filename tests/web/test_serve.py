"""The main job end to end: `kabar demo` ingests the sample corpus and serves the dashboard
over real HTTP on 127.0.0.1, as the README's first command does."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

import kabar


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(server: subprocess.Popen, base: str, seconds: float = 120) -> httpx.Response:
    """The first answer of /index.json from a server starting up; fails if it dies first."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return httpx.get(base + "/index.json", timeout=2)
        except httpx.TransportError:
            assert server.poll() is None, server.stdout.read()
            assert time.monotonic() < deadline, "the server did not come up"
            time.sleep(0.3)


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
        overview = wait_until_up(server, base)
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


def _workers(pid: int) -> list[int]:
    """The server processes uvicorn spawned (not its resource tracker)."""
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as listing:
            for child in map(int, listing.read().split()):
                with open(f"/proc/{child}/cmdline", "rb") as command:
                    if b"spawn_main" in command.read():
                        found.append(child)
    return found


def test_serve_with_several_worker_processes(tmp_path):
    """`--workers 2`: two server processes answer on one port, each with the database and
    the review token it was given; connections made at once are spread over both, and
    stopping the command stops them."""
    db = tmp_path / "k.db"
    sample = sorted((Path(kabar.__file__).parent / "data" / "sample" / "html").rglob("*.html"))[:4]
    subprocess.run(
        [sys.executable, "-m", "kabar", "ingest", *map(str, sample), "--db", str(db)],
        check=True,
        capture_output=True,
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "kabar", "serve", "--db", str(db), "--port", str(port)]
        + ["--workers", "2", "--review-token", "rahasia"],
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
                workers = _workers(server.pid)
                # each process listens on a socket of its own (SO_REUSEPORT), so the
                # kernel, not the first process to wake, picks who takes a connection
                listening = sorted(_sockets(workers, port, LISTENING).values())
                if overview.status_code == 200 and listening == [1, 1]:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, server.stdout.read()
            assert time.monotonic() < deadline, "2 workers did not each listen on the port"
            time.sleep(0.3)
        assert overview.json()["counts"]["articles"] == len(sample)
        event = httpx.get(base + "/events.json", params={"limit": 1}).json()["events"][0]
        refused = httpx.post(f"{base}/events/{event['id']}/review", data={"verdict": "wrong"})
        assert refused.status_code == 403
        with httpx.Client(base_url=base, headers={"accept": "application/json"}) as client:
            statuses = {
                client.post(
                    f"/events/{event['id']}/review", data={"verdict": "correct", "token": "rahasia"}
                ).status_code
                for _ in range(6)  # new connections: both processes get some
            }
        assert statuses == {200}
        held = asyncio.run(_connect_at_once(base, 64, lambda: _sockets(workers, port)))
        # spread at random: fewer than 16 of 64 has odds of 1 in 30,000
        assert min(held.values()) >= 16, held
    finally:
        server.terminate()
        server.communicate(timeout=30)
    assert not any(os.path.exists(f"/proc/{pid}") for pid in workers), "a worker outlived serve"


async def _connect_at_once(base: str, clients: int, count):
    """Open ``clients`` keep-alive connections at the same moment; count them while open."""
    opened = [httpx.AsyncClient(base_url=base) for _ in range(clients)]
    try:
        await asyncio.gather(*[client.get("/outlets.json") for client in opened])
        return count()
    finally:
        for client in opened:
            await client.aclose()


ESTABLISHED, LISTENING = "01", "0A"  # TCP states as /proc/net/tcp writes them


def _sockets(pids: list[int], port: int, state: str = ESTABLISHED) -> dict[int, int]:
    """TCP sockets on local ``port`` in ``state`` held by each process (from /proc)."""
    owner = {}
    for pid in pids:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:["):
                owner[int(target[8:-1])] = pid
    held = dict.fromkeys(pids, 0)
    with open("/proc/net/tcp") as table:
        next(table)  # the header
        for line in table:
            fields = line.split()
            local_port = int(fields[1].split(":")[1], 16)
            inode = int(fields[9])
            if local_port == port and fields[3] == state and inode in owner:
                held[owner[inode]] += 1
    return held


def test_serve_reports_a_port_in_use(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "kabar", "serve", "--db", str(tmp_path / "k.db")]
            + ["--port", str(port), "--workers", "2"],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}: Address already in use" in done.stderr


def test_a_server_process_freezes_what_lives_as_long_as_it(tmp_path):
    """Full garbage collections walked the gazetteer (80-120 ms each, every request in the
    process waiting): a server loads it before answering, then freezes it out of sight."""
    script = (
        "import gc, sys\n"
        "from kabar.web._app import create_app\n"
        "from kabar.web._server import _settled\n"
        "app = create_app(sys.argv[1])\n"
        "before = gc.get_freeze_count()\n"
        "_settled(app)\n"
        "print(before, gc.get_freeze_count(), app.state.pages._gazetteer is not None)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "k.db")],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    before, frozen, loaded = done.stdout.split()
    assert before == "0" and loaded == "True"
    assert int(frozen) > 100_000  # the gazetteer's names and codes among them
