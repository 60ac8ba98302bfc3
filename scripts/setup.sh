#!/usr/bin/env bash
# Create ./.venv and install kabar into it (editable), with extras given as arguments:
#   bash scripts/setup.sh            # to run kabar
#   bash scripts/setup.sh test       # to run the tests too
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
extras=""
if [ "$#" -gt 0 ]; then
  extras="[$(IFS=,; echo "$*")]"
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".${extras}"
