"""HTML pages: trafilatura finds the main text and the page's own metadata."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura


@dataclass(frozen=True, slots=True)
class PageContent:
    lines: list[str]
    title: str | None
    author: str | None
    date: str | None
    sitename: str | None
    url: str | None


def extract_page(html: str, url: str | None) -> PageContent | None:
    """Main text and metadata of a page; None when trafilatura finds no main text."""
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_images=False
    )
    if document is None or not document.text:
        return None
    return PageContent(
        lines=document.text.splitlines(),
        title=document.title,
        author=document.author,
        date=document.date,
        sitename=document.sitename,
        url=document.url,
    )
