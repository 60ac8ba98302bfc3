"""Where the watcher's log lines go: a stream, as text or one JSON object per line.

The poller only logs (logger ``kabar.watch``, the record of each line in ``extra``); the
command decides how lines look, so a library user can route them as they like.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TextIO

from ._poller import LOG


class JsonLines(logging.Formatter):
    """One JSON object per line: time, level, message and the line's record."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="seconds"),
            "level": record.levelname.lower(),
            "message": record.getMessage(),
            **(getattr(record, "watch", None) or {}),
        }
        if record.exc_info:
            line["traceback"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


@contextmanager
def log_to(stream: TextIO, as_json: bool = False) -> Iterator[logging.Logger]:
    """Send the watcher's lines (INFO and up) to ``stream`` while the block runs."""
    handler = logging.StreamHandler(stream)
    if as_json:
        handler.setFormatter(JsonLines())
    else:
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%dT%H:%M:%S%z")
        )
    level = LOG.level
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    try:
        yield LOG
    finally:
        LOG.removeHandler(handler)
        LOG.setLevel(level)
