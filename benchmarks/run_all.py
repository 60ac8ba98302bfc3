"""The whole benchmark suite in one command; each benchmark writes its section of
benchmarks/RESULTS.md, every figure beside its baseline measured in the same run.

    .venv/bin/python benchmarks/run_all.py [--shared ../shared] [--quick] [--only NAME ...]

In order: ingest (end-to-end articles/s per core on IndoSum and html-pages, each stage's
share, peak memory at 1x and 10x, SQLite vs PostgreSQL), code (the coder vs plain
extraction), scale (Dask on 1 vs 2 workers vs one process), stories (grouping 10k/30k/100k
articles), serve (the HTTP API under load). The whole suite takes about 45 minutes on
2 cores; ``--quick`` skips the 10x inputs and runs stories at 10k and 30k only and serve
for 10 s per phase (about 15 minutes). A benchmark that fails is reported and the others
still run; the exit code is 1 if any failed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

# name -> (script, arguments for a full run, arguments for a quick run)
SUITE = {
    "ingest": ("ingest.py", [], ["--quick"]),
    "code": ("code.py", [], ["--quick"]),
    "scale": ("scale.py", [], []),
    "stories": ("stories.py", [], ["--sizes", "10000,30000"]),
    "serve": ("serve.py", [], ["--seconds", "10"]),
}


def run(name: str, shared: Path, quick: bool) -> tuple[bool, float]:
    script, full, short = SUITE[name]
    command = [sys.executable, str(HERE / script), "--write", *(short if quick else full)]
    if name != "serve":  # serve builds its own synthetic database
        command += ["--shared", str(shared)]
    print(f"\n== {name}: {' '.join(command[1:])}", flush=True)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, check=False)
    return done.returncode == 0, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--quick", action="store_true", help="smaller inputs, about 15 minutes")
    parser.add_argument("--only", nargs="+", choices=list(SUITE), help="run only these")
    args = parser.parse_args()
    if not (args.shared / "data").is_dir():
        sys.exit(f"{args.shared}/data not found: the benchmarks read the shared corpora")
    outcomes = {name: run(name, args.shared, args.quick) for name in args.only or SUITE}
    print("\n== summary (sections written to benchmarks/RESULTS.md)")
    for name, (ok, seconds) in outcomes.items():
        print(f"  {name:8} {'ok' if ok else 'FAILED':7} {seconds / 60:5.1f} min")
    sys.exit(0 if all(ok for ok, _ in outcomes.values()) else 1)


if __name__ == "__main__":
    main()
