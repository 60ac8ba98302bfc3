"""PETRARCH/TABARI verb dictionaries as kabar lexicon entries.

What converts: each verb block's verbs (with the irregular forms in braces) at the block's
code, verb lines with a code of their own, and patterns whose words all follow the verb
("- * DIPLOMATIC TIES [901]"), synsets ("&TIETYPES") becoming alternatives. What does not:
patterns with words before the verb ("- SAID * TO ATTEND"), which kabar's token patterns
cannot express, and "[---]" (no event). Codes are kept as written: PETRARCH's validation
dictionary uses codes of its own, so these entries are not checked against CAMEO.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..lang._patterns import parse_pattern
from ._lexicon import Entry, LexiconError

_HEADER = re.compile(r"^---\s+(?P<verb>\S+)\s+\[(?P<code>[^\]]*)\]\s*---")
_CODE = re.compile(r"\[(?P<code>[^\]]*)\]")
_FORMS = re.compile(r"\{(?P<forms>[^}]*)\}")
_TARGETS = frozenset({"obj", "with", "to", "against", "on", "at", "for", "from", "into", "of"})


def read_petrarch_verbs(path: str | Path, lang: str = "en") -> list[Entry]:
    """Entries for the verbs and verb-first patterns of a PETRARCH verb dictionary."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read PETRARCH verbs ({exc.strerror})") from exc
    synsets = _synsets(lines)
    entries: list[Entry] = []
    code: str | None = None
    heads: list[str] = []
    state = "outside"  # outside | verbs (a verb block) | synset (an &NAME list)
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].rstrip()
        origin = f"{path}:{number}"
        header = _HEADER.match(line)
        if header:
            code, heads, state = _code(header["code"]), [], "verbs"
        elif line.startswith("&"):
            state = "synset"
        elif not line.strip():
            state = "outside" if state == "synset" else state
        elif state == "verbs" and line.startswith("-"):
            entries += _pattern_entry(line[1:], heads, code, synsets, lang, origin)
        elif state == "verbs":
            head, own = _verb_line(line.strip())
            if head:
                heads.append(head)
                if own or code:
                    entries.append(_entry(head, own or code, lang, origin))
    return entries


def _synsets(lines: list[str]) -> dict[str, list[str]]:
    """&NAME blocks: their single-word members (multi-word members are left out)."""
    synsets: dict[str, list[str]] = {}
    current = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if line.startswith("&") and " " not in line:
            current = line[1:].rstrip("_")
            synsets[current] = []
        elif current and line.startswith("+") and not line.startswith("+&"):
            word = line[1:].strip()
            if word and " " not in word and "_" not in word:
                synsets[current].append(word.lower())
        elif not line:
            current = None
    return synsets


def _code(text: str) -> str | None:
    code = text.strip().split(":", 1)[0].strip()
    return None if not code or code.startswith("-") else code


def _verb_line(line: str) -> tuple[str | None, str | None]:
    """ "BAN {BANS BANNED}" -> "~ban|bans|banned"; "+BREAK_DOWN {...}" -> "~break down"."""
    own = _CODE.search(line)
    forms_match = _FORMS.search(line)
    base = _CODE.sub("", _FORMS.sub("", line)).strip()
    if not base or " " in base:
        return None, None
    words = [w.lstrip("+").lower() for w in base.split("_") if w.lstrip("+")]
    forms = []
    if forms_match:
        forms = [f.lstrip("+").split("_")[0].lower() for f in forms_match["forms"].split()]
    head = "|".join(dict.fromkeys([f"~{words[0]}", *forms]))
    pattern = " ".join([head, *words[1:]])
    return pattern, (_code(own["code"]) if own else None)


def _pattern_entry(body, heads, code, synsets, lang, origin) -> list[Entry]:
    match = _CODE.search(body)
    if not match or not heads:
        return []
    pattern_code = _code(match["code"])
    words = [w for w in re.split(r"[\s_]+", body[: match.start()].strip()) if w]
    if not pattern_code or not words or words[0] != "*":
        return []  # words before the verb cannot be expressed
    after = []
    for word in words[1:]:
        if word in ("$", "+", "%") or word.startswith(("$", "+", "%")):
            continue
        if word.startswith("&"):
            members = synsets.get(word[1:].rstrip("_"))
            if not members:
                return []
            after.append("|".join(members))
        elif word.isalpha() or "'" in word:
            after.append(word.lower())
        else:
            return []
    if not after:
        return []
    return [
        _entry(f"{head.split(' ')[0]} ... {' '.join(after)}", pattern_code, lang, origin)
        for head in heads
    ]


def _entry(pattern: str, code: str, lang: str, origin: str) -> Entry:
    try:
        parsed = parse_pattern(pattern, lang, origin)
    except ValueError as exc:
        raise LexiconError(f"{origin}: {exc}") from exc
    # PETRARCH's verbs are also its nouns ("condemned an attack"): let the form decide
    return Entry(parsed, code, "vn", _TARGETS, False, origin)
