"""Polite HTTP fetching: robots.txt, a per-host pause, timeouts, retries, a real User-Agent.

One :class:`Fetcher` is shared by a whole run so that politeness holds across inputs.
Conditional requests (``If-None-Match``, ``If-Modified-Since``) let a watcher ask "has this
feed changed?"; the answer 304 comes back as a :class:`Response` with no content.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from ..errors import InputError
from ..settings import FetchSettings

_RETRY_STATUS = {429, 500, 502, 503, 504}
_MAX_RETRY_AFTER_S = 30.0


@dataclass(slots=True)
class Response:
    url: str
    status: int
    content: bytes
    content_type: str
    charset: str | None
    # validators for the next conditional request of the same URL
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Fetcher:
    """Fetch URLs one at a time, never faster than ``per_host_interval_s`` per host."""

    settings: FetchSettings
    max_bytes: int
    transport: httpx.BaseTransport | None = None
    _client: httpx.Client = field(init=False)
    _robots: dict[str, RobotFileParser | None] = field(init=False, default_factory=dict)
    _last_request: dict[str, float] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._client = httpx.Client(
            headers={"User-Agent": self.settings.user_agent},
            timeout=self.settings.timeout_s,
            follow_redirects=True,
            transport=self.transport,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Response:
        """GET ``url`` or raise :class:`InputError` saying why not.

        ``headers`` go with the request (conditional GET); a 304 is returned, not raised.
        """
        if self.settings.respect_robots and not self._allowed(url):
            raise InputError(url, "disallowed by robots.txt")
        response, content = self._get_with_retries(url, headers)
        if response.status_code >= 400:
            raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}")
        return Response(
            url=str(response.url),
            status=response.status_code,
            content=content,
            content_type=response.headers.get("content-type", "").split(";")[0].strip().lower(),
            charset=response.charset_encoding,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )

    def _get_with_retries(
        self, url: str, headers: Mapping[str, str] | None = None
    ) -> tuple[httpx.Response, bytes]:
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                response, content = self._request(url, headers)
            except httpx.TimeoutException as exc:
                if last:
                    raise InputError(url, f"timed out after {self.settings.timeout_s:g} s") from exc
            except httpx.TransportError as exc:
                if last:
                    raise InputError(url, f"network error: {exc}") from exc
            else:
                if response.status_code not in _RETRY_STATUS or last:
                    return response, content
                time.sleep(_retry_after(response, attempt))
                continue
            time.sleep(_backoff(attempt))
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _request(
        self, url: str, headers: Mapping[str, str] | None = None
    ) -> tuple[httpx.Response, bytes]:
        """One GET after the host's pause, read only up to the size limit."""
        self._wait_for_host(url)
        with self._client.stream("GET", url, headers=headers) as response:
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise InputError(url, f"response larger than {self.max_bytes // 2**20} MB")
                chunks.append(chunk)
        return response, b"".join(chunks)

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        previous = self._last_request.get(host)
        if previous is not None:
            pause = self.settings.per_host_interval_s - (time.monotonic() - previous)
            if pause > 0:
                time.sleep(pause)
        self._last_request[host] = time.monotonic()

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._fetch_robots(origin)
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(self.settings.user_agent, url)

    def _fetch_robots(self, origin: str) -> RobotFileParser | None:
        """Rules for one origin; None means everything is allowed (no robots.txt).

        As RFC 9309 says: a missing file (4xx) allows all; an unreachable one (5xx,
        network error) disallows all until a later run.
        """
        rules = RobotFileParser()
        try:
            response, content = self._request(f"{origin}/robots.txt")
        except (httpx.HTTPError, InputError):
            rules.disallow_all = True
            return rules
        if 400 <= response.status_code < 500:
            return None
        if response.status_code >= 500:
            rules.disallow_all = True
            return rules
        rules.parse(content.decode("utf-8", errors="replace").splitlines())
        return rules


def _backoff(attempt: int) -> float:
    return min(0.25 * 2**attempt, 5.0)


def _retry_after(response: httpx.Response, attempt: int) -> float:
    value = response.headers.get("retry-after", "")
    try:
        return min(float(value), _MAX_RETRY_AFTER_S)
    except ValueError:
        return _backoff(attempt)
