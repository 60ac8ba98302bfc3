"""Serve stage: the dashboard and the HTTP API (FastAPI, Jinja2, Chart.js vendored)."""

from ._app import app_from_environment, create_app, serve_environment
from ._server import serve

__all__ = ["app_from_environment", "create_app", "serve", "serve_environment"]
