"""One phone normalisation at the counter: every spelling of a member's phone enrols once
and finds the same member (identify, the card, a scan of a typed number); an existing
database's phones are normalised by migration 0008, duplicates left for a person."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from probe import DbProbe

from app.bootstrap import Terminal, open_terminal
from app.domain.errors import DuplicateMember, InvalidInput
from app.services.context import Actor
from app.store.db import alembic_config, make_engine

SPELLINGS = [
    "１３９１２３４５６８４",
    "+86 139 1234 5684",
    "86139 1234 5684",
    "8613912345684",
    "139-1234-5684",
    "(+86)139 1234 5684",
]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_another_spelling_of_an_enrolled_phone_is_the_same_member(
    terminal: Terminal, cashier: Actor, db: DbProbe, spelling: str
) -> None:
    first = terminal.enroll("e-1", cashier, phone="13912345684", name="Zhang Wei")
    with db.refused(DuplicateMember, r"139\*\*\*\*5684"):
        terminal.enroll("e-2", cashier, phone=spelling, name="Zhang Wei")
    assert terminal.identify(spelling) == first.member_id
    assert terminal.card(spelling).member_id == first.member_id
    assert terminal.scan(spelling).member_id == first.member_id


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_member_enrolled_by_any_spelling_is_stored_normalised(
    terminal: Terminal, cashier: Actor, spelling: str
) -> None:
    enrolled = terminal.enroll("e-1", cashier, phone=spelling, name="Li Na")
    assert enrolled.phone == "13912345684"
    assert terminal.identify("13912345684") == enrolled.member_id


def test_a_foreign_number_keeps_its_country(terminal: Terminal, cashier: Actor) -> None:
    enrolled = terminal.enroll("e-1", cashier, phone="+44 20 7946 0958", name="Ann Lee")
    assert enrolled.phone == "+442079460958"
    assert terminal.identify("+44 (0)20 7946 0958") == enrolled.member_id


@pytest.mark.parametrize("phone", ["1391234", "²³⁴", "139123456841234"])
def test_a_number_that_is_no_phone_is_refused(
    terminal: Terminal, cashier: Actor, db: DbProbe, phone: str
) -> None:
    with db.refused(InvalidInput, "phone"):
        terminal.enroll("e-1", cashier, phone=phone, name="Li Na")


def test_migration_0008_normalises_old_phones_and_leaves_duplicates(
    tmp_path: Path, terminal: Terminal, cashier: Actor
) -> None:
    a = terminal.enroll("e-1", cashier, phone="13912345684", name="A A").member_id
    b = terminal.enroll("e-2", cashier, phone="13912345685", name="B B").member_id
    c = terminal.enroll("e-3", cashier, phone="13912345686", name="C C").member_id
    path = terminal.settings.database_path
    data_dir = terminal.settings.data_dir
    terminal.close()
    engine = make_engine(path, write=True)  # back to the schema before 0008's successors
    try:
        command.downgrade(alembic_config(engine), "0008")
    finally:
        engine.dispose()
    with sqlite3.connect(path) as raw:  # as an older version stored what was typed
        raw.execute("UPDATE members SET phone = '+8613912345699' WHERE member_id = ?", (b,))
        raw.execute("UPDATE members SET phone = '8613912345684' WHERE member_id = ?", (c,))
        raw.execute("UPDATE alembic_version SET version_num = '0007'")
    again = open_terminal(data_dir)
    try:
        with again.ctx.read() as session:
            rows = session.connection().exec_driver_sql("SELECT member_id, phone FROM members")
            phones = {row[0]: row[1] for row in rows}
        assert phones[a] == "13912345684"
        assert phones[b] == "13912345699"  # normalised
        assert phones[c] == "8613912345684"  # a's phone too: left for the service desk
        assert again.identify("+86 139 1234 5699") == b
    finally:
        again.close()
