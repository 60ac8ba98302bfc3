"""Evaluation: the coder against gold files (``kabar eval``) and PETRARCH2's unit tests;
stories and lineage against a gold story corpus (``kabar eval-stories``)."""

from ._export import export_gold
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
from ._stories import StoryScores, evaluate_stories, score_stories

__all__ = [
    "LEVELS",
    "GoldError",
    "PetrarchReport",
    "StoryScores",
    "Report",
    "Tally",
    "article_for",
    "evaluate",
    "evaluate_stories",
    "export_gold",
    "format_report",
    "load_gold",
    "match_code",
    "match_plover",
    "match_root",
    "pair",
    "run_petrarch_suite",
    "score_stories",
]
