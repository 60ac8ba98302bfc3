#!/usr/bin/env bash
# Set up everything and run the whole test suite (what CI runs). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
# System packages the tests use, installed with apt-get when missing: Debian's Chromium for
# the browser tests (tests/web/test_browser.py) and PostgreSQL, whose server the store's
# tests start on their own (tests/postgres.py).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    echo "test.sh: missing ${missing[*]}; running: ${SUDO:+sudo }apt-get update" \
      "&& ${SUDO:+sudo }apt-get install -y ${missing[*]}"
    $SUDO apt-get update
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  else
    echo "test.sh: missing ${missing[*]} and there is no apt-get: the tests that need them will skip"
  fi
fi
bash scripts/setup.sh test
.venv/bin/ruff check kabar tests benchmarks scripts
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
