"""A counter window on a copy of the demo terminal, driven by the keyboard."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.bootstrap import Terminal, open_terminal
from app.demo import seed_demo
from app.services.context import FixedClock
from ui.composition import PARTS

# The same moment as tests/conftest.py: a Tuesday at 10:00 in Shanghai.
START = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)

# The offscreen platform says this once per top-level window; it is not a problem of ours.
OFFSCREEN_NOISE = "does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo terminal, seeded once per session (seeding takes seconds)."""
    data = tmp_path_factory.mktemp("demo-template") / "data"
    term = open_terminal(data, clock=FixedClock(START))
    seed_demo(term)
    term.close()
    return data


@pytest.fixture
def demo_terminal(demo_template: Path, tmp_path: Path) -> Iterator[Terminal]:
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    # wired as ui.composition wires the window's terminal: the window may pair it
    term = open_terminal(data, clock=FixedClock(START), connect=PARTS.connect)
    yield term
    term.close()


@pytest.fixture
def window(qtbot, qapp, demo_terminal: Terminal):
    from ui.i18n import LanguageSwitcher
    from ui.window import CounterWindow

    switcher = LanguageSwitcher(qapp)
    switcher.switch("en")
    win = CounterWindow(demo_terminal, switcher)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    switcher.switch("en")  # translators are global to the application
    qapp.processEvents()
