"""A throwaway PostgreSQL server for the tests and benchmarks: Debian's binaries, a data
directory in /tmp, listening on 127.0.0.1 only, gone when stopped.

``KABAR_TEST_POSTGRES`` may name a server to use instead (a ``postgresql://`` URL of a role
allowed to create databases). Without it, the binaries of Debian's ``postgresql`` package
are used (``scripts/test.sh`` installs it when missing); as root the server runs as the
``postgres`` user, since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg

_BINARIES = "/usr/lib/postgresql/*/bin"
# Durability is not what a test measures; these make a cluster start and write fast.
_FAST = ("fsync=off", "full_page_writes=off", "synchronous_commit=off")


class NoPostgres(RuntimeError):
    """No server to start here: why, so a test can skip with it."""


@dataclass
class PostgresServer:
    """A running server: ``admin_url`` reaches its ``postgres`` database as a superuser."""

    admin_url: str
    _stop: list[str] | None = None
    _data: Path | None = None

    def url(self, database: str) -> str:
        base, _, _ = self.admin_url.rpartition("/")
        return f"{base}/{database}"

    @contextlib.contextmanager
    def database(self) -> Iterator[str]:
        """A fresh empty database for one test, dropped afterwards; yields its URL."""
        name = f"kabar_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        try:
            yield self.url(name)
        finally:
            with psycopg.connect(self.admin_url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self._stop:
            subprocess.run(self._stop, check=False, capture_output=True)
        if self._data:
            shutil.rmtree(self._data, ignore_errors=True)


def start_server(*, fast: bool = True) -> PostgresServer:
    """Use $KABAR_TEST_POSTGRES, else start a new server; NoPostgres says why not."""
    if url := os.environ.get("KABAR_TEST_POSTGRES"):
        return PostgresServer(url)
    bindir = _bindir()
    run_as = _run_as()
    data = Path(tempfile.mkdtemp(prefix="kabar-pg-"))
    if run_as:
        shutil.chown(data, user="postgres")
    port = _free_port()
    _run(run_as, [f"{bindir}/initdb", "-D", str(data), "-U", "kabar", "-A", "trust", "-E", "UTF8"])
    settings = ["listen_addresses=127.0.0.1", f"port={port}", f"unix_socket_directories={data}"]
    if fast:
        settings += _FAST
    options = " ".join(f"-c {s}" for s in settings)
    ctl = [*run_as, f"{bindir}/pg_ctl", "-D", str(data)]
    _run([], [*ctl, "-o", options, "-l", str(data / "server.log"), "-w", "start"])
    return PostgresServer(
        f"postgresql://kabar@127.0.0.1:{port}/postgres", [*ctl, "-m", "immediate", "stop"], data
    )


def _bindir() -> str:
    found = sorted(glob.glob(_BINARIES), key=lambda path: int(Path(path).parent.name))
    if not found or not Path(found[-1], "initdb").exists():
        raise NoPostgres(f"no PostgreSQL binaries in {_BINARIES} (Debian package postgresql)")
    return found[-1]


def _run_as() -> list[str]:
    """PostgreSQL will not run as root: as root, run it as the ``postgres`` user."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError as exc:
        raise NoPostgres("running as root and there is no 'postgres' user") from exc
    return ["runuser", "-u", "postgres", "--"]


def _run(prefix: list[str], command: list[str]) -> None:
    done = subprocess.run([*prefix, *command], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise NoPostgres(f"{Path(command[0]).name} failed: {done.stderr.strip() or done.stdout}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
