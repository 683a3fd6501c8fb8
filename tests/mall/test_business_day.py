"""The shop's business day travels with each event: a sale early on a Wednesday morning in
Shanghai (still Tuesday in UTC) earns member-day points at the counter, and the ledger,
recomputing it, agrees; a sale on New Year's morning in Shanghai (still 31 December in UTC)
earns points that expire at the end of the year after the shop's year, at both ends."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from sync.server.models import Lot, Member

from .conftest import CounterFactory
from .harness import Ledger

SHANGHAI = ZoneInfo("Asia/Shanghai")
MEMBER = "M880001"
# Wednesday 9 December 2026, 07:30 in Shanghai = Tuesday 8 December, 23:30 UTC.
WEDNESDAY_MORNING = datetime(2026, 12, 9, 7, 30, tzinfo=SHANGHAI)
# Friday 1 January 2027, 07:30 in Shanghai = Thursday 31 December 2026, 23:30 UTC.
NEW_YEARS_MORNING = datetime(2027, 1, 1, 7, 30, tzinfo=SHANGHAI)


def ledger_member(ledger: Ledger, member_id: str) -> tuple[int, dict[date, int]]:
    """(points, {lot expiry: remaining}) of a member, read from the ledger's database."""
    engine = create_engine(ledger.database_url)
    try:
        with Session(engine) as session:
            member = session.get(Member, member_id)
            assert member is not None, f"the ledger has no member {member_id}"
            rows = session.execute(
                select(Lot.expires_on, Lot.remaining).where(
                    Lot.member_id == member_id, Lot.remaining > 0
                )
            )
            return member.points, {expires: remaining for expires, remaining in rows}
    finally:
        engine.dispose()


def test_a_wednesday_morning_sale_in_shanghai_is_recomputed_without_a_flag(
    ledger: Ledger, paired_counter: CounterFactory, tmp_path: Path
) -> None:
    ledger.import_members(
        [{"member_id": MEMBER, "phone": "13988000001", "name": "Early Bird", "points": 0}],
        tmp_path,
    )
    counter = paired_counter("T01", "S001")
    settings = counter.data_dir / "memberdesk.toml"
    before = settings.read_text(encoding="utf-8") if settings.exists() else ""
    settings.write_text(before + '\n[terminal]\ntimezone = "Asia/Shanghai"\n', encoding="utf-8")
    counter.run("sync", "--once")

    # The rule book's member day (double points on ISO weekday 3) is in force at the counter:
    # it is Wednesday in the shop, though Tuesday in UTC.
    wednesday = counter.json(
        "award", MEMBER, "--line", "grocery=100.00", "--cashier", "lin", at=WEDNESDAY_MORNING
    )
    assert wednesday["points_earned"] == 200
    new_year = counter.json(
        "award", MEMBER, "--line", "grocery=50.00", "--cashier", "lin", at=NEW_YEARS_MORNING
    )
    assert new_year["points_earned"] == 50

    counter.run("sync", "--once")

    flags = ledger.admin("flags", "list", "--json").json()
    assert flags == [], flags
    points, lots = ledger_member(ledger, MEMBER)
    card = counter.json("member", "show", MEMBER, at=NEW_YEARS_MORNING)
    assert points == card["points"] == 250
    # Earned in the shop's 2026 and 2027: they expire at the end of 2027 and of 2028.
    assert lots == {date(2027, 12, 31): 200, date(2028, 12, 31): 50}
