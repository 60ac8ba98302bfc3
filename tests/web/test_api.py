"""The HTTP API and the server-rendered pages, through an in-process client on a temporary
database holding the sample corpus; reviews, export to gold, bad parameters, escaping."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from conftest import REPO, SAMPLE
from fastapi.testclient import TestClient

from kabar.cli import main
from kabar.pipeline import ingest
from kabar.settings import default_settings
from kabar.store import Store
from kabar.web import create_app

TOKEN = "review-secret"
HOSTILE = (
    "Serangan <script>window.__pwned=1</script> di Perbatasan\n\n"
    "Jakarta, Kabar Uji - Menteri Luar Negeri Sugiono mengecam serangan militer Israel "
    'terhadap Gaza pada Senin (19/1/2026). <img src=x onerror="alert(1)"> Ia meminta Dewan '
    "Keamanan PBB segera bersidang. Tautan javascript:alert(2) beredar di media sosial, "
    'kata juru bicara Kementerian Luar Negeri. "><svg onload=alert(3)> Pemerintah Indonesia '
    "juga mengirim bantuan ke Gaza melalui Mesir.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory, module_db_url):
    """The sample corpus and a hostile article, on each backend in turn."""
    folder = tmp_path_factory.mktemp("web")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    outlets = str(REPO / "kabar" / "data" / "sample-outlets.tsv")
    settings = default_settings().replace(**{"extract.outlet_files": [outlets]})
    with Store.open(module_db_url) as store:
        report = ingest([str(SAMPLE), str(folder / "hostile.txt")], store, settings)
        assert not report.failures
    return module_db_url


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db, review_token=TOKEN))


@pytest.fixture(scope="module")
def reader(db):
    """The same database served without a review token: reading only."""
    return TestClient(create_app(db))


def get_json(client, path, **params):
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_every_page_has_an_html_and_a_json_twin(client):
    story = get_json(client, "/stories.json", min_articles=2)["stories"][0]["id"]
    article = get_json(client, "/articles.json")["articles"][0]["id"]
    dyad = get_json(client, "/dyads.json")["dyads"][0]
    for path in (
        "/",
        "/stories",
        f"/stories/{story}",
        "/articles",
        f"/articles/{article}",
        "/events",
        "/actors",
        "/actors/IDNGOV",
        "/dyads",
        f"/dyads/{dyad['source_code']}/{dyad['target_code']}",
        "/outlets",
        "/search?q=Anwar",
    ):
        html = client.get(path)
        assert html.status_code == 200, path
        assert html.headers["content-type"].startswith("text/html")
        assert "<nav>" in html.text
        twin = "/index.json" if path == "/" else path.replace("?", ".json?", 1)
        if "?" not in path and path != "/":
            twin = path + ".json"
        assert client.get(twin).headers["content-type"] == "application/json", twin


def test_openapi_documents_the_json_api(client):
    spec = get_json(client, "/openapi.json")
    for path in ("/events.json", "/stories.json", "/actors.json", "/dyads.json", "/outlets.json"):
        assert path in spec["paths"]
    assert "/events.csv" in spec["paths"] and "/events/{event_id}/review" in spec["paths"]
    assert client.get("/docs").status_code == 200


def test_overview_counts_and_chart_data(client):
    data = get_json(client, "/index.json")
    assert data["counts"]["articles"] == 28 and data["counts"]["stories"] >= 17
    chart = data["chart"]
    assert [d["label"] for d in chart["datasets"]][0] == "verbal cooperation"
    assert len(chart["labels"]) == len(chart["datasets"][0]["data"]) > 0
    assert sum(sum(d["data"]) for d in chart["datasets"]) > 0


def test_events_filters_combine(client):
    everything = get_json(client, "/events.json", limit=500)
    assert everything["total"] == len(everything["events"]) > 50
    mine = get_json(client, "/events.json", actor="IDNGOV", root="04", language="id")
    assert mine["total"] > 0
    for event in mine["events"]:
        assert "IDNGOV" in (event["source_code"], event["target_code"])
        assert event["cameo_root"] == "04" and event["language"] == "id"
    january = get_json(client, "/events.json", since="2026-01-12", until="2026-01-13")
    assert all("2026-01-12" <= e["date"] <= "2026-01-13" for e in january["events"])
    text = get_json(client, "/events.json", q="Anwar")
    assert 0 < text["total"] < everything["total"]
    assert get_json(client, "/events.json", outlet="jakarta ledger")["total"] > 0
    assert get_json(client, "/events.json", plover="consult")["total"] > 0


def test_pagination_is_stable_and_complete(client):
    total = get_json(client, "/events.json", limit=1)["total"]
    seen = []
    offset = 0
    while offset < total:
        page = get_json(client, "/events.json", limit=7, offset=offset)
        seen += [e["id"] for e in page["events"]]
        offset += 7
    assert len(seen) == len(set(seen)) == total
    again = [e["id"] for e in get_json(client, "/events.json", limit=500)["events"]]
    assert seen == again


def test_events_download_as_csv_with_the_same_filters(client):
    response = client.get("/events.csv", params={"actor": "IDNGOV"})
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == get_json(client, "/events.json", actor="IDNGOV")["total"]
    assert {"source_code", "cameo", "evidence", "outlet", "date"} <= set(rows[0])


def test_story_page_shows_lineage_and_counted_events(client):
    story = get_json(client, "/stories.json", min_articles=5)["stories"][0]
    data = get_json(client, f"/stories/{story['id']}.json")
    assert len(data["story"]["articles_list"]) == 5
    assert len(data["lineage"]) == 1 and data["lineage"][0]["copies"]
    assert max(e["articles"] for e in data["story"]["events_list"]) >= 3
    page = client.get(f"/stories/{story['id']}").text
    assert "Lineage" in page and "verbatim" in page and "Events, each counted once" in page


def test_article_page_highlights_actors_and_evidence(client):
    story = get_json(client, "/stories.json", min_articles=5)["stories"][0]
    article = get_json(client, f"/articles/{story['original_article_id']}.json")
    assert article["events"] and article["provenance"]["story_id"] == story["id"]
    assert any(s["actor"] == "IDNGOV" for s in article["segments"])
    assert any(s["events"] for s in article["segments"])
    assert "".join(s["text"] for s in article["segments"]) == article["article"]["text"]
    page = client.get(f"/articles/{story['original_article_id']}").text
    assert 'class="mention' in page and '<mark class="evidence"' in page
    assert article["neighbours"]["previous"] or article["neighbours"]["next"]


def test_actor_and_dyad_pages(client):
    actor = get_json(client, "/actors/IDNGOV.json")
    assert actor["events"] and actor["partners"]
    assert {d["label"] for d in actor["chart"]["datasets"]} == {"as source", "as target"}
    dyad = get_json(client, "/dyads/IDNGOV/MYSGOV.json")
    assert dyad["events"] and dyad["per_day"]
    assert all({e["source_code"], e["target_code"]} == {"IDNGOV", "MYSGOV"} for e in dyad["events"])
    assert client.get("/actors/ZZZGOV").status_code == 404
    assert client.get("/dyads/IDNGOV/ZZZGOV").status_code == 404


def test_search_finds_words_and_phrases(client):
    hits = get_json(client, "/search.json", q="Anwar Ibrahim")["articles"]
    assert hits and all("Anwar" in (a["title"] + a["snippet"]) for a in hits[:2])
    phrase = get_json(client, "/search.json", q='"batas darat"')["articles"]
    assert phrase and len(phrase) <= len(get_json(client, "/search.json", q="batas")["articles"])
    assert get_json(client, "/search.json", q="zzzqqqxx")["articles"] == []


@pytest.mark.parametrize(
    "path",
    [
        "/events.json?limit=0",
        "/events.json?limit=100000",
        "/events.json?offset=-1",
        "/events.json?since=yesterday",
        "/events.json?root=4",
        "/events.json?actor=idn%20gov",
        "/events.json?quad_class=9",
        "/events.json?q=" + "x" * 500,
        "/stories/notanumber",
        "/articles/999999",
        "/stories/999999.json",
        "/actors/lower",
        "/search.json?q=" + "%22" * 3,
        "/search.json?q=AND%20OR%20NOT",
    ],
)
def test_bad_parameters_are_clear_4xx_never_500(client, path):
    response = client.get(path)
    assert 400 <= response.status_code < 500 or (
        response.status_code == 200 and "search" in path
    ), (path, response.status_code, response.text)
    assert response.status_code != 500


def test_reviews_need_the_token_and_never_change_the_event(client, reader, db):
    event = get_json(client, "/events.json", actor="IDNGOV", limit=1)["events"][0]
    before = get_json(client, f"/articles/{event['article_id']}.json")
    url = f"/events/{event['id']}/review"
    assert client.post(url, data={"verdict": "correct"}).status_code == 403
    assert client.post(url, data={"verdict": "correct", "token": "nope"}).status_code == 403
    off = reader.post(url, data={"verdict": "correct", "token": TOKEN})
    assert off.status_code == 403 and "reviews are off" in off.text
    assert client.post(url, data={"verdict": "maybe", "token": TOKEN}).status_code == 422
    assert (
        client.post(
            "/events/999999/review", data={"verdict": "correct", "token": TOKEN}
        ).status_code
        == 404
    )
    ok = client.post(
        url,
        data={"verdict": "corrected", "cameo": "036", "token": TOKEN},
        headers={"accept": "application/json"},
    )
    assert ok.status_code == 200 and ok.json()["event"] == event["id"]
    by_header = client.post(
        url, data={"verdict": "correct"}, headers={"x-review-token": TOKEN}, follow_redirects=False
    )
    assert by_header.status_code == 303
    after = get_json(client, f"/articles/{event['article_id']}.json")
    reviewed = next(e for e in after["events"] if e["id"] == event["id"])
    assert reviewed["review"]["verdict"] == "correct"  # the latest review counts
    original = next(e for e in before["events"] if e["id"] == event["id"])
    assert {k: reviewed[k] for k in original if k != "review"} == {
        k: original[k] for k in original if k != "review"
    }
    with Store.open(db) as store, store.engine.connect() as connection:
        from kabar.store._queries import event_reviews

        history = event_reviews(connection, event["id"])
    assert [r["verdict"] for r in history] == ["corrected", "correct"]
    assert history[0]["cameo"] == "036" and history[0]["created_at"]


def test_reviews_export_to_gold_and_score_with_kabar_eval(client, db, tmp_path):
    events = get_json(client, "/events.json", actor="MYSGOV", limit=3)["events"]
    verdicts = ["correct", "wrong", "corrected"]
    for event, verdict in zip(events, verdicts, strict=False):
        data = {"verdict": verdict, "token": TOKEN}
        if verdict == "corrected":
            data["cameo"] = "040"
        client.post(f"/events/{event['id']}/review", data=data)
    gold, texts = tmp_path / "gold.jsonl", tmp_path / "texts"
    runner = CliRunner()
    result = runner.invoke(main, ["export-gold", str(gold), "--texts", str(texts), "--db", db])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in gold.read_text().splitlines()]
    exported = {e["eid"]: e for r in records for e in r["events"]}
    assert f"e{events[1]['id']}" not in exported  # marked wrong: left out
    if len(events) > 2:
        assert exported[f"e{events[2]['id']}"]["cameo"] == "040"
    assert exported[f"e{events[0]['id']}"]["salience"] == "core"
    assert all((texts / f"{r['id']}.txt").exists() for r in records)
    scored = runner.invoke(main, ["eval", str(gold), "--texts", str(texts), "--json"])
    assert scored.exit_code == 0, scored.output
    report = json.loads(scored.output)
    assert report["articles"] == len(records) and report["root"]["recall"] > 0


def test_article_text_is_escaped_everywhere(client):
    hostile = get_json(client, "/search.json", q="Sugiono Gaza Mesir")["articles"]
    article_id = next(a["id"] for a in hostile if "script" in (a["title"] or ""))
    for path in (f"/articles/{article_id}", "/articles", "/search?q=pwned", "/events", "/"):
        page = client.get(path).text
        assert "<script>window.__pwned" not in page
        assert "<img src=x" not in page and "<svg onload" not in page
    page = client.get(f"/articles/{article_id}").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "onerror=&#34;alert(1)&#34;" in page or "onerror=&quot;alert(1)&quot;" in page


def test_serve_command_is_documented_and_refuses_a_bad_database(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert "--review-token" in result.output and "--port" in result.output
    folder = tmp_path / "not-a-db"
    folder.mkdir()
    bad = CliRunner().invoke(main, ["serve", "--db", str(folder)])
    assert bad.exit_code == 1 and "cannot open database" in bad.output


def test_every_actor_link_on_an_article_page_leads_to_a_page(client):
    import re

    story = get_json(client, "/stories.json", min_articles=5)["stories"][0]
    for member in get_json(client, f"/stories/{story['id']}.json")["story"]["articles_list"]:
        page = client.get(f"/articles/{member['id']}").text
        for code in set(re.findall(r'href="/actors/([^"]+)"', page)):
            assert client.get(f"/actors/{code}").status_code == 200, code
        related = get_json(client, f"/articles/{member['id']}.json")["related"]
        assert all({"outlets", "events", "languages"} <= set(s) for s in related)


def test_cached_aggregates_follow_the_store(tmp_path):
    """Overview, actors, dyads, outlets and searches are cached per state of the store:
    a new article or a review shows at once."""
    path = str(tmp_path / "k.db")
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(HOSTILE, encoding="utf-8")
    second.write_text(HOSTILE.replace("Sugiono", "Retno Marsudi").replace("Gaza", "Rafah"), "utf-8")
    settings = default_settings()
    with Store.open(path) as store:
        ingest([str(first)], store, settings)
    client = TestClient(create_app(path, review_token=TOKEN))
    before = get_json(client, "/index.json")["counts"]
    outlets_before = get_json(client, "/outlets.json")["outlets"]
    assert get_json(client, "/search.json", q="Rafah")["articles"] == []
    assert get_json(client, "/index.json")["counts"] == before  # served from the cache
    with Store.open(path) as store:
        ingest([str(second)], store, settings)
    after = get_json(client, "/index.json")["counts"]
    assert after["articles"] == before["articles"] + 1
    assert get_json(client, "/outlets.json")["outlets"] != outlets_before
    assert len(get_json(client, "/search.json", q="Rafah")["articles"]) == 1
