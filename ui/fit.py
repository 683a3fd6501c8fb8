"""Fitting the counter's screens on the monitors counters have (1280×1024, 1366×768 and up).

- ``wrapping(label)``: a word-wrapped label that never widens its window: its width comes from
  the layout, its height from its text at that width.
- ``scrolling(widget)``: a column that scrolls when the screen is too short for it, instead of
  making the window taller than the screen.
- ``fit_to_window(dialog, w, h)``: a dialog no larger than the (maximised) counter window.
- ``short(text)``: what a person typed or scanned, shortened to quote in a message (a scanned
  code is a hundred characters with no space to wrap at).
"""

from __future__ import annotations

from ui.qt import QtCore, QtWidgets

Qt = QtCore.Qt
QUOTE_CHARS = 24  # of a typed or scanned text quoted in a message


def short(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def wrapping(label: QtWidgets.QLabel) -> QtWidgets.QLabel:
    """Word-wrapped, and its width never a reason for the window to grow."""
    label.setWordWrap(True)
    policy = QtWidgets.QSizePolicy(
        QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred
    )
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    label.setMinimumWidth(80)
    return label


class _Column(QtWidgets.QScrollArea):
    """A frameless vertical scroll area whose width follows its content's minimum width."""

    def minimumSizeHint(self) -> QtCore.QSize:
        inner = self.widget()
        width = inner.minimumSizeHint().width() if inner is not None else 0
        return QtCore.QSize(width + self.verticalScrollBar().sizeHint().width(), 36)


def scrolling(widget: QtWidgets.QWidget) -> QtWidgets.QScrollArea:
    area = _Column()
    area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(widget)
    area.viewport().setAutoFillBackground(False)
    widget.setAutoFillBackground(False)
    return area


def fit_to_window(dialog: QtWidgets.QWidget, width: int, height: int) -> None:
    """Resize a dialog to ``width``×``height``, or to its counter window's size when that is
    smaller: the window is maximised on the counter's screen, so the dialog fits it too."""
    parent = dialog.parentWidget()
    if parent is not None:
        window = parent.window()
        width = min(width, max(window.width(), 640))
        height = min(height, max(window.height(), 480))
    dialog.resize(width, height)
