"""Extract stage: RawDoc -> Article (text, title, outlet, dateline, dates, cited sources)."""

from ._dateline import Dateline, parse_dateline
from ._extractor import Extractor
from ._outlets import Outlet, OutletTable

__all__ = ["Dateline", "Extractor", "Outlet", "OutletTable", "parse_dateline"]
