"""Who did it and to whom: the form of an event word (verb or noun, active or passive)
and the rules that find its source and target (subjects, objects, "oleh"/"by" agents,
prepositions, genitives, "antara X dan Y", pronouns, places).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..actors import Places
from ..models import EventActor
from ._layout import PUNCTUATION_BREAKS, Discourse, PlacedActor, Sentence
from ._lexicon import Entry, Trigger

# How far (tokens) after an event word its object or target may be.
_OBJECT_REACH = 14

# "serangan terhadap fasilitas nuklir Iran oleh Israel": how far after an event noun its
# "oleh"/"by" doer may be (a later "by" belongs to a later verb)
_NOUN_AGENT_REACH = 10

# "serangan sekitar 200 rudal balistik Iran": at most this many plain words between an
# Indonesian event noun and the actor after it that did it
_GENITIVE_REACH = 4

_QUOTE_MARKS = frozenset({'"', "”", "“"})

_FROM = frozenset({"from", "dari"})
# "dismissed the calls for his resignation" after protesters "demanded" it: an appeal and a
# demand are told apart by tone, not by what was asked
_KINDRED_ROOTS = {"02": ("10",), "10": ("02",)}
_AGAINST = frozenset({"against", "melawan"})
# "menolak tawaran gencatan senjata dari Hamas": what is refused, then who sent it
_REFUSAL_ROOTS = frozenset({"12"})
_SENDER_REACH = 4
# comments on acts (statements, appeals, praise, demands, criticism) are no deeds themselves
_COMMENT_ROOTS = frozenset({"01", "02", "05", "10", "11"})
# "condemned the launch", "rejected the moves": the deed noun, after at most an article
_DEED_REACH = 2
_DEEDS = frozenset({"deed", "ruling"})
# "semua pihak yang bertikai di Sudan": how far after the group word its country may be
_PARTIES_REACH = 6
# actors that name places too ("Gaza", "Kyiv"), unlike "Thai civilians"
_PLACE_KINDS = frozenset({"country", "metonym"})
# "menyerang sejumlah desa": how far after the event word the settlement may be named
_SETTLEMENT_REACH = 4

_POSSESSIVE_DETS = frozenset({"his", "her", "its", "their", "our"})

# "refineries accused of helping Moscow": a participle right after a noun, before these
_REDUCED_PASSIVE_NEXT = frozenset({"of", "in", "for", "over", "as"})

# Adverbs that may stand between a relative word and its verb ("yang telah menyerang")
_RELATIVE_ADVERBS = frozenset({"telah", "sudah", "juga", "pernah", "sempat", "akan", "had", "has"})

# Pronouns that stand for the last person as an object ("suspended her from duty")
_OBJECT_PRONOUNS = frozenset({"him", "her"})
# what "it" may stand for
_BODY_KINDS = frozenset({"organization", "metonym", "role", "country"})

# Passive acts whose doer, left unnamed, is the authority reporting them
_AUTHORITY_ROOTS = frozenset({"09", "15", "17"})
# a sentence handed down by no one named is the court's
_SENTENCE = "116"
# who investigated or arrested a suspect before questions him again
_INQUIRY_ROOTS = frozenset({"09", "17"})
_AUTHORITIES = frozenset({"COP", "MIL", "JUD", "GOV"})

# "Anwar, yang tahun ini memegang keketuaan ASEAN, ...": how far back a relative clause's
# opening comma may be
_RELATIVE_REACH = 12

# "urged Russia to stop": at most this many tokens between an object and the verb it does
_CONTROL_GAP = 2

# "jika Israel kembali menyerang": a condition governs the event words soon after it
_CONDITION_REACH = 14

# Reactions to an earlier event: approval, criticism, rejection, protest, demands
_ABOUT_EVENT_ROOTS = frozenset({"01", "02", "05", "10", "11", "12", "13", "14"})

# Acts whose object is often someone else's act, named with its doer ("oleh X", "by X"):
# reactions, and investigations ("menyelidiki pelanggaran oleh aparat")
_AGENT_TARGET_ROOTS = _ABOUT_EVENT_ROOTS | {"09"}

# Event words whose object noun is another's act or a topic, not their subject's act
_EMBEDDING_ROOTS = _AGENT_TARGET_ROOTS | {"04"}

# "a brief private visit": how many adjectives may stand between a determiner and a noun
_ADJECTIVES = 3

_ID_VERB_PREFIXES = ("me", "di", "ber", "ter", "memper", "diper")


def word_form(s: Sentence, trigger: Trigger, lang: str) -> str:
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


def fits(form: str, pos: str) -> bool:
    if form == "agent":
        return False
    return pos == "vn" or form == "bare" or (form == "noun") == (pos == "n")


def is_nominal(s: Sentence, trigger: Trigger, lang: str) -> bool:
    pos = trigger.entry.pos
    if lang == "en" and _gerund_with_object(s, trigger):
        return False
    if pos != "vn":
        return pos == "n"
    form = word_form(s, trigger, lang)
    if form == "bare" and trigger.first > 0 and "det" in s.roles[trigger.first - 1][0]:
        return True  # "aksi unjuk rasa", "the attack": a bare word after a noun marker
    if lang == "id" or form == "noun":
        return form == "noun"
    return _english_nominal(s, trigger)


def _gerund_with_object(s: Sentence, trigger: Trigger) -> bool:
    """ "after meeting Chinese President Xi Jinping": an -ing form with no determiner before
    it and an actor right after it is a verb."""
    word = s.tokens[trigger.first].lower
    before = s.roles[trigger.first - 1][0] if trigger.first else frozenset()
    return (
        word.endswith("ing")
        and "det" not in before
        and any(a.first == trigger.end and a.prep is None for a in s.actors)
    )


def _english_nominal(s: Sentence, trigger: Trigger) -> bool:
    word, lemma = s.tokens[trigger.first].lower, s.lemmas[trigger.first]
    previous = s.roles[trigger.first - 1] if trigger.first else (frozenset(), "")
    possessive = trigger.first > 0 and s.tokens[trigger.first - 1].lower in ("'s", "’s")
    bare = word in (lemma, lemma + "s")
    # "the attack", "Russia's attack", "during raids on ...": after a preposition a plural
    # is a noun too
    after_prep = bool(previous[0] & {"prep", "embed"}) and word == lemma + "s"
    return bare and (
        "det" in previous[0]
        or possessive
        or after_prep
        or _after_actor_possessive(s, trigger)
        or _after_det_adjective(s, trigger.first)
    )


def _after_det_adjective(s: Sentence, first: int) -> bool:
    """ "the overnight attack", "a deadly raid": one plain lower-case word between a
    determiner and the event word."""
    if first < 2 or s.roles[first - 1][0] or "det" not in s.roles[first - 2][0]:
        return False
    before = s.tokens[first - 1].text
    return before.isalpha() and before.islower() and not before.endswith("s")


def in_noun_phrase(s: Sentence, trigger: Trigger) -> bool:
    """ "during a brief private visit": a word after a determiner and up to three plain
    lower-case words (adjectives; no cue such as "will", no plural) heads a noun phrase."""
    cued = {i for c in s.cues for i in range(c.first, c.last)}
    for i in range(trigger.first - 1, max(-1, trigger.first - _ADJECTIVES - 2), -1):
        if "det" in s.roles[i][0]:
            return True
        word = s.tokens[i].text
        if s.roles[i][0] or i in cued or not (word.isalpha() and word.islower()):
            return False
        if word.endswith("s"):
            return False
    return False


def _after_actor_possessive(s: Sentence, trigger: Trigger) -> bool:
    """ "Russia's attack": the actor token itself may carry the possessive."""
    for actor in s.actors:
        if actor.end == trigger.first and s.tokens[actor.end - 1].lower.endswith(("'s", "’s")):
            return True
    return False


def passive_words(tokens, lemmas, roles, lang: str) -> frozenset[int]:
    """Token indices of plain passive verbs: Indonesian di- forms ("dipanggil"), English
    participles right after a form of "be" ("was summoned", "were reportedly hit")."""
    found = set()
    for i, token in enumerate(tokens):
        word, lemma = token.lower, lemmas[i]
        if lang == "id":
            if word.startswith("di") and not lemma.startswith("di") and word != lemma:
                found.add(i)
        elif token.text.isalpha() and not word.endswith("ing") and _after_be(roles, tokens, i):
            found.add(i)
    return frozenset(found)


def _after_be(roles, tokens, i: int) -> bool:
    """A form of "be" right before token ``i``, or before one adverb ("was later hit")."""
    if i > 0 and "be" in roles[i - 1][0]:
        return True
    return i > 1 and "be" in roles[i - 2][0] and tokens[i - 1].lower.endswith("ly")


def is_passive(s: Sentence, trigger: Trigger, lang: str) -> bool:
    word = s.tokens[trigger.first].lower
    lemma = s.lemmas[trigger.first]
    if lang == "id":
        return word.startswith(("di", "diper")) and not lemma.startswith("di") and word != lemma
    # "is attacking" is progressive, not passive: an -ing form is no past participle; "was
    # hit", "were cut": a participle spelled like its verb after "be"
    participle = (
        word.endswith("ed") or word != lemma or _after_be(s.roles, s.tokens, trigger.first)
    ) and not word.endswith("ing")
    if not participle:
        return False
    nxt = trigger.first + 1
    agent = nxt < len(s.tokens) and "agent" in s.roles[nxt][0]
    if agent and any(a.first == nxt + 1 for a in s.actors):
        return True  # "talks hosted by Anwar": a participle with its agent
    if _reduced_relative(s, trigger):
        return True  # "... Chinese refineries and banks accused of helping Moscow"
    for i in range(trigger.first - 1, max(-1, trigger.first - 4), -1):
        if "be" in s.roles[i][0]:
            return True
        if any(a.first <= i < a.end for a in s.actors):
            return False
    return False


def _reduced_relative(s: Sentence, trigger: Trigger) -> bool:
    """A participle right after an actor that is itself the object of an earlier event
    word, before of/in/for/over/as: "the measures target ... banks accused of helping"."""
    word, nxt = s.tokens[trigger.first].lower, trigger.first + 1
    if not word.endswith("ed") or nxt >= len(s.tokens):
        return False
    if s.tokens[nxt].lower not in _REDUCED_PASSIVE_NEXT:
        return False
    before = [a for a in s.actors if a.end == trigger.first]
    return bool(before) and any(t.end <= before[0].first for t in s.triggers)


def clause_start(s: Sentence, position: int) -> int:
    for i in range(position - 1, -1, -1):
        if "clause" in s.roles[i][0]:
            return i + 1
    return 0


def _clause_end(s: Sentence, position: int) -> int:
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


def _subject(s: Sentence, trigger: Trigger, discourse: Discourse) -> list[EventActor]:
    """The side doing the act: the nearest actor before the word, not inside a prepositional
    phrase and not the object of an earlier event word; else a pronoun's referent."""
    start = max(clause_start(s, trigger.first), _reported_clause(s, trigger))
    relative = _relative_head(s, trigger)
    if relative is not None:
        return relative
    verbs = [t for t in s.triggers if t.first < trigger.first and not is_nominal(s, t, s.lang)]
    if verbs and participle_clause(s, trigger):
        # "the government deported 1,086 people, defying a court order": the main subject
        return _subject(s, verbs[0], discourse)
    for actor in reversed([a for a in s.actors if start <= a.first and a.end <= trigger.first]):
        if actor.prep is not None or _is_city(actor) or _told(s, actor):
            continue
        if _after_a_past_verb(s, actor):
            continue  # "Mahathir ... addressed the crowd and accused Anwar": the crowd is no doer
        # inside a verb's matched words ("mengancam akan terus menyerang pos-pos militer")
        # or right after them
        object_of_verb = any(
            t.first < actor.first and (actor.first < t.end or _only_filler(s, t.end, actor.first))
            for t in verbs
        )
        # the object of an earlier verb ("menyerang Iran dan menewaskan ...") is not the
        # subject, unless this word follows it at once: "mengundang Prabowo berkunjung",
        # "urged Russia to stop", "menuduh Rusia melanggar"
        if object_of_verb and not _controls(s, actor.end, trigger.first):
            continue
        if _in_relative_clause(s, actor, trigger.first):
            continue
        head = _apposition_head(s, actor)
        return [a.actor for a in s.groups[(head or actor).group]]
    # "praised the KPK's move but urged it to ...": a verb right after "but" shares the
    # subject of the verb before it
    if start > 0 and trigger.first - start <= 1 and "contrast" in s.roles[start - 1][0]:
        before = [t for t in verbs if t.end < start]
        if before:
            return _subject(s, before[-1], discourse)
    return _pronoun(s, start, trigger.first, discourse)


def _after_a_past_verb(s: Sentence, actor: PlacedActor) -> bool:
    """An English actor right after a past-tense verb the lexicon does not list ("addressed
    the crowd") is that verb's object; "the wounded soldiers" is no verb."""
    if s.lang != "en":
        return False
    i = actor.first - 1
    while i >= 0 and s.roles[i][0] & {"det", "quantity"}:
        i -= 1
    if i < 1 or s.roles[i][0] or not s.tokens[i].text.endswith("ed"):
        return False
    if any(t.first <= i < t.end for t in s.triggers):
        return False  # an event word's object is handled with the event word
    return not (s.roles[i - 1][0] & {"det", "quantity", "be"}) and s.tokens[i - 1].text != "("


def participle_clause(s: Sentence, trigger: Trigger) -> bool:
    """An English "-ing" verb right after a comma, or after "and" following such a one
    ("..., demanding that Anwar step down and accusing his government"): a participle
    clause of the main verb."""
    first = trigger.first
    if _participle_at(s, first):
        return True
    return (
        s.lang == "en"
        and first > 0
        and s.roles[first - 1][1] == "and"
        and s.tokens[first].lower.endswith("ing")
        and any(_participle_at(s, t.first) for t in s.triggers if t.first < first)
    )


def _participle_at(s: Sentence, i: int) -> bool:
    """Token ``i`` is an English "-ing" word right after a comma."""
    return (
        s.lang == "en"
        and 0 < i < len(s.tokens)
        and s.tokens[i - 1].text == ","
        and s.tokens[i].lower.endswith("ing")
    )


def conditional(s: Sentence, trigger: Trigger) -> bool:
    """ "... jika Israel kembali menyerang": an event stated as a condition has not happened.
    The condition ends at the comma that closes it: in "Kalau tuntutan ini diabaikan, kami
    akan mogok" the strike is the threat, not the condition."""
    start = max(clause_start(s, trigger.first), trigger.first - _CONDITION_REACH)
    for i in range(trigger.first - 1, start - 1, -1):
        if "condition" in s.roles[i][0]:
            return True
        if s.tokens[i].text == "," and not _list_comma(s, i):
            return False
    return False


def _list_comma(s: Sentence, comma: int) -> bool:
    """ "jika Prancis, Inggris, dan Jerman ...": a comma between members of one actor group."""
    left = [a for a in s.actors if a.end == comma]
    right = [a for a in s.actors if a.first in (comma + 1, comma + 2)]
    return any(a.group == b.group for a in left for b in right)


def _controls(s: Sentence, end: int, verb: int) -> bool:
    """ "mengundang Prabowo berkunjung", "urged Russia to stop": the object is the subject of
    a verb that follows at once; not across a comma or "dan" ("membunuh warga, mengusir")."""
    between = range(end, verb)
    return len(between) <= _CONTROL_GAP and not any(
        s.tokens[i].text in PUNCTUATION_BREAKS or "coord" in s.roles[i][0] for i in between
    )


def _reported_clause(s: Sentence, trigger: Trigger) -> int:
    """ "Peskov told reporters the strikes had hit ...", "Grossi mengatakan kesepakatan itu
    mengatur ...": when a noun phrase stands between an attribution verb and the event word,
    the reported clause has its own subject, to be found after the attribution."""
    for cue in reversed(s.cues):
        if cue.kind != "attribution" or cue.last > trigger.first:
            continue
        first = cue.last  # the reported clause starts with a noun phrase: "the strikes",
        # "kesepakatan itu", "peluncuran rudal" (an event noun)
        if first >= trigger.first:
            return 0
        noun = any(t.first == first and is_nominal(s, t, s.lang) for t in s.triggers)
        det = "det" in s.roles[first][0] or (
            first + 1 < trigger.first and "demonstrative" in s.roles[first + 1][0]
        )
        return first if noun or det else 0
    return 0


def _relative_head(s: Sentence, trigger: Trigger) -> list[EventActor] | None:
    """ "Trump, who spoke with both leaders", "pasukan yang menyerang": the verb right after
    a relative word has the actor before it as its subject (None when no actor heads it)."""
    i = trigger.first - 1
    while i >= 0 and s.tokens[i].lower in _RELATIVE_ADVERBS:
        i -= 1
    # "the militia that attacked the base", "it was not Egypt that attacked Sudan"
    that = i >= 0 and s.roles[i][1] == "that" and any(a.end == i for a in s.actors)
    if i < 0 or not ("relative" in s.roles[i][0] or that):
        return None
    comma = i > 0 and s.tokens[i - 1].text == ","  # "Trump, who spoke with both leaders"
    head = [a for a in s.actors if a.end in (i, i - comma) and a.prep is None]
    return [a.actor for a in s.groups[head[0].group]] if head else None


def _told(s: Sentence, actor: PlacedActor) -> bool:
    """ "Peskov told reporters the strikes had hit ...": the audience of an attribution is
    not the subject of what follows."""
    return any(
        c.kind == "attribution" and c.first < actor.first and actor.end <= c.last for c in s.cues
    )


def _in_relative_clause(s: Sentence, actor: PlacedActor, verb: int) -> bool:
    """ "Anwar, yang tahun ini memegang keketuaan ASEAN, memimpin mediasi": an actor inside
    a relative clause set off by commas is not the subject of the verb after it."""
    if not any(s.tokens[i].text == "," for i in range(actor.end, verb)):
        return False
    for i in range(actor.first - 1, max(-1, actor.first - _RELATIVE_REACH), -1):
        if s.tokens[i].text == ",":
            head = any(a.end == i for a in s.actors)  # not "Immanuel, yang disapa Noel, ..."
            return head and i + 1 < actor.first and "relative" in s.roles[i + 1][0]
    return False


def _apposition_head(s: Sentence, actor: PlacedActor) -> PlacedActor | None:
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


def _is_city(actor: PlacedActor) -> bool:
    """A city with no sector ("Jakarta Utara") is where things happen, not who does them; it
    may still be where someone goes ("tiba di Jakarta")."""
    return actor.kind == "metonym" and actor.actor.sector is None


def _only_filler(s: Sentence, first: int, end: int) -> bool:
    """At most two plain words ("membunuh ribuan warga sipil": a quantity counts as plain)."""
    return end - first <= 2 and not any(s.roles[i][0] - {"quantity"} for i in range(first, end))


def _pronoun(s: Sentence, start: int, end: int, discourse: Discourse) -> list[EventActor]:
    for i in range(end - 1, start - 1, -1):
        roles = s.roles[i][0]
        if "person" in roles and "det" not in roles and discourse.person is not None:
            return [discourse.person]
        if both := discourse.both(roles):
            return both
        if "speaker" in roles:
            return speaker(s) or _unnamed_speaker(s, discourse)
    return []


def _unnamed_speaker(s: Sentence, discourse: Discourse) -> list[EventActor]:
    """'"Kami akan mogok," ujarnya': a quote attributed to "he" is the person named last."""
    if discourse.person is not None and any(cue.kind == "attribution" for cue in s.cues):
        return [discourse.person]
    return []


def speaker(s: Sentence) -> list[EventActor]:
    """'"Kami akan membalas," kata juru bicara Hamas': "kami"/"we" is the quoted speaker,
    the actor next to the attribution verb."""
    for cue in s.cues:
        if cue.kind != "attribution":
            continue
        # "kata juru bicara Hamas", "menurut JCS", "according to the army"
        words = cue.text.lower().split()
        near = [
            a
            for a in s.actors
            if (a.prep is None or a.prep_word in words)
            and (0 <= a.first - cue.last <= 1 or 0 <= cue.first - a.end <= 1)
        ]
        if near:
            return [near[0].actor]
    return []


def _after(
    s: Sentence, trigger: Trigger, allowed: Iterable[str], discourse: Discourse | None = None
) -> list[EventActor]:
    """The first actor group after the word that the entry accepts as target; else "both
    sides"/"kedua pihak" (the pair just named); else the subject of a "that" clause right
    after the word ("demanded that Manila withdraw")."""
    inside = range(trigger.first + 1, trigger.end)
    # "suspended her from duty": a pronoun inside the matched words is the object
    pronoun = any(s.roles[i][1] in _OBJECT_PRONOUNS for i in inside)
    if (
        pronoun
        and discourse is not None
        and (found := _referred_object(s, trigger, set(allowed), discourse))
    ):
        return found
    found = _first_after(s, trigger, set(allowed))
    if not found and trigger.entry.cameo[:2] == "13":
        found = _condition_subject(s, trigger)
    if not found and discourse is not None:
        found = _referred_object(s, trigger, set(allowed), discourse)
    if found or "obj" not in allowed:
        return found
    return (
        _that_clause_subject(s, trigger)
        or _earlier_doer(s, trigger, discourse)
        or _object_noun_target(s, trigger)
        or _sender_of_object(s, trigger)
    )


def sides_between(s: Sentence, trigger: Trigger) -> list[EventActor]:
    """The two sides "antara X dan Y"/"between X and Y" names after the word."""
    return _between_after(s, trigger)


def marked_targets(s: Sentence, trigger: Trigger, entry: Entry) -> list[EventActor]:
    """The first actor after the word that one of the entry's target prepositions marks
    ("were imposed on Russia")."""
    return _first_after(s, trigger, set(entry.targets) - {"obj"})


def _sender_of_object(s: Sentence, trigger: Trigger) -> list[EventActor]:
    """ "mengabaikan panggilan pemeriksaan dari CIO", "rejected an offer from Washington": a
    refusal is aimed at whoever sent what is refused."""
    if trigger.entry.cameo[:2] not in _REFUSAL_ROOTS:
        return []
    for actor in s.actors:
        if not trigger.end < actor.first <= trigger.end + _SENDER_REACH:
            continue
        between = [s.roles[i] for i in range(trigger.end, actor.first - 1)]
        if actor.prep_word in _FROM and not any(
            "embed" in roles or word in PUNCTUATION_BREAKS for roles, word in between
        ):
            return [a.actor for a in s.groups[actor.group]]
    return []


def _object_noun_target(s: Sentence, trigger: Trigger) -> list[EventActor]:
    """ "mengecam laporan pembunuhan massal terhadap warga sipil di Sudan": a reaction to an
    act whose doer no one names is aimed at the side the act concerns."""
    if trigger.entry.cameo[:2] not in _ABOUT_EVENT_ROOTS:
        return []
    for noun in s.triggers:
        if trigger.end <= noun.first <= trigger.end + 2 and is_nominal(s, noun, s.lang):
            return _first_after(s, noun, set(noun.entry.targets) - {"obj"})
    return []


def _referred_object(
    s: Sentence, trigger: Trigger, allowed: set[str], discourse: Discourse
) -> list[EventActor]:
    """ "spoke with both leaders by phone", "negotiations with the two countries", "had
    suspended her from duty": the pair just named, or the last person, as the object (inside
    the matched words or just after them, directly or after a target preposition)."""
    window = range(trigger.first + 1, min(len(s.tokens), trigger.end + 3))
    for i in window:
        roles, word = s.roles[i]
        if i > 0 and not ("obj" in allowed or s.roles[i - 1][1] in allowed):
            continue
        if "group" in roles and (warring := _parties_in(s, i)):
            return warring  # "semua pihak yang bertikai di Sudan": the country they fight in
        if both := discourse.both(roles):
            return both
        if "person" in roles and "obj" in allowed and discourse.person is not None:
            return [discourse.person] if word in _OBJECT_PRONOUNS else []
        if word == "it" and "obj" in allowed:
            # "praised the KPK's move but urged it to also investigate": a body named earlier
            # in the sentence (not its subject), else the body named last
            named = [a for a in s.actors if a.end <= i and a.kind in _BODY_KINDS]
            subject = next((a for a in s.actors if a.prep is None), None)
            named = [a for a in named if a is not subject]
            if named:
                return [named[-1].actor]
            if discourse.body is not None:
                return [discourse.body]
    return []


def _parties_in(s: Sentence, i: int) -> list[EventActor]:
    """ "semua pihak yang bertikai di Sudan", "all parties to the conflict in Sudan": a
    country named as where the parties are, a few words after the group word."""
    for actor in s.actors:
        near = i < actor.first <= i + _PARTIES_REACH and actor.kind == "country"
        if near and actor.prep == "prep" and actor.prep_word in ("di", "in"):
            return [actor.actor]
    return []


def _earlier_doer(s: Sentence, trigger: Trigger, discourse: Discourse | None) -> list[EventActor]:
    """ "mengecam serangan tersebut", "condemned the attack": an event noun as the object,
    with no actor of its own, is the event reported before; its doer is the target."""
    if discourse is None or trigger.entry.cameo[:2] not in _ABOUT_EVENT_ROOTS:
        return []
    for noun in s.triggers:
        if not (trigger.end <= noun.first <= trigger.end + 2 and is_nominal(s, noun, s.lang)):
            continue
        if any(a.first >= noun.end and a.first <= noun.end + 1 for a in s.actors):
            return []  # "mengecam serangan Israel": the noun names its own doer
        root = noun.entry.cameo[:2]
        roots = {root, *_KINDRED_ROOTS.get(root, ())}
        earlier = [e for e in discourse.events if e.start < s.start]
        # "condemned the overnight attack", "welcomed the arrest": the story's act of that
        # kind, the one it reported first (its lead)
        for event in earlier:
            if event.cameo[:2] in roots:
                return [event.source]
    return []


def _condition_subject(s: Sentence, trigger: Trigger) -> list[EventActor]:
    """ "memperingatkan bahwa kesepakatan tidak berlaku lagi jika Prancis ... melanjutkan":
    a warning is addressed to whoever the condition is about."""
    for i in range(trigger.end, len(s.tokens)):
        if "condition" not in s.roles[i][0]:
            continue
        for actor in s.actors:
            if i < actor.first <= i + 3 and actor.prep is None:
                return [a.actor for a in s.groups[actor.group]]
        return []
    return []


def _referred_event_side(s: Sentence, trigger: Trigger, sources, discourse) -> list[EventActor]:
    """ "mengaku bertanggung jawab atas penembakan itu": an entry flagged ``victim`` refers
    to an act reported before and takes that act's target (a claim of an attack is made
    against its victims), preferring an act of the claimant's own side."""
    if "victim" not in trigger.entry.flags or discourse is None:
        return []
    own = {(a.country, a.sector) for a in sources}
    for noun in s.triggers:
        if trigger.end <= noun.first <= trigger.end + 2 and is_nominal(s, noun, s.lang):
            named = _first_after(s, noun, set(noun.entry.targets) - {"obj"})
            if named:
                return named  # "claimed responsibility for the attack on Israel"
            earlier = [
                e
                for e in reversed(discourse.events)
                if e.cameo[:2] == noun.entry.cameo[:2] and e.target is not None
            ]
            mine = [e for e in earlier if (e.source.country, e.source.sector) in own]
            return [(mine or earlier)[0].target] if earlier else []
    return []


def _that_clause_subject(s: Sentence, trigger: Trigger) -> list[EventActor]:
    if trigger.entry.cameo[:2] in ("01", "02"):
        return []  # "said that X ...": the statement is not done to X
    end = trigger.end
    if end + 1 < len(s.tokens) and "report" in s.roles[end][0]:
        end += 1  # "condemned reports that the RSF killed hundreds": the reported doer
    if end < len(s.tokens) and s.roles[end][1] in ("that", "bahwa", "agar", "supaya"):
        for actor in s.actors:
            if actor.first in (end + 1, end + 2) and actor.prep is None:
                return [a.actor for a in s.groups[actor.group]]
    return []


def _first_after(s: Sentence, trigger: Trigger, allowed: set[str]) -> list[EventActor]:
    end = min(_clause_end(s, trigger.end), trigger.end + _OBJECT_REACH)
    # "mengecam serangan Israel": an event noun right after the word is its object, and
    # the actor of that event is the target; later event words further on end the search
    later_heads = [
        t.first
        for t in s.triggers
        if t.first >= trigger.end and not (t.first <= trigger.end + 1 and is_nominal(s, t, s.lang))
    ]
    relatives = [i for i in range(trigger.end, end) if "relative" in s.roles[i][0]]
    # "..., sementara Thailand mengerahkan jet": a new clause has its own subject
    clauses = [i for i in range(trigger.end, end) if "clause" in s.roles[i][0]]
    # a quote ends at its closing mark: what follows is the attribution ("...," kata Yogi)
    quotes = [i for i in range(trigger.end, end) if s.tokens[i].text in _QUOTE_MARKS]
    # "dismissed the calls, saying his government ...": a participle clause has its own object
    participles = [i for i in range(trigger.end, end) if _participle_at(s, i + 1)]
    # "menuding kedua korban sebagai informan aparat": what follows "sebagai"/"as" says what
    # the object is, it is no object itself
    predicates = [i for i in range(trigger.end, end) if "predicate" in s.roles[i][0]]
    stop = min(
        [
            end,
            *_trailing_attribution(s, trigger.end, end),
            *later_heads,
            *relatives,
            *clauses,
            *quotes,
            *participles,
            *predicates,
            _next_predicate(s, trigger.end, end),
        ]
    )
    event_object = any(
        trigger.end <= t.first <= trigger.end + 1 and is_nominal(s, t, s.lang) for t in s.triggers
    )
    # "condemned an attack by X", "menyelidiki pelanggaran ... oleh aparat": the doer of
    # the act looked into or reacted to is the target
    agent_target = event_object or trigger.entry.cameo[:2] in _AGENT_TARGET_ROOTS
    for actor in s.actors:
        # a pattern may spell out its object ("~bubar ... massa"): actors inside the match
        # after the event word count as following it
        if actor.first <= trigger.first or actor.first >= stop:
            continue
        if "after" in trigger.entry.flags and actor.first < trigger.end:
            continue  # "memerintahkan TNI menindak perusuh": TNI is told, not targeted
        if _describes_the_act(s, trigger, actor):
            continue  # "threatened military action against ...": "military" is no object
        if agent_target and actor.prep == "agent":
            return [a.actor for a in s.groups[actor.group]]
        if actor.prep is None and "obj" in allowed:
            return [a.actor for a in s.groups[actor.group]]
        if actor.prep == "prep" and actor.prep_word in allowed:
            return [a.actor for a in s.groups[actor.group]]
        if actor.prep == "between":
            return [a.actor for a in s.groups[actor.group]]
    if relatives and "obj" in allowed and stop == relatives[0]:
        return _relative_doer(s, relatives[0])
    return []


def _describes_the_act(s: Sentence, trigger: Trigger, actor: PlacedActor) -> bool:
    """An English role word the pattern matched as its last word, followed by the noun it
    describes ("threatened to launch a military operation", "military action"): part of
    the act, no object. (Indonesian puts the noun first, where it cannot be told from an
    adverb: "membubarkan paksa demonstran".)"""
    if s.lang != "en" or actor.kind != "role" or actor.end != trigger.end:
        return False
    if actor.first <= trigger.first or actor.end >= len(s.tokens):
        return False
    word = s.tokens[actor.end].text
    return word.isalpha() and word.islower() and not s.roles[actor.end][0]


def _trailing_attribution(s: Sentence, first: int, end: int) -> list[int]:
    """ "burned down its embassy, a senior official said": the comma that opens the phrase
    naming who said it; the speaker is no object."""
    stops = []
    for cue in s.cues:
        if cue.kind != "attribution" or not first < cue.first <= end:
            continue
        commas = [i for i in range(first, cue.first) if s.tokens[i].text == ","]
        if commas:
            stops.append(commas[-1])
    return stops


def _next_predicate(s: Sentence, first: int, end: int) -> int:
    """Where a coordinated predicate starts ("meminta semua pihak menahan diri dan tidak
    menjadikan warga sipil sasaran"): its object is not this word's."""
    for i in range(first, end):
        if "coord" not in s.roles[i][0] or s.tokens[i].text == ",":
            continue
        for j in range(i + 1, min(end, i + 3)):
            if word_is_verb(s, j):
                return i
    return end


def word_is_verb(s: Sentence, i: int) -> bool:
    """An affixed verb form (Indonesian me-/di-/ber-/ter- with a known root)."""
    if s.lang != "id":
        return False
    word = s.tokens[i].lower
    return word != s.lemmas[i] and word.startswith(_ID_VERB_PREFIXES)


def _relative_doer(s: Sentence, relative: int) -> list[EventActor]:
    """ "menolak permohonan yang diajukan mahasiswa": the doer named in a passive relative
    clause ("yang di-...", bare or with "oleh") made the thing acted on: the target."""
    verb = next(
        (i for i in range(relative + 1, min(len(s.tokens), relative + 4)) if _passive_word(s, i)),
        None,
    )
    if verb is None:
        return []
    for actor in s.actors:
        if verb < actor.first <= verb + 3 and actor.prep in (None, "agent"):
            return [a.actor for a in s.groups[actor.group]]
    return []


def _passive_word(s: Sentence, i: int) -> bool:
    word = s.tokens[i].lower
    if s.lang == "id":
        return word.startswith("di") and word != s.lemmas[i] and not s.lemmas[i].startswith("di")
    return word.endswith("ed") and i > 0 and "be" in s.roles[i - 1][0]


def _agent(s: Sentence, trigger: Trigger, reach: int = _OBJECT_REACH) -> list[EventActor]:
    later_heads = [t.first for t in s.triggers if t.first >= trigger.end]
    end = min([_clause_end(s, trigger.end), trigger.end + reach, *later_heads])
    # "ditandatangani A dan B, disaksikan oleh C": the agent of the next passive
    end = min([end, *(i for i in range(trigger.end, end) if _passive_after_comma(s, i))])
    for actor in s.actors:
        if trigger.end <= actor.first < end and actor.prep == "agent":
            return [a.actor for a in s.groups[actor.group]]
    return []


def _passive_after_comma(s: Sentence, i: int) -> bool:
    """Token ``i`` starts a passive verb right after a comma ("disaksikan", "witnessed")."""
    if i < 1 or s.tokens[i - 1].text != "," or s.roles[i][0]:
        return False
    word = s.tokens[i].lower
    if s.lang == "id":
        return word.startswith("di") and s.lemmas[i] != word
    return word.endswith("ed")


def _bare_agent(s: Sentence, trigger: Trigger) -> list[EventActor]:
    """ "dijarah massa": an Indonesian passive may name its doer right after the verb."""
    for actor in s.actors:
        if actor.prep is None and trigger.end <= actor.first <= trigger.end + 1:
            return [a.actor for a in s.groups[actor.group]]
    return []


def verbal_arguments(s, trigger, entry: Entry, passive: bool, discourse):
    if passive:
        agent = _agent(s, trigger) or (_bare_agent(s, trigger) if s.lang == "id" else [])
        patient = _subject(s, trigger, discourse) or _phrase_before(s, trigger)
        root = trigger.entry.cameo[:2]
        if not agent and root == "15":
            return patient, []  # "3.000 polisi dikerahkan": the forces deployed act
        if not agent and root in _AUTHORITY_ROOTS:
            agent = _reporting_authority(s, trigger) or _last_authority_on(patient, discourse)
        if not agent and trigger.entry.cameo.startswith(_SENTENCE) and discourse is not None:
            # "Hasto dijatuhi hukuman 3,5 tahun penjara": sentenced by the court named last
            agent = [discourse.court] if discourse.court is not None else []
        return agent, patient
    sources = _subject(s, trigger, discourse)
    allowed = entry.targets
    if s.lang == "en" and _gerund_with_object(s, trigger):
        allowed = allowed | {"obj"}  # "after meeting Xi Jinping": the noun row read as a verb
    targets = _referred_event_side(s, trigger, sources, discourse) or _after(
        s, trigger, allowed, discourse
    )
    if sources and not targets and trigger.entry.cameo[:2] == "14":
        targets = _protested_against(s, trigger)
    if sources and not targets:
        targets = _answered(s, trigger, sources, discourse)
    return sources, targets


def _protested_against(s: Sentence, trigger: Trigger) -> list[EventActor]:
    """ "rallied near the residence, chanting slogans against the investigators": a protest
    is against whoever the sentence says it is against, however far from the verb."""
    for actor in s.actors:
        if actor.first < trigger.end or actor.prep_word not in _AGAINST:
            continue
        if not any("relative" in s.roles[i][0] for i in range(trigger.end, actor.first)):
            return [a.actor for a in s.groups[actor.group]]
    return []


def _phrase_before(s: Sentence, trigger: Trigger) -> list[EventActor]:
    """ "jalur darat ke Gaza masih dibatasi oleh Israel": a passive whose subject is a thing
    acts on the actor that thing leads to (a target preposition of the entry)."""
    start = clause_start(s, trigger.first)
    for actor in reversed([a for a in s.actors if start <= a.first and a.end <= trigger.first]):
        if actor.prep == "prep" and actor.prep_word in trigger.entry.targets:
            return [a.actor for a in s.groups[actor.group]]
    return []


def _last_authority_on(patients, discourse) -> list[EventActor]:
    """ "Yoon diselidiki atas dugaan ...": investigated by whoever last arrested, searched or
    charged him in the story."""
    if not patients or discourse is None:
        return []
    codes = {a.code for a in patients}
    for event in reversed(discourse.events):
        if (
            event.target is not None
            and event.target.code in codes
            and event.cameo[:2] in _INQUIRY_ROOTS
        ):
            return [event.source]
    return []


def _reporting_authority(s: Sentence, trigger: Trigger) -> list[EventActor]:
    """ "Polda Metro Jaya menyebut 301 orang ditangkap", "Menurut Polda, 351 orang
    diamankan": an arrest or deployment reported without its doer by the police, army,
    court or government that did it."""
    for cue in s.cues:
        if cue.kind != "attribution" or cue.first >= trigger.first:
            continue
        for actor in s.actors:
            before = actor.end in (cue.first, cue.first - 1) and actor.prep is None
            after = cue.last <= actor.first <= cue.last + 1  # "menurut Polda"
            if (before or after) and actor.actor.sector in _AUTHORITIES:
                return [actor.actor]
    return []


def _answered(s: Sentence, trigger: Trigger, sources, discourse) -> list[EventActor]:
    """ "Kementerian Luar Negeri Inggris menepis tuduhan tersebut": a reaction to an act the
    story reported ("tuduhan tersebut", "the accusation") answers whoever last acted on the
    reacting side, when the act itself was not coded; "mengecam peluncuran tersebut",
    "rejected the moves": a reaction to a deed answers whoever did the last act."""
    if discourse is None or trigger.entry.cameo[:2] not in _ABOUT_EVENT_ROOTS:
        return []
    deed = _deed_after(s, trigger)
    if not (
        deed
        or "answer" in trigger.entry.flags
        or any(
            trigger.end <= t.first <= trigger.end + 2 and is_nominal(s, t, s.lang)
            for t in s.triggers
        )
    ):
        return []
    own = {a.country for a in sources}
    earlier = [e for e in reversed(discourse.events) if e.start < s.start]
    # "declared martial law ..., before lawmakers voted down the decree": this sentence first
    earlier = list(reversed(s.events_so_far)) + earlier
    for event in earlier:
        target = event.target
        if target is not None and target.country in own and event.source.country not in own:
            return [event.source]
    if deed == "ruling":  # "mengabaikan putusan tersebut": the court that ruled
        court = next((e.source for e in earlier if e.source.sector == "JUD"), discourse.court)
        if court is not None and all(distinct(a, court) for a in sources):
            return [court]
    if deed:  # "menyambut baik putusan tersebut": its doer may be of the same country
        for event in earlier:
            if event.cameo[:2] not in _COMMENT_ROOTS and all(
                distinct(a, event.source) for a in sources
            ):
                return [event.source]
    return []


def _deed_after(s: Sentence, trigger: Trigger) -> str | None:
    """The role of a deed noun as the object ("deed": "keputusan itu", "the move"; "ruling":
    "putusan tersebut"), naming no actor of its own; None without one."""
    # "menyebut keputusan itu tidak dapat diterima": the deed may sit inside the matched words
    inside = [i for i in range(trigger.first + 1, trigger.end) if s.roles[i][0] & _DEEDS]
    candidates = inside[:1] or range(trigger.end, min(len(s.tokens), trigger.end + _DEED_REACH))
    for i in candidates:
        kinds = s.roles[i][0] & _DEEDS
        if kinds:
            if any(i < a.first <= i + 2 for a in s.actors):
                return None
            return "ruling" if "ruling" in kinds else "deed"
        if not s.roles[i][0] & {"det", "quantity"}:
            return None
    return None
    return False


def nominal_arguments(s, trigger, entry: Entry, discourse):
    """ "serangan Israel terhadap Iran", "serangan terhadap Y oleh X", "kunjungan X ke Y",
    "pertemuan antara X dan Y", "Russia's attack on Ukraine"."""
    between = _between_after(s, trigger)
    if between and entry.symmetric:
        return between, [], True
    genitive = [a for a in s.actors if a.prep is None and _genitive(s, trigger, a)]
    possessor = [a for a in s.actors if a.end == trigger.first and a.prep is None]
    sources = (
        [a.actor for a in s.groups[genitive[0].group]]
        if genitive
        else [a.actor for a in s.groups[possessor[0].group]]
        if possessor
        else _agent(s, trigger, _NOUN_AGENT_REACH) or _from_whom(s, trigger)
    )
    # "melakukan mediasi antara Armenia dan Azerbaijan", "the mediation between X and Y": a
    # one-sided act between two sides is done to both, by its own doer
    targets = between or _after(s, trigger, entry.targets - {"obj"})
    if not sources and not _points_back(s, trigger):
        sources = _object_before(s, trigger)
        if not sources and not _embedded_noun(s, trigger):
            sources = _fronted_phrase_subject(s, trigger) or _subject(s, trigger, discourse)
    if not sources and entry.symmetric and targets:
        sources = _first_other(s, targets)
    # "Indonesia dan Australia menggelar pertemuan": after a light verb the noun acts as a
    # verb, so a coordinated subject meets itself
    return sources, targets, after_light_verb(s, trigger)


def _genitive(s: Sentence, trigger: Trigger, actor: PlacedActor) -> bool:
    """ "serangan Israel", "serangan udara Israel", "serangan sekitar 200 rudal balistik
    Iran": the noun's doer follows it, after at most a few plain words (no function word,
    punctuation, verb or other event word between)."""
    if not trigger.end <= actor.first <= trigger.end + _GENITIVE_REACH:
        return False
    heads = {t.first for t in s.triggers}
    return all(
        not s.roles[i][0] - {"quantity"}
        and s.tokens[i].text[:1].isalnum()
        and i not in heads
        and not word_is_verb(s, i)
        for i in range(trigger.end, actor.first)
    ) and (actor.first <= trigger.end + 1 or s.lang == "id")


def _plain_word(s: Sentence, i: int) -> bool:
    """A lower-case word with no grammatical role and no event or actor on it."""
    token = s.tokens[i]
    return (
        not s.roles[i][0]
        and token.text[:1].islower()
        and token.text.isalpha()
        and not any(t.first <= i < t.end for t in s.triggers)
        and not any(a.first <= i < a.end for a in s.actors)
    )


def _points_back(s: Sentence, trigger: Trigger) -> bool:
    """ "301 orang ditangkap dalam kericuhan itu": an event noun with a demonstrative is an
    act already reported; it takes no doer from the sentence around it."""
    for i in range(trigger.end, min(len(s.tokens), trigger.end + 3)):
        if "demonstrative" in s.roles[i][0]:
            return True  # "peluncuran rudal balistik tersebut"
        if s.roles[i][0] or not s.tokens[i].text.isalpha():
            return False
    return False


def _fronted_phrase_subject(s: Sentence, trigger: Trigger) -> list[EventActor]:
    """ "During the call with Sheikh Mohammed, Netanyahu expressed regret", "Dalam kunjungan
    itu, Prabowo ...": an event noun in a phrase opening the sentence is the main subject's."""
    if not trigger.first or not s.roles[0][0] & {"prep", "embed", "during"}:
        return []
    if _possessed(s, trigger):
        return []  # "In a video released after his arrest, Yoon said ...": not Yoon's act
    comma = next((i for i in range(trigger.end, len(s.tokens)) if s.tokens[i].text == ","), None)
    if comma is None:
        return []
    for actor in s.actors:
        if actor.first in (comma + 1, comma + 2) and actor.prep is None:
            return [a.actor for a in s.groups[actor.group]]
    return []


def _from_whom(s: Sentence, trigger: Trigger) -> list[EventActor]:
    """ "a request from Interpol", "bantuan dari Jepang": a noun's doer after from/dari."""
    for actor in s.actors:
        if trigger.end <= actor.first <= trigger.end + 2 and actor.prep_word in _FROM:
            return [a.actor for a in s.groups[actor.group]]
    return []


def _embedded_noun(s: Sentence, trigger: Trigger) -> bool:
    """A noun that is the object of another event word ("mengecam serangan itu", "menggugat
    larangan ekspor") or sits in a prepositional or time phrase ("selama pertempuran", "after
    the attack") is not done by the sentence's subject."""
    i = trigger.first - 1
    plain = 0  # "condemned the overnight attack": one plain English word may stand between
    while i >= 0 and (
        s.roles[i][0] & {"det", "quantity"} or (s.lang == "en" and not plain and _plain_word(s, i))
    ):
        plain += not s.roles[i][0]
        i -= 1
    if i < 0:
        return False
    if "embed" in s.roles[i][0]:
        return True
    if any(c.kind == "attribution" and c.last == i + 1 for c in s.cues):
        # "Peskov told reporters the strikes had hit ...": the reported clause; but "his
        # visit", "kunjungannya" are the speaker's
        return not _possessed(s, trigger)
    # the object of a reaction, an investigation or a discussion ("membahas kerja sama"),
    # or of an accusation noun ("tuduhan genosida")
    return any(
        (t.end <= trigger.first <= t.end + 2 or t.end == i + 1)
        and t.entry.cameo[:2] in _EMBEDDING_ROOTS
        and (not is_nominal(s, t, s.lang) or t.entry.cameo[:2] in _ABOUT_EVENT_ROOTS)
        for t in s.triggers
        if t is not trigger
    )


def _possessed(s: Sentence, trigger: Trigger) -> bool:
    word = s.tokens[trigger.first].lower
    before = s.tokens[trigger.first - 1].lower if trigger.first else ""
    return word.endswith("nya") if s.lang == "id" else before in _POSSESSIVE_DETS


def _object_before(s: Sentence, trigger: Trigger) -> list[EventActor]:
    """ "mengecam Israel atas serangan di Rafah", "accused Russia over the strikes": the
    object of the reaction, just before "atas"/"over", did the act."""
    i = trigger.first - 1
    while i >= 0 and s.roles[i][0] & {"det", "quantity"}:
        i -= 1
    if i < 1 or "embed" not in s.roles[i][0]:
        return []
    for actor in s.actors:
        if actor.end == i and actor.prep is None:
            return [a.actor for a in s.groups[actor.group]]
    return []


def after_light_verb(s: Sentence, trigger: Trigger) -> bool:
    return any("light" in s.roles[i][0] for i in range(max(0, trigger.first - 2), trigger.first))


def _between_after(s: Sentence, trigger: Trigger) -> list[EventActor]:
    """ "pertemuan antara X dan Y", "perundingan Kode Tata Perilaku antara ASEAN dan China":
    the two sides of the noun, before any other event word."""
    heads = [t.first for t in s.triggers if t.first >= trigger.end]
    end = min([trigger.end + _OBJECT_REACH, *heads])
    for actor in s.actors:
        if trigger.end <= actor.first < end and actor.prep == "between":
            group = s.groups[actor.group]
            return [a.actor for a in group] if len(group) >= 2 else []
    return []


def _first_other(s: Sentence, targets: list[EventActor]) -> list[EventActor]:
    """For a symmetric noun with one named side ("perang dengan Israel"): the sentence's
    other main actor, even inside a prepositional phrase ("situasi di Iran")."""
    codes = {t.code for t in targets}
    for actor in s.actors:
        if actor.actor.code not in codes and actor.actor.country not in {
            t.country for t in targets
        }:
            return [actor.actor]
    return []


def actor_pairs(sources, targets, symmetric: bool) -> list[tuple[EventActor, EventActor]]:
    """Source x target pairs; a symmetric event with one coordinated side pairs its members."""
    if not targets and symmetric and len(sources) >= 2:
        return [(a, b) for i, a in enumerate(sources) for b in sources[i + 1 :] if distinct(a, b)]
    return [(a, b) for a in sources for b in targets if distinct(a, b)]


def is_mutual(s: Sentence, trigger: Trigger) -> bool:
    """ "saling" just before the event word, "each other" just after it: the coordinated
    side acts on itself, one symmetric event per pair ("Kedua negara saling menuduh")."""
    near = range(max(0, trigger.first - 2), min(len(s.tokens), trigger.end + 3))
    return any("mutual" in s.roles[i][0] for i in near)


def distinct(a: EventActor, b: EventActor) -> bool:
    """Two sides of an event, ``a`` acting on ``b``: not one actor, nor a country and its own
    government ("Zelensky ... antara Rusia dan Ukraina" does not pair Zelensky with Ukraine)."""
    if a.code == b.code:
        return False
    if a.country is None or a.country != b.country:
        return True
    # a country acts through its government; as a target it is no side against its own
    # institutions ("menggelar aksi di Jakarta": the city is where, not whom)
    return b.sector is not None and (a.sector or "GOV") != b.sector


def place_target(
    s: Sentence, trigger: Trigger, sources, places: Places, named: set[str], own_too=False
) -> list[EventActor]:
    """The country of the first place named after the event word, if not the doer's own
    (unless ``own_too``) and if the article names that country (a village that shares a far
    city's name is not it)."""
    own = set() if own_too else {a.country for a in sources}
    tokens = s.tokens
    # "Thai civilians": a word the sentence already reads as an actor is no place name
    taken = {i for a in s.actors if a.kind not in _PLACE_KINDS for i in range(a.first, a.end)}
    # "Thai jets": a word naming a country is no city of another country that shares it
    countries = {
        i: a.actor.country for a in s.actors if a.kind == "country" for i in range(a.first, a.end)
    }
    i = trigger.end
    while i < min(len(tokens), trigger.end + _OBJECT_REACH):
        if i in taken:
            i += 1
            continue
        words = []
        for token in tokens[i : i + places.longest]:
            if not token.text[:1].isupper():
                break
            words.append(token.text)
        found = places.lookup(words) if words else None
        if found is not None and countries.get(i, found[0].country) != found[0].country:
            found = None
        if found is not None and found[0].country not in own and found[0].country in named:
            place = found[0]
            return [EventActor(place.country, place.country, None, place.name)]
        # "Provinsi Surin": a name may start one word into the capitalised run
        i += found[1] if found is not None else 1
    return []


def settlement_target(
    s: Sentence, trigger: Trigger, sources, places: Places, discourse: Discourse
) -> list[EventActor]:
    """ "serangan udara ke sejumlah desa di wilayah Sagaing", "shelled villages": force used
    on villages or homes falls on the civilians of the place named, else of the other side
    of the conflict the story tells (the doer's own country in a civil war)."""
    end = min(len(s.tokens), trigger.end + _SETTLEMENT_REACH)
    if not any("settlement" in s.roles[i][0] for i in range(trigger.end, end)):
        return []
    place = place_target(s, trigger, sources, places, discourse.countries, own_too=True)
    own = {a.country for a in sources}
    others = [a.country for a in discourse.pair if a.country and a.country not in own]
    if place:
        country = place[0].country
    elif others:
        country = others[0]
    else:
        country = next(iter(own)) if len(own) == 1 else None
    return [EventActor(country + "CVL", country, "CVL", "civilians")] if country else []
