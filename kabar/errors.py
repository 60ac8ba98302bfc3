"""Typed errors. Each carries the location of the input and a reason a person can act on."""

from __future__ import annotations


class KabarError(Exception):
    """Base class of kabar's own errors."""


class InputError(KabarError):
    """An input (file, record, URL) could not be read or made into an article."""

    def __init__(self, location: str, reason: str, stage: str = "read") -> None:
        super().__init__(f"{location}: {reason}")
        self.location = location
        self.reason = reason
        self.stage = stage


class ConfigError(KabarError):
    """A settings file or value is wrong."""


class StoreError(KabarError):
    """The database cannot be opened or migrated."""
