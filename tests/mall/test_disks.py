"""Full disks and read-only directories are their own messages (issue 15), through the real
command line: a real read-only bind mount and a real full tmpfs, made in a user and mount
namespace of the test's own (tests run as root, whom mode bits do not stop). Reading
commands work on a read-only data directory and on a full disk; writing ones refuse in one
line that says which, and nothing is lost."""

from __future__ import annotations

import shlex
from pathlib import Path

from .harness import Counter, Done
from .terminal_files import in_namespace, needs_namespaces

pytestmark = needs_namespaces

READING = [
    ["member", "show", "13800138001"],
    ["journal", "verify"],
    ["report"],
    ["sync", "status"],
    ["config", "check"],
    ["cashier", "list"],
]
WRITING = [
    ["award", "M000001", "--line", "grocery=10", "--cashier", "lin"],
    ["enroll", "--phone", "13912345684", "--name", "Li Na", "--cashier", "lin"],
    ["adjust", "M000001", "5", "--reason", "test", "--cashier", "sam"],
]


def works(done: Done) -> None:
    assert done.returncode == 0, (done.stdout, done.stderr)
    assert done.stderr == "", done.stderr  # not a word about logs it could not write


def refused(done: Done, *words: str) -> str:
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_a_read_only_data_directory_reads_and_refuses_writes_by_name(
    pc: Counter, tmp_path: Path
) -> None:
    data = shlex.quote(str(pc.data_dir))
    before = (pc.data_dir / "terminal.db").read_bytes()
    done = in_namespace(
        pc, f"mount --bind -o ro {data} {data}", READING + WRITING, tmp_path / "results"
    )
    for reading in done[: len(READING)]:
        works(reading)
    assert "Journal OK: 146 events" in done[1].stdout
    assert "Z**** W**" in done[0].stdout
    for writing in done[len(READING) :]:
        line = refused(writing, "is read-only", "nothing was changed", "member show")
        assert str(pc.data_dir) in line
    assert (pc.data_dir / "terminal.db").read_bytes() == before


def test_a_full_disk_is_named_reads_still_work_and_nothing_is_lost(
    pc: Counter, tmp_path: Path
) -> None:
    mount = tmp_path / "small-disk"
    mount.mkdir()
    disk = shlex.quote(str(mount))
    data = shlex.quote(str(pc.data_dir))
    moved = Counter(mount / "memberdesk", pc.home)
    setup = (
        f"mount -t tmpfs -o size=4m tmpfs {disk} && cp -a {data} {disk}/memberdesk && "
        f"(dd if=/dev/zero of={disk}/filler bs=4k 2>/dev/null || true)"
    )
    commands = [*WRITING, *READING, ["journal", "verify"]]
    done = in_namespace(moved, setup, commands, tmp_path / "results")
    for writing in done[: len(WRITING)]:
        refused(writing, "is full", "nothing was changed", "Free some space")
    for reading in done[len(WRITING) :]:
        works(reading)
    assert "Journal OK: 146 events" in done[-1].stdout  # nothing half-written


def test_a_backup_to_a_full_disk_is_named_not_a_traceback(pc: Counter, tmp_path: Path) -> None:
    mount = tmp_path / "small-disk"
    mount.mkdir()
    disk = shlex.quote(str(mount))
    setup = (
        f"mount -t tmpfs -o size=256k tmpfs {disk} && "
        f"(dd if=/dev/zero of={disk}/filler bs=4k count=48 2>/dev/null || true)"
    )
    target = mount / "backup.db"
    done = in_namespace(
        pc,
        setup,
        [["backup", str(target)], ["journal", "verify"]],
        tmp_path / "results",
    )
    line = refused(done[0], "is full", "Free some space")
    assert str(target) in line
    works(done[1])
