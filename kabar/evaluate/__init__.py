"""Evaluation: the coder against gold files (``kabar eval``) and PETRARCH2's unit tests."""

from ._gold import (
    LEVELS,
    GoldError,
    Report,
    Tally,
    article_for,
    evaluate,
    format_report,
    load_gold,
    match_code,
    match_plover,
    match_root,
    pair,
)
from ._petrarch import PetrarchReport, run_petrarch_suite

__all__ = [
    "LEVELS",
    "GoldError",
    "PetrarchReport",
    "Report",
    "Tally",
    "article_for",
    "evaluate",
    "format_report",
    "load_gold",
    "match_code",
    "match_plover",
    "match_root",
    "pair",
    "run_petrarch_suite",
]
