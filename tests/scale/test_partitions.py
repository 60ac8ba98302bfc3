"""Partitions: a split input reads back exactly as the single-process reader reads it whole."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import SAMPLE, Route
from helpers import PARAGRAPHS, article_html, rss, write_warc

from kabar.models import Failure, RawDoc
from kabar.read import Reader
from kabar.scale import Documents, LineRange, WarcRange, WholeFile, partition_inputs
from kabar.scale._partitions import read_partition


def _docs(items) -> list[tuple[str, str]]:
    """What a reader produced, comparably: location and content hash, or the failure."""
    return [
        (d.location, d.raw_sha256 if isinstance(d, RawDoc) else f"failed: {d.reason}")
        for d in items
    ]


def _split_reads_as_whole(inputs: list[str], reader: Reader, size: int) -> list:
    partitions = list(partition_inputs(inputs, reader, size))
    split = [doc for part in partitions for doc in read_partition(part, reader)]
    assert _docs(split) == _docs(reader.read(inputs))
    return partitions


@pytest.fixture
def reader(settings) -> Reader:
    return Reader(settings)


def test_a_jsonl_dump_splits_into_runs_of_lines(tmp_path: Path, reader: Reader):
    dump = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"url": f"https://x.example/{i}", "text": f"Berita nomor {i}."})
        for i in range(7)
    ]
    lines.insert(3, "{broken json")
    lines.insert(5, "")
    dump.write_text("\n".join(lines) + "\n")
    partitions = _split_reads_as_whole([str(dump)], reader, size=3)
    assert [(p.first_line, type(p)) for p in partitions] == [
        (1, LineRange),
        (4, LineRange),
        (7, LineRange),
    ]
    failures = [d for p in partitions for d in read_partition(p, reader) if isinstance(d, Failure)]
    assert [f.location for f in failures] == [f"{dump}:4"]


def test_a_jsonl_without_final_newline_keeps_its_last_line(tmp_path: Path, reader: Reader):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(json.dumps({"text": f"Isi {i}"}) for i in range(5)))
    partitions = _split_reads_as_whole([str(dump)], reader, size=2)
    assert len(partitions) == 3


def test_a_warc_splits_at_record_boundaries(tmp_path: Path, reader: Reader):
    pages = {f"https://kabaruji.example/{i}": article_html(f"Judul {i}") for i in range(5)}
    write_warc(tmp_path / "crawl.warc.gz", pages)
    partitions = _split_reads_as_whole([str(tmp_path / "crawl.warc.gz")], reader, size=3)
    assert len(partitions) == 4  # 11 records: 5 requests, 5 responses, a 404
    assert all(isinstance(p, WarcRange) and p.gzipped for p in partitions)


def test_an_uncompressed_warc_splits_too(tmp_path: Path, reader: Reader):
    import gzip

    write_warc(
        tmp_path / "crawl.warc.gz", {f"https://k.example/{i}": article_html() for i in range(3)}
    )
    (tmp_path / "crawl.warc").write_bytes(
        gzip.decompress((tmp_path / "crawl.warc.gz").read_bytes())
    )
    partitions = _split_reads_as_whole([str(tmp_path / "crawl.warc")], reader, size=2)
    assert len(partitions) == 4
    assert not any(p.gzipped for p in partitions)


def test_a_truncated_warc_goes_whole_and_fails_as_in_one_process(tmp_path: Path, reader: Reader):
    data = write_warc(
        tmp_path / "full.warc.gz", {f"https://k.example/{i}": article_html() for i in range(4)}
    )
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 300])
    partitions = _split_reads_as_whole([str(cut)], reader, size=2)
    assert partitions == [WholeFile(str(cut))]
    docs = list(read_partition(partitions[0], reader))
    assert isinstance(docs[-1], Failure) and "truncated" in docs[-1].reason


def test_feeds_are_read_by_the_client_and_sent_in_chunks(tmp_path: Path, reader: Reader):
    content = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    items = [
        {"title": f"Berita {i}", "link": f"https://k.example/{i}", "content": content}
        for i in range(5)
    ]
    (tmp_path / "feed.xml").write_text(rss(items))
    partitions = _split_reads_as_whole([str(tmp_path / "feed.xml")], reader, size=2)
    assert [len(p.docs) for p in partitions] == [2, 2, 1]
    assert all(isinstance(p, Documents) for p in partitions)


def test_stdin_is_read_by_the_client(settings):
    stdin_reader = Reader(settings, stdin=io.BytesIO(b"Judul\n\n" + PARAGRAPHS[0].encode()))
    partitions = list(partition_inputs(["-"], stdin_reader, 2))
    assert [(type(p), [d.location for d in p.docs]) for p in partitions] == [
        (Documents, ["<stdin>"])
    ]


def test_urls_are_fetched_by_the_client(web, settings):
    web.routes["/berita"] = Route(body=article_html().encode())
    partitions = list(partition_inputs([web.url("/berita")], Reader(settings), 2))
    assert isinstance(partitions[0], Documents)
    assert partitions[0].docs[0].url == web.url("/berita")
    assert len(web.hits("/berita")) == 1


def test_directories_and_globs_follow_the_readers_order(reader: Reader):
    partitions = _split_reads_as_whole([str(SAMPLE), str(SAMPLE / "text" / "*.txt")], reader, 2)
    kinds = {type(p) for p in partitions}
    assert kinds == {WholeFile, LineRange, WarcRange, Documents}


def test_missing_files_and_empty_globs_fail_with_their_names(tmp_path: Path, reader: Reader):
    missing, nothing = str(tmp_path / "gone.html"), str(tmp_path / "*.nothing")
    partitions = _split_reads_as_whole([missing, nothing], reader, size=2)
    reasons = [d.reason for p in partitions for d in read_partition(p, reader)]
    assert reasons == ["no such file or directory", "no file matches this pattern"]


def test_the_public_api_is_what_all_says():
    import kabar.scale

    assert all(hasattr(kabar.scale, name) for name in kabar.scale.__all__)
    assert "ingest_on_dask" in kabar.scale.__all__
