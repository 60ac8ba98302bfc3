"""JSON Lines dumps (and plain JSON arrays of records), field names from settings."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from ..models import Failure, RawDoc
from ..settings import JsonlFields
from ._hashing import sha256

_CLOSING = frozenset(",.;:!?%)]}'")
_OPENING = frozenset("([{")
_SLASH = re.compile(r"(\d)\s*/\s*(\d)")


def read_jsonl(location: str, stream: BinaryIO, fields: JsonlFields) -> Iterator[RawDoc | Failure]:
    """One RawDoc per valid line; a Failure naming ``file:line`` for each bad one."""
    for number, line in enumerate(stream, start=1):
        if line.strip():
            yield _from_line(f"{location}:{number}", line, fields)


def read_json_array(location: str, data: bytes, fields: JsonlFields) -> Iterator[RawDoc | Failure]:
    """A JSON document holding one record or a list of records."""
    try:
        value = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield Failure(location, f"invalid JSON: {exc}")
        return
    records = value if isinstance(value, list) else [value]
    for number, record in enumerate(records, start=1):
        yield _from_record(f"{location}[{number}]", record, sha256(json.dumps(record)), fields)


def _from_line(location: str, line: bytes, fields: JsonlFields) -> RawDoc | Failure:
    try:
        record = json.loads(line.decode("utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        return Failure(location, f"invalid JSON line: {exc.msg} at column {exc.colno}")
    return _from_record(location, record, sha256(line), fields)


def _from_record(location: str, record: Any, digest: str, fields: JsonlFields) -> RawDoc | Failure:
    if not isinstance(record, dict):
        return Failure(location, f"record is a JSON {type(record).__name__}, not an object")
    # "title" is always set (maybe None): a record's text is all body, never a title line.
    hints = {key: _first(record, getattr(fields, key)) for key in ("title", "published", "outlet")}
    url = _first(record, fields.url)
    html = _first(record, fields.html)
    if isinstance(html, str) and html.strip():
        return RawDoc(location, "html", html, digest, url=url, encoding="utf-8", hints=hints)
    text = _first(record, fields.text)
    if isinstance(text, list):
        text = detokenize_paragraphs(text)
    if not isinstance(text, str) or not text.strip():
        wanted = ", ".join(fields.text + fields.html)
        return Failure(location, f"record has no text (looked for fields: {wanted})")
    return RawDoc(location, "text", text, digest, url=url, encoding="utf-8", hints=hints)


def _first(record: dict[str, Any], names: list[str]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, "", []):
            return value
    return None


def detokenize_paragraphs(paragraphs: Iterable[Any]) -> str:
    """Rebuild text from tokenized paragraphs (paragraph -> sentence -> token), as IndoSum has."""
    out = []
    for paragraph in paragraphs:
        if isinstance(paragraph, str):
            out.append(paragraph)
        else:
            out.append(detokenize(t for s in paragraph for t in ([s] if isinstance(s, str) else s)))
    return "\n\n".join(p for p in out if p.strip())


def detokenize(tokens: Iterable[str]) -> str:
    """Join tokens with the spacing of ordinary prose ("Jakarta , Senin ( 27 / 3 )" fixed).

    Straight double quotes alternate between opening (glued to the next token) and closing
    (glued to the previous one).
    """
    pieces: list[str] = []
    quote_open = glue_next = False
    for token in map(str, tokens):
        glue = glue_next or not pieces or token in _CLOSING
        glue_next = token in _OPENING
        if token == '"':
            glue = glue or quote_open
            glue_next = not quote_open
            quote_open = not quote_open
        pieces.append(token if glue else " " + token)
    return _SLASH.sub(r"\1/\2", "".join(pieces))
