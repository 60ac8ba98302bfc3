"""Whole answers kept per state of the store, with ETags for clients that ask again.

Every page and API answer is a function of its URL and of what the store holds. Between two
ingests the same URL gets the same bytes, and people and scripts ask for the same URLs
again and again: a team's dashboard, a monitoring script polling an actor's latest events,
an analyst paging back. So a GET answer is kept, keyed by the store's state (its newest row
ids: any new article, event, story change or review makes a new state) and the URL, and
sent again without running the view. Each answer carries an ETag; a client that sends it
back in ``If-None-Match`` gets ``304 Not Modified`` and no body while nothing changed.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LARGEST_ANSWER = 4 * 1024 * 1024  # bytes; larger answers (CSV downloads) are not kept


class _Answer:
    __slots__ = ("status", "headers", "body", "etag")

    def __init__(self, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        self.status = status
        self.body = body
        self.etag = b'"' + hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b'"'
        kept = [(k, v) for k, v in headers if k.lower() not in (b"etag", b"cache-control")]
        # no-cache: a browser may keep the page but asks each time whether it changed
        self.headers = [*kept, (b"etag", self.etag), (b"cache-control", b"no-cache")]


class AnswerCache:
    """ASGI middleware: GET answers with status 200 kept per store state, LRU, up to
    ``max_bytes`` of bodies in all. Paths starting with one of ``skip`` (static files, which
    have their own ETags; the API docs, which read no store) and every other method go
    straight through."""

    def __init__(
        self,
        app: ASGIApp,
        state: Callable[[], tuple],
        max_bytes: int,
        skip: tuple[str, ...] = (),
    ) -> None:
        self.app = app
        self.state = state
        self.max_bytes = max_bytes
        self.skip = skip
        self.kept: OrderedDict[tuple, _Answer] = OrderedDict()
        self.kept_bytes = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or scope["path"].startswith(self.skip)
        ):
            await self.app(scope, receive, send)
            return
        key = (self.state(), scope["path"], scope["query_string"], _header(scope, b"host"))
        answer = self.kept.get(key)
        if answer is not None:
            self.kept.move_to_end(key)
        else:
            answer = await self._run(scope, receive, send)
            if answer is None:  # not kept: already sent as it came
                return
            self._keep(key, answer)
        await _send(answer, _header(scope, b"if-none-match"), send)

    async def _run(self, scope: Scope, receive: Receive, send: Send) -> _Answer | None:
        """Run the app; return its answer when it can be kept, else pass it on as is."""
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        passing = False

        async def capture(message: Message) -> None:
            nonlocal start, size, passing
            if passing:
                await send(message)
            elif message["type"] == "http.response.start":
                start = message
                passing = message["status"] != 200
                if passing:
                    await send(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if size > LARGEST_ANSWER:  # too big to keep: send what came, then the rest
                    passing = True
                    await send(start)
                    await send({**message, "body": b"".join(chunks)})
            else:
                await send(message)

        await self.app(scope, receive, capture)
        if passing or start is None:
            return None
        return _Answer(start["status"], list(start.get("headers", [])), b"".join(chunks))

    def _keep(self, key: tuple, answer: _Answer) -> None:
        self.kept[key] = answer
        self.kept_bytes += len(answer.body)
        while self.kept_bytes > self.max_bytes and self.kept:
            _, dropped = self.kept.popitem(last=False)
            self.kept_bytes -= len(dropped.body)


async def _send(answer: _Answer, if_none_match: bytes | None, send: Send) -> None:
    if if_none_match is not None and _matches(if_none_match, answer.etag):
        headers = [(k, v) for k, v in answer.headers if k.lower() != b"content-length"]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": answer.status, "headers": answer.headers})
    await send({"type": "http.response.body", "body": answer.body})


def _matches(if_none_match: bytes, etag: bytes) -> bool:
    """Whether an If-None-Match header names this ETag (weakly: W/ is ignored) or is *."""
    tags = [tag.strip().removeprefix(b"W/") for tag in if_none_match.split(b",")]
    return etag in tags or b"*" in tags


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return value
    return None
