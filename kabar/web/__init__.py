"""Serve stage: the dashboard and the HTTP API (FastAPI, Jinja2, Chart.js vendored)."""

from ._app import create_app

__all__ = ["create_app"]
