"""Vendor the dashboard's front-end packages from npm into ``kabar/web/static/vendor``.

    python -m kabar.web.build

Runs ``npm ci`` on ``static-src/package.json`` and its lock file (exact versions), then
copies each file of ``VENDORED`` into ``static/vendor`` and records its version and
SHA-256 in ``static/vendor/VENDORED.json``. The copied files are committed, so that kabar
installs and serves its charts offline, without npm or a CDN; a test checks that they
are the ones the lock file names.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "static-src"
VENDOR = HERE / "static" / "vendor"
# package -> (file inside the package, name in static/vendor)
VENDORED = {
    "chart.js": [("dist/chart.umd.js", "chart.umd.js")],
    # the OpenAPI docs page (/docs), served from here instead of a CDN
    "swagger-ui-dist": [
        ("swagger-ui-bundle.js", "swagger-ui-bundle.js"),
        ("swagger-ui.css", "swagger-ui.css"),
    ],
}


def build() -> dict[str, dict[str, str]]:
    """Install the locked packages and copy their files into static/vendor."""
    subprocess.run(
        ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=SOURCE, check=True
    )
    VENDOR.mkdir(parents=True, exist_ok=True)
    record = {}
    for package, copies in VENDORED.items():
        folder = SOURCE / "node_modules" / package
        version = json.loads((folder / "package.json").read_text())["version"]
        licence = next(folder.glob("LICENSE*"), None)
        if licence:
            shutil.copyfile(licence, VENDOR / f"{package}.LICENSE")
        for inside, name in copies:
            shutil.copyfile(folder / inside, VENDOR / name)
            record[name] = {"package": package, "version": version, "sha256": sha256(VENDOR / name)}
    (VENDOR / "VENDORED.json").write_text(json.dumps(record, indent=2) + "\n")
    shutil.rmtree(SOURCE / "node_modules")
    return record


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


if __name__ == "__main__":
    json.dump(build(), sys.stdout, indent=2)
    print()
