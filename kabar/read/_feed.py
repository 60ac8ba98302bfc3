"""RSS 2.0 / Atom feeds: an entry's own content, or the page its link points to.

Links to local files (a feed saved beside its pages) are followed; remote links are
fetched only when the entry carries too little text to be the article.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser

from ..models import Failure, RawDoc
from ._hashing import sha256

# An entry shorter than this (characters of markup) is a teaser, not the article.
_TEASER_CHARS = 400

FollowLink = Callable[[str, dict], Iterator[RawDoc | Failure]]


def read_feed(
    location: str,
    data: bytes,
    base_dir: Path | None,
    follow_local: FollowLink,
    follow_remote: FollowLink | None,
) -> Iterator[RawDoc | Failure]:
    """Entries of one feed. ``follow_*`` read a linked page, with the entry's hints."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None) or "no entries"
        yield Failure(location, f"not a usable RSS/Atom feed ({reason})")
        return
    outlet = parsed.feed.get("title")
    for index, entry in enumerate(parsed.entries, start=1):
        yield from _entry_docs(
            location, index, entry, outlet, base_dir, follow_local, follow_remote
        )


def _entry_docs(location, index, entry, outlet, base_dir, follow_local, follow_remote):
    where = f"{location}#{entry.get('id') or entry.get('link') or index}"
    hints = {"title": entry.get("title"), "published": _published(entry), "outlet": outlet}
    hints = {k: v for k, v in hints.items() if v}
    link = entry.get("link") or ""
    local = _local_path(link, base_dir)
    if local is not None:
        yield from follow_local(str(local), hints)
        return
    content = _content(entry)
    if len(content) < _TEASER_CHARS and link.startswith(("http://", "https://")) and follow_remote:
        yield from follow_remote(link, hints)
        return
    if not content.strip():
        yield Failure(where, "feed entry has neither content nor a readable link")
        return
    url = link if link.startswith(("http://", "https://")) else None
    yield RawDoc(where, "html", content, sha256(content), url=url, encoding="utf-8", hints=hints)


def _content(entry) -> str:
    contents = entry.get("content") or []
    if contents:
        return max((c.get("value", "") for c in contents), key=len)
    return entry.get("summary", "")


def _published(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            year, month, day, hour, minute, second = value[:6]
            return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}Z"
    return None


def _local_path(link: str, base_dir: Path | None) -> Path | None:
    """The file a link names, when it is a relative path or file: URL that exists."""
    if not link or base_dir is None:
        return None
    parts = urlsplit(link)
    if parts.scheme == "file":
        candidate = Path(unquote(parts.path))
    elif not parts.scheme and not parts.netloc:
        candidate = base_dir / unquote(parts.path)
    else:
        return None
    candidate = Path(os.path.normpath(candidate))
    return candidate if candidate.is_file() else None
