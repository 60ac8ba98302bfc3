"""The story stage: signatures, links, grouping, merges, lineage and events counted once.

The texts here are written for these tests; tests/golden/stories/ holds the gold corpus
(scored in test_story_corpus.py) and kabar/data/sample/ the sample corpus's stories.
"""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import date, timedelta

import pytest
from conftest import REPO, SAMPLE

from kabar.models import Article
from kabar.pipeline import ingest
from kabar.settings import Settings
from kabar.store import Store
from kabar.store._schema import KEY_BUCKET_DAYS
from kabar.stories import StoryBuilder
from kabar.stories._links import link
from kabar.stories._signature import anchors, shingle_hashes, signature

ORIGINAL = (
    "Jakarta, Kabar Uji - Menteri Luar Negeri Sugiono menerima Menteri Luar Negeri Vietnam "
    "Bui Thanh Son di Gedung Pancasila, Jakarta, Kamis (5/3/2026). Keduanya sepakat mempercepat "
    "perundingan batas Zona Ekonomi Eksklusif di Laut Natuna Utara yang tertunda sejak 2022.\n\n"
    "Sugiono mengatakan kedua negara menargetkan 14 putaran perundingan teknis selesai tahun "
    "ini. Menurut dia, nelayan Kepulauan Riau dan nelayan Vietnam sama-sama dirugikan oleh "
    "ketidakjelasan garis batas, sehingga 1.250 kapal ikan setiap tahun berisiko ditangkap.\n\n"
    "Bui Thanh Son menyampaikan undangan kepada Sugiono untuk berkunjung ke Hanoi pada Mei "
    "mendatang. Kedua menteri juga membahas perdagangan beras dan rencana penerbangan langsung "
    "Jakarta-Da Nang yang akan dibuka maskapai Vietjet."
)
REWRITE = (
    "Jakarta, Portal Kedua - Indonesia dan Vietnam sepakat mempercepat perundingan batas Zona "
    "Ekonomi Eksklusif di Laut Natuna Utara, seperti dilansir Kabar Uji. Kesepakatan itu dicapai "
    "saat Menteri Luar Negeri Sugiono menerima Menteri Luar Negeri Vietnam Bui Thanh Son di "
    "Gedung Pancasila, Jakarta, Kamis (5/3/2026).\n\n"
    "Sugiono menyebut ada 14 putaran perundingan teknis yang ditargetkan rampung tahun ini. "
    "Ketidakjelasan garis batas, kata dia, merugikan nelayan Kepulauan Riau maupun Vietnam, dan "
    "1.250 kapal ikan setiap tahun berisiko ditangkap.\n\n"
    "Dalam pertemuan itu Bui Thanh Son mengundang Sugiono ke Hanoi pada Mei mendatang."
)
ENGLISH = (
    "JAKARTA (Harbour Post) - Indonesian Foreign Minister Sugiono and his Vietnamese "
    "counterpart Bui Thanh Son agreed on Thursday to speed up talks on the boundary of their "
    "Exclusive Economic Zones in the North Natuna Sea, stalled since 2022.\n\n"
    "Sugiono said the two countries aim to finish 14 rounds of technical talks this year. "
    "Fishermen from the Riau Islands and from Vietnam both lose from the unclear line, he "
    "said, with 1,250 fishing boats at risk of seizure every year.\n\n"
    "Bui Thanh Son invited Sugiono to visit Hanoi in May. They also discussed the rice trade "
    "and a direct Jakarta-Da Nang route that Vietjet plans to open."
)
DISTRACTOR = (
    "Hanoi, Kabar Uji - Menteri Luar Negeri Sugiono bertemu Perdana Menteri Vietnam Pham Minh "
    "Chinh di Hanoi, Selasa (10/3/2026), untuk membahas investasi kendaraan listrik. Pham Minh "
    "Chinh meminta perusahaan Indonesia menanam modal di pabrik baterai di Hai Phong.\n\n"
    "Sugiono mengatakan Indonesia siap memasok nikel olahan dari Sulawesi. Kedua pihak "
    "menargetkan nilai perdagangan 18 miliar dolar AS pada 2028, naik dari 16 miliar dolar AS "
    "tahun lalu.\n\n"
    "Pertemuan itu berlangsung sehari setelah Sugiono membuka forum bisnis yang dihadiri 300 "
    "pengusaha kedua negara di Hanoi."
)


def article(text, outlet, url, published, language="id", title="Judul", cited=()):
    return Article(
        title=title,
        text=text,
        outlet=outlet,
        url=url,
        published=published[:10],
        published_at=published if "T" in published else None,
        published_precision="day",
        language=language,
        cited_sources=list(cited),
        location=url,
        raw_sha256="0" * 64,
    )


def the_story():
    return [
        article(ORIGINAL, "Kabar Uji", "https://kabaruji.example/a", "2026-03-05T03:00:00Z"),
        article(
            ORIGINAL.replace("Kabar Uji", "Portal Tiga"),
            "Portal Tiga",
            "https://portaltiga.example/a",
            "2026-03-05T04:00:00Z",
        ),
        article(
            REWRITE,
            "Portal Kedua",
            "https://portalkedua.example/a",
            "2026-03-05T05:00:00Z",
            cited=["Kabar Uji"],
        ),
        article(ENGLISH, "Harbour Post", "https://harbour.example/a", "2026-03-05T09:00:00Z", "en"),
    ]


def distractor():
    return article(DISTRACTOR, "Kabar Uji", "https://kabaruji.example/b", "2026-03-10T02:00:00Z")


def sig(a: Article, article_id=1):
    return signature(article_id, a.text, a.language, a.published, a.published_at, 128, a.outlet)


def stored(store: Store, articles: list[Article]) -> list[int]:
    return [added.article_id for added in store.add_many(articles)]


def groups(store: Store) -> set[frozenset[str]]:
    """The stories as sets of article URLs (independent of ids and story numbers)."""
    urls = {row["id"]: row["url"] for row in store.iter_articles()}
    return {
        frozenset(urls[m["id"]] for m in store.story(s["id"])["articles_list"])
        for s in store.stories(limit=10_000)
    }


def parents(store: Store) -> dict[str, str | None]:
    urls = {row["id"]: row["url"] for row in store.iter_articles()}
    out = {}
    for story in store.stories(limit=10_000):
        for member in store.story(story["id"])["articles_list"]:
            out[urls[member["id"]]] = urls.get(member["parent_article_id"])
    return out


# -- signatures and links ---------------------------------------------------------------------


def test_anchors_keep_names_and_numbers_not_titles_weekdays_years_or_the_outlet():
    found = anchors(ORIGINAL, outlet="Kabar Uji")
    assert {"sugiono", "vietnam", "natuna", "hanoi", "1250"} <= found
    assert not {"menteri", "luar", "negeri", "kamis", "2026", "2022", "kabar", "uji", "14"} & found


def test_numbers_agree_across_languages():
    assert "1250" in anchors(ENGLISH) and "1250" in anchors(ORIGINAL)


def test_shingle_hashes_are_stable_across_processes():
    # Python's hash() changes per process; stories stored yesterday must match today's.
    assert shingle_hashes("satu dua tiga") == {1008554589}


def test_a_verbatim_copy_is_a_near_duplicate(settings):
    original, copy = the_story()[:2]
    found = link(sig(original), sig(copy, 2), settings.stories)
    assert found is not None and found.kind == "near-duplicate"


def test_a_rewrite_and_a_translation_are_linked(settings):
    original, _, rewrite, english = the_story()
    assert link(sig(original), sig(rewrite, 2), settings.stories).kind == "rewrite"
    assert link(sig(original), sig(english, 3), settings.stories).kind == "same facts"


def test_same_actors_on_another_day_are_not_linked(settings):
    for member in the_story():
        assert link(sig(member), sig(distractor(), 9), settings.stories) is None


def test_a_copy_outside_the_window_is_not_linked(settings):
    original = the_story()[0]
    late = article(ORIGINAL, "Portal Tiga", "https://portaltiga.example/z", "2026-03-20")
    assert link(sig(original), sig(late, 2), settings.stories) is None


def test_an_undated_article_links_only_as_a_near_duplicate(settings):
    original, _, rewrite, _ = the_story()
    undated_copy = article(ORIGINAL, "Portal Tiga", "https://portaltiga.example/u", "")
    undated_rewrite = article(REWRITE, "Portal Empat", "https://empat.example/u", "")
    assert link(sig(original), sig(undated_copy, 2), settings.stories).kind == "near-duplicate"
    assert link(sig(original), sig(undated_rewrite, 3), settings.stories) is None


# -- grouping, lineage, merged events ---------------------------------------------------------


def test_a_story_and_a_distractor_are_grouped_apart(store, settings):
    stored(store, [*the_story(), distractor()])
    StoryBuilder(store, settings).add()
    story = frozenset(a.url for a in the_story())
    assert groups(store) == {story, frozenset({distractor().url})}


def test_lineage_names_each_copys_parent_and_the_original(store, settings):
    ids = stored(store, the_story())
    StoryBuilder(store, settings).add()
    assert parents(store) == {
        "https://kabaruji.example/a": None,
        "https://portaltiga.example/a": "https://kabaruji.example/a",
        "https://portalkedua.example/a": "https://kabaruji.example/a",
        "https://harbour.example/a": "https://kabaruji.example/a",
    }
    story = store.story(store.story_of(ids[0]))
    assert story["original_article_id"] == ids[0]
    by_url = {m["url"]: m for m in story["articles_list"]}
    assert by_url["https://portaltiga.example/a"]["reuse"] == "verbatim"
    assert by_url["https://portaltiga.example/a"]["shingle_share"] > 0.9
    rewrite = by_url["https://portalkedua.example/a"]
    assert rewrite["reuse"] == "rewrite" and rewrite["credits_parent"]
    assert 0.1 < rewrite["shingle_share"] < 0.9
    assert by_url["https://harbour.example/a"]["reuse"] == "translation"


def test_a_copy_of_a_copy_hangs_under_the_copy(store, settings):
    # The second copy repeats the rewrite word for word, credit line included: its parent is
    # the rewrite, not the outlet the rewrite credits.
    copy_of_rewrite = article(
        REWRITE.replace("Portal Kedua", "Portal Lima"),
        "Portal Lima",
        "https://lima.example/a",
        "2026-03-05T07:00:00Z",
        cited=["Kabar Uji"],
    )
    stored(store, [*the_story(), copy_of_rewrite])
    StoryBuilder(store, settings).add()
    assert parents(store)["https://lima.example/a"] == "https://portalkedua.example/a"


def test_upstream_lists_credited_sources_not_in_the_store(store, settings):
    wire_based = article(
        ORIGINAL,
        "Kabar Uji",
        "https://kabaruji.example/a",
        "2026-03-05T03:00:00Z",
        cited=["Reuters"],
    )
    ids = stored(store, [wire_based, *the_story()[1:]])
    StoryBuilder(store, settings).add()
    assert store.story(store.story_of(ids[0]))["upstream"] == ["Reuters"]


def test_the_same_event_reported_by_several_articles_is_counted_once(store, settings, tmp_path):
    for name, text in {
        "a.txt": ORIGINAL,
        "b.txt": ORIGINAL.replace("Kabar Uji", "Portal Tiga"),
    }.items():
        (tmp_path / name).write_text(f"Sugiono terima Bui Thanh Son\n\n{text}\n", "utf-8")
    settings = settings.replace(**{"extract.min_text_chars": 50})
    ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], store, settings)
    assert store.count_stories() == 1
    story = store.story(store.stories()[0]["id"])
    assert len(story["articles_list"]) == 2
    meeting = [e for e in story["events_list"] if e["cameo_root"] == "04"]
    assert meeting, story["events_list"]
    assert meeting[0]["mentions"] == 2 and meeting[0]["articles"] == 2
    mentions = meeting[0]["mentions_list"]
    assert {m["article_id"] for m in mentions} == {a["id"] for a in story["articles_list"]}
    assert all(m["evidence"] and m["end"] > m["start"] for m in mentions)
    assert story["events"] == len(story["events_list"])
    assert store.count_events() > len(story["events_list"])  # copies are counted once


def test_a_late_article_joins_its_story_and_the_counts_follow(store, settings):
    members = the_story()
    stored(store, members[:2])
    builder = StoryBuilder(store, settings)
    builder.add()
    story_id = store.stories()[0]["id"]
    assert store.story(story_id)["articles"] == 2
    report = builder.add(stored(store, members[2:]))
    assert report.joined == 2 and report.new_stories == 0
    assert store.stories()[0]["id"] == story_id
    assert store.story(story_id)["articles"] == 4
    assert store.story(story_id)["outlets"] == 4
    assert store.story(story_id)["languages"] == ["en", "id"]


def test_an_article_linking_two_stories_merges_them_into_the_older(store, settings):
    first, second = ORIGINAL, DISTRACTOR.replace("Selasa (10/3/2026)", "Kamis (5/3/2026)")
    paragraphs = first.split("\n\n")[:2] + second.split("\n\n")[:2]
    bridge = "\n\n".join(paragraphs)
    builder = StoryBuilder(store, settings)
    ids = stored(
        store,
        [
            article(first, "Kabar Uji", "https://kabaruji.example/a", "2026-03-05T03:00:00Z"),
            article(second, "Kabar Uji", "https://kabaruji.example/b", "2026-03-05T04:00:00Z"),
        ],
    )
    builder.add()
    assert store.count_stories() == 2
    older = store.story_of(ids[0])
    report = builder.add(
        stored(store, [article(bridge, "Portal", "https://portal.example/x", "2026-03-05T06:00Z")])
    )
    assert report.merges == 1
    assert store.count_stories() == 1
    assert store.story_of(ids[1]) == older
    assert store.story(older)["articles"] == 3


def test_grouping_does_not_depend_on_arrival_order(tmp_path, settings):
    members = [*the_story(), distractor()]
    results = []
    for seed in range(3):
        shuffled = members[:]
        random.Random(seed).shuffle(shuffled)
        with Store.open(str(tmp_path / f"order{seed}.db")) as store:
            builder = StoryBuilder(store, settings)
            for one in shuffled:  # one at a time: every arrival is incremental
                builder.add(stored(store, [one]))
            results.append((groups(store), parents(store)))
    assert results[0] == results[1] == results[2]


def test_rebuild_gives_the_same_stories(store, settings):
    stored(store, [*the_story(), distractor()])
    builder = StoryBuilder(store, settings)
    builder.add()
    before = (groups(store), parents(store))
    builder.rebuild()
    assert (groups(store), parents(store)) == before


# -- ingest -----------------------------------------------------------------------------------


def sample_settings(settings: Settings) -> Settings:
    outlets = str(REPO / "kabar" / "data" / "sample-outlets.tsv")
    return settings.replace(**{"extract.outlet_files": [outlets]})


def manifest_groups() -> set[frozenset[str]]:
    records = [
        json.loads(line)
        for line in (REPO / "kabar" / "data" / "sample-src" / "MANIFEST.jsonl").open()
    ]
    by_story: dict[str, set[str]] = {}
    for record in records:
        by_story.setdefault(record["story"], set()).add(record["title"])
    return {frozenset(titles) for titles in by_story.values()}


def title_groups(store: Store) -> set[frozenset[str]]:
    return {
        frozenset(m["title"] for m in store.story(s["id"])["articles_list"])
        for s in store.stories(limit=10_000)
    }


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    from kabar.settings import default_settings

    path = tmp_path_factory.mktemp("sample") / "sample.db"
    with Store.open(str(path)) as store:
        report = ingest([str(SAMPLE)], store, sample_settings(default_settings()))
        yield store, report


def test_ingest_groups_the_sample_corpus_as_its_manifest_says(sample_store):
    store, report = sample_store
    assert title_groups(store) == manifest_groups()
    assert store.count_stories() == len(manifest_groups()) == 17
    assert report.new_stories + report.joined_stories == report.stored


def test_reingesting_changes_no_story(sample_store, settings):
    store, _ = sample_store
    before = title_groups(store), store.count_stories()
    report = ingest([str(SAMPLE)], store, sample_settings(settings))
    assert report.stored == 0 and report.new_stories == 0 and report.joined_stories == 0
    assert (title_groups(store), store.count_stories()) == before


def test_stories_can_be_listed_by_outlet_language_and_size(sample_store):
    store, _ = sample_store
    multi = store.stories(min_articles=2)
    assert sorted(s["articles"] for s in multi) == [2, 3, 4, 5]
    english = store.stories(language="en", min_articles=2)
    assert all("en" in s["languages"] for s in english) and len(english) == 3
    ledger = store.stories(outlet="jakarta ledger")
    assert ledger and all(
        any(m["outlet"] == "Jakarta Ledger" for m in store.story(s["id"])["articles_list"])
        for s in ledger
    )
    assert [s["id"] for s in store.stories(limit=2, offset=1)] == [
        s["id"] for s in store.stories()[1:3]
    ]


def test_ingest_without_stories_leaves_them_to_kabar_cluster(tmp_path, settings):
    settings = sample_settings(settings).replace(**{"stories.enabled": False})
    with Store.open(str(tmp_path / "k.db")) as store:
        report = ingest([str(SAMPLE)], store, settings)
        assert report.new_stories == 0 and store.count_stories() == 0
        grouped = StoryBuilder(store, settings).add()
        assert grouped.articles == report.stored
        assert title_groups(store) == manifest_groups()


def test_an_earlier_article_arriving_late_becomes_the_parent(store, settings):
    original, copy = the_story()[:2]
    builder = StoryBuilder(store, settings)
    builder.add(stored(store, [copy]))
    assert parents(store)[copy.url] is None  # alone, the copy looks like an original
    builder.add(stored(store, [original]))  # published an hour before it
    assert parents(store) == {original.url: None, copy.url: original.url}


# -- look-up keys by time bucket ---------------------------------------------------------------


def test_copies_a_window_apart_are_found_wherever_the_bucket_edges_fall(store, settings):
    """A copy published `window_days` after its original is found, for every position of
    the original within a look-up bucket (the window then spans two or three buckets)."""
    window = settings.stories.window_days
    pairs = []
    for shift in range(KEY_BUCKET_DAYS + 1):
        first = date(2026, 1, 1) + timedelta(days=(window * 5) * shift + shift)
        last = first + timedelta(days=window)
        text = f"{ORIGINAL}\n\nLaporan nomor {shift + 100}."  # else a duplicate, not stored
        pairs += [
            article(text, "Kabar Uji", f"https://kabaruji.example/{shift}", first.isoformat()),
            article(text, "Portal Tiga", f"https://tiga.example/{shift}", last.isoformat()),
        ]
    stored(store, pairs)
    StoryBuilder(store, settings).add()
    assert groups(store) == {
        frozenset({pairs[i].url, pairs[i + 1].url}) for i in range(0, len(pairs), 2)
    }


def test_an_undated_copy_finds_its_original_in_any_bucket(store, settings):
    dated = the_story()[0]
    older = article(DISTRACTOR, "Kabar Uji", "https://kabaruji.example/old", "2019-06-01")
    undated = article(ORIGINAL, "Portal Tiga", "https://portaltiga.example/u", "")
    stored(store, [older, dated])
    StoryBuilder(store, settings).add()
    stored(store, [undated])
    StoryBuilder(store, settings).add()
    assert frozenset({dated.url, undated.url}) in groups(store)
    # and the other way round: a dated article finds an undated copy stored before it
    english = the_story()[3]
    undated_first = article(ENGLISH, "Bay Times", "https://baytimes.example/u", "", "en")
    stored(store, [undated_first])
    StoryBuilder(store, settings).add()
    stored(store, [english])
    StoryBuilder(store, settings).add()
    assert any({english.url, undated_first.url} <= group for group in groups(store))


def test_a_database_with_keys_by_key_first_is_migrated(tmp_path, settings):
    """Migration 7: keys stored before time buckets get theirs, and new articles still find
    the old ones."""
    path = tmp_path / "old.db"
    first, copy, *_ = the_story()
    with Store.open(str(path)) as store:
        stored(store, [first])
        StoryBuilder(store, settings).add()
    with sqlite3.connect(path) as db:  # back to the layout of schema version 6
        db.execute("DROP INDEX ix_story_keys_bucket")
        db.execute("ALTER TABLE story_keys DROP COLUMN bucket")
        db.execute("CREATE INDEX ix_story_keys_key_day ON story_keys (key, day)")
        db.execute("CREATE INDEX ix_story_keys_article ON story_keys (article_id)")
        db.execute("DELETE FROM schema_version WHERE version = 7")
    with Store.open(str(path)) as store:
        stored(store, [copy])
        StoryBuilder(store, settings).add()
        assert groups(store) == {frozenset({first.url, copy.url})}
    with sqlite3.connect(path) as db:
        buckets = {row[0] for row in db.execute("SELECT DISTINCT bucket FROM story_keys")}
        indexes = {row[1] for row in db.execute("PRAGMA index_list(story_keys)")}
    day = (date.fromisoformat(first.published) - date(1970, 1, 1)).days
    assert buckets == {day // KEY_BUCKET_DAYS}
    assert "ix_story_keys_bucket" in indexes and "ix_story_keys_key_day" not in indexes


def test_an_undated_article_looks_in_every_bucket_that_holds_keys(store):
    """Undated articles are looked up in the buckets present, however far apart."""
    from kabar.store import _stories as queries

    days = [0, 3 * KEY_BUCKET_DAYS, 10 * KEY_BUCKET_DAYS + 5, 250 * KEY_BUCKET_DAYS, -1]
    ids = [
        store.add(
            Article(
                title=f"Berita {n}",
                text=f"Teks nomor {n}.",
                url=f"https://kabar.example/{n}",
                outlet="Kabar Uji",
                location=f"test:{n}",
                raw_sha256="0" * 64,
            )
        ).article_id
        for n in range(len(days) + 1)
    ]
    with store.transaction() as connection:
        for article_id, day in zip(ids, days, strict=False):
            queries.add_keys(connection, article_id, day, ["b0:same", f"n:name{article_id}"])
        assert queries._all_buckets(connection) == [-1, 0, 3, 10, 250]
        found = queries.candidate_ids(connection, ids[-1], -1, ["b0:same"], 7, 4)
    assert found == sorted(ids[:-1])


def test_a_recurring_report_does_not_chain_into_one_story_beyond_the_window(store, settings):
    """The same report every three days, each a near-copy of the last (a weekly market
    summary): linked day to day, but a story spans at most the window (7 days)."""
    days = ["2026-03-01", "2026-03-04", "2026-03-07", "2026-03-10", "2026-03-13"]
    issues = [
        article(
            ORIGINAL.replace("Kamis (5/3/2026)", f"edisi {n}"),
            f"Outlet {n}",
            f"https://outlet{n}.example/laporan",
            day,
        )
        for n, day in enumerate(days)
    ]
    stored(store, issues)
    StoryBuilder(store, settings).add()
    spans = [
        sorted(a["published"] for a in store.story(s["id"])["articles_list"])
        for s in store.stories(limit=100)
    ]
    assert sorted(spans) == [days[:3], days[3:]]
    for span in spans:
        first, last = date.fromisoformat(span[0]), date.fromisoformat(span[-1])
        assert (last - first).days <= settings.stories.window_days


@pytest.mark.parametrize("number", ["4", "7", "9", "07", "31", "000"])
def test_days_hours_and_months_are_no_anchors(number):
    """Numbers up to 31 (a day, an hour, a month as 07) are in every article: no anchor,
    however they are written."""
    found = anchors(f"Rapat dimulai pukul {number} di Gedung Sate.")
    assert not [anchor for anchor in found if anchor.isdigit()]


def test_numbers_above_31_are_anchors():
    assert {"32", "450", "1250"} <= anchors("Sebanyak 32 kapal, 450 nelayan dan 1.250 ton ikan.")
