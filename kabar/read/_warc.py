"""WARC and WARC.gz archives: one RawDoc per successful HTML or text response record."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..models import Failure, RawDoc
from ._encoding import declared_charset, decode
from ._hashing import sha256

_DOCUMENT_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}


def read_warc(location: str, stream: BinaryIO, max_bytes: int) -> Iterator[RawDoc | Failure]:
    """Stream the archive; a truncated or corrupt tail is one Failure after what was read."""
    records = 0
    try:
        for record in ArchiveIterator(stream):
            records += 1
            doc = _response_doc(location, record, max_bytes)
            if doc is not None:
                yield doc
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield Failure(location, f"truncated or corrupt WARC after {records} records ({exc})")


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
