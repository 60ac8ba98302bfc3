"""Docs that cannot fall behind: every command and every setting is in the README."""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pytest
from conftest import REPO

from kabar.cli import main

README = (REPO / "README.md").read_text(encoding="utf-8")


def _keys(table: dict, prefix: str = "") -> list[str]:
    out = []
    for key, value in table.items():
        if isinstance(value, dict):
            out += _keys(value, f"{prefix}{key}.")
        else:
            out.append(f"{prefix}{key}")
    return out


def test_readme_opens_with_the_two_commands():
    block = README.split("```bash\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["bash scripts/demo.sh", "bash scripts/test.sh"]
    ci = (REPO / ".ci" / "run").read_text()
    assert "bash scripts/test.sh" in ci


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_is_documented(command):
    assert f"`kabar {command}" in README


@pytest.mark.parametrize(
    "key", _keys(tomllib.loads(files("kabar").joinpath("settings.toml").read_text()))
)
def test_every_setting_is_documented(key):
    assert f"| `{key}` |" in README
