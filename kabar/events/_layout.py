"""A sentence laid out for the coder: tokens, lemmas, function-word roles, and actor
mentions placed on the tokens, grouped by coordination and tagged with the preposition
that governs them; the discourse state (last person, pair, country, group, day) that
references need; and the article-level facts (reference date, home country).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from ..actors import Actor, Gazetteer, Mention
from ..extract import parse_dateline
from ..lang import Cue, Token, find_dates
from ..models import Article, Event, EventActor
from ._lexicon import Trigger

# How far (tokens) a preposition may stand before the actor it governs ("terhadap fasilitas
# nuklir Iran").
_PREP_REACH = 5

# "pasukan Myanmar membunuh warga sipil": a bare role takes a country named at most this
# many characters away
_ROLE_COUNTRY_REACH = 60
_ROLE_COUNTRY_AFTER = 2

# Punctuation that ends a phrase: a preposition does not govern across it
PUNCTUATION_BREAKS = {",", ";", ":", '"', "“", "”"}

# Whose police and ministers an unqualified "polisi" or "menteri" are, by language
_HOME_COUNTRY = {"id": "IDN"}

# Without a publication date, a full date printed in the first tokens anchors the rest
_ANCHOR_TOKENS = 400

_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


@dataclass
class PlacedActor:
    """A mention placed on the sentence's tokens."""

    actor: EventActor
    first: int
    end: int
    prep: str | None = None  # the role of the governing word: prep, agent, between
    prep_word: str | None = None
    group: int = -1
    kind: str = ""


@dataclass
class Sentence:
    lang: str
    start: int
    end: int
    tokens: list[Token]
    lemmas: list[str]
    roles: list[tuple[frozenset[str], str]]
    actors: list[PlacedActor]
    groups: list[list[PlacedActor]]
    triggers: list[Trigger]
    cues: list[Cue] = field(default_factory=list)
    date: tuple[str, str] | None = None  # stated, or carried over from the story so far
    date_doubtful: bool = False  # "Jumat (15/1)" when the 15th was a Thursday
    dates: list = field(default_factory=list)  # (token index, ResolvedDate) of each date
    planned_dates: list = field(default_factory=list)  # the same, read forward (future=True)
    events_so_far: list = field(default_factory=list)  # coded earlier in this sentence
    same_target: EventActor | None = None  # "took the same step": the act's earlier target
    they_only: bool = False  # no one named: only "mereka"/"they" standing for the pair


@dataclass
class Discourse:
    """What pronouns and "kedua pemimpin" refer to: the last person, the last pair."""

    person: EventActor | None = None
    pair: list[EventActor] = field(default_factory=list)
    day: tuple[str, str] | None = None  # the last day a sentence stated
    last_date: tuple[str, str] | None = None  # the last date of any precision stated
    home: str | None = None  # the country the story is told from
    country: EventActor | None = None  # for "negara itu", "the country"
    group: EventActor | None = None  # for "kelompok tersebut", "the group" (armed, political)
    body: EventActor | None = None  # for "lembaga itu", "the agency"
    court: EventActor | None = None  # whose "putusan tersebut", "the ruling"
    subject: EventActor | None = None  # "It had suspended her": the last non-person subject
    order: dict[str, int] = field(default_factory=dict)  # countries by first mention
    countries: set[str] = field(default_factory=set)  # every country the article names
    events: list[Event] = field(default_factory=list)  # coded so far, in text order
    # whether the last sentence named the pair itself: the two sides of its event, or two
    # actors joined by "dan"/"and" (what "mereka"/"they" alone may stand for)
    fresh_pair: bool = False

    def update(self, sentence: Sentence, events: Sequence[Event] = ()) -> None:
        """Carry the sentence's referents forward; ``events`` are those it coded, whose
        first two-sided one names the pair ("A bertemu B, didampingi C. Keduanya ..." is
        A and B, not B and C)."""
        people = [a for a in sentence.actors if a.kind == "person"]
        subjects = [a for a in sentence.actors if a.prep is None]
        if people:
            # the subject is the topic "ia"/"beliau"/"he" goes on with ("Jokowi bertemu
            # Biden. Beliau meminta AS ..." is Jokowi); else the last person named
            topic = subjects[0] if subjects and subjects[0].kind == "person" else None
            self.person = (topic or people[-1]).actor
        for a in sentence.actors:
            if a.actor.country:
                self.order.setdefault(a.actor.country, len(self.order))
        if subjects:
            first = subjects[0]
            self.subject = None if first.kind in ("person", "anaphor") else first.actor
        for a in sentence.actors:
            if a.actor.sector == "JUD":
                self.court = a.actor
            if a.kind == "country":
                self.country = a.actor
            elif a.kind == "group" or a.actor.sector in ("REB", "OPP"):
                self.group = a.actor
            elif a.kind == "organization":
                self.body = a.actor
        distinct: list[EventActor] = []
        for a in sentence.actors:
            if a.kind in ("person", "country", "metonym", "organization", "group") and all(
                a.actor.code != d.code for d in distinct
            ):
                distinct.append(a.actor)
        # a sentence that codes nothing ("Duta besar AS dan China turut hadir") does not
        # change who "kedua pemimpin" are, once someone is
        if events or not self.pair:
            self.pair = _pair(sentence, events, distinct, self.pair) or self.pair
        named = [{e.source.code, e.target.code} for e in events if e.target is not None]
        named += [{a.code for a in sides} for sides in _joined_pairs(sentence)]
        self.fresh_pair = len(self.pair) == 2 and {a.code for a in self.pair} in named

    def resolves(self, roles: Sequence[tuple[frozenset[str], str]]) -> bool:
        """Whether a sentence with no named actor still has one: "Ia ...", "Keduanya ..."."""
        return any(
            ("person" in r and self.person is not None) or ("they" not in r and self.both(r))
            for r, _ in roles
        )

    def they_resolve(self, roles: Sequence[tuple[frozenset[str], str]]) -> bool:
        """Whether "mereka"/"they" alone may stand for the pair: only right after the
        sentence that named it ("Modi bertemu Putin. Mereka sepakat ..."); further on it
        often means unnamed people (fans, residents)."""
        return self.fresh_pair and any("they" in r and self.both(r) for r, _ in roles)

    def both(self, roles: frozenset[str]) -> list[EventActor]:
        """The pair as ``_both`` gives it, the side the story named first first ("both
        armies met" after a story on Thailand and Cambodia: Thailand's army, then
        Cambodia's)."""
        sides = self._both(roles)
        return sorted(sides, key=lambda a: self.order.get(a.country or "", len(self.order)))

    def _both(self, roles: frozenset[str]) -> list[EventActor]:
        """What "keduanya" (the pair) or "kedua pemimpin" (the pair's governments) means;
        "mereka"/"they" may mean the pair too, but only a named actor in the same sentence
        makes its sentence worth coding (it often means unnamed people: fans, residents)."""
        if len(self.pair) != 2:
            return []
        if roles & {"group", "they"}:
            # "semua pihak menahan diri": civilians the pair's fight hit are no side of it
            return [a for a in self.pair if a.sector != "CVL"]
        if "leaders" in roles:
            # a country's side as its government ("Thailand's army" -> Thailand's government)
            return [_with_sector(a, "GOV") if a.country else a for a in self.pair]
        if "forces" in roles:
            # "kedua militer", "both armies": the two sides' armed forces
            return [_with_sector(a, "MIL") if a.country else a for a in self.pair]
        return []


def _pair(
    sentence: Sentence,
    events: Sequence[Event],
    distinct: list[EventActor],
    old: Sequence[EventActor] = (),
) -> list[EventActor]:
    """The two sides "keduanya"/"both sides" will mean: two actors joined by "dan"
    ("antara Hun Manet dan Phumtham"), else the sides of the sentence's first two-sided
    event ("A bertemu B, didampingi C" is A and B), else the last two actors named. A third
    party acting on one of the old pair ("Trump menelepon kedua pemimpin", "Anwar memimpin
    mediasi"), or one of it acting on a third party, leaves the pair as it was."""
    joined = _joined_pairs(sentence)
    # "ditandatangani Anutin dan Hun Manet ..., disaksikan oleh Trump dan Anwar": the pair
    # that acted on each other, before witnesses named together
    acted = [{e.source.code, e.target.code} for e in events if e.target is not None]
    for sides in joined:
        if {a.code for a in sides} in acted:
            return sides
    if joined:
        return joined[-1]
    # two states are told apart by country, one state's two sides by sector too
    key = _side if len({a.country for a in old}) < 2 else (lambda a: a.country)
    sides = {key(a) for a in old}
    # an event with exactly one side of the old pair (a third party acting on it, or one of
    # it acting on a third) leaves the pair as it was
    paired = next(
        (
            e
            for e in events
            if e.target is not None and (key(e.target) in sides) == (key(e.source) in sides)
        ),
        None,
    )
    if paired is not None:
        return [paired.source, paired.target]
    if old and any(e.target is not None for e in events):
        return list(old)  # only third parties acted on the pair
    # else the last two sides named that belong to a state ("kedua negara" does not pair
    # Indonesia with BRICS)
    states = [a for a in distinct if a.country and a.sector != "IGO"]
    last = states[-2:]
    if len(last) != 2:
        return []
    (a, b) = last
    if a.country == b.country and (None in (a.sector, b.sector) or a.sector == b.sector):
        return []  # a country and its own institution, or one side twice
    return last


def _joined_pairs(sentence: Sentence) -> list[list[EventActor]]:
    """Groups of two sides joined by a word ("antara Hun Manet dan Phumtham")."""
    return [
        sides
        for group in sentence.groups
        if len(sides := list({a.actor.code: a.actor for a in group}.values())) == 2
        and _joined_by_word(sentence, group)
    ]


def _side(actor: EventActor) -> tuple[str | None, str]:
    """A side as a country and sector, a country standing for its government."""
    return actor.country, actor.sector or "GOV"


def _joined_by_word(s: Sentence, group: list[PlacedActor]) -> bool:
    """ "Hun Manet dan Phumtham", not "Balai Agung Rakyat, Beijing" (a place and its city)."""
    between = range(group[0].end, group[-1].first)
    return any("coord" in s.roles[i][0] and s.roles[i][1] != "," for i in between)


def _event_actor(mention: Mention, country: str | None) -> EventActor:
    """The event side of a mention; a bare role ("polisi", "warga sipil") takes ``country``."""
    actor = mention.actor
    if not actor.code.startswith("---"):
        return EventActor(actor.code, actor.country, actor.sector, mention.text)
    return EventActor(country + actor.code[3:], country, actor.sector, mention.text)


def place_actors(
    text: str,
    mentions: list[Mention],
    tokens: list[Token],
    home: str | None,
    lang: str = "id",
    earlier: Sequence[Mention] = (),
) -> list[PlacedActor]:
    """Mentions on token indices (a mention covers the tokens that overlap it).

    A bare role takes the country of the nearest country-bearing mention close by ("pasukan
    Myanmar membunuh warga sipil" -> Myanmar's civilians), else the article's home country
    (domestic news: "polisi" are the home police), else it is left out.
    """
    starts = [t.start for t in tokens]
    placed = []
    joined = _join_adjacent(text, mentions)
    for n, mention in enumerate(joined):
        first = bisect.bisect_right(starts, mention.start) - 1
        end = bisect.bisect_left(starts, mention.end)
        if first < 0 or end <= first:
            continue
        if (named := _named_before(text, [*earlier, *joined[:n]], mention, lang)) is not None:
            placed.append(PlacedActor(named, first, end, kind=mention.actor.kind))
            continue
        country = _country_for_role(mention, mentions, home, lang, text)
        bare_role = mention.actor.code.startswith("---")
        if bare_role and (country is None or not mention.actor.sector):
            continue  # "pihak" alone, or a role whose country no one names
        for one in _members(mention):
            actor = _event_actor(one, country)
            placed.append(PlacedActor(actor, first, end, kind=one.actor.kind))
    return placed


# "the court", "pengadilan tersebut": a definite bare role refers back to a body named before
_DEFINITE_BEFORE = {"en": re.compile(r"(?i)\bthe\s+$")}
_DEFINITE_AFTER = {"id": re.compile(r"(?i)^\s+(?:itu|tersebut)\b")}


def _named_before(
    text: str, earlier: list[Mention], mention: Mention, lang: str
) -> EventActor | None:
    """ "The International Criminal Court issued a warrant ... Israel rejects the court's
    jurisdiction": a definite bare role word is the latest body named before whose name has
    that word ("the court" -> the International Criminal Court, not a court of the country
    named nearby)."""
    if not mention.actor.code.startswith("---"):
        return None
    before, after = _DEFINITE_BEFORE.get(lang), _DEFINITE_AFTER.get(lang)
    definite = (
        before is not None and before.search(text[max(0, mention.start - 5) : mention.start])
    ) or (after is not None and after.match(text[mention.end : mention.end + 10]))
    if not definite:
        return None
    head = mention.text.strip().lower().split()
    for m in reversed(earlier):
        named = m.actor
        words = m.text.lower().split()
        if named.code.startswith("---") or named.kind == "country" or len(words) <= len(head):
            continue
        if named.kind == "person" and named.sector != mention.actor.sector:
            continue  # "army chief al-Burhan" ... "the army": the army, not its chief
        # "Saudi Crown Prince Mohammed bin Salman" ... "the crown prince"
        if any(words[i : i + len(head)] == head for i in range(len(words))):
            return EventActor(named.code, named.country, named.sector, mention.text)
    return None


def _members(mention: Mention) -> list[Mention]:
    """A name for several actors ("the Shire" [FRO/BIL/SAM]) places each of them on its
    tokens: one coordinated side."""
    if not mention.actor.members:
        return [mention]
    return [replace(mention, actor=member) for member in mention.actor.members]


def _join_adjacent(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions side by side that name one actor become one:

    * "Bree Prime Minister" + "Romendacil" (one country): the code that names a sector;
    * "Badan Energi Atom Internasional" + "(IAEA)": the same actor twice;
    * "Kejaksaan Agung" + "Singapura": an institution's name then a country is that
      country's institution.
    """
    out: list[Mention] = []
    for mention in mentions:
        if out:
            joined = _join_pair(text, out[-1], mention)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(mention)
    return out


def _join_pair(text: str, last: Mention, mention: Mention) -> Mention | None:
    gap = text[last.end : mention.start]
    span = (last.start, mention.end, text[last.start : mention.end])
    if gap.strip() == "(" and len(gap) <= 2 and mention.actor.sector == last.actor.sector:
        # "Badan Energi Atom Internasional (IAEA)"; "House of Representatives (DPR)": the
        # acronym in brackets is the local, more specific name
        return Mention(*span, mention.actor)
    if mention.actor.code == last.actor.code and not gap.strip() and len(gap) <= 1:
        return Mention(*span, last.actor)
    if gap not in ("", " "):
        return None
    same = last.actor.country and last.actor.country == mention.actor.country
    if same and (last.actor.sector or mention.actor.sector):
        return Mention(*span, last.actor if last.actor.sector else mention.actor)
    if (
        last.actor.kind == "organization"
        and mention.actor.kind == "country"
        and last.actor.sector not in (None, "IGO", "MED")
        and mention.actor.country
    ):
        country, sector = mention.actor.country, last.actor.sector
        return Mention(*span, Actor(country + sector, span[2], country, sector, "organization"))
    return None


def _country_for_role(
    mention: Mention, mentions: list[Mention], home: str | None, lang: str, text: str = ""
) -> str | None:
    if not mention.actor.code.startswith("---") or mention.actor.sector == "IGO":
        return mention.actor.country  # an unnamed international body belongs to no country
    # English names a role's country before it ("Thai officers"): one named further on is
    # often where people come from ("officers detained migrants, most of them from Myanmar");
    # Indonesian names it after ("warga sipil di kota El Fasher, Sudan")
    nearby = [
        (distance, m.actor.country)
        for m in mentions
        if m.actor.country and m.actor.sector != "MED"
        for distance in (max(mention.start - m.end, m.start - mention.end),)
        if 0 <= distance <= _ROLE_COUNTRY_REACH
        and (lang != "en" or m.end <= mention.start or distance <= _ROLE_COUNTRY_AFTER)
        # "the coup in Myanmar, defying a court order": not across an English comma
        and (lang != "en" or "," not in text[m.end : mention.start])
    ]
    return min(nearby)[1] if nearby else home


# "Fornost and the evil awful Gondor": adjectives between a coordinator and an actor
_DESCRIBING_WORDS = 2

_ANAPHOR_KINDS = frozenset({"this_country", "this_group", "this_body", "it"})

# "threatened to attack", "mengancam untuk menyerang": infinitive markers
_INFINITIVE = frozenset({"to", "untuk"})

# "Egypt denied that it had expelled ...": words opening a reported clause
_COMPLEMENTIZERS = frozenset({"that", "bahwa"})


def s_text(roles, i: int) -> str:
    """The word a role list gives for token ``i``."""
    return roles[i][1]


def anaphors(roles, actors: list[PlacedActor], discourse: Discourse | None) -> list[PlacedActor]:
    """ "negara itu", "kelompok tersebut", "pihaknya": the country or group named last (for
    "pihaknya", the actor just before it in the sentence, when there is one)."""
    if discourse is None:
        return []
    found = []
    i = 0
    while i < len(roles):
        role_set, phrase = roles[i]
        size = len(phrase.split())
        kind = next(iter(role_set & _ANAPHOR_KINDS), None)
        reported = i > 0 and s_text(roles, i - 1) in _COMPLEMENTIZERS
        if (
            kind == "it"
            and i > 0
            and s_text(roles, i - 1) not in (",", "and", "dan")
            and not reported
        ):
            kind = None  # "It had suspended her": only a subject "it" opening a clause
        if kind:
            before = [a for a in actors if a.end <= i]
            same = [a for a in before if kind == "this_body" and a.kind == "organization"]
            bodies = [a for a in before if a.kind in ("country", "metonym", "organization")]
            if phrase.endswith("nya") and before:
                meant = before[-1].actor  # "Polda ... mengatakan pihaknya": its own body
            elif kind == "it" and reported and bodies:
                meant = bodies[0].actor  # "Egypt denied that it had ...": the speaker
            elif same:
                meant = same[-1].actor  # "accused the European Union ... the bloc had proposed"
            else:
                meant = {
                    "this_country": discourse.country,
                    "this_group": discourse.group,
                    "this_body": discourse.body,
                    "it": discourse.subject,
                }[kind]
            if meant is not None:
                found.append(PlacedActor(meant, i, i + size, kind="anaphor"))
        i += max(1, size)
    return found


def govern(s: Sentence) -> None:
    """Tag each actor with the preposition before it (within reach, not across a comma)."""
    trigger_heads = {t.first for t in s.triggers}
    # "threatened to attack Ukraine": "to" before a word the event pattern matched marks
    # an infinitive, no preposition governing the actor after it
    matched = {i for t in s.triggers for i in range(t.first + 1, t.end)}
    actor_ends = {a.end for a in s.actors}
    for actor in s.actors:
        for i in _looking_back(s, actor.first):
            roles, word = s.roles[i]
            if "prep" in roles and i > 0 and "quantity" in s.roles[i - 1][0]:
                continue  # "thousands of protesters": look past the quantity
            if word in _INFINITIVE and i + 1 in matched:
                break
            if roles & {"prep", "agent", "between"}:
                actor.prep = next(iter(roles & {"agent", "between"}), "prep")
                actor.prep_word = word
                break
            if (
                i == actor.first - 1
                and actor.kind in ("country", "metonym")
                and s.tokens[i].text == ","
                and _ends_a_phrase(s, actor.end)
                and _place_apposition(s, i)
            ):
                actor.prep, actor.prep_word = "prep", _place_apposition(s, i)
                break
            if (
                s.tokens[i].text in PUNCTUATION_BREAKS
                or "clause" in roles
                or i in trigger_heads
                or (i + 1) in actor_ends
                # "antara kedua negara sejak Rusia menginvasi": a clause word or a group
                # phrase is what the preposition governs
                or roles & {"embed", "group", "leaders", "forces"}
            ):
                break  # "kepada keluarga korban dan masyarakat": "dan" does not stop it


def _ends_a_phrase(s: Sentence, position: int) -> bool:
    """An apposition ("di Busan, Korea Selatan, ...") ends where punctuation or a
    preposition follows; "di Anchorage, Rusia kembali menyerang" starts a clause instead."""
    if position >= len(s.tokens):
        return True
    roles, _ = s.roles[position]
    return s.tokens[position].text in PUNCTUATION_BREAKS | {".", ")"} or bool(
        roles & {"prep", "place", "coord"}
    )


def _looking_back(s: Sentence, position: int) -> list[int]:
    """Token indices before ``position``, nearest first, up to the preposition reach; a
    parenthesis ("Biro Investigasi (CPIB) Singapura") is passed over and not counted."""
    out: list[int] = []
    i, depth = position - 1, 0
    while i >= 0 and len(out) < _PREP_REACH:
        text = s.tokens[i].text
        if text == ")":
            depth += 1
        elif text == "(" and depth:
            depth -= 1
        elif not depth:
            out.append(i)
        i -= 1
    return out


def _place_apposition(s: Sentence, comma: int) -> str | None:
    """ "di Busan, Korea Selatan": the place word before "Busan" governs "Korea Selatan" too."""
    for i in range(comma - 1, max(-1, comma - 1 - _PREP_REACH), -1):
        roles, word = s.roles[i]
        if "place" in roles:
            return word
        if not s.tokens[i].text[:1].isupper():
            return None
    return None


def group_actors(s: Sentence) -> list[list[PlacedActor]]:
    """Actors joined only by coordinators form one side; the group inherits its first's prep."""
    groups: list[list[PlacedActor]] = []
    for actor in s.actors:
        if groups and _joins(s, groups[-1], actor):
            first = groups[-1][0]
            actor.prep, actor.prep_word = first.prep, first.prep_word
            if (
                first.kind in ("role", "person")
                and first.actor.sector not in (None, "IGO")
                and not actor.actor.sector
                and actor.kind == "country"
                and actor.actor.country
            ):
                # "the ambassadors of Arnor, Osgiliath and Gondor", "Presiden Rusia dan Iran"
                actor.actor = _with_sector(actor.actor, first.actor.sector)
            groups[-1].append(actor)
        else:
            groups.append([actor])
        actor.group = len(groups) - 1
    for group in groups:
        _one_crowd(group)
    return groups


def _one_crowd(group: list[PlacedActor]) -> None:
    """ "ribuan mahasiswa, buruh, dan warga mengepung Gedung DPR": residents marching with
    protesters are protesters; a crowd acting together is one side."""
    if any(a.actor.sector == "OPP" for a in group):
        for a in group:
            if a.kind == "role" and a.actor.sector == "CVL":
                a.actor = _with_sector(a.actor, "OPP")


def _with_sector(actor: EventActor, sector: str) -> EventActor:
    return EventActor(f"{actor.country}{sector}", actor.country, sector, actor.name)


def _joins(s: Sentence, group: list[PlacedActor], actor: PlacedActor) -> bool:
    return (
        _coordinated(s, group[-1], actor)
        and not _new_clause(s, group, actor)
        and actor.prep in (None, group[0].prep)
        and _is_place(group[-1]) == _is_place(actor)  # "Di Jakarta, massa merobohkan ..."
    )


def _is_place(actor: PlacedActor) -> bool:
    """A city or region with no sector: a place, not someone acting."""
    return actor.kind == "metonym" and actor.actor.sector is None


def _new_clause(s: Sentence, group: list[PlacedActor], right: PlacedActor) -> bool:
    """ "... di Ukraina, dan Putin menandatangani": comma + "dan" after one actor joins clauses;
    in a list ("Israel, AS, dan Inggris") the comma has already joined two."""
    between = [s.tokens[i].text for i in range(group[-1].end, right.first)]
    return len(group) == 1 and len(between) == 2 and between[0] == ","


def _coordinated(s: Sentence, left: PlacedActor, right: PlacedActor) -> bool:
    """Only coordinators (and a determiner: "Israel and the United States") in between; two
    actors in one token ("TNI-Polri") are coordinated too."""
    if right.first < left.end:
        return True
    between = range(left.end, right.first - _describing_words(s, left.end, right.first))
    if not 1 <= len(between) <= 3:
        return False
    roles = [s.roles[i][0] for i in between]
    if not (any("coord" in r for r in roles) and all(r & {"coord", "det"} for r in roles)):
        return False
    # a bare comma joins a list only if the list goes on ("Israel, AS, dan Inggris"), not
    # "Qatar's prime minister, Netanyahu expressed ..."
    if all(s.tokens[i].text == "," for i in between):
        return right.end < len(s.tokens) and "coord" in s.roles[right.end][0]
    return True


def _describing_words(s: Sentence, first: int, end: int) -> int:
    """ "the US and neighbouring Mexico", "Fornost and the evil awful Gondor": how many
    plain lower-case words (adjectives) stand right before an actor, after the words that
    join it to the one before. English only (Indonesian puts adjectives after the noun);
    no event word nor past form ("Phnom Penh and expelled Cambodia's envoy")."""
    if s.lang != "en":
        return 0
    acts = {i for t in s.triggers for i in range(t.first, t.end)}
    count = 0
    for i in range(end - 1, max(first, end - _DESCRIBING_WORDS - 1), -1):
        word = s.tokens[i].text
        plain = word.isalpha() and word.islower() and not word.endswith("ed")
        if s.roles[i][0] or i in acts or not plain:
            break
        count += 1
    return count


def reference_date(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


# "(JCS)", "(NUG)": an acronym the article defines in brackets
_DEFINED = re.compile(r"\(([A-Z][A-Za-z0-9-]{1,9})\)")
# between a mention and the bracket, at most a few more words of the same name
_NAME_GAP = re.compile(r"(?:\s+[A-Z][\w-]*){0,3}\s*")


def with_acronyms(text: str, mentions: list[Mention], home: str | None, lang: str) -> list[Mention]:
    """ "Kepala Staf Gabungan (JCS) Korea Selatan ... JCS mengecam": an acronym the article
    defines in brackets after a body's name names that body wherever it comes back."""
    added: list[Mention] = []
    for acronym, actor, after in _definitions(text, mentions, home, lang):
        for found in re.finditer(rf"\b{re.escape(acronym)}\b", text[after:]):
            start, end = after + found.start(), after + found.end()
            if not any(m.start < end and start < m.end for m in mentions):
                added.append(Mention(start, end, acronym, actor))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _definitions(text: str, mentions: list[Mention], home: str | None, lang: str):
    """(acronym, actor, end of its definition) for each body named with a new acronym."""
    ends = [m.end for m in mentions]
    for match in _DEFINED.finditer(text):
        acronym = match.group(1)
        if sum(c.isupper() for c in acronym) < 2:
            continue
        if any(m.start <= match.start(1) < m.end for m in mentions):
            continue  # an acronym the gazetteer knows
        last = bisect.bisect_right(ends, match.start()) - 1
        if last < 0 or not _NAME_GAP.fullmatch(text[mentions[last].end : match.start()]):
            continue
        head = mentions[last]
        if head.actor.kind in ("country", "person", "metonym"):
            continue
        actor = head.actor
        if actor.code.startswith("---"):
            span = Mention(head.start, match.end(), text[head.start : match.end()], actor)
            country = _country_for_role(span, mentions, home, lang, text)
            if country is None or not actor.sector:
                continue
            actor = Actor(country + actor.code[3:], actor.name, country, actor.sector, actor.kind)
        yield acronym, actor, match.end()


def remembered_roles(
    text: str, mentions: list[Mention], home: str | None, lang: str
) -> list[Mention]:
    """ "Pemimpin junta Myanmar Min Aung Hlaing ... junta mengumumkan": a bare role word the
    story used before inside a name with a country is that country's, not the home one's.
    (Only a role inside an earlier name counts; the country merely near a role does not.)"""
    out = []
    known: dict[str, str] = {}
    for mention in mentions:
        actor = mention.actor
        if not actor.code.startswith("---"):
            if actor.country and actor.country != home:
                for word in mention.text.lower().split():
                    known.setdefault(word, actor.country)
            out.append(mention)
            continue
        country = known.get(mention.text.lower())
        if country is None or actor.sector in (None, "IGO"):
            out.append(mention)
            continue
        if _country_for_role(mention, mentions, None, lang, text) is None:
            actor = Actor(country + actor.code[3:], actor.name, country, actor.sector, actor.kind)
            mention = Mention(mention.start, mention.end, mention.text, actor)
        out.append(mention)
    return out


def outside_dateline(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Jakarta, KabarUji.id -" names where the report was filed, not an actor."""
    dateline = parse_dateline(text[:200])
    if dateline is None:
        return mentions
    if any(m.start < dateline.end < m.end for m in mentions):
        return mentions  # "Pada Senin, TPNPB-OPM menembak": a hyphenated name, no dateline
    return [m for m in mentions if m.start >= dateline.end]


def without_credits(mentions: list[Mention], credited: list[str]) -> list[Mention]:
    """An outlet the article credits ("told AFP", "dilansir dari Reuters") is a source of the
    report, not an actor in it."""
    names = {name.casefold() for name in credited}
    return [
        m
        for m in mentions
        if not (
            m.actor.sector == "MED"
            and (m.text.casefold() in names or m.actor.name.casefold() in names)
        )
    ]


def first_full_date(tokens: list[Token], text: str, lang: str) -> date | None:
    """Without a publication date, the first date printed with its year anchors the rest."""
    for mention in find_dates(tokens[:_ANCHOR_TOKENS], lang, date.today(), text):
        resolved = mention.resolved
        if resolved and resolved.precision == "day" and _YEAR.search(mention.text):
            return resolved.date
    return None


def home_country(
    article: Article, gazetteer: Gazetteer, lang: str, mentions: list[Mention]
) -> str | None:
    """Whose police, judges and ministers an unqualified "polisi", "hakim" or "menteri"
    are: the country the article names most (a Jakarta outlet's story on Kashmir is about
    India), ties going to the dateline's country, then the language's home."""
    counts = Counter(
        m.actor.country for m in mentions if m.actor.country and m.actor.sector != "MED"
    )
    dateline = None
    if article.dateline:
        dateline = next(
            (m.actor.country for m in gazetteer.find(article.dateline) if m.actor.country), None
        )
    if counts:
        best = max(counts.values())
        leaders = {country for country, n in counts.items() if n == best}
        if dateline in leaders:
            return dateline
        if len(leaders) == 1:
            return leaders.pop()
    return dateline or _HOME_COUNTRY.get(lang)
