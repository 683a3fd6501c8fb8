"""Helpers the use cases share: loading a member, posting to the journal, auditing."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.codes import CODES_REVOKED
from app.domain.errors import InvalidInput, UnknownMember
from app.domain.event_kinds import TerminalEvent
from app.domain.phones import normalise_phone
from app.services.context import Actor
from app.store.cardread import MemberFacts, find_member, raw_connection
from app.store.journal import Posting
from app.store.models import AuditEntry, Member
from app.store.outbox import append_event, canonical_json, terminal_state

M = TypeVar("M", Member, MemberFacts)
# Members the counter serves. Withdrawn codes withdraw the codes only (member_codes refuses
# them); the member is served by member number and phone number.
SERVED_STATUSES = frozenset({"active", CODES_REVOKED})


def clean_phone(text: str) -> str:
    """The one stored form of a phone (``app.domain.phones``): how members are enrolled,
    looked up and compared, so '+86 139…', '８６139…' and '139-…' are one member."""
    return normalise_phone(text)


def load_member(session: Session, member_id: str, *, for_update: bool = True) -> Member:
    return _usable(session.get(Member, member_id.strip()), member_id)


def load_member_facts(session: Session, member_id: str) -> MemberFacts:
    """``load_member`` in one prebuilt read on the session's connection (the award's path)."""
    return _usable(find_member(raw_connection(session), member_id.strip(), None), member_id)


def _usable(member: M | None, member_id: str) -> M:
    if member is None:
        raise UnknownMember(
            f"No member {member_id.strip()!r} on this terminal. Check the number, or enroll "
            "the customer.",
            member_id=member_id,
        )
    if member.status not in SERVED_STATUSES:
        raise UnknownMember(
            f"Member {member_id} is {member.status}; send the customer to the service desk.",
            member_id=member_id,
        )
    return member


def find_member_id(session: Session, query: str) -> str:
    """A member id, or a phone number, to the member id."""
    text = query.strip()
    if not text:
        raise InvalidInput("Scan a member code or type a member number or phone.", field="query")
    if session.get(Member, text) is not None:
        return text
    try:
        phone = clean_phone(text)
    except InvalidInput:
        phone = None
    if phone is not None:
        found = session.scalar(select(Member.member_id).where(Member.phone == phone))
        if found is not None:
            return found
    raise UnknownMember(
        f"No member found for {text!r}. Check the number, or enroll the customer.",
        query=text,
    )


def next_receipt_no(session: Session) -> str:
    state = terminal_state(session)
    return f"{state.terminal_id}-{state.next_seq:07d}"


def post(
    session: Session,
    event: TerminalEvent,
    *,
    request_id: str,
    member_id: str,
    now: datetime,
    zone: tzinfo,
    receipt_no: str | None = None,
    note: str | None = None,
) -> Posting:
    """Append the operation's event (with the business day of ``now`` in the shop's ``zone``)
    and return a posting whose journal entries name it."""
    appended = append_event(
        session,
        event,
        request_id=request_id,
        member_id=member_id,
        now=now,
        zone=zone,
    )
    return Posting(
        session=session,
        member_id=member_id,
        request_id=request_id,
        event_seq=appended.seq,
        now=now,
        receipt_no=receipt_no,
        note=note,
        event_id=appended.event_id,
    )


def audit(
    session: Session,
    *,
    actor: Actor,
    action: str,
    now: datetime,
    member_id: str | None = None,
    request_id: str | None = None,
    **detail: Any,
) -> None:
    session.add(
        AuditEntry(
            at=now,
            cashier_id=actor.cashier_id,
            action=action,
            member_id=member_id,
            request_id=request_id,
            detail=canonical_json(detail),
        )
    )


def iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def mask_name(name: str) -> str:
    """'Zhang Wei' -> 'Z**** W**'; '张伟' -> '张*'. Enough to confirm, not to read out."""
    return " ".join(word[0] + "*" * (len(word) - 1) for word in name.split())


def mask_phone(phone: str) -> str:
    if len(phone) <= 4:
        return "*" * len(phone)
    keep_head = 3 if len(phone) >= 10 else 0
    return phone[:keep_head] + "*" * (len(phone) - keep_head - 4) + phone[-4:]
