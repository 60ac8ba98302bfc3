#!/usr/bin/env bash
# The main job: set up, ingest the bundled sample corpus into a fresh SQLite file, report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/kabar demo "$@"
