"""The vendored front-end files are the ones the lock file names, unchanged."""

from __future__ import annotations

import hashlib
import json
from importlib.resources import files

WEB = files("kabar.web")


def test_vendored_chart_library_matches_the_lock_file():
    record = json.loads(WEB.joinpath("static", "vendor", "VENDORED.json").read_text())
    lock = json.loads(WEB.joinpath("static-src", "package-lock.json").read_text())
    wanted = json.loads(WEB.joinpath("static-src", "package.json").read_text())["dependencies"]
    for name, entry in record.items():
        data = WEB.joinpath("static", "vendor", name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], name
        assert lock["packages"][f"node_modules/{entry['package']}"]["version"] == entry["version"]
        assert wanted[entry["package"]] == entry["version"]
        assert f"v{entry['version']}".encode() in data[:200]  # the file's own banner


def test_pages_load_the_vendored_library_not_a_cdn():
    base = WEB.joinpath("templates", "base.html").read_text()
    assert '<script src="/static/vendor/chart.umd.js">' in base
    assert "http" not in base.split("<body>")[0]
