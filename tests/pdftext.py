"""The text of a PDF as a reader's copy-and-paste gets it (Qt's PDF reader, in a process of
its own so the test's Qt application is not touched)."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

_READ = """
import sys
from PySide6 import QtGui, QtPdf
app = QtGui.QGuiApplication(sys.argv[:1])
document = QtPdf.QPdfDocument()
error = document.load(sys.argv[1])
assert error == QtPdf.QPdfDocument.Error.None_, error
pages = [document.getAllText(page).text() for page in range(document.pageCount())]
sys.stdout.buffer.write("\\n".join(pages).encode("utf-8"))
"""


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", _READ, str(path)],
        capture_output=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=True,
    )
    # CJK fonts map some characters to their Kangxi radical look-alikes (⽇ for 日) in the
    # PDF's text layer; NFKC folds them back, as a reader's search does.
    return unicodedata.normalize("NFKC", done.stdout.decode("utf-8"))
