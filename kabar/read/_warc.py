"""WARC and WARC.gz archives: one RawDoc per successful HTML or text response record."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..models import Failure, RawDoc
from ._encoding import declared_charset, decode
from ._hashing import sha256

_DOCUMENT_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}


class _GzipWatcher:
    """Passes raw bytes to warcio and checks, as they go by, that every gzip member ends.

    warcio stops quietly at a cut inside a gzip member; this tells a complete archive
    from a truncated one without a second pass over the file.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self._member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._pending = False
        self.corrupt: str | None = None

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self._check(data)
        return data

    def _check(self, data: bytes) -> None:
        while data and self.corrupt is None:
            try:
                self._member.decompress(data)
            except zlib.error as exc:
                self.corrupt = str(exc)
                return
            self._pending = True
            if not self._member.eof:
                return
            data = self._member.unused_data
            self._member = zlib.decompressobj(16 + zlib.MAX_WBITS)
            self._pending = False

    @property
    def complete(self) -> bool:
        return self.corrupt is None and not self._pending


def read_warc(
    location: str, stream: BinaryIO, max_bytes: int, gzipped: bool = False
) -> Iterator[RawDoc | Failure]:
    """Stream the archive; a truncated or corrupt tail is one Failure after what was read."""
    records = 0
    watcher = _GzipWatcher(stream) if gzipped else None
    try:
        for record in ArchiveIterator(watcher or stream):
            doc = _response_doc(location, record, max_bytes)
            if _was_cut_short(record):
                yield Failure(location, f"truncated WARC: record {records + 1} is incomplete")
                return
            records += 1
            if doc is not None:
                yield doc
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError) as exc:
        # warcio meets a cut or garbled header with whatever error the parser hits first.
        yield Failure(location, f"truncated or corrupt WARC after {records} records ({exc!r})")
        return
    if watcher is not None and not watcher.complete:
        while watcher.read(1 << 16):  # warcio may stop before the end; look at the rest
            pass
        if not watcher.complete:
            why = watcher.corrupt or "the last gzip member is cut short"
            yield Failure(location, f"truncated or corrupt WARC.gz after {records} records ({why})")
            return
    if records == 0:
        yield Failure(location, "truncated or corrupt WARC: no complete record in it")


def _was_cut_short(record) -> bool:
    """warcio ends quietly at a truncated tail; a record shorter than its length says so."""
    while record.raw_stream.read(1 << 16):
        pass
    return record.raw_stream.limit > 0


def _response_doc(location: str, record, max_bytes: int) -> RawDoc | Failure | None:
    """A RawDoc for a 200 HTML/text response; None for requests, metadata, errors, images."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type", "")
    doc_format = _DOCUMENT_TYPES.get(content_type.split(";")[0].strip().lower())
    if doc_format is None:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{location}#{url}"
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return Failure(where, f"record larger than {max_bytes // 2**20} MB")
    charset = _header_charset(content_type) or declared_charset(payload)
    text, encoding = decode(payload, charset)
    return RawDoc(where, doc_format, text, sha256(payload), url=url, encoding=encoding)


def _header_charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None
