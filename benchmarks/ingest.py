"""Ingest benchmark: kabar's extraction and storage next to bare trafilatura, same run.

    .venv/bin/python benchmarks/ingest.py [--shared ../shared] [--quick] [--write]

Each measurement runs in its own process so that its peak RSS is its own. Printed per
corpus: articles/s, MB/s and peak RSS for

* html-pages: bare ``trafilatura.bare_extraction`` (the baseline), kabar extract
  (read + sniff + decode + trafilatura + chrome removal, dateline, outlet, cited sources,
  language, dates), kabar extract + store (SQLite, WAL) and extract + code + store (event
  coding), with the story stage off;
* IndoSum folds: reading the JSONL alone (the baseline), then the same three stages, and
  the whole default ingest (``ingest``: extract + code + store + story grouping);
* IndoSum into PostgreSQL: extract + store and the whole ingest into a PostgreSQL server
  started for the run (default settings, durable commits; tests/postgres.py), beside the same
  into SQLite;

and the same at 10x the input, to show memory staying flat as the corpus grows. Each
stage's share of the time follows from the cumulative rows (store = extract+store minus
extract, ...). ``--write`` replaces the "Ingest" section of ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(REPO / "tests"))  # tests/postgres.py starts a PostgreSQL server

from _results import write_section  # noqa: E402 - benchmarks share the results file

# -- one measurement (child process) ---------------------------------------------------------


def _inputs(corpus: str, shared: Path, repeat: int, workdir: Path) -> list[str]:
    """Input paths for ``repeat`` x the corpus; IndoSum copies get fresh URLs so they are new."""
    if corpus == "html-pages":
        pages = sorted(str(p) for p in (shared / "data" / "html-pages").glob("*.html"))
        return pages * repeat
    folds = sorted((shared / "data" / "indosum").glob("dev.*.jsonl"))
    if repeat == 1:
        return [str(f) for f in folds]
    combined = workdir / f"indosum-x{repeat}.jsonl"
    with combined.open("w", encoding="utf-8") as out:
        for copy in range(repeat):
            for fold in folds:
                for line in fold.open(encoding="utf-8"):
                    record = json.loads(line)
                    record["source_url"] = f"{record['source_url']}?copy={copy}"
                    record["paragraphs"][0][0].insert(0, f"[{copy}]")
                    out.write(json.dumps(record) + "\n")
    return [str(combined)]


def _run_trafilatura(paths: list[str]) -> int:
    import trafilatura

    done = 0
    for path in paths:
        with open(path, "rb") as handle:
            document = trafilatura.bare_extraction(
                handle.read(), with_metadata=True, include_comments=False, include_images=False
            )
        done += document is not None
    return done


def _run_read_jsonl(paths: list[str]) -> int:
    from kabar.read._jsonl import detokenize_paragraphs

    done = 0
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                detokenize_paragraphs(json.loads(line)["paragraphs"])
                done += 1
    return done


def _run_extract(paths: list[str]) -> int:
    from kabar import Extractor, Reader, default_settings, extract_all
    from kabar.models import Article

    settings = default_settings()
    items = extract_all(Reader(settings).read(paths), Extractor(settings))
    return sum(isinstance(item, Article) for item in items)


def _run_store(paths: list[str], db: str, code: bool, stories: bool = False) -> int:
    from kabar import Store, default_settings, ingest

    settings = default_settings().replace(**{"stories.enabled": stories})
    with Store.open(db) as store:
        report = ingest(paths, store, settings, code=code)
    return report.stored + report.duplicates + report.new_versions


@contextlib.contextmanager
def _postgres_database() -> Iterator[str]:
    """A fresh database on the run's PostgreSQL server (its URL in $KABAR_TEST_POSTGRES)."""
    from postgres import start_server

    with start_server().database() as url:
        yield url


def measure(mode: str, corpus: str, shared: Path, repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        paths = _inputs(corpus, shared, repeat, workdir)
        megabytes = (
            sum(os.path.getsize(p) for p in set(paths))
            * (repeat if corpus == "html-pages" else 1)
            / 2**20
        )
        stage, _, backend = mode.partition(" ")
        with (
            _postgres_database() if backend else contextlib.nullcontext(str(workdir / "k.db"))
        ) as db:
            runner = {
                "trafilatura": _run_trafilatura,
                "read-jsonl": _run_read_jsonl,
                "extract": _run_extract,
                "extract+store": lambda p: _run_store(p, db, code=False),
                "extract+code+store": lambda p: _run_store(p, db, code=True),
                "ingest": lambda p: _run_store(p, db, code=True, stories=True),
            }[stage]
            started = time.perf_counter()
            articles = runner(paths)
            seconds = time.perf_counter() - started
    return {
        "mode": mode,
        "corpus": corpus,
        "repeat": repeat,
        "articles": articles,
        "seconds": seconds,
        "articles_per_s": articles / seconds,
        "mb_per_s": megabytes / seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


# -- the suite (parent process) --------------------------------------------------------------


def _child(mode: str, corpus: str, shared: Path, repeat: int) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child", mode, corpus, str(repeat), "--shared", str(shared)],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def suite(shared: Path, quick: bool) -> list[dict]:
    plan = [
        ("trafilatura", "html-pages", 1),
        ("extract", "html-pages", 1),
        ("extract+store", "html-pages", 1),
        ("extract+code+store", "html-pages", 1),
        ("read-jsonl", "indosum", 1),
        ("extract", "indosum", 1),
        ("extract+store", "indosum", 1),
        ("extract+code+store", "indosum", 1),
        ("ingest", "indosum", 1),
        ("extract+store (PostgreSQL)", "indosum", 1),
        ("ingest (PostgreSQL)", "indosum", 1),
    ]
    if not quick:
        plan += [
            ("extract", "html-pages", 10),
            ("extract+store", "indosum", 10),
            ("extract+code+store", "indosum", 10),
            ("ingest", "indosum", 10),
        ]
    results = []
    for mode, corpus, repeat in plan:
        result = _child(mode, corpus, shared, repeat)
        results.append(result)
        print(_row(result, results), flush=True)
    return results


def _baseline(result: dict, results: list[dict]) -> dict | None:
    base_mode = "trafilatura" if result["corpus"] == "html-pages" else "read-jsonl"
    if result["mode"].endswith("(PostgreSQL)"):  # the same stage into SQLite
        base_mode = result["mode"].split(" ")[0]
    return next(
        (r for r in results if r["mode"] == base_mode and r["corpus"] == result["corpus"]), None
    )


def _row(result: dict, results: list[dict]) -> str:
    base = _baseline(result, results)
    ratio = result["articles_per_s"] / base["articles_per_s"] if base else float("nan")
    same_1x = next(
        (
            r
            for r in results
            if r["mode"] == result["mode"] and r["corpus"] == result["corpus"] and r["repeat"] == 1
        ),
        None,
    )
    memory = (
        f"{result['peak_rss_mb'] / same_1x['peak_rss_mb']:.2f}x of 1x"
        if same_1x and result["repeat"] != 1
        else ""
    )
    return (
        f"| {result['corpus']} | {result['repeat']}x | {result['mode']} | {result['articles']} | "
        f"{result['articles_per_s']:.1f} | {result['mb_per_s']:.2f} | {ratio:.2f} | "
        f"{result['peak_rss_mb']:.0f} | {memory} |"
    )


HEADER = (
    "| corpus | input | stage | articles | articles/s | MB/s | vs baseline | peak RSS MB "
    "| memory |\n"
    "|---|---|---|---|---|---|---|---|---|"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--quick", action="store_true", help="skip the 10x runs")
    parser.add_argument("--write", action="store_true", help="write benchmarks/RESULTS.md")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "CORPUS", "REPEAT"))
    args = parser.parse_args()
    if args.child:
        mode, corpus, repeat = args.child
        print(json.dumps(measure(mode, corpus, args.shared, int(repeat))))
        return
    if not (args.shared / "data").is_dir():
        sys.exit(f"{args.shared}/data not found: the benchmark reads the shared corpora")
    print(f"kabar ingest benchmark, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(HEADER)
    with _postgres_server():
        results = suite(args.shared, args.quick)
    shares = _shares_table(results)
    print(shares)
    if args.write:
        lines = [_row(r, results[: i + 1]) for i, r in enumerate(results)]
        write_section(
            "Ingest",
            "`.venv/bin/python benchmarks/ingest.py --write`: one process per row, one core. "
            "Baselines: bare trafilatura (html-pages), reading the JSONL alone (IndoSum); "
            "for the PostgreSQL rows, the same stage into SQLite.\n\n"
            + HEADER
            + "\n"
            + "\n".join(lines)
            + "\n\nEach stage's share of the whole ingest's time (1x), from the differences "
            "between the cumulative rows above (SQLite):\n\n" + shares,
        )


@contextlib.contextmanager
def _postgres_server() -> Iterator[None]:
    """One PostgreSQL server for the PostgreSQL rows, shared with the children by URL."""
    from postgres import start_server

    if os.environ.get("KABAR_TEST_POSTGRES"):
        yield
        return
    server = start_server(fast=False)
    os.environ["KABAR_TEST_POSTGRES"] = server.admin_url
    try:
        yield
    finally:
        del os.environ["KABAR_TEST_POSTGRES"]
        server.stop()


# (stage, the cumulative row that ends with it, the row before it)
_STAGES = [
    ("read + extract", "extract", None),
    ("store", "extract+store", "extract"),
    ("code", "extract+code+store", "extract+store"),
    ("stories", "ingest", "extract+code+store"),
]


def _shares_table(results: list[dict]) -> str:
    lines = ["| corpus | " + " | ".join(name for name, _, _ in _STAGES) + " | total s |"]
    lines.append("|---" * (len(_STAGES) + 2) + "|")
    for corpus in ("html-pages", "indosum"):
        seconds = {
            r["mode"]: r["seconds"] for r in results if r["corpus"] == corpus and r["repeat"] == 1
        }
        last = next(mode for _, mode, _ in reversed(_STAGES) if mode in seconds)
        cells = []
        for _, mode, before in _STAGES:
            if mode not in seconds:
                cells.append("-")
                continue
            spent = seconds[mode] - (seconds[before] if before else 0.0)
            cells.append(f"{100 * spent / seconds[last]:.0f}%")
        lines.append(f"| {corpus} | " + " | ".join(cells) + f" | {seconds[last]:.1f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
