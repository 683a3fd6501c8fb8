"""The one module through which the screen imports Qt (swap or pin Qt in one place)."""

from types import ModuleType

from PySide6 import QtCharts, QtCore, QtGui, QtWidgets

__all__ = ["QtCharts", "QtCore", "QtGui", "QtWidgets", "multimedia"]


def multimedia() -> ModuleType | None:
    """QtMultimedia, or None where it cannot load (no libpulse, a bundle without it)."""
    # Qt probes optional libraries (PipeWire, VA-API) and warns when one is missing; they
    # are optional, so those probes are not worth a warning in the log.
    QtCore.QLoggingCategory.setFilterRules(
        "qt.multimedia.symbolsresolver.warning=false\nqt.multimedia.ffmpeg.info=false"
    )
    try:
        from PySide6 import QtMultimedia
    except ImportError:
        return None
    return QtMultimedia
