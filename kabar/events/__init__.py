"""Event coding: Article -> [Event] (who did what to whom, CAMEO/PLOVER, dates, evidence)."""

from ._coder import Coder
from ._discards import Discards, read_petrarch_discards
from ._lexicon import NOT_AN_EVENT, Entry, Lexicon, LexiconError, Trigger
from ._petrarch_verbs import read_petrarch_verbs

__all__ = [
    "NOT_AN_EVENT",
    "Coder",
    "Discards",
    "Entry",
    "Lexicon",
    "LexiconError",
    "Trigger",
    "read_petrarch_discards",
    "read_petrarch_verbs",
]
