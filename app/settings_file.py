"""Rewriting one table of the settings TOML file, leaving every other table (and the comments
in them) as it was, atomically: a crash mid-write leaves the old file."""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path

from app.domain.errors import InvalidInput

_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")  # "[name]": group 1 is the name


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)  # a TOML basic string


def render_table(name: str, values: Mapping[str, object]) -> str:
    lines = [f"[{name}]"] + [f"{key} = {toml_value(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


def read_table(path: Path, name: str) -> dict[str, object]:
    """The table ``name`` of ``path`` ({} when there is no file or no such table)."""
    if not path.is_file():
        return {}
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise InvalidInput(f"{path}: not valid TOML: {error}", field="config") from None
    table = document.get(name, {})
    if not isinstance(table, dict):
        raise InvalidInput(f"{path}: [{name}] must be a table", field=name)
    return table


def set_key(path: Path, name: str, key: str, value: object) -> Path:
    """Set ``key`` in the table ``name`` of ``path`` (both made if missing), changing only
    that key's line: every other line, comments included, stays as it was."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    assignment = f"{key} = {toml_value(value)}"
    inside, header_at, replaced = False, None, False
    for index, line in enumerate(lines):
        header = _TABLE_HEADER.match(line)
        if header:
            inside = header.group(1) == name
            if inside:
                header_at = index
        elif inside and re.match(rf"^\s*{re.escape(key)}\s*=", line):
            lines[index] = assignment
            replaced = True
    if not replaced:
        if header_at is None:
            lines += ([""] if lines else []) + [f"[{name}]", assignment]
        else:
            lines.insert(header_at + 1, assignment)
    return _write(path, "\n".join(lines) + "\n")


def replace_table(path: Path, name: str, values: Mapping[str, object]) -> Path:
    """Write ``values`` as the table ``name`` of ``path`` (made if missing)."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    kept: list[str] = []
    inside = False
    for line in text.splitlines():
        header = _TABLE_HEADER.match(line)
        if header:
            inside = header.group(1) == name
        if not inside:
            kept.append(line)
    body = "\n".join(kept).rstrip()
    return _write(path, (body + "\n\n" if body else "") + render_table(name, values))


def _write(path: Path, new_text: str) -> Path:
    tomllib.loads(new_text)  # never write a file the terminal could not read back
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(new_text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    return path
