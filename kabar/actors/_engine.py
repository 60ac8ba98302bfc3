"""Find actor mentions: one Aho-Corasick pass, then a left-to-right merge of neighbours.

The text is lower-cased and its punctuation turned into spaces without changing its length, so
offsets stay valid and every alias is looked up with a space on each side: matches fall on
word boundaries by construction ("Iran" never matches inside "Irani"). Case rules that the
folded text cannot see are checked on the original characters of each hit:

- ``ci``: an all-lower-case alias ("presiden", "militer") matches in any case;
- ``cap``: the capitals of the alias must be capitals in the text ("China", not "china");
- ``exact``: all-capital aliases of up to four letters ("AS", "UE", "RI", "WHO") and aliases
  written with a leading ``=`` must appear exactly as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from pathlib import Path

import ahocorasick

from ._model import Actor, Mention, Person, Role, Target, Term
from ._petrarch import read_actors, read_agents
from ._tables import SHIPPED, Alias, Tables, check_kinds, load_file, person_aliases

_PRIORITY = {
    "stop": -1,
    "person": 0,
    "organization": 1,
    "group": 1,
    "metonym": 2,
    "country": 3,
    "role": 4,
}
# Sectors of groups of people (not offices): "pendukung Yoon" are civilians of Yoon's country
_CROWDS = frozenset({"CVL", "OPP", "REF", "LAB", "EDU"})
# a single word after a title and its body is a name only from this many letters (+ space)
_SHORTEST_SINGLE_NAME = 4
_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.I)
# "Lawmakers in Fornost", "Soldiers from Gondor": a country named after these is an English
# role's too when the role opens its sentence (maybe after a determiner or another role and
# "and"); not a city ("hostages in Gaza"), not an object ("recalled its ambassador from")
_OPENS_SENTENCE = re.compile(
    r"(?:^|[.!?;:\n][\"'\u201c\u2019]?\s+)(?:(?:the|a|an|some|many)\s+)?(?:\w+\s+and\s+)?$",
    re.I,
)
_OPENER_REACH = 40  # characters before the role searched for its sentence's start
_IN_FROM = re.compile(r"\s+(?:in|from)\s+(?:the\s+)?", re.I)
_POSSESSIVE = re.compile(r"['\u2019]s?\s+")
_NAME_WORD = re.compile(r"[A-Z][\w'\u2019.-]*")
_NOT_NAMES = frozenset(
    w.strip()
    for w in (files("kabar.actors") / "data" / "not_names.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if w.strip() and not w.startswith("#")
)


def _fold_table() -> dict[int, str]:
    """Every non-word character (but combining marks) becomes a space."""
    table = {}
    for code in range(0x3000):
        char = chr(code)
        if not (char.isalnum() or unicodedata.category(char).startswith("M")):
            table[code] = " "
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Lower-case, punctuation to spaces, same length as ``text``."""
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lowers to two characters: keep such ones as they are
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(_FOLD)


@dataclass(frozen=True, slots=True)
class _Entry:
    """An alias as the matcher uses it: case rule, capitals to check, and its target."""

    alias: str
    mode: str  # ci | cap | exact
    capitals: tuple[int, ...]
    target: Target

    def accepts(self, text: str, start: int) -> bool:
        if self.mode == "ci":
            return True
        if self.mode == "cap":
            return all(text[start + i].isupper() for i in self.capitals)
        piece = text[start : start + len(self.alias)]
        return piece == self.alias or piece.translate(_FOLD) == self.alias.translate(_FOLD)


def _entry(alias: str, target: Target) -> _Entry | None:
    exact = alias.startswith("=")
    alias = alias.lstrip("=").strip()
    if not alias or len(fold(alias)) != len(alias):
        return None
    letters = [c for c in alias if c.isalpha()]
    capitals = tuple(i for i, c in enumerate(alias) if c.isupper())
    if exact or (letters and all(c.isupper() for c in letters) and len(letters) <= 4):
        mode = "exact"
    else:
        mode = "cap" if capitals else "ci"
    return _Entry(alias, mode, capitals, target)


@dataclass(slots=True)
class _Token:
    """A raw dictionary hit: span and the entries that accepted it."""

    start: int
    end: int
    entries: list[_Entry]

    @property
    def kind(self) -> str:
        return min((e.target.kind for e in self.entries), key=_PRIORITY.__getitem__)

    def of_kind(self, *kinds: str) -> list[_Entry]:
        return [e for e in self.entries if e.target.kind in kinds]


@dataclass(slots=True)
class _Context:
    """Per-text state: the date, people already named, names learnt from role titles."""

    on: date | None
    seen: dict[str, Person] = field(default_factory=dict)
    learnt: dict[str, Actor] = field(default_factory=dict)


class Gazetteer:
    """Actor dictionary plus matcher. Build once with :meth:`load`, then call :meth:`find`."""

    def __init__(self, aliases: Iterable[Alias], country_names: dict[str, str]) -> None:
        self.country_names = dict(country_names)
        grouped: dict[str, list[_Entry]] = {}
        for alias, target in aliases:
            entry = _entry(alias, target)
            if entry is not None:
                key = f" {fold(entry.alias).strip()} "
                if entry not in grouped.setdefault(key, []):
                    grouped[key].append(entry)
        self._automaton = ahocorasick.Automaton()
        for key, entries in grouped.items():
            self._automaton.add_word(key, (len(key), tuple(entries)))
        self._automaton.make_automaton()
        self.size = len(grouped)

    @classmethod
    def load(
        cls,
        extra_paths: Sequence[Path] = (),
        *,
        petrarch_actors: Sequence[Path] = (),
        petrarch_agents: Sequence[Path] = (),
        builtin: bool = True,
    ) -> Gazetteer:
        """The shipped tables, then the user's TSV files (any shipped format), then
        PETRARCH/TABARI actor and agent dictionaries. Where two files give one alias the
        first loaded wins. ``builtin=False`` keeps only the country codes of the shipped
        tables, to run a user's or PETRARCH's dictionaries alone."""
        tables = Tables()
        data = files("kabar.actors") / "data"
        for name in SHIPPED:
            load_file(Path(str(data / name)), tables)
        if not builtin:
            tables.aliases.clear()
            tables.people.clear()
        for path in extra_paths:
            load_file(Path(path), tables)
        aliases = tables.aliases + person_aliases(tables)
        countries = set(tables.country_names)
        for path in petrarch_actors:
            aliases += read_actors(Path(path), countries)
        for path in petrarch_agents:
            aliases += read_agents(Path(path))
        check_kinds(aliases)
        return cls(aliases, tables.country_names)

    # -- matching -------------------------------------------------------------------------

    def _tokens(self, text: str) -> list[_Token]:
        """Leftmost-longest, non-overlapping hits whose case rule holds."""
        hits: list[_Token] = []
        for end, (length, entries) in self._automaton.iter(f" {fold(text)} "):
            start = end - length + 1
            accepted = [e for e in entries if e.accepts(text, start)]
            if accepted:
                hits.append(_Token(start, _end(text, start, length - 2, accepted), accepted))
        hits.sort(key=lambda t: (t.start, t.start - t.end))
        tokens: list[_Token] = []
        last = 0
        for hit in hits:
            if hit.start >= last:
                tokens.append(hit)
                last = hit.end
        return tokens

    def find(self, text: str, on: date | None = None) -> list[Mention]:
        """Actor mentions in ``text``, people resolved to their role on date ``on``."""
        tokens = self._tokens(text)
        ctx = _Context(on)
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            mention, i = self._merge(text, tokens, i, ctx)
            if mention is not None:
                mentions.append(mention)
        if ctx.learnt:
            mentions = _add_learnt(text, mentions, ctx)
        return _join_same_person(text, mentions)

    def _merge(
        self, text: str, tokens: list[_Token], i: int, ctx: _Context
    ) -> tuple[Mention | None, int]:
        """One mention starting at token ``i``, and the index of the next unused token."""
        first = tokens[i]
        partner: _Token | None = None
        if first.kind == "role":
            roles, j = _role_chain(text, tokens, i)
            last_role = roles[-1]
            nxt = _next(tokens, j)
            if (
                nxt
                and nxt.kind in ("country", "metonym", "organization", "group")
                and (
                    _space(text, tokens[j - 1], nxt)
                    or (_is_en(last_role) and _country_after(text, first, tokens[j - 1], nxt))
                )
            ):
                partner, j = nxt, j + 1
                if any(_role(t).prefix for t in roles):
                    # "An MSF Arnor diplomat": a PETRARCH prefix agent, the country, then
                    # the English role that heads the phrase
                    after, j = _roles_after(text, tokens, j)
                    roles = roles + after
        elif first.kind in ("country", "metonym", "organization", "group"):
            nxt = _next(tokens, i + 1)
            gap = _gap(text, first, nxt) if nxt else ""
            if not (
                nxt
                and nxt.kind == "role"
                and _is_en(nxt)
                and (_space(text, first, nxt) or _POSSESSIVE.fullmatch(gap))
            ):
                return self._single(text, first, ctx), i + 1
            partner = first
            roles, j = _role_chain(text, tokens, i + 1)
        elif first.kind == "person":
            return self._possessed_crowd(text, tokens, i, ctx)
        else:
            return self._single(text, first, ctx), i + 1
        return self._combine(text, tokens, i, j, roles, partner, ctx)

    def _possessed_crowd(
        self, text: str, tokens: list[_Token], i: int, ctx: _Context
    ) -> tuple[Mention | None, int]:
        """ "Yoon's supporters": an English crowd after a person's possessive is his
        followers; any other person token is a mention of its own."""
        first = tokens[i]
        nxt = _next(tokens, i + 1)
        possessed = nxt and _is_en(nxt) and _POSSESSIVE.fullmatch(_gap(text, first, nxt))
        if possessed and nxt.kind == "role":
            roles, j = _role_chain(text, tokens, i + 1)
            person = self._person(first, ctx, titled=False)
            if person is not None and _crowd(roles):
                return self._followers(text, first.start, roles[-1], roles, person), j
        return self._single(text, first, ctx), i + 1

    def _combine(
        self,
        text: str,
        tokens: list[_Token],
        i: int,
        j: int,
        roles: list[_Token],
        partner: _Token | None,
        ctx: _Context,
    ) -> tuple[Mention | None, int]:
        """Roles + partner (+ a person's name after them) as one mention."""
        start, end = tokens[i].start, tokens[j - 1].end
        nxt = _next(tokens, j)
        actor = self._role_actor(roles, partner, ctx)
        comma = nxt is not None and _gap(text, tokens[j - 1], nxt).strip() == ","
        if nxt and nxt.kind == "person" and (_space(text, tokens[j - 1], nxt) or comma):
            person = self._person(nxt, ctx, titled=True, fits=actor)
            if person is not None and not comma and partner is None and _crowd(roles):
                # "pendukung Yoon", "Yoon's supporters": a group of the person's country
                return self._followers(text, start, nxt, roles, person), j + 1
            # "Qatar's prime minister, Netanyahu expressed ...": after a comma the name must
            # fit the title, or it starts the next clause
            if person is not None and (not comma or actor is None or _holds(person, actor)):
                return Mention(start, nxt.end, text[start : nxt.end], person), j + 1
        if actor is None:
            return None, j
        if partner is not None and nxt is not None and self._holder(text, tokens[j - 1], nxt):
            # "Bree Prime Minister Romendacil": a dictionary name of the title's country
            # after the title is its holder, coded as the title when the name has no sector
            holder = self._fixed(nxt, ctx.on)
            if (holder.country or holder.code[:3]) == actor.country:
                actor = holder if len(holder.code) > len(actor.code) else actor
                return Mention(start, nxt.end, text[start : nxt.end], actor), j + 1
        if partner is not None and any(
            e.target.role and e.target.role.title for t in roles for e in t.entries
        ):
            name_end = _name_after(text, end, nxt.start if nxt else len(text))
            if name_end:
                name = text[end:name_end].strip()
                actor = Actor(actor.code, name, actor.country, actor.sector, "person")
                ctx.learnt[name] = actor
                ctx.learnt.setdefault(name.split()[-1], actor)
                end = name_end
        return Mention(start, end, text[start:end], actor), j

    @staticmethod
    def _holder(text: str, last: _Token, nxt: _Token) -> bool:
        """Whether a fixed actor's name follows a title's last word in one phrase."""
        return nxt.kind in ("country", "organization") and _space(text, last, nxt)

    @staticmethod
    def _followers(text: str, start: int, last: _Token, roles, person: Actor) -> Mention:
        """A crowd before a person's name, or after his possessive: the people of that role
        in the person's country ("ribuan pendukung Yoon" are South Korean civilians)."""
        role = [_role(t) for t in roles if _role(t).agent]
        sector = role[0].sector if role else person.sector
        country = person.country
        code = _code(country, sector, False)
        actor = Actor(
            code, f"{person.name} ({role[0].name if role else ''})", country, sector, "role"
        )
        return Mention(start, last.end, text[start : last.end], actor)

    def _role_actor(
        self, roles: list[_Token], partner: _Token | None, ctx: _Context
    ) -> Actor | None:
        """Country from the partner (or the role's default), sector from the head role: the
        first with a sector in Indonesian, where the head comes first ("pasukan junta" are
        troops), the last in English ("junta troops")."""
        role_objs = [_role(t) for t in roles]
        with_agent = [r for r in role_objs if r.agent]
        head = 0 if with_agent and with_agent[0].lang == "id" else -1
        role = with_agent[head] if with_agent else role_objs[-1]
        if role.agent == "CVL" and any(r.agent == "OPP" for r in with_agent):
            # "opposition supporters", "pendukung oposisi": the opposition's crowd is the opposition
            role = next(r for r in with_agent if r.agent == "OPP")
        if partner is not None:
            base = self._fixed(partner, ctx.on)
            if base.kind in ("organization", "group") or base.code.startswith("IGO"):
                return base
            agent = role.agent or base.sector
            country = base.country or base.code[:3]  # PETRARCH's own codes ("ITH") too
            name = f"{self.country_names.get(country or '', base.name)} ({role.name})"
        else:
            agent, country = role.agent, role.default_country
            if agent is None:
                return None
            name = f"{self.country_names.get(country or '', '')} ({role.name})".strip()
        code = _code(country, agent, role.prefix)
        if partner is not None:
            # PETRARCH puts prefix agents before the country: NGO + ARN + GOV
            code = "".join(r.agent or "" for r in with_agent if r.prefix and r is not role) + code
        return Actor(
            code, name, country, agent[:3] if agent else None, "role" if agent else "country"
        )

    def _single(self, text: str, token: _Token, ctx: _Context) -> Mention | None:
        if token.kind == "stop":
            return None
        if token.kind == "person":
            actor = self._person(token, ctx, titled=False)
            others = [e for e in token.entries if e.target.kind != "person"]
            if actor is None and others:  # "UN": not a weak surname here, the United Nations
                return self._single(text, _Token(token.start, token.end, others), ctx)
        elif token.kind == "role":
            actor = self._role_actor([token], None, ctx)
        else:
            actor = self._fixed(token, ctx.on)
        if actor is None:
            return None
        return Mention(token.start, token.end, text[token.start : token.end], actor)

    @staticmethod
    def _fixed(token: _Token, on: date | None) -> Actor:
        """The actor of a country/metonym/organisation hit valid on the date (first listed)."""
        entries = [e for e in token.entries if e.target.actor is not None]
        valid = [e for e in entries if e.target.valid(on)] or entries
        actor = valid[0].target.actor
        assert actor is not None
        return actor

    @staticmethod
    def _person(
        token: _Token, ctx: _Context, titled: bool, fits: Actor | None = None
    ) -> Actor | None:
        """Pick among the people an alias names; weak aliases need context.

        After a title, a weak alias counts when the title fits the person: same country if
        the title names one, same sector ("Presiden Moon" yes, "Marsekal Hadi" is not Yemen's
        President Hadi).
        """
        entries = token.of_kind("person")
        people = {e.target.person.person_id: e for e in entries if e.target.person}
        if titled and fits is not None:
            people = {
                p: e
                for p, e in people.items()
                if not e.target.weak or _fits(e.target.person.term_at(ctx.on), fits)
            }
        strong = {p: e for p, e in people.items() if not e.target.weak}
        seen = [pid for pid in reversed(ctx.seen) if pid in (strong or people)]
        if seen:
            chosen = people[seen[0]]
        else:
            usable = list(strong.values()) or (list(people.values()) if titled else [])
            if not usable:
                return None
            active = [e for e in usable if e.target.person and e.target.person.active(ctx.on)]
            chosen = min(active or usable, key=lambda e: _rank(e, ctx.on))
        person = chosen.target.person
        assert person is not None
        ctx.seen.pop(person.person_id, None)
        ctx.seen[person.person_id] = person
        term = person.term_at(ctx.on)
        return Actor(term.code, person.name, term.country, term.sector, "person")


def _crowd(roles: list[_Token]) -> bool:
    """Whether the role words name a crowd ("pendukung", "supporters"), never a title or an
    office: only a crowd before a person's name stands for the person's followers."""
    kinds = [e.target.role for t in roles for e in t.entries if e.target.role]
    return bool(kinds) and all(r.sector in _CROWDS and not r.title for r in kinds)


def _holds(person: Actor, title: Actor) -> bool:
    """Whether a person found after a title could be its holder (same country, sector)."""
    if title.country and person.country and title.country != person.country:
        return False
    return title.sector is None or person.sector is None or title.sector == person.sector


def _fits(term: Term, title: Actor) -> bool:
    """Whether a title ("Presiden Korea Selatan") can introduce the holder of ``term``."""
    if title.country and title.country != term.country:
        return False
    return title.sector is None or title.sector == term.sector


def _join_same_person(text: str, mentions: list[Mention]) -> list[Mention]:
    """A title alias followed by the name ("juru bicara Kremlin Dmitry Peskov") is one mention."""
    out: list[Mention] = []
    for mention in mentions:
        prev = out[-1] if out else None
        if (
            prev
            and prev.actor.kind == mention.actor.kind == "person"
            and prev.actor.name == mention.actor.name
            and text[prev.end : mention.start].strip() in ("", ",")
            and "\n" not in text[prev.end : mention.start]
        ):
            out[-1] = Mention(prev.start, mention.end, text[prev.start : mention.end], prev.actor)
        else:
            out.append(mention)
    return out


def _rank(entry: _Entry, on: date | None) -> tuple[int, int]:
    """Head of state before a minister; then the more recent start."""
    person = entry.target.person
    assert person is not None
    term = person.term_at(on)
    from ._model import ROLE_RANK

    return ROLE_RANK.get(term.role, 9), -(term.since or date.min).toordinal()


def _end(text: str, start: int, matched: int, entries: list[_Entry]) -> int:
    """Take in trailing punctuation that belongs to the alias ("U.S." keeps its last dot)."""
    longest = max(len(e.alias) for e in entries)
    if longest > matched and fold(text[start : start + longest]) == fold(
        max(entries, key=lambda e: len(e.alias)).alias
    ):
        return start + longest
    return start + matched


def _code(country: str | None, agent: str | None, prefix: bool) -> str:
    if prefix and agent:
        return agent + (country or "")
    return (country or "---") + (agent or "")


def _role(token: _Token) -> Role:
    role = token.of_kind("role")[0].target.role
    assert role is not None
    return role


def _is_en(token: _Token) -> bool:
    return any(e.target.role and e.target.role.lang == "en" for e in token.of_kind("role"))


def _next(tokens: list[_Token], j: int) -> _Token | None:
    return tokens[j] if j < len(tokens) else None


def _gap(text: str, left: _Token, right: _Token) -> str:
    return text[left.end : right.start]


def _space(text: str, left: _Token, right: _Token) -> bool:
    gap = text[left.end : right.start]
    return bool(gap) and gap.isspace() and "\n" not in gap


def _country_after(text: str, first: _Token, role: _Token, nxt: _Token) -> bool:
    """Whether ``nxt`` names the country of the English role chain ``first``..``role``:
    after "of"; after "in"/"from" only for a subject opening its sentence ("Soldiers from
    Gondor have cordoned off", not "withdrew troops from Syria", "its embassy in Turkey")."""
    gap = _gap(text, role, nxt)
    if _OF.fullmatch(gap):
        return True
    if nxt.kind != "country" or not _IN_FROM.fullmatch(gap):
        return False
    window = max(0, first.start - _OPENER_REACH)
    return _OPENS_SENTENCE.search(text, window, first.start) is not None


def _roles_after(text: str, tokens: list[_Token], j: int) -> tuple[list[_Token], int]:
    """English role words right after token ``j - 1`` ("... Arnor diplomat")."""
    nxt = _next(tokens, j)
    if nxt is None or nxt.kind != "role" or not _is_en(nxt) or not _space(text, tokens[j - 1], nxt):
        return [], j
    return _role_chain(text, tokens, j)


def _role_chain(text: str, tokens: list[_Token], i: int) -> tuple[list[_Token], int]:
    """Role words in a row ("juru bicara militer"): the tokens and the index after them."""
    roles, j = [tokens[i]], i + 1
    while j < len(tokens) and tokens[j].kind == "role" and _space(text, tokens[j - 1], tokens[j]):
        roles.append(tokens[j])
        j += 1
    return roles, j


def _name_after(text: str, start: int, limit: int) -> int | None:
    """End of 1-4 capitalised words right after a title and its body ("Menlu Inggris David
    Lammy", "Kepala BNPB Suharyanto": Indonesians often have a single name)."""
    pos, words = start, 0
    while words < 4:
        if pos >= limit or text[pos : pos + 1] != " ":
            break
        match = _NAME_WORD.match(text, pos + 1)
        if not match or match.end() > limit or match.group().rstrip(".") in _NOT_NAMES:
            break
        pos, words = match.end(), words + 1
    while pos > start and text[pos - 1] in ".,":
        pos -= 1
    single = words == 1 and pos - start > _SHORTEST_SINGLE_NAME
    return pos if words >= 2 or single else None


def _add_learnt(text: str, mentions: list[Mention], ctx: _Context) -> list[Mention]:
    """Later bare mentions of names learnt from titles ("... David Lammy ... Lammy said")."""
    taken = [(m.start, m.end) for m in mentions]
    first = {m.actor.name: m.end for m in mentions if m.actor.name in ctx.learnt}
    extra = []
    for name, actor in ctx.learnt.items():
        after = first.get(actor.name, 0)
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            s, e = match.span()
            if s >= after and not any(s < te and ts < e for ts, te in taken):
                extra.append(Mention(s, e, text[s:e], actor))
                taken.append((s, e))
    return sorted(mentions + extra, key=lambda m: m.start)
