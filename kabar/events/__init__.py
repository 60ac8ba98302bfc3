"""Event coding: Article -> [Event] (who did what to whom, CAMEO/PLOVER, dates, evidence)."""

from ._coder import Coder
from ._lexicon import Entry, Lexicon, LexiconError, Trigger

__all__ = ["Coder", "Entry", "Lexicon", "LexiconError", "Trigger"]
