"""Read PETRARCH/TABARI actor and agent dictionaries into gazetteer aliases.

Actor dictionary (one entry per block)::

    UNITED_STATES  [USA]          phrase, words joined by "_" or " ", and its code
    +USA                          a synonym of the entry above
    GOLLUM                        an entry whose codes follow on indented lines,
        [HOB < 950601]            each restricted by date: before,
        [HOBGOV 19950601-19990815]  between (inclusive),
        [HOBREB > 990816]         after; the first restriction that holds wins, and an
                                  unrestricted code is the default

Agent dictionary: ``POLICE {} [~COP]`` where ``[~XXX]`` is added after the actor's code and
``[XXX~]`` before it; ``{}`` means no plural, ``{GEESE}`` lists plurals, no braces means the
regular English plural is added; ``!PERSON! = MAN, MEN`` defines a substitution set.

Simplifications, on purpose: a trailing "_" (exact match in TABARI) is dropped, since every
gazetteer match is a whole-word match; TABARI's stem matching ("ARGENTIN" for "Argentina") is
not done; alternatives such as ``[ELR/GAL]`` make one actor with members, each of which
acts (as PETRARCH2 codes an event for each); codes of only punctuation
(``[---]``) are skipped. Phrases match in any case, except one-word phrases of three letters
or fewer ("UN", "PLO"), which must be upper case in the text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from ._model import Actor, GazetteerDataError, Role, Target

_COMMENT = re.compile(r"<!--.*?-->|<!\s*--.*?-->", re.S)
_CODE = re.compile(r"\[\s*([^\]]*?)\s*\]")
# Leading triples of CAMEO actor codes that name no country
_NOT_COUNTRIES = frozenset({"IGO", "NGO", "IMG", "MNC", "UAF"})
_RESTRICTION = re.compile(r"([<>])\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8})")


def _strip_comments(text: str) -> list[tuple[int, str]]:
    """Lines with their numbers, XML-style blocks and ``#`` comments removed."""
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return [(n, line.split("#", 1)[0].rstrip()) for n, line in enumerate(text.splitlines(), 1)]


def _phrase(raw: str) -> str:
    """``UNITED_STATES_`` -> ``UNITED STATES``."""
    return " ".join(raw.replace("_", " ").split())


def _alias(phrase: str) -> str:
    """Short one-word phrases must match upper case; the rest in any case (lower-cased)."""
    letters = phrase.replace(".", "")
    if " " not in phrase and len(letters) <= 3:
        return "=" + phrase
    return phrase.lower()


def _pdate(text: str, path: Path, line: int) -> date:
    """YYYYMMDD, or TABARI's YYMMDD (years from 40 on are 19xx)."""
    if len(text) == 6:
        year = int(text[:2])
        text = ("19" if year >= 40 else "20") + text
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise GazetteerDataError(path, line, f"bad date {text!r}") from None


def _code_target(
    spec: str, name: str, countries: set[str], path: Path, line: int
) -> tuple[Target | None, bool]:
    """One ``[CODE restriction]`` as a dated target; (None, _) for discard codes."""
    parts = spec.split(None, 1)
    codes = parts[0].upper().split("/") if parts else [""]
    code = codes[0]
    restriction = parts[1] if len(parts) > 1 else ""
    if not re.search(r"[A-Z]", code):
        return None, bool(restriction)
    since = until = None
    if restriction:
        match = _RESTRICTION.search(restriction)
        if not match:
            raise GazetteerDataError(path, line, f"bad date restriction {restriction!r}")
        if match.group(1) == "<":
            until = _pdate(match.group(2), path, line)
        elif match.group(1) == ">":
            since = _pdate(match.group(2), path, line)
        else:
            since = _pdate(match.group(3), path, line)
            end = _pdate(match.group(4), path, line)
            until = date.fromordinal(end.toordinal() + 1)
    actor = _actor(code, name, countries)
    if len(codes) > 1:  # "[ELR/GAL]": the name stands for each of them
        members = tuple(_actor(c, name, countries) for c in codes if re.search(r"[A-Z]", c))
        actor = replace(actor, members=members)
    return Target(_kind(code, countries), actor, since=since, until=until), bool(restriction)


def _kind(code: str, countries: set[str]) -> str:
    """Three-letter codes act as countries (PETRARCH's test set has fictional ones, "HOB")."""
    return "country" if code in countries or len(code) == 3 else "organization"


def _actor(code: str, name: str, countries: set[str]) -> Actor:
    """Country and sector read off the code: ``ISRMIL`` -> ISR, MIL; ``IGOEEU`` -> None, IGO."""
    if code.startswith(("IGO", "IMG", "NGO")):
        return Actor(
            code, name, None, code[:3] if code[:3] != "IMG" else code[3:6] or None, "organization"
        )
    country = code[:3] if code[:3] in countries or _fictional_country(code) else None
    sector = code[3:6] if len(code) >= 6 else None
    return Actor(code, name, country, sector, _kind(code, countries))


def _fictional_country(code: str) -> bool:
    """ "GON", "MORMIL": a code of three letters, or of three plus a sector, is a country's,
    even one only a test world knows (PETRARCH's validation set)."""
    return code[:3].isalpha() and len(code) in (3, 6) and code[:3] not in _NOT_COUNTRIES


def read_actors(path: Path, countries: set[str]) -> list[tuple[str, Target]]:
    """Aliases from a PETRARCH actor dictionary."""
    entries: list[tuple[list[str], list[tuple[Target, bool]], int]] = []
    for number, line in _strip_comments(path.read_text(encoding="utf-8", errors="replace")):
        if not line.strip():
            continue
        head = _CODE.split(line, 1)[0].strip() if not line[0].isspace() else ""
        if line[0].isspace() and not line.strip().startswith("["):
            raise GazetteerDataError(path, number, f"indented line is not a code: {line!r}")
        if head.startswith("+"):
            if not entries:
                raise GazetteerDataError(path, number, "synonym before any actor")
            entries[-1][0].append(_phrase(head[1:]))
        elif head:
            entries.append(([_phrase(head)], [], number))
        elif not entries:
            raise GazetteerDataError(path, number, "code before any actor")
        for spec in _CODE.findall(line):
            entry = entries[-1]
            target, dated = _code_target(spec, entry[0][0].title(), countries, path, number)
            if target is not None:
                entry[1].append((target, dated))
    out: list[tuple[str, Target]] = []
    for names, targets, _ in entries:
        # PETRARCH takes the first restriction that holds, and the default when none does:
        # the gazetteer takes the first valid target, so dated ones go first, in file order.
        ordered = [t for t, dated in targets if dated] + [t for t, dated in targets if not dated]
        out += [(_alias(n), t) for n in names for t in ordered]
    return out


def _plural(word: str) -> str:
    if word.endswith(("S", "MEN")):  # already plural: "TROOPS", "CONGRESSMEN"
        return word
    if word.endswith("Y") and not word.endswith(("AY", "EY", "OY")):
        return word[:-1] + "IES"
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    return word + "S"


def read_agents(path: Path) -> list[tuple[str, Target]]:
    """Role aliases from a PETRARCH agent dictionary (English word order)."""
    macros: dict[str, list[str]] = {}
    out: list[tuple[str, Target]] = []
    for number, line in _strip_comments(path.read_text(encoding="utf-8", errors="replace")):
        if not line.strip():
            continue
        macro = re.fullmatch(r"\s*(![A-Z]+!)\s*=\s*(.+)", line)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(line)
        if not codes:
            raise GazetteerDataError(path, number, f"agent without [code]: {line!r}")
        head = _CODE.split(line, 1)[0]
        noun, _, rest = head.partition("{")
        plurals = rest.partition("}")[0].split() if rest else None
        agent = codes[0].replace(" ", "").upper()
        if "~" not in agent:
            raise GazetteerDataError(path, number, f"agent code {agent!r} has no ~")
        role = Role(
            _phrase(noun).lower(),
            agent.replace("~", ""),
            "en",
            title=True,
            prefix=agent.endswith("~"),
        )
        target = Target("role", role=role)
        for form in _expand(noun.strip(), macros):
            forms = [form] + ([_plural(form)] if plurals is None else [])
            forms = list(dict.fromkeys(forms))
            forms += [_expand_one(p, macros) for p in plurals or []]
            out += [(_phrase(f).lower(), target) for f in forms if _phrase(f)]
    return out


def _expand(noun: str, macros: dict[str, list[str]]) -> list[str]:
    """``CONGRESS!PERSON!`` -> CONGRESSMAN, CONGRESSMEN, ..."""
    for name, words in macros.items():
        if name in noun:
            return [v for w in words for v in _expand(noun.replace(name, w, 1), macros)]
    return [noun]


def _expand_one(noun: str, macros: dict[str, list[str]]) -> str:
    return _expand(noun, macros)[0]
