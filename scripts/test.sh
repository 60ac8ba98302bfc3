#!/usr/bin/env bash
# Set up everything and run the whole test suite (what CI runs). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
# The browser tests (tests/web/test_browser.py) drive Debian's Chromium; install it if missing.
if [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    echo "test.sh: /usr/bin/chromium is missing; running: ${SUDO:+sudo }apt-get update" \
      "&& ${SUDO:+sudo }apt-get install -y chromium"
    $SUDO apt-get update
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  else
    echo "test.sh: /usr/bin/chromium is missing and there is no apt-get: the browser tests will skip"
  fi
fi
bash scripts/setup.sh test
.venv/bin/ruff check kabar tests benchmarks scripts
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
