"""SOURCES.txt: the feeds and front pages to watch, and the ``--every`` interval.

One source per line: a URL, optionally after its kind (``feed`` or ``page``); a line
without a kind is a feed. ``#`` starts a comment (at the start of a line or after a space,
so URL fragments survive). A bad line is an error naming ``file:line``, because a source
silently left out would never be watched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import ConfigError

SourceKind = Literal["feed", "page"]
KINDS: tuple[SourceKind, ...] = ("feed", "page")

_COMMENT = re.compile(r"(^|\s)#.*$")
_INTERVAL_PART = re.compile(r"(\d+(?:\.\d+)?)([smh]?)")
_UNIT_SECONDS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0}


@dataclass(frozen=True, slots=True)
class Source:
    """One watched URL and how to read it (``where`` is ``file:line``, for messages)."""

    url: str
    kind: SourceKind
    where: str = ""


def parse_sources(text: str, origin: str = "SOURCES.txt") -> list[Source]:
    """The sources a SOURCES.txt text lists, in order, each URL once."""
    sources: dict[str, Source] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        words = _COMMENT.sub("", line).split()
        if not words:
            continue
        where = f"{origin}:{number}"
        source = _source(words, where)
        sources.setdefault(source.url, source)
    return list(sources.values())


def _source(words: list[str], where: str) -> Source:
    if len(words) == 1:
        kind, url = "feed", words[0]
    elif len(words) == 2 and words[0].lower() in KINDS:
        kind, url = words[0].lower(), words[1]
    else:
        raise ConfigError(f"{where}: expected 'URL' or 'feed URL' or 'page URL', got {words!r}")
    if not url.startswith(("http://", "https://")):
        raise ConfigError(f"{where}: not an http(s) URL: {url!r}")
    return Source(url, kind, where)  # type: ignore[arg-type]


def read_sources(path: str | Path) -> list[Source]:
    """Parse a SOURCES.txt file; an unreadable or empty one is a :class:`ConfigError`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read sources ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    sources = parse_sources(text, str(path))
    if not sources:
        raise ConfigError(f"{path}: lists no sources")
    return sources


def parse_interval(value: str) -> float:
    """Seconds in an interval such as ``90s``, ``15m``, ``1h``, ``1h30m`` or ``2.5m``.

    A bare number is seconds. Zero or garbage is a :class:`ValueError` saying what is wanted.
    """
    text = value.strip().lower()
    parts = _INTERVAL_PART.findall(text)
    spelled = "".join(number + unit for number, unit in parts)
    bare = len(parts) > 1 and any(not unit for _, unit in parts)  # "1h30": 30 what?
    if not text or spelled != text or bare:
        raise ValueError(f"not an interval: {value!r} (use a number with s, m or h: 15m, 1h30m)")
    seconds = sum(float(number) * _UNIT_SECONDS[unit] for number, unit in parts)
    if seconds <= 0:
        raise ValueError(f"the interval must be longer than zero: {value!r}")
    return seconds
