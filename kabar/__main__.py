"""``python -m kabar`` runs the CLI."""

from .cli import main

main()
