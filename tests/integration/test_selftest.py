"""``memberdesk --self-test`` in a source install: every check printed, exit 0 only if all pass."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import selftest
from app.cli import main as cli
from ui import composition

ROOT = Path(__file__).resolve().parents[2]
CHECKS = (
    "database",
    "journal",
    "member code",
    "rule book",
    "settings",
    "window",
    "translations",
    "sync",
    "commands",
)


def test_self_test_of_the_source_install_passes_headless(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test chooses offscreen by itself
    env["MEMBERDESK_CONFIG_DIR"] = str(tmp_path / "config")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui.composition",
            "--data-dir",
            str(tmp_path / "data"),
            "--self-test",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    for name in CHECKS:
        assert any(line.startswith(f"OK      {name}: ") for line in lines), (name, lines)
    assert not any(line.startswith("FAILED") for line in lines)
    assert lines[-1] == f"self-test passed: {len(CHECKS)} checks"
    assert not (tmp_path / "data").exists(), "the self-test must not touch the data directory"


def test_a_broken_check_fails_the_self_test(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp):
    """A member code that no longer verifies: that check says FAILED, the others still run."""
    from app.domain import codes

    def broken(*args, **kwargs):
        raise codes.CodeBadSignature("simulated: the signature check is broken")

    monkeypatch.setattr(codes, "read_code", broken)
    monkeypatch.setenv("MEMBERDESK_CONFIG_DIR", str(tmp_path / "config"))
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    code = composition.main(["--data-dir", str(tmp_path / "data"), "--self-test"])
    lines = out.getvalue().splitlines()
    assert code == 1
    assert (
        "FAILED  member code: CodeBadSignature: simulated: the signature check is broken" in lines
    )
    assert any(line.startswith("OK      journal: ") for line in lines)
    assert any(line.startswith("OK      window: ") for line in lines)
    assert lines[-1] == f"self-test FAILED: 1 of {len(CHECKS)} checks failed"


def test_a_bad_settings_file_fails_the_self_test(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "memberdesk.toml").write_text('[terminal]\nlanguage = "fr"\n', encoding="utf-8")
    out = io.StringIO()
    code = selftest.run_self_test(
        [c for c in selftest.all_checks(data) if c.name == "settings"], out=out
    )
    assert code == 1
    assert "FAILED  settings: InvalidInput: " in out.getvalue()
    assert "terminal.language must be one of en, zh_CN, es" in out.getvalue()


def test_every_part_is_named_by_the_composition_root():
    """No discovery: the program's subcommands and checks are the ones the root hands in."""
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "entry-points" not in project
    assert 'memberdesk = "ui.composition:main"' in project
    parser = cli.build_parser(composition.PARTS)
    [sub] = [a for a in parser._actions if a.dest == "command"]
    assert {"run", "pair", "sync", "code"} <= set(sub.choices)
    names = [c.name for c in selftest.all_checks(None, composition.PARTS.checks)]
    assert {"window", "translations", "sync"} <= set(names)


def test_a_part_that_cannot_load_fails_the_self_test():
    def broken() -> list[selftest.Check]:
        raise ImportError("No module named 'psycopg'")

    out = io.StringIO()
    checks = [c for c in selftest.all_checks(None, [broken]) if c.name not in selftest_core()]
    assert selftest.run_self_test(checks, out=out) == 1
    assert "cannot load: ImportError: No module named 'psycopg'" in out.getvalue()


def selftest_core() -> set[str]:
    return {c.name for c in selftest.CORE_CHECKS}
