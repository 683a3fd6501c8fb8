"""The bundle's entry point: ``memberdesk`` (the CLI; with no subcommand, the counter window).

PyInstaller needs a script; this is ``[project.scripts] memberdesk = "ui.composition:main"``,
the composition root.
"""

import multiprocessing
import sys

from ui.composition import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # Windows: a frozen child process must not rerun main()
    sys.exit(main())
