"""One counter window per data directory, as a user meets it: a second ``memberdesk run`` on
the same terminal refuses to start and says why (the first keeps working), command-line
commands keep working beside the window, and after the window crashes the next one starts."""

from __future__ import annotations

import contextlib
import signal
import subprocess
from pathlib import Path

from .harness import BIN, Counter

READY = "memberdesk: ready, scan armed"


def open_window(counter: Counter) -> subprocess.Popen[str]:
    window = subprocess.Popen(
        [str(BIN / "memberdesk"), "--data-dir", str(counter.data_dir), "run"],
        env=counter.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert window.stdout is not None
    line = window.stdout.readline()  # blocks until the window is on screen
    assert line.startswith(READY), line
    return window


def test_a_second_window_refuses_and_commands_work_beside_the_first(pc: Counter) -> None:
    first = open_window(pc)
    try:
        second = pc.run("run", "--exit-when-ready", check=False, timeout=180)
        assert second.returncode == 1
        assert READY not in second.stdout
        refusal = second.stderr.strip().splitlines()[-1]
        assert "A MemberDesk window is already open on" in refusal
        assert f"(process {first.pid})" in refusal
        assert "Command-line commands keep working" in refusal
        assert first.poll() is None  # the first window is untouched

        # The command line beside the window: a sale and a read.
        before = pc.json("member", "show", "13800138001")["points"]
        pc.run("award", "13800138001", "--line", "grocery=50", "--cashier", "lin")
        assert pc.json("member", "show", "13800138001")["points"] > before
    finally:
        # A crash: the OS drops the window's lock with the process.
        with contextlib.suppress(ProcessLookupError):
            first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        if first.stdout is not None:
            first.stdout.close()
    after_crash = pc.run("run", "--exit-when-ready", timeout=180)
    assert READY in after_crash.stdout


def test_the_lock_file_is_the_users_only(pc: Counter, tmp_path: Path) -> None:
    pc.run("run", "--exit-when-ready", timeout=180)
    lock = pc.data_dir / "window.lock"
    assert lock.exists()
    assert lock.stat().st_mode & 0o777 == 0o600
