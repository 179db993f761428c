"""Reading settings from `[tool.safeguard-lint]` in pyproject.toml or from safeguard-lint.toml.

The closest file wins: starting from a directory and walking up, the first directory holding a
`safeguard-lint.toml`, or a `pyproject.toml` with a `[tool.safeguard-lint]` table, supplies the
settings (in one directory, `safeguard-lint.toml` is preferred). Unknown keys and bad values are
errors (`ConfigError`) that name the file and the key. Paths and globs in the file are relative
to the directory that holds it and are stored absolute, so they mean the same from any working
directory.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, get_args

from safeguard_lint.ast import Severity
from safeguard_lint.config import Config
from safeguard_lint.regex_cache import compile_regex

SECTION = "tool.safeguard-lint"
STANDALONE = "safeguard-lint.toml"
PYPROJECT = "pyproject.toml"
SEVERITIES: tuple[str, ...] = get_args(Severity)
_SELECTOR = compile_regex(r"^(?:ALL|[A-Z]{1,2}\d{0,2})$")


class ConfigError(Exception):
    """A configuration file or option that cannot be used; the message names file and key."""

    def __init__(self, origin: str, message: str) -> None:
        super().__init__(f"{origin}: {message}")
        self.origin = origin


@dataclass
class LoadedConfig:
    """The effective configuration and, for each setting, where its value came from."""

    config: Config
    path: Path | None = None
    sources: dict[str, str] = field(default_factory=dict)

    def source_of(self, key: str) -> str:
        """Where the value of one (kebab-case) setting came from: a file, the command line…"""
        return self.sources.get(key, "default")


def _str_list(origin: str, key: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(origin, f"`{key}` must be a list of strings")
    return list(value)


def _selectors(origin: str, key: str, value: object) -> list[str]:
    items = [s.strip().upper() for s in _str_list(origin, key, value)]
    bad = [s for s in items if not _SELECTOR.match(s)]
    if bad:
        raise ConfigError(origin, f"`{key}`: {bad[0]!r} is not a rule code, prefix or ALL")
    return items


def _severity(origin: str, key: str, value: object) -> Severity:
    if value not in SEVERITIES:
        raise ConfigError(origin, f"`{key}` must be one of {', '.join(SEVERITIES)}, not {value!r}")
    return value  # type: ignore[return-value]


def _table(origin: str, key: str, value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(origin, f"`{key}` must be a table")
    return value


def _codes_table(origin: str, key: str, value: object) -> dict[str, list[str]]:
    return {k: _selectors(origin, f"{key}.{k}", v) for k, v in _table(origin, key, value).items()}


def _severity_table(origin: str, key: str, value: object) -> dict[str, Severity]:
    out: dict[str, Severity] = {}
    for code, sev in _table(origin, key, value).items():
        out[code.upper()] = _severity(origin, f"{key}.{code}", sev)
    return out


def _options_table(origin: str, key: str, value: object) -> dict[str, dict[str, object]]:
    return {
        code.upper(): dict(_table(origin, f"{key}.{code}", opts))
        for code, opts in _table(origin, key, value).items()
    }


def _lexicon_table(origin: str, key: str, value: object) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    for name, cats in _table(origin, key, value).items():
        if not resources.files("safeguard_lint.lexicons").joinpath(f"{name}.toml").is_file():
            raise ConfigError(origin, f"`{key}.{name}`: no lexicon named {name!r}")
        out[name] = {}
        for cat, phrases in _table(origin, f"{key}.{name}", cats).items():
            where = f"{key}.{name}.{cat}"
            out[name][cat] = _str_list(origin, where, phrases)
            for phrase in out[name][cat]:
                try:
                    re.compile(phrase)
                except re.error as exc:
                    raise ConfigError(origin, f"`{where}`: bad pattern {phrase!r}: {exc}") from None
    return out


def _extensions(origin: str, key: str, value: object) -> list[str]:
    return [e if e.startswith(".") else f".{e}" for e in _str_list(origin, key, value)]


#: Every key of the configuration table: its Config field and the validator of its value.
KEYS: dict[str, tuple[str, Callable[[str, str, object], object]]] = {
    "select": ("select", _selectors),
    "extend-select": ("extend_select", _selectors),
    "ignore": ("ignore", _selectors),
    "fail-on": ("fail_on", _severity),
    "severity": ("severity", _severity_table),
    "per-file-ignores": ("per_file_ignores", _codes_table),
    "per-provision-ignores": ("per_provision_ignores", _codes_table),
    "rule-options": ("rule_options", _options_table),
    "lexicons": ("lexicons", _lexicon_table),
    "extensions": ("extensions", _extensions),
    "exclude": ("exclude", _str_list),
    "extend-exclude": ("extend_exclude", _str_list),
}
#: Keys whose glob keys or values are paths relative to the configuration file.
_GLOB_KEYS = {"per-file-ignores", "exclude", "extend-exclude"}


def anchor_glob(pattern: str, root: Path) -> str:
    """Make a glob relative to `root` absolute; a bare name (no `/`) matches at any depth."""
    if "/" not in pattern.rstrip("/") or pattern.startswith(("/", "*")):
        return pattern
    return f"{root.as_posix().rstrip('/')}/{pattern.removeprefix('./')}"


def settings_from_table(
    table: Mapping[str, object], origin: str, root: Path | None = None
) -> dict[str, object]:
    """Validate a `[tool.safeguard-lint]` table; return Config field → value.

    Raises ConfigError naming `origin` and the offending key.
    """
    values: dict[str, object] = {}
    for key, raw in table.items():
        if key not in KEYS:
            raise ConfigError(origin, f"unknown key `{key}`; known keys: {', '.join(KEYS)}")
        field_name, validate = KEYS[key]
        value = validate(origin, key, raw)
        if root is not None and key in _GLOB_KEYS:
            if isinstance(value, dict):
                value = {anchor_glob(k, root): v for k, v in value.items()}
            elif isinstance(value, list):
                value = [anchor_glob(v, root) for v in value]
        values[field_name] = value
    return values


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"invalid TOML: {exc}") from None


def table_in(path: Path) -> dict[str, Any] | None:
    """The safeguard-lint table of a configuration file, or None if a pyproject lacks one."""
    data = _read_toml(path)
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        table = tool.get("safeguard-lint") if isinstance(tool, dict) else None
        if table is None:
            return None
        return _table(str(path), SECTION, table)
    return data


def find_config(start: Path) -> Path | None:
    """The closest configuration file at or above `start`, or None."""
    start = start.resolve()
    for directory in (start, *start.parents) if start.is_dir() else start.parents:
        standalone = directory / STANDALONE
        if standalone.is_file():
            return standalone
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and table_in(pyproject) is not None:
            return pyproject
    return None


def load(
    explicit: Path | None = None,
    start: Path | None = None,
    overrides: Mapping[str, object] | None = None,
) -> LoadedConfig:
    """Load the effective configuration.

    `explicit` (from `--config`) wins over discovery from `start` (default: the working
    directory). `overrides` are command-line settings by kebab-case key; they win over files.
    """
    path = explicit if explicit is not None else find_config(start or Path.cwd())
    values: dict[str, object] = {}
    sources: dict[str, str] = {}
    if path is not None:
        if not path.is_file():
            raise ConfigError(str(path), "no such configuration file")
        table = table_in(path)
        if table is None:
            raise ConfigError(str(path), f"no [{SECTION}] table")
        values = settings_from_table(table, str(path), path.resolve().parent)
        sources = {k: str(path) for k in table}
    if overrides:
        for key, value in settings_from_table(overrides, "command line").items():
            values[key] = value
        sources.update({k: "command line" for k in overrides})
    return LoadedConfig(Config.model_validate(values), path, sources)
