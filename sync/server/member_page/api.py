"""The member page's API (``/phone/api``). Every request is signed by the phone's device key
(``phones.check_signature``): the key is the session, so there is no password or cookie to
steal, a request cannot be replayed, and removing the phone ends its session at once. The
page never holds a terminal credential."""

# No "from __future__ import annotations": FastAPI reads the dependency aliases from live
# annotations.
from collections.abc import Iterator
from typing import Annotated

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import APIRouter, Depends, Header, Path, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from sync.protocol import PhoneRemoved
from sync.server import ledger, phones
from sync.server.api import BODY, committed, refusals
from sync.server.errors import Refused
from sync.server.member_page.models import (
    BindRequest,
    Bound,
    MemberPage,
    PagePhone,
    PagePhones,
)
from sync.server.member_page.view import credential_view, member_page
from sync.server.models import Member

PAGE_API = "/phone/api"
SIGNED = (401,)  # what any signed endpoint may answer
DeviceId = Annotated[str, Path(min_length=64, max_length=64, pattern=r"^[0-9a-f]{64}$")]
_Header = Annotated[str, Header(max_length=200)]


async def signed(
    request: Request,
    x_md_device: _Header = "",
    x_md_time: _Header = "",
    x_md_nonce: _Header = "",
    x_md_signature: _Header = "",
) -> tuple[phones.SignedRequest, str, str, bytes]:
    """The request's signature headers with what they sign (checked in the endpoint's
    transaction, with its nonce)."""
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    body = await request.body()
    headers = phones.SignedRequest(x_md_device, x_md_time, x_md_nonce, x_md_signature)
    return headers, request.method, path, body


Signed = Annotated[tuple[phones.SignedRequest, str, str, bytes], Depends(signed)]


def router(engine: Engine, signing_key: Ed25519PrivateKey | None) -> APIRouter:
    routes = APIRouter(prefix=PAGE_API, tags=["member page"])

    def session() -> Iterator[Session]:
        with Session(engine, expire_on_commit=False) as s:
            yield s
            s.commit()

    Db = Annotated[Session, Depends(session, scope="function")]

    def checked(db: Session, sig: tuple[phones.SignedRequest, str, str, bytes]) -> str:
        request, method, path, body = sig
        phones.check_signature(db, request, method, path, body, ledger.now_utc())
        return request.device_key

    @routes.post("/bind", responses=refusals(*SIGNED, 409, *BODY))
    @committed
    def bind(body: BindRequest, db: Db, sig: Signed) -> Bound:
        """Bind this phone's key with a one-time binding code from a counter."""
        device_key = checked(db, sig)
        at = ledger.now_utc()
        device, credential = phones.bind(db, body.token, device_key, body.label, at, signing_key)
        return Bound(
            member_id=device.member_id,
            credential=credential_view(credential),
            ledger_time=int(at.timestamp()),
        )

    @routes.get("/me", responses=refusals(*SIGNED, 409))
    @committed
    def me(db: Db, sig: Signed) -> MemberPage:
        """The member's profile and history, and a renewed credential for the phone."""
        at = ledger.now_utc()
        device = phones.bound_device(db, checked(db, sig), at)
        member = db.get(Member, device.member_id)
        if member is None:  # a member is never deleted; kept for the type checker
            raise Refused(401, "phone_unknown", "This phone is not bound to a member.")
        credential = phones.renew(db, device, at, signing_key)
        return member_page(db, member, credential, at)

    @routes.get("/phones", responses=refusals(*SIGNED))
    @committed
    def my_phones(db: Db, sig: Signed) -> PagePhones:
        at = ledger.now_utc()
        device = phones.bound_device(db, checked(db, sig), at)
        return PagePhones(
            phones=[
                PagePhone(
                    device_id=d.device_key,
                    label=d.label,
                    bound_at=d.bound_at.isoformat(),
                    last_seen_at=d.last_seen_at.isoformat(),
                    this_phone=d.device_key == device.device_key,
                )
                for d in phones.devices_of(db, device.member_id)
            ]
        )

    @routes.post("/phones/{device_id}/remove", responses=refusals(*SIGNED, 404))
    @committed
    def remove(device_id: DeviceId, db: Db, sig: Signed) -> PhoneRemoved:
        """Remove one of the member's phones (this one too)."""
        at = ledger.now_utc()
        device = phones.bound_device(db, checked(db, sig), at)
        phones.remove(db, device.member_id, device_id, "member", at)
        return PhoneRemoved(member_id=device.member_id, device_id=device_id, status="removed")

    return routes
