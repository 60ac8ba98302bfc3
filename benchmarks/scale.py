"""Dask benchmark: the whole ingest of IndoSum on one process, on 1 Dask worker and on 2.

    .venv/bin/python benchmarks/scale.py [--shared ../shared] [--write]

Each engine runs in its own process, on a fresh SQLite file, with the default settings
(event coding and story grouping on), then again without story grouping. Printed per
run: articles/s (LocalCluster start-up included), the ratio to the single-process engine,
when the last article was stored, the client's peak RSS and the peak RSS of the client
and its workers together (sampled every 0.1 s). ``--write`` replaces the "Dask"
section of ``benchmarks/RESULTS.md``. (Named after ``kabar/scale``: a ``dask.py`` here would
shadow the dask package for the scripts in this folder.)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from _results import write_section  # noqa: E402 - benchmarks share the results file

# (engine, workers, stories): with story grouping (the default ingest) and without it,
# which shows how far the stages on the workers scale when the client has less to do.
PLAN = [
    (engine, workers, stories)
    for stories in (True, False)
    for engine, workers in (("local", 0), ("dask", 1), ("dask", 2))
]


class PeakMemory:
    """Samples the RSS of this process and of all its descendants (the cluster)."""

    def __init__(self) -> None:
        import psutil

        self.me = psutil.Process()
        self.client_mb = 0.0
        self.total_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.1):
            client = self.me.memory_info().rss
            total = client
            for child in self.me.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except Exception:  # noqa: BLE001 - a worker may have just exited
                    continue
            self.client_mb = max(self.client_mb, client / 2**20)
            self.total_mb = max(self.total_mb, total / 2**20)


def measure(engine: str, workers: int, stories: bool, shared: Path) -> dict:
    """One run of the whole ingest (in a child process of the suite)."""
    from kabar import Store, default_settings, ingest
    from kabar.scale import ingest_on_dask

    folds = sorted(str(p) for p in (shared / "data" / "indosum").glob("dev.*.jsonl"))
    settings = default_settings().replace(**{"stories.enabled": stories})
    last_write = [0.0]

    def progress(_report) -> None:
        last_write[0] = time.perf_counter()

    with (
        tempfile.TemporaryDirectory() as tmp,
        PeakMemory() as memory,
        Store.open(str(Path(tmp) / "bench.db")) as store,
    ):
        started = time.perf_counter()
        if engine == "local":
            report = ingest(folds, store, settings, progress=progress)
        else:
            report = ingest_on_dask(folds, store, settings, workers=workers, progress=progress)
        seconds = time.perf_counter() - started
        counts = (store.count(), store.count_events(), store.count_stories())
    articles = report.stored + report.duplicates + report.new_versions
    return {
        "engine": engine,
        "workers": workers,
        "grouping": stories,
        "articles": articles,
        "stored": counts[0],
        "events": counts[1],
        "stories": counts[2],
        "failed": report.failed,
        "seconds": seconds,
        "articles_per_s": articles / seconds,
        "stored_after_s": last_write[0] - started,
        "client_peak_mb": memory.client_mb,
        "total_peak_mb": memory.total_mb,
    }


def _child(engine: str, workers: int, stories: bool, shared: Path) -> dict:
    child = ["--child", engine, str(workers), str(int(stories)), "--shared", str(shared)]
    output = subprocess.run(
        [sys.executable, __file__, *child],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


HEADER = (
    "| stories | engine | workers | articles | events | stories found | seconds | articles/s "
    "| vs one process | last stored at s | client peak RSS MB | with workers MB |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def _row(result: dict, single: dict) -> str:
    ratio = result["articles_per_s"] / single["articles_per_s"]
    workers = result["workers"] if result["engine"] == "dask" else "-"
    return (
        f"| {'on' if result['grouping'] else 'off'} | {result['engine']} | {workers} | "
        f"{result['articles']} | {result['events']} | {result['stories']} | "
        f"{result['seconds']:.1f} | {result['articles_per_s']:.1f} | {ratio:.2f} | "
        f"{result['stored_after_s']:.1f} | {result['client_peak_mb']:.0f} | "
        f"{result['total_peak_mb']:.0f} |"
    )


def suite(shared: Path) -> list[dict]:
    print(HEADER, flush=True)
    results: list[dict] = []
    for engine, workers, stories in PLAN:
        results.append(_child(engine, workers, stories, shared))
        print(_row(results[-1], _single(results[-1], results)), flush=True)
    return results


def _single(result: dict, results: list[dict]) -> dict:
    """The single-process run with the same story setting: the baseline of the ratio."""
    return next(
        r for r in results if r["engine"] == "local" and r["grouping"] == result["grouping"]
    )


def _two_vs_one(results: list[dict], grouping: bool) -> float:
    """How much faster 2 workers are than 1, with the same story setting."""
    rate = {
        r["workers"]: r["articles_per_s"]
        for r in results
        if r["engine"] == "dask" and r["grouping"] == grouping
    }
    return rate[2] / rate[1]


def _section(results: list[dict]) -> str:
    cores = os.cpu_count()
    rows = "\n".join(_row(r, _single(r, results)) for r in results)
    scaling = (
        f"2 workers against 1: {_two_vs_one(results, True):.2f}x with story grouping (the "
        f"client's grouping sets the pace), {_two_vs_one(results, False):.2f}x without."
    )
    return (
        "`.venv/bin/python benchmarks/scale.py --write`: the whole default ingest (extract, code, "
        "store, stories) of the five IndoSum folds, on a fresh SQLite file, by the "
        "single-process engine and by `--engine dask` on a LocalCluster of 1 and of 2 worker "
        f"processes (start-up included). The machine has {cores} cores, shared with the "
        "Dask client (which stores and groups stories) and with other work running at the "
        "same time, so 2 workers cannot double the rate. The client stores each batch and "
        "groups it into stories while the workers go on; 'stories off' runs the same "
        "without story grouping (`stories.enabled = false`), the part the workers share. "
        "'vs one process': against the single-process run with the same setting.\n\n"
        + HEADER
        + "\n"
        + rows
        + "\n\n"
        + scaling
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)  # engine workers stories
    args = parser.parse_args()
    if args.child:
        engine, workers, stories = args.child
        print(json.dumps(measure(engine, int(workers), stories == "1", args.shared)))
        return
    results = suite(args.shared)
    if args.write:
        write_section("Dask", _section(results))


if __name__ == "__main__":
    main()
