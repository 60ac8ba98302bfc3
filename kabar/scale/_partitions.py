"""Cut the inputs of one ingest into partitions, and read a partition back as RawDocs.

The client plans, the workers read: a partition names a piece of an input (a whole file,
a run of JSONL lines, a run of WARC records) so that only a path and two offsets travel to
a worker, and one huge file still spreads over the cluster. Reading a partition yields
exactly what the single-process reader yields for that piece, locations included, so a
bad input is reported the same way on either engine.

What must not run on several machines at once stays on the client: URLs (the fetcher's
per-host pauses and robots.txt hold for one process), stdin, and feeds (their entries may
link to pages to fetch). The client reads those and ships the documents in chunks.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from ..models import Failure, RawDoc
from ..read import Reader
from ..read._jsonl import _from_line
from ..read._sniff import sniff
from ..read._warc import _GzipWatcher, read_warc

_PEEK = 65536
_FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
_GLOB_CHARS = set("*?[")
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class WholeFile:
    """A file the worker reads with the ordinary reader (pages, texts, small dumps)."""

    path: str

    @property
    def location(self) -> str:
        return self.path


@dataclass(frozen=True, slots=True)
class LineRange:
    """JSONL lines from byte ``start`` to ``end``; the first is line ``first_line``."""

    path: str
    start: int
    end: int
    first_line: int

    @property
    def location(self) -> str:
        return f"{self.path}:{self.first_line}"


@dataclass(frozen=True, slots=True)
class WarcRange:
    """WARC records from byte ``start`` to ``end`` (whole records, whole gzip members)."""

    path: str
    start: int
    end: int
    gzipped: bool

    @property
    def location(self) -> str:
        return f"{self.path} (bytes {self.start}-{self.end})"


@dataclass(frozen=True, slots=True)
class Documents:
    """Documents the client read itself (URLs, stdin, feeds), or its failures."""

    docs: tuple[RawDoc | Failure, ...]

    @property
    def location(self) -> str:
        return self.docs[0].location if self.docs else "(no documents)"


Partition = WholeFile | LineRange | WarcRange | Documents


# -- planning (client) -------------------------------------------------------------------------


def partition_inputs(inputs: Iterable[str], reader: Reader, size: int) -> Iterator[Partition]:
    """The partitions of every input, in the order the single-process reader reads them.

    ``size`` is the most records (JSONL lines, WARC records, client-read documents) in one
    partition. Planning streams: a file is scanned once for its record boundaries and
    only those offsets are kept.
    """
    for item in inputs:
        yield from _partitions_of(item, reader, size)


def _partitions_of(item: str, reader: Reader, size: int) -> Iterator[Partition]:
    """Mirrors ``Reader.read_one``: stdin and URLs, directories, files, then globs."""
    if item == "-" or item.startswith(("http://", "https://")):
        yield from _chunks(reader.read_one(item), size)
    elif os.path.isdir(item):
        for path in _files_below(Path(item), reader.settings.read.skip_globs):
            yield from _file_partitions(path, reader, size)
    elif os.path.lexists(item) or not _GLOB_CHARS & set(item):
        yield from _file_partitions(Path(item), reader, size)
    else:
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            yield Documents((Failure(item, "no file matches this pattern"),))
        for match in matches:
            yield from _partitions_of(match, reader, size)


def _files_below(root: Path, skip_globs: list[str]) -> Iterator[Path]:
    """The files the reader walks below ``root``, in its order (hidden and skipped left out)."""
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not any(fnmatch.fnmatch(name, pattern) for pattern in skip_globs):
                yield Path(folder) / name


def _file_partitions(path: Path, reader: Reader, size: int) -> Iterator[Partition]:
    """Split what can be split; anything odd goes whole to a worker, whose reader then
    reports it exactly as the single-process run does."""
    kind = _kind(path)
    if kind == "jsonl":
        yield from _line_ranges(path, size)
    elif kind in ("warc", "warc.gz"):
        yield from _warc_ranges(path, size, gzipped=kind == "warc.gz")
    elif kind == "feed" or path.suffix.lower() in _FEED_SUFFIXES:
        yield from _chunks(reader.read_one(str(path)), size)
    else:
        yield WholeFile(str(path))


def _kind(path: Path) -> str | None:
    """The sniffed format of a file ("warc.gz" for a gzipped WARC), None if unreadable."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_PEEK)
    except OSError:
        return None
    kind = sniff(head)
    if kind != "gzip":
        return kind
    try:
        inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return kind
    return "warc.gz" if inner.startswith(b"WARC/") else kind


def _chunks(docs: Iterable[RawDoc | Failure], size: int) -> Iterator[Documents]:
    """Client-read documents, ``size`` at a time, so the client never holds a whole feed."""
    docs = iter(docs)
    while chunk := tuple(islice(docs, size)):
        yield Documents(chunk)


def _line_ranges(path: Path, size: int) -> Iterator[LineRange]:
    """Runs of ``size`` lines, found by one pass over the file counting bytes."""
    with open(path, "rb") as handle:
        start = offset = 0
        first = 1
        for number, line in enumerate(handle, start=1):
            offset += len(line)
            if number % size == 0:
                yield LineRange(str(path), start, offset, first)
                start, first = offset, number + 1
        if offset > start:
            yield LineRange(str(path), start, offset, first)


def _warc_ranges(path: Path, size: int, gzipped: bool) -> Iterator[Partition]:
    """Runs of ``size`` records; the whole file when it is small or not a clean archive."""
    boundaries = _record_boundaries(path, size, gzipped)
    if boundaries is None or len(boundaries) < 2:
        yield WholeFile(str(path))
        return
    ends = [*boundaries[1:], os.path.getsize(path)]
    for start, end in zip(boundaries, ends, strict=True):
        yield WarcRange(str(path), start, end, gzipped)


def _record_boundaries(path: Path, size: int, gzipped: bool) -> list[int] | None:
    """Offsets of every ``size``-th record, or None when the archive is truncated, corrupt
    or packs several records into one gzip member (then only a whole read is faithful)."""
    boundaries: list[int] = []
    try:
        with open(path, "rb") as handle:
            watcher = _GzipWatcher(handle) if gzipped else None
            records = ArchiveIterator(watcher or handle)
            for index, record in enumerate(records):
                while record.raw_stream.read(1 << 16):
                    pass
                if record.raw_stream.limit > 0:
                    return None
                if index % size == 0:
                    boundaries.append(records.get_record_offset())
            if watcher is not None:
                while watcher.read(1 << 16):
                    pass
                if not watcher.complete:
                    return None
            if gzipped and not _all_members(handle, boundaries):
                return None
    except Exception:  # noqa: BLE001 - any trouble: the worker reads it whole and reports it
        return None
    return boundaries if boundaries == sorted(set(boundaries)) else None


def _all_members(handle: BinaryIO, offsets: list[int]) -> bool:
    """Each boundary starts a gzip member, so a range of the file is a WARC.gz itself."""
    for offset in offsets:
        handle.seek(offset)
        if handle.read(2) != _GZIP_MAGIC:
            return False
    return True


# -- reading (worker) --------------------------------------------------------------------------


def read_partition(partition: Partition, reader: Reader) -> Iterator[RawDoc | Failure]:
    """The RawDocs (and Failures) of one partition, as the single-process reader gives them."""
    if isinstance(partition, Documents):
        yield from partition.docs
    elif isinstance(partition, WholeFile):
        yield from reader.read_one(partition.path)
    else:
        try:
            yield from _read_range(partition, reader)
        except OSError as exc:
            yield Failure(partition.path, f"read error: {exc.strerror or exc}")


def _read_range(partition: LineRange | WarcRange, reader: Reader) -> Iterator[RawDoc | Failure]:
    with open(partition.path, "rb") as handle:
        handle.seek(partition.start)
        if isinstance(partition, WarcRange):
            piece = _Bounded(handle, partition.end - partition.start)
            yield from read_warc(partition.path, piece, reader.max_bytes, partition.gzipped)
            return
        fields = reader.settings.read.jsonl
        offset = partition.start
        for number, line in enumerate(handle, start=partition.first_line):
            if line.strip():
                yield _from_line(f"{partition.path}:{number}", line, fields)
            offset += len(line)
            if offset >= partition.end:
                return


class _Bounded:
    """A file seen from its current position for ``remaining`` bytes, as warcio reads it."""

    def __init__(self, handle: BinaryIO, remaining: int) -> None:
        self.handle = handle
        self.remaining = remaining

    def read(self, size: int = -1) -> bytes:
        if size < 0 or size > self.remaining:
            size = self.remaining
        data = self.handle.read(size)
        self.remaining -= len(data)
        return data
