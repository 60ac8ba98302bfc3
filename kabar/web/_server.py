"""Running the app: one server process, or several answering on one port.

Several processes each listen on their own socket bound to the same port (SO_REUSEPORT), so
the kernel spreads new connections evenly across them. uvicorn's own ``--workers`` shares
one socket, and the first process to wake accepts every connection waiting: 32 clients
connecting at once split 29/3, 25/7 and 21/11 between two processes, and the busy one set
everyone's latency while the other idled.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import socket
from typing import Any

import uvicorn
from fastapi import FastAPI

from ._app import app_from_environment, create_app, serve_environment

_UVICORN = {"log_level": "warning", "access_log": False}


def serve(
    db: str | None, host: str, port: int, review_token: str | None = None, workers: int = 1
) -> None:
    """Serve the dashboard and the API on ``host:port`` until interrupted.

    The database is opened (and migrated) here, once, so a bad one is reported before any
    server process starts. Raises OSError when the address cannot be listened on."""
    app = create_app(db, review_token=review_token)
    if workers == 1:
        uvicorn.run(_settled(app), host=host, port=port, **_UVICORN)
        return
    app.state.pages.store.close()
    os.environ.update(serve_environment(db, review_token))
    if not hasattr(socket, "SO_REUSEPORT"):  # Windows: uvicorn's shared socket
        uvicorn.run(
            "kabar.web:app_from_environment",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            **_UVICORN,
        )
        return
    _serve_processes([_listening_socket(host, port) for _ in range(workers)])


def _listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to the shared port; the server process it is given listens on it."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def _serve_processes(sockets: list[socket.socket]) -> None:
    """One server process per socket; when one stops, or this process is told to stop
    (Ctrl-C, SIGTERM), all stop."""
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no copied state
    processes = [context.Process(target=_serve_one, args=(sock,)) for sock in sockets]
    for process in processes:
        process.start()
    for sock in sockets:
        sock.close()  # each process holds its own copy

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        multiprocessing.connection.wait([process.sentinel for process in processes])
    except KeyboardInterrupt:
        pass
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()  # uvicorn shuts down gracefully on SIGTERM
        for process in processes:
            process.join()


def _serve_one(sock: socket.socket) -> None:
    config = uvicorn.Config(_settled(app_from_environment()), **_UVICORN)
    uvicorn.Server(config).run(sockets=[sock])


def _settled(app: FastAPI) -> FastAPI:
    """The app with what lives as long as the server (the gazetteer, the schema, the
    ontology and all the app built at start) loaded, then frozen out of the garbage
    collector's sight.

    Python's full collections walk every live object: with the gazetteer loaded that took
    80-120 ms, ten times in half a minute of load, and every request waiting in the process
    waited that long too. Frozen objects are never walked; they are never garbage either."""
    app.state.pages.gazetteer()
    gc.collect()
    gc.freeze()
    return app
