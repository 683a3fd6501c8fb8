"""PySide6 6.12.0 takes one reference too many from None on every void call and aborts
Python 3.11 after a few thousand; 6.11.3 does not. This fails loudly if the bug comes back."""

from __future__ import annotations

import pytest


@pytest.mark.gui
def test_many_void_calls_do_not_abort_the_interpreter() -> None:
    from ui.qt import QtCore

    obj = QtCore.QObject()
    for _ in range(20_000):
        obj.setObjectName("x")
    assert obj.objectName() == "x"
