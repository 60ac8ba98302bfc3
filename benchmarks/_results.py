"""benchmarks/RESULTS.md holds one section per benchmark; each run replaces its own."""

from __future__ import annotations

import re
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
TITLE = "# Benchmark results\n\nEach section is written by the command named in it.\n"


def write_section(name: str, body: str) -> None:
    """Replace (or add) the section ``name`` of RESULTS.md, dated today."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else TITLE
    if not text.startswith("# Benchmark results"):
        text = TITLE
    day = time.strftime("%Y-%m-%d")
    section = f"<!-- {name} -->\n## {name} ({day})\n\n{body.strip()}\n<!-- /{name} -->\n"
    pattern = re.compile(rf"<!-- {re.escape(name)} -->.*?<!-- /{re.escape(name)} -->\n", re.S)
    text = (
        pattern.sub(lambda _: section, text)
        if pattern.search(text)
        else text.rstrip() + "\n\n" + section
    )
    RESULTS.write_text(text, encoding="utf-8")
