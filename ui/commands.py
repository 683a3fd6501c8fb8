"""The ``run`` subcommand of ``memberdesk``: open the counter window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _has_display() -> bool:
    if sys.platform != "linux":
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


def cmd_run(args: argparse.Namespace) -> int:
    if not _has_display():
        print(
            "memberdesk: there is no display here. Run it on a desktop, or headless with "
            "QT_QPA_PLATFORM=offscreen, or under Xvfb: xvfb-run memberdesk run.\n"
            "The other subcommands (memberdesk --help) work without a display.",
            file=sys.stderr,
        )
        return 2
    from ui.main import run_window

    return run_window(Path(args.data_dir), args.parts.connect, exit_when_ready=args.exit_when_ready)


def register(sub: Any, common: Callable[..., None]) -> None:
    parser = sub.add_parser(
        "run",
        help="open the counter window (the default)",
        description="Open the counter window. Seeds demo data on the "
        "first start of an empty terminal.",
    )
    common(parser)
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="close as soon as the window is on screen with the scan armed (for start-up "
        "timing and smoke tests); prints 'memberdesk: ready, scan armed (N s)'",
    )
    parser.set_defaults(handler=cmd_run)
