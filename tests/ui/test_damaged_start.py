"""A counter started from its icon on a damaged database says so on screen (the command line
prints the same line): one message with the way out, and no window on an empty terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.errors import DatabaseCorrupt
from ui.composition import PARTS
from ui.qt import QtCore, QtWidgets

pytestmark = pytest.mark.gui


def test_a_damaged_database_is_shown_in_a_message_box(qtbot, qapp, tmp_path: Path) -> None:
    from ui.main import run_window

    data = tmp_path / "data"
    data.mkdir()
    (data / "terminal.db").write_text("not a database\n", encoding="utf-8")
    shown: list[str] = []

    def close_the_box() -> None:
        box = QtWidgets.QApplication.activeModalWidget()
        if isinstance(box, QtWidgets.QMessageBox):
            shown.append(box.text())
            box.done(0)
        else:
            QtCore.QTimer.singleShot(20, close_the_box)

    QtCore.QTimer.singleShot(20, close_the_box)
    with pytest.raises(DatabaseCorrupt):
        run_window(data, PARTS.connect)
    assert len(shown) == 1
    assert "is damaged" in shown[0] and "memberdesk restore FILE" in shown[0]
    assert (data / "terminal.db").read_text(encoding="utf-8") == "not a database\n"
