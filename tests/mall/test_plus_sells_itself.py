"""PLUS that sells itself, across the mall: the saving is one figure on the card and the
receipt at every counter, and the monthly PLUS coupon is one coupon even when two counters
issue it offline. Two terminal processes and a ledger process through the real command lines,
on SQLite and PostgreSQL; last month under faketime."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.paths import default_rule_book

from .conftest import CounterFactory
from .harness import Counter, Ledger

PHONE = "13900000031"


def sync_all(*counters: Counter) -> None:
    for counter in counters:
        counter.run("sync", "--once")
    for counter in counters:
        counter.run("sync", "--once")


def saving(shown: dict[str, Any]) -> tuple[str, int]:
    return shown["plus_saving_kind"], shown["plus_saving_fen"]


def test_the_saving_is_one_figure_and_the_monthly_coupon_one_coupon(
    ledger: Ledger, paired_counter: CounterFactory
) -> None:
    t1, t2 = paired_counter("T01", "S001"), paired_counter("T02", "S002")
    last_month = datetime.now(UTC) - timedelta(days=40)
    member = t1.json(
        "enroll", "--phone", PHONE, "--name", "Chen Jie", "--cashier", "lin", at=last_month
    )["member_id"]
    sale = t1.json("award", member, "--line", "grocery=1000", "--cashier", "lin", at=last_month)
    # 5% off ¥1,000 and 950 extra points: what the customer sees, everywhere the same
    assert saving(sale) == ("would_have_saved", 5_000 + 950)
    assert saving(t1.json("receipt", sale["receipt_no"], at=last_month)) == saving(sale)
    assert saving(t1.json("member", "show", member, at=last_month)) == saving(sale)
    sold = t1.json("plus", "sell", member, "--cashier", "lin", at=last_month)
    assert len(sold["coupons_issued"]) == 1
    sync_all(t1, t2)
    assert saving(t2.json("member", "show", member, at=last_month)) == (
        "saved_this_term",
        5_950,  # the term began on the day of that sale
    )

    # This month, both counters serve the member before either syncs: each issues this
    # month's PLUS coupon, and it is the same coupon.
    here = t1.json("award", member, "--line", "fashion=200", "--cashier", "lin")
    there = t2.json("award", member, "--line", "dining=100", "--cashier", "lin")
    assert here["coupons_issued"] == there["coupons_issued"]
    assert here["coupons_issued"] != sold["coupons_issued"]
    (month_coupon,) = here["coupons_issued"]
    assert saving(t2.json("receipt", there["receipt_no"])) == saving(there)
    assert saving(t2.json("member", "show", member)) == saving(there)
    sync_all(t1, t2)

    rows = ledger.rows("SELECT coupon_code FROM coupons WHERE member_id = :m", m=member)
    assert sorted(r["coupon_code"] for r in rows) == sorted([*sold["coupons_issued"], month_coupon])
    cards = [t.json("member", "show", member) for t in (t1, t2)]
    assert [[c["code"] for c in card["coupons"]] for card in cards] == [[month_coupon]] * 2
    # both sales of this month now at both counters: one figure
    assert saving(cards[0]) == saving(cards[1])
    assert saving(cards[0])[0] == "saved_this_term"
    assert saving(cards[0])[1] > saving(there)[1]  # T01's sale is in it now
    # a second purchase this month brings no second coupon
    again = t2.json("award", member, "--line", "grocery=50", "--cashier", "lin")
    assert again["coupons_issued"] == []


def publish(ledger: Ledger, folder: Path) -> None:
    """The operator's rule book v2: a PLUS-only campaign, a medal-level campaign and a lower
    PLUS fee from growth 1,000 (the default's own campaigns taken out, so figures are exact)."""
    document = json.loads(default_rule_book().read_text(encoding="utf-8"))
    document["version"] = 2
    document["plus"]["prices"] = [{"growth": 1000, "fee_fen": 9_900}]
    window = {"starts_on": "2020-01-01", "ends_on": "2099-12-31"}
    document["campaigns"] = [
        {"code": "plus-day", "name": "PLUS day", "plus": "only", "bonus_points": 100, **window},
        {
            "code": "gourmets",
            "name": "Gourmets",
            "medals": [{"medal": "gourmet", "level": 1}],
            "bonus_points": 30,
            **window,
        },
    ]
    path = folder / "rules-v2.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    ledger.admin("rules", "publish", str(path))


def test_campaigns_target_plus_and_medals_and_the_price_falls_with_growth(
    ledger: Ledger, paired_counter: CounterFactory, tmp_path: Path
) -> None:
    publish(ledger, tmp_path)
    t1, t2 = paired_counter("T01", "S001"), paired_counter("T02", "S002")
    plus_member = t1.json("enroll", "--phone", PHONE, "--name", "Chen Jie", "--cashier", "lin")[
        "member_id"
    ]
    diner = t1.json("enroll", "--phone", "13900000032", "--name", "Wu Lei", "--cashier", "lin")[
        "member_id"
    ]
    t1.run("plus", "sell", plus_member, "--cashier", "lin")
    sync_all(t1, t2)

    def campaign_points(member: str, line: str) -> int:
        return int(t2.json("award", member, "--line", line, "--cashier", "lin")["earn_campaign"])

    assert campaign_points(plus_member, "grocery=10") == 100  # PLUS day, known at T02
    assert campaign_points(diner, "dining=900") == 0  # no PLUS, no medal yet
    assert campaign_points(diner, "dining=10") == 30  # ¥910 of dining: Gourmet level 1
    sync_all(t1, t2)
    flags = ledger.admin("flags", "list", "--all", "--json").json()
    assert [f for f in flags if f["kind"] == "recompute_mismatch"] == []  # the ledger agrees

    # ¥910 and two purchases: growth over 1,000, so the lower fee, at either counter
    assert t1.json("member", "show", diner)["plus_fee_fen"] == 9_900
    assert t1.json("member", "show", plus_member)["plus_fee_fen"] == 14_900
    assert t1.json("plus", "sell", diner, "--cashier", "lin")["fee_fen"] == 9_900


def test_activation_codes_from_a_bank_are_redeemed_once_online_and_reported(
    ledger: Ledger, paired_counter: CounterFactory
) -> None:
    made = ledger.admin(
        "plus-codes", "create", "--channel", "bank", "--count", "3", "--batch", "bank-dec",
        "--days", "180", "--json",
    ).json()  # fmt: skip
    first, second, _ = made["codes"]
    t1, t2 = paired_counter("T01", "S001"), paired_counter("T02", "S002")
    alice = t1.json("enroll", "--phone", PHONE, "--name", "Chen Jie", "--cashier", "lin")
    bob = t2.json("enroll", "--phone", "13900000033", "--name", "Wu Lei", "--cashier", "lin")
    args = ("plus", "activate", alice["member_id"], first.lower(), "--cashier", "lin")
    granted = t1.json(*args, "--request-id", "act-1")
    assert (granted["channel"], granted["fee_fen"]) == ("bank", 0)
    assert t1.json(*args, "--request-id", "act-1") == granted  # a retry: the first result
    # the same code at another counter, for another member: refused, nothing changed
    refused = t2.run("plus", "activate", bob["member_id"], first, "--cashier", "lin", check=False)
    assert refused.returncode != 0 and "already used" in refused.stderr
    assert t2.json("member", "show", bob["member_id"])["plus_active"] is False
    typo = t2.run("plus", "activate", bob["member_id"], "ABCD", "--cashier", "lin", check=False)
    assert typo.returncode != 0 and "not a PLUS activation code" in typo.stderr

    # Offline a code is not redeemed: only the ledger knows whether it was used elsewhere.
    ledger.stop()
    offline = t2.run("plus", "activate", bob["member_id"], second, "--cashier", "lin", check=False)
    assert offline.returncode != 0 and "redeemed online only" in offline.stderr
    ledger.start()
    t2.json("plus", "activate", bob["member_id"], second, "--cashier", "lin")
    sync_all(t1, t2)

    assert t2.json("member", "show", alice["member_id"])["plus_active"] is True
    report = ledger.admin("report", "--json").json()
    assert report["plus_channels"] == [
        {"channel": "bank", "batch": "bank-dec", "codes": 3, "claimed": 2, "activated": 2}
    ]
    assert ledger.rows("SELECT COUNT(*) AS n FROM plus_codes")[0]["n"] == 3
    # only hashes: no code is kept in the clear
    hashes = {r["code_hash"] for r in ledger.rows("SELECT code_hash FROM plus_codes")}
    assert not {first, second} & hashes


def test_a_partner_benefit_is_issued_at_one_counter_and_redeemed_once_at_the_ledger(
    ledger: Ledger, paired_counter: CounterFactory
) -> None:
    t1 = paired_counter("T01", "S001")
    member = t1.json("enroll", "--phone", PHONE, "--name", "Chen Jie", "--cashier", "lin")
    printed = t1.run("plus", "sell", member["member_id"], "--cashier", "lin").stdout
    sold = t1.json("plus", "sell", member["member_id"], "--cashier", "lin")  # a renewal
    code = sold["entitlements"][0]["code"]
    assert "Star Cinemas" in printed and "code E" in printed  # what the member takes along
    t1.run("sync", "--once")

    listed = ledger.admin("entitlements", "list", "--member", member["member_id"], "--json")
    assert sorted(e["benefit"] for e in listed.json()) == ["cinema", "cinema"]
    taken = ledger.admin("entitlements", "redeem", code.lower(), "--by", "STAR-0042", "--json")
    assert taken.json()["redeemed_by"] == "STAR-0042"
    again = ledger.admin("entitlements", "redeem", code, "--by", "STAR-0043", check=False)
    assert again.returncode != 0 and "already redeemed" in again.stderr
    report = ledger.admin("report", "--json").json()["plus_entitlements"]
    assert report == [{"benefit": "cinema", "partner": "Star Cinemas", "issued": 2, "redeemed": 1}]
