"""The event coder: Article -> [Event], sentence by sentence.

For each sentence the cascade is:

    1. tokens, lemmas, function-word roles; actor mentions mapped onto tokens
    2. actors grouped by coordination ("Israel dan Amerika Serikat") and tagged with the
       preposition that governs them ("di Iran", "oleh Israel", "terhadap Iran")
    3. event words from the lexicon (verbs and nouns -> CAMEO)
    4. for each event word: its voice and form, then source and target (subject, object,
       "oleh"/"by" agents, prepositions, genitives, "antara X dan Y", pronouns)
    5. flags from the cues around it (negation, intention, hedging, expectation,
       background), its date and place, a confidence and the evidence span

Only sentences holding both an event word and an actor pay for steps 4-5.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from ..actors import Actor, Gazetteer, Mention, Places
from ..extract import parse_dateline
from ..lang import Cue, Token, find_cues, find_dates, get_pack, split_sentences, tokenize
from ..models import Article, Event, EventActor
from ..ontology import CameoCode, Ontology, intent_code
from ..settings import Settings
from ._grammar import function_words
from ._lexicon import Entry, Lexicon, Trigger

# How far (tokens) a cue may stand before its event word and still govern it.
_NEGATION_REACH = 4
_INTENTION_REACH = 5
# How far (tokens) a preposition may stand before the actor it governs ("terhadap fasilitas
# nuklir Iran").
_PREP_REACH = 5
# How far (tokens) after an event word its object or target may be.
_OBJECT_REACH = 14
# "urged Russia to stop": at most this many tokens between an object and the verb it does
_CONTROL_GAP = 2
# "jika Israel kembali menyerang": a condition governs the event words soon after it
_CONDITION_REACH = 10
# "pasukan Myanmar membunuh warga sipil": a bare role takes a country named at most this
# many characters away
_ROLE_COUNTRY_REACH = 60
# Force used on a place is force used on its country ("membombardir Fordow", "struck
# Kharkiv"); aid sent to a place is aid to its country ("bantuan darurat ke Cebu")
# Reactions to an earlier event: approval, criticism, rejection, protest, demands
_ABOUT_EVENT_ROOTS = frozenset({"01", "02", "05", "10", "11", "12", "13", "14"})
_PLACE_TARGET_ROOTS = frozenset({"07", "15", "17", "18", "19", "20"})
_PUNCTUATION_BREAKS = {",", ";", ":", '"', "“", "”"}
_HOME_COUNTRY = {"id": "IDN"}
_UNKNOWN_CODE = CameoCode("", "", "not a CAMEO code", 0.0, 0, None, None)
_ANCHOR_TOKENS = 400
_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")
_CONJUNCTIONS = frozenset({"dan", "serta", "lalu", "kemudian", "and", "then"})
_ID_VERB_PREFIXES = ("me", "di", "ber", "ter", "memper", "diper")


@dataclass
class _Actor:
    """A mention placed on the sentence's tokens."""

    actor: EventActor
    first: int
    end: int
    prep: str | None = None  # the role of the governing word: prep, agent, between
    prep_word: str | None = None
    group: int = -1
    kind: str = ""


@dataclass
class _Sentence:
    lang: str
    start: int
    end: int
    tokens: list[Token]
    lemmas: list[str]
    roles: list[tuple[frozenset[str], str]]
    actors: list[_Actor]
    groups: list[list[_Actor]]
    triggers: list[Trigger]
    cues: list[Cue] = field(default_factory=list)
    date: tuple[str, str] | None = None  # stated, or carried over from the story so far
    date_doubtful: bool = False  # "Jumat (15/1)" when the 15th was a Thursday


@dataclass
class _Discourse:
    """What pronouns and "kedua pemimpin" refer to: the last person, the last pair."""

    person: EventActor | None = None
    pair: list[EventActor] = field(default_factory=list)
    day: tuple[str, str] | None = None  # the last day a sentence stated
    country: EventActor | None = None  # for "negara itu", "the country"
    group: EventActor | None = None  # for "kelompok tersebut", "the group" (armed, political)
    body: EventActor | None = None  # for "lembaga itu", "the agency"
    countries: set[str] = field(default_factory=set)  # every country the article names
    events: list[Event] = field(default_factory=list)  # coded so far, in text order

    def update(self, sentence: _Sentence) -> None:
        people = [a for a in sentence.actors if a.kind == "person"]
        if people:
            self.person = people[-1].actor
        for a in sentence.actors:
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
        if len(distinct) >= 2:
            self.pair = distinct[-2:]


@dataclass
class Coder:
    """Codes articles in the languages it has lexicons for."""

    settings: Settings
    gazetteer: Gazetteer | None = None
    places: Places = field(default_factory=Places.load)
    ontology: Ontology = field(default_factory=Ontology.load)
    lexicons: dict[str, Lexicon] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Shipped dictionaries plus the user's (settings ``[code]``)."""
        code = self.settings.code
        if self.gazetteer is None:
            self.gazetteer = Gazetteer.load(
                [Path(p) for p in code.actor_files],
                petrarch_actors=[Path(p) for p in code.petrarch_actors],
                petrarch_agents=[Path(p) for p in code.petrarch_agents],
            )
        for lang in self.settings.extract.coded_languages:
            self.lexicons.setdefault(lang, Lexicon.load(lang, code.event_files(lang)))

    def code(self, article: Article) -> list[Event]:
        """Events of one article, in text order, each identical event once."""
        lang = article.language
        if lang not in self.lexicons or not article.text:
            return []
        text = article.text
        tokens = tokenize(text, lang)
        reference = _reference_date(article) or _first_full_date(tokens, text, lang)
        mentions = self.gazetteer.find(text, on=reference)
        starts = [t.start for t in tokens]
        events: list[Event] = []
        discourse = _Discourse(countries={m.actor.country for m in mentions if m.actor.country})
        home = _home_country(article, self.gazetteer, lang)
        mentions = _without_credits(_outside_dateline(text, mentions), article.cited_sources)
        for start, end in split_sentences(text, lang):
            first = bisect.bisect_left(starts, start)
            last = bisect.bisect_left(starts, end)
            sentence = self._sentence(
                text, start, end, tokens[first:last], mentions, lang, home, reference, discourse
            )
            if sentence is not None and sentence.triggers:
                sentence.cues = find_cues(sentence.tokens, lang, text)
                sentence.date = self._date(sentence, text, reference, discourse)
                found = [
                    self._events(text, sentence, trigger, lang, discourse, reference, article)
                    for trigger in sentence.triggers
                ]
                events.extend(event for batch in _borrow_targets(found) for event in batch)
                discourse.events = events
            if sentence is not None:
                discourse.update(sentence)
        return _unique(events)

    @staticmethod
    def _date(s: _Sentence, text: str, reference, discourse: _Discourse):
        """A stated date; else the day the story last named, unless the sentence looks back
        ("sebelumnya", "last year"): reporters date the lead and let it carry."""
        stated = _sentence_date(s, text, reference)
        if stated is not None:
            if stated[1] == "day":
                discourse.day = stated
            return stated
        if any(cue.kind == "background" for cue in s.cues):
            return None
        return discourse.day

    # -- a sentence laid out ---------------------------------------------------------------

    def _sentence(
        self, text, start, end, tokens, mentions, lang, home, reference, discourse=None
    ) -> _Sentence | None:
        if not tokens:
            return None
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        pack = get_pack(lang)
        lemmas = [pack.lemma(t.lower) for t in tokens]
        roles = function_words(lang).roles(tokens)
        actors = _place(text, inside, tokens, home)
        actors = sorted(actors + _anaphors(roles, actors, discourse), key=lambda a: a.first)
        triggers = self.lexicons[lang].triggers(tokens) if actors else []
        sentence = _Sentence(lang, start, end, tokens, lemmas, roles, actors, [], triggers)
        _govern(sentence)
        sentence.groups = _group(sentence)
        return sentence

    # -- one event word --------------------------------------------------------------------

    def _events(
        self, text, s: _Sentence, trigger: Trigger, lang, discourse, reference, article
    ) -> list[Event]:
        entry = trigger.entry
        if not _fits(_form(s, trigger, lang), entry.pos) or _conditional(s, trigger):
            return []
        nominal = _is_nominal(s, trigger, lang)
        passive = not nominal and _is_passive(s, trigger, lang)
        if nominal:
            sources, targets, paired = _nominal_arguments(s, trigger, entry, discourse)
        else:
            sources, targets = _verbal_arguments(s, trigger, entry, passive, discourse)
            paired = True
        if sources and not targets and entry.cameo[:2] in _PLACE_TARGET_ROOTS:
            targets = _place_target(s, trigger, sources, self.places, discourse.countries)
        # "X dan Y sepakat" pairs X with Y; a noun does so only for "antara X dan Y"
        pairs = _pairs(sources, targets, entry.symmetric and paired)
        if not pairs:
            # "melakukan mediasi dengan menghubungi X": an act with no target of its own may
            # take the targets of another event of the same source in the sentence
            pairs = [(src, None) for src in sources]
        if not pairs:
            return []
        flags = _flags(s, trigger, lang)
        code = entry.cameo
        if flags["modality"] == "intended" and code in self.ontology:
            code = intent_code(code)
        when, precision = s.date or (
            (article.published, "publication") if article.published else (None, None)
        )
        if flags["modality"] == "intended":
            when = _forward(when, precision, reference)
        background = flags["background"] or _is_past(when, precision, reference)
        place = _place_of(s, self.places)
        confidence = _confidence(nominal, flags, sources, targets) - 0.2 * s.date_doubtful
        # a user's dictionary (PETRARCH's validation verbs) may use codes of its own
        cameo = self.ontology.get(code) if code in self.ontology else _UNKNOWN_CODE
        evidence = text[s.start : s.end]
        return [
            Event(
                source=src,
                target=tgt,
                cameo=code,
                plover_type=cameo.plover_type,
                plover_mode=cameo.plover_mode,
                goldstein=cameo.goldstein,
                quad_class=cameo.quad_class,
                date=when,
                date_precision=precision,
                background=background,
                negated=flags["negated"],
                modality=flags["modality"],
                location=place,
                evidence=evidence,
                start=s.start,
                end=s.end,
                confidence=confidence,
                rule=entry.rule,
                symmetric=entry.symmetric,
            )
            for src, tgt in pairs
        ]


# -- laying out a sentence ---------------------------------------------------------------------


def _event_actor(mention: Mention, country: str | None) -> EventActor:
    """The event side of a mention; a bare role ("polisi", "warga sipil") takes ``country``."""
    actor = mention.actor
    if not actor.code.startswith("---"):
        return EventActor(actor.code, actor.country, actor.sector, mention.text)
    return EventActor(country + actor.code[3:], country, actor.sector, mention.text)


def _place(
    text: str, mentions: list[Mention], tokens: list[Token], home: str | None
) -> list[_Actor]:
    """Mentions on token indices (a mention covers the tokens that overlap it).

    A bare role takes the country of the nearest country-bearing mention close by ("pasukan
    Myanmar membunuh warga sipil" -> Myanmar's civilians), else the article's home country
    (domestic news: "polisi" are the home police), else it is left out.
    """
    starts = [t.start for t in tokens]
    placed = []
    for mention in _join_adjacent(text, mentions):
        first = bisect.bisect_right(starts, mention.start) - 1
        end = bisect.bisect_left(starts, mention.end)
        if first < 0 or end <= first:
            continue
        country = _country_for_role(mention, mentions, home)
        bare_role = mention.actor.code.startswith("---")
        if bare_role and (country is None or not mention.actor.sector):
            continue  # "pihak" alone, or a role whose country no one names
        actor = _event_actor(mention, country)
        placed.append(_Actor(actor, first, end, kind=mention.actor.kind))
    return placed


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


def _country_for_role(mention: Mention, mentions: list[Mention], home: str | None) -> str | None:
    if not mention.actor.code.startswith("---") or mention.actor.sector == "IGO":
        return mention.actor.country  # an unnamed international body belongs to no country
    nearby = [
        (distance, m.actor.country)
        for m in mentions
        if m.actor.country and m.actor.sector != "MED"
        for distance in (max(mention.start - m.end, m.start - mention.end),)
        if 0 <= distance <= _ROLE_COUNTRY_REACH
    ]
    return min(nearby)[1] if nearby else home


def _anaphors(roles, actors: list[_Actor], discourse: _Discourse | None) -> list[_Actor]:
    """ "negara itu", "kelompok tersebut", "pihaknya": the country or group named last (for
    "pihaknya", the actor just before it in the sentence, when there is one)."""
    if discourse is None:
        return []
    found = []
    i = 0
    while i < len(roles):
        role_set, phrase = roles[i]
        size = len(phrase.split())
        kind = next(iter(role_set & {"this_country", "this_group", "this_body"}), None)
        if kind:
            before = [a for a in actors if a.end <= i]
            if phrase.endswith("nya") and before:
                meant = before[-1].actor  # "Polda ... mengatakan pihaknya": its own body
            else:
                meant = {
                    "this_country": discourse.country,
                    "this_group": discourse.group,
                    "this_body": discourse.body,
                }[kind]
            if meant is not None:
                found.append(_Actor(meant, i, i + size, kind="anaphor"))
        i += max(1, size)
    return found


def _govern(s: _Sentence) -> None:
    """Tag each actor with the preposition before it (within reach, not across a comma)."""
    trigger_heads = {t.first for t in s.triggers}
    actor_ends = {a.end for a in s.actors}
    for actor in s.actors:
        for i in _looking_back(s, actor.first):
            roles, word = s.roles[i]
            if "prep" in roles and i > 0 and "quantity" in s.roles[i - 1][0]:
                continue  # "thousands of protesters": look past the quantity
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
                s.tokens[i].text in _PUNCTUATION_BREAKS
                or "clause" in roles
                or i in trigger_heads
                or (i + 1) in actor_ends
            ):
                break  # "kepada keluarga korban dan masyarakat": "dan" does not stop it


def _ends_a_phrase(s: _Sentence, position: int) -> bool:
    """An apposition ("di Busan, Korea Selatan, ...") ends where punctuation or a
    preposition follows; "di Anchorage, Rusia kembali menyerang" starts a clause instead."""
    if position >= len(s.tokens):
        return True
    roles, _ = s.roles[position]
    return s.tokens[position].text in _PUNCTUATION_BREAKS | {".", ")"} or bool(
        roles & {"prep", "place", "coord"}
    )


def _looking_back(s: _Sentence, position: int) -> list[int]:
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


def _place_apposition(s: _Sentence, comma: int) -> str | None:
    """ "di Busan, Korea Selatan": the place word before "Busan" governs "Korea Selatan" too."""
    for i in range(comma - 1, max(-1, comma - 1 - _PREP_REACH), -1):
        roles, word = s.roles[i]
        if "place" in roles:
            return word
        if not s.tokens[i].text[:1].isupper():
            return None
    return None


def _group(s: _Sentence) -> list[list[_Actor]]:
    """Actors joined only by coordinators form one side; the group inherits its first's prep."""
    groups: list[list[_Actor]] = []
    for actor in s.actors:
        if groups and _joins(s, groups[-1], actor):
            first = groups[-1][0]
            actor.prep, actor.prep_word = first.prep, first.prep_word
            if (
                first.actor.sector
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
    return groups


def _with_sector(actor: EventActor, sector: str) -> EventActor:
    return EventActor(f"{actor.country}{sector}", actor.country, sector, actor.name)


def _joins(s: _Sentence, group: list[_Actor], actor: _Actor) -> bool:
    return (
        _coordinated(s, group[-1], actor)
        and not _new_clause(s, group, actor)
        and actor.prep in (None, group[0].prep)
    )


def _new_clause(s: _Sentence, group: list[_Actor], right: _Actor) -> bool:
    """ "... di Ukraina, dan Putin menandatangani": comma + "dan" after one actor joins clauses;
    in a list ("Israel, AS, dan Inggris") the comma has already joined two."""
    between = [s.tokens[i].text for i in range(group[-1].end, right.first)]
    return len(group) == 1 and len(between) == 2 and between[0] == ","


def _coordinated(s: _Sentence, left: _Actor, right: _Actor) -> bool:
    """Only coordinators (and a determiner: "Israel and the United States") in between."""
    between = range(left.end, right.first)
    if not 1 <= len(between) <= 3:
        return False
    roles = [s.roles[i][0] for i in between]
    return any("coord" in r for r in roles) and all(r & {"coord", "det"} for r in roles)


# -- form of the event word ----------------------------------------------------------------


def _form(s: _Sentence, trigger: Trigger, lang: str) -> str:
    """ "verb", "noun", "agent" (an attacker is not an attack) or "bare" (the root itself)."""
    word, lemma = s.tokens[trigger.first].lower, s.lemmas[trigger.first]
    if word == lemma:
        return "bare"
    if lang == "id":
        word = word[:-3] if word.endswith("nya") and len(word) > 6 else word  # serangannya
        if word.startswith(_ID_VERB_PREFIXES):
            return "verb"
        if word.endswith("an"):
            return "noun"
        if word.startswith("pe"):
            return "agent"
        return "verb"
    return "noun" if _english_nominal(s, trigger) else "verb"


def _fits(form: str, pos: str) -> bool:
    if form == "agent":
        return False
    return pos == "vn" or form == "bare" or (form == "noun") == (pos == "n")


def _is_nominal(s: _Sentence, trigger: Trigger, lang: str) -> bool:
    pos = trigger.entry.pos
    if pos != "vn":
        return pos == "n"
    form = _form(s, trigger, lang)
    if form == "bare" and trigger.first > 0 and "det" in s.roles[trigger.first - 1][0]:
        return True  # "aksi unjuk rasa", "the attack": a bare word after a noun marker
    if lang == "id" or form == "noun":
        return form == "noun"
    return _english_nominal(s, trigger)


def _english_nominal(s: _Sentence, trigger: Trigger) -> bool:
    word, lemma = s.tokens[trigger.first].lower, s.lemmas[trigger.first]
    previous = s.roles[trigger.first - 1] if trigger.first else (frozenset(), "")
    possessive = trigger.first > 0 and s.tokens[trigger.first - 1].lower in ("'s", "’s")
    bare = word in (lemma, lemma + "s")
    return bare and ("det" in previous[0] or possessive or _after_actor_possessive(s, trigger))


def _after_actor_possessive(s: _Sentence, trigger: Trigger) -> bool:
    """ "Russia's attack": the actor token itself may carry the possessive."""
    for actor in s.actors:
        if actor.end == trigger.first and s.tokens[actor.end - 1].lower.endswith(("'s", "’s")):
            return True
    return False


def _is_passive(s: _Sentence, trigger: Trigger, lang: str) -> bool:
    word = s.tokens[trigger.first].lower
    lemma = s.lemmas[trigger.first]
    if lang == "id":
        return word.startswith(("di", "diper")) and not lemma.startswith("di") and word != lemma
    participle = word.endswith("ed") or word != lemma
    if not participle:
        return False
    for i in range(trigger.first - 1, max(-1, trigger.first - 4), -1):
        if "be" in s.roles[i][0]:
            return True
        if any(a.first <= i < a.end for a in s.actors):
            return False
    return False


# -- arguments -------------------------------------------------------------------------------


def _clause_start(s: _Sentence, position: int) -> int:
    for i in range(position - 1, -1, -1):
        if "clause" in s.roles[i][0]:
            return i + 1
    return 0


def _clause_end(s: _Sentence, position: int) -> int:
    for i in range(position, len(s.tokens)):
        if (
            "clause" in s.roles[i][0]
            and s.tokens[i].text in (";", ":")
            or s.roles[i][1]
            in (
                "bahwa",
                "that",
            )
        ):
            return i
    return len(s.tokens)


def _subject(s: _Sentence, trigger: Trigger, discourse: _Discourse) -> list[EventActor]:
    """The side doing the act: the nearest actor before the word, not inside a prepositional
    phrase and not the object of an earlier event word; else a pronoun's referent."""
    start = _clause_start(s, trigger.first)
    verb_heads = {
        t.first for t in s.triggers if t.first < trigger.first and not _is_nominal(s, t, s.lang)
    }
    for actor in reversed([a for a in s.actors if start <= a.first and a.end <= trigger.first]):
        if actor.prep is not None or _is_city(actor):
            continue
        object_of_verb = any(
            h < actor.first and _only_filler(s, h + 1, actor.first) for h in verb_heads
        )
        # the object of an earlier verb ("menyerang Iran dan menewaskan ...") is not the
        # subject, unless this word follows it at once: "mengundang Prabowo berkunjung",
        # "urged Russia to stop", "menuduh Rusia melanggar"
        if object_of_verb and not _controls(s, actor.end, trigger.first):
            continue
        head = _apposition_head(s, actor)
        return [a.actor for a in s.groups[(head or actor).group]]
    return _pronoun(s, start, trigger.first, discourse)


def _conditional(s: _Sentence, trigger: Trigger) -> bool:
    """ "... jika Israel kembali menyerang": an event stated as a condition has not happened."""
    start = max(_clause_start(s, trigger.first), trigger.first - _CONDITION_REACH)
    return any("condition" in s.roles[i][0] for i in range(start, trigger.first))


def _controls(s: _Sentence, end: int, verb: int) -> bool:
    """ "mengundang Prabowo berkunjung", "urged Russia to stop": the object is the subject of
    a verb that follows at once; not across a comma or "dan" ("membunuh warga, mengusir")."""
    between = range(end, verb)
    return len(between) <= _CONTROL_GAP and not any(
        s.tokens[i].text in _PUNCTUATION_BREAKS or "coord" in s.roles[i][0] for i in between
    )


def _apposition_head(s: _Sentence, actor: _Actor) -> _Actor | None:
    """ "China, the junta's main backer, sent ...": the actor inside the commas describes the
    one before them, which is the subject."""
    comma = next(
        (
            i
            for i in range(actor.first - 1, max(-1, actor.first - 5), -1)
            if s.tokens[i].text == ","
        ),
        None,
    )
    if comma is None:
        return None
    before = [a for a in s.actors if a.end == comma]
    return before[0] if before and before[0].prep is None else None


def _is_city(actor: _Actor) -> bool:
    """A city with no sector ("Jakarta Utara") is where things happen, not who does them; it
    may still be where someone goes ("tiba di Jakarta")."""
    return actor.kind == "metonym" and actor.actor.sector is None


def _only_filler(s: _Sentence, first: int, end: int) -> bool:
    return end - first <= 2 and not any(s.roles[i][0] for i in range(first, end))


def _pronoun(s: _Sentence, start: int, end: int, discourse: _Discourse) -> list[EventActor]:
    for i in range(end - 1, start - 1, -1):
        roles = s.roles[i][0]
        if "person" in roles and discourse.person is not None:
            return [discourse.person]
        if "group" in roles and len(discourse.pair) == 2:
            return list(discourse.pair)
        if "speaker" in roles:
            return _speaker(s)
    return []


def _speaker(s: _Sentence) -> list[EventActor]:
    """'"Kami akan membalas," kata juru bicara Hamas': "kami"/"we" is the quoted speaker,
    the actor next to the attribution verb."""
    for cue in s.cues:
        if cue.kind != "attribution":
            continue
        near = [
            a
            for a in s.actors
            if a.prep is None and (0 <= a.first - cue.last <= 1 or 0 <= cue.first - a.end <= 1)
        ]
        if near:
            return [near[0].actor]
    return []


def _after(
    s: _Sentence, trigger: Trigger, allowed: Iterable[str], discourse: _Discourse | None = None
) -> list[EventActor]:
    """The first actor group after the word that the entry accepts as target; else "both
    sides"/"kedua pihak" (the pair just named); else the subject of a "that" clause right
    after the word ("demanded that Manila withdraw")."""
    found = _first_after(s, trigger, set(allowed))
    if found or "obj" not in allowed:
        return found
    window = range(trigger.end, min(len(s.tokens), trigger.end + 3))
    pair = discourse.pair if discourse is not None else []
    if len(pair) == 2 and any("group" in s.roles[i][0] for i in window):
        return list(pair)
    return _that_clause_subject(s, trigger) or _earlier_doer(s, trigger, discourse)


def _earlier_doer(s: _Sentence, trigger: Trigger, discourse: _Discourse | None) -> list[EventActor]:
    """ "mengecam serangan tersebut", "condemned the attack": an event noun as the object,
    with no actor of its own, is the event reported before; its doer is the target."""
    if discourse is None or trigger.entry.cameo[:2] not in _ABOUT_EVENT_ROOTS:
        return []
    for noun in s.triggers:
        if not (trigger.end <= noun.first <= trigger.end + 2 and _is_nominal(s, noun, s.lang)):
            continue
        if any(a.first >= noun.end and a.first <= noun.end + 1 for a in s.actors):
            return []  # "mengecam serangan Israel": the noun names its own doer
        root = noun.entry.cameo[:2]
        for event in reversed(discourse.events):
            if event.cameo[:2] == root and event.start < s.start:
                return [event.source]
    return []


def _that_clause_subject(s: _Sentence, trigger: Trigger) -> list[EventActor]:
    if trigger.entry.cameo[:2] in ("01", "02"):
        return []  # "said that X ...": the statement is not done to X
    end = trigger.end
    if end < len(s.tokens) and s.roles[end][1] in ("that", "bahwa", "agar", "supaya"):
        for actor in s.actors:
            if actor.first in (end + 1, end + 2) and actor.prep is None:
                return [a.actor for a in s.groups[actor.group]]
    return []


def _first_after(s: _Sentence, trigger: Trigger, allowed: set[str]) -> list[EventActor]:
    end = min(_clause_end(s, trigger.end), trigger.end + _OBJECT_REACH)
    # "mengecam serangan Israel": an event noun right after the word is its object, and
    # the actor of that event is the target; later event words further on end the search
    later_heads = [
        t.first
        for t in s.triggers
        if t.first >= trigger.end and not (t.first <= trigger.end + 1 and _is_nominal(s, t, s.lang))
    ]
    relatives = [i for i in range(trigger.end, end) if "relative" in s.roles[i][0]]
    stop = min([end, *later_heads, *relatives])
    event_object = any(
        trigger.end <= t.first <= trigger.end + 1 and _is_nominal(s, t, s.lang) for t in s.triggers
    )
    for actor in s.actors:
        # a pattern may spell out its object ("~bubar ... massa"): actors inside the match
        # after the event word count as following it
        if actor.first <= trigger.first or actor.first >= stop:
            continue
        if event_object and actor.prep == "agent":
            return [a.actor for a in s.groups[actor.group]]  # "condemned an attack by X"
        if actor.prep is None and "obj" in allowed:
            return [a.actor for a in s.groups[actor.group]]
        if actor.prep == "prep" and actor.prep_word in allowed:
            return [a.actor for a in s.groups[actor.group]]
        if actor.prep == "between":
            return [a.actor for a in s.groups[actor.group]]
    return []


def _agent(s: _Sentence, trigger: Trigger) -> list[EventActor]:
    later_heads = [t.first for t in s.triggers if t.first >= trigger.end]
    end = min([_clause_end(s, trigger.end), *later_heads])
    for actor in s.actors:
        if trigger.end <= actor.first < end and actor.prep == "agent":
            return [a.actor for a in s.groups[actor.group]]
    return []


def _bare_agent(s: _Sentence, trigger: Trigger) -> list[EventActor]:
    """ "dijarah massa": an Indonesian passive may name its doer right after the verb."""
    for actor in s.actors:
        if actor.prep is None and trigger.end <= actor.first <= trigger.end + 1:
            return [a.actor for a in s.groups[actor.group]]
    return []


def _verbal_arguments(s, trigger, entry: Entry, passive: bool, discourse):
    if passive:
        agent = _agent(s, trigger) or (_bare_agent(s, trigger) if s.lang == "id" else [])
        return agent, _subject(s, trigger, discourse)
    return _subject(s, trigger, discourse), _after(s, trigger, entry.targets, discourse)


def _nominal_arguments(s, trigger, entry: Entry, discourse):
    """ "serangan Israel terhadap Iran", "serangan terhadap Y oleh X", "kunjungan X ke Y",
    "pertemuan antara X dan Y", "Russia's attack on Ukraine"."""
    between = _between_after(s, trigger)
    if between:
        return between, [], True
    genitive = [a for a in s.actors if a.prep is None and trigger.end <= a.first <= trigger.end + 1]
    possessor = [a for a in s.actors if a.end == trigger.first and a.prep is None]
    sources = (
        [a.actor for a in s.groups[genitive[0].group]]
        if genitive
        else [a.actor for a in s.groups[possessor[0].group]]
        if possessor
        else _agent(s, trigger)
    )
    targets = _after(s, trigger, entry.targets - {"obj"})
    if not sources:
        sources = _subject(s, trigger, discourse)
    if not sources and entry.symmetric and targets:
        sources = _first_other(s, targets)
    # "Indonesia dan Australia menggelar pertemuan": after a light verb the noun acts as a
    # verb, so a coordinated subject meets itself
    return sources, targets, _after_light_verb(s, trigger)


def _after_light_verb(s: _Sentence, trigger: Trigger) -> bool:
    return any("light" in s.roles[i][0] for i in range(max(0, trigger.first - 2), trigger.first))


def _between_after(s: _Sentence, trigger: Trigger) -> list[EventActor]:
    for actor in s.actors:
        if trigger.end <= actor.first <= trigger.end + 2 and actor.prep == "between":
            group = s.groups[actor.group]
            return [a.actor for a in group] if len(group) >= 2 else []
    return []


def _first_other(s: _Sentence, targets: list[EventActor]) -> list[EventActor]:
    """For a symmetric noun with one named side ("perang dengan Israel"): the sentence's
    other main actor, even inside a prepositional phrase ("situasi di Iran")."""
    codes = {t.code for t in targets}
    for actor in s.actors:
        if actor.actor.code not in codes and actor.actor.country not in {
            t.country for t in targets
        }:
            return [actor.actor]
    return []


def _pairs(sources, targets, symmetric: bool) -> list[tuple[EventActor, EventActor]]:
    """Source x target pairs; a symmetric event with one coordinated side pairs its members."""
    if not targets and symmetric and len(sources) >= 2:
        return [(a, b) for i, a in enumerate(sources) for b in sources[i + 1 :] if _distinct(a, b)]
    return [(a, b) for a in sources for b in targets if _distinct(a, b)]


def _distinct(a: EventActor, b: EventActor) -> bool:
    """Two sides of an event: not one actor, nor a country and its own government
    ("Zelensky ... antara Rusia dan Ukraina" does not pair Zelensky with Ukraine)."""
    if a.code == b.code:
        return False
    if a.country is None or a.country != b.country:
        return True
    return (a.sector or "GOV") != (b.sector or "GOV")  # a country acts through its government


# -- flags, dates, places ------------------------------------------------------------------


def _flags(s: _Sentence, trigger: Trigger, lang: str) -> dict:
    start = _clause_start(s, trigger.first)
    negated = intended = hedged = expected = background = False
    for cue in s.cues:
        if cue.kind == "background":
            background = True
        if cue.last > trigger.first or cue.first < start:
            continue
        distance = trigger.first - cue.last
        # "denied wrongdoing and accused ...": a cue does not reach past "and" to the next verb
        coordinated = any(s.roles[i][1] in _CONJUNCTIONS for i in range(cue.last, trigger.first))
        if cue.kind == "negation" and distance <= _NEGATION_REACH and not coordinated:
            negated = True
        elif cue.kind == "intention" and distance <= _INTENTION_REACH and not coordinated:
            intended = True
        elif cue.kind == "hedge":
            hedged = True
        elif cue.kind == "expectation":
            expected = True
    modality = (
        "intended" if intended else "hedged" if hedged else "expected" if expected else "asserted"
    )
    return {"negated": negated, "modality": modality, "background": background}


def _sentence_date(s: _Sentence, text: str, reference: date | None):
    """The first date the sentence states, resolved against the publication date."""
    if reference is None:
        return None
    for mention in find_dates(s.tokens, s.lang, reference, text):
        if mention.resolved is not None:
            s.date_doubtful = mention.resolved.weekday_mismatch
            return mention.resolved.date.isoformat(), mention.resolved.precision
    return None


def _forward(when: str | None, precision: str | None, reference: date | None) -> str | None:
    """A planned event is not in the past: "akan bertemu pada Jumat" read back to last
    Friday (the resolver's default for a bare weekday) means next Friday."""
    if not when or precision != "day" or reference is None:
        return when
    day = date.fromisoformat(when)
    if 0 < (reference - day).days < 7:
        return (day + timedelta(days=7)).isoformat()
    return when


def _is_past(when: str | None, precision: str | None, reference: date | None) -> bool:
    """An event dated well before the article is background (a week's grace for days)."""
    if not when or reference is None or precision in (None, "publication"):
        return False
    moment = date.fromisoformat(when[:10]) if len(when) >= 10 else None
    if moment is None:
        return False
    grace = {"day": 7, "week": 14, "month": 45, "year": 366}.get(precision, 7)
    return (reference - moment).days > grace


def _place_target(
    s: _Sentence, trigger: Trigger, sources, places: Places, named: set[str]
) -> list[EventActor]:
    """The country of the first place named after the event word, if not the doer's own and
    if the article names that country (a village that shares a far city's name is not it)."""
    own = {a.country for a in sources}
    tokens = s.tokens
    i = trigger.end
    while i < min(len(tokens), trigger.end + _OBJECT_REACH):
        words = []
        for token in tokens[i : i + places.longest]:
            if not token.text[:1].isupper():
                break
            words.append(token.text)
        found = places.lookup(words) if words else None
        if found is not None and found[0].country not in own and found[0].country in named:
            place = found[0]
            return [EventActor(place.country, place.country, None, place.name)]
        i += max(1, len(words))
    return []


def _place_of(s: _Sentence, places: Places) -> str | None:
    """Where: the first known place after "di"/"in"/"at"/"near" ("di Jenewa" -> Geneva)."""
    for i, (roles, _) in enumerate(s.roles):
        if "place" not in roles:
            continue
        words = []
        for token in s.tokens[i + 1 : i + 1 + places.longest]:
            if not token.text[:1].isupper():
                break
            words.append(token.text)
        found = places.lookup(words) if words else None
        if found is not None:
            return found[0].name
    return None


def _confidence(nominal: bool, flags: dict, sources, targets) -> float:
    score = 0.85 if not nominal else 0.7
    if flags["modality"] in ("hedged", "expected"):
        score -= 0.15
    if len(sources) > 1 or len(targets) > 1:
        score -= 0.05
    return max(0.1, min(1.0, score))


def _reference_date(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def _outside_dateline(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Jakarta, KabarUji.id -" names where the report was filed, not an actor."""
    dateline = parse_dateline(text[:200])
    if dateline is None:
        return mentions
    return [m for m in mentions if m.start >= dateline.end]


def _without_credits(mentions: list[Mention], credited: list[str]) -> list[Mention]:
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


def _first_full_date(tokens: list[Token], text: str, lang: str) -> date | None:
    """Without a publication date, the first date printed with its year anchors the rest."""
    for mention in find_dates(tokens[:_ANCHOR_TOKENS], lang, date.today(), text):
        resolved = mention.resolved
        if resolved and resolved.precision == "day" and _YEAR.search(mention.text):
            return resolved.date
    return None


def _home_country(article: Article, gazetteer: Gazetteer, lang: str) -> str | None:
    """Whose police and ministers an unqualified "polisi" or "menteri" are."""
    if article.dateline:
        for mention in gazetteer.find(article.dateline):
            if mention.actor.country:
                return mention.actor.country
    return _HOME_COUNTRY.get(lang)


def _borrow_targets(found: list[list[Event]]) -> list[list[Event]]:
    """Give target-less events the targets of a sibling event with the same source; drop the
    ones that find none (an event needs someone it is done to)."""
    out = []
    for index, batch in enumerate(found):
        # a later event lends ("melakukan mediasi dengan menghubungi X"), and so does a
        # symmetric one ("Israel and Hamas agreed to a prisoner exchange"); an earlier
        # one-sided act does not ("appealed to Russia to end the war")
        lenders = [
            e
            for position, other in enumerate(found)
            for e in other
            if e.target is not None and (position > index or e.symmetric)
        ]
        kept = []
        for event in batch:
            if event.target is not None:
                kept.append(event)
                continue
            for lender in lenders:
                if lender.source.code == event.source.code:
                    kept.append(
                        replace(event, target=lender.target, confidence=event.confidence - 0.2)
                    )
        out.append(kept)
    return out


def _unique(events: Sequence[Event]) -> list[Event]:
    """One event per (source, target, code, date, negation); two symmetric events of one
    kind between the same pair (a call reported from each side, "menghubungi" and "dalam
    panggilan telepon") are one event."""
    seen: set[tuple] = set()
    out = []
    for event in events:
        target = str(event.target.code if event.target else None)
        if event.symmetric:
            key = (tuple(sorted((event.source.code, target))), event.cameo[:2], "sym")
        else:
            key = ((event.source.code, target), event.cameo)
        key += (event.date, event.negated)
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out
