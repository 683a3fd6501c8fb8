"""A member's history at every counter of the mall, from the paired ledger (the service
desk's history tab; ``app.services.servicedesk.MallHistory``)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from app.services.servicedesk import MallEventView, MallHistory
from sync.client.flag_desk import NotPaired
from sync.client.http import paired_client


def ledger_history(data_dir: Path, zone: ZoneInfo, limit: int = 20) -> MallHistory:
    """The ledger this terminal is paired with, asked for a member's latest events; the call
    raises NotPaired, TransientError (offline) or LedgerRefused."""

    def fetch(member_id: str) -> list[MallEventView]:
        client = paired_client(data_dir)
        if client is None:
            raise NotPaired("This terminal is not paired with a ledger.")
        try:
            page = client.member_history(member_id, limit)
        finally:
            client.close()
        return [
            MallEventView(
                at=datetime.fromisoformat(e.ledger_time)
                .astimezone(zone)
                .isoformat(timespec="seconds"),
                business_day=e.business_day,
                kind=e.kind,
                points=e.points,
                store_code=e.store_code,
                terminal_id=e.terminal_id,
                event_id=e.event_id,
            )
            for e in page.events
        ]

    return fetch
