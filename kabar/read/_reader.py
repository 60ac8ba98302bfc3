"""The read stage: turn paths, directories, globs, stdin and URLs into RawDocs.

Every input ends as RawDocs or Failures; nothing here raises for a bad input, so one
broken file never stops a batch. Formats are sniffed from content (see ``_sniff``).
"""

from __future__ import annotations

import fnmatch
import glob
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..models import Failure, RawDoc
from ..settings import Settings
from ._encoding import declared_charset, decode
from ._feed import read_feed
from ._fetch import Fetcher
from ._hashing import sha256
from ._jsonl import read_json_array, read_jsonl
from ._sniff import describe_binary, sniff
from ._warc import read_warc

_PEEK = 65536
_FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
_GLOB_CHARS = set("*?[")


@dataclass
class Reader:
    """Reads inputs with one settings object and (when URLs appear) one shared fetcher."""

    settings: Settings
    fetcher: Fetcher | None = None
    stdin: BinaryIO | None = None

    @property
    def max_bytes(self) -> int:
        return self.settings.read.max_document_bytes

    def read(self, inputs: Iterable[str]) -> Iterator[RawDoc | Failure]:
        for item in inputs:
            yield from self.read_one(item)

    def read_one(self, item: str) -> Iterator[RawDoc | Failure]:
        """Everything one command-line input names."""
        if item == "-":
            yield from self._read_stream("<stdin>", self._stdin())
        elif item.startswith(("http://", "https://")):
            yield from self._read_url(item)
        elif os.path.isdir(item):
            for path in self._walk(Path(item)):
                yield from self._read_file(path)
        elif os.path.lexists(item) or not _GLOB_CHARS & set(item):
            yield from self._read_file(Path(item))
        else:
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield Failure(item, "no file matches this pattern")
            for match in matches:
                yield from self.read_one(match)

    def _stdin(self) -> io.BufferedReader:
        stream = self.stdin or sys.stdin.buffer
        return io.BufferedReader(stream, buffer_size=_PEEK)  # type: ignore[arg-type]

    def _walk(self, root: Path) -> Iterator[Path]:
        """Files below ``root`` in a stable order, hidden and skipped names left out."""
        skip = self.settings.read.skip_globs
        for folder, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if not any(fnmatch.fnmatch(name, pattern) for pattern in skip):
                    yield Path(folder) / name

    def _read_file(self, path: Path) -> Iterator[RawDoc | Failure]:
        location = str(path)
        try:
            handle = open(path, "rb", buffering=_PEEK)  # noqa: SIM115 - closed below
        except FileNotFoundError:
            yield Failure(location, "no such file or directory")
            return
        except IsADirectoryError:
            yield Failure(location, "is a directory")
            return
        except OSError as exc:
            yield Failure(location, f"cannot open: {exc.strerror or exc}")
            return
        with handle:
            claimed = "feed" if path.suffix.lower() in _FEED_SUFFIXES else None
            yield from self._read_stream(location, handle, base_dir=path.parent, claimed=claimed)

    def _read_url(self, url: str, hints: dict | None = None) -> Iterator[RawDoc | Failure]:
        if self.fetcher is None:
            self.fetcher = Fetcher(self.settings.fetch, self.max_bytes)
        try:
            response = self.fetcher.get(url)
        except InputError as exc:
            yield Failure(exc.location, exc.reason)
            return
        claimed = "feed" if response.content_type in _FEED_TYPES else None
        stream = io.BufferedReader(io.BytesIO(response.content), buffer_size=_PEEK)
        yield from self._read_stream(
            url, stream, url=response.url, charset=response.charset, claimed=claimed, hints=hints
        )

    def _read_stream(
        self,
        location: str,
        stream: io.BufferedReader,
        *,
        base_dir: Path | None = None,
        url: str | None = None,
        charset: str | None = None,
        claimed: str | None = None,
        hints: dict | None = None,
    ) -> Iterator[RawDoc | Failure]:
        """Sniff a stream and hand it to the reader of its format."""
        try:
            head = stream.peek(_PEEK)[:_PEEK]
            kind = sniff(head)
            if kind == "gzip":
                yield from self._read_gzip(location, stream, base_dir)
                return
            if kind == "warc":
                yield from read_warc(location, stream, self.max_bytes)
                return
            if kind == "jsonl":
                yield from read_jsonl(location, stream, self.settings.read.jsonl)
                return
            yield from self._read_document(
                location, stream, kind, head, base_dir, url, charset, claimed, hints or {}
            )
        except OSError as exc:
            yield Failure(location, f"read error: {exc.strerror or exc}")

    def _read_gzip(self, location: str, stream: io.BufferedReader, base_dir: Path | None):
        """WARC.gz goes to warcio whole (it reads gzip members itself); others stream through."""
        try:
            inner_head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(stream.peek(_PEEK), 64)
        except zlib.error as exc:
            yield Failure(location, f"corrupt gzip data ({exc})")
            return
        if inner_head.startswith(b"WARC/"):
            yield from read_warc(location, stream, self.max_bytes, gzipped=True)
            return
        inner = io.BufferedReader(gzip.GzipFile(fileobj=stream), buffer_size=_PEEK)  # type: ignore[arg-type]
        try:
            yield from self._read_stream(location, inner, base_dir=base_dir)
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            yield Failure(location, f"truncated or corrupt gzip data ({exc})")

    def _read_document(self, location, stream, kind, head, base_dir, url, charset, claimed, hints):
        """Whole-document formats: HTML page, plain text, feed, JSON array."""
        if kind == "empty":
            yield Failure(location, "empty file")
            return
        if kind == "binary":
            what = describe_binary(head) or "binary data"
            yield Failure(location, f"not a news document: {what}")
            return
        data = stream.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            limit = self.settings.read.max_document_mb
            yield Failure(location, f"document larger than read.max_document_mb = {limit:g} MB")
            return
        if kind == "json":
            yield from read_json_array(location, data, self.settings.read.jsonl)
        elif kind == "feed":
            yield from read_feed(location, data, base_dir, self._follow_local, self._follow_remote)
        elif kind == "html" and claimed == "feed":
            yield Failure(location, "expected an RSS/Atom feed but the content is an HTML page")
        else:
            text, encoding = decode(data, charset or declared_charset(data))
            yield RawDoc(
                location, kind, text, sha256(data), url=url, encoding=encoding, hints=hints
            )

    def _follow_local(self, path: str, hints: dict) -> Iterator[RawDoc | Failure]:
        for doc in self._read_file(Path(path)):
            if isinstance(doc, RawDoc):
                doc.hints = {**hints, **doc.hints}
            yield doc

    def _follow_remote(self, url: str, hints: dict) -> Iterator[RawDoc | Failure]:
        yield from self._read_url(url, hints)

    def close(self) -> None:
        if self.fetcher is not None:
            self.fetcher.close()


def read_inputs(inputs: Iterable[str], settings: Settings) -> Iterator[RawDoc | Failure]:
    """Read every input once; a convenience over :class:`Reader` for library users."""
    reader = Reader(settings)
    try:
        yield from reader.read(inputs)
    finally:
        reader.close()
