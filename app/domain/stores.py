"""Stores with their own members: which points a store may spend, and who pays for points.

A store's *scope* is where its points are good: ``mall`` for a mall-scope store, the group
name for a joint store, the store's own code for a single store (``Store.group``). Points
earned at a store belong to its scope and are spendable at the stores of that scope only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.errors import InvalidInput
from app.domain.quote import EarnBreakdown
from app.domain.rulebook import RuleBook

MALL = "mall"


def scope_of(rules: RuleBook | None, store_code: str) -> str:
    """The scope a store's points belong to; a store the rule book does not list (or no rule
    book at all) shares mall-wide, as every store did before scopes."""
    store = rules.store(store_code) if rules is not None else None
    return store.group if store is not None else MALL


def scope_name(rules: RuleBook | None, scope: str) -> str:
    """Words for a scope on a card: the store's name for a single store, else the scope."""
    if rules is not None and scope != MALL:
        names = [s.name for s in rules.stores if s.group == scope]
        if len(names) == 1:
            return names[0]
        if names:
            return f"{scope} ({', '.join(names)})"
    return scope


def funders_of(
    breakdown: EarnBreakdown, earned: int, store_code: str, rules: RuleBook
) -> dict[str, int]:
    """Who pays for the ``earned`` points of a purchase: each campaign's ``funded_by`` its
    own share, the store where they were earned the rest. The terminal's figure is what the
    member got; a campaign share larger than it (a disputed recompute) is capped."""
    funded_by = {c.code: c.funded_by for c in rules.campaigns}
    shares: dict[str, int] = {}
    left = earned
    for code, points in breakdown.campaign_shares:
        funder = funded_by.get(code.split("/", 1)[0], MALL)
        take = min(points, left)
        if take > 0:
            shares[funder] = shares.get(funder, 0) + take
            left -= take
    if left > 0:
        shares[store_code] = shares.get(store_code, 0) + left
    return shares


def split_clawback(shares: Mapping[str, int], points: int) -> dict[str, int]:
    """Points clawed back by a refund, charged back to the funders of the purchase in
    proportion to what each still funds (largest remainder, ties by funder name): the sum
    is exactly ``points`` (at most what they fund)."""
    total = sum(v for v in shares.values() if v > 0)
    points = min(points, total)
    if points <= 0 or total <= 0:
        return {}
    exact = {f: v * points for f, v in shares.items() if v > 0}
    parts = {f: e // total for f, e in exact.items()}
    rest = points - sum(parts.values())
    for funder in sorted(exact, key=lambda f: (-(exact[f] % total), f))[:rest]:
        parts[funder] += 1
    return {f: p for f, p in parts.items() if p}


@dataclass(frozen=True, slots=True)
class FunderCharge:
    """What one funder owes for points it funded: issued less clawed back, in fen."""

    funder: str
    issued: int
    clawed_back: int
    value_fen_per_point: int

    @property
    def net_points(self) -> int:
        return self.issued - self.clawed_back

    @property
    def fen(self) -> int:
        return self.net_points * self.value_fen_per_point


def check_grant(points: int, budget_left: int, store_code: str) -> None:
    """A store grants points from its budget: a whole positive number within it."""
    if points <= 0:
        raise InvalidInput("Grant a whole number of points above 0.", field="points")
    if points > budget_left:
        raise InvalidInput(
            f"Store {store_code}'s points budget has {budget_left} points left; "
            f"{points} were asked for. Ask the mall office to fund the budget.",
            field="points",
        )
