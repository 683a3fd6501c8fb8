"""The composition root of the ``memberdesk`` program: the command line, the counter window
and the bundle all start here. Every part the program is made of is named below and passed
in; nothing is discovered (no entry points), so a missing part fails at start, loudly.

- ``connect`` wires each terminal a command or the window opens to its ledger (online holds
  on a paired terminal, after every restart);
- the subcommands of the window and of sync;
- the self-test's checks beyond the core's: the window, translations, a sync round;
- the PDF writer of ``memberdesk report --pdf`` (Qt's, without a window).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from app.cli.main import TerminalParts
from app.cli.main import main as command_line
from sync.client import code_commands, phone_commands
from sync.client import commands as sync_commands
from sync.client import selftest as sync_selftest
from sync.client.authorizer import connect
from ui import commands as window_commands
from ui import selftest as window_selftest
from ui.report_pdf import command_line_pdf

PARTS = TerminalParts(
    connect=connect,
    commands=(
        window_commands.register,
        sync_commands.register,
        code_commands.register,
        phone_commands.register,
    ),
    checks=(window_selftest.checks, sync_selftest.checks),
    report_pdf=command_line_pdf,
)


def main(argv: Sequence[str] | None = None) -> int:
    return command_line(PARTS, argv)


if __name__ == "__main__":
    sys.exit(main())
