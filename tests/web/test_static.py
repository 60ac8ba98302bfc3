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
    chart = WEB.joinpath("static", "vendor", "chart.umd.js").read_bytes()[:200]
    assert f"Chart.js v{record['chart.umd.js']['version']}".encode() in chart  # its banner


def test_pages_load_the_vendored_library_not_a_cdn():
    base = WEB.joinpath("templates", "base.html").read_text()
    assert '<script src="/static/vendor/chart.umd.js">' in base
    assert "http" not in base.split("<body>")[0]


def test_api_docs_are_served_without_a_cdn():
    from fastapi.testclient import TestClient

    from kabar.web import create_app

    client = TestClient(create_app(":memory:"))
    page = client.get("/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    assert client.get("/static/vendor/swagger-ui-bundle.js").status_code == 200
