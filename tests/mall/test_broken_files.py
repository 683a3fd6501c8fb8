"""Broken files are named, never papered over (issue 15): every corruption of terminal.db
gets one line saying the database is damaged and the way out (restore a backup, or reset and
re-bootstrap from the ledger), from every command, through the real command line; an empty
or vanished database of a terminal that had data is refused, never started as a new, empty
terminal; ``restore`` brings it back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .harness import Counter, Done, Ledger

PAGE = 4096
Damage = Callable[[Path], None]


def truncated_to_half(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])


def truncated_to_one_page(db: Path) -> None:
    db.write_bytes(db.read_bytes()[:PAGE])


def zeroed_header(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[:100] = bytes(100)
    db.write_bytes(bytes(data))


def bit_flips_in_every_page_header(db: Path) -> None:
    data = bytearray(db.read_bytes())
    for page in range(1, len(data) // PAGE):
        data[page * PAGE] ^= 0xFF  # the b-tree page's type
    db.write_bytes(bytes(data))


def bit_flips_in_the_second_page(db: Path) -> None:
    data = bytearray(db.read_bytes())
    for at in range(PAGE, PAGE + 16):
        data[at] ^= 0xFF
    db.write_bytes(bytes(data))


def bit_flips_in_the_schema(db: Path) -> None:
    data = bytearray(db.read_bytes())
    for at in range(100, 400):
        data[at] ^= 0xAA
    db.write_bytes(bytes(data))


def wrong_page_size(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[16:18] = b"\x00\x07"
    db.write_bytes(bytes(data))


def a_text_file(db: Path) -> None:
    db.write_text("this is not a database\n" * 100, encoding="utf-8")


DAMAGED: list[Damage] = [
    truncated_to_half,
    truncated_to_one_page,
    zeroed_header,
    bit_flips_in_every_page_header,
    bit_flips_in_the_second_page,
    bit_flips_in_the_schema,
    wrong_page_size,
    a_text_file,
]
COMMANDS = [
    ("member", "show", "13800138001"),
    ("journal", "verify"),
    ("award", "M000001", "--line", "grocery=10", "--cashier", "lin"),
    ("report",),
    ("sync", "status"),
    ("demo",),
]


def refused_in_one_line(done: Done, *words: str) -> str:
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def database(pc: Counter) -> Path:
    return pc.data_dir / "terminal.db"


@pytest.mark.parametrize("damage", DAMAGED, ids=lambda damage: damage.__name__)
def test_a_damaged_database_is_named_with_the_way_out_by_every_command(
    pc: Counter, tmp_path: Path, damage: Damage
) -> None:
    damage(database(pc))
    before = database(pc).read_bytes()
    # Every command on two kinds of damage; the core four on the others (each is a process).
    commands = COMMANDS if damage in (a_text_file, truncated_to_half) else COMMANDS[:3]
    for command in [*commands, ("backup", str(tmp_path / "copy.db"))]:
        line = refused_in_one_line(
            pc.run(*command, check=False), "is damaged", "memberdesk restore FILE", "reset"
        )
        assert line.startswith("memberdesk: The terminal database "), line
    assert database(pc).read_bytes() == before  # nothing papered over
    assert not (tmp_path / "copy.db").exists()
    assert not (tmp_path / "copy.db.partial").exists()


def test_damage_sqlite_does_not_trip_over_is_found_by_journal_verify_and_backup(
    pc: Counter, tmp_path: Path
) -> None:
    """A file cut short inside its last page still opens; the integrity check finds it."""
    data = database(pc).read_bytes()
    database(pc).write_bytes(data[: len(data) - 1000])
    refused_in_one_line(pc.run("journal", "verify", check=False), "is damaged", "restore")
    refused_in_one_line(
        pc.run("backup", str(tmp_path / "copy.db"), check=False), "is damaged", "restore"
    )
    assert not (tmp_path / "copy.db").exists()


@pytest.mark.parametrize("how", ["zero bytes", "missing"])
def test_a_vanished_database_of_a_terminal_with_data_is_not_started_empty(
    pc: Counter, how: str
) -> None:
    assert (pc.data_dir / "terminal-identity.json").is_file()
    if how == "missing":
        database(pc).unlink()
    else:
        database(pc).write_bytes(b"")
    for command in [*COMMANDS, ("run", "--exit-when-ready")]:
        line = refused_in_one_line(
            pc.run(*command, check=False), "missing or empty", "terminal T01", "memberdesk restore"
        )
        assert "146 events written" in line, line
    # nothing was made in its place
    assert not database(pc).exists() or database(pc).stat().st_size == 0


def test_a_zero_byte_database_without_an_identity_is_damaged_not_new(pc: Counter) -> None:
    (pc.data_dir / "terminal-identity.json").unlink()
    database(pc).write_bytes(b"")
    refused_in_one_line(pc.run("journal", "verify", check=False), "empty: 0 bytes")
    refused_in_one_line(pc.run("demo", check=False), "empty: 0 bytes")
    assert database(pc).stat().st_size == 0


@pytest.mark.parametrize("damage", [a_text_file, truncated_to_half], ids=lambda d: d.__name__)
def test_restore_is_the_way_out(pc: Counter, tmp_path: Path, damage: Damage) -> None:
    pc.run("backup", str(tmp_path / "good.db"))
    damage(database(pc))
    restored = pc.run("restore", str(tmp_path / "good.db"))
    assert "Journal OK" in restored.stdout
    assert "Journal OK: 146 events" in pc.run("journal", "verify").stdout
    kept = [p for p in pc.data_dir.iterdir() if p.name.startswith("terminal.db.before-restore")]
    assert kept, "the damaged file is kept"


def test_restore_brings_back_a_vanished_database_and_says_what_the_backup_lacks(
    pc: Counter, tmp_path: Path
) -> None:
    pc.run("backup", str(tmp_path / "good.db"))
    pc.run("award", "M000002", "--line", "grocery=10", "--cashier", "lin")
    database(pc).unlink()
    restored = pc.run("restore", str(tmp_path / "good.db")).stdout
    assert "had written 147 events, the backup holds 146" in restored
    assert "Journal OK: 146 events" in pc.run("journal", "verify").stdout


def test_reset_sets_a_damaged_terminal_aside_so_it_can_pair_again(pc: Counter) -> None:
    a_text_file(database(pc))
    pc.run("reset", "--confirm")
    assert not database(pc).exists()
    assert not (pc.data_dir / "terminal-identity.json").exists()
    assert "Demo data seeded" in pc.run("demo").stdout


def test_a_damaged_paired_terminal_is_rebuilt_from_the_ledger(tmp_path: Path) -> None:
    """The other way out: reset (the damaged files kept), pair again, the ledger's snapshot
    brings the members back."""
    home = tmp_path / "ledger-host"
    home.mkdir()
    ledger = Ledger(f"sqlite+pysqlite:///{home / 'ledger.db'}", home)
    ledger.start()
    try:
        (tmp_path / "pc").mkdir()
        counter = Counter(tmp_path / "pc" / "memberdesk", tmp_path / "pc")
        code = ledger.add_terminal("T01", "S001")
        counter.run("pair", "--ledger", ledger.url, "--code", code, "--terminal-id", "T01")
        counter.run("cashier", "first", "lin", "--name", "Lin", "--pin", "1111")
        counter.run("enroll", "--phone", "13900000001", "--name", "Zhang Wei", "--cashier", "lin")
        counter.run("sync", "--once")
        counter.run("enroll", "--phone", "13900000002", "--name", "Li Na", "--cashier", "lin")
        a_text_file(database(counter))

        refused_in_one_line(counter.run("member", "show", "13900000001", check=False), "damaged")
        refused_in_one_line(
            counter.run("reset", "--confirm", check=False), "cannot be counted", "--discard"
        )
        counter.run("reset", "--confirm", "--discard-waiting")
        code = ledger.add_terminal("T01", "S001")  # the same terminal, paired anew
        counter.run("pair", "--ledger", ledger.url, "--code", code, "--terminal-id", "T01")
        counter.run("sync", "--once")
        shown = counter.run("member", "show", "13900000001").stdout
    finally:
        ledger.stop()
    assert "Z**** W**" in shown
    kept = list(counter.data_dir.glob("before-reset-*/terminal.db"))
    assert kept and kept[0].read_text(encoding="utf-8").startswith("this is not a database")
