"""The public API is what __all__ says, and every name in it exists."""

from __future__ import annotations

import importlib

import pytest

import kabar

PACKAGES = [
    "kabar",
    "kabar.read",
    "kabar.extract",
    "kabar.store",
    "kabar.ontology",
    "kabar.actors",
    "kabar.lang",
    "kabar.watch",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_names_exist_and_are_public(name):
    module = importlib.import_module(name)
    for member in module.__all__:
        assert hasattr(module, member), f"{name}.{member}"
        assert not member.startswith("_") or member == "__version__"


def test_top_level_api_runs_the_pipeline(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Judul\n\nJakarta, Kabar Uji - " + "Isi berita yang cukup panjang. " * 10
    )
    with kabar.Store.open(str(tmp_path / "k.db")) as store:
        report = kabar.ingest([str(tmp_path / "a.txt")], store, kabar.default_settings())
        assert (report.stored, store.count()) == (1, 1)
