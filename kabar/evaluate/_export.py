"""Analysts' reviews as a gold file, so that ``kabar eval`` scores the coder against them.

Every article with at least one reviewed event becomes a gold record (the format of
``../shared/seed/expected.json``) and a text file ``ID.txt`` (title, blank line, text):

* an event marked correct is a core gold event, as coded;
* a corrected event is a core gold event with the analyst's code, actors or date;
* an event marked wrong is left out, so predicting it again counts against the coder;
* an event nobody reviewed is kept as *secondary*: predicting it is no error, missing it
  costs no recall, since nobody said whether it is right.

The latest review of an event counts; earlier ones stay in the store as history.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..ontology import Ontology
from ..store import Store
from ..store import _queries as queries
from ..store._schema import events


def export_gold(store: Store, out_file: str | Path, texts_dir: str | Path) -> dict[str, int]:
    """Write the gold file and the texts; return how many articles and events went out."""
    out_file, texts_dir = Path(out_file), Path(texts_dir)
    texts_dir.mkdir(parents=True, exist_ok=True)
    ontology = Ontology.load()
    counts = {"articles": 0, "core": 0, "secondary": 0, "wrong": 0}
    with store.engine.connect() as connection:
        latest = queries.latest_reviews(connection)
        article_ids = sorted({review["article_id"] for review in latest.values()})
        records = []
        for article_id in article_ids:
            article = store.article(article_id)
            rows = connection.execute(
                select(events).where(events.c.article_id == article_id).order_by(events.c.id)
            ).mappings()
            gold_events = []
            for row in rows:
                review = latest.get(row["id"])
                if review and review["verdict"] == "wrong":
                    counts["wrong"] += 1
                    continue
                gold_events.append(_gold_event(dict(row), review, ontology))
                counts["core" if review else "secondary"] += 1
            records.append(_record(article, gold_events))
            name = f"article-{article_id}"
            title = (article["title"] or "").replace("\n", " ")
            (texts_dir / f"{name}.txt").write_text(f"{title}\n\n{article['text']}\n", "utf-8")
            counts["articles"] += 1
    with out_file.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return counts


def _record(article: dict[str, Any], gold_events: list[dict]) -> dict[str, Any]:
    return {
        "id": f"article-{article['id']}",
        "lang": article["language"],
        "url": article["url"],
        "outlet": article["outlet"],
        "title": article["title"],
        "published": article["published"],
        "cited_sources": article["cited_sources"],
        "events": gold_events,
    }


def _gold_event(row: dict, review: dict | None, ontology: Ontology) -> dict[str, Any]:
    corrected = review if review and review["verdict"] == "corrected" else {}
    source_code = corrected.get("source_code") or row["source_code"]
    target_code = corrected.get("target_code") or row["target_code"]
    cameo = corrected.get("cameo") or row["cameo"]
    source = _side(source_code, row["source_code"], row["source_country"], row["source_sector"])
    target = _side(target_code, row["target_code"], row["target_country"], row["target_sector"])
    plover = ontology.plover(cameo)[0] if ontology.get(cameo) else row["plover_type"]
    return {
        "eid": f"e{row['id']}",
        "source": source[0],
        "source_sector": source[1],
        "source_name": row["source_name"] if source_code == row["source_code"] else source_code,
        "target": target[0],
        "target_sector": target[1],
        "target_name": row["target_name"] if target_code == row["target_code"] else target_code,
        "cameo": cameo,
        "plover": plover,
        "date": corrected.get("date") or row["date"],
        "negated": bool(row["negated"]),
        "background": bool(row["background"]),
        "symmetric": bool(row["symmetric"]),
        "salience": "core" if review else "secondary",
        "review": review["verdict"] if review else None,
    }


def _side(code, coded_code, coded_country, coded_sector) -> tuple[str | None, str | None]:
    """Country (or "IGO") and sector of one side, as the gold format writes them."""
    if code is None:
        return None, None
    if code == coded_code:
        country = coded_country or ("IGO" if coded_sector == "IGO" else None)
        return country, coded_sector
    # an analyst's code: three letters of country (or IGO), then the sector
    return code[:3], code[3:] or None
