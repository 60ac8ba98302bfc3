"""A small news site on 127.0.0.1 for the watcher: feeds that change, pages that fail.

``Newsroom`` holds what the site publishes (a test adds stories between polls) and every
request it received with its headers. Feeds answer conditional GETs as real servers do:
the RSS feed by ETag, the Atom feed by Last-Modified, the front page by both. The texts
are invented for these tests.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler

from helpers import serve_locally

ROBOTS = "User-agent: *\nDisallow: /rahasia/\n"


@dataclass(frozen=True)
class Story:
    path: str
    title: str
    paragraphs: tuple[str, ...]
    published: str = "2026-01-12T09:00:00+07:00"


STORIES = {
    "banjir": Story(
        "/berita/2026/01/12/banjir-rendam-ratusan-rumah-di-demak",
        "Banjir Rendam Ratusan Rumah di Demak",
        (
            "Demak, Warta Uji - Banjir setinggi lutut orang dewasa merendam ratusan rumah di "
            "tiga desa di Kabupaten Demak, Jawa Tengah, pada Senin pagi setelah hujan deras "
            "mengguyur sejak Minggu malam.",
            "Badan Penanggulangan Bencana Daerah setempat mendirikan dapur umum dan "
            "mengevakuasi warga lanjut usia ke balai desa, kata kepala pelaksana BPBD.",
            "Petugas memperkirakan air surut dalam dua hari bila hujan tidak turun lagi.",
        ),
    ),
    "sepeda": Story(
        "/berita/2026/01/12/bandung-resmikan-jalur-sepeda-baru",
        "Pemerintah Kota Bandung Resmikan Jalur Sepeda Baru",
        (
            "Bandung, Warta Uji - Pemerintah Kota Bandung meresmikan jalur sepeda sepanjang "
            "dua belas kilometer yang menghubungkan kawasan Dago dengan pusat kota pada Senin.",
            "Wali kota mengatakan jalur itu dipisahkan dari jalan kendaraan bermotor dengan "
            "pembatas beton agar pesepeda merasa aman saat berangkat kerja.",
            "Dinas Perhubungan akan menambah rambu dan lampu penerangan bulan depan.",
        ),
    ),
    "cabai": Story(
        "/berita/2026/01/13/harga-cabai-di-surabaya-turun-menjelang-panen",
        "Harga Cabai di Pasar Surabaya Turun Menjelang Panen",
        (
            "Surabaya, Warta Uji - Harga cabai rawit di sejumlah pasar tradisional Surabaya "
            "turun hampir sepertiga dalam sepekan terakhir karena pasokan dari petani mulai "
            "bertambah menjelang panen raya.",
            "Pedagang di Pasar Keputran menyebut pembeli dari rumah makan kembali memborong "
            "cabai setelah sebulan mengurangi belanja.",
            "Dinas Perdagangan memantau harga setiap hari hingga akhir bulan.",
        ),
        "2026-01-13T08:00:00+07:00",
    ),
    "port": Story(
        "/news/2026/01/12/makassar-port-extends-night-operations",
        "Makassar port extends night operations",
        (
            "Makassar, Test Wire - The port authority in Makassar will keep its container "
            "terminal open through the night from next week to clear a backlog of ships "
            "waiting in the roads, officials said on Monday.",
            "Shipping companies welcomed the decision, saying vessels had waited up to four "
            "days for a berth since the start of the month.",
            "The authority said it would hire two hundred extra workers for the night shifts.",
        ),
    ),
    "robot": Story(
        "/news/2026/01/12/yogyakarta-students-win-robotics-contest",
        "Students in Yogyakarta win regional robotics contest",
        (
            "Yogyakarta, Test Wire - A team of vocational school students from Yogyakarta won "
            "a regional robotics contest on Sunday with a machine that sorts plastic waste "
            "by colour and type.",
            "The judges praised the low cost of the design, which uses parts bought from "
            "local electronics markets, the organisers said.",
            "The team will represent the region at the national final in March, where "
            "schools from twenty provinces are expected to compete for three places abroad.",
        ),
    ),
    "ferry": Story(
        "/news/2026/01/13/karimunjawa-ferry-service-resumes-after-storm",
        "Ferry service to Karimunjawa resumes after storm",
        (
            "Jepara, Test Wire - Ferries between Jepara and the Karimunjawa islands sailed "
            "again on Tuesday after high waves had kept them in port for five days, leaving "
            "hundreds of tourists stranded.",
            "The harbour master said the first crossing carried mostly residents returning "
            "home with food and fuel for the island shops.",
            "Forecasters expect calmer seas for the rest of the week, although the harbour "
            "master asked small boats to stay close to the coast.",
        ),
        "2026-01-13T07:00:00+07:00",
    ),
    "padi": Story(
        "/berita/2026/01/12/petani-garut-mulai-tanam-padi-lebih-awal",
        "Petani Garut Mulai Tanam Padi Lebih Awal",
        (
            "Garut, Warta Uji - Petani di sejumlah kecamatan di Kabupaten Garut mulai menanam "
            "padi dua pekan lebih awal dari biasanya karena curah hujan sudah cukup sejak "
            "akhir Desember.",
            "Penyuluh pertanian membagikan benih unggul tahan genangan kepada kelompok tani "
            "agar tanaman tidak rusak bila banjir datang.",
            "Dinas Pertanian menargetkan panen pertama pada bulan April.",
        ),
    ),
    "museum": Story(
        "/news/2026/01/12/semarang-museum-opens-old-maps-exhibition",
        "Semarang museum opens exhibition of old maps",
        (
            "Semarang, Test Wire - A museum in Semarang opened an exhibition of more than "
            "eighty old maps of the Java coast on Monday, many of them shown to the public "
            "for the first time.",
            "The curator said the maps trace how the harbour and the river mouth moved over "
            "three centuries as the land sank and the sea rose.",
            "The exhibition runs until the end of April and entry is free for students.",
        ),
    ),
    "rahasia": Story(
        "/rahasia/2026/01/12/dokumen-rapat-tertutup-dewan-kota",
        "Dokumen Rapat Tertutup",
        ("Halaman ini tidak boleh diambil oleh perayap mana pun.",) * 3,
    ),
}


def article_page(story: Story) -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{story.title}</title>
<meta property="og:title" content="{story.title}"><meta property="og:site_name" content="Warta Uji">
<meta property="article:published_time" content="{story.published}"></head>
<body><nav><a href="/">Beranda</a> <a href="/kanal/nasional">Nasional</a></nav>
<article><h1>{story.title}</h1>{body}</article>
<footer>Hak cipta 2026 Warta Uji</footer></body></html>"""


def rss_feed(base: str, stories: list[Story]) -> str:
    """Teasers: the watcher must fetch each linked page."""
    items = "".join(
        f"<item><title>{s.title}</title><link>{base}{s.path}</link><guid>{base}{s.path}</guid>"
        f"<pubDate>Mon, 12 Jan 2026 02:00:00 GMT</pubDate>"
        f"<description>{escape(s.paragraphs[0][:80])}</description></item>"
        for s in stories
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>Warta Uji</title><link>{base}/</link>{items}</channel></rss>"
    )


def atom_feed(base: str, stories: list[Story]) -> str:
    """Full content: the watcher reads the entries without fetching any page."""
    entries = "".join(
        f'<entry><title>{s.title}</title><link href="{base}{s.path}"/>'
        f"<id>tag:test-wire,2026:{s.path}</id><updated>{s.published}</updated>"
        f'<content type="html">{escape("".join(f"<p>{p}</p>" for p in s.paragraphs))}</content>'
        "</entry>"
        for s in stories
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Test Wire</title><id>tag:test-wire,2026:feed</id>"
        f"<updated>2026-01-13T07:00:00Z</updated>{entries}</feed>"
    )


def front_page(base: str, stories: list[Story]) -> str:
    """Article links among the chrome: sections, tags, pagination, images, another host."""
    links = "".join(f'<li><a href="{s.path}#top">{s.title}</a></li>' for s in stories)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Warta Uji</title></head>
<body><nav><a href="/">Beranda</a> <a href="/kanal/nasional">Nasional</a>
<a href="/tag/banjir-di-pantai-utara-jawa">Tag</a> <a href="/indeks?page=2">Indeks</a></nav>
<ul>{links}</ul>
<a href="/rahasia/2026/01/12/dokumen-rapat-tertutup-dewan-kota">Rahasia</a>
<a href="https://elsewhere.example/news/2026/01/12/some-other-site-story">Lain</a>
<img src="/foto/2026/01/12/banjir-demak.jpg"><a href="/foto/2026/01/12/banjir-demak.jpg">Foto</a>
<a href="mailto:redaksi@warta.example">Redaksi</a>
<footer><a href="{base}/tentang-kami">Tentang</a></footer></body></html>"""


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    status: int
    at: float


@dataclass
class Newsroom:
    """What the site publishes now, and what it was asked for."""

    base: str = ""
    rss: list[str] = field(default_factory=lambda: ["banjir", "sepeda"])
    atom: list[str] = field(default_factory=lambda: ["port", "robot"])
    front: list[str] = field(default_factory=lambda: ["padi", "museum"])
    # paths that answer 500 this many more times (then serve normally)
    failing: dict[str, int] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    released: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path

    def requests(self, path: str) -> list[Hit]:
        return [h for h in self.hits if h.path == path]

    def story_hits(self) -> list[str]:
        """Paths of article pages requested, in order."""
        paths = {s.path: name for name, s in STORIES.items()}
        return [paths[h.path] for h in self.hits if h.path in paths]

    def respond(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if self.failing.get(path, 0) > 0:
            self.failing[path] -= 1
            return 500, {}, b"<html><body>Internal error</body></html>"
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, ROBOTS.encode()
        if path == "/rss.xml":
            body = rss_feed(self.base, [STORIES[n] for n in self.rss])
            return _conditional(body, "application/rss+xml", headers, etag=True, dated=False)
        if path == "/atom.xml":
            body = atom_feed(self.base, [STORIES[n] for n in self.atom])
            return _conditional(body, "application/atom+xml", headers, etag=False, dated=True)
        if path == "/":
            body = front_page(self.base, [STORIES[n] for n in self.front])
            return _conditional(body, "text/html; charset=utf-8", headers, etag=True, dated=True)
        if path == "/rusak.xml":
            return 200, {"Content-Type": "application/rss+xml"}, _MALFORMED
        if path == "/bukan-feed.xml":
            page = b"<!DOCTYPE html><html><body><h1>Sedang perbaikan</h1></body></html>"
            return 200, {"Content-Type": "application/rss+xml"}, page
        if path == "/lambat.xml":
            self.released.wait(5)  # longer than the watcher's timeout
            return 200, {"Content-Type": "application/rss+xml"}, b"<rss></rss>"
        for story in STORIES.values():
            if path == story.path:
                return 200, {}, article_page(story).encode()
        return 404, {}, b"<html><body>Tidak ditemukan</body></html>"


_MALFORMED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Rusak</ti'


def _conditional(
    body: str, content_type: str, headers: dict[str, str], *, etag: bool, dated: bool
) -> tuple[int, dict[str, str], bytes]:
    """Answer 304 when the client's validators match this version of the body."""
    data = body.encode()
    digest = hashlib.sha256(data).hexdigest()
    tag = f'"{digest[:16]}"'
    # a version's time: derived from its content, so it changes whenever the body does
    modified = formatdate(1767225600 + int(digest[:6], 16), usegmt=True)
    out = {"Content-Type": content_type}
    if etag:
        out["ETag"] = tag
    if dated:
        out["Last-Modified"] = modified
    if etag and headers.get("if-none-match") == tag:
        return 304, out, b""
    if dated and not etag and headers.get("if-modified-since") == modified:
        return 304, out, b""
    return 200, out, data


@contextlib.contextmanager
def serve_newsroom() -> Iterator[Newsroom]:
    room = Newsroom()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            headers = {k.lower(): v for k, v in self.headers.items()}
            hit = Hit(self.path, headers, 0, time.monotonic())
            room.hits.append(hit)
            status, out, body = room.respond(self.path, headers)
            hit.status = status
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.send_response(status)
                for key, value in {"Content-Type": "text/html; charset=utf-8", **out}.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    with serve_locally(Handler) as base:
        room.base = base
        try:
            yield room
        finally:
            room.released.set()  # let hanging requests end before the server stops
