"""Regenerate the translations: lupdate the sources into .ts, lrelease the .ts into .qm.

    python -m ui.i18n_build            # both steps
    python -m ui.i18n_build --release  # only .ts -> .qm (after editing a .ts by hand)

Translators edit ``resources/i18n/memberdesk_<lang>.ts`` (with pyside6-linguist or a text
editor); lupdate keeps their work and marks texts that changed as unfinished.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

UI_DIR = Path(__file__).resolve().parent
ROOT = UI_DIR.parent
I18N_DIR = ROOT / "resources" / "i18n"
TRANSLATED = ("zh_CN", "es")  # English is the source language


def _tool(name: str) -> str:
    """The PySide6 tool next to this Python (the venv), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def sources() -> list[Path]:
    return sorted(p for p in UI_DIR.glob("*.py") if p.name not in {"i18n_build.py"})


def ts_file(code: str) -> Path:
    return I18N_DIR / f"memberdesk_{code}.ts"


def update() -> None:
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    files = [str(p.relative_to(ROOT)) for p in sources()]
    for code in TRANSLATED:
        subprocess.run(  # noqa: S603 - fixed arguments, our own tool
            [
                _tool("pyside6-lupdate"),
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                code,
                *files,
                "-ts",
                str(ts_file(code).relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )


def release() -> None:
    for code in TRANSLATED:
        subprocess.run(  # noqa: S603 - fixed arguments, our own tool
            [
                _tool("pyside6-lrelease"),
                str(ts_file(code)),
                "-qm",
                str(ts_file(code).with_suffix(".qm")),
            ],
            check=True,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile .ts into .qm")
    args = parser.parse_args(argv)
    if not args.release:
        update()
    release()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
