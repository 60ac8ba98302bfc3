"""Export stage: events out of the store as GDELT-2.0-style TSV, PLOVER JSONL, CSV or
Parquet, with the same filters as the HTTP API (``EventFilter``).

Rows stream from the store in pages, so an export of millions of events holds one page
in memory (Parquet writes one row group per page).
"""

from ._writers import FORMATS, GDELT_COLUMNS, export_events, gdelt_row, plover_record

__all__ = ["FORMATS", "GDELT_COLUMNS", "export_events", "gdelt_row", "plover_record"]
