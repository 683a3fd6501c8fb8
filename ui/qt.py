"""The one module through which the screen imports Qt (swap or pin Qt in one place)."""

from PySide6 import QtCore, QtGui, QtWidgets

__all__ = ["QtCore", "QtGui", "QtWidgets"]
