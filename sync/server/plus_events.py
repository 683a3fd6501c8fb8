"""The ledger's side of PLUS that sells itself: what a purchase says of the member's medal
levels (campaigns may target them; the ledger recomputes points with the terminal's view, as
it does with the tier), and the partner entitlements a ``plus_sold`` event issued, recorded
once and redeemed once."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.server import plus_codes
from sync.server.errors import Refused
from sync.server.models import PlusEntitlement

MAX_LEVEL = 1_000


def medal_levels(payload: Mapping[str, Any]) -> dict[str, int]:
    """The purchase's ``medals`` (code -> level), or {} when it names none or is not one
    (an older terminal's purchase: it knew no medal-targeted campaign)."""
    named = payload.get("medals")
    if not isinstance(named, dict):
        return {}
    return {
        str(code): level
        for code, level in named.items()
        if isinstance(level, int) and not isinstance(level, bool) and 0 < level <= MAX_LEVEL
    }


def take_plus_sold(
    session: Session, *, terminal_id: str, event_id: str, member_id: str, payload: Mapping[str, Any]
) -> str | None:
    """A ``plus_sold``'s own part: its activation code used by it, its entitlements recorded.
    Returns why the event must be refused (a code this terminal did not claim for this
    member), having changed nothing; None when taken."""
    refused = plus_codes.used_by_event(
        session, terminal_id=terminal_id, payload=payload, event_id=event_id
    )
    if refused is None:
        record_entitlements(
            session,
            terminal_id=terminal_id,
            event_id=event_id,
            member_id=member_id,
            payload=payload,
        )
    return refused


def record_entitlements(
    session: Session, *, terminal_id: str, event_id: str, member_id: str, payload: Mapping[str, Any]
) -> None:
    """The entitlements of an applied ``plus_sold`` (an entry that is not one is left out:
    the PLUS term itself stands); a code already recorded stays as it was."""
    for wire in payload.get("entitlements") or []:
        row = _entitlement(wire)
        if row is None or session.get(PlusEntitlement, row["code"]) is not None:
            continue
        session.add(
            PlusEntitlement(**row, member_id=member_id, terminal_id=terminal_id, event_id=event_id)
        )


def _entitlement(wire: object) -> dict[str, Any] | None:
    if not isinstance(wire, dict):
        return None
    texts = {k: wire.get(k) for k in ("code", "benefit", "name", "partner")}
    if not all(isinstance(v, str) and 0 < len(v) <= 200 for v in texts.values()):
        return None
    if len(str(texts["code"])) > 20 or len(str(texts["benefit"])) > 32:
        return None
    try:
        start = date.fromisoformat(str(wire.get("valid_from")))
        until = date.fromisoformat(str(wire.get("valid_until")))
    except ValueError:
        return None
    return {**texts, "valid_from": start, "valid_until": until}


def redeem_entitlement(session: Session, code: str, *, by: str, now: datetime) -> PlusEntitlement:
    """A partner took the entitlement ``code``: recorded once. Refused: unknown, expired,
    or already redeemed (naming when and by whom)."""
    by = by.strip()
    if not by or len(by) > 200:
        raise Refused(422, "bad_reference", "Say who redeems it (the partner's reference).")
    row = session.get(PlusEntitlement, code.strip().upper(), with_for_update=True)
    if row is None:
        raise Refused(404, "unknown_entitlement", f"No partner entitlement {code!r}.")
    if row.redeemed_at is not None:
        raise Refused(
            409,
            "entitlement_redeemed",
            f"Entitlement {row.code} was already redeemed on "
            f"{row.redeemed_at.date().isoformat()} ({row.redeemed_by}).",
        )
    if not row.valid_from <= now.date() <= row.valid_until:
        raise Refused(
            409,
            "entitlement_expired",
            f"Entitlement {row.code} is valid from {row.valid_from} to {row.valid_until}.",
        )
    row.redeemed_at, row.redeemed_by = now, by
    return row


def entitlement_report(session: Session) -> list[dict[str, Any]]:
    """Per partner benefit: entitlements issued and redeemed."""
    rows = session.execute(
        select(
            PlusEntitlement.benefit,
            PlusEntitlement.partner,
            func.count(PlusEntitlement.code),
            func.count(PlusEntitlement.redeemed_at),
        )
        .group_by(PlusEntitlement.benefit, PlusEntitlement.partner)
        .order_by(PlusEntitlement.benefit)
    ).all()
    return [{"benefit": b, "partner": p, "issued": n, "redeemed": r} for b, p, n, r in rows]
