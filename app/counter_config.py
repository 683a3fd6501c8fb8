"""The counter screen's own settings: the ``[counter]`` table of the settings TOML file.

Scanner timing, the receipt printer and the theme. The screen reads them at start and the
settings dialog writes them back; writing re-reads the file right before it rewrites only
the ``[counter]`` table, so every other table (and the comments in it) stays as it was.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from app.domain.errors import InvalidInput
from app.settings_file import read_table, replace_table

TABLE = "counter"
PRINTERS = ("none", "pdf", "network", "usb", "serial", "file")
THEMES = ("light", "dark", "high_contrast")


@dataclass(frozen=True)
class CounterSettings:
    scan_gap_ms: int = 30  # keys closer than this are a scanner
    scan_min_length: int = 6
    scan_prefix: str = ""  # what the scanner sends before a code (removed)
    scan_suffix: str = ""  # what it sends after, before Enter (removed)
    printer: str = "none"  # none, pdf, network, usb, serial, file
    printer_target: str = ""  # host:port, vid:pid, /dev/ttyUSB0, or a file or folder path
    print_after_award: bool = False
    theme: str = "light"  # light, dark, high_contrast

    def check(self) -> CounterSettings:
        """Itself, or InvalidInput naming the first bad value."""
        if not 1 <= self.scan_gap_ms <= 200:
            raise InvalidInput("Scanner gap: 1 to 200 ms.", field="counter.scan_gap_ms")
        if not 1 <= self.scan_min_length <= 64:
            raise InvalidInput(
                "Shortest scan: 1 to 64 characters.", field="counter.scan_min_length"
            )
        if self.printer not in PRINTERS:
            raise InvalidInput(
                f"Printer: one of {', '.join(PRINTERS)}, not {self.printer!r}.",
                field="counter.printer",
            )
        if self.printer in ("network", "usb", "serial", "file") and not self.printer_target:
            raise InvalidInput(
                "Say where the printer is: host:port, vid:pid, a serial device or a file.",
                field="counter.printer_target",
                kind="printer_target",
            )
        if self.printer == "network" and not re.match(
            r"^[\w.\-]+(:\d{1,5})?$", self.printer_target
        ):
            raise InvalidInput(
                f"A network printer is host or host:port, not {self.printer_target!r}.",
                field="counter.printer_target",
                kind="printer_target",
            )
        if self.printer == "usb" and not re.match(
            r"^[0-9a-fA-F]{4}:[0-9a-fA-F]{4}$", self.printer_target
        ):
            raise InvalidInput(
                f"A USB printer is vendor:product in hex, e.g. 04b8:0202, not "
                f"{self.printer_target!r}.",
                field="counter.printer_target",
                kind="printer_target",
            )
        if self.theme not in THEMES:
            raise InvalidInput(
                f"Theme: one of {', '.join(THEMES)}, not {self.theme!r}.", field="counter.theme"
            )
        return self


def _from_table(table: dict[str, Any], path: Path) -> CounterSettings:
    known = {f.name: f for f in fields(CounterSettings)}
    defaults = CounterSettings()
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            raise InvalidInput(
                f"{path}: counter.{key} is not a setting ({', '.join(sorted(known))})",
                field=f"counter.{key}",
            )
        expected = type(getattr(defaults, key))
        if type(value) is not expected:
            raise InvalidInput(
                f"{path}: counter.{key} must be a {expected.__name__}", field=f"counter.{key}"
            )
        values[key] = value
    return CounterSettings(**values).check()


def read_counter(path: Path | None) -> CounterSettings:
    """The ``[counter]`` table of ``path``; the defaults when there is no file or table."""
    if path is None or not path.is_file():
        return CounterSettings()
    return _from_table(read_table(path, TABLE), path)


def save_counter(path: Path, settings: CounterSettings) -> Path:
    """Write ``settings`` as the ``[counter]`` table of ``path`` (made if missing)."""
    settings.check()
    return replace_table(path, TABLE, asdict(settings))
