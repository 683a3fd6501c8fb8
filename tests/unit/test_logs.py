"""The log file: the platform's log directory, or beside a non-default data directory."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from platformdirs import user_log_dir

from app import logs
from app.paths import default_data_dir


def test_default_data_dir_logs_to_the_platform_log_dir(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(logs.LOG_DIR_ENV, raising=False)
    expected = Path(user_log_dir("memberdesk", appauthor=False)) / "memberdesk.log"
    assert logs.log_path(default_data_dir()) == expected
    assert logs.log_path(None) == expected


def test_another_data_dir_keeps_its_log_beside_it_and_the_variable_wins(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.delenv(logs.LOG_DIR_ENV, raising=False)
    assert logs.log_path(tmp_path / "data") == tmp_path / "data" / "logs" / "memberdesk.log"
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path / "elsewhere"))
    assert logs.log_path(tmp_path / "data") == tmp_path / "elsewhere" / "memberdesk.log"


def test_setup_logging_writes_a_rotating_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path / "logs"))
    path = logs.setup_logging(tmp_path / "data")
    try:
        logging.getLogger("memberdesk.test").warning("hello from the test")
        for handler in logging.getLogger().handlers:
            handler.flush()
        assert logs.current_log_path() == path
        assert "hello from the test" in path.read_text(encoding="utf-8")
        rotating = [h for h in logging.getLogger().handlers if getattr(h, "_memberdesk", False)]
        assert rotating[0].maxBytes == logs.MAX_BYTES and rotating[0].backupCount == 5
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "_memberdesk", False):
                logging.getLogger().removeHandler(handler)
                handler.close()


@pytest.mark.parametrize(
    ("message", "args", "shown"),
    [
        ("phone %s", ("13800138001",), "phone 138****8001"),
        ("typed %r", ("+86 138 0013 8001",), "typed '138****8001'"),
        ("abroad %s", ("+442079460958",), "abroad +****0958"),
        ("scanned %s", ("MD1C.K1.JUYDAMBQGAYQ.ABCDEF",), "scanned [member code withheld]"),
        ("terminal %s", ("T01\nINFO forged",), "terminal T01\\nINFO forged"),
        (
            "event 01a24aaa-b385-7dc4 receipt T01-0000146 seq 13800",
            (),
            "event 01a24aaa-b385-7dc4 receipt T01-0000146 seq 13800",
        ),
    ],
)
def test_log_lines_mask_phones_withhold_codes_and_escape_newlines(
    message: str, args: tuple[object, ...], shown: str
) -> None:
    formatter = logs.PrivateFormatter("%(message)s")
    record = logging.LogRecord("memberdesk.test", logging.INFO, __file__, 1, message, args, None)
    assert formatter.format(record) == shown


def test_the_log_file_is_its_users_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path / "logs"))
    path = logs.setup_logging(tmp_path / "data")
    try:
        logging.getLogger("memberdesk.test").warning("a line")
        assert path.stat().st_mode & 0o777 == 0o600
        assert path.parent.stat().st_mode & 0o777 == 0o700
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "_memberdesk", False):
                logging.getLogger().removeHandler(handler)
                handler.close()
