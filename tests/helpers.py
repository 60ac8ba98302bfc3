"""Builders for test inputs: article pages, feeds and WARC archives written on the fly."""

from __future__ import annotations

import contextlib
import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PARAGRAPHS = [
    "Jakarta, Kabar Uji - Presiden Prabowo Subianto menerima Perdana Menteri Malaysia Anwar "
    "Ibrahim di Istana Merdeka pada Senin (12/1/2026) untuk membahas perbatasan kedua negara.",
    "Kedua pemimpin sepakat mempercepat perundingan batas laut di Laut Sulawesi dan "
    "memperkuat patroli bersama untuk menekan penyelundupan, kata juru bicara istana.",
    "Anwar mengatakan Malaysia siap mengirim tim teknis ke Jakarta bulan depan.",
]


def article_html(title: str = "Prabowo Terima Anwar di Istana", paragraphs=None, **meta) -> str:
    """A small but complete article page with a little chrome around it."""
    body = "\n".join(f"<p>{p}</p>" for p in (paragraphs or PARAGRAPHS))
    canonical = meta.get("canonical")
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    published = meta.get("published", "2026-01-12T09:00:00+07:00")
    charset = meta.get("charset", "utf-8")
    return f"""<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Kabar Uji">
<meta property="article:published_time" content="{published}">{link}</head>
<body><nav><a href="/">Beranda</a> <a href="/nasional">Nasional</a></nav>
<article><h1>{title}</h1>{body}
<p>Baca Juga: <a href="/lain.html">Berita lain yang tidak berhubungan</a></p></article>
<footer>Copyright 2026 Kabar Uji</footer></body></html>"""


def write_warc(path: Path, pages: dict[str, str], extra_records: bool = True) -> bytes:
    """A gzipped WARC with one 200 response per page, plus a request and a 404 to skip."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in pages.items():
        if extra_records:
            request = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "kabaruji.example")], is_http_request=True
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "request", payload=io.BytesIO(b""), http_headers=request
                )
            )
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
        )
    if extra_records:
        missing = StatusAndHeaders(
            "404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                "https://kabaruji.example/hilang",
                "response",
                payload=io.BytesIO(b"<html>not found</html>"),
                http_headers=missing,
            )
        )
    data = buffer.getvalue()
    path.write_bytes(data)
    return data


def rss(items: list[dict[str, str]], title: str = "Kabar Uji") -> str:
    entries = []
    for item in items:
        content = item.get("content")
        encoded = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
        entries.append(
            f"<item><title>{item['title']}</title><link>{item['link']}</link>"
            f"<guid>{item.get('guid', item['link'])}</guid>"
            f"<pubDate>{item.get('pubDate', 'Mon, 12 Jan 2026 02:00:00 GMT')}</pubDate>"
            f"<description>{item.get('description', 'Ringkasan singkat.')}</description>"
            f"{encoded}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{title}</title><link>https://kabaruji.example/</link>"
        f"{''.join(entries)}</channel></rss>"
    )


@contextlib.contextmanager
def serve_locally(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 (a free port) answering with ``handler``, in a
    thread; yields its base URL and shuts it down afterwards."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
