"""The bundle's entry point: ``memberdesk`` (the CLI; with no subcommand, the counter window).

PyInstaller needs a script; this is ``[project.scripts] memberdesk = "app.cli.main:main"``.
"""

import multiprocessing
import sys

from app.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # Windows: a frozen child process must not rerun main()
    sys.exit(main())
