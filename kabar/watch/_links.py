"""Front pages: which of a page's links lead to articles.

The rules are data (``[watch]`` settings: article and skip patterns, same host only),
compiled and checked once; this module only applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit

from ..errors import ConfigError
from ..settings import WatchSettings


@dataclass(frozen=True)
class LinkRules:
    """What makes a link on a front page an article link."""

    article: tuple[re.Pattern[str], ...]
    skip: tuple[re.Pattern[str], ...]
    same_host: bool

    @classmethod
    def from_settings(cls, settings: WatchSettings) -> LinkRules:
        return cls(
            _compile(settings.article_link_patterns, "watch.article_link_patterns"),
            _compile(settings.skip_link_patterns, "watch.skip_link_patterns"),
            settings.same_host_links,
        )

    def is_article(self, url: str, page_url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return False
        if self.same_host and _host(parts.netloc) != _host(urlsplit(page_url).netloc):
            return False
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        return any(p.search(target) for p in self.article) and not any(
            p.search(target) for p in self.skip
        )


def _compile(patterns: list[str], key: str) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern, re.IGNORECASE))
        except re.error as exc:
            raise ConfigError(f"{key}: bad regular expression {pattern!r} ({exc})") from exc
    return tuple(compiled)


def _host(netloc: str) -> str:
    return netloc.lower().removeprefix("www.")


def article_links(html: str, page_url: str, rules: LinkRules) -> list[str]:
    """Absolute article URLs linked from a page, in page order, each once, no fragments."""
    collector = _Anchors()
    collector.feed(html)
    collector.close()
    links: dict[str, None] = {}
    for href in collector.hrefs:
        url = urlunsplit(urlsplit(urljoin(page_url, href.strip()))._replace(fragment=""))
        if rules.is_article(url, page_url):
            links.setdefault(url)
    return list(links)


class _Anchors(HTMLParser):
    """Collects the ``href`` of every ``<a>`` (a tolerant parser: pages are often broken)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)
