"""Points: earning arithmetic, expiry dates, and spending lots oldest first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.rulebook import PointsPolicy


def points_for_fen(fen: int, policy: PointsPolicy) -> int:
    """Base points for an amount actually paid, in integers, rounded as the rule book says."""
    numerator = fen * policy.earn_points
    if policy.rounding == "half_up":
        return (2 * numerator + policy.earn_per_fen) // (2 * policy.earn_per_fen)
    return numerator // policy.earn_per_fen


def apply_percent(points: int, percent: int) -> int:
    """The extra points a multiplier in percent gives over the base (150 -> +50%)."""
    return points * (percent - 100) // 100


def expiry_for(earned_on: date, policy: PointsPolicy) -> date | None:
    """Last day the points of a lot may be spent; None when they never expire."""
    if policy.expiry == "never":
        return None
    if policy.expiry == "days":
        return earned_on + timedelta(days=policy.expiry_days - 1)
    return date(earned_on.year + 1, 12, 31)


@dataclass(frozen=True, slots=True)
class Lot:
    lot_id: int
    remaining: int
    expires_on: date | None


def allocate_oldest_first(
    lots: Sequence[Lot], points: int, today: date
) -> tuple[list[tuple[int, int]], int]:
    """Take points from the lots that expire first (never-expiring lots last).

    Returns ([(lot_id, points_taken)], shortfall). Expired lots are skipped; ties go to the
    older lot id.
    """
    usable = [lot for lot in lots if lot.remaining > 0 and not is_expired(lot, today)]
    usable.sort(key=lambda lot: (lot.expires_on or date.max, lot.lot_id))
    taken: list[tuple[int, int]] = []
    left = points
    for lot in usable:
        if left == 0:
            break
        take = min(lot.remaining, left)
        taken.append((lot.lot_id, take))
        left -= take
    return taken, left


def is_expired(lot: Lot, today: date) -> bool:
    return lot.expires_on is not None and lot.expires_on < today


# One rule each, for every book that keeps lots: the terminal's journal (lots by id), its bulk
# loader, and the ledger (lots by expiry day). Spending is ``allocate_oldest_first``.


def overdraft_settled(owed: int, points: int) -> int:
    """Of points coming in (earned, returned, given), what pays an open overdraft first."""
    return max(0, min(owed, points))


def due_to_expire(lots: Sequence[Lot], today: date) -> list[tuple[int, int]]:
    """Expiry: (lot id, points) of every lot past its last day that still holds points."""
    return [
        (lot.lot_id, lot.remaining) for lot in lots if lot.remaining > 0 and is_expired(lot, today)
    ]


def opening_entry(points: int) -> tuple[int, int]:
    """A member new to a book with a balance of ``points``: (the lot it opens, the overdraft
    it opens); a positive balance earns into a lot, a negative one is a spend with no lot to
    take from."""
    if points > 0:
        return points - overdraft_settled(0, points), 0
    _, shortfall = allocate_oldest_first((), -points, date.min)
    return 0, shortfall
