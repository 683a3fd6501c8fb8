"""The reads a member-code scan makes, in plain SQL on the reader's connection (a scan is on
the counter's critical path; see bench/code_verify.py)."""

from __future__ import annotations

import base64
import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class KeySet:
    live: dict[str, bytes]
    revoked: frozenset[str]


@dataclass(frozen=True, slots=True)
class CodeMember:
    member_id: str
    status: str
    step_taken: bool


def read_keys(connection: sqlite3.Connection) -> KeySet:
    live: dict[str, bytes] = {}
    revoked: set[str] = set()
    for key_id, public_key, is_revoked in connection.execute(
        "SELECT key_id, public_key, revoked FROM code_keys"
    ):
        if is_revoked:
            revoked.add(key_id)
        else:
            live[key_id] = base64.b64decode(public_key)
    return KeySet(live, frozenset(revoked))


def read_member(
    connection: sqlite3.Connection, member_id: str, step: int | None
) -> CodeMember | None:
    row = connection.execute(
        "SELECT status FROM members WHERE member_id = ?", (member_id,)
    ).fetchone()
    if row is None:
        return None
    taken = step is not None and (
        connection.execute(
            "SELECT 1 FROM code_steps WHERE member_id = ? AND step = ?", (member_id, step)
        ).fetchone()
        is not None
    )
    return CodeMember(member_id, str(row[0]), taken)


def device_removed(connection: sqlite3.Connection, device_key: bytes) -> bool:
    """Whether the ledger removed this phone (its codes are refused)."""
    return (
        connection.execute(
            "SELECT 1 FROM removed_devices WHERE device_key = ?", (device_key.hex(),)
        ).fetchone()
        is not None
    )
