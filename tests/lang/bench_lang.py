"""Throughput of the language layer on one core: ``python tests/lang/bench_lang.py``.

Uses IndoSum (../shared/data/indosum, detokenized) when present, else a synthetic article;
figures are normalised to 400-word articles per second.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kabar.lang import find_cues, find_dates, lemma, split_sentences, tokenize

INDOSUM = Path(__file__).resolve().parents[3] / "shared" / "data" / "indosum" / "dev.01.jsonl"
SYNTHETIC = (
    "JAKARTA, KOMPAS.com - Presiden Rusia Vladimir Putin, kata Dr. H. Budi, S.H., menelepon "
    'PM Israel pada Jumat (16/1/2026) pukul 09.30 WIB. "Kami siap," ujarnya. Dana Rp 1,5 '
    "triliun dan 3.000 warga disebut dalam pertemuan tahun lalu. "
)


def _detokenize(words: list[str]) -> str:
    text = " ".join(words)
    return re.sub(r"\( ", "(", re.sub(r" ([.,;:!?)%])", r"\1", text))


def articles() -> list[str]:
    """IndoSum articles as running text, or 500 copies of a synthetic 400-word article."""
    if not INDOSUM.exists():
        return [SYNTHETIC * 12] * 500
    found = []
    with INDOSUM.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            paragraphs = record["paragraphs"]
            found.append("\n".join(" ".join(_detokenize(s) for s in p) for p in paragraphs))
    return found


def measure(label: str, items: list, run: Callable[[object], object], words: float) -> None:
    started = time.perf_counter()
    for item in items:
        run(item)
    elapsed = time.perf_counter() - started
    per_second = len(items) / elapsed * words / 400
    print(f"{label:<28} {per_second:>9,.0f} 400-word articles/s")


def main() -> int:
    texts = articles()
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{len(texts)} articles, {words:.0f} words on average")
    split_sentences("", "id")
    measure("split_sentences", texts, lambda t: split_sentences(t, "id"), words)
    measure("tokenize", texts, lambda t: tokenize(t, "id"), words)
    tokens = [tokenize(t, "id") for t in texts]
    measure("lemma (cold cache)", tokens, lambda ts: [lemma(t.lower) for t in ts], words)
    measure("lemma (warm cache)", tokens, lambda ts: [lemma(t.lower) for t in ts], words)
    measure("find_cues", tokens, lambda ts: find_cues(ts, "id"), words)
    reference = date(2026, 1, 17)
    measure("find_dates", tokens, lambda ts: find_dates(ts, "id", reference), words)
    return 0


if __name__ == "__main__":
    sys.exit(main())
