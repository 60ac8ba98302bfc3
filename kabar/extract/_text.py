"""Article body from lines of text: page chrome out, paragraphs rebuilt.

Works for pages saved as text (the seed) and for the lines trafilatura extracts from
HTML, which can still hold "Baca Juga" boxes and share prompts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import PACKS, read_lines

_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]\s*$")
# A short last paragraph with no sentence punctuation is a leftover widget label.
_TAIL_LABEL_CHARS = 80


@dataclass(frozen=True)
class Boilerplate:
    """Lines of page chrome, from every language pack (themes mix languages freely)."""

    pattern: re.Pattern[str]

    @classmethod
    def load(cls, languages: tuple[str, ...] = PACKS) -> Boilerplate:
        regexes = [line for lang in languages for line in read_lines(lang, "boilerplate.txt")]
        return cls(re.compile("|".join(f"(?:{r})" for r in regexes), re.I))

    def is_chrome(self, line: str) -> bool:
        return self.pattern.fullmatch(" ".join(line.split())) is not None


def paragraphs_from_lines(lines: list[str], boilerplate: Boilerplate) -> list[str]:
    """Blank-line separated blocks -> paragraphs; chrome lines dropped, wrapped lines joined."""
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line or boilerplate.is_chrome(line):
            if current:
                paragraphs.extend(_unwrap(current))
                current = []
            continue
        current.append(line)
    if current:
        paragraphs.extend(_unwrap(current))
    return _trim_tail(paragraphs)


def _unwrap(block: list[str]) -> list[str]:
    """Join hard-wrapped lines; keep lines that end a sentence as paragraphs of their own."""
    out = [block[0]]
    for line in block[1:]:
        previous = out[-1]
        if not _SENTENCE_END.search(previous) and line[:1].islower():
            out[-1] = f"{previous} {line}"
        else:
            out.append(line)
    return out


def _trim_tail(paragraphs: list[str]) -> list[str]:
    while paragraphs and _is_tail_label(paragraphs[-1]):
        paragraphs.pop()
    return paragraphs


def _is_tail_label(paragraph: str) -> bool:
    return len(paragraph) < _TAIL_LABEL_CHARS and not _SENTENCE_END.search(paragraph)


def split_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """First non-empty line as the title (pages saved as text start with it)."""
    for index, line in enumerate(lines):
        if line.strip():
            return " ".join(line.split()), lines[index + 1 :]
    return None, []
