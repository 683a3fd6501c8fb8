"""Typed errors with messages a cashier understands.

Every error carries a stable ``code`` (the screen translates by it), the English ``message``
and the parameters it was built from. Raising one inside a unit of work rolls it back, so a
refused request never writes anything.
"""

from __future__ import annotations

from typing import ClassVar


class MemberDeskError(Exception):
    """Base of every error the terminal shows to a person."""

    code: ClassVar[str] = "error"

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "message": self.message, "params": dict(self.params)}


class InvalidInput(MemberDeskError):
    code = "invalid_input"


class BadPayload(InvalidInput):
    """An event's payload the ledger cannot take (a final rejection, never a retry)."""

    code = "bad_payload"


class RuleBookError(MemberDeskError):
    code = "invalid_rule_book"


class UnknownMember(MemberDeskError):
    code = "unknown_member"


class DuplicateMember(MemberDeskError):
    code = "duplicate_member"


class InsufficientPoints(MemberDeskError):
    code = "insufficient_points"


class CouponNotUsable(MemberDeskError):
    code = "coupon_not_usable"


class OutOfStock(MemberDeskError):
    code = "out_of_stock"


class UnknownReceipt(MemberDeskError):
    code = "unknown_receipt"


class RefundTooLarge(MemberDeskError):
    code = "refund_too_large"


class NotAllowed(MemberDeskError):
    """The signed-in cashier's role may not do this."""

    code = "not_allowed"


class WrongPin(MemberDeskError):
    code = "wrong_pin"


class RequestConflict(MemberDeskError):
    """The same request id was used before for a different request."""

    code = "request_conflict"


class OfflineLimit(MemberDeskError):
    """Offline, the rule book caps what can be redeemed without the ledger's say-so."""

    code = "offline_limit"


class LedgerUnavailable(MemberDeskError):
    """The ledger could not be reached (the caller falls back to offline rules)."""

    code = "ledger_unavailable"


class DatabaseTooNew(MemberDeskError):
    code = "database_too_new"


class JournalBroken(MemberDeskError):
    code = "journal_broken"


class DatabaseCorrupt(MemberDeskError):
    """The terminal's database file is damaged: named, never papered over or replaced."""

    code = "database_corrupt"


class DatabaseMissing(MemberDeskError):
    """The database of a terminal that had data is gone (its identity file is still there)."""

    code = "database_missing"


class DatabaseBusy(MemberDeskError):
    """Another writer held the database past the busy timeout: nothing was changed, and the
    same request can be sent again (its request id makes a retry apply once)."""

    code = "database_busy"


class WindowAlreadyOpen(MemberDeskError):
    """A counter window is already open on this data directory (in another process)."""

    code = "window_open"


class DiskFull(MemberDeskError):
    code = "disk_full"


class ReadOnlyData(MemberDeskError):
    """The data directory (or a file in it) cannot be written."""

    code = "read_only"


class PlusCodeRefused(MemberDeskError):
    """A PLUS activation code the ledger will not redeem (``kind``: unknown, used, expired),
    or that cannot be checked with it now (offline)."""

    code = "plus_code_refused"
