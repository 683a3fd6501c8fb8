"""``memberdesk run`` with no display says how to run headless instead of a Qt error."""

from __future__ import annotations

import pytest

from ui.composition import main


def test_run_without_a_display_gives_advice(
    monkeypatch: pytest.MonkeyPatch, tmp_path, capsys: pytest.CaptureFixture[str]
):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert main(["--data-dir", str(tmp_path / "data"), "run"]) == 2
    err = capsys.readouterr().err
    assert "there is no display here" in err
    assert "QT_QPA_PLATFORM=offscreen" in err and "xvfb-run memberdesk run" in err
    assert not (tmp_path / "data" / "terminal.db").exists()
