"""One writer per format, all fed by the same filtered, paged event query.

GDELT 2.0 column mapping (the 61 columns of the GDELT 2.0 Event table, in order):

* GlobalEventID = kabar event id; Day = event date as YYYYMMDD (the publication date when
  the article gives none), MonthYear, Year, FractionDate (year + day-of-year / 365);
* Actor1/Actor2: Code = kabar actor code (IDNGOV); Name = the actor's name; CountryCode =
  its ISO alpha-3 country; Type1Code = its sector (GOV, MIL, ...); KnownGroup, Ethnic,
  Religion1/2 and Type2/3 codes are empty (kabar does not code them);
* IsRootEvent = 1 when the event's sentence is the article's first, else 0; EventCode,
  EventBaseCode (first three digits), EventRootCode; QuadClass; GoldsteinScale;
* NumMentions, NumSources, NumArticles = the story event's mentions, outlets and articles
  when the article belongs to a story (one event reported by many counted once), else 1;
* AvgTone = empty (kabar does not score tone);
* Actor1Geo_*, Actor2Geo_* = empty; ActionGeo_FullName = the place the event happened
  (kabar's location), ActionGeo_Type = 4 (city) when there is one, other geo fields empty;
* DATEADDED = when the article was ingested (YYYYMMDDHHMMSS); SOURCEURL = the article URL.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, select

from ..store import Store
from ..store import _queries as queries
from ..store._schema import articles, story_event_mentions, story_events

FORMATS = ("gdelt", "plover", "csv", "parquet")
PAGE = 5_000

_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_FIELDS = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)
GDELT_COLUMNS = (
    ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{f}" for f in _ACTOR_FIELDS]
    + [f"Actor2{f}" for f in _ACTOR_FIELDS]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass"]
    + ["GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{f}" for f in _GEO_FIELDS]
    + [f"Actor2Geo_{f}" for f in _GEO_FIELDS]
    + [f"ActionGeo_{f}" for f in _GEO_FIELDS]
    + ["DATEADDED", "SOURCEURL"]
)


def export_events(
    store: Store, where: queries.EventFilter, fmt: str, out: str | Path | IO[str]
) -> int:
    """Write the events matching ``where`` in ``fmt`` to ``out`` (a path, or a text stream
    for every format but Parquet); return how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    with store.engine.connect() as connection:
        pages = _pages(connection, where)
        if fmt == "parquet":
            if not isinstance(out, str | Path):
                raise ValueError("Parquet is written to a file: give a path")
            return _write_parquet(pages, Path(out))
        writer = {"gdelt": _write_gdelt, "plover": _write_plover, "csv": _write_csv}[fmt]
        if isinstance(out, str | Path):
            with open(out, "w", encoding="utf-8", newline="") as stream:
                return writer(pages, stream)
        return writer(pages, out)


def _pages(connection: Connection, where: queries.EventFilter) -> Iterator[list[dict]]:
    """The matching events page by page, each with its article's extras and story counts.

    Pages follow the API's order (newest event date first, then id); offsets are taken
    inside one read connection, so the pages are one consistent snapshot on SQLite.
    """
    offset = 0
    while True:
        rows = queries.event_rows(connection, where, limit=PAGE, offset=offset)
        if not rows:
            return
        _add_extras(connection, rows)
        yield rows
        offset += PAGE


def _add_extras(connection: Connection, rows: list[dict]) -> None:
    ids = [row["id"] for row in rows]
    counts = {
        row.event_id: row
        for row in connection.execute(
            select(
                story_event_mentions.c.event_id,
                story_events.c.mentions,
                story_events.c.outlets,
                story_events.c.articles,
            )
            .join(story_events, story_events.c.id == story_event_mentions.c.story_event_id)
            .where(story_event_mentions.c.event_id.in_(ids))
        )
    }
    added = {
        row.id: row.ingested_at
        for row in connection.execute(
            select(articles.c.id, articles.c.ingested_at).where(
                articles.c.id.in_({row["article_id"] for row in rows})
            )
        )
    }
    for row in rows:
        found = counts.get(row["id"])
        row["num_mentions"] = found.mentions if found else 1
        row["num_sources"] = found.outlets if found else 1
        row["num_articles"] = found.articles if found else 1
        row["ingested_at"] = added.get(row["article_id"])


# -- GDELT ------------------------------------------------------------------------------------


def gdelt_row(event: dict[str, Any]) -> list[str]:
    """One event as the 61 values of a GDELT 2.0 event row (see the module docstring)."""
    day = _event_day(event)
    values: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS, "")
    values.update(
        GlobalEventID=event["id"],
        Day=day.strftime("%Y%m%d") if day else "",
        MonthYear=day.strftime("%Y%m") if day else "",
        Year=day.year if day else "",
        FractionDate=f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        IsRootEvent=1 if event["evidence_start"] == 0 else 0,
        EventCode=event["cameo"],
        EventBaseCode=event["cameo"][:3],
        EventRootCode=event["cameo_root"],
        QuadClass=event["quad_class"],
        GoldsteinScale=event["goldstein"],
        NumMentions=event.get("num_mentions", 1),
        NumSources=event.get("num_sources", 1),
        NumArticles=event.get("num_articles", 1),
        ActionGeo_Type=4 if event["location"] else "",
        ActionGeo_FullName=event["location"] or "",
        DATEADDED=_compact_time(event.get("ingested_at")),
        SOURCEURL=event["url"] or "",
    )
    for number, side in ((1, "source"), (2, "target")):
        if event[f"{side}_code"]:
            values[f"Actor{number}Code"] = event[f"{side}_code"]
            values[f"Actor{number}Name"] = event[f"{side}_name"] or ""
            values[f"Actor{number}CountryCode"] = event[f"{side}_country"] or ""
            values[f"Actor{number}Type1Code"] = event[f"{side}_sector"] or ""
    return [_cell(values[column]) for column in GDELT_COLUMNS]


def _write_gdelt(pages, stream: IO[str]) -> int:
    return _write_lines(pages, stream, lambda row: "\t".join(gdelt_row(row)))


def _cell(value: Any) -> str:
    # GDELT is tab-separated with no quoting: tabs and line breaks inside names go
    return " ".join(str(value).split()) if value is not None else ""


def _event_day(event: dict[str, Any]) -> date | None:
    for value in (event["date"], event["published"]):
        if value and len(value) >= 10:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def _compact_time(value: str | None) -> str:
    return "".join(ch for ch in (value or "")[:19] if ch.isdigit())


# -- PLOVER -----------------------------------------------------------------------------------


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a PLOVER JSON record (PLOVER manual, table 6.1): actor and recipient
    as lists of entity objects; a symmetric event lists both sides as actors."""
    actor = [_entity(event, "source")]
    recipient = [_entity(event, "target")] if event["target_code"] else []
    if event["symmetric"] and recipient:
        actor, recipient = actor + recipient, []
    day = _event_day(event)
    return {
        "id": f"kabar-{event['id']}",
        "date": day.isoformat() if day else None,
        "actor": actor,
        "recipient": recipient,
        "event": [event["plover_type"]] if event["plover_type"] else [],
        "mode": [event["plover_mode"]] if event["plover_mode"] else [],
        "context": [],
        "quad_code": event["quad_class"],
        "event_scale": event["goldstein"],
        "event_loc": {"extracted_place": event["location"]} if event["location"] else None,
        "event_text": [event["evidence"]],
        "cite_info": {
            "url": event["url"],
            "title": event["article_title"],
            "language": event["language"],
            "publication": event["outlet"],
            "coder": "kabar",
            "codebook": "CAMEO 1.1b3 mapped to PLOVER (CAMEO2PLOVER-2021)",
        },
        "cameo": event["cameo"],
        "negated": bool(event["negated"]),
        "background": bool(event["background"]),
        "modality": event["modality"],
        "num_mentions": event.get("num_mentions", 1),
    }


def _entity(event: dict[str, Any], side: str) -> dict[str, Any]:
    return {
        "code": event[f"{side}_country"] or event[f"{side}_code"][:3],
        "sector": event[f"{side}_sector"],
        "entity_text": event[f"{side}_name"],
        "identifier_text": event[f"{side}_code"],
    }


def _write_plover(pages, stream: IO[str]) -> int:
    return _write_lines(
        pages, stream, lambda row: json.dumps(plover_record(row), ensure_ascii=False)
    )


def _write_lines(pages, stream: IO[str], line: Callable[[dict], str]) -> int:
    written = 0
    for rows in pages:
        for row in rows:
            stream.write(line(row) + "\n")
            written += 1
    return written


# -- CSV and Parquet --------------------------------------------------------------------------

COLUMNS = [c.name for c in queries.EVENT_COLUMNS] + ["num_mentions", "num_sources", "num_articles"]


def _write_csv(pages, stream: IO[str]) -> int:
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    written = 0
    for rows in pages:
        writer.writerows(rows)
        written += len(rows)
    return written


def _write_parquet(pages, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, _arrow_type(pa, name)) for name in COLUMNS])
    written = 0
    with pq.ParquetWriter(path, schema) as writer:
        for rows in pages:
            table = pa.Table.from_pylist(
                [{name: row.get(name) for name in COLUMNS} for row in rows], schema=schema
            )
            writer.write_table(table)
            written += len(rows)
    return written


_INTEGERS = {"id", "article_id", "quad_class", "evidence_start", "evidence_end"}
_INTEGERS |= {"num_mentions", "num_sources", "num_articles"}
_FLOATS = {"goldstein", "confidence"}
_BOOLEANS = {"background", "negated", "symmetric"}


def _arrow_type(pa, name: str):
    if name in _INTEGERS:
        return pa.int64()
    if name in _FLOATS:
        return pa.float64()
    if name in _BOOLEANS:
        return pa.bool_()
    return pa.string()
