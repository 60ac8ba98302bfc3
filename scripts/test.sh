#!/usr/bin/env bash
# Set up everything and run the whole test suite (what CI runs). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
.venv/bin/ruff check kabar tests benchmarks scripts
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
