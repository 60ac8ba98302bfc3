"""The extract stage as one cascade: RawDoc -> Article.

1. body lines and page metadata (trafilatura for HTML; the lines themselves for text)
2. title (page metadata, container hint, or the text's first line)
3. paragraphs with page chrome removed
4. dateline: place, and an outlet name
5. outlet (URL domain, site name, dateline, container hint)
6. cited sources, language, publication date
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import InputError
from ..models import Article, RawDoc
from ..read import repair_mojibake
from ..settings import Settings
from ._dateline import Dateline, parse_dateline
from ._dates import date_from_iso, date_from_url, date_printed_in, time_from_iso
from ._html import extract_page
from ._language import detect_language
from ._outlets import OutletTable
from ._sources import CitationCues, cited_sources
from ._text import Boilerplate, paragraphs_from_lines, split_title

# Printed publication dates sit in short lines at the top or bottom of a page saved as text.
_DATE_SEARCH_PARAGRAPHS = 3
_BYLINE_CHARS = 100


@dataclass
class Extractor:
    """Holds the loaded tables so each article costs only its own work."""

    settings: Settings
    outlets: OutletTable = field(init=False)
    cues: CitationCues = field(default_factory=CitationCues.load)
    boilerplate: Boilerplate = field(default_factory=Boilerplate.load)

    def __post_init__(self) -> None:
        self.outlets = OutletTable.load(self.settings.extract.outlet_files)

    def extract(self, raw: RawDoc) -> Article:
        """Build the article record, or raise InputError(stage="extract") saying why not."""
        hints = raw.hints
        if raw.format == "html":
            page = extract_page(raw.content, raw.url)
            if page is None:
                raise InputError(raw.location, "no article text found in the page", "extract")
            lines, title = page.lines, page.title or hints.get("title")
            url, author, meta_date, sitename = (
                page.url or raw.url,
                page.author,
                page.date,
                page.sitename,
            )
        else:
            lines = raw.content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            if "title" in hints:
                title = hints["title"]
            else:
                title, lines = split_title(lines)
            url, author, meta_date, sitename = raw.url, None, None, None

        paragraphs = paragraphs_from_lines(
            [repair_mojibake(line) for line in lines], self.boilerplate
        )
        paragraphs = _drop_repeated_title(paragraphs, title)
        text = "\n\n".join(paragraphs)
        if len(text) < self.settings.extract.min_text_chars:
            raise InputError(
                raw.location,
                f"no article: only {len(text)} characters of text after removing page chrome "
                f"(extract.min_text_chars = {self.settings.extract.min_text_chars})",
                "extract",
            )
        title = repair_mojibake(title) if title else None
        dateline = parse_dateline(paragraphs[0]) if paragraphs else None
        outlet = self._outlet(url, sitename, dateline, hints.get("outlet"))
        published = self._published(hints.get("published"), meta_date, url, dateline, paragraphs)
        return Article(
            title=title,
            text=text,
            outlet=outlet,
            url=url,
            published=published[0] if published else None,
            published_precision=published[1] if published else None,
            published_at=time_from_iso(hints.get("published")) or time_from_iso(meta_date),
            language=detect_language(f"{title or ''}\n{text}"),
            dateline=dateline.place if dateline else None,
            cited_sources=self._cited(text, outlet, dateline),
            author=author,
            location=raw.location,
            raw_sha256=raw.raw_sha256,
            format=raw.format,
        )

    def _outlet(self, url, sitename, dateline: Dateline | None, hint) -> str | None:
        """The publisher: its domain is surest, then the page's site name, then the dateline."""
        known = self.outlets.for_url(url)
        if known is not None:
            return known.name
        for candidate in (sitename, dateline.outlet if dateline else None, hint):
            if candidate:
                return self.outlets.canonical(candidate)
        return None

    def _cited(self, text: str, outlet: str | None, dateline: Dateline | None) -> list[str]:
        """Credited outlets; a known outlet in another outlet's dateline is a credit too."""
        sources = cited_sources(text, self.outlets, self.cues, own_outlet=outlet)
        if dateline and dateline.outlet and self.outlets.lookup(dateline.outlet):
            credited = self.outlets.canonical(dateline.outlet)
            if credited != outlet and credited not in sources:
                sources.insert(0, credited)
        return sources

    def _published(self, hint, meta_date, url, dateline, paragraphs) -> tuple[str, str] | None:
        """Metadata, then a day in the URL path, then a printed date, then a month in the URL."""
        for found in (date_from_iso(hint), date_from_iso(meta_date)):
            if found:
                return found
        from_url = date_from_url(url)
        if from_url and from_url[1] == "day":
            return from_url
        if dateline and dateline.printed_date:
            printed = date_printed_in(dateline.printed_date)
            if printed:
                return printed
        # Only short lines (bylines, "Diperbarui ..."): a date inside a sentence is an event's.
        edges = paragraphs[:_DATE_SEARCH_PARAGRAPHS] + paragraphs[-_DATE_SEARCH_PARAGRAPHS:]
        byline_dates = (date_printed_in(p) for p in edges if len(p) <= _BYLINE_CHARS)
        return _first(byline_dates) or from_url


def _first(values):
    return next((v for v in values if v), None)


def _drop_repeated_title(paragraphs: list[str], title: str | None) -> list[str]:
    """Feeds and dumps often repeat the headline as the body's first line."""
    if paragraphs and title and paragraphs[0].strip() == title.strip():
        return paragraphs[1:]
    return paragraphs
