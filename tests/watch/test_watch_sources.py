"""SOURCES.txt and the --every interval."""

from __future__ import annotations

import pytest

from kabar.errors import ConfigError
from kabar.watch import Source, parse_interval, parse_sources, read_sources


def test_sources_file_lines_kinds_and_comments():
    text = (
        "# feeds of the morning\n"
        "https://warta.example/rss.xml\n"
        "\n"
        "feed https://wire.example/atom.xml   # the wire\n"
        "PAGE https://warta.example/#top\n"
        "https://warta.example/rss.xml\n"  # listed twice: watched once
    )
    assert parse_sources(text, "s.txt") == [
        Source("https://warta.example/rss.xml", "feed", "s.txt:2"),
        Source("https://wire.example/atom.xml", "feed", "s.txt:4"),
        Source("https://warta.example/#top", "page", "s.txt:5"),
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("warta.example/rss.xml", "not an http(s) URL"),
        ("blog https://warta.example/", "expected 'URL' or 'feed URL' or 'page URL'"),
        ("feed https://a.example/ https://b.example/", "expected"),
    ],
)
def test_bad_line_names_file_and_line(line, reason):
    with pytest.raises(ConfigError) as caught:
        parse_sources(f"# ok\n{line}\n", "s.txt")
    assert str(caught.value).startswith("s.txt:2: ") and reason in str(caught.value)


def test_unreadable_or_empty_sources_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read sources"):
        read_sources(tmp_path / "missing.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing yet\n")
    with pytest.raises(ConfigError, match="lists no sources"):
        read_sources(empty)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90s", 90), ("15m", 900), ("1h", 3600), ("1h30m", 5400), ("2.5m", 150), ("45", 45)],
)
def test_interval(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "15x", "m", "1h30", "-5m", "0m", "15 m", "1d"])
def test_bad_interval(text):
    with pytest.raises(ValueError, match="interval"):
        parse_interval(text)
