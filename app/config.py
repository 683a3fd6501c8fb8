"""The terminal's settings: one TOML file, validated on start against the table ``SCHEMA``.

Which file is read (the first that applies; see docs/settings.md):

1. ``--config PATH`` on the command line (or ``$MEMBERDESK_CONFIG``): that file, which must exist;
2. ``memberdesk.toml`` in the data directory, if there is one (a terminal carried with its data,
   several terminals on one PC, tests);
3. ``memberdesk.toml`` in the platform's config directory (``platformdirs.user_config_dir``,
   e.g. ``~/.config/memberdesk``; ``$MEMBERDESK_CONFIG_DIR`` replaces it), if there is one;
4. none: every key has its default, and the terminal runs on the embedded default (demo mode).

Adding a setting is one line in ``SCHEMA`` (section.key, type, default, one-line description,
optional allowed values or check) plus its paragraph in docs/settings.md; a test fails when the
two disagree. Read it with ``settings.get("scanner.burst_ms")``.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from platformdirs import user_config_dir

from app.domain.errors import InvalidInput
from app.settings_file import read_table, set_key

CONFIG_NAME = "memberdesk.toml"
DATABASE_NAME = "terminal.db"
CONFIG_ENV = "MEMBERDESK_CONFIG"
CONFIG_DIR_ENV = "MEMBERDESK_CONFIG_DIR"


def _zone_problem(value: Any) -> str | None:
    try:
        ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError):
        return f"{value!r} is not a time zone name such as Asia/Shanghai"
    return None


def _not_blank(value: Any) -> str | None:
    return None if str(value).strip() else "must not be empty"


@dataclass(frozen=True)
class Key:
    """One setting: ``section.name``, its TOML type, default, and what it is for."""

    name: str
    type: type
    default: Any
    doc: str
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    check: Callable[[Any], str | None] | None = None  # a problem in words, or None

    @property
    def section(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def key(self) -> str:
        return self.name.split(".", 1)[1]

    def problem(self, value: Any) -> str | None:
        """Why ``value`` is not acceptable for this key, or None."""
        if self.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, self.type) or (self.type is int and isinstance(value, bool)):
            names = {
                str: "a text in quotes",
                int: "a whole number",
                float: "a number",
                bool: "true or false",
            }
            return f"must be {names.get(self.type, self.type.__name__)}, not {value!r}"
        if self.choices and value not in self.choices:
            return f"must be one of {', '.join(map(str, self.choices))}, not {value!r}"
        if self.minimum is not None and isinstance(value, int | float) and value < self.minimum:
            return f"must be at least {self.minimum:g}, not {value!r}"
        if self.maximum is not None and isinstance(value, int | float) and value > self.maximum:
            return f"must be at most {self.maximum:g}, not {value!r}"
        return self.check(value) if self.check else None


# Every setting. Append yours here (and describe it in docs/settings.md).
SCHEMA: tuple[Key, ...] = (
    Key("terminal.terminal_id", str, "T01", "this terminal's id before pairing", check=_not_blank),
    Key("terminal.store_code", str, "S001", "its store's code before pairing", check=_not_blank),
    Key(
        "terminal.timezone",
        str,
        "Asia/Shanghai",
        "the shop's time zone: business days, expiry and campaigns",
        check=_zone_problem,
    ),
    Key("terminal.language", str, "en", "the screen's language at start", ("en", "zh_CN", "es")),
    Key(
        "staff.pin_attempts",
        int,
        5,
        "wrong PINs in a row that lock a cashier",
        minimum=2,
        maximum=20,
    ),
    Key(
        "staff.pin_lockout_minutes",
        int,
        5,
        "how long a cashier stays locked after too many wrong PINs",
        minimum=1,
        maximum=1440,
    ),
    Key(
        "redeem.undo_minutes",
        int,
        5,
        "how long after a redemption it can be undone at the counter (0: never)",
        minimum=0,
        maximum=60,
    ),
)
KEYS: dict[str, Key] = {key.name: key for key in SCHEMA}
# Tables of the same file that another module reads and validates itself (it gets the file
# from ``Settings.source``): app/counter_config.py owns [counter].
EXTERNAL_SECTIONS: frozenset[str] = frozenset({"counter"})


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    terminal_id: str = "T01"
    store_code: str = "S001"
    timezone: str = "Asia/Shanghai"
    language: str = "en"
    # Every other key of SCHEMA by its dotted name (only those the file set).
    extra: dict[str, Any] = field(default_factory=dict)
    source: Path | None = None  # the file these came from; None: all defaults

    @property
    def database_path(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def configured(self) -> bool:
        """False on a fresh install with no settings file: the embedded default (demo mode)."""
        return self.source is not None

    def get(self, name: str) -> Any:
        """A setting by dotted name, e.g. ``settings.get("terminal.language")``."""
        key = KEYS[name]  # KeyError for a name not in SCHEMA: a typo in code, not in the file
        if key.section == "terminal" and hasattr(self, key.key):
            return getattr(self, key.key)
        return self.extra.get(name, key.default)


# ------------------------------------------------------------------------ which file


_override: Path | None = None


def use_config_file(path: Path | None) -> None:
    """The ``--config`` of this process (the command line sets it; None to forget it)."""
    global _override  # noqa: PLW0603 - one process, one command line
    _override = path


def config_dir() -> Path:
    explicit = os.environ.get(CONFIG_DIR_ENV)
    return Path(explicit) if explicit else Path(user_config_dir("memberdesk", appauthor=False))


def settings_file(data_dir: Path) -> tuple[Path | None, bool]:
    """(the file to read or None, whether it was named explicitly and so must exist)."""
    if _override is not None:
        return _override, True
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV]), True
    for candidate in (data_dir / CONFIG_NAME, config_dir() / CONFIG_NAME):
        if candidate.is_file():
            return candidate, False
    return None, False


# ------------------------------------------------------------------------ reading


def _bad(path: Path, name: str, problem: str) -> InvalidInput:
    return InvalidInput(f"{path}: {name} {problem}", field=name)


def parse_settings(path: Path, document: Mapping[str, Any]) -> dict[str, Any]:
    """Check a parsed TOML document against SCHEMA; a bad key or value names itself."""
    sections = sorted({key.section for key in SCHEMA} | EXTERNAL_SECTIONS)
    values: dict[str, Any] = {}
    for section, table in document.items():
        if section in EXTERNAL_SECTIONS:
            continue
        if section not in sections:
            raise _bad(path, f"[{section}]", f"is not a section ({', '.join(sections)})")
        if not isinstance(table, dict):
            raise _bad(path, f"[{section}]", "must be a table: write [" + section + "] on a line")
        for name, value in table.items():
            dotted = f"{section}.{name}"
            key = KEYS.get(dotted)
            if key is None:
                known = ", ".join(k.key for k in SCHEMA if k.section == section)
                raise _bad(path, dotted, f"is not a setting (in [{section}]: {known})")
            problem = key.problem(value)
            if problem:
                raise _bad(path, dotted, problem)
            if key.type is float:
                values[dotted] = float(value)
            else:
                values[dotted] = value.strip() if isinstance(value, str) else value
    return values


def load_settings(data_dir: Path, config_file: Path | None = None) -> Settings:
    """Read the settings file that applies (see the module's docstring), or the defaults."""
    path, explicit = (config_file, True) if config_file is not None else settings_file(data_dir)
    if path is None:
        return Settings(data_dir=data_dir)
    if not path.is_file():
        if explicit:
            raise InvalidInput(
                f"{path}: there is no settings file here (given by --config or ${CONFIG_ENV}).",
                field="config",
            )
        return Settings(data_dir=data_dir)
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise InvalidInput(f"{path}: not valid TOML: {error}", field="config") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInput(f"{path}: cannot be read: {error}", field="config") from None
    values = parse_settings(path, document)
    fields = {f"terminal.{name}": name for name in _TERMINAL_FIELDS}
    terminal = {fields[name]: value for name, value in values.items() if name in fields}
    extra = {name: value for name, value in values.items() if name not in fields}
    return Settings(data_dir=data_dir, extra=extra, source=path, **terminal)


_TERMINAL_FIELDS = ("terminal_id", "store_code", "timezone", "language")


def save_setting(path: Path, name: str, value: Any) -> Path:
    """Set one setting (e.g. ``terminal.language``) in the settings file at ``path``, made if
    missing. The value is checked as the file's reader checks it; only that key's line
    changes, and not at all when it already holds the value."""
    key = KEYS.get(name)
    if key is None:
        raise InvalidInput(f"There is no setting {name!r}.", field=name)
    problem = key.problem(value)
    if problem:
        raise InvalidInput(f"{name} {problem}.", field=name)
    if read_table(path, key.section).get(key.key) == value:
        return path
    return set_key(path, key.section, key.key, value)
