"""One member, one profile at every counter: growth, tier, medals, stage, coupons and points
derived from the whole mall. Three terminal processes in three stores and a ledger process,
through the real ``memberdesk`` and ``memberdesk-ledger`` command lines, on SQLite and
PostgreSQL; the 366 idle days under faketime."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sync.client.mall_history import ledger_history

from .conftest import CounterFactory
from .harness import Counter, Ledger

PHONE = "13900000021"


def card(counter: Counter, member: str, *, at: datetime | None = None) -> dict[str, Any]:
    """What the counter's card shows of the member's profile."""
    shown = counter.json("member", "show", member, at=at)
    return {
        "tier": shown["tier"],
        "growth": shown["growth"],
        "medals": [(m["code"], m["level"]) for m in shown["medals"]],
        "stage": shown["stage"],
        "coupons": sorted(c["code"] for c in shown["coupons"]),
        "points": shown["points"],
    }


def at_ledger(ledger: Ledger, member: str) -> dict[str, Any]:
    shown = ledger.admin("members", "show", member, "--json").json()
    profile = shown["profile"]
    return {
        "tier": profile["tier"],
        "growth": profile["growth"],
        "medals": [(code, level) for code, level, _ in profile["medals"]],
        "stage": profile["stage"],
        "coupons": sorted(code for code, _, _ in profile["coupons"]),
        "points": shown["points"],
    }


def sync_all(*counters: Counter) -> None:
    """Every counter pushes, then every counter pulls what the others pushed."""
    for counter in counters:
        counter.run("sync", "--once")
    for counter in counters:
        counter.run("sync", "--once")


def award(counter: Counter, member: str, *lines: str, request_id: str, **kw: Any) -> Any:
    args = ["award", member, "--cashier", "lin", "--request-id", request_id]
    for line in lines:
        args += ["--line", line]
    if kw.get("coupon"):
        args += ["--coupon", kw["coupon"]]
    return counter.json(*args, at=kw.get("at"))


def test_every_counter_and_the_ledger_show_the_same_card(
    ledger: Ledger, paired_counter: CounterFactory
) -> None:
    t1, t2, t3 = (
        paired_counter("T01", "S001"),
        paired_counter("T02", "S002"),
        paired_counter("T03", "S003"),
    )
    member = t1.json(
        "enroll", "--phone", PHONE, "--name", "Zhang Wei", "--birthday", "1990-03-04",
        "--cashier", "lin",
    )["member_id"]  # fmt: skip
    sync_all(t1, t2, t3)
    # Trade at every counter: dining at two of them makes a medal only the mall's sum earns.
    award(t1, member, "dining=300", "grocery=100", request_id="s1-1")
    award(t2, member, "dining=250", request_id="s2-1")
    award(t3, member, "fashion=80", request_id="s3-1")
    coupon = t1.json("coupon", "issue", member, "WINBACK20", "--cashier", "lin")["coupon_code"]
    sync_all(t1, t2, t3)

    cards = [card(t, member) for t in (t1, t2, t3)]
    assert cards[0] == cards[1] == cards[2], cards
    assert cards[0] == at_ledger(ledger, member)
    assert ("gourmet", 1) in cards[0]["medals"]  # 550 yuan of dining, at two counters
    assert coupon in cards[0]["coupons"]  # issued at S001, shown at S002 and S003
    # profile complete, 730 yuan, 3 purchases, 3 categories (no credit score imported: 0)
    assert cards[0]["growth"] == 100 + 730 + 3 * 10 + 3 * 20

    # A counter's own sale shows at once on its card, before any sync; after one, everywhere.
    award(t2, member, "grocery=1000", request_id="s2-2")
    assert card(t2, member)["growth"] == cards[0]["growth"] + 1000 + 10
    assert card(t3, member) == cards[0]
    sync_all(t1, t2, t3)
    after = [card(t, member) for t in (t1, t2, t3)]
    assert after[0] == after[1] == after[2] == at_ledger(ledger, member)
    assert after[0]["tier"] == "silver"

    # The service desk's history at S003 names every counter's sales (the real client).
    history = ledger_history(t3.data_dir, ZoneInfo("Asia/Shanghai"))(member)
    sales = [(e.store_code, e.terminal_id) for e in history if e.kind == "purchase"]
    assert sorted(sales) == [("S001", "T01"), ("S002", "T02"), ("S002", "T02"), ("S003", "T03")]


def test_refunding_everything_drops_the_tier_everywhere(
    ledger: Ledger, paired_counter: CounterFactory
) -> None:
    t1, t2 = paired_counter("T01", "S001"), paired_counter("T02", "S002")
    member = t1.json("enroll", "--phone", PHONE, "--name", "Li Na", "--cashier", "lin")["member_id"]
    bought = [
        award(t1, member, "grocery=5000", "dining=2800", request_id="big-1"),
        award(t1, member, "fashion=7800", request_id="big-2"),
    ]
    sync_all(t1, t2)
    assert card(t2, member)["tier"] == "platinum"  # ¥15,600 at S001, seen at S002
    assert at_ledger(ledger, member)["tier"] == "platinum"
    for sale in bought:
        t1.run("refund", sale["receipt_no"], "--cashier", "lin")
    assert card(t1, member)["tier"] == "bronze"  # at once at the counter that refunded
    sync_all(t1, t2)
    cards = [card(t1, member), card(t2, member)]
    assert cards[0] == cards[1] == at_ledger(ledger, member)
    assert (cards[0]["tier"], cards[0]["points"]) == ("bronze", 0)
    assert ("gourmet", 0) in cards[0]["medals"] and ("regular", 0) in cards[0]["medals"]


def test_an_idle_year_drops_the_tier(ledger: Ledger, paired_counter: CounterFactory) -> None:
    t1, t2 = paired_counter("T01", "S001"), paired_counter("T02", "S002")
    # A year and a day ago (the PC's clock under faketime), the member joined and bought ¥12,000.
    then = datetime.now(UTC) - timedelta(days=366)
    member = t1.json(
        "enroll", "--phone", PHONE, "--name", "Wang Fang", "--cashier", "lin", at=then
    )["member_id"]
    award(t1, member, "grocery=12000", request_id="last-year", at=then)
    assert card(t1, member, at=then)["tier"] == "platinum"
    # 365 days on, still in the window; 366 days on, out of it, offline and with no sync.
    assert card(t1, member, at=then + timedelta(days=365))["tier"] == "platinum"
    assert card(t1, member, at=then + timedelta(days=366, hours=1))["tier"] == "bronze"
    sync_all(t1, t2)
    cards = [card(t1, member), card(t2, member)]
    assert cards[0] == cards[1] == at_ledger(ledger, member)
    assert (cards[0]["tier"], cards[0]["stage"]) == ("bronze", "lost")


def test_a_coupon_from_one_counter_is_used_at_another_and_a_double_use_is_flagged(
    ledger: Ledger, paired_counter: CounterFactory
) -> None:
    t1, t2, t3 = (
        paired_counter("T01", "S001"),
        paired_counter("T02", "S002"),
        paired_counter("T03", "S003"),
    )
    member = t1.json("enroll", "--phone", PHONE, "--name", "Chen Jie", "--cashier", "lin")[
        "member_id"
    ]
    first = t1.json("coupon", "issue", member, "WINBACK20", "--cashier", "lin")["coupon_code"]
    sync_all(t1, t2, t3)
    used = award(t3, member, "grocery=300", request_id="use-1", coupon=first)
    assert used["coupon_code"] == first
    t3.run("sync", "--once")
    # S001 has not pulled since, but it is online: it asks the ledger before using a coupon.
    refused = t1.run(
        "award", member, "--line", "grocery=300", "--coupon", first, "--cashier", "lin",
        "--request-id", "use-again", check=False,
    )  # fmt: skip
    assert refused.returncode == 1 and "already used" in refused.stderr + refused.stdout
    sync_all(t1, t2, t3)
    assert first not in card(t1, member)["coupons"]  # used at S003: gone at S001 too

    # Both counters know the second coupon and each takes it before either has synced.
    second = t1.json("coupon", "issue", member, "WINBACK20", "--cashier", "lin")["coupon_code"]
    sync_all(t1, t2, t3)
    award(t2, member, "grocery=300", request_id="twice-2", coupon=second)
    award(t3, member, "grocery=300", request_id="twice-3", coupon=second)
    sync_all(t1, t2, t3)
    flags = ledger.admin("flags", "list", "--member", member, "--json").json()
    reused = [f for f in flags if f["kind"] == "coupon_reused"]
    assert len(reused) == 1 and second in reused[0]["detail"], flags
    assert second not in card(t1, member)["coupons"]
    assert card(t1, member) == card(t2, member) == card(t3, member) == at_ledger(ledger, member)
