"""Plugs sync into a terminal at start: the online authoriser for redemptions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.bootstrap import Terminal
from app.domain.errors import InsufficientPoints, LedgerUnavailable
from sync.client import credentials

if TYPE_CHECKING:
    from sync.client.http import LedgerClient


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
        url, secret = credential.ledger_url, credential.secret

        def client() -> LedgerClient:
            from sync.client.http import LedgerClient

            return LedgerClient(url, secret)

        terminal.ctx.authorizer = LedgerAuthorizer(client)
