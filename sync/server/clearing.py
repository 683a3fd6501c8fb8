"""Clearing: who pays for the points given, net of what refunds clawed back.

A purchase's points are charged to their funders (``app.domain.stores.funders_of``: each
campaign's ``funded_by``, the store the rest); a store's grant to the store. A refund's
claw-back is charged back to the funders of its purchase in proportion. Rows are appended
(``funded_points``), never changed; the report sums them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from app.domain.quote import Shopper, points_earned
from app.domain.rulebook import RuleBook, Tier
from app.domain.stores import FunderCharge, funders_of, scope_of, split_clawback
from sync.server.models import Entry, FundedPoints
from sync.server.scopes import Writer

FUNDED = cast(Table, FundedPoints.__table__)
GRANT = "grant"
STORE = "store"


def receipt_text(value: object) -> str | None:
    """A receipt number, when it is one the table can hold."""
    return value if isinstance(value, str) and 0 < len(value) <= 64 else None


@dataclass
class FundingBook:
    """The funding rows of one push group, written with its other rows."""

    rows: list[dict[str, Any]] = field(default_factory=list)

    def _add(self, at: datetime, event_id: str, member_id: str, receipt_no: str | None,
             store: str, funder: str, source: str, points: int) -> None:  # fmt: skip
        self.rows.append(
            {
                "event_id": event_id,
                "member_id": member_id,
                "receipt_no": receipt_no,
                "funder": funder,
                "store_code": store,
                "source": source,
                "points": points,
                "ledger_time": at,
            }
        )

    def purchase(
        self,
        at: datetime,
        event_id: str,
        member_id: str,
        receipt_no: str | None,
        store: str,
        earned: int,
        pricing: tuple[RuleBook, Tier, bool, int, date] | None,
    ) -> None:
        """The points a purchase gave, by funder. ``pricing``: (rules, tier, PLUS, payable,
        day) to find the campaigns' shares; None: all the store's."""
        if earned <= 0:
            return
        shares = {store: earned}
        if pricing is not None:
            rules, tier, plus, payable, day = pricing
            shopper = Shopper(member_id, tier, plus, 0)
            breakdown = points_earned(payable, shopper=shopper, store=store, day=day, rules=rules)
            shares = funders_of(breakdown, earned, store, rules)
        for funder, points in sorted(shares.items()):
            source = STORE if funder == store else "campaign"
            self._add(at, event_id, member_id, receipt_no, store, funder, source, points)

    def grant(self, at: datetime, event_id: str, member_id: str, store: str, points: int) -> None:
        if points > 0:
            self._add(at, event_id, member_id, None, store, store, GRANT, points)

    def refund(
        self,
        session: Session,
        at: datetime,
        event_id: str,
        member_id: str,
        receipt_no: str | None,
        store: str,
        clawed_back: int,
    ) -> None:
        """Points a refund took back, charged back to who funded its purchase."""
        if clawed_back <= 0 or not receipt_no:
            return
        funded: dict[str, int] = {}
        for funder, points in session.execute(
            select(FUNDED.c.funder, func.sum(FUNDED.c.points))
            .where(FUNDED.c.receipt_no == receipt_no, FUNDED.c.member_id == member_id)
            .group_by(FUNDED.c.funder)
        ):
            funded[funder] = int(points)
        for row in self.rows:  # the purchase or earlier refunds in this same group
            if row["receipt_no"] == receipt_no and row["member_id"] == member_id:
                funded[row["funder"]] = funded.get(row["funder"], 0) + row["points"]
        for funder, points in sorted(split_clawback(funded, clawed_back).items()):
            self._add(at, event_id, member_id, receipt_no, store, funder, "refund", -points)

    def write(self, writer: Writer) -> None:
        if self.rows:
            writer.insert(FUNDED, self.rows)


# ------------------------------------------------------------------------------ the report


def funder_charges(session: Session, value_fen_per_point: int) -> list[FunderCharge]:
    """What each funder owes for the points it funded, net of claw-backs, biggest first."""
    issued: dict[str, int] = {}
    clawed: dict[str, int] = {}
    for funder, positive, negative in session.execute(
        select(
            FUNDED.c.funder,
            func.coalesce(func.sum(FUNDED.c.points).filter(FUNDED.c.points > 0), 0),
            func.coalesce(func.sum(FUNDED.c.points).filter(FUNDED.c.points < 0), 0),
        ).group_by(FUNDED.c.funder)
    ):
        issued[funder], clawed[funder] = int(positive), -int(negative)
    charges = [FunderCharge(f, issued[f], clawed[f], value_fen_per_point) for f in issued]
    return sorted(charges, key=lambda c: (-c.net_points, c.funder))


_EARNED = ("earn", "refund_earn", "grant")  # points given, less those refunds took back
_SPENT = ("spend", "redeem", "refund_spend")  # points spent, less those refunds gave back


def store_flows(session: Session) -> tuple[dict[str, int], dict[str, int]]:
    """(points each store gave, points spent at each store), both net of refunds."""
    earned: dict[str, int] = {}
    spent: dict[str, int] = {}
    for store, kind, points in session.execute(
        select(Entry.store_code, Entry.kind, func.sum(Entry.points))
        .where(Entry.kind.in_(_EARNED + _SPENT) | ((Entry.kind == "adjust") & (Entry.points > 0)))
        .group_by(Entry.store_code, Entry.kind)
    ):
        if kind in _SPENT:
            spent[store] = spent.get(store, 0) - int(points)
        else:
            earned[store] = earned.get(store, 0) + int(points)
    return earned, spent


def owed_between_stores(
    earned: Mapping[str, int], spent: Mapping[str, int], rules: RuleBook | None, value: int
) -> list[dict[str, Any]]:
    """Within each scope points are pooled: a store's redemptions are funded by the stores of
    its scope in proportion to the points each gave. Store X owes store Y: share(X) *
    redeemed at Y, in fen. Stores of different scopes owe each other nothing."""
    owed = []
    scopes = {s: scope_of(rules, s) for s in {*earned, *spent}}
    for scope in sorted(set(scopes.values())):
        givers = {s: p for s, p in earned.items() if scopes[s] == scope and p > 0}
        total = sum(givers.values())
        for issuer, issued in sorted(givers.items()):
            for redeemer, redeemed in sorted(spent.items()):
                if scopes[redeemer] != scope or issuer == redeemer or redeemed <= 0:
                    continue
                fen = issued * redeemed * value // total
                if fen:
                    owed.append({"from": issuer, "to": redeemer, "fen": fen, "scope": scope})
    return owed


def clearing_report(session: Session, rules: RuleBook | None) -> dict[str, Any]:
    value = rules.points.value_fen_per_point if rules else 1
    earned, spent = store_flows(session)
    return {
        "earned_by_store": earned,
        "redeemed_by_store": spent,
        "owed": owed_between_stores(earned, spent, rules, value),
        "funders": [
            {
                "funder": c.funder,
                "issued": c.issued,
                "clawed_back": c.clawed_back,
                "net_points": c.net_points,
                "fen": c.fen,
            }
            for c in funder_charges(session, value)
        ],
    }
