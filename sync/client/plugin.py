"""Plugs sync into a terminal at start: the online authoriser for redemptions."""

from __future__ import annotations

from app.bootstrap import Terminal
from app.domain.errors import InsufficientPoints, LedgerUnavailable
from sync.client import credentials
from sync.client.http import LedgerClient, LedgerRefused, TransientError


class LedgerAuthorizer:
    def __init__(self, client: LedgerClient) -> None:
        self.client = client

    def authorize(self, member_id: str, points: int, request_id: str) -> str:
        try:
            reply = self.client.authorize(member_id, points, request_id)
        except TransientError as error:
            raise LedgerUnavailable(str(error)) from error
        except LedgerRefused as error:
            if error.refusal.code == "unknown_member":
                raise LedgerUnavailable(error.refusal.message) from error  # not synced yet
            raise LedgerUnavailable(error.refusal.message) from error
        if not reply.approved or reply.hold_id is None:
            raise InsufficientPoints(
                reply.reason or f"The ledger says the member has {reply.balance} points.",
                balance=reply.balance,
                requested=points,
            )
        return reply.hold_id


def install(terminal: Terminal) -> None:
    """Entry point ``memberdesk.plugins``: called by open_terminal."""
    credential = credentials.load(terminal.settings.data_dir)
    if credential is not None:
        terminal.ctx.authorizer = LedgerAuthorizer(
            LedgerClient(credential.ledger_url, credential.secret)
        )
