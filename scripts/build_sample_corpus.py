#!/usr/bin/env python
"""Build the WARC of the bundled sample corpus.

Reads the crawled SuaraNusa pages kept as plain HTML in ``kabar/data/sample-src/warc-src/``
(``records.json`` lists them in crawl order, with their target URI, HTTP status and capture
time) and writes ``kabar/data/sample/warc/crawl.warc.gz`` with warcio.

The output is deterministic: WARC-Date and HTTP Date come from ``records.json``, record ids are
UUID5s derived from record type + target URI, and warcio's per-record gzip members carry no
timestamp. Running the script twice gives byte-identical files.

    python scripts/build_sample_corpus.py            # rewrite the bundled WARC
    python scripts/build_sample_corpus.py --out X    # write to another path (tests use this)
"""

from __future__ import annotations

import argparse
import json
import uuid
from datetime import UTC, datetime
from email.utils import format_datetime
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SAMPLE = Path(__file__).resolve().parent.parent / "kabar" / "data" / "sample"
SRC = SAMPLE.parent / "sample-src" / "warc-src"
DEFAULT_OUT = SAMPLE / "warc" / "crawl.warc.gz"

USER_AGENT = "kabar-sample-crawler/0.1"
REASONS = {200: "OK", 404: "Not Found"}


def record_id(kind: str, uri: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + ' ' + uri)}>"


def http_date(warc_date: str) -> str:
    d = datetime.strptime(warc_date, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return format_datetime(d, usegmt=True)


def build(src: Path = SRC) -> bytes:
    entries = json.loads((src / "records.json").read_text(encoding="utf-8"))
    buf = BytesIO()
    writer = WARCWriter(buf, gzip=True, warc_version="WARC/1.0")
    for entry in entries:
        uri, status, date = entry["target_uri"], int(entry["status"]), entry["warc_date"]
        body = (src / entry["file"]).read_bytes()
        resp_id = record_id("response", uri)
        http_headers = StatusAndHeaders(
            f"{status} {REASONS[status]}",
            [
                ("Date", http_date(date)),
                ("Server", "nginx"),
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Cache-Control", "max-age=300"),
                ("Connection", "close"),
            ],
            protocol="HTTP/1.1",
        )
        if entry.get("with_request"):
            host = uri.split("/")[2]
            path = "/" + uri.split("/", 3)[3]
            req_headers = StatusAndHeaders(
                f"GET {path} HTTP/1.1",
                [
                    ("Host", host),
                    ("User-Agent", USER_AGENT),
                    ("Accept", "text/html,application/xhtml+xml"),
                    ("Accept-Language", "id,en;q=0.8"),
                    ("Connection", "close"),
                ],
                is_http_request=True,
            )
            req = writer.create_warc_record(
                uri,
                "request",
                payload=BytesIO(b""),
                length=0,
                http_headers=req_headers,
                warc_headers_dict={
                    "WARC-Record-ID": record_id("request", uri),
                    "WARC-Date": date,
                    "WARC-Concurrent-To": resp_id,
                },
            )
            writer.write_record(req)
        resp = writer.create_warc_record(
            uri,
            "response",
            payload=BytesIO(body),
            length=len(body),
            http_headers=http_headers,
            warc_headers_dict={"WARC-Record-ID": resp_id, "WARC-Date": date},
        )
        writer.write_record(resp)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output .warc.gz path")
    ap.add_argument("--src", type=Path, default=SRC, help="directory with records.json and pages")
    args = ap.parse_args(argv)
    data = build(args.src)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
