"""The terminal's link to the ledger for PLUS activation codes (``PlusCodes``): a code is
claimed online for a member; the ledger's refusal becomes the counter's."""

from __future__ import annotations

from app.domain.errors import LedgerUnavailable, PlusCodeRefused
from app.domain.plus_codes import ClaimedCode
from sync.client.authorizer import LedgerAuthorizer

# The ledger's refusal codes, as the counter's kinds of PlusCodeRefused.
_KINDS = {
    "unknown_plus_code": "unknown",
    "plus_code_used": "used",
    "plus_code_expired": "expired",
    "bad_plus_code": "unknown",
}


class LedgerPlusCodes:
    def __init__(self, authorizer: LedgerAuthorizer) -> None:
        self._authorizer = authorizer  # shares its client, made on first use

    def claim(self, code: str, member_id: str, request_id: str) -> ClaimedCode:
        from sync.client.http import LedgerRefused, TransientError

        try:
            reply = self._authorizer.client.claim_plus_code(code, member_id, request_id)
        except TransientError as error:
            raise LedgerUnavailable(str(error)) from error
        except LedgerRefused as error:
            kind = _KINDS.get(error.refusal.code)
            if kind is None:
                raise LedgerUnavailable(error.refusal.message) from error
            raise PlusCodeRefused(error.refusal.message, kind=kind) from error
        return ClaimedCode(
            reply.channel, reply.batch, reply.validity_days, reply.code_hash, reply.last4
        )
