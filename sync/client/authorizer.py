"""The terminal's link to the ledger for online redemptions: holds asked and released.

``connect`` is what every terminal process's composition root passes to ``open_terminal``:
on a paired terminal it gives the core an authoriser that asks the ledger, after every
restart, in every process (command line, window, bundle).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.bootstrap import Terminal
from app.domain.errors import (
    InsufficientPoints,
    InvalidInput,
    LedgerUnavailable,
    NotAllowed,
    RequestConflict,
)
from sync.client import credentials

if TYPE_CHECKING:
    from sync.client.http import LedgerClient

log = logging.getLogger(__name__)


class LedgerAuthorizer:
    """Asks the ledger to hold points. The HTTP client is made on the first redemption, not
    when the terminal opens: the counter's start does not wait for it to load."""

    def __init__(self, client: LedgerClient | Callable[[], LedgerClient]) -> None:
        self._client = client

    @property
    def client(self) -> LedgerClient:
        if callable(self._client):
            self._client = self._client()
        return self._client

    def authorize(self, member_id: str, points: int, request_id: str) -> str:
        from sync.client.http import LedgerRefused, TransientError

        try:
            reply = self.client.authorize(member_id, points, request_id)
        except TransientError as error:
            raise LedgerUnavailable(str(error)) from error
        except LedgerRefused as error:
            if error.refusal.code == "hold_conflict":
                raise RequestConflict(error.refusal.message, request_id=request_id) from error
            if error.status in (401, 403):
                # revoked, or paired again on another PC: this terminal's word is no longer
                # the ledger's, so nothing may be redeemed offline either
                raise NotAllowed(
                    f"The ledger no longer accepts this terminal ({error.refusal.message}). "
                    "Points cannot be redeemed here; call the service desk.",
                    refusal=error.refusal.code,
                ) from error
            # unknown_member (not synced yet) and the like: the offline rules decide
            raise LedgerUnavailable(error.refusal.message) from error
        if not reply.approved or reply.hold_id is None:
            raise InsufficientPoints(
                reply.reason or f"The ledger says the member has {reply.balance} points.",
                balance=reply.balance,
                requested=points,
            )
        return reply.hold_id

    def release(self, request_id: str) -> None:
        """Give the points of this terminal's hold back at once (a redemption refused after
        the hold was granted). Best effort: an unreleased hold expires by itself."""
        from sync.client.http import LedgerRefused, TransientError

        try:
            self.client.release(request_id)
        except (TransientError, LedgerRefused) as error:
            log.info("hold of request %s not released now (it expires): %s", request_id, error)


class LedgerCoupons:
    """Asks the ledger whether a coupon was used, at any counter (``CouponChecker``)."""

    def __init__(self, authorizer: LedgerAuthorizer) -> None:
        self._authorizer = authorizer  # shares its client, made on first use

    def used(self, code: str) -> bool | None:
        from sync.client.http import LedgerRefused, TransientError

        try:
            return self._authorizer.client.coupon(code).coupon.used
        except TransientError as error:
            raise LedgerUnavailable(str(error)) from error
        except LedgerRefused as error:
            if error.refusal.code == "unknown_coupon":
                return None
            raise LedgerUnavailable(error.refusal.message) from error


class LedgerGrants:
    """Asks the ledger to take a grant from the store's points budget (``GrantAuthorizer``)."""

    def __init__(self, authorizer: LedgerAuthorizer) -> None:
        self._authorizer = authorizer  # shares its client, made on first use

    def authorize_grant(self, member_id: str, points: int, request_id: str) -> int:
        from sync.client.http import LedgerRefused, TransientError

        try:
            reply = self._authorizer.client.grant(member_id, points, request_id)
        except TransientError as error:
            raise LedgerUnavailable(str(error)) from error
        except LedgerRefused as error:
            if error.refusal.code == "unknown_member":
                raise InvalidInput(
                    "The ledger does not know this member yet: sync, then grant again.",
                    field="member",
                ) from error
            if error.refusal.code == "grant_conflict":
                raise RequestConflict(error.refusal.message, request_id=request_id) from error
            if error.status in (401, 403):
                raise NotAllowed(
                    f"The ledger no longer accepts this terminal ({error.refusal.message}).",
                    refusal=error.refusal.code,
                ) from error
            raise LedgerUnavailable(error.refusal.message) from error
        if not reply.approved:
            raise InvalidInput(
                reply.reason or "The store's points budget is spent.",
                field="points",
                budget_left=reply.budget_left,
            )
        return reply.budget_left


def connect(terminal: Terminal) -> None:
    """Wire a paired terminal to its ledger (its credential file says which); a terminal
    that was never paired is its own ledger and gets no authoriser. A paired terminal whose
    credential is gone is refused: it must not redeem as if it were standalone."""
    credential = credentials.load(terminal.settings.data_dir)
    if credential is None:
        if terminal.sync_state().paired:
            raise NotAllowed(
                f"This terminal is paired with a ledger, but its credential file "
                f"({credentials.FILE_NAME}) is missing from {terminal.settings.data_dir}. "
                "Restore it from a backup of the data directory, or pair again."
            )
        ctx = terminal.ctx
        ctx.authorizer = ctx.coupons = ctx.grants = ctx.plus_codes = None
        terminal.mall_history = None
        return
    url, secret = credential.ledger_url, credential.secret
    # The business day of a paired terminal is its store's, as the ledger's rule book says:
    # the ledger computes expiry and campaign days in that same zone.
    terminal.ctx.timezone = terminal.rules.zone(terminal.ctx.store_code)

    def client() -> LedgerClient:
        from sync.client.http import LedgerClient

        return LedgerClient(url, secret)

    authorizer = LedgerAuthorizer(client)
    terminal.ctx.authorizer = authorizer
    terminal.ctx.coupons = LedgerCoupons(authorizer)
    terminal.ctx.grants = LedgerGrants(authorizer)
    from sync.client.plus_codes import LedgerPlusCodes  # it builds on this module

    terminal.ctx.plus_codes = LedgerPlusCodes(authorizer)
    from sync.client.mall_history import ledger_history

    terminal.mall_history = ledger_history(terminal.settings.data_dir, terminal.ctx.timezone)
