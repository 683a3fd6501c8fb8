"""Refusals the ledger answers with a 4xx: a stable code and a sentence."""

from __future__ import annotations


class Refused(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        fields: list[str] | None = None,
        expected_seq: int | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields or []
        self.expected_seq = expected_seq
