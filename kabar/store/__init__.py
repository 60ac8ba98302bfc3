"""Store stage: articles in SQLite (default) or PostgreSQL, idempotent and crash-safe."""

from ._schema import LATEST as SCHEMA_VERSION
from ._store import Added, Outcome, Store, database_url, normalise_text, url_key

__all__ = [
    "SCHEMA_VERSION",
    "Added",
    "Outcome",
    "Store",
    "database_url",
    "normalise_text",
    "url_key",
]
