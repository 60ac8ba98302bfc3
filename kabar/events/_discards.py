"""PETRARCH/TABARI discard dictionaries: phrases that mark text not to code.

One phrase a line ("BASEBALL", "AFRICAN NATIONS CUP"); a leading ``+`` discards the whole
story ("+TYPHOON": a story about a storm's damage is no political event), no ``+`` only the
sentence. Phrases match whole words in any case; ``_`` joins words as a space does;
``#`` starts a comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ._lexicon import LexiconError


@dataclass(frozen=True, slots=True)
class Discards:
    """Story-level and sentence-level discard phrases, each as one compiled pattern."""

    story: re.Pattern[str] | None = None
    sentence: re.Pattern[str] | None = None

    @classmethod
    def from_phrases(cls, story: Iterable[str], sentence: Iterable[str]) -> Discards:
        return cls(_compile(story), _compile(sentence))

    def story_discarded(self, text: str) -> bool:
        return self.story is not None and self.story.search(text) is not None

    def sentence_discarded(self, text: str) -> bool:
        return self.sentence is not None and self.sentence.search(text) is not None


def read_petrarch_discards(path: str | Path) -> Discards:
    """The phrases of a PETRARCH discard dictionary."""
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read PETRARCH discards ({exc.strerror})") from exc
    story, sentence = [], []
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<"):
            continue
        phrase = " ".join(line.lstrip("+").replace("_", " ").split())
        if phrase:
            (story if line.startswith("+") else sentence).append(phrase)
    return Discards.from_phrases(story, sentence)


def _compile(phrases: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({re.escape(p).replace(r"\ ", r"\s+") for p in phrases}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)", re.I)
