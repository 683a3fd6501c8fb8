"""``memberdesk backup`` / ``restore``: a consistent copy while the terminal is open, and back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.bootstrap import Terminal
from app.domain.errors import MemberDeskError
from app.domain.quote import Line
from ui.composition import main


def _award(terminal: Terminal, request_id: str) -> None:
    try:
        member_id = terminal.identify("13911112222")
    except MemberDeskError:
        member_id = terminal.enroll(
            "enroll", terminal.actor("lin"), phone="13911112222", name="Backup Test"
        ).member_id
    terminal.award(request_id, terminal.actor("lin"), member_id, [Line("grocery", 5000)])


def test_backup_while_open_then_restore_brings_the_journal_back(
    terminal: Terminal, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    data = terminal.settings.data_dir
    _award(terminal, "a")
    copy = tmp_path / "backups" / "t01.db"
    # the terminal stays open (its engines hold connections) while the backup runs
    assert main(["--data-dir", str(data), "backup", str(copy)]) == 0
    out = capsys.readouterr().out
    assert f"Backed up terminal T01 of store S001 to {copy}" in out and "2 events" in out
    assert not copy.with_name("t01.db-wal").exists()

    _award(terminal, "b")  # a sale after the backup ...
    assert terminal.verify().events == 3
    terminal.close()

    assert main(["--data-dir", str(data), "restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "Restored terminal T01 of store S001" in out and "Journal OK." in out
    kept = list(data.glob("terminal.db.before-restore-*"))
    assert len(kept) == 1
    with sqlite3.connect(data / "terminal.db") as db:
        assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 2  # ... is gone
    with sqlite3.connect(kept[0]) as db:
        assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 3  # ... kept aside


def test_backup_refuses_to_overwrite_and_restore_refuses_other_files(
    terminal: Terminal, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    data = str(terminal.settings.data_dir)
    copy = tmp_path / "t01.db"
    assert main(["--data-dir", data, "backup", str(copy)]) == 0
    assert main(["--data-dir", data, "backup", str(copy)]) == 1
    assert "exists already" in capsys.readouterr().err

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    assert main(["--data-dir", data, "restore", str(other)]) == 1
    assert "not a MemberDesk terminal database" in capsys.readouterr().err
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 100)
    assert main(["--data-dir", data, "restore", str(garbage)]) == 1
    assert "is not a readable database" in capsys.readouterr().err


def test_config_commands_name_the_file_and_the_bad_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    data = tmp_path / "data"
    data.mkdir()
    assert main(["--data-dir", str(data), "config", "path"]) == 0
    assert capsys.readouterr().out.startswith("none (defaults; the usual place is ")
    (data / "memberdesk.toml").write_text('[terminal]\nterminal_id = "T05"\n', encoding="utf-8")
    assert main(["--data-dir", str(data), "config", "check"]) == 0
    out = capsys.readouterr().out
    assert f"Settings file: {data / 'memberdesk.toml'} (valid)" in out
    assert "terminal.terminal_id = 'T05'" in out
    bad = tmp_path / "bad.toml"
    bad.write_text('[terminal]\ntimezone = "Asia/Shangai"\n', encoding="utf-8")
    assert main(["--data-dir", str(data), "--config", str(bad), "config", "check"]) == 1
    assert "terminal.timezone 'Asia/Shangai' is not a time zone name" in capsys.readouterr().err
    # --config named a file for that one command; the next reads the data directory's again.
    from app.config import load_settings

    assert load_settings(data).terminal_id == "T05"
