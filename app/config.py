"""The terminal's settings: ``memberdesk.toml`` in the data directory, validated on start."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.errors import InvalidInput

CONFIG_NAME = "memberdesk.toml"
DATABASE_NAME = "terminal.db"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    terminal_id: str = "T01"
    store_code: str = "S001"
    timezone: str = "Asia/Shanghai"
    language: str = "en"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def database_path(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


_KEYS = {"terminal_id", "store_code", "timezone", "language"}


def load_settings(data_dir: Path) -> Settings:
    """Read ``memberdesk.toml`` if there is one; a bad key or value names itself."""
    path = data_dir / CONFIG_NAME
    values: dict[str, Any] = {}
    if path.exists():
        try:
            document = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise InvalidInput(f"{path}: {error}", field="config") from None
        terminal = document.get("terminal", {})
        if not isinstance(terminal, dict):
            raise InvalidInput(f"{path}: [terminal] must be a table", field="terminal")
        for key, value in terminal.items():
            if key not in _KEYS:
                raise InvalidInput(
                    f"{path}: terminal.{key} is not a setting ({', '.join(sorted(_KEYS))})",
                    field=f"terminal.{key}",
                )
            if not isinstance(value, str) or not value.strip():
                raise InvalidInput(
                    f"{path}: terminal.{key} must be a non-empty text", field=f"terminal.{key}"
                )
            values[key] = value.strip()
    settings = Settings(data_dir=data_dir, **values)
    try:
        settings.zone  # noqa: B018 - validate the zone name now, not at the first sale
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(
            f"{path}: terminal.timezone {settings.timezone!r} is not a time zone name "
            "such as Asia/Shanghai",
            field="terminal.timezone",
        ) from None
    if settings.language not in ("en", "zh_CN", "es"):
        raise InvalidInput(
            f"{path}: terminal.language must be en, zh_CN or es", field="terminal.language"
        )
    return settings
