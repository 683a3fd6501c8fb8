"""Secrets kept and logs clean on the terminal (issue 15), as a user runs it: a terminal made
by the real command line and the window (which starts and pairs with the embedded ledger)
keeps every file its user's only, and its log holds no phone and no member code, whatever
was typed or scanned."""

from __future__ import annotations

import stat
from pathlib import Path

from logscan import personal_data, terminal_logs

from .harness import Counter

# What the terminal makes, at least (each checked to exist, so the test cannot pass empty).
EXPECTED = {
    "terminal.db",
    "terminal-identity.json",
    "ledger-credential.json",
    "embedded-ledger.db",
    "logs/memberdesk.log",
}


def made_by_a_user(tmp_path: Path) -> Counter:
    counter = Counter(tmp_path / "pc" / "memberdesk", tmp_path / "pc")
    (tmp_path / "pc").mkdir()
    counter.run("demo")
    # the window: it starts the embedded ledger and pairs with it in the background
    counter.run("run", "--exit-when-ready", timeout=180)
    return counter


def test_every_file_the_terminal_makes_is_its_users_only(tmp_path: Path) -> None:
    counter = made_by_a_user(tmp_path)
    counter.run("award", "13800138001", "--line", "grocery=100", "--cashier", "lin")
    counter.run("backup", str(counter.data_dir / "backups" / "monday.db"))
    made = {p.relative_to(counter.data_dir).as_posix() for p in counter.data_dir.rglob("*")}
    assert made >= EXPECTED, EXPECTED - made
    loose = []
    for path in [counter.data_dir, *counter.data_dir.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            loose.append(f"{path.relative_to(counter.data_dir.parent)}: {oct(mode)}")
    assert not loose, loose


def test_older_wider_files_are_narrowed_at_the_next_start(tmp_path: Path) -> None:
    counter = Counter(tmp_path / "pc" / "memberdesk", tmp_path / "pc")
    (tmp_path / "pc").mkdir()
    counter.run("demo")
    for path in [
        counter.data_dir / "terminal.db",
        counter.data_dir / "logs" / "memberdesk.log",
    ]:
        path.chmod(0o644)
    counter.data_dir.chmod(0o755)
    (counter.data_dir / "logs").chmod(0o755)
    counter.run("member", "show", "13800138001")
    for path in [counter.data_dir, counter.data_dir / "logs"]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path
    for path in [counter.data_dir / "terminal.db", counter.data_dir / "logs" / "memberdesk.log"]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_phones_codes_and_forged_lines_stay_out_of_the_log(tmp_path: Path) -> None:
    counter = made_by_a_user(tmp_path)
    for phone in ("13800138001", "+86 138 0013 8002", "８６１３８００１３８００３"):
        counter.run("member", "show", phone)
        counter.run("award", phone, "--line", "grocery=10", "--cashier", "lin")
    counter.run("enroll", "--phone", "13900000077", "--name", "Li Na", "--cashier", "lin")
    refused = [
        ("enroll", "--phone", "13800138001", "--name", "Zhang Wei", "--cashier", "lin"),
        ("member", "show", "13900000099"),  # nobody: the refusal quotes what was typed
        ("code", "verify", "MD1C.K1.JUYDAMBQGAYQ.AAAA"),
        ("code", "verify", "MD1D.K1.AA.AA.²³.AA.1.AA"),
        ("award", "13800138001\nINFO forged", "--line", "grocery=1", "--cashier", "lin"),
    ]
    for command in refused:
        assert counter.run(*command, check=False).returncode == 1, command
    logs = list(terminal_logs(counter.data_dir))
    assert logs, "the terminal wrote no log"
    assert personal_data(counter.data_dir) == []
    text = "\n".join(path.read_text(encoding="utf-8") for path in logs)
    assert "Zhang Wei" not in text and "Li Na" not in text
    assert "\nINFO forged" not in text
