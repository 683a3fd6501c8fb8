"""Growth from more than buying and lifecycle benefits, the way a mall runs them: two terminal
processes in two stores and a ledger process, through the real ``memberdesk`` and
``memberdesk-ledger`` command lines, on SQLite and PostgreSQL. A referral is rewarded once,
a bad ID number is refused and changes nothing, the birthday benefit comes once a year."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from .conftest import CounterFactory
from .harness import Counter, Ledger
from .test_one_profile import award, sync_all

SHOP = ZoneInfo("Asia/Shanghai")
GOOD_ID = "11010519491231002X"  # Wang Fang's document in the examples


def points(counter: Counter, member: str) -> int:
    return int(counter.json("member", "show", member)["points"])


def enroll(counter: Counter, phone: str, name: str, *extra: str) -> str:
    return str(
        counter.json("enroll", "--phone", phone, "--name", name, "--cashier", "lin", *extra)[
            "member_id"
        ]
    )


def test_a_referral_is_rewarded_once_at_the_first_purchase(
    ledger: Ledger, paired_counter: CounterFactory
) -> None:
    t1, t2 = paired_counter("T01", "S001"), paired_counter("T02", "S002")
    friend = enroll(t1, "13900000031", "Zhao Lei")
    new = enroll(t1, "13900000032", "Qian Li", "--referrer", "13900000031")
    sync_all(t1, t2)
    # The new member first buys at the other store: its counter knows the referrer.
    first = t2.run("award", new, "--line", "grocery=20", "--cashier", "lin", "--request-id", "b1")
    assert f"Also referral for {friend}." in first.stdout
    assert points(t2, friend) == 300
    # A retry of that sale gives nothing more; the second purchase (offline at T01, which
    # has not heard of the first) tries again, and the ledger refuses it.
    t2.run("award", new, "--line", "grocery=20", "--cashier", "lin", "--request-id", "b1")
    assert points(t2, friend) == 300
    second = award(t1, new, "grocery=30", request_id="b2")
    assert second["receipt_no"]
    t1.run("visit", new, "--cashier", "lin")  # and a visit of its own: nothing new is due
    sync_all(t1, t2)
    sync_all(t1, t2)
    assert ledger.balance(friend) == 300
    assert points(t1, friend) == points(t2, friend) == 300
    refused = ledger.rows(
        "SELECT code FROM events WHERE kind = 'referral_rewarded' AND status <> 'applied'"
    )
    assert all(r["code"] == "already_given" for r in refused)
    shown = t2.json("member", "show", friend)
    assert shown["growth_by_dimension"]["activity"] == 100  # one referral counts in activity


def test_a_bad_id_number_is_refused_and_changes_nothing(
    ledger: Ledger, paired_counter: CounterFactory
) -> None:
    t1, t2 = paired_counter("T01", "S001"), paired_counter("T02", "S002")
    member = enroll(t1, "13900000041", "Wang Fang")
    t1.run(
        "adjust", member, "8000", "--reason", "points moved from the old card", "--cashier", "lin"
    )
    sync_all(t1, t2)
    before = t1.json("member", "show", member)

    typo = t1.run(
        "realname", member, "--id-number", "110105194912310021", "--name", "Wang Fang",
        "--cashier", "lin", check=False,
    )  # fmt: skip
    assert typo.returncode != 0
    assert "check digit" in typo.stderr + typo.stdout
    other = t1.run(
        "realname", member, "--id-number", GOOD_ID, "--name", "Li Na", "--cashier", "lin",
        check=False,
    )  # fmt: skip
    assert other.returncode != 0 and "not the member's" in other.stderr + other.stdout
    assert t1.json("member", "show", member) == before  # nothing written

    # Above the rule book's 5000 points a redemption needs the verified name.
    big = t1.run(
        "redeem", member, "--order", "200", "--points", "6000", "--cashier", "lin", check=False
    )
    assert big.returncode != 0 and "real name" in big.stderr + big.stdout
    t1.run("realname", member, "--id-number", GOOD_ID, "--name", "Wang  Fang", "--cashier", "lin")
    t1.run("redeem", member, "--order", "200", "--points", "6000", "--cashier", "lin")
    sync_all(t1, t2)

    at_t2 = t2.json("member", "show", member)
    assert at_t2["real_name"] == "****002X"
    assert at_t2["growth_by_dimension"]["account"] == 200
    kept = ledger.rows("SELECT id_hash, id_last4 FROM members WHERE member_id = :m", m=member)
    assert kept[0]["id_last4"] == "002X" and GOOD_ID not in str(kept[0]["id_hash"])
    events = ledger.rows("SELECT payload FROM events WHERE kind = 'real_name_verified'")
    assert len(events) == 1 and GOOD_ID not in events[0]["payload"]


def test_the_birthday_benefit_comes_once_a_year(
    ledger: Ledger, paired_counter: CounterFactory
) -> None:
    t1, t2 = paired_counter("T01", "S001"), paired_counter("T02", "S002")
    today = datetime.now(UTC).astimezone(SHOP).date()
    born = today.replace(year=1990, day=min(today.day, 28))
    member = enroll(t1, "13900000051", "Sun Mei", "--birthday", born.isoformat())
    sync_all(t1, t2)
    # The first visit of the birthday month gives the bronze tier's 100 points ...
    first = t1.run("visit", member, "--cashier", "lin")
    assert "birthday: +100 points" in first.stdout
    assert "Nothing is due" in t1.run("visit", member, "--cashier", "lin").stdout
    # ... and a second counter that has not synced yet gives it too: the ledger refuses it.
    t2.run("visit", member, "--cashier", "lin")
    sync_all(t1, t2)
    sync_all(t1, t2)
    assert ledger.balance(member) == 100
    assert points(t1, member) == points(t2, member) == 100
    codes = [
        r["code"]
        for r in ledger.rows(
            "SELECT code FROM events WHERE kind = 'benefit_given' AND status <> 'applied'"
        )
    ]
    assert codes == ["already_given"]
    # Once synced, no counter offers it again this year.
    assert "Nothing is due" in t2.run("visit", member, "--cashier", "lin").stdout
    # A year on, in the birthday month again, it is due again.
    next_year = datetime.now(UTC) + timedelta(days=365)
    if next_year.astimezone(SHOP).month == born.month:
        again = t1.run("visit", member, "--cashier", "lin", at=next_year)
        assert "birthday: +100 points" in again.stdout
