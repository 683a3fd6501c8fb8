"""The counter's side of members' phones: show a binding code, list and remove phones
(the service desk). Each takes the terminal's credential."""

# No "from __future__ import annotations": FastAPI reads the dependency aliases from live
# annotations.
from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from sync.protocol import (
    API,
    PhoneBindingRequest,
    PhoneBindingResponse,
    PhoneList,
    PhoneRemoved,
    PhoneView,
)
from sync.server import ledger, phones
from sync.server.api import BODY, TERMINAL, MemberQuery, committed, refusals
from sync.server.models import MemberDevice

DeviceId = Annotated[str, Path(min_length=64, max_length=64, pattern=r"^[0-9a-f]{64}$")]


def view(device: MemberDevice) -> PhoneView:
    return PhoneView(
        device_id=device.device_key,
        label=device.label,
        bound_at=device.bound_at.isoformat(),
        last_seen_at=device.last_seen_at.isoformat(),
    )


def router(engine: Engine, bearer: Callable[..., object], public_url: str | None) -> APIRouter:
    """``public_url``: where members' phones reach the ledger (default: the address the
    terminal used)."""
    routes = APIRouter()

    def session() -> Iterator[Session]:
        with Session(engine, expire_on_commit=False) as s:
            yield s
            s.commit()

    Db = Annotated[Session, Depends(session, scope="function")]
    Bearer = Annotated[str, Depends(bearer)]

    @routes.post(f"{API}/phones/bindings", responses=refusals(*TERMINAL, 404, 409, *BODY))
    @committed
    def new_binding(
        body: PhoneBindingRequest, request: Request, db: Db, token: Bearer
    ) -> PhoneBindingResponse:
        """A one-time code that binds the member's phone; the counter shows it as a QR."""
        term = ledger.authenticate(db, token)
        member = ledger.find_member(db, body.member_id)
        code, binding = phones.new_binding(db, term.terminal_id, member.member_id, ledger.now_utc())
        base = (public_url or str(request.base_url)).rstrip("/")
        return PhoneBindingResponse(
            member_id=member.member_id,
            # In the fragment: a browser never sends it to a server or in a Referer.
            url=f"{base}/phone/#bind={code}",
            expires_at=binding.expires_at.isoformat(),
        )

    @routes.get(f"{API}/members/{{query}}/phones", responses=refusals(*TERMINAL, 404))
    @committed
    def member_phones(query: MemberQuery, db: Db, token: Bearer) -> PhoneList:
        ledger.authenticate(db, token)
        member = ledger.find_member(db, query)
        return PhoneList(
            member_id=member.member_id,
            phones=[view(d) for d in phones.devices_of(db, member.member_id)],
        )

    @routes.post(
        f"{API}/members/{{query}}/phones/{{device_id}}/remove",
        responses=refusals(*TERMINAL, 404),
    )
    @committed
    def remove_phone(
        query: MemberQuery, device_id: DeviceId, db: Db, token: Bearer
    ) -> PhoneRemoved:
        term = ledger.authenticate(db, token)
        member = ledger.find_member(db, query)
        phones.remove(db, member.member_id, device_id, term.terminal_id, ledger.now_utc())
        return PhoneRemoved(member_id=member.member_id, device_id=device_id, status="removed")

    return routes
