"""The windowed launcher of the Windows and macOS bundles (no console): the counter window.

Same as ``memberdesk run``; the console executable ``memberdesk`` stays for the command line.
"""

import multiprocessing
import sys

from ui.composition import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main([*sys.argv[1:], "run"]))  # global options (--data-dir) may come first
