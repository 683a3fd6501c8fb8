"""What no terminal log may hold: the demo members' phones and member-code texts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

# The demo members' phones (13800138001 ... 13800138008), as typed or with the country code,
# and the test suite's own phones (1390000xxxx, 1391234xxxx), and the prefixes of member
# codes (card, phone, the phone's step message).
PERSONAL = re.compile(r"1380013800\d|139000\d{5}|1391234\d{4}|(?<![A-Za-z0-9])MD1[CDS](?![a-z])")
LOG_NAME = re.compile(r"^memberdesk\.log(\.\d+)?$")


def terminal_logs(root: Path) -> Iterator[Path]:
    for path in root.rglob("memberdesk.log*"):
        if path.is_file() and LOG_NAME.match(path.name):
            yield path


def personal_data(root: Path) -> list[str]:
    """'file:line: text' of every log line under ``root`` that holds personal data."""
    found = []
    for path in terminal_logs(root):
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            if PERSONAL.search(line):
                found.append(f"{path}:{number}: {line[:200]}")
    return found
