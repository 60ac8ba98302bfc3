"""Cited sources: which outlets an article credits ("dilansir dari Reuters", "(AP) -").

An outlet's name counts only next to a citation cue from the language packs, so the
name appearing in a story about that outlet is not a credit, and "berbagai sumber"
(various sources) is no outlet at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import PACKS, read_lines
from ._outlets import OutletTable

_WINDOW = 90
# "dilansir dari Reuters dan AFP": an outlet joined to a credited one is credited too.
_COORDINATION = re.compile(r"\s*(,|;|/|&|dan|and|serta|maupun|atau|or)\s*", re.I)


@dataclass(frozen=True)
class CitationCues:
    before: tuple[re.Pattern[str], ...]
    after: tuple[re.Pattern[str], ...]

    @classmethod
    def load(cls, languages: tuple[str, ...] = PACKS) -> CitationCues:
        """Cues of every pack: articles often credit in the other language ("via Reuters")."""
        before, after = [], []
        for lang in languages:
            media = "|".join(f"(?:{m})" for m in read_lines(lang, "citation_media.txt")) or "(?!)"
            for line in read_lines(lang, "citation_cues.txt"):
                side, _, regex = line.partition("\t")
                regex = regex.strip().replace("{MEDIA}", f"(?:{media})")
                if side == "before":
                    before.append(re.compile(f"(?:{regex})$", re.I))
                elif side == "after":
                    after.append(re.compile(regex, re.I))
                else:
                    raise ValueError(f"lang/{lang}/citation_cues.txt: unknown side {side!r}")
        return cls(tuple(before), tuple(after))


def cited_sources(
    text: str, outlets: OutletTable, cues: CitationCues, own_outlet: str | None = None
) -> list[str]:
    """Canonical names of credited outlets, in order of first credit, the publisher left out."""
    found: list[str] = []
    last_credit_end = -1
    for match in outlets.pattern.finditer(text):
        name = outlets.canonical(match.group(0))
        before = text[max(0, match.start() - _WINDOW) : match.start()]
        after = text[match.end() : match.end() + _WINDOW]
        coordinated = last_credit_end >= 0 and _COORDINATION.fullmatch(
            text[last_credit_end : match.start()]
        )
        if not (
            coordinated
            or any(c.search(before) for c in cues.before)
            or any(c.match(after) for c in cues.after)
        ):
            continue
        last_credit_end = match.end()
        if name and name != own_outlet and name not in found:
            found.append(name)
    return found
