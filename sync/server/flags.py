"""Flags to review: list them (open ones first of all) and close one with a note.

A flag is raised while the ledger applies events (an overdraft, a recomputed purchase that
disagrees, a member code taken at two terminals) and is never changed; closing it appends a
``FlagResolution``. Closing a closed flag changes nothing and answers with the first
resolution, so a retried request, or two supervisors at once, never closes it twice.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync.protocol import FlagView
from sync.server.errors import Refused
from sync.server.ledger import next_cursor, now_utc
from sync.server.models import Flag, FlagResolution, Member

LIMIT = 200


def _view(flag: Flag, resolution: FlagResolution | None) -> FlagView:
    return FlagView(
        flag_id=flag.flag_id,
        kind=flag.kind,
        member_id=flag.member_id,
        event_id=flag.event_id,
        points=flag.points,
        detail=flag.detail,
        created_at=flag.created_at.isoformat(),
        resolved_at=resolution.resolved_at.isoformat() if resolution else None,
        resolved_by=resolution.resolved_by if resolution else None,
        resolved_at_terminal=resolution.terminal_id if resolution else None,
        note=resolution.note if resolution else None,
    )


def list_flags(
    session: Session, *, member_id: str | None = None, open_only: bool = True, limit: int = LIMIT
) -> list[FlagView]:
    """Newest first; one member's when ``member_id`` is given."""
    query = (
        select(Flag, FlagResolution)
        .outerjoin(FlagResolution, FlagResolution.flag_id == Flag.flag_id)
        .order_by(Flag.flag_id.desc())
        .limit(limit)
    )
    if member_id is not None:
        query = query.where(Flag.member_id == member_id)
    if open_only:
        query = query.where(FlagResolution.flag_id.is_(None))
    return [_view(flag, resolution) for flag, resolution in session.execute(query).all()]


def resolve_flag(
    session: Session, flag_id: int, *, note: str, resolved_by: str, terminal_id: str | None
) -> FlagView:
    """Close a flag; an already closed one is answered with its first resolution."""
    note, resolved_by = note.strip(), resolved_by.strip()
    if not note:
        raise Refused(422, "note_required", "Say what was checked and done, in the note.")
    if not resolved_by:
        raise Refused(422, "name_required", "Say who resolves the flag.")
    if len(note) > 500 or len(resolved_by) > 64:
        raise Refused(422, "too_long", "The note takes up to 500 characters, the name 64.")
    flag = session.get(Flag, flag_id)
    if flag is None:
        raise Refused(404, "unknown_flag", f"There is no flag {flag_id} at the ledger.")
    resolution = session.get(FlagResolution, flag_id)
    if resolution is None:
        resolution = FlagResolution(
            flag_id=flag_id,
            resolved_at=now_utc(),
            resolved_by=resolved_by,
            terminal_id=terminal_id,
            note=note,
        )
        try:
            with session.begin_nested():
                session.add(resolution)
                _touch_member(session, flag.member_id)
        except IntegrityError:  # another request closed it a moment ago: theirs stands
            resolution = session.get(FlagResolution, flag_id, populate_existing=True)
            assert resolution is not None
    return _view(flag, resolution)


def _touch_member(session: Session, member_id: str | None) -> None:
    """A closed flag may change the member's reputation: counters pull the member again."""
    member = session.get(Member, member_id) if member_id else None
    if member is not None:
        member.cursor = next_cursor(session)
