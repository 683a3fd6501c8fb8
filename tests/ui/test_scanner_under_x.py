"""A scanner under a real X server, as it runs at the counter: the terminal started through
its command line on Xvfb (with a window manager), keys typed by ``xdotool`` through the XTest
extension — Shift pressed and released around every capital, 4 ms a key, Return at the end —
and the outcome read back through the command line after the window has closed.

The scan arrives while the cursor is in the Grocery field with an amount typed: the member
scanned is the one the sale is recorded on, and the customer before gets nothing.

Skipped where Xvfb, openbox or xdotool are missing (Debian: xvfb openbox xdotool).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(
        not all(shutil.which(tool) for tool in ("Xvfb", "openbox", "xdotool")),
        reason="needs Xvfb, openbox and xdotool",
    ),
]
MEMBERDESK = str(Path(sys.executable).with_name("memberdesk"))
PERSON_MS = "120"  # a person's keys
SCANNER_MS = "4"  # a scanner's keys


def cli(data: Path, *args: str) -> dict[str, object]:
    done = subprocess.run(
        [MEMBERDESK, "--data-dir", str(data), *args, "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    found = json.loads(done.stdout)
    assert isinstance(found, dict)
    return found


@pytest.fixture
def display() -> Iterator[dict[str, str]]:
    """A fresh X server with a window manager; the environment to run programs on it."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    env = {
        **os.environ,
        "DISPLAY": f":{number}",
        "QT_QPA_PLATFORM": "xcb",
        "MEMBERDESK_CONFIG_DIR": os.path.join(os.sep, "nonexistent", "memberdesk"),
    }
    manager = subprocess.Popen(
        ["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        yield env
    finally:
        for process in (manager, xvfb):
            process.terminate()
            process.wait(timeout=10)


def xdotool(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


def test_a_scan_into_the_amount_field_under_x_records_on_the_scanned_member(
    tmp_path: Path, display: dict[str, str]
) -> None:
    data = tmp_path / "data"
    subprocess.run(
        [MEMBERDESK, "--data-dir", str(data), "demo"],
        check=True,
        capture_output=True,
        env=display,
        timeout=120,
    )
    enrolled = cli(
        data, "enroll", "--phone", "13912340077", "--name", "Xu Scan", "--consent",
        "--cashier", "lin",
    )  # fmt: skip
    member_id = str(enrolled["member_id"])
    assert member_id.startswith("MT") and any(c.isupper() for c in member_id)
    before = int(str(cli(data, "member", "show", "M000001")["points"]))
    scanned_before = int(str(cli(data, "member", "show", member_id)["points"]))

    log = tmp_path / "window.log"
    with log.open("w") as output:
        window = subprocess.Popen(
            [MEMBERDESK, "--data-dir", str(data), "run"],
            env=display,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        found = xdotool(display, "search", "--sync", "--onlyvisible", "--name", "MemberDesk")
        xdotool(display, "windowactivate", "--sync", found.splitlines()[0])
        time.sleep(1.5)  # the first paint and the camera's late start
        # Sign in: cashiers are listed admin, lin, ...; ↓ moves the list from the PIN field.
        xdotool(display, "key", "--delay", PERSON_MS, "Down")
        xdotool(display, "type", "--delay", PERSON_MS, "1111")
        xdotool(display, "key", "Return")
        time.sleep(1.0)
        # The customer before: scanned, F4, an amount typed by the cashier ...
        xdotool(display, "type", "--delay", SCANNER_MS, "M000001\r")
        time.sleep(0.5)
        xdotool(display, "key", "F4")
        xdotool(display, "type", "--delay", PERSON_MS, "300")
        time.sleep(0.3)
        # ... then the next customer's member number, scanned into the Grocery field.
        xdotool(display, "type", "--delay", SCANNER_MS, f"{member_id}\r")
        time.sleep(0.8)
        xdotool(display, "key", "F4")
        xdotool(display, "type", "--delay", PERSON_MS, "300")
        xdotool(display, "key", "F9")
        time.sleep(1.0)
        # A member number that does not exist, then F4, an amount, F9: nothing is recorded.
        xdotool(display, "type", "--delay", SCANNER_MS, "M999999\r")
        time.sleep(0.5)
        xdotool(display, "key", "F4")
        xdotool(display, "type", "--delay", PERSON_MS, "500")
        xdotool(display, "key", "F9")
        time.sleep(0.5)
        xdotool(display, "key", "ctrl+q")
        window.wait(timeout=30)
    finally:
        if window.poll() is None:
            window.terminate()
            window.wait(timeout=10)
    scanned = cli(data, "member", "show", member_id)
    assert int(str(scanned["points"])) > scanned_before, log.read_text()
    assert int(str(cli(data, "member", "show", "M000001")["points"])) == before
