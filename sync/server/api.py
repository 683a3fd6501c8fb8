"""The ledger's HTTP API (FastAPI). OpenAPI is served at /docs and /openapi.json."""

# No "from __future__ import annotations": FastAPI reads the dependency aliases defined
# inside create_app from live annotations.
import asyncio
import base64
import dataclasses
import functools
import logging
import secrets
from collections.abc import Callable, Iterator
from typing import Annotated, Any, ParamSpec, TypeVar

import orjson
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import Depends, FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.domain.errors import RuleBookError
from sync.protocol import (
    API,
    MAX_BODY_BYTES,
    MAX_INT64,
    MAX_PAGE,
    PRINTABLE,
    PROTOCOL_VERSION,
    AddTerminalRequest,
    AddTerminalResponse,
    AuthorizeRequest,
    AuthorizeResponse,
    CardCodeRequest,
    CardCodeResponse,
    ChangesPage,
    CouponCheck,
    CouponState,
    CredentialRequest,
    CredentialResponse,
    FlagList,
    FlagView,
    GrantRequest,
    GrantResponse,
    Health,
    HistoryEvent,
    MemberHistoryPage,
    MemberState,
    PairRequest,
    PairResponse,
    PlusCodeClaim,
    PlusCodeClaimed,
    PublishResponse,
    PushRequest,
    PushResponse,
    Refusal,
    ReleaseRequest,
    ReleaseResponse,
    ResolveFlagRequest,
    RevokeResponse,
    RuleBookDocument,
    SnapshotPage,
)
from sync.server import budgets, flags, keys, ledger, member_view, phones, plus_codes, profile
from sync.server.db import READ_ONLY
from sync.server.errors import Refused
from sync.server.group_commit import PushQueue
from sync.server.logsafe import field as log_field
from sync.server.push import PushJob

log = logging.getLogger("memberdesk.ledger")
P = ParamSpec("P")
R = TypeVar("R")


def committed(endpoint: Callable[P, R]) -> Callable[P, R]:
    """Commit the request's transaction in the endpoint's own worker thread, as its last step.

    FastAPI closes a ``scope="function"`` dependency only after it has validated the reply,
    and for a plain ``def`` endpoint that validation waits for a token of the same thread
    pool (40) the endpoints hold. Committing there would leave locks (PostgreSQL's change
    counter, SQLite's write lock) held while waiting for a token that blocked requests hold:
    more than 40 concurrent pushes deadlocked the ledger. Committing here releases the locks
    before the reply is built, and the reply is still sent only after the commit.
    """

    @functools.wraps(endpoint)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        result = endpoint(*args, **kwargs)
        for value in kwargs.values():
            if isinstance(value, Session):
                value.commit()
        return result

    return run


class TooLarge(HTTPException):
    """A body that grew past the limit while it streamed in (no Content-Length to check)."""

    def __init__(self) -> None:
        super().__init__(413, "too large")


TOO_LARGE = f"A request may carry at most {MAX_BODY_BYTES} bytes; send fewer events per batch."


class BodyLimit:
    """Refuse oversized requests: at once by their Content-Length, or, for a chunked body,
    as soon as more than the limit has arrived (nothing is parsed, nothing written)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            await _refusal(413, "too_large", TOO_LARGE)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > MAX_BODY_BYTES:
                    raise TooLarge()
            return message

        await self.app(scope, counted, send)


def _refusal(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    body = Refusal(code=code, message=message, **extra)
    return JSONResponse(status_code=status, content=body.model_dump())


# What each refusal status means; every operation lists those it can answer, each with the
# one Refusal body (tests/sync/test_fuzz_api.py holds the ledger to it).
REFUSALS = {
    400: "The body is not JSON text (UTF-8).",
    401: "No credential, or one the ledger does not know (or retired: the PC was replaced).",
    403: "Not allowed: a revoked terminal, another terminal's events, a wrong pairing code, "
    "or an operator endpoint without the admin token.",
    404: "No such member, flag, terminal or path.",
    405: "That method is not served on this path.",
    409: "Conflicts with what the ledger holds (sequence gap, another chain, an older rule "
    "book, a held or revoked member).",
    413: f"The body is larger than {MAX_BODY_BYTES} bytes.",
    422: "The request does not match the protocol (a field is missing, too long, out of "
    "range or has control characters).",
    503: "The ledger is busy; try again shortly.",
}


def refusals(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for these refusal statuses (and 422 for any malformed request)."""
    return {
        status: {"model": Refusal, "description": REFUSALS[status]}
        for status in sorted({422, *statuses})
    }


TERMINAL = (401, 403)  # what any endpoint that takes the terminal's credential may answer
OPERATOR = (403,)  # ... and an operator endpoint without the admin token
BODY = (400, 413)  # any endpoint with a body
# Path and query text: as long as its column at most, printable (no NUL, no line breaks).
TerminalPath = Annotated[str, Path(min_length=1, max_length=64, pattern=PRINTABLE)]
# A member's id or phone as written (the ledger normalises the phone).
MemberQuery = Annotated[str, Path(min_length=1, max_length=40, pattern=PRINTABLE)]
CouponCode = Annotated[str, Path(min_length=1, max_length=40, pattern=PRINTABLE)]
Cursor = Annotated[int, Query(ge=0, le=MAX_INT64)]
Page = Annotated[int, Query(ge=1, le=MAX_PAGE)]
MemberFilter = Annotated[str | None, Query(min_length=1, max_length=32, pattern=PRINTABLE)]

SCHEMA_REF = "#/components/schemas/{model}"
PUSH_REQUEST_REF = SCHEMA_REF.format(model="PushRequest")


def parse_push(body: bytes) -> PushRequest:
    """A push's body, checked against the protocol straight from its bytes (pydantic's own
    JSON parser: about a third of what FastAPI's json.loads plus validation cost), refused
    as FastAPI refuses any other malformed body."""
    try:
        return PushRequest.model_validate_json(body)
    except ValidationError as error:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in error.errors(include_url=False)]
        ) from None


def create_app(
    engine: Engine,
    *,
    admin_token: str | None = None,
    signing_key: Ed25519PrivateKey | None = None,
    public_url: str | None = None,
) -> FastAPI:
    """The ledger's API on ``engine``; ``signing_key``: the member-code signing key when it
    is kept outside the database (``keys.load_outside_key``); ``public_url``: where members'
    phones reach the ledger (the member page), when not where terminals do."""
    app = FastAPI(
        title="MemberDesk ledger",
        version=str(PROTOCOL_VERSION),
        description="The central points ledger that MemberDesk terminals sync with.",
    )
    app.add_middleware(BodyLimit)
    postgres = engine.dialect.name == "postgresql"

    @app.exception_handler(Refused)
    def _refused(request: Request, error: Refused) -> JSONResponse:
        # The code and the path's route, never the message: it can name a member or a phone.
        route = request.scope.get("route")
        log.info(
            "refused %s %s %s", error.status, error.code, log_field(getattr(route, "path", "-"))
        )
        return _refusal(
            error.status,
            error.code,
            error.message,
            fields=error.fields,
            expected_seq=error.expected_seq,
        )

    @app.exception_handler(TooLarge)
    def _too_large(_request: Request, _error: TooLarge) -> JSONResponse:
        return _refusal(413, "too_large", TOO_LARGE)

    @app.exception_handler(HTTPException)
    def _http(_request: Request, error: HTTPException) -> JSONResponse:
        # Starlette's own refusals (no such path, method not allowed) in the one Refusal body.
        code = {400: "malformed", 404: "not_found", 405: "method_not_allowed"}.get(
            error.status_code, "refused"
        )
        message = {
            400: "The body is not JSON text (UTF-8).",
            404: "There is no such path; the API is described at /openapi.json.",
            405: "That method is not served on this path; see /openapi.json.",
        }.get(error.status_code, str(error.detail))
        response = _refusal(error.status_code, code, message)
        for name, value in (error.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    def _invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        fields = sorted({".".join(str(p) for p in e["loc"][1:]) for e in error.errors()} - {""})
        return _refusal(
            422,
            "malformed",
            "The request does not match protocol version "
            f"{PROTOCOL_VERSION}: "
            + "; ".join(
                f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in error.errors()[:5]
            ),
            fields=fields,
        )

    @app.exception_handler(RuleBookError)
    def _bad_rules(_request: Request, error: RuleBookError) -> JSONResponse:
        field = error.params.get("field")
        return _refusal(
            422, "invalid_rule_book", error.message, fields=[str(field)] if field else []
        )

    def session() -> Iterator[Session]:
        # Endpoints commit through @committed; an exception rolls back (the session closes).
        with Session(engine, expire_on_commit=False) as s:
            yield s
            s.commit()  # a no-op after @committed; a safety net for an endpoint without it

    read_engine = engine.execution_options(
        **({"isolation_level": "REPEATABLE READ"} if postgres else {READ_ONLY: True})
    )

    def snapshot_session() -> Iterator[Session]:
        # A pull reads balances and the terminal's position in one consistent snapshot.
        # The transaction begins at the endpoint's first read, not here: a lock taken in a
        # dependency would be held while the endpoint waits for a worker thread. On SQLite it
        # is a deferred (read) transaction: WAL gives it a snapshot and writers go on.
        with Session(bind=read_engine, expire_on_commit=False) as s:
            yield s

    # scope="function": the transaction commits before the reply is sent, never after
    # (and, through @committed, before the reply is even built).
    Db = Annotated[Session, Depends(session, scope="function")]
    ReadDb = Annotated[Session, Depends(snapshot_session, scope="function")]

    async def bearer(authorization: Annotated[str | None, Header()] = None) -> str:
        # Only the header here; endpoints check it against the database in their own
        # transaction (ledger.authenticate), so no dependency holds a lock (see committed).
        return (authorization or "").removeprefix("Bearer ").strip()

    def admin(x_admin_token: Annotated[str | None, Header()] = None) -> None:
        if (
            admin_token is None
            or x_admin_token is None
            # as bytes: compare_digest refuses str with non-ASCII characters (a TypeError)
            or not secrets.compare_digest(admin_token.encode(), x_admin_token.encode())
        ):
            raise Refused(403, "not_operator", "This needs the operator's admin token.")

    Bearer = Annotated[str, Depends(bearer)]
    Admin = Annotated[None, Depends(admin)]

    @app.get(f"{API}/health", responses=refusals())
    @committed
    def health(db: ReadDb) -> Health:
        db.execute(text("SELECT 1"))
        return Health(
            status="ok",
            protocol=PROTOCOL_VERSION,
            ledger_time=ledger.now_utc().isoformat(),
            database=engine.dialect.name,
        )

    @app.post(f"{API}/pair", responses=refusals(403, 409, *BODY))
    @committed
    def pair(body: PairRequest, db: Db) -> PairResponse:
        term, credential = ledger.pair(
            db, body.terminal_id, body.pairing_code, body.credential, body.resume_epoch
        )
        log.info("terminal %s paired (chain %s)", log_field(term.terminal_id), term.epoch)
        return PairResponse(
            terminal_id=term.terminal_id,
            store_code=term.store_code,
            credential=credential,
            ledger_time=ledger.now_utc().isoformat(),
            epoch=term.epoch,
        )

    app.state.pushes = PushQueue(engine)
    # Credentials this process has seen valid: a push with any other is checked before it
    # may queue (so that unknown credentials never take a place in the queue). Revocation
    # is still checked for every push, under its terminal's lock, when its group runs.
    known_credentials: set[str] = set()
    # A few at a time: fifty terminals starting at once must not open fifty connections.
    credential_checks = asyncio.Semaphore(4)

    def check_credential(token: str) -> None:
        with Session(bind=read_engine) as db:
            ledger.authenticate(db, token)

    @app.post(
        f"{API}/events",
        response_model=PushResponse,
        responses=refusals(*TERMINAL, 409, *BODY, 503),
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": PUSH_REQUEST_REF}}},
            }
        },
    )
    async def push(request: Request, token: Bearer) -> Response:
        # Applied by this process's applier thread, with the pushes that arrive meanwhile,
        # in one transaction (group_commit); answered once that has committed.
        body = parse_push(await request.body())
        if not token:
            raise ledger.refuse_no_credential()
        digest = ledger.token_hash(token)
        if digest not in known_credentials:
            async with credential_checks:
                if digest not in known_credentials:  # checked while this one waited?
                    await run_in_threadpool(check_credential, token)
                    known_credentials.add(digest)
        pushes: PushQueue = request.app.state.pushes
        reply = await asyncio.wrap_future(pushes.submit(PushJob(token, body.events)))
        # The reply goes out as built: push_group made it from checked values, and
        # validating it again against the response model cost more than serialising it.
        return Response(reply.json(), media_type="application/json")

    def member_pages(page: dict[str, Any], db: Session) -> Response:
        # A page of thousands of members goes out as built (plain data, one orjson call):
        # a model per member, and FastAPI's validation of the reply against it, cost more
        # than reading the page. The page's shape is the response model's (tests check it).
        page["keys"] = [key.model_dump() for key in keys.public_keys(db)]
        page["removed_devices"] = phones.removed_devices(db, ledger.now_utc().date())
        return Response(orjson.dumps(page), media_type="application/json")

    @app.get(f"{API}/changes", response_model=ChangesPage, responses=refusals(*TERMINAL))
    @committed
    def changes(
        db: ReadDb,
        token: Bearer,
        since: Cursor = 0,
        checkpoint: Annotated[int | None, Query(ge=0, le=MAX_INT64)] = None,
        limit: Page = 1000,
    ) -> Response:
        term = ledger.authenticate(db, token)
        return member_pages(ledger.changes(db, term, since, checkpoint, limit), db)

    @app.get(f"{API}/snapshot", response_model=SnapshotPage, responses=refusals(*TERMINAL))
    @committed
    def snapshot(
        db: ReadDb,
        token: Bearer,
        after: MemberFilter = None,
        checkpoint: Annotated[int | None, Query(ge=0, le=MAX_INT64)] = None,
        limit: Page = 1000,
    ) -> Response:
        term = ledger.authenticate(db, token)
        return member_pages(ledger.snapshot(db, term, after, checkpoint, limit), db)

    @app.post(f"{API}/redemptions/authorize", responses=refusals(*TERMINAL, 404, 409, *BODY))
    @committed
    def authorize(body: AuthorizeRequest, db: Db, token: Bearer) -> AuthorizeResponse:
        term = ledger.authenticate(db, token)
        return ledger.authorize(db, term, body.member_id, body.points, body.request_id)

    @app.post(f"{API}/grants/authorize", responses=refusals(*TERMINAL, 404, 409, *BODY))
    @committed
    def grant(body: GrantRequest, db: Db, token: Bearer) -> GrantResponse:
        """A store's points for a member from its budget (``sync/server/budgets.py``)."""
        term = ledger.authenticate(db, token)
        return budgets.authorize_grant(
            db, term, body.member_id, body.points, body.request_id, ledger.now_utc()
        )

    @app.post(f"{API}/redemptions/release", responses=refusals(*TERMINAL, *BODY))
    @committed
    def release(body: ReleaseRequest, db: Db, token: Bearer) -> ReleaseResponse:
        term = ledger.authenticate(db, token)
        return ledger.release(db, term, body.request_id)

    @app.post(f"{API}/plus/codes/claim", responses=refusals(*TERMINAL, 404, 409, 422, *BODY))
    @committed
    def claim_plus_code(body: PlusCodeClaim, db: Db, token: Bearer) -> PlusCodeClaimed:
        """A counter redeems a PLUS activation code for a member: claimed once, online."""
        term = ledger.authenticate(db, token)
        claimed = plus_codes.claim(
            db,
            terminal_id=term.terminal_id,
            code=body.code,
            member_id=body.member_id,
            request_id=body.request_id,
            now=ledger.now_utc(),
        )
        return PlusCodeClaimed(**dataclasses.asdict(claimed))

    @app.post(f"{API}/codes/card", responses=refusals(*TERMINAL, 404, 409, *BODY))
    @committed
    def card_code(body: CardCodeRequest, db: Db, token: Bearer) -> CardCodeResponse:
        ledger.authenticate(db, token)
        code = keys.card_code(db, body.member_id, signing_key)
        return CardCodeResponse(member_id=body.member_id, code=code)

    @app.post(f"{API}/codes/credential", responses=refusals(*TERMINAL, 404, 409, *BODY))
    @committed
    def credential(body: CredentialRequest, db: Db, token: Bearer) -> CredentialResponse:
        ledger.authenticate(db, token)
        try:
            device = base64.b64decode(body.device_key, validate=True)
        except ValueError:
            raise Refused(422, "bad_device_key", "The device key is not base64.") from None
        issued = keys.device_credential(
            db, body.member_id, device, ledger.now_utc().date(), signing_key
        )
        return CredentialResponse(
            key_id=issued.key_id,
            member_id=issued.member_id,
            device_key=base64.b64encode(issued.device_key).decode(),
            expires_on=issued.expires_on.isoformat(),
            ledger_signature=base64.b64encode(issued.ledger_signature).decode(),
        )

    @app.get(f"{API}/members/{{query}}", responses=refusals(*TERMINAL, 404))
    @committed
    def member(query: MemberQuery, db: ReadDb, token: Bearer) -> MemberState:
        ledger.authenticate(db, token)
        return ledger.member_state(db, ledger.find_member(db, query))

    @app.get(f"{API}/members/{{query}}/history", responses=refusals(*TERMINAL, 404))
    @committed
    def member_history(
        query: MemberQuery,
        db: ReadDb,
        token: Bearer,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
    ) -> MemberHistoryPage:
        """The member's latest events that moved points, at every counter (bounded reads)."""
        ledger.authenticate(db, token)
        member = ledger.find_member(db, query)
        return MemberHistoryPage(
            member_id=member.member_id,
            events=[
                HistoryEvent(
                    event_id=e.event_id,
                    kind=e.kind,
                    points=e.points,
                    store_code=e.store_code,
                    terminal_id=e.terminal_id,
                    ledger_time=e.ledger_time,
                    business_day=e.business_day,
                )
                for e in member_view.recent_events(db, member.member_id, limit)
            ],
        )

    @app.get(f"{API}/coupons/{{code}}", responses=refusals(*TERMINAL, 404))
    @committed
    def coupon(code: CouponCode, db: ReadDb, token: Bearer) -> CouponCheck:
        """A coupon as the ledger knows it now (a sale asks before it uses one, online)."""
        ledger.authenticate(db, token)
        found = profile.coupon_state(db, code.strip().upper())
        if found is None:
            raise Refused(404, "unknown_coupon", f"No coupon {code!r} at the ledger.")
        return CouponCheck(member_id=found[0], coupon=CouponState.model_validate(found[1]))

    @app.get(f"{API}/flags", responses=refusals(*TERMINAL))
    @committed
    def open_flags(
        db: ReadDb, token: Bearer, member_id: MemberFilter = None, include_resolved: bool = False
    ) -> FlagList:
        ledger.authenticate(db, token)
        return FlagList(
            flags=flags.list_flags(db, member_id=member_id, open_only=not include_resolved)
        )

    @app.post(f"{API}/flags/{{flag_id}}/resolve", responses=refusals(*TERMINAL, 404, *BODY))
    @committed
    def resolve_flag(
        flag_id: Annotated[int, Path(ge=1, le=MAX_INT64)],
        body: ResolveFlagRequest,
        db: Db,
        token: Bearer,
    ) -> FlagView:
        term = ledger.authenticate(db, token)
        return flags.resolve_flag(
            db, flag_id, note=body.note, resolved_by=body.resolved_by, terminal_id=term.terminal_id
        )

    # ------------------------------------------------------------------ operator endpoints
    @app.post(f"{API}/admin/terminals", responses=refusals(*OPERATOR, 409, *BODY))
    @committed
    def add_terminal(body: AddTerminalRequest, db: Db, _: Admin) -> AddTerminalResponse:
        code = ledger.add_terminal(db, body.terminal_id, body.store_code, ledger.rule_book(db))
        return AddTerminalResponse(terminal_id=body.terminal_id, pairing_code=code)

    @app.post(f"{API}/admin/terminals/{{terminal_id}}/revoke", responses=refusals(*OPERATOR, 404))
    @committed
    def revoke(terminal_id: TerminalPath, db: Db, _: Admin) -> RevokeResponse:
        ledger.revoke(db, terminal_id)
        return RevokeResponse(terminal_id=terminal_id, status="revoked")

    @app.post(f"{API}/admin/rules", responses=refusals(*OPERATOR, 409, *BODY))
    @committed
    def publish(body: RuleBookDocument, db: Db, _: Admin) -> PublishResponse:
        rules = ledger.publish_rules(db, body.model_dump())
        return PublishResponse(version=rules.version)

    @app.get(f"{API}/admin/report", responses=refusals(*OPERATOR))
    @committed
    def report(db: ReadDb, _: Admin) -> dict[str, Any]:
        return ledger.report(db)

    # Members' phones: the counter's endpoints, then the member page's API and its files.
    from sync.server import phone_api
    from sync.server.member_page import api as page_api
    from sync.server.member_page import files as page_files

    app.include_router(phone_api.router(engine, bearer, public_url))
    app.include_router(page_api.router(engine, signing_key))
    app.include_router(page_files.router())

    default_openapi = app.openapi

    def openapi_with_push_request() -> dict[str, Any]:
        # The push endpoint parses its body itself (parse_push): its schema is added here.
        if app.openapi_schema is None:
            schema = default_openapi()
            schemas = schema.setdefault("components", {}).setdefault("schemas", {})
            push_request = PushRequest.model_json_schema(ref_template=SCHEMA_REF)
            schemas.update(push_request.pop("$defs", {}))
            schemas["PushRequest"] = push_request
        return app.openapi_schema or {}

    app.openapi = openapi_with_push_request  # type: ignore[method-assign]
    return app
