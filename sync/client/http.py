"""The terminal's HTTP client for the ledger: timeouts on every call, refusals as errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import orjson
import requests
from pydantic import BaseModel, ValidationError

from sync.client import credentials
from sync.protocol import (
    API,
    AuthorizeRequest,
    AuthorizeResponse,
    CardCodeRequest,
    CardCodeResponse,
    ChangesPage,
    CouponCheck,
    CredentialRequest,
    CredentialResponse,
    FlagList,
    FlagView,
    GrantRequest,
    GrantResponse,
    Health,
    MemberHistoryPage,
    PairRequest,
    PairResponse,
    PhoneBindingRequest,
    PhoneBindingResponse,
    PhoneList,
    PhoneRemoved,
    PlusCodeClaim,
    PlusCodeClaimed,
    PushRequest,
    PushResponse,
    Refusal,
    ReleaseRequest,
    ReleaseResponse,
    ResolveFlagRequest,
    SnapshotPage,
    WireEvent,
    checked_members,
)

M = TypeVar("M", bound=BaseModel)
CONNECT_TIMEOUT = 3.0
READ_TIMEOUT = 20.0


class TransientError(Exception):
    """Worth retrying later: no connection, a timeout, a 5xx, a garbled reply."""


class LedgerRefused(Exception):
    """The ledger said no (a 4xx): retrying the same request will not help."""

    def __init__(self, status: int, refusal: Refusal) -> None:
        super().__init__(f"{status} {refusal.code}: {refusal.message}")
        self.status = status
        self.refusal = refusal


class LedgerClient:
    def __init__(
        self,
        base_url: str,
        credential: str | None = None,
        *,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.credential = credential
        self.timeout = timeout
        self.http = requests.Session()

    def close(self) -> None:
        self.http.close()

    def _call(
        self,
        method: str,
        path: str,
        reply: type[M],
        *,
        body: BaseModel | None = None,
        params: dict[str, Any] | None = None,
        timeout: tuple[float, float] | None = None,
    ) -> M:
        content = self._send(method, path, body=body, params=params, timeout=timeout)
        try:
            return reply.model_validate_json(content)
        except ValidationError as error:
            raise TransientError(f"the ledger's reply was cut or garbled: {error}") from error

    def _send(
        self,
        method: str,
        path: str,
        *,
        body: BaseModel | None = None,
        params: dict[str, Any] | None = None,
        timeout: tuple[float, float] | None = None,
    ) -> bytes:
        """The body of a 2xx reply; a refusal or a failure raised as the errors above."""
        headers = {"Accept": "application/json"}
        if self.credential:
            headers["Authorization"] = f"Bearer {self.credential}"
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = body.model_dump_json().encode()
        try:
            response = self.http.request(
                method,
                f"{self.base_url}{API}{path}",
                data=data,
                params=params,
                headers=headers,
                timeout=timeout or self.timeout,
            )
        except requests.RequestException as error:
            raise TransientError(f"cannot reach the ledger: {error}") from error
        if response.status_code >= 500:
            # A ledger that says why (503 busy) is quoted; an error page is not.
            try:
                why = f": {Refusal.model_validate_json(response.content).message}"
            except ValidationError:
                why = ""
            raise TransientError(f"the ledger answered {response.status_code}{why}")
        if response.status_code >= 400:
            try:
                refusal = Refusal.model_validate_json(response.content)
            except ValidationError:
                refusal = Refusal(
                    code=f"http_{response.status_code}",
                    message=response.text[:300] or response.reason,
                )
            raise LedgerRefused(response.status_code, refusal)
        return response.content

    def health(self) -> Health:
        return self._call("GET", "/health", Health, timeout=(2.0, 5.0))

    def pair(
        self,
        terminal_id: str,
        code: str,
        credential: str | None = None,
        resume_epoch: int | None = None,
    ) -> PairResponse:
        return self._call(
            "POST",
            "/pair",
            PairResponse,
            body=PairRequest(
                terminal_id=terminal_id,
                pairing_code=code,
                credential=credential,
                resume_epoch=resume_epoch,
            ),
        )

    def push(self, events: list[WireEvent]) -> PushResponse:
        return self._call("POST", "/events", PushResponse, body=PushRequest(events=events))

    def changes(self, since: int, checkpoint: int | None, limit: int) -> ChangesPage:
        params: dict[str, Any] = {"since": since, "limit": limit}
        if checkpoint is not None:
            params["checkpoint"] = checkpoint
        return self._call("GET", "/changes", ChangesPage, params=params)

    def snapshot(self, after: str | None, checkpoint: int | None, limit: int) -> SnapshotPage:
        params: dict[str, Any] = {"limit": limit}
        if after is not None:
            params["after"] = after
        if checkpoint is not None:
            params["checkpoint"] = checkpoint
        return self._call("GET", "/snapshot", SnapshotPage, params=params)

    def snapshot_members(
        self, after: str | None, checkpoint: int | None, limit: int
    ) -> tuple[SnapshotPage, list[dict[str, Any]]]:
        """A snapshot page as its envelope (``members`` left empty) and its members as
        checked plain data (``checked_members``): the same checks as ``snapshot`` at a
        fraction of the cost of a model per member."""
        params: dict[str, Any] = {"limit": limit}
        if after is not None:
            params["after"] = after
        if checkpoint is not None:
            params["checkpoint"] = checkpoint
        content = self._send("GET", "/snapshot", params=params)
        try:
            data = orjson.loads(content)
            if not isinstance(data, dict):
                raise ValueError("the reply is not a JSON object")
            members = checked_members(data.get("members"))
            envelope = SnapshotPage.model_validate({**data, "members": []})
        except ValueError as error:  # orjson's and pydantic's errors are ValueErrors
            raise TransientError(f"the ledger's reply was cut or garbled: {error}") from error
        return envelope, members

    def card_code(self, member_id: str) -> CardCodeResponse:
        return self._call(
            "POST", "/codes/card", CardCodeResponse, body=CardCodeRequest(member_id=member_id)
        )

    def device_credential(self, member_id: str, device_key_b64: str) -> CredentialResponse:
        return self._call(
            "POST",
            "/codes/credential",
            CredentialResponse,
            body=CredentialRequest(member_id=member_id, device_key=device_key_b64),
        )

    def phone_binding(self, member_id: str) -> PhoneBindingResponse:
        """A one-time code that binds the member's phone (the link the counter shows)."""
        return self._call(
            "POST",
            "/phones/bindings",
            PhoneBindingResponse,
            body=PhoneBindingRequest(member_id=member_id),
        )

    def phones(self, member_id: str) -> PhoneList:
        return self._call("GET", f"/members/{quote(member_id, safe='')}/phones", PhoneList)

    def remove_phone(self, member_id: str, device_id: str) -> PhoneRemoved:
        return self._call(
            "POST",
            f"/members/{quote(member_id, safe='')}/phones/{quote(device_id, safe='')}/remove",
            PhoneRemoved,
        )

    def authorize(self, member_id: str, points: int, request_id: str) -> AuthorizeResponse:
        return self._call(
            "POST",
            "/redemptions/authorize",
            AuthorizeResponse,
            body=AuthorizeRequest(member_id=member_id, points=points, request_id=request_id),
            timeout=(2.0, 4.0),
        )

    def grant(self, member_id: str, points: int, request_id: str) -> GrantResponse:
        return self._call(
            "POST",
            "/grants/authorize",
            GrantResponse,
            body=GrantRequest(member_id=member_id, points=points, request_id=request_id),
            timeout=(2.0, 4.0),
        )

    def release(self, request_id: str) -> ReleaseResponse:
        return self._call(
            "POST",
            "/redemptions/release",
            ReleaseResponse,
            body=ReleaseRequest(request_id=request_id),
            timeout=(1.0, 2.0),
        )

    def claim_plus_code(self, code: str, member_id: str, request_id: str) -> PlusCodeClaimed:
        return self._call(
            "POST",
            "/plus/codes/claim",
            PlusCodeClaimed,
            body=PlusCodeClaim(code=code, member_id=member_id, request_id=request_id),
        )

    def coupon(self, code: str) -> CouponCheck:
        return self._call("GET", f"/coupons/{quote(code, safe='')}", CouponCheck)

    def member_history(self, member_id: str, limit: int = 20) -> MemberHistoryPage:
        """The member's latest events that moved points, at every counter of the mall."""
        return self._call(
            "GET",
            f"/members/{quote(member_id, safe='')}/history",
            MemberHistoryPage,
            params={"limit": limit},
            timeout=(2.0, 4.0),  # the service desk waits for it: offline says so quickly
        )

    def flags(self, member_id: str | None = None, *, include_resolved: bool = False) -> FlagList:
        params: dict[str, Any] = {"include_resolved": include_resolved}
        if member_id is not None:
            params["member_id"] = member_id
        return self._call("GET", "/flags", FlagList, params=params)

    def resolve_flag(self, flag_id: int, note: str, resolved_by: str) -> FlagView:
        return self._call(
            "POST",
            f"/flags/{flag_id}/resolve",
            FlagView,
            body=ResolveFlagRequest(note=note, resolved_by=resolved_by),
        )


def paired_client(data_dir: Path) -> LedgerClient | None:
    """A client with this terminal's own credential; None on a terminal never paired."""
    credential = credentials.load(data_dir)
    if credential is None:
        return None
    return LedgerClient(credential.ledger_url, credential.secret)
