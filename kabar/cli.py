"""The ``kabar`` command: thin click commands over the library.

Exit codes: 0 when every input was processed, 1 when some failed (after processing the
rest), 2 on usage errors (click's own convention).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import click

from .errors import ConfigError, KabarError
from .evaluate import (
    evaluate,
    evaluate_stories,
    export_gold,
    format_report,
    run_petrarch_suite,
)
from .events import Coder
from .export import FORMATS, export_events
from .extract import Extractor
from .models import Article, Event, Failure
from .pipeline import IngestReport, extract_all, ingest
from .read import Reader
from .settings import Settings
from .store import Store
from .store._queries import BadQuery, EventFilter
from .stories import StoryBuilder, lineage_tree
from .watch import Watcher, log_to, parse_interval

EXIT_FAILURES = 1


class _Commands(click.Group):
    """A command's KabarError (a broken dictionary named in the settings, a store that
    cannot be opened, ...) ends it with its message and exit code 1, not a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KabarError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    type=click.Path(dir_okay=False),
    help="Settings file (TOML) overriding the shipped defaults.",
)
@click.pass_context
def main(ctx: click.Context, config: str | None) -> None:
    """kabar: turn Indonesian and English news into event data."""
    try:
        ctx.obj = Settings.load(config)
    except KabarError as exc:
        raise click.UsageError(str(exc)) from exc


db_option = click.option(
    "--db",
    envvar="KABAR_DB",
    default="kabar.db",
    show_default=True,
    help="SQLite file or postgresql:// URL (default: $KABAR_DB or ./kabar.db).",
)


@main.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--no-code", is_flag=True, help="Store articles without coding their events.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: this process; dask: read, extract and code on a Dask cluster.",
)
@click.option("--scheduler", help="Address of a running Dask scheduler (with --engine dask).")
@click.option(
    "--workers",
    type=click.IntRange(1),
    help="Worker processes of the LocalCluster started when no --scheduler is given.",
)
@click.pass_obj
def ingest_command(
    settings: Settings,
    inputs: tuple[str, ...],
    db: str,
    as_json: bool,
    no_code: bool,
    engine: str,
    scheduler: str | None,
    workers: int | None,
) -> None:
    """Read, extract, code and store articles from files, directories, globs, URLs or -."""
    if engine != "dask" and (scheduler or workers):
        raise click.UsageError("--scheduler and --workers need --engine dask")
    if scheduler and workers:
        raise click.UsageError("--workers sizes a local cluster; not with --scheduler")
    store = _open_store(db)
    with store:
        if engine == "dask":
            from .scale import ingest_on_dask  # Dask is loaded only when asked for

            try:
                report = ingest_on_dask(
                    inputs,
                    store,
                    settings,
                    scheduler=scheduler,
                    workers=workers,
                    code=not no_code,
                    progress=_progress_printer(),
                )
            except KabarError as exc:
                raise click.ClickException(str(exc)) from exc
        else:
            report = ingest(inputs, store, settings, code=not no_code, progress=_progress_printer())
    _finish_progress()
    _print_report(report, as_json)
    sys.exit(EXIT_FAILURES if report.failures else 0)


@main.command("watch")
@click.argument("sources", type=click.Path(dir_okay=False))
@db_option
@click.option("--every", help="Time between polls: 90s, 15m, 1h30m (default: watch.every).")
@click.option("--once", is_flag=True, help="Poll every source once, then exit.")
@click.option("--json", "as_json", is_flag=True, help="Log lines as JSON objects.")
@click.option("--no-code", is_flag=True, help="Store articles without coding their events.")
@click.pass_obj
def watch_command(
    settings: Settings,
    sources: str,
    db: str,
    every: str | None,
    once: bool,
    as_json: bool,
    no_code: bool,
) -> None:
    """Poll the RSS/Atom feeds and front pages listed in SOURCES (one URL a line, `page URL`
    for a front page) and ingest only what is new; log a line per source per poll."""
    try:
        every_s = parse_interval(every or settings.watch.every)
    except ValueError as exc:
        raise click.BadParameter(
            str(exc), param_hint="--every" if every else "watch.every"
        ) from exc
    with _open_store(db) as store, log_to(sys.stderr, as_json) as log:
        try:
            watcher = Watcher(store, settings, code=not no_code)
            report = watcher.run(sources, every_s, rounds=1 if once else None)
        except ConfigError as exc:
            raise click.UsageError(str(exc)) from exc
        except KeyboardInterrupt:
            log.info("stopped")
            return
    sys.exit(EXIT_FAILURES if report.failed else 0)


@main.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON article record per line.")
@click.pass_obj
def extract_command(settings: Settings, inputs: tuple[str, ...], as_json: bool) -> None:
    """Extract articles without storing them (the article record of DESIGN.md)."""
    failures: list[Failure] = []
    for article in _articles(settings, inputs, failures):
        if as_json:
            click.echo(json.dumps(article.record(), ensure_ascii=False))
        else:
            _print_article(article.record() | {"location": article.location})
    sys.exit(EXIT_FAILURES if failures else 0)


@main.command("code")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article (DESIGN.md).")
@click.pass_obj
def code_command(settings: Settings, inputs: tuple[str, ...], as_json: bool) -> None:
    """Extract and code articles without storing them: who did what to whom."""
    failures: list[Failure] = []
    coder = Coder(settings)
    for article in _articles(settings, inputs, failures):
        events = coder.code(article)
        if as_json:
            record = {"article": article.record(), "events": [e.record() for e in events]}
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            _print_events(article.record() | {"location": article.location}, events)
    sys.exit(EXIT_FAILURES if failures else 0)


def _articles(settings: Settings, inputs, failures: list[Failure]) -> Iterator[Article]:
    """Read and extract; each failure is reported on stderr and collected."""
    reader = Reader(settings)
    try:
        for item in extract_all(reader.read(inputs), Extractor(settings)):
            if isinstance(item, Failure):
                failures.append(item)
                click.echo(f"failed: {item.location}: {item.reason}", err=True)
            else:
                yield item
    finally:
        reader.close()


@main.command("articles")
@db_option
@click.option("--outlet", help="Only this outlet (case-insensitive).")
@click.option("--language", help="Only this language code (id, en, ...).")
@click.option("--since", help="Published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Published on or before this date (YYYY-MM-DD).")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def articles_command(db: str, as_json: bool, **filters: Any) -> None:
    """List stored articles, newest first."""
    with _open_store(db) as store:
        rows = store.articles(**filters)
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(
                f"{row['id']:>6}  {row['published'] or '-':<10}  {row['language'] or '-':<3} "
                f"{(row['outlet'] or '-')[:20]:<20}  {row['title'] or '(untitled)'}"
            )


@main.command("show")
@click.argument("article_id", type=int)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
def show_command(article_id: int, db: str, as_json: bool) -> None:
    """Show one stored article."""
    with _open_store(db) as store:
        row = store.article(article_id)
        if row is not None:
            row["provenance"] = store.provenance(article_id)
    if row is None:
        raise click.ClickException(f"no article with id {article_id}")
    if as_json:
        click.echo(json.dumps(row, ensure_ascii=False, indent=2))
    else:
        _print_article(row)


@main.command("demo")
@click.option("--db", default="kabar-demo.db", show_default=True, help="SQLite file to (re)create.")
@click.option("--serve/--no-serve", default=True, show_default=True, help="Serve the dashboard.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.pass_obj
def demo_command(settings: Settings, db: str, serve: bool, host: str, port: int) -> None:
    """Ingest the bundled sample corpus into a fresh SQLite file, report what was found and
    serve the dashboard on it."""
    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)
    data = files("kabar").joinpath("data")  # packages install unzipped: these are paths
    sample = str(data.joinpath("sample"))
    outlets = [*settings.extract.outlet_files, str(data.joinpath("sample-outlets.tsv"))]
    settings = settings.replace(**{"extract.outlet_files": outlets})
    with _open_store(db) as store:
        report = ingest([sample], store, settings, progress=_progress_printer())
        _finish_progress()
        _print_report(report, as_json=False)
        _print_overview(store)
    click.echo(f"\nDatabase: {db}   (try: kabar articles --db {db})")
    if serve:
        _serve(db, host, port, review_token=None)


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--review-token",
    envvar="KABAR_REVIEW_TOKEN",
    help="Token that analysts must give to store reviews (default: reviews are off).",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes; more serve more readers at once (about one per core).",
)
def serve_command(db: str, host: str, port: int, review_token: str | None, workers: int) -> None:
    """Serve the dashboard and the JSON API (OpenAPI docs at /docs)."""
    _serve(db, host, port, review_token, workers)


def _serve(db: str, host: str, port: int, review_token: str | None, workers: int = 1) -> None:
    from .web import serve

    _open_store(db).close()  # a bad database is reported before the banner
    click.echo(f"Serving {db} on http://{host}:{port}/  (API docs: /docs; Ctrl-C stops)")
    try:
        serve(db, host, port, review_token=review_token, workers=workers)
    except KabarError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from exc


def _open_store(db: str) -> Store:
    try:
        return Store.open(db)
    except KabarError as exc:
        raise click.ClickException(str(exc)) from exc


def _progress_printer():
    """A one-line counter on a terminal; nothing when stderr is a pipe or file."""
    if not sys.stderr.isatty():
        return None

    def show(report: IngestReport) -> None:
        if report.read % 10 == 0:
            # stored/duplicate counts change per transaction, so show what moves per document
            click.echo(f"\r  read {report.read}  failed {report.failed}", err=True, nl=False)

    return show


def _finish_progress() -> None:
    if sys.stderr.isatty():
        click.echo("\r" + " " * 78 + "\r", err=True, nl=False)


def _print_report(report: IngestReport, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False))
        return
    click.echo(
        f"read {report.read}, stored {report.stored}, new versions {report.new_versions}, "
        f"duplicates {report.duplicates}, failed {report.failed}; events {report.events}; "
        f"stories: {report.new_stories} new, {report.joined_stories} articles joined one"
    )
    for failure in report.failures:
        click.echo(f"  failed ({failure.stage}): {failure.location}: {failure.reason}")


def _print_overview(store: Store) -> None:
    rows = list(store.iter_articles())
    outlets: dict[str, int] = {}
    languages: dict[str, int] = {}
    for row in rows:
        outlets[row["outlet"] or "-"] = outlets.get(row["outlet"] or "-", 0) + 1
        languages[row["language"] or "-"] = languages.get(row["language"] or "-", 0) + 1
    click.echo(f"\n{len(rows)} articles in the store")
    click.echo("  by language: " + ", ".join(f"{k} {v}" for k, v in sorted(languages.items())))
    click.echo("  by outlet:   " + ", ".join(f"{k} {v}" for k, v in sorted(outlets.items())))
    cited = sorted({source for row in rows for source in row["cited_sources"]})
    click.echo("  credited sources: " + (", ".join(cited) or "none"))
    grouped = store.stories(min_articles=2, limit=1000)
    click.echo(
        f"{store.count_stories()} stories, {len(grouped)} of them reported by several "
        "articles (try: kabar stories --min-articles 2, kabar story ID):"
    )
    for story in sorted(grouped, key=lambda s: (-s["articles"], s["id"]))[:5]:
        click.echo(
            f"  {story['id']:>4}  {story['articles']} articles, {story['outlets']} outlets, "
            f"{'+'.join(story['languages'])}: {(story['title'] or '')[:60]}"
        )
    click.echo(f"{store.count_events()} events coded; most reported pairs:")
    for source, target, count, goldstein in store.top_dyads():
        click.echo(
            f"  {source:>10} -> {target:<10} {count:>3} events, mean Goldstein {goldstein:+.1f}"
        )


def _print_article(record: dict[str, Any]) -> None:
    for key in ("id", "title", "outlet", "url", "published", "language", "dateline", "location"):
        if key in record:
            click.echo(f"{key:>15}: {record[key] if record[key] is not None else '-'}")
    click.echo(f"{'cited_sources':>15}: {', '.join(record['cited_sources']) or '-'}")
    found = record.get("provenance")
    if found:
        if found["parent_article_id"]:
            reuse = (
                f"{found['reuse']} of article {found['parent_article_id']}: "
                f"{found['shingle_share']:.0%} of its wording, "
                f"{found['sentence_share']:.0%} of its sentences, "
                f"{found['names_share']:.0%} of its names and numbers found there"
                + (", credits it" if found["credits_parent"] else "")
            )
        else:
            reuse = "an original (reuses no earlier article of its story)"
        click.echo(f"{'story':>15}: {found['story_id']}")
        click.echo(f"{'reuses':>15}: {reuse}")
    click.echo("")
    click.echo(record["text"])
    click.echo("")


def _print_events(record: dict[str, Any], events: list[Event]) -> None:
    click.echo(f"{record['location']}: {record['title'] or '(untitled)'} [{record['language']}]")
    for event in events:
        flags = [
            flag
            for flag, on in (
                ("negated", event.negated),
                (event.modality, event.modality != "asserted"),
                ("background", event.background),
            )
            if on
        ]
        target = event.target.code if event.target else "-"
        click.echo(
            f"  {event.source.code:>10} -> {target:<10} {event.cameo:<4} "
            f"{event.date or '-':<10} {' '.join(flags)}"
        )
        click.echo(f"      {event.evidence[:110]}")


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--texts",
    required=True,
    type=click.Path(exists=True, file_okay=False),
    help="Folder holding ID.txt for each gold record.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.pass_obj
def eval_command(settings: Settings, gold: str, texts: str, as_json: bool) -> None:
    """Score the coder against a gold file (P/R/F1 at CAMEO root, code and PLOVER type)."""
    try:
        report = evaluate(gold, texts, settings)
    except KabarError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_report(report))


@main.command("eval-petrarch")
@click.argument("records", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--misses", is_flag=True, help="List the expected events kabar did not find.")
@click.pass_obj
def eval_petrarch_command(settings: Settings, records: str, as_json: bool, misses: bool) -> None:
    """Run PETRARCH2's unit-test records (its actor and agent dictionaries sit beside them)."""
    try:
        report = run_petrarch_suite(records, settings)
    except KabarError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(report.as_dict(), indent=2) if as_json else report.format())
    if misses:
        click.echo("\n".join(report.misses))


@main.command("cluster")
@db_option
@click.option("--rebuild", is_flag=True, help="Forget all stories and group every article again.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_obj
def cluster_command(settings: Settings, db: str, rebuild: bool, as_json: bool) -> None:
    """Group stored articles that are in no story yet (all of them with --rebuild)."""
    with _open_store(db) as store:
        builder = StoryBuilder(store, settings)
        report = builder.rebuild() if rebuild else builder.add()
    if as_json:
        click.echo(json.dumps(report.as_dict()))
    else:
        click.echo(
            f"{report.articles} articles grouped: {report.new_stories} new stories, "
            f"{report.joined} joined a story, {report.merges} merges, "
            f"{len(report.touched)} stories updated"
        )


@main.command("stories")
@db_option
@click.option("--since", help="Stories running on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Stories starting on or before this date (YYYY-MM-DD).")
@click.option("--language", help="Stories with an article in this language.")
@click.option("--outlet", help="Stories with an article from this outlet.")
@click.option("--min-articles", default=1, show_default=True, type=click.IntRange(1))
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def stories_command(db: str, as_json: bool, **filters: Any) -> None:
    """List stories, newest first, with their counts of articles, outlets and events."""
    with _open_store(db) as store:
        rows = store.stories(**filters)
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(
                f"{row['id']:>6}  {row['first_published'] or '-':<10}  "
                f"{row['articles']:>3} art {row['outlets']:>3} out {row['events']:>4} ev  "
                f"{'+'.join(row['languages']) or '-':<5}  {row['title'] or '(untitled)'}"
            )


@main.command("story")
@click.argument("story_id", type=int)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the story as JSON.")
def story_command(story_id: int, db: str, as_json: bool) -> None:
    """Show one story: its articles, their copy lineage and the merged events."""
    with _open_store(db) as store:
        story = store.story(story_id)
    if story is None:
        raise click.ClickException(f"no story with id {story_id}")
    story["lineage"] = lineage_tree(story["articles_list"])
    if as_json:
        click.echo(json.dumps(story, ensure_ascii=False, indent=2))
        return
    click.echo(f"story {story['id']}: {story['title'] or '(untitled)'}")
    click.echo(
        f"  {story['articles']} articles, {story['outlets']} outlets, "
        f"{'+'.join(story['languages'])}, {story['first_published']} .. {story['last_published']}"
    )
    click.echo("\nlineage (indented under the article each one reuses):")
    if story["upstream"]:
        click.echo(f"  credited upstream, not in the store: {', '.join(story['upstream'])}")
    for root in story["lineage"]:
        _print_lineage(root, depth=1)
    click.echo("\nevents, each counted once:")
    for event in story["events_list"]:
        click.echo(
            f"  {event['source_code']:>10} -> {event['target_code'] or '-':<10} "
            f"{event['cameo']:<4} {event['date'] or '-':<10} "
            f"{event['mentions']} mentions, {event['articles']} articles, "
            f"{event['outlets']} outlets" + ("  negated" if event["negated"] else "")
        )


def _print_lineage(node: dict, depth: int) -> None:
    article = node["article"]
    reuse = article["reuse"] or "original"
    if reuse in ("verbatim", "rewrite"):
        reuse += (
            f" ({article['shingle_share']:.0%} of its wording,"
            f" {article['sentence_share']:.0%} of its sentences)"
        )
    elif reuse in ("paraphrase", "translation"):
        reuse += f" ({article['names_share']:.0%} of its names and numbers)"
    credit = ", credits it" if article["credits_parent"] else ""
    click.echo(
        f"{'  ' * depth}#{article['id']} {article['outlet'] or '-'} "
        f"{article['published_at'] or article['published'] or '-'} [{article['language']}] "
        f"{reuse}{credit}: {(article['title'] or '')[:60]}"
    )
    for copy in node["copies"]:
        _print_lineage(copy, depth + 1)


@main.command("eval-stories")
@click.argument("corpora", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--outlets",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Outlet table of the corpus's outlets (added to extract.outlet_files).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.pass_obj
def eval_stories_command(
    settings: Settings, corpora: tuple[str, ...], outlets: tuple[str, ...], as_json: bool
) -> None:
    """Score story grouping (B-cubed) and lineage against gold story corpora (JSONL)."""
    settings = settings.replace(
        **{"extract.outlet_files": [*settings.extract.outlet_files, *outlets]}
    )
    try:
        scores = evaluate_stories(corpora, settings)
    except (KabarError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(
        f"{scores.articles} articles, {scores.gold_stories} gold stories, "
        f"{scores.predicted_stories} predicted\n"
        f"B-cubed  precision {scores.precision:.3f}  recall {scores.recall:.3f}  "
        f"F1 {scores.f1:.3f}\nlineage accuracy {scores.lineage_accuracy:.3f}"
    )
    for mistake in scores.mistakes:
        click.echo(f"  {json.dumps(mistake, ensure_ascii=False)}")


@main.command("export-gold")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option(
    "--texts",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder to write ID.txt into, one per exported article.",
)
@db_option
def export_gold_command(gold: str, texts: str, db: str) -> None:
    """Write the reviewed articles as a gold file (then: kabar eval GOLD --texts DIR)."""
    with _open_store(db) as store:
        counts = export_gold(store, gold, texts)
    click.echo(
        f"{counts['articles']} reviewed articles written to {gold} (texts in {texts}): "
        f"{counts['core']} reviewed events as core gold, {counts['wrong']} marked wrong left "
        f"out, {counts['secondary']} unreviewed kept as secondary"
    )


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Output format.")
@click.option("--out", type=click.Path(dir_okay=False), help="Output file (default: stdout).")
@db_option
@click.option("--since", help="Event date on or after (YYYY-MM-DD).")
@click.option("--until", help="Event date on or before (YYYY-MM-DD).")
@click.option("--actor", help="Actor code as source or target (IDNGOV).")
@click.option("--country", help="ISO alpha-3 country as source or target.")
@click.option("--source", help="Actor code as source.")
@click.option("--target", help="Actor code as target.")
@click.option("--root", help="CAMEO root (two digits).")
@click.option("--plover", help="PLOVER event type.")
@click.option("--quad-class", type=click.IntRange(1, 4))
@click.option("--language", help="Language of the article (id, en).")
@click.option("--outlet", help="Outlet of the article.")
@click.option("--story", type=int, help="Only the events of this story.")
@click.option("--article", type=int, help="Only the events of this article.")
@click.option("--q", help="Full-text search in the articles.")
def export_command(fmt: str, out: str | None, db: str, **filters: Any) -> None:
    """Export events as GDELT-2.0-style TSV, PLOVER JSONL, CSV or Parquet, with the
    filters of the HTTP API."""
    if fmt == "parquet" and not out:
        raise click.UsageError("Parquet needs --out FILE")
    where = EventFilter(**filters)
    with _open_store(db) as store:
        try:
            written = export_events(store, where, fmt, out or sys.stdout)
        except (BadQuery, ValueError) as exc:
            raise click.ClickException(str(exc)) from exc
    if out:
        click.echo(f"{written} events written to {out} ({fmt})", err=True)
