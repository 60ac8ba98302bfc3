"""Users extend the coder with their own actor tables and event lexicons (settings [code])."""

from __future__ import annotations

import pytest

from kabar import default_settings
from kabar.events import Coder, LexiconError
from kabar.models import Article

ACTORS = (
    "code\tname\tcountry\tsector\tkind\tsince\tuntil\taliases\tnote\n"
    "IDNOPPGRB\tGerakan Rakyat Bersatu\tIDN\tOPP\torganization\t\t\tGRB;Gerakan Rakyat Bersatu\t\n"
)
EVENTS = "pattern\tcameo\tpos\ttarget\tflags\nmenyomasi\t112\tv\tobj,kepada\t\n"


def test_user_actor_table_and_event_lexicon(tmp_path):
    (tmp_path / "actors.tsv").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "events.tsv").write_text(EVENTS, encoding="utf-8")
    settings = default_settings().replace(
        **{
            "code.actor_files": [str(tmp_path / "actors.tsv")],
            "code.event_files_id": [str(tmp_path / "events.tsv")],
        }
    )
    article = Article(
        title=None,
        language="id",
        published="2026-01-16",
        text="Gerakan Rakyat Bersatu menyomasi Presiden Prabowo Subianto pada Kamis (15/1/2026).",
    )
    (event,) = Coder(settings).code(article)
    assert (event.source.code, event.target.code, event.cameo) == ("IDNOPPGRB", "IDNGOV", "112")
    assert event.rule.startswith(str(tmp_path / "events.tsv") + ":2 ")
    assert event.date == "2026-01-15"
    plain = Coder(default_settings()).code(article)
    assert all(e.cameo != "112" for e in plain)


def test_bad_user_lexicon_names_file_and_line(tmp_path):
    (tmp_path / "bad.tsv").write_text("~somasi\t999\tv\tobj\n", encoding="utf-8")
    settings = default_settings().replace(**{"code.event_files_id": [str(tmp_path / "bad.tsv")]})
    with pytest.raises(LexiconError, match=r"bad.tsv:1: unknown CAMEO code '999'"):
        Coder(settings)
