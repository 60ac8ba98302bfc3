"""Which links of a front page are articles: the [watch] link rules."""

from __future__ import annotations

import pytest

from kabar.errors import ConfigError
from kabar.watch import LinkRules, article_links

PAGE = """<html><body>
<nav><a href="/">Beranda</a> <a href="/kanal/nasional">Nasional</a>
<a href="/tag/banjir-di-pantai-utara-jawa">Tag</a> <a href="/indeks?page=2">Indeks</a></nav>
<a href="/berita/2026/01/12/banjir-rendam-rumah#komentar">Banjir</a>
<a href="berita/d-7712345/harga-cabai-turun">Cabai</a>
<a href="/berita/2026/01/12/banjir-rendam-rumah">Banjir lagi</a>
<a href="https://www.warta.example/read/kapal-feri-kembali-berlayar-ke-karimunjawa">Feri</a>
<a href="https://lain.example/news/2026/01/12/another-site-story-here">Lain</a>
<a href="/foto/2026/01/12/banjir-demak.jpg">Foto</a>
<a href="mailto:redaksi@warta.example">Redaksi</a> <a href="/tentang-kami">Tentang</a>
<a href="javascript:void(0)">Menu</a> <a>tanpa tautan</a>
</body></html>"""


def test_article_links_by_default_rules(settings):
    rules = LinkRules.from_settings(settings.watch)
    assert article_links(PAGE, "https://warta.example/", rules) == [
        "https://warta.example/berita/2026/01/12/banjir-rendam-rumah",
        "https://warta.example/berita/d-7712345/harga-cabai-turun",
        "https://www.warta.example/read/kapal-feri-kembali-berlayar-ke-karimunjawa",
    ]


def test_other_hosts_when_allowed(settings):
    rules = LinkRules.from_settings(settings.replace(**{"watch.same_host_links": False}).watch)
    links = article_links(PAGE, "https://warta.example/", rules)
    assert "https://lain.example/news/2026/01/12/another-site-story-here" in links


def test_rules_are_data(settings):
    only_read = settings.replace(
        **{"watch.article_link_patterns": ["^/read/"], "watch.skip_link_patterns": []}
    )
    rules = LinkRules.from_settings(only_read.watch)
    assert article_links(PAGE, "https://warta.example/", rules) == [
        "https://www.warta.example/read/kapal-feri-kembali-berlayar-ke-karimunjawa"
    ]


def test_bad_pattern_is_a_config_error(settings):
    broken = settings.replace(**{"watch.skip_link_patterns": ["/(tag"]})
    with pytest.raises(ConfigError, match=r"watch.skip_link_patterns: bad regular expression"):
        LinkRules.from_settings(broken.watch)
