"""The versioned wire protocol between a terminal and the central ledger (JSON over HTTP).

Version 1. Every message is one of these models; both ends validate with them, so a field
added on one side and not the other fails loudly in tests, never silently in a shop.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, cast, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
API = "/v1"
MAX_BATCH = 500  # events per push
MAX_BODY_BYTES = 4 * 1024 * 1024
MAX_PAGE = 5000  # members per pull or snapshot page
MAX_INT64 = 2**63 - 1  # every integer a request carries fits a 64-bit column
MAX_INT32 = 2**31 - 1  # ... and a 32-bit one where the column is (epochs, rule book versions)

# Text in a request: no control characters (a NUL cannot be stored in PostgreSQL, a newline
# would forge a log line), no C1 controls, no line or paragraph separators. Lone surrogates
# are refused by pydantic itself. Stated as a pattern, so that OpenAPI documents it.
PRINTABLE = r"^[^\x00-\x1f\x7f-\x9f\u2028\u2029]*$"
# A terminal id: what ``memberdesk-ledger terminal add`` accepts and a pairing request
# carries, so an id the operator can add is one that can pair (and be a log field as it is).
TERMINAL_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
TERMINAL_ID_MAX = 64
TerminalId = Annotated[
    str, Field(min_length=1, max_length=TERMINAL_ID_MAX, pattern=TERMINAL_ID_PATTERN)
]
MemberId = Annotated[str, Field(min_length=1, max_length=32, pattern=PRINTABLE)]
StoreCode = Annotated[str, Field(min_length=1, max_length=32, pattern=PRINTABLE)]


_CODE_CHAR = "[A-HJ-NP-Za-hj-np-z2-9]"
PLUS_CODE = rf"^{_CODE_CHAR}{{4}}(-?{_CODE_CHAR}{{4}}){{3}}$"


def text(min_length: int = 0, max_length: int = 64) -> Any:
    """A printable string field of a request, ``min_length`` to ``max_length`` characters."""
    return Field(min_length=min_length, max_length=max_length, pattern=PRINTABLE)


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ------------------------------------------------------------------------------- pairing


class PairRequest(Message):
    terminal_id: TerminalId
    pairing_code: str = text(6, 64)
    # The secret the terminal made for itself (the ledger keeps only its hash): the same
    # request again, after a lost reply, gets the same pairing. None: the ledger makes one.
    credential: str | None = Field(default=None, min_length=32, max_length=128, pattern=PRINTABLE)
    # The chain epoch this ledger already took the terminal's events in, if any (it keeps
    # that chain); otherwise a terminal id paired before starts a new epoch.
    resume_epoch: int | None = Field(default=None, ge=1, le=MAX_INT32)


class PairResponse(Message):
    terminal_id: str
    store_code: str
    credential: str  # shown once; the ledger keeps only its hash
    ledger_time: str
    epoch: int = 1  # the chain this pairing writes: its events start at seq 1 of it


# ---------------------------------------------------------------------------------- push


class WireEvent(Message):
    event_id: str = text(36, 36)
    terminal_id: str = text(1, TERMINAL_ID_MAX)
    # the terminal's chain epoch (see PairResponse)
    epoch: int = Field(default=1, ge=1, le=MAX_INT32)
    seq: int = Field(ge=1, le=MAX_INT64)
    kind: str = text(1, 32)
    payload: str = text(0, 64_000)  # canonical JSON, exactly as hashed
    prev_hash: str = text(64, 64)
    hash: str = text(64, 64)
    created_at: str = text(0, 40)  # the terminal's clock: metadata, never ledger time


class PushRequest(Message):
    protocol: Literal[1] = 1
    events: list[WireEvent] = Field(max_length=MAX_BATCH)


EventStatus = Literal["applied", "rejected"]


class EventResult(Message):
    event_id: str
    seq: int
    status: EventStatus
    code: str | None = None  # why a rejection happened, for the screen
    reason: str | None = None
    ledger_time: str


class PushResponse(Message):
    results: list[EventResult]
    applied_through_seq: int  # the terminal's last event the ledger has taken
    ledger_time: str


class Refusal(Message):
    """Every 4xx body: what was wrong, in words, and a stable code."""

    code: str
    message: str
    fields: list[str] = []
    expected_seq: int | None = None


# ---------------------------------------------------------------------------------- pull


class Bucket(Message):
    expires_on: str | None
    points: int


class ProfileDay(Message):
    """A member's bucket of one business day at the ledger, from every counter's events
    (``app.domain.profile``): net spend, purchases, refunds and net spend per category."""

    day: str
    spend_fen: int
    purchases: int
    refunds: int
    categories: dict[str, int]


class CouponState(Message):
    """A coupon the ledger knows (issued at any counter), usable at every counter."""

    code: str
    template: str
    valid_from: str
    valid_until: str
    used: bool  # used at some counter and not given back by a full refund


class CouponCheck(Message):
    """``GET /v1/coupons/{code}``: the coupon as the ledger knows it now."""

    member_id: str
    coupon: CouponState


class MemberState(Message):
    member_id: str
    phone: str
    name: str
    birthday: str | None
    enrolled_on: str
    home_store: str
    plus_expires_on: str | None
    status: str
    points: int
    overdraft: int
    growth: int  # as of the member's last change; counters derive theirs from ``days``
    buckets: list[Bucket]
    days: list[ProfileDay] = []  # the buckets of the last 365 days (and a day's slack)
    coupons: list[CouponState] = []  # the member's coupons not yet expired
    referrer: str | None = None  # the member who referred them at enrolment
    id_last4: str | None = None  # set once a supervisor verified the real name
    credit_score: int | None = None  # imported at the ledger; None: unknown
    risk_flags: int = 0  # the ledger's open flags on the member's conduct
    # points by scope (app/domain/stores.py): "mall", a joint group or a single store's code;
    # ``points`` and ``buckets`` are those of the asking terminal's own scope
    scopes: dict[str, int] = {}


class PublicKey(Message):
    key_id: str
    public_key: str  # base64 of the 32-byte Ed25519 public key
    revoked: bool


class ChangesPage(Message):
    checkpoint: int  # the cursor this pull is complete at; apply only when more is False
    next_cursor: int
    more: bool
    members: list[MemberState]
    rule_book: dict[str, object] | None
    applied_through_seq: int
    ledger_time: str
    keys: list[PublicKey] = []  # the whole key set, every page (it is small)
    # Removed phones whose credentials have not expired (hex device keys), the whole set on
    # every page; None: a ledger that keeps no phones (keep what the terminal has).
    removed_devices: list[str] | None = None


class SnapshotPage(Message):
    checkpoint: int  # after the last page, pull changes since this cursor
    after: str | None  # resume after this member id
    more: bool
    members: list[MemberState]
    rule_book: dict[str, object] | None
    applied_through_seq: int
    ledger_time: str
    keys: list[PublicKey] = []
    removed_devices: list[str] | None = None


# ---------------------------------------------------------------------------- member codes


class CardCodeRequest(Message):
    member_id: MemberId


class CardCodeResponse(Message):
    member_id: str
    code: str


class CredentialRequest(Message):
    member_id: MemberId
    # base64 of the 32-byte Ed25519 public key
    device_key: str = Field(min_length=44, max_length=44, pattern=r"^[A-Za-z0-9+/]{43}=$")


class CredentialResponse(Message):
    key_id: str
    member_id: str
    device_key: str
    expires_on: str
    ledger_signature: str  # base64


# ------------------------------------------------------------------------ members' phones


class PhoneBindingRequest(Message):
    member_id: MemberId


class PhoneBindingResponse(Message):
    """A one-time binding code as the link the member's phone opens (shown as a QR)."""

    member_id: str
    url: str
    expires_at: str


class PhoneView(Message):
    device_id: str  # hex of the phone's public key
    label: str
    bound_at: str
    last_seen_at: str


class PhoneList(Message):
    member_id: str
    phones: list[PhoneView]


class PhoneRemoved(Message):
    member_id: str
    device_id: str
    status: Literal["removed"]


# ---------------------------------------------------------------------- online redemption


class AuthorizeRequest(Message):
    member_id: MemberId
    points: int = Field(ge=1, le=10_000_000)
    request_id: str = text(1, 64)


class AuthorizeResponse(Message):
    approved: bool
    balance: int  # the ledger's true balance, less holds, before this redemption
    hold_id: str | None
    reason: str | None
    ledger_time: str


class GrantRequest(Message):
    """A store grants points it funds from its budget at the ledger (online only)."""

    member_id: MemberId
    points: int = Field(ge=1, le=1_000_000)
    request_id: str = text(1, 64)


class GrantResponse(Message):
    approved: bool
    budget_left: int  # the store's budget after this grant (before it, when refused)
    reason: str | None
    ledger_time: str


class ReleaseRequest(Message):
    request_id: str = text(1, 64)


class ReleaseResponse(Message):
    released: bool  # False: no live hold of this terminal's request (consumed, gone, none)
    ledger_time: str


class PlusCodeClaim(Message):
    """``POST /v1/plus/codes/claim``: bind a PLUS activation code to a member, for this
    terminal's request (a retry of the same request gets the same answer)."""

    # 16 of the codes' letters and digits (no 0/O, 1/I), any case, in groups of four with
    # or without dashes (app.domain.plus_codes): anything else is no code
    code: str = Field(pattern=PLUS_CODE)
    member_id: MemberId
    request_id: str = text(1, 64)


class PlusCodeClaimed(Message):
    channel: str  # bank, airline, cobrand, corporate
    batch: str
    validity_days: int
    code_hash: str
    last4: str


class Health(Message):
    status: Literal["ok"]
    protocol: int
    ledger_time: str
    database: str


# ------------------------------------------------------------------------ flags to review


class FlagView(Message):
    """Something the ledger flagged for a person (an overdraft, a recomputed purchase that
    disagrees, a member code used at two terminals), and its resolution once there is one."""

    flag_id: int
    kind: str
    member_id: str | None
    event_id: str | None
    points: int
    detail: str
    created_at: str
    resolved_at: str | None = None
    resolved_by: str | None = None
    resolved_at_terminal: str | None = None
    note: str | None = None


class FlagList(Message):
    flags: list[FlagView]


class ResolveFlagRequest(Message):
    note: str = text(1, 500)  # what was checked and done
    resolved_by: str = text(1, 64)  # the supervisor's name


# ------------------------------------------------------------------------ operator (admin)


class AddTerminalRequest(Message):
    terminal_id: TerminalId
    store_code: StoreCode


class AddTerminalResponse(Message):
    terminal_id: str
    pairing_code: str  # one time, valid 24 hours


class RevokeResponse(Message):
    terminal_id: str
    status: Literal["revoked"]


class RuleBookDocument(BaseModel):
    """A rule book to publish (``docs/rule-book.md``): its version is checked here, the rest
    by the rule book's own parser, which names the bad field."""

    model_config = ConfigDict(extra="allow")
    version: int = Field(ge=1, le=MAX_INT32)


class PublishResponse(Message):
    version: int


# ------------------------------------------------------------------- a member's history


class HistoryEvent(Message):
    """An event that moved the member's points, at any counter of the mall."""

    event_id: str | None  # None: the ledger's own movement (expiry, import)
    kind: str
    points: int  # net, for this member
    store_code: str
    terminal_id: str | None
    ledger_time: str
    business_day: str | None  # the shop's day, when the event carries it


class MemberHistoryPage(Message):
    member_id: str
    events: list[HistoryEvent]  # newest first


# ------------------------------------------------------------ member pages, validated fast


_Checks = dict[str, tuple[object, bool]]


def _field_checks(model: type[Message]) -> _Checks:
    """(kind, may be null) per field of a model made of plain ``str``/``int``/``bool``
    fields, ``dict[str, int]`` and lists of such models (checked by their own table)."""
    checks: _Checks = {}
    for name, info in model.model_fields.items():
        kind, nullable = info.annotation, False
        args = get_args(kind)
        if type(None) in args:
            kind, nullable = next(a for a in args if a is not type(None)), True
        if get_origin(kind) is list:
            (item,) = get_args(kind)
            if not (isinstance(item, type) and issubclass(item, Message)):
                raise TypeError(f"{model.__name__}.{name}: no fast check for {info.annotation}")
            checks[name] = (_field_checks(item), nullable)
        elif kind == dict[str, int]:
            checks[name] = (dict, nullable)
        elif kind in (str, int, bool) and not info.metadata:
            checks[name] = (cast(type, kind), nullable)
        else:
            raise TypeError(f"{model.__name__}.{name}: no fast check for {info.annotation}")
    return checks


_MEMBER_CHECKS = _field_checks(MemberState)


def _checked(item: object, checks: _Checks, what: str) -> dict[str, Any]:
    if not isinstance(item, dict) or item.keys() != checks.keys():
        raise ValueError(f"{what} does not have exactly the fields of protocol {PROTOCOL_VERSION}")
    for name, (kind, nullable) in checks.items():
        value = item[name]
        if value is None and nullable:
            continue
        if isinstance(kind, dict):
            if not isinstance(value, list):
                raise ValueError(f"{what}: {name} is not a list")
            for element in value:
                _checked(element, kind, f"{what}: one of {name}")
        elif kind is dict:
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and type(v) is int for k, v in value.items()
            ):
                raise ValueError(f"{what}: {name} is not an object of whole numbers")
        elif type(value) is not kind:  # exactly: a bool is not an int here
            raise ValueError(f"{what}: {name} is not {cast(type, kind).__name__}")
    return item


def checked_members(items: object) -> list[dict[str, Any]]:
    """The ``members`` of a changes or snapshot page, parsed from JSON (dicts and lists),
    checked against ``MemberState`` field by field (exactly its fields, each of its type;
    strict: no coercion) without building a model per member — a bootstrap parses a million.
    Raises ValueError naming the first member that does not match."""
    if not isinstance(items, list):
        raise ValueError("members is not a list")
    for index, item in enumerate(items):
        _checked(item, _MEMBER_CHECKS, f"member {index}")
    return items
