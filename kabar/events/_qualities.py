"""The qualities of an event: negation, modality and background from the cues around
it, its date, its place and a confidence.
"""

from __future__ import annotations

from datetime import date

from ..actors import Places
from ..lang import find_dates
from ._arguments import clause_start, is_nominal
from ._layout import Sentence
from ._lexicon import Trigger

# How far (tokens) a cue may stand before its event word and still govern it.
_NEGATION_REACH = 4

_INTENTION_REACH = 5

# "dalam operasi tangkap tangan (OTT) yang digelar Rabu malam": how far before a relative
# clause the word naming an occasion ("dalam", "saat", "during") may be
_OCCASION_REACH = 8

# Reactions (statements, appeals, demands, criticism, rejection, threats) to a forceful act
# (protest, coercion, violence) named after them
_REACTION_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
_FORCEFUL_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})

# "menyerang kota Kharkiv": how far after the event word the place it is done to may be
_PLACE_REACH = 8
# actors that are places too (a city standing for its government); a country is no city
# ("Armenia" is one in Colombia too)
_PLACE_KINDS = frozenset({"metonym"})

# "denied that": the words opening a denied clause
_REPORTING_WORDS = frozenset({"that", "bahwa"})

# "denied wrongdoing and accused ...": a cue does not reach past these to the next verb
_CONJUNCTIONS = frozenset({"dan", "serta", "lalu", "kemudian", "and", "then"})


def _denies(s: Sentence, cue, start: int) -> bool:
    """ "Egypt denied that it had expelled ...", "membantah bahwa": a negation right before
    the word opening the event's clause denies the clause."""
    return (
        cue.kind == "negation"
        and cue.last == start - 1
        and start > 0
        and s.roles[start - 1][1] in _REPORTING_WORDS
    )


def _cleft(s: Sentence, cue, trigger: Trigger) -> bool:
    """ "Bukan Mesir yang menyerang Sudan", "it was not Egypt that attacked": a negation, an
    actor and a relative word before the event word deny who did it."""
    actor = next((a for a in s.actors if a.first == cue.last), None)
    if actor is None:
        return False
    between = range(actor.end, trigger.first)
    return len(between) == 1 and bool(s.roles[actor.end][0] & {"relative", "clause"})


def cue_flags(s: Sentence, trigger: Trigger, lang: str) -> dict:
    start = clause_start(s, trigger.first)
    negated = intended = hedged = expected = background = False
    for cue in s.cues:
        if cue.kind in ("background", "then"):
            background = True
        cleft = cue.kind == "negation" and _cleft(s, cue, trigger)
        if cue.last > trigger.first or (
            cue.first < start and not (cleft or _denies(s, cue, start))
        ):
            continue
        distance = trigger.first - cue.last
        # "denied wrongdoing and accused ...": a cue does not reach past "and" to the next verb
        # nor into a relative clause ("akan membalas serangan Israel yang menghantam ...")
        coordinated = any(
            s.roles[i][1] in _CONJUNCTIONS or "relative" in s.roles[i][0]
            for i in range(cue.last, trigger.first)
        )
        if cue.kind == "negation" and (
            _denies(s, cue, start) or distance <= _NEGATION_REACH and not coordinated
        ):
            negated = True
        elif cleft:
            negated = True  # "Bukan Mesir yang menyerang Sudan": not Egypt did it
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


def sentence_date(s: Sentence, text: str, reference: date | None):
    """The first date the sentence states in its main clause, resolved against the
    publication date; every date it states is kept on the sentence for its events."""
    s.dates = _stated_dates(s, text, reference)
    # the same dates read forward, for the events it plans ("akan bertemu pada 20 Maret")
    s.planned_dates = _stated_dates(s, text, reference, future=True) if s.dates else []
    for first, resolved in s.dates:
        if _scope(s, first) in (-1, *_occasions(s)):
            s.date_doubtful = resolved.weekday_mismatch
            return resolved.date.isoformat(), resolved.precision
    return None


# "the war between the army and the RSF, which erupted ...": how far the clause may start
_DESCRIBED_REACH = 12

# event_date's answer when the sentence's date is that of the act an event reacts to
NOT_ITS_DATE = (None, None)


def event_date(s: Sentence, trigger: Trigger, planned: bool = False):
    """The date stated in the same clause as the event word: "mengirimkan bantuan untuk korban
    gempa yang mengguncang Myanmar pada Jumat (28/3)" dates the quake, not the aid; "situs
    yang dibom Israel pada Juni lalu" dates the bombing; "serangan yang terjadi pada Jumat"
    dates the attack. None when the sentence states no date for it. A ``planned`` event
    (an intention, an expectation) reads open dates forward: "akan bertemu pada Jumat" is
    next Friday, "will visit China in April" the coming April."""
    scopes = {_scope(s, trigger.first)}
    described = describing_clause(s, trigger)
    if described is not None:
        scopes.add(described)  # the clause right after an event noun describes it
    if -1 in scopes:
        scopes.update(_occasions(s))
    for first, resolved in s.planned_dates if planned else s.dates:
        if _scope(s, first) not in scopes:
            continue
        if _dates_its_object(s, trigger, first):
            return NOT_ITS_DATE
        return resolved.date.isoformat(), resolved.precision
    return None


def describing_clause(s: Sentence, trigger: Trigger) -> int | None:
    """The relative clause after an event noun, at once or past its actors ("the war between
    the army and the RSF, which erupted in April 2023"): it describes the noun."""
    end = trigger.end
    if end < len(s.tokens) and "relative" in s.roles[end][0]:
        return end
    if not is_nominal(s, trigger, s.lang):
        return None
    for i in range(end, min(len(s.tokens) - 1, end + _DESCRIBED_REACH)):
        if any(t.first == i and not is_nominal(s, t, s.lang) for t in s.triggers):
            return None  # a verb first: the clause is not the noun's ("konvoi bantuan" is)
        if s.tokens[i].text == "," and "relative" in s.roles[i + 1][0]:
            return i + 1
    return None


def _dates_its_object(s: Sentence, trigger: Trigger, first: int) -> bool:
    """ "mengecam keras serangan udara Israel ke Gaza pada Selasa (28/10)": a date after the
    event noun a reaction is about dates that act, not the reaction."""
    code = trigger.entry.cameo
    if code[:2] not in _REACTION_ROOTS or code[:3] in ("115", "116"):
        return False  # a lawsuit or a verdict has its own date
    return any(
        trigger.end <= t.first < first
        and t.entry.cameo[:2] in _FORCEFUL_ROOTS
        and is_nominal(s, t, s.lang)
        for t in s.triggers
    )


def _occasions(s: Sentence) -> list[int]:
    """Relative clauses that date the occasion of the main clause: "ditangkap dalam operasi
    tangkap tangan yang digelar Rabu malam" happened when the operation was held."""
    return [
        i
        for i, (roles, _) in enumerate(s.roles)
        if "relative" in roles
        and any("during" in s.roles[j][0] for j in range(max(0, i - _OCCASION_REACH), i))
    ]


def _stated_dates(s: Sentence, text: str, reference: date | None, future: bool = False) -> list:
    if reference is None:
        return []
    found = []
    for mention in find_dates(s.tokens, s.lang, reference, text, future=future):
        if mention.resolved is None or _describes_a_noun(s, mention):
            continue
        first = next((i for i, t in enumerate(s.tokens) if t.start >= mention.start), None)
        if first is not None:
            found.append((first, mention.resolved))
    return found


def _scope(s: Sentence, position: int) -> int:
    """The relative clause a token is in (the index of its "yang"/"who"), or -1 for the main
    clause: a comma not followed by a relative word closes the clause going back."""
    for i in range(position - 1, -1, -1):
        if "relative" in s.roles[i][0]:
            return i
        if s.tokens[i].text == "," and not _inside_a_clause(s, i):
            return -1
    return -1


def _inside_a_clause(s: Sentence, comma: int) -> bool:
    """A comma that opens a relative clause, or sits between two names ("di Cebu, Filipina,
    pada Selasa"), does not end the clause it is in."""
    if comma + 1 >= len(s.tokens) or comma == 0:
        return False
    after, before = s.tokens[comma + 1], s.tokens[comma - 1]
    if "relative" in s.roles[comma + 1][0]:
        return True
    return before.text[:1].isupper() and after.text[:1].isupper()


def is_past(when: str | None, precision: str | None, reference: date | None) -> bool:
    """An event dated well before the article is background (a week's grace for days)."""
    if not when or reference is None or precision in (None, "publication"):
        return False
    moment = date.fromisoformat(when[:10]) if len(when) >= 10 else None
    if moment is None:
        return False
    grace = {"day": 7, "week": 14, "month": 45, "year": 366}.get(precision, 7)
    return (reference - moment).days > grace


def place_of(s: Sentence, places: Places, trigger: Trigger | None = None) -> str | None:
    """Where: the first known place after "di"/"in"/"at"/"near" ("di Jenewa" -> Geneva);
    else a known place the act is done to ("menyerang kota Kharkiv di Ukraina", "struck
    the city of Kharkiv"): a city named after the event word, not inside a person's or a
    body's name, nor a country."""
    for i, (roles, _) in enumerate(s.roles):
        if "place" not in roles:
            continue
        found = _place_at(s, places, i + 1)
        if found is not None:
            return found
    if trigger is None:
        return None
    names = {i for a in s.actors if a.kind not in _PLACE_KINDS for i in range(a.first, a.end)}
    for i in range(trigger.end, min(len(s.tokens), trigger.end + _PLACE_REACH)):
        if s.tokens[i].text in (".", ";", ":") or "clause" in s.roles[i][0]:
            break
        if i in names or (i > 0 and s.tokens[i - 1].text[:1].isupper()):
            continue  # inside a name, or not the start of a capitalised run
        found = _place_at(s, places, i)
        if found is not None:
            return found
    return None


def _place_at(s: Sentence, places: Places, first: int) -> str | None:
    """The known place whose name starts at token ``first``, if any."""
    words = []
    for token in s.tokens[first : first + places.longest]:
        if not token.text[:1].isupper():
            break
        words.append(token.text)
    found = places.lookup(words) if words else None
    return found[0].name if found is not None else None


def score_confidence(nominal: bool, flags: dict, sources, targets) -> float:
    score = 0.85 if not nominal else 0.7
    if flags["modality"] in ("hedged", "expected"):
        score -= 0.15
    if len(sources) > 1 or len(targets) > 1:
        score -= 0.05
    return max(0.1, min(1.0, score))


def _describes_a_noun(s: Sentence, mention) -> bool:
    """ "this year's chair of ASEAN", "last year's summit": a date with a possessive after it
    qualifies a noun, it does not date the event."""
    after = next((t for t in s.tokens if t.start >= mention.end), None)
    return after is not None and after.lower in ("'s", "’s")
