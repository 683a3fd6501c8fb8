"""Settings: which file is read, and a bad key or value is named in the message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import config
from app.config import SCHEMA, load_settings, settings_file, use_config_file
from app.domain.errors import InvalidInput

DOCS = Path(__file__).resolve().parents[2] / "docs" / "settings.md"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(config.CONFIG_DIR_ENV, str(tmp_path / "config"))
    monkeypatch.delenv(config.CONFIG_ENV, raising=False)
    use_config_file(None)
    yield
    use_config_file(None)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_defaults_and_demo_mode(tmp_path: Path):
    settings = load_settings(tmp_path / "data")
    assert settings.source is None and not settings.configured
    assert (settings.terminal_id, settings.store_code, settings.language) == ("T01", "S001", "en")
    assert settings.get("terminal.timezone") == "Asia/Shanghai"


def test_platform_config_dir_file_is_read(tmp_path: Path):
    path = write(tmp_path / "config" / "memberdesk.toml", '[terminal]\nterminal_id = "T07"\n')
    settings = load_settings(tmp_path / "data")
    assert settings.terminal_id == "T07" and settings.source == path and settings.configured


def test_data_dir_file_wins_over_config_dir_and_config_option_wins_over_both(tmp_path: Path):
    write(tmp_path / "config" / "memberdesk.toml", '[terminal]\nterminal_id = "T07"\n')
    write(tmp_path / "data" / "memberdesk.toml", '[terminal]\nterminal_id = "T08"\n')
    assert load_settings(tmp_path / "data").terminal_id == "T08"
    chosen = write(tmp_path / "elsewhere.toml", '[terminal]\nterminal_id = "T09"\n')
    use_config_file(chosen)
    assert load_settings(tmp_path / "data").terminal_id == "T09"
    assert settings_file(tmp_path / "data") == (chosen, True)


def test_a_config_option_naming_a_missing_file_is_refused(tmp_path: Path):
    use_config_file(tmp_path / "nope.toml")
    with pytest.raises(InvalidInput, match=r"nope\.toml: there is no settings file here"):
        load_settings(tmp_path / "data")


@pytest.mark.parametrize(
    ("text", "named", "why"),
    [
        ('[terminal]\ntimezone = "Mars/Olympus"\n', "terminal.timezone", "not a time zone"),
        ('[terminal]\nlanguage = "fr"\n', "terminal.language", "must be one of en, zh_CN, es"),
        ("[terminal]\nterminal_id = 7\n", "terminal.terminal_id", "must be a text in quotes"),
        ('[terminal]\nterminal_id = "  "\n', "terminal.terminal_id", "must not be empty"),
        ('[terminal]\ncolour = "red"\n', "terminal.colour", "is not a setting"),
        ('[termnial]\nlanguage = "es"\n', "[termnial]", "is not a section"),
        ('terminal = "T01"\n', "[terminal]", "must be a table"),
        ("[terminal\n", "not valid TOML", ""),
    ],
)
def test_a_bad_key_or_value_is_named(tmp_path: Path, text: str, named: str, why: str):
    path = write(tmp_path / "data" / "memberdesk.toml", text)
    with pytest.raises(InvalidInput) as raised:
        load_settings(tmp_path / "data")
    assert str(path) in raised.value.message
    assert named in raised.value.message and why in raised.value.message


def test_a_new_key_in_the_schema_is_validated_and_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    key = config.Key("scanner.burst_ms", int, 30, "gap between a scanner's keys", minimum=5)
    monkeypatch.setattr(config, "SCHEMA", (*SCHEMA, key))
    monkeypatch.setattr(config, "KEYS", {k.name: k for k in (*SCHEMA, key)})
    assert load_settings(tmp_path / "data").get("scanner.burst_ms") == 30
    write(tmp_path / "data" / "memberdesk.toml", "[scanner]\nburst_ms = 45\n")
    assert load_settings(tmp_path / "data").get("scanner.burst_ms") == 45
    write(tmp_path / "data" / "memberdesk.toml", "[scanner]\nburst_ms = 2\n")
    with pytest.raises(InvalidInput, match=r"scanner\.burst_ms must be at least 5, not 2"):
        load_settings(tmp_path / "data")


def test_every_setting_is_documented_with_its_default():
    text = DOCS.read_text(encoding="utf-8")
    for key in SCHEMA:
        row = re.search(rf"^\| `{re.escape(key.name)}` \|.*$", text, re.MULTILINE)
        assert row, f"docs/settings.md has no row for {key.name}"
        default = key.default if not isinstance(key.default, bool) else str(key.default).lower()
        assert f"`{default!s}`" in row.group(0) or f'`"{default}"`' in row.group(0), key.name
