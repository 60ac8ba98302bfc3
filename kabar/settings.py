"""One settings object: shipped defaults, then the user's file, then command-line overrides.

The defaults live in ``settings.toml`` next to this module so that a user can read them; a
user file holds only the keys it changes. Unknown keys are an error, not silently ignored,
because a misspelt setting that does nothing is worse than a crash.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, is_dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from .errors import ConfigError

USER_CONFIG = Path("~/.config/kabar/settings.toml")


@dataclass(frozen=True, slots=True)
class JsonlFields:
    url: list[str]
    title: list[str]
    text: list[str]
    html: list[str]
    published: list[str]
    outlet: list[str]


@dataclass(frozen=True, slots=True)
class ReadSettings:
    max_document_mb: float
    skip_globs: list[str]
    jsonl: JsonlFields

    @property
    def max_document_bytes(self) -> int:
        return int(self.max_document_mb * 1024 * 1024)


@dataclass(frozen=True, slots=True)
class FetchSettings:
    user_agent: str
    timeout_s: float
    retries: int
    per_host_interval_s: float
    respect_robots: bool


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    min_text_chars: int
    coded_languages: list[str]
    outlet_files: list[str]


@dataclass(frozen=True, slots=True)
class CodeSettings:
    actor_files: list[str]
    petrarch_actors: list[str]
    petrarch_agents: list[str]
    event_files_id: list[str]
    event_files_en: list[str]

    def event_files(self, lang: str) -> list[str]:
        return list(getattr(self, f"event_files_{lang}", []))


@dataclass(frozen=True, slots=True)
class StoreSettings:
    batch_size: int


@dataclass(frozen=True, slots=True)
class StorySettings:
    enabled: bool
    window_days: int
    num_perm: int
    lsh_threshold: float
    near_duplicate: float
    rewrite_jaccard: float
    rewrite_names: float
    same_facts_names: float
    paraphrase_names: float
    same_facts_shared: int
    same_facts_days: int
    candidate_names: int
    parent_min_share: float
    translation_min_names: float


@dataclass(frozen=True, slots=True)
class ScaleSettings:
    partition_records: int
    in_flight_per_worker: int
    workers: int
    connect_timeout_s: float


@dataclass(frozen=True, slots=True)
class WatchSettings:
    every: str
    timeout_s: float
    max_entries_per_poll: int
    entry_attempts: int
    backoff_s: float
    max_backoff_s: float
    same_host_links: bool
    article_link_patterns: list[str]
    skip_link_patterns: list[str]


@dataclass(frozen=True, slots=True)
class Settings:
    read: ReadSettings
    fetch: FetchSettings
    extract: ExtractSettings
    code: CodeSettings
    store: StoreSettings
    stories: StorySettings
    scale: ScaleSettings
    watch: WatchSettings

    @classmethod
    def load(
        cls, path: str | Path | None = None, overrides: dict[str, Any] | None = None
    ) -> Settings:
        """Defaults, then ``path`` (or $KABAR_CONFIG, or the user file), then ``overrides``.

        ``overrides`` uses dotted keys: ``{"fetch.retries": 0}``.
        """
        data = _shipped_defaults()
        user_file = _user_file(path)
        if user_file is not None:
            _merge(data, _read_toml(user_file), str(user_file))
        for dotted, value in (overrides or {}).items():
            _merge(data, _nest(dotted, value), "overrides")
        return _build(cls, data, "settings")

    def replace(self, **overrides: Any) -> Settings:
        """A copy with dotted-key overrides: ``s.replace(**{"read.max_document_mb": 1})``."""
        data = _as_dict(self)
        for dotted, value in overrides.items():
            _merge(data, _nest(dotted, value), "overrides")
        return _build(Settings, data, "settings")


def _shipped_defaults() -> dict[str, Any]:
    return tomllib.loads(files("kabar").joinpath("settings.toml").read_text(encoding="utf-8"))


def _user_file(path: str | Path | None) -> Path | None:
    if path is not None:
        return Path(path)
    if os.environ.get("KABAR_CONFIG"):
        return Path(os.environ["KABAR_CONFIG"])
    default = USER_CONFIG.expanduser()
    return default if default.is_file() else None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read settings file ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc


def _nest(dotted: str, value: Any) -> dict[str, Any]:
    keys = dotted.split(".")
    nested: dict[str, Any] = {keys[-1]: value}
    for key in reversed(keys[:-1]):
        nested = {key: nested}
    return nested


def _merge(base: dict[str, Any], extra: dict[str, Any], origin: str, prefix: str = "") -> None:
    for key, value in extra.items():
        name = f"{prefix}{key}"
        if key not in base:
            raise ConfigError(f"{origin}: unknown setting {name!r}")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise ConfigError(f"{origin}: {name!r} must be a table")
            _merge(base[key], value, origin, f"{name}.")
        else:
            _check_same_type(base[key], value, origin, name)
            base[key] = value


def _check_same_type(default: Any, value: Any, origin: str, name: str) -> None:
    """A user value must have the shipped default's type (ints are accepted for floats)."""
    numeric = (int, float)
    if isinstance(default, bool) or isinstance(value, bool):
        ok = isinstance(default, bool) and isinstance(value, bool)
    elif isinstance(default, numeric):
        ok = isinstance(value, numeric)
    else:
        ok = isinstance(value, type(default))
    if not ok:
        expected = type(default).__name__
        raise ConfigError(f"{origin}: setting {name!r} must be {expected}, got {value!r}")


def _build(cls: type, data: dict[str, Any], name: str) -> Any:
    kwargs = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        sub = f.type if isinstance(f.type, type) else _SECTIONS.get(f.type)
        if sub is not None and is_dataclass(sub):
            kwargs[f.name] = _build(sub, value, f"{name}.{f.name}")
        else:
            kwargs[f.name] = value
    return cls(**kwargs)


def _as_dict(obj: Any) -> dict[str, Any]:
    return {
        f.name: _as_dict(getattr(obj, f.name))
        if is_dataclass(getattr(obj, f.name))
        else getattr(obj, f.name)
        for f in fields(obj)
    }


_SECTIONS: dict[str, type] = {
    "ReadSettings": ReadSettings,
    "FetchSettings": FetchSettings,
    "ExtractSettings": ExtractSettings,
    "CodeSettings": CodeSettings,
    "StoreSettings": StoreSettings,
    "StorySettings": StorySettings,
    "ScaleSettings": ScaleSettings,
    "WatchSettings": WatchSettings,
    "JsonlFields": JsonlFields,
}


def default_settings() -> Settings:
    """The shipped defaults alone, ignoring any user file (for tests and library use)."""
    return _build(Settings, _shipped_defaults(), "settings")


__all__ = ["Settings", "default_settings"]
