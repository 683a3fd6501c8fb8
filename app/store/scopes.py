"""A member's points in each scope of the mall, as the ledger's checkpoints give them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app.store.models import ScopeBalance


def put_scope_balances(
    session: Session,
    members: Sequence[tuple[str, Mapping[str, int]]],
    *,
    own_scope: str,
    new_here: bool,
) -> None:
    """The balances of a checkpoint's members, replacing what the last one gave; kept only
    for members with points outside ``own_scope`` (the card shows those), so a mall of
    mall-wide stores stores nothing. ``new_here``: the members are new to this terminal (a
    snapshot page): nothing to replace."""
    if not new_here:
        ids = [member_id for member_id, _ in members]
        for start in range(0, len(ids), 900):
            session.execute(
                delete(ScopeBalance).where(ScopeBalance.member_id.in_(ids[start : start + 900]))
            )
    rows = [
        {"member_id": member_id, "scope": scope, "points": points}
        for member_id, scopes in members
        if any(scope != own_scope for scope in scopes)
        for scope, points in scopes.items()
        if points
    ]
    if rows:
        session.execute(insert(ScopeBalance), rows)


def scope_balances(session: Session, member_id: str) -> dict[str, int]:
    return {
        scope: points
        for scope, points in session.execute(
            select(ScopeBalance.scope, ScopeBalance.points).where(
                ScopeBalance.member_id == member_id
            )
        )
    }
