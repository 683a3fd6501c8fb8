"""Themes: light (the window's own style), dark and high contrast, as stylesheet overrides.

Colour never carries meaning alone: every coloured state also says itself in words
("Problem:", "Done:", "PLUS until …", "✔ Good scan").
"""

from __future__ import annotations

DARK = """
QWidget { background: #1e1f22; color: #e8e8e8; }
QFrame#signInBox, QFrame#memberCard, QFrame#checkoutPanel {
    border: 1px solid #5c5f66; background: #2a2c30;
}
QLineEdit { background: #121316; color: #f2f2f2; border: 2px solid #6c7078; }
QLineEdit:focus { border: 3px solid #6fa8ff; }
QLineEdit:disabled { background: #2a2c30; color: #8a8a8a; }
QListWidget, QTableWidget, QTabWidget::pane { background: #17181b; color: #e8e8e8; }
QHeaderView::section { background: #2a2c30; color: #e8e8e8; padding: 4px; }
QPushButton { background: #34373d; color: #f0f0f0; border: 1px solid #6c7078; }
QPushButton:disabled { color: #7a7a7a; }
QLabel#keyHint { color: #c8c8c8; }
QLabel#messageArea[kind="error"], QLabel#signInMessage[kind="error"] {
    border: 3px solid #ff6b81; background: #3a1a20; color: #ffd6dc;
}
QLabel#messageArea[kind="success"] {
    border: 3px solid #6fcf73; background: #16321a; color: #d9f7dc;
}
QLabel#messageArea[kind="info"] { border: 2px solid #8a8a8a; background: #2a2c30; }
QMenuBar, QMenu, QStatusBar { background: #2a2c30; color: #e8e8e8; }
"""

HIGH_CONTRAST = """
QWidget { background: #000000; color: #ffffff; font-weight: bold; }
QFrame#signInBox, QFrame#memberCard, QFrame#checkoutPanel {
    border: 3px solid #ffffff; background: #000000;
}
QLineEdit { background: #000000; color: #ffff00; border: 3px solid #ffffff; }
QLineEdit:focus { border: 5px solid #ffff00; }
QLineEdit:disabled { color: #bfbfbf; border: 2px dashed #bfbfbf; }
QListWidget, QTableWidget, QTabWidget::pane { background: #000000; color: #ffffff; }
QListWidget#cashierList::item:selected, QTableWidget::item:selected {
    background: #ffff00; color: #000000;
}
QHeaderView::section { background: #000000; color: #ffff00; border: 1px solid #ffffff; }
QPushButton { background: #000000; color: #ffff00; border: 3px solid #ffff00; }
QPushButton:disabled { color: #9a9a9a; border: 2px dashed #9a9a9a; }
QLabel#keyHint { color: #ffff00; }
QLabel#messageArea[kind="error"], QLabel#signInMessage[kind="error"] {
    border: 5px solid #ff4040; background: #000000; color: #ffffff;
}
QLabel#messageArea[kind="success"] {
    border: 5px solid #00ff00; background: #000000; color: #ffffff;
}
QLabel#messageArea[kind="info"] { border: 3px solid #ffffff; background: #000000; }
QProgressBar#tierProgress::chunk { background: #00ff00; }
QMenuBar, QMenu, QStatusBar { background: #000000; color: #ffffff; }
"""

OVERRIDES = {"light": "", "dark": DARK, "high_contrast": HIGH_CONTRAST}


def stylesheet(base: str, theme: str) -> str:
    return base + OVERRIDES.get(theme, "")
