"""Apply a request once: the same request id returns the first result; another request under
the same id is refused. The check, the work and the record share one write transaction."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, RequestConflict
from app.services.context import ServiceContext
from app.store.models import RequestRecord
from app.store.outbox import canonical_json

R = TypeVar("R")

MAX_REQUEST_ID = 64


def check_request_id(request_id: str) -> str:
    cleaned = request_id.strip()
    if not cleaned or len(cleaned) > MAX_REQUEST_ID or not cleaned.isprintable():
        raise InvalidInput(
            f"A request id is 1 to {MAX_REQUEST_ID} printable characters.", field="request_id"
        )
    return cleaned


def fingerprint(operation: str, inputs: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json([operation, inputs]).encode()).hexdigest()


def _replay(seen: RequestRecord, operation: str, print_: str, result_type: type[R]) -> R:
    if seen.operation != operation or seen.fingerprint != print_:
        raise RequestConflict(
            f"Request {seen.request_id} was already used for a different "
            f"{seen.operation}; nothing was changed. Start a new transaction.",
            request_id=seen.request_id,
        )
    return result_type(**json.loads(seen.result))


def earlier_result(
    ctx: ServiceContext,
    *,
    request_id: str,
    operation: str,
    inputs: dict[str, Any],
    result_type: type[R],
) -> R | None:
    """The first result of a request already applied, None for a new one. Asked before
    anything leaves the terminal (a ledger hold), so a retry prints its first result even
    when the points it spent are gone."""
    request_id = check_request_id(request_id)
    with ctx.read() as session:
        seen = session.get(RequestRecord, request_id)
        if seen is None:
            return None
        return _replay(seen, operation, fingerprint(operation, inputs), result_type)


def run_once(
    ctx: ServiceContext,
    *,
    request_id: str,
    operation: str,
    inputs: dict[str, Any],
    result_type: type[R],
    work: Callable[[Session], R],
) -> R:
    request_id = check_request_id(request_id)
    print_ = fingerprint(operation, inputs)
    with ctx.write() as session:
        seen = session.get(RequestRecord, request_id)
        if seen is not None:
            return _replay(seen, operation, print_, result_type)
        result = work(session)
        session.add(
            RequestRecord(
                request_id=request_id,
                operation=operation,
                fingerprint=print_,
                result=json.dumps(dataclasses.asdict(result)),  # type: ignore[call-overload]
                created_at=ctx.now(),
            )
        )
        return result
