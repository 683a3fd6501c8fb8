"""The canonical form and hash of a terminal's events, shared by the terminal and the ledger."""

from __future__ import annotations

import hashlib
import json
from typing import Any

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def event_hash(
    *,
    prev_hash: str,
    event_id: str,
    terminal_id: str,
    seq: int,
    kind: str,
    payload: str,
    created_at: str,
) -> str:
    """SHA-256 over the previous event's hash and this event's fields: a gap, a reorder or an
    edit anywhere in a terminal's history changes every hash after it."""
    body = canonical_json(
        {
            "prev": prev_hash,
            "id": event_id,
            "terminal": terminal_id,
            "seq": seq,
            "kind": kind,
            "payload": payload,
            "at": created_at,
        }
    )
    return hashlib.sha256(body.encode()).hexdigest()
