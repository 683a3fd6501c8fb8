"""The canonical form and hash of a terminal's events, and the shop's business day each event
carries, shared by the terminal and the ledger."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

GENESIS_HASH = "0" * 64
BUSINESS_DAY = "business_day"  # the payload key: the shop's date, ISO (2026-12-09)
# Every instant is some date from UTC-12:00 to UTC+14:00: no business day lies outside.
_EARLIEST_OFFSET, _LATEST_OFFSET = timedelta(hours=-12), timedelta(hours=14)


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


def business_day(at: datetime, zone: tzinfo) -> date:
    """The shop's business day at an instant: the calendar date in the shop's time zone.
    Campaign days, expiry and the day's caps count in it, never in UTC or the PC's zone."""
    if at.tzinfo is None:
        raise ValueError("naive datetime: a business day needs an instant")
    return at.astimezone(zone).date()


def with_business_day(payload: Mapping[str, Any], at: datetime, zone: tzinfo) -> dict[str, Any]:
    """An event's payload with the business day of the instant it is written at."""
    return {**payload, BUSINESS_DAY: business_day(at, zone).isoformat()}


def event_business_day(payload: Mapping[str, Any], created_at: str, zone: tzinfo) -> date:
    """The business day of an event: the one it carries, or, for an event written before
    events carried one, its terminal time in the shop's zone ``zone``. Raises ValueError for a
    time or day that is not one, or a day that is not the date of the event's time in any
    zone on earth (OverflowError: a time at the very end of the calendar)."""
    try:
        at = datetime.fromisoformat(created_at)
    except ValueError:
        raise ValueError("created_at is not a time") from None
    if at.tzinfo is None:  # terminals write UTC; a bare time is read as UTC
        at = at.replace(tzinfo=UTC)
    named = payload.get(BUSINESS_DAY)
    if named is None:
        return business_day(at, zone)
    try:
        day = date.fromisoformat(named) if isinstance(named, str) else None
    except ValueError:
        day = None
    if day is None:
        raise ValueError(f"{BUSINESS_DAY} {named!r} is not a date like 2026-12-09")
    utc = at.astimezone(UTC)
    if not (utc + _EARLIEST_OFFSET).date() <= day <= (utc + _LATEST_OFFSET).date():
        raise ValueError(f"{BUSINESS_DAY} {named} is not the date of created_at in any time zone")
    return day
