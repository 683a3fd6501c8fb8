"""Helpers of the tests that break a terminal's files and disks (the ``pc`` fixture is in
conftest.py): a real read-only directory and a real full disk need mount namespaces."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest

from .harness import BIN, Counter, Done, run


def namespaces_work() -> bool:
    """Whether this machine lets a process mount in a user namespace of its own (a read-only
    bind mount, a tiny tmpfs: a real read-only directory and a real full disk, even as root)."""
    try:
        done = subprocess.run(
            ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=4k tmpfs /mnt"],
            capture_output=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


needs_namespaces = pytest.mark.skipif(
    not namespaces_work(), reason="needs unshare -rm (user and mount namespaces)"
)


def in_namespace(
    counter: Counter, setup: str, commands: list[list[str]], results: Path
) -> list[Done]:
    """Run ``setup`` (shell, as root of a new user and mount namespace: mounts stay inside)
    and then each ``memberdesk`` command of ``counter``, each a process; what each printed
    and how it ended is written outside the mounts and returned in order."""
    results.mkdir(parents=True, exist_ok=True)
    lines = ["set -e", setup, "set +e"]
    for n, command in enumerate(commands):
        argv = shlex.join([str(BIN / "memberdesk"), "--data-dir", str(counter.data_dir), *command])
        out = results / str(n)
        lines.append(f"{argv} >{out}.out 2>{out}.err; echo $? >{out}.rc")
    script = "\n".join(lines)
    done = run(["unshare", "-rm", "sh", "-c", script], counter.env, timeout=600)
    assert done.returncode == 0, done.stderr
    return [
        Done(
            int((results / f"{n}.rc").read_text()),
            (results / f"{n}.out").read_text(),
            (results / f"{n}.err").read_text(),
        )
        for n in range(len(commands))
    ]
