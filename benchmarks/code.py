"""Coding benchmark: annotate + code IndoSum articles, next to plain extraction, same run.

    .venv/bin/python benchmarks/code.py [--shared ../shared] [--quick]

One process per row (so peak RSS is its own), one core. For the IndoSum folds it prints
articles/s and peak RSS of

* extract: read JSONL + extract articles (the baseline);
* extract+code: the same plus sentence splitting, tokens, lemmas, actor mentions, event
  words, arguments, cues and dates (the coder), and the coder's own rate, timed alone;

and extract+code on 10x the input, to show memory staying flat.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _results import write_section  # noqa: E402 - the benchmarks share the results file
from ingest import REPO, _inputs  # noqa: E402 - the benchmarks share input builders


def measure(mode: str, shared: Path, repeat: int) -> dict:
    from kabar import Extractor, Reader, default_settings, extract_all
    from kabar.events import Coder
    from kabar.models import Article

    settings = default_settings()
    with tempfile.TemporaryDirectory() as tmp:
        paths = _inputs("indosum", shared, repeat, Path(tmp))
        coder = Coder(settings) if mode == "extract+code" else None
        extract_s = code_s = 0.0
        articles = events = 0
        stream = extract_all(Reader(settings).read(paths), Extractor(settings))
        while True:
            started = time.perf_counter()
            item = next(stream, None)
            extract_s += time.perf_counter() - started
            if item is None:
                break
            if not isinstance(item, Article):
                continue
            articles += 1
            if coder is not None:
                started = time.perf_counter()
                events += len(coder.code(item))
                code_s += time.perf_counter() - started
    total = extract_s + code_s
    return {
        "mode": mode,
        "repeat": repeat,
        "articles": articles,
        "events": events,
        "articles_per_s": articles / total,
        "extract_per_s": articles / extract_s,
        "code_per_s": articles / code_s if code_s else None,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


HEADER = (
    "| input | stage | articles | events | articles/s | coder alone/s | vs extract "
    "| peak RSS MB |\n|---|---|---|---|---|---|---|---|"
)


def _child(mode: str, shared: Path, repeat: int) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(repeat), "--shared", str(shared)],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--quick", action="store_true", help="skip the 10x run")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "REPEAT"))
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], args.shared, int(args.child[1]))))
        return
    if not (args.shared / "data").is_dir():
        sys.exit(f"{args.shared}/data not found: the benchmark reads the shared corpora")
    plan = [("extract", 1), ("extract+code", 1)] + ([] if args.quick else [("extract+code", 10)])
    print(HEADER)
    results, rows = [], []
    for mode, repeat in plan:
        result = _child(mode, args.shared, repeat)
        results.append(result)
        base = results[0]["articles_per_s"]
        coder = f"{result['code_per_s']:.0f}" if result["code_per_s"] else "-"
        rows.append(
            f"| indosum {repeat}x | {mode} | {result['articles']} | {result['events']} | "
            f"{result['articles_per_s']:.0f} | {coder} | {result['articles_per_s'] / base:.2f} | "
            f"{result['peak_rss_mb']:.0f} |"
        )
        print(rows[-1], flush=True)
    if args.write:
        write_section(
            "Coding",
            "`.venv/bin/python benchmarks/code.py --write`: one process per row, one core; "
            "'coder alone' times only `Coder.code` (sentences, tokens, lemmas, actors, event "
            "words, arguments, cues, dates).\n\n" + HEADER + "\n" + "\n".join(rows),
        )


if __name__ == "__main__":
    main()
