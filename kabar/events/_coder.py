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

Only sentences holding both an event word and an actor pay for steps 4-5. The steps live
in ``_layout`` (1-2), ``_lexicon`` (3), ``_arguments`` (4) and ``_qualities`` (5); this
module runs them and merges what they find.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from ..actors import Gazetteer, Places
from ..lang import find_cues, get_pack, split_sentences, tokenize
from ..models import Article, Event, EventActor
from ..ontology import CameoCode, Ontology, intent_code
from ..settings import Settings
from ._arguments import (
    actor_pairs,
    after_light_verb,
    clause_start,
    conditional,
    distinct,
    fits,
    in_noun_phrase,
    is_mutual,
    is_nominal,
    is_passive,
    marked_targets,
    nominal_arguments,
    participle_clause,
    passive_words,
    place_target,
    settlement_target,
    sides_between,
    speaker,
    verbal_arguments,
    word_form,
)
from ._discards import Discards
from ._grammar import function_words
from ._layout import (
    PUNCTUATION_BREAKS,
    Discourse,
    PlacedActor,
    Sentence,
    anaphors,
    first_full_date,
    govern,
    group_actors,
    home_country,
    outside_dateline,
    place_actors,
    reference_date,
    remembered_roles,
    with_acronyms,
    without_credits,
)
from ._lexicon import Entry, Lexicon, Trigger
from ._qualities import (
    NOT_ITS_DATE,
    cue_flags,
    describing_clause,
    event_date,
    is_past,
    place_of,
    score_confidence,
    sentence_date,
)

# Force used on a place is force used on its country ("membombardir Fordow", "struck
# Kharkiv"); aid sent to a place is aid to its country ("bantuan darurat ke Cebu")
_PLACE_TARGET_ROOTS = frozenset({"07", "15", "17", "18", "19", "20"})

# "sepakat untuk segera memperkuat kerja sama": how far after an intention word the act it
# announces may begin
_ANNOUNCED_REACH = 4

# "rejected his overtures, saying it has no interest in talks with Seoul", "warned that
# Washington would not continue trade talks with the two countries": a rejection or a
# threat may take the target of the cooperative act it rejects or threatens
_REJECTIONS = frozenset({"12", "13", "16"})

# Appeals, demands and threats whose complement states what they ask for or threaten
_CONTENT_ROOTS = frozenset({"02", "10", "13"})
# "mengundang Putin untuk berkunjung": what an invitation asks for is its content too
_INVITATIONS = frozenset({"036"})
_COMPLEMENTIZERS = frozenset({"untuk", "agar", "supaya", "bahwa", "to", "that"})

# A day stated at most this many days before publication dates the sentences after it too
_CARRIED_DAY_REACH = 7

# "what he called "terrorist" Ukrainian attacks": how far after the label cue its noun may be
_LABEL_REACH = 5

# "Hours before the meeting": how far after the cue the event noun may be
_NAMED_ACT_REACH = 2

# "keesokan harinya", "the previous day": a sentence a day off the story's last day
_DAY_SHIFTS = {"next_day": 1, "prior_day": -1}

# "called Pezeshkian on Monday to discuss ...": what may follow the person called or
# received: these words, or a function word of these roles ("di Istana", "dan")
_GOING_ON = frozenset({"prep", "place", "coord", "clause", "agent"})
_AFTER_WHOM = frozenset(
    {".", ",", ";", "on", "by", "to", "about", "over", "and", "late", "last", "earlier"}
    | {"yesterday", "today", "after", "before", "for", "in", "from", "this", "during", "twice"}
)

# "sepakat menurunkan tarif": an agreement announcing an act the agreeing sides do together
_AGREE_ROOT = "03"

# "Tokyo juga mengecam": how far before its event word "also" may stand
_ALSO_REACH = 3

# A missile test or an alert with no one named is aimed at the country the story is told from
_SHOWS_OF_FORCE = frozenset({"150", "151", "152"})

# "yang menewaskan", "which has reportedly killed": the outcome verb right after the relative
_OUTCOME_REACH = 3

# Deployments and alerts
_POSTURE_ROOT = "15"

# Freeing captives and taking hostages: the captives are the other side's
_CAPTIVE_CODES = frozenset({"084", "0841", "181"})

# Force used on villages and homes falls on civilians
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})

# Protests whose protesters no one names; what a protest rejects or demands
_PROTEST_ROOT = "14"
_PROTEST_CONTENT = frozenset({"10", "11", "12"})

# Talks with no partner named, held in another state's capital, are with that state
_TALKS_ROOT = "04"
_HOST_REACH = 3

# Symmetric events merge by root, except these, which keep their own kind
_RELATION_KINDS = {
    "040": "040",
    "041": "040",
    **{code: code for code in ("043", "044", "045", "046", "060", "061", "062", "063", "064")},
}

# A meeting, a visit and a plan to meet between one pair in one sentence are one encounter
_ENCOUNTERS = frozenset({"036", "040", "042", "043", "044"})

# "membahas penguatan kerja sama ekonomi": how far before its topic the talk word may be
_TOPIC_REACH = 3

# "accused of helping": an accusation and the words that join it to the act it alleges
_ACCUSATION = "112"
_ALLEGED_LINKS = frozenset({"of", "atas", "telah"})

# "urged the international community to help": at most this many words of addressee
_ADDRESSEE_WORDS = 3

# Aid and pledges of aid with no recipient named go to the country the story is about
_AID_ROOTS = frozenset({"07"})
_AID_PLEDGES = frozenset({"033", "0331", "0332", "0333", "0334"})

# Deployments and alerts are aimed at whoever the story's latest conflict or protest is with
_FORCE_POSTURE_ROOTS = frozenset({"15"})

# Investigations and coercion (searches, seizures, arrests) go on against the side the same
# authority last acted on, else, when the sentence names the unrest, against the other side
# of the latest clash or protest ("351 orang diamankan dalam kericuhan itu")
_LEGAL_ROOTS = frozenset({"09", "17"})

# ... when that authority's last act was reported at most this many characters before
_CONTINUED_OPERATION_REACH = 600

# Words that stand for the pair of sides the story named last
_PAIR_ROLES = frozenset({"group", "leaders", "forces"})

# How far after a use of force the country it happened in may be named
_OBJECT_REACH = 14

# Mentions that are names: an event word inside one is part of the name
_NAMED_KINDS = frozenset({"organization", "group", "person", "country", "metonym"})

# What an event of a user's code that CAMEO lacks (PETRARCH's test verbs) carries
_UNKNOWN_CODE = CameoCode("", "", "not a CAMEO code", 0.0, 0, None, None)


@dataclass
class Coder:
    """Codes articles in the languages it has lexicons for."""

    settings: Settings
    gazetteer: Gazetteer | None = None
    places: Places = field(default_factory=Places.load)
    ontology: Ontology = field(default_factory=Ontology.load)
    lexicons: dict[str, Lexicon] = field(default_factory=dict)
    discards: Discards = field(default_factory=Discards)  # text not to code (PETRARCH's)

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
        if self.discards.story_discarded(text):
            return []
        tokens = tokenize(text, lang)
        reference = reference_date(article) or first_full_date(tokens, text, lang)
        mentions = self.gazetteer.find(text, on=reference)
        starts = [t.start for t in tokens]
        events: list[Event] = []
        discourse = Discourse(countries={m.actor.country for m in mentions if m.actor.country})
        home = home_country(article, self.gazetteer, lang, mentions)
        discourse.home = home
        mentions = without_credits(outside_dateline(text, mentions), article.cited_sources)
        mentions = with_acronyms(text, mentions, home, lang)
        mentions = remembered_roles(text, mentions, home, lang)
        for start, end in split_sentences(text, lang):
            if self.discards.sentence_discarded(text[start:end]):
                continue
            first = bisect.bisect_left(starts, start)
            last = bisect.bisect_left(starts, end)
            sentence = self._sentence(
                text, start, end, tokens[first:last], mentions, lang, home, reference, discourse
            )
            coded: list[Event] = []
            if sentence is not None and sentence.actors and not sentence.triggers:
                # "MK, Selasa lalu, memutuskan ...": the day a sentence with no event names
                # is still the day the next ones count from ("Sehari kemudian, ...")
                self._note_date(sentence, text, reference, discourse)
            if sentence is not None and sentence.triggers:
                # "United States" holds no "states" (says): a cue inside a name is none
                sentence.cues = [
                    c
                    for c in find_cues(sentence.tokens, lang, text)
                    if not any(a.first <= c.first and c.last <= a.end for a in sentence.actors)
                ]
                sentence.triggers = [
                    t
                    for t in sentence.triggers
                    if not _a_noun(sentence, t)
                    and not _an_adjective(sentence, t)
                    and ("whom" not in t.entry.flags or _whom(sentence, t))
                ]
                sentence.date = self._date(sentence, text, reference, discourse)
                found = []
                for trigger in sentence.triggers:
                    batch = self._events(
                        text, sentence, trigger, lang, discourse, reference, article
                    )
                    found.append(batch)
                    sentence.events_so_far.extend(e for e in batch if e.target is not None)
                # what an appeal or a threat asks for lends it a target, then is dropped
                content = [_content_of(sentence, t) for t in sentence.triggers]
                coded = [
                    event
                    for batch, inner in zip(_borrow_targets(found, sentence), content, strict=True)
                    if not inner
                    for event in batch
                ]
                events.extend(coded)
                discourse.events = events
            if sentence is not None:
                discourse.update(sentence, coded)
        return _unique(events)

    @staticmethod
    def _note_date(s: Sentence, text: str, reference, discourse: Discourse) -> None:
        """Record the date a sentence without events states: "Sehari kemudian" counts from
        it; it is not carried to the sentences after it, like a background date."""
        stated = sentence_date(s, text, reference)
        if stated is not None:
            discourse.last_date = stated  # for "Sehari kemudian", not carried on its own

    @staticmethod
    def _date(s: Sentence, text: str, reference, discourse: Discourse):
        """A stated date; else the day the story last named, unless the sentence looks back
        ("sebelumnya", "last year"): reporters date the lead and let it carry."""
        stated = sentence_date(s, text, reference)
        if stated is not None:
            discourse.last_date = stated
            if stated[1] == "day" and _news_of_the_day(stated[0], reference):
                discourse.day = stated
            return stated
        if any(cue.kind == "then" for cue in s.cues):
            return discourse.last_date  # "Saat itu, pasukan Myanmar membunuh ..."
        for cue in s.cues:
            if cue.kind == "hours_apart" and (day := _day_of_named_act(s, cue, discourse)):
                return day  # "Hours before the meeting, Putin accused ..."
        for cue in s.cues:
            if cue.kind in _DAY_SHIFTS:  # "keesokan harinya", "the previous day"
                # "Sehari kemudian": after the date just told; "malam sebelumnya": before
                # the story's day
                last = discourse.last_date if cue.kind == "next_day" else discourse.day
                base = last if last and last[1] == "day" else discourse.day
                if not (base and base[1] == "day") and reference is not None:
                    base = reference.isoformat(), "day"
                return _shifted(base, _DAY_SHIFTS[cue.kind])
        if any(cue.kind == "background" for cue in s.cues):
            return None
        return discourse.day

    # -- a sentence laid out ---------------------------------------------------------------

    def _sentence(
        self, text, start, end, tokens, mentions, lang, home, reference, discourse=None
    ) -> Sentence | None:
        if not tokens:
            return None
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        pack = get_pack(lang)
        lemmas = [pack.lemma(t.lower) for t in tokens]
        roles = function_words(lang).roles(tokens)
        earlier = [m for m in mentions if m.end <= start]
        actors = place_actors(text, inside, tokens, home, lang, earlier)
        # "bendera Korea Selatan", "American flags": a thing's origin, not an actor, nor the
        # country of a role near it
        things = [a for a in actors if _of_a_thing(a, actors, roles, lang)]
        if things:
            spans = [(tokens[a.first].start, tokens[a.end - 1].end) for a in things]
            inside = [m for m in inside if not any(b <= m.start < e for b, e in spans)]
            actors = place_actors(text, inside, tokens, home, lang, earlier)
        # "kedua militer", "kedua pemimpin": the pair the story named, not a new actor
        actors = [a for a in actors if not _in_a_pair_phrase(a, roles)]
        referred = anaphors(roles, actors, discourse)
        # "kelompok bersenjata itu" refers to the group named before, not to a new one
        actors = [a for a in actors if not any(_overlap(a, r) for r in referred)]
        actors = sorted(actors + referred, key=lambda a: a.first)
        someone = actors or (discourse is not None and discourse.resolves(roles))
        they_only = not someone and discourse is not None and discourse.they_resolve(roles)
        someone = someone or they_only
        names = [(a.first, a.end) for a in actors]
        passives = passive_words(tokens, lemmas, roles, lang)
        triggers = self.lexicons[lang].triggers(tokens, names, passives) if someone else []
        triggers = [t for t in triggers if not _inside_a_name(t, actors)]
        sentence = Sentence(lang, start, end, tokens, lemmas, roles, actors, [], triggers)
        sentence.they_only = bool(they_only)
        govern(sentence)
        sentence.groups = group_actors(sentence)
        return sentence

    # -- one event word --------------------------------------------------------------------

    def _events(
        self, text, s: Sentence, trigger: Trigger, lang, discourse, reference, article
    ) -> list[Event]:
        entry = trigger.entry
        if not fits(word_form(s, trigger, lang), entry.pos) or conditional(s, trigger):
            return []
        if "same" in entry.flags:
            entry = _the_same_act(entry, discourse, s)  # "took the same step"
            if entry is None:
                return []
        if (
            _announces_another(s, trigger)
            or _a_topic(s, trigger)
            or _its_outcome(s, trigger)
            or _means_of_force(s, trigger)
        ):
            return []
        if _labelled(s, trigger):
            return []
        nominal = is_nominal(s, trigger, lang)
        passive = not nominal and is_passive(s, trigger, lang)
        if trigger.fronted is not None and not passive:
            return []  # the object words before the verb only make sense in the passive
        if nominal:
            sources, targets, paired = nominal_arguments(s, trigger, entry, discourse)
            sources = sources or _unnamed_protesters(entry, discourse)
        else:
            sources, targets = verbal_arguments(s, trigger, entry, passive, discourse)
            if trigger.fronted is not None and not _fronted_actor(s, trigger):
                # the passive's subject is the thing acted with ("Sanctions were imposed on
                # Russia by the EU", "wilayah yang dikuasai organisasi teroris"): the side
                # acted on is the one a target preposition marks, if any; two-sided acts
                # are between their doers ("Deklarasi itu ditandatangani Anutin dan Hun Manet")
                targets = [] if entry.symmetric else marked_targets(s, trigger, entry)
                if entry.symmetric and not sources:
                    sources = sides_between(s, trigger)  # "Talks were held between X and Y"
            if not sources and not passive:
                sources = _noun_subject(s, trigger, discourse)
            paired = True
        # a target that is no other side than the source (its own city) is no target
        if "same" in trigger.entry.flags and s.same_target is not None:
            targets = [s.same_target]
        targets = [t for t in targets if any(distinct(src, t) for src in sources)]
        if entry.cameo[:2] in _AID_ROOTS or entry.cameo in _AID_PLEDGES:
            # "bantuan untuk korban gempa di Cebu": victims whose country no one names near
            # them are no aid sent to the donor's own people
            own = {a.country for a in sources}
            targets = [t for t in targets if not (t.sector == "CVL" and t.country in own)]
        if sources and not targets and entry.cameo[:2] in _PLACE_TARGET_ROOTS:
            targets = place_target(s, trigger, sources, self.places, discourse.countries)
            if not (targets or nominal and not after_light_verb(s, trigger)):
                targets = _country_where(s, trigger, sources)
        if sources and not targets and entry.cameo[:2] in _VIOLENT_ROOTS:
            targets = settlement_target(s, trigger, sources, self.places, discourse)
        if sources and not targets and entry.cameo[:2] == _TALKS_ROOT and len(sources) == 1:
            targets = _host_capital(s, trigger, sources)
        if sources and not targets:
            targets = _implied_targets(s, entry, sources, discourse, passive, nominal)
        if sources and not targets and "same" not in entry.flags:
            targets = _again(s, entry, sources, discourse)
        if entry.cameo in _CAPTIVE_CODES:
            targets = [_captives_side(t, sources, s, discourse) for t in targets]
        entry = _for_sources(entry, sources)
        if entry is None:
            return []
        # "X dan Y sepakat" pairs X with Y; a noun does so only for "antara X dan Y"
        mutual = is_mutual(s, trigger) or (
            len(sources) >= 2 and not targets and _agreed_together(s, trigger)
        )
        if s.they_only and not (entry.symmetric or mutual):
            return []  # "Mereka menyerang ...": "they" alone stands for the pair only together
        if mutual and len(sources) >= 2:
            targets = []  # "kedua militer saling tembak": the side acts on itself
        pairs = actor_pairs(sources, targets, (entry.symmetric and paired) or mutual)
        if not pairs:
            # "melakukan mediasi dengan menghubungi X": an act with no target of its own may
            # take the targets of another event of the same source in the sentence
            pairs = [(src, None) for src in sources]
        if not pairs:
            return []
        flags = cue_flags(s, trigger, lang)
        own = event_date(s, trigger, planned=flags["modality"] in ("intended", "expected"))
        published = (article.published, "publication") if article.published else (None, None)
        if own == NOT_ITS_DATE:
            own = None
            when, precision = published  # the sentence dates the act reacted to
        else:
            when, precision = _day_after(s, trigger, published) or own or s.date or published
        background = flags["background"] or is_past(when, precision, reference)
        place = place_of(s, self.places, trigger)
        confidence = score_confidence(nominal, flags, sources, targets) - 0.2 * s.date_doubtful
        evidence = text[s.start : s.end]
        events = []
        modality = "asserted" if "literal" in entry.flags else flags["modality"]
        for src, tgt, raw in _both_ways(pairs, entry):
            code, cameo = self._coded(raw, modality)
            events.append(
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
                    # both ways coded apart ("[031:031]") are two events, not one merged
                    symmetric=(entry.symmetric or mutual) and not entry.reverse,
                )
            )
        return events

    def _coded(self, raw: str, modality: str) -> tuple[str, CameoCode]:
        """The code (an intention's 03x when intended) and its CAMEO record; a user's
        dictionary (PETRARCH's validation verbs) may use codes CAMEO lacks."""
        code = intent_code(raw) if modality == "intended" and raw in self.ontology else raw
        return code, self.ontology.get(code) if code in self.ontology else _UNKNOWN_CODE


def _fronted_actor(s: Sentence, trigger: Trigger) -> bool:
    """Whether the object words a passive's entry matched before it lie in an actor."""
    return any(a.first <= trigger.fronted < a.end for a in s.actors)


def _an_adjective(s: Sentence, trigger: Trigger) -> bool:
    """ "released a detained French citizen", "the wounded soldiers": an English participle
    between a determiner and the noun it describes is no event word."""
    i = trigger.first
    if s.lang != "en" or trigger.end != i + 1 or not s.tokens[i].lower.endswith("ed"):
        return False
    if i == 0 or i + 1 >= len(s.tokens) or not s.roles[i - 1][0] & {"det", "quantity"}:
        return False
    after = s.tokens[i + 1].text
    return after[:1].isalpha() and not s.roles[i + 1][0]


def _whom(s: Sentence, trigger: Trigger) -> bool:
    """ "Erdogan called Pezeshkian on Monday", "Prabowo menerima Macron di Istana": a person
    (or a government role) right after the word, and after them only the end of the clause
    or a word that goes on about the act ("to discuss", "on Monday", "di Istana"), not what
    they were called ("a war criminal")."""
    whom = next((a for a in s.actors if a.first == trigger.end), None)
    if whom is None or not (whom.kind == "person" or whom.actor.sector == "GOV"):
        return False
    if whom.end >= len(s.tokens):
        return True
    roles, word = s.roles[whom.end]
    if word in _AFTER_WHOM or s.tokens[whom.end].lower in _AFTER_WHOM:
        return True
    return bool(roles & _GOING_ON) and "det" not in roles


def _labelled(s: Sentence, trigger: Trigger) -> bool:
    """ "a response to what he called terrorist Ukrainian attacks": an event word a few words
    after a label cue is the speaker's word for an act, not an act the report vouches for."""
    return any(c.kind == "label" and 0 <= trigger.first - c.last <= _LABEL_REACH for c in s.cues)


def _a_noun(s: Sentence, trigger: Trigger) -> bool:
    """A verb dictionary's word read as a noun ("a brief visit", "for the reopening of"):
    no event word, so it neither codes nor ends the search for another's object."""
    if "verbal" not in trigger.entry.flags:
        return False
    return is_nominal(s, trigger, s.lang) or in_noun_phrase(s, trigger)


def _for_sources(entry: Entry, sources: list) -> Entry | None:
    """A PETRARCH pattern asking for a coordinated subject ("% HAVE * [191]") that found a
    single one falls back to its block's code (none when the block has none)."""
    if "compound" not in entry.flags or len(sources) >= 2:
        return entry
    if entry.alone is None:
        return None
    return replace(entry, cameo=entry.alone, symmetric=False, reverse=None)


def _both_ways(pairs: list, entry: Entry) -> list[tuple]:
    """(source, target, code) of each pair, and for a code with a way back ("[032:033]":
    the visit, and the hosting of it) the pair reversed with that code."""
    coded = [(src, tgt, entry.cameo) for src, tgt in pairs]
    if not entry.reverse:
        return coded
    return coded + [(tgt, src, entry.reverse) for src, tgt in pairs if tgt is not None]


def _captives_side(target, sources: list, s: Sentence, discourse: Discourse):
    """ "Hamas freed the last 20 living hostages": captives a side holds or frees are the
    other side's civilians, not its own (the nearest country named is often the captor's):
    the other side of the pair, else another country the sentence names."""
    own = {a.country for a in sources}
    if target.sector != "CVL" or target.country not in own:
        return target
    named = [a.actor for a in s.actors if a.kind == "country"]
    others = [a.country for a in [*discourse.pair, *named] if a.country and a.country not in own]
    if not others:
        return target
    return EventActor(others[0] + "CVL", others[0], "CVL", target.name)


def _unnamed_protesters(entry: Entry, discourse: Discourse) -> list:
    """ "Unjuk rasa menolak kenaikan tunjangan DPR": protesters no one names are the
    opposition of the country the story is told from."""
    home = discourse.home
    if entry.cameo[:2] != _PROTEST_ROOT or not home:
        return []
    return [EventActor(home + "OPP", home, "OPP", "protesters")]


def _noun_subject(s: Sentence, trigger: Trigger, discourse: Discourse) -> list:
    """ "Unjuk rasa menolak kenaikan tunjangan": an event noun right before a verb with no
    subject of its own is that verb's subject; its doers act."""
    for noun in s.triggers:
        if noun.end <= trigger.first <= noun.end + 1 and is_nominal(s, noun, s.lang):
            sources, _, _ = nominal_arguments(s, noun, noun.entry, discourse)
            return sources or _unnamed_protesters(noun.entry, discourse)
    return []


def _the_same_act(entry: Entry, discourse: Discourse, s: Sentence) -> Entry | None:
    """ "Britain, Canada and Australia took the same step", "melakukan hal yang sama": the
    act and target of the latest event before, done by a new source."""
    before = [e for e in discourse.events if e.start <= s.start] + list(s.events_so_far)
    if not before:
        return None
    last = before[-1]
    s.same_target = last.target
    return replace(entry, cameo=last.cameo, targets=frozenset())


def _again(s: Sentence, entry: Entry, sources: list, discourse: Discourse) -> list:
    """ "Belgium, Luxembourg, Malta and Monaco also announced their recognition": with
    "also"/"juga" and no target, an act of a code the story reported goes to the same target."""
    if not _also_before(s, entry):
        return []
    own = {(a.country, a.sector) for a in sources}
    for event in reversed(discourse.events):
        target = event.target
        if event.cameo == entry.cameo and target and (target.country, target.sector) not in own:
            return [target]
    return []


def _also_before(s: Sentence, entry: Entry) -> bool:
    """ "also"/"juga" within a few words before the event word it modifies."""
    for trigger in s.triggers:
        if trigger.entry is entry:
            start = max(0, trigger.first - _ALSO_REACH)
            return any("also" in s.roles[i][0] for i in range(start, trigger.first))
    return False


def _day_of_named_act(s: Sentence, cue, discourse: Discourse) -> tuple[str, str] | None:
    """The day of the act an event noun right after the cue names, as the story told it:
    "Hours before the meeting" is the day of the meeting."""
    for noun in s.triggers:
        if not cue.last <= noun.first <= cue.last + _NAMED_ACT_REACH:
            continue
        root = noun.entry.cameo[:2]
        for event in discourse.events:
            if event.cameo[:2] == root and event.date_precision == "day" and event.date:
                return event.date, "day"
    return None


def _shifted(when: tuple[str, str] | None, days: int) -> tuple[str, str] | None:
    """A day moved by a number of days; only a day can be moved."""
    if when is None or when[0] is None or when[1] not in ("day", "publication"):
        return None
    return (date.fromisoformat(when[0][:10]) + timedelta(days=days)).isoformat(), "day"


def _day_after(s: Sentence, trigger: Trigger, published) -> tuple[str, str] | None:
    """ "France recognised Palestine on Monday, a day after Britain took the same step":
    what follows "a day after" happened the day before the sentence's date."""
    for cue in s.cues:
        if cue.kind == "day_after" and cue.last <= trigger.first:
            if any(first >= cue.last for first, _ in s.dates):
                return None  # "a day after Britain did so on Sunday": its own date
            return _shifted(s.date or published, -1)
    return None


def _news_of_the_day(day: str, reference) -> bool:
    """A day the following sentences may inherit: in the week up to the publication date;
    a scheduled day ahead or a background day months back dates only its own sentence."""
    if reference is None:
        return True
    moment = date.fromisoformat(day[:10])
    return 0 <= (reference - moment).days <= _CARRIED_DAY_REACH


def _host_capital(s: Sentence, trigger: Trigger, sources: list) -> list:
    """ "memimpin tim negosiasi di Washington", "talks in Beijing": talks held in another
    state's capital, with no one named, are with that state's government."""
    own = {a.country for a in sources}
    for actor in s.actors:
        if not trigger.end <= actor.first <= trigger.end + _HOST_REACH:
            continue
        capital = actor.kind == "metonym" and actor.actor.sector == "GOV"
        if capital and actor.prep_word in ("di", "in") and actor.actor.country not in own:
            return [actor.actor]
    return []


def _implied_targets(
    s: Sentence,
    entry,
    sources: list,
    discourse: Discourse,
    passive: bool = False,
    nominal: bool = False,
) -> list:
    """Targets the sentence leaves to the story so far:

    * an entry flagged ``pair`` ("memimpin mediasi tersebut", "brokered the talks") is
      between the two sides the story has just named;
    * a show of force ("mengerahkan 1.500 personel untuk mengawal aksi tersebut") is aimed
      at the other side of the latest protest or clash;
    * a search, seizure or arrest with no one named goes on against the same authority's
      last target, else against the other side of the latest protest or clash.
    """
    own = {(a.country, a.sector) for a in sources}
    if "pair" in entry.flags:
        # a noun ("upaya mediasi") takes the story's pair only right after the sentence
        # that named it; further on a mediation noun is often between others
        last = discourse.pair if discourse.fresh_pair or not nominal else []
        sides = _named_pair(s, own) or _same_act_sides(entry, sources, discourse) or last
        return [a for a in sides if (a.country, a.sector) not in own]
    root = entry.cameo[:2]
    if root in _LEGAL_ROOTS:
        for event in reversed(discourse.events):
            if s.start - event.end > _CONTINUED_OPERATION_REACH:
                break
            same = (event.source.country, event.source.sector) in own
            if same and event.target is not None and event.cameo[:2] in _LEGAL_ROOTS:
                return [event.target]  # "tim KPK menyita uang tunai": from its suspect
    unrest = any(t.entry.cameo[:2] in ("14", "19") and is_nominal(s, t, s.lang) for t in s.triggers)
    if root in _FORCE_POSTURE_ROOTS or (root in _LEGAL_ROOTS and unrest):
        for event in reversed(discourse.events):
            side = (event.source.country, event.source.sector)
            if side not in own and event.quad_class in (3, 4):
                return [event.source]
    # (not forces "dikerahkan untuk mengangkut logistik": deployed, not displayed)
    if entry.cameo in _SHOWS_OF_FORCE and not passive and not _for_a_purpose(s, entry):
        return _watcher(s, sources, discourse)
    if "people" in entry.flags and not nominal:  # "declared martial law": on its people
        country = sources[0].country
        return [EventActor(country + "CVL", country, "CVL", "people")] if country else []
    if (entry.cameo[:2] in _AID_ROOTS or entry.cameo in _AID_PLEDGES) and not nominal:
        return _story_country(sources, discourse)
    return []


def _same_act_sides(entry: Entry, sources: list, discourse: Discourse) -> list:
    """ "upaya mediasi Putin ini": the sides of the same act by the same source the story
    reported before (a mediation goes on between the sides it was between)."""
    codes = {a.code for a in sources}
    return list(
        {
            e.target.code: e.target
            for e in discourse.events
            if e.cameo == entry.cameo and e.source.code in codes and e.target is not None
        }.values()
    )


def _story_country(sources: list, discourse: Discourse) -> list:
    """ "India flew in relief supplies": aid no one is named to receive goes to the country
    the story is about (a foreign donor's; the home country does not aid itself)."""
    home = discourse.home
    if home and home not in {a.country for a in sources}:
        return [EventActor(home, home, None, home)]
    return []


def _for_a_purpose(s: Sentence, entry: Entry) -> bool:
    """ "mengerahkan pasukan untuk mengangkut logistik": an act followed by its purpose."""
    for trigger in s.triggers:
        if trigger.entry is entry:
            return any(
                s.roles[i][1] in _COMPLEMENTIZERS
                for i in range(trigger.end, min(len(s.tokens), trigger.end + 3))
            )
    return False


def _watcher(s: Sentence, sources: list, discourse: Discourse) -> list:
    """A missile test or an alert aimed at no one named: "North Korea fired missiles, South
    Korea's military said" is aimed at whoever reports it, else at the country the story is
    told from."""
    own = {a.country for a in sources}
    reporters = [a for a in speaker(s) if a.country and a.country not in own]
    if reporters:
        return reporters[:1]
    return _story_country(sources, discourse)


def _content_of(s: Sentence, trigger: Trigger) -> bool:
    """ "mendesak seluruh pihak untuk menghormati gencatan senjata", "memperingatkan bahwa
    Washington tidak akan melanjutkan perundingan", "urged Pyongyang to stop": what an appeal,
    a demand or a threat asks for or threatens is its content, not an event of its own."""
    if participle_clause(s, trigger):
        return False  # "..., demanding that Anwar step down and accusing his government"
    if _alleged(s, trigger) or _protested(s, trigger):
        return True
    for other in s.triggers:
        content = other.entry.cameo[:2] in _CONTENT_ROOTS or other.entry.cameo in _INVITATIONS
        if other.end > trigger.first or not content:
            continue
        if is_nominal(s, other, s.lang):
            continue
        between = range(other.end, trigger.first)
        if any(s.tokens[i].text in (";", ".") for i in between):
            continue
        if any(s.roles[i][1] in _COMPLEMENTIZERS for i in between):
            return True
        # "meminta negara-negara ASEAN menghentikan pasokan": the addressee, then its act
        told = [a for a in s.actors if other.end <= a.first and a.end <= trigger.first]
        if (
            told
            and trigger.first - told[-1].end <= 1
            and not any(
                s.tokens[i].text == "," or "coord" in s.roles[i][0]
                for i in range(told[-1].end, trigger.first)
            )
        ):
            return True
        # "mendesak masyarakat internasional membantu": an addressee the gazetteer does not know
        if 0 < len(between) <= _ADDRESSEE_WORDS and not any(
            s.roles[i][0] or not s.tokens[i].text[:1].isalpha() for i in between
        ):
            return True
    return False


def _protested(s: Sentence, trigger: Trigger) -> bool:
    """ "Unjuk rasa menolak kenaikan tunjangan", "protests demanding his resignation": what
    a protest rejects or demands says what it is against; it lends the protest its target."""
    if trigger.entry.cameo[:2] not in _PROTEST_CONTENT:
        return False
    return any(
        noun.end <= trigger.first <= noun.end + 1
        and noun.entry.cameo[:2] == _PROTEST_ROOT
        and is_nominal(s, noun, s.lang)
        for noun in s.triggers
    )


def _alleged(s: Sentence, trigger: Trigger) -> bool:
    """ "banks accused of helping Moscow", "dituduh membantu": the act an accusation names
    is what is alleged, not an act the report vouches for."""
    for other in s.triggers:
        if other.end > trigger.first or not other.entry.cameo.startswith(_ACCUSATION):
            continue
        between = [s.roles[i][1] for i in range(other.end, trigger.first)]
        if all(word in _ALLEGED_LINKS for word in between):
            return True
    return False


def _named_pair(s: Sentence, own: set) -> list:
    """Two sides the sentence itself joins with "dan"/"and", not including the source:
    "spoken with Hun Manet and Phumtham ... offered to help broker a truce"."""
    for group in s.groups:
        sides = [a.actor for a in group]
        if len(sides) == 2 and not any((a.country, a.sector) in own for a in sides):
            return sides
    return []


def _announces_another(s: Sentence, trigger: Trigger) -> bool:
    """ "kedua negara sepakat meningkatkan latihan militer", "pledged to send aid": a word
    that is an intention cue before another event word only makes that one an intent."""
    cue = any(
        c.kind == "intention" and c.first <= trigger.first and trigger.end <= c.last for c in s.cues
    )
    return cue and any(trigger.end <= t.first <= trigger.end + _ANNOUNCED_REACH for t in s.triggers)


def _agreed_together(s: Sentence, trigger: Trigger) -> bool:
    """ "Kanada dan Meksiko sepakat menurunkan tarif", "agreed to cut tariffs": an act a
    coordinated side agreed on, with no target of its own, is between its members."""
    return any(
        t.entry.symmetric
        and t.entry.cameo[:2] == _AGREE_ROOT
        and t.end <= trigger.first <= t.end + _ANNOUNCED_REACH
        and not any(s.roles[i][0] & {"clause", "coord"} for i in range(t.end, trigger.first))
        for t in s.triggers
    )


def _its_outcome(s: Sentence, trigger: Trigger) -> bool:
    """ "serangan udara Israel ..., yang menewaskan tujuh pekerja", "the strike, which killed
    seven": a verb of the same root opening the clause that describes an event noun is that
    act's outcome, and one after "untuk"/"to" its aim, not another act."""
    for noun in s.triggers:
        if noun.first >= trigger.first or noun.entry.cameo[:2] != trigger.entry.cameo[:2]:
            continue
        clause = describing_clause(s, noun)
        if clause is not None and clause < trigger.first <= clause + _OUTCOME_REACH:
            return True
    # "bertempur dengan pasukan junta untuk merebut kota": the aim of a fight already coded
    root = trigger.entry.cameo[:2]
    before = range(max(0, trigger.first - 2), trigger.first)
    if not any(s.roles[i][1] in ("untuk", "to") for i in before):
        return False
    start = clause_start(s, trigger.first)
    fight = any(start <= t.first < trigger.first and t.entry.cameo[:2] == root for t in s.triggers)
    return fight and any(e.cameo[:2] == root and e.target is not None for e in s.events_so_far)


def _means_of_force(s: Sentence, trigger: Trigger) -> bool:
    """ "mengerahkan enam jet tempur F-16 yang kemudian membom dua sasaran", "deployed jets
    that bombed": forces deployed to strike are the strike's means, not an act of their own."""
    if trigger.entry.cameo[:2] != _POSTURE_ROOT:
        return False
    for other in s.triggers:
        if other.first <= trigger.first or other.entry.cameo[:2] not in _VIOLENT_ROOTS:
            continue
        between = range(trigger.end, other.first)
        return any("relative" in s.roles[i][0] for i in between) or any(
            s.roles[i][1] in ("untuk", "to") for i in between
        )
    return False


def _a_topic(s: Sentence, trigger: Trigger) -> bool:
    """ "membahas penguatan kerja sama ekonomi", "discussed trade cooperation": what a talk is
    about is its topic, not an act of its own."""
    for i in range(trigger.first - 1, max(-1, trigger.first - _TOPIC_REACH - 1), -1):
        roles, word = s.roles[i]
        if "topic" in roles:
            return True
        if word in PUNCTUATION_BREAKS or roles & {"coord", "clause", "relative"}:
            return False
    return False


def _inside_a_name(trigger: Trigger, actors: Sequence[PlacedActor]) -> bool:
    """ "Tentara Pembebasan Nasional", "Pasukan Dukungan Cepat": an event word inside the
    name of an organisation, group or person is part of the name."""
    return any(
        a.kind in _NAMED_KINDS and a.first <= trigger.first and trigger.end <= a.end for a in actors
    )


def _borrow_targets(found: list[list[Event]], s: Sentence) -> list[list[Event]]:
    """Give target-less events the targets of a sibling event with the same source; drop the
    ones that find none (an event needs someone it is done to)."""
    out = []
    for index, batch in enumerate(found):
        # a later event lends ("melakukan mediasi dengan menghubungi X"), and so does a
        # symmetric one ("Israel and Hamas agreed to a prisoner exchange"); an earlier
        # one-sided act does not ("appealed to Russia to end the war"), nor one inside a
        # relative clause ("menyepakati draf yang mengabaikan putusan MK")
        lenders = [
            e
            for position, other in enumerate(found)
            for e in other
            if e.target is not None
            and (position > index or e.symmetric or _elaborates(s, index, position, e))
            and not _relative_between(s, index, position)
            # "berkomitmen menjalankan deklarasi dan meminta tim ASEAN ...": whom a further
            # appeal addresses is no target of the act before it ("had blocked the package,
            # demanding guarantees from Brussels" elaborates the blocking)
            and (e.cameo[:2] not in _CONTENT_ROOTS or participle_clause(s, s.triggers[position]))
        ]
        kept = []
        for event in batch:
            if event.target is not None:
                kept.append(event)
                continue
            for lender in lenders:
                # a visit does not borrow the target of a firefight: same kind of relation
                if lender.source.code == event.source.code and _same_side(lender, event):
                    kept.append(
                        replace(event, target=lender.target, confidence=event.confidence - 0.2)
                    )
        out.append(kept)
    return out


def _elaborates(s: Sentence, index: int, position: int, lender: Event) -> bool:
    """ "fired rockets into Thai territory, hitting a petrol station": a participle clause
    of the same root after an act goes on with that act, against the same side."""
    trigger = s.triggers[index]
    return (
        position < index
        and participle_clause(s, trigger)
        and lender.cameo[:2] == trigger.entry.cameo[:2]
    )


def _relative_between(s: Sentence, index: int, position: int) -> bool:
    """Whether a relative word stands between the event words ``index`` and ``position``."""
    first, second = sorted((s.triggers[index], s.triggers[position]), key=lambda t: t.first)
    return any("relative" in s.roles[i][0] for i in range(first.end, second.first))


def _country_where(s: Sentence, trigger: Trigger, sources: list) -> list:
    """ "serangan udara ke puluhan sasaran di Lebanon selatan": force used in another
    country is used on it."""
    own = {a.country for a in sources}
    words = function_words(s.lang).single
    later = [t.first for t in s.triggers if t.first >= trigger.end]
    end = min([trigger.end + _OBJECT_REACH, *later])
    for actor in s.actors:
        if not trigger.end <= actor.first < end:
            continue
        place = "place" in words.get(actor.prep_word or "", frozenset())
        if place and actor.kind in ("country", "metonym") and actor.actor.country not in own:
            return [actor.actor]
    return []


def _in_a_pair_phrase(actor: PlacedActor, roles) -> bool:
    return any(roles[i][0] & _PAIR_ROLES for i in range(actor.first, actor.end))


def _of_a_thing(actor: PlacedActor, actors: list[PlacedActor], roles, lang: str) -> bool:
    """ "bendera Korea Selatan dan AS", "American flags": a country naming where a thing comes
    from is no actor. Indonesian names the thing first, English after; countries coordinated
    with the one next to the thing share it."""
    if actor.kind != "country":
        return False
    by_first = {a.first: a for a in actors if a.kind == "country"}
    by_end = {a.end: a for a in actors if a.kind == "country"}
    current = actor
    if lang == "en":
        while current.end < len(roles) and "coord" in roles[current.end][0]:
            if current.end + 1 not in by_first:
                break
            current = by_first[current.end + 1]
        return current.end < len(roles) and "thing" in roles[current.end][0]
    while current.first > 0 and "coord" in roles[current.first - 1][0]:
        if current.first - 1 not in by_end:
            break
        current = by_end[current.first - 1]
    return current.first > 0 and "thing" in roles[current.first - 1][0]


def _overlap(a: PlacedActor, b: PlacedActor) -> bool:
    return a.first < b.end and b.first < a.end


def _same_side(a: Event, b: Event) -> bool:
    """Not a cooperative act (quad classes 1-2) and a use of force (4): "rejected his
    overtures, saying it has no interest in talks with Seoul" may borrow, "tiba di lokasi ...
    terlibat kontak tembak dengan kelompok tersebut" may not."""
    low, high = sorted((a.quad_class, b.quad_class))
    if low == 0 or (low <= 2) == (high <= 2):
        return True  # 0: a user's code CAMEO lacks, no class
    # across cooperation and conflict only a rejection of, or a threat to end, the
    # cooperative act
    hostile = next((e for e in (a, b) if e.quad_class > 2), None)
    return high < 4 and hostile is not None and hostile.cameo[:2] in _REJECTIONS


def _side_key(actor, other) -> str:
    """How an event side is told apart from a repeat: by country between two countries
    ("Vietnam memprotes China" and "... memprotes tindakan pasukan China" are one protest),
    by its full code within one country or for an IGO."""
    if other is not None and actor.country and other.country and actor.country != other.country:
        return actor.country
    return actor.code


def _unique(events: Sequence[Event]) -> list[Event]:
    """One event per (source, target, code, date, negation); two symmetric events of one
    kind between the same pair (a call reported from each side, "menghubungi" and "dalam
    panggilan telepon") are one event; so are a meeting and a visit or a plan to meet of one
    pair in one sentence."""
    seen: set[tuple] = set()
    out = []
    for event in events:
        source = _side_key(event.source, event.target)
        target = _side_key(event.target, event.source) if event.target else "None"
        if event.symmetric:
            # one kind of relation between a pair is one event ("menghubungi" and "panggilan
            # telepon"; "signed an agreement to step up cooperation"), but negotiations,
            # mediation and material cooperation differ by code (a joint drill is no sharing
            # of intelligence)
            kind = _RELATION_KINDS.get(event.cameo, event.cameo[:2])
            key = (tuple(sorted((source, target))), kind, "sym")
        else:
            key = ((source, target), event.cameo)
        key += (event.date, event.negated)
        if key in seen or _same_act(event, source, target, seen):
            continue
        seen.add(key)
        out.append(event)
    return out


def _same_act(event: Event, source: str, target: str, seen: set[tuple]) -> bool:
    """Whether the sentence already gave this encounter of one pair of states (and record
    it): a meeting goes either way; "Trump would visit China and Xi the United States" are
    two visits."""
    if event.cameo not in _ENCOUNTERS:
        return False
    where = (event.evidence, event.negated)
    pair = ("encounter", frozenset((source, target)), *where)
    met = ("met", *pair[1:])
    directed = ("visit", source, target, *where)
    found = pair in seen if event.symmetric else (met in seen or directed in seen)
    seen.update({pair, directed, met} if event.symmetric else {pair, directed})
    return found
