"""The ledger's API takes any input without a 5xx, and says so in its OpenAPI document.

schemathesis (the real command line, a fixed seed, every check) runs against a real ledger
over HTTP on SQLite and on PostgreSQL, once without credentials and once with a paired
terminal's credential and the operator's admin token, and must find nothing. The requests
it found answered 500 before (issue 15) are kept below as named regression tests.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import requests

from sync.protocol import API
from sync.server import ledger as ledger_rules

from .conftest import ADMIN_TOKEN, LedgerServer

BIN = Path(sys.executable).parent
CONFIG = Path(__file__).with_name("schemathesis.toml")
SEED = 20261206
# Test cases per operation and phase: about 1,200 requests per run, each run 30-50 s on a
# shared 2-core machine.
MAX_EXAMPLES = 20
CREDENTIAL = "fuzz-terminal-credential-0123456789abcdef"
REFUSAL_FIELDS = {"code", "message", "fields", "expected_seq"}


def _pair(ledger: LedgerServer) -> str:
    code = ledger.add_terminal("F01", "S001")
    reply = requests.post(
        f"{ledger.url}{API}/pair",
        json={"terminal_id": "F01", "pairing_code": code, "credential": CREDENTIAL},
        timeout=10,
    )
    assert reply.status_code == 200, reply.text
    return CREDENTIAL


def _seed_members(ledger: LedgerServer) -> None:
    from sqlalchemy.orm import Session

    with Session(ledger.engine) as session, session.begin():
        ledger_rules.import_members(
            session,
            [{"member_id": "M1", "phone": "13900000001", "name": "Fuzz", "points": "100"}],
            ledger_rules.rule_book(session),
        )


def _schemathesis(ledger: LedgerServer, tmp_path: Path, *headers: str) -> str:
    argv = [
        str(BIN / "schemathesis"),
        "--config-file",
        str(CONFIG),
        "run",
        f"{ledger.url}/openapi.json",
        "--checks",
        "all",
        "--seed",
        str(SEED),
        "--max-examples",
        str(MAX_EXAMPLES),
        "--generation-allow-x00",
        "true",
        # one worker: the same requests in the same order every run (and two workers
        # raced inside hypothesis's own caches)
        "--workers",
        "1",
        "--no-color",
        *(item for header in headers for item in ("-H", header)),
    ]
    done = subprocess.run(
        argv, capture_output=True, text=True, timeout=300, check=False, cwd=tmp_path
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-12_000:]
    generated = re.search(r"(\d+) generated", output)
    assert generated is not None, output[-3_000:]
    assert int(generated.group(1)) > 300, output[-3_000:]  # it did run, and at length
    print(
        f"schemathesis {' '.join(h.split(':')[0] for h in headers) or 'anonymous'}: "
        f"{generated.group(1)} test cases, no failure"
    )
    return output


def test_schemathesis_finds_nothing(ledger: LedgerServer, tmp_path: Path) -> None:
    _seed_members(ledger)
    credential = _pair(ledger)
    _schemathesis(ledger, tmp_path)  # no credential, no admin token
    _schemathesis(
        ledger, tmp_path, f"Authorization: Bearer {credential}", f"X-Admin-Token: {ADMIN_TOKEN}"
    )
    # The ledger still serves its terminal afterwards.
    reply = requests.get(
        f"{ledger.url}{API}/changes",
        headers={"Authorization": f"Bearer {credential}"},
        timeout=10,
    )
    assert reply.status_code in (200, 401, 403), reply.text


# ------------------------------------------------------------------ the 500s found before

BIG = str(2**64)  # past 64 bits: SQLite's driver overflowed, PostgreSQL's took it as numeric


def _refused(reply: requests.Response, status: int, code: str | None = None) -> dict[str, Any]:
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith("application/json")
    body = reply.json()
    assert set(body) == REFUSAL_FIELDS, body
    if code is not None:
        assert body["code"] == code, body
    return dict(body)


@pytest.fixture
def credential(ledger: LedgerServer) -> str:
    return _pair(ledger)


def _terminal(credential: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {credential}"}


def _operator() -> dict[str, str]:
    return {"X-Admin-Token": ADMIN_TOKEN}


def test_changes_since_past_64_bits_is_refused(ledger: LedgerServer, credential: str) -> None:
    for query in (f"since={BIG}", f"checkpoint={BIG}", "since=-1"):
        reply = requests.get(
            f"{ledger.url}{API}/changes?{query}", headers=_terminal(credential), timeout=10
        )
        body = _refused(reply, 422, "malformed")
        assert body["fields"] == [query.split("=")[0]]


def test_snapshot_checkpoint_past_64_bits_is_refused(ledger: LedgerServer, credential: str) -> None:
    reply = requests.get(
        f"{ledger.url}{API}/snapshot?checkpoint={BIG}", headers=_terminal(credential), timeout=10
    )
    assert _refused(reply, 422, "malformed")["fields"] == ["checkpoint"]


def test_resolving_flag_past_64_bits_is_refused(ledger: LedgerServer, credential: str) -> None:
    reply = requests.post(
        f"{ledger.url}{API}/flags/{BIG}/resolve",
        json={"note": "checked", "resolved_by": "Wang"},
        headers=_terminal(credential),
        timeout=10,
    )
    assert _refused(reply, 422, "malformed")["fields"] == ["flag_id"]


def test_nul_in_a_pairing_request_is_refused_before_authentication(
    ledger: LedgerServer,
) -> None:
    ledger.add_terminal("T01")
    for body in (
        {"terminal_id": "T\x0001", "pairing_code": "ABCD-EF01-2345"},
        {"terminal_id": "T01", "pairing_code": "ABCD-EF01\x00-2345"},
        {"terminal_id": "T01\nINFO forged line", "pairing_code": "ABCD-EF01-2345"},
    ):
        reply = requests.post(f"{ledger.url}{API}/pair", json=body, timeout=10)
        _refused(reply, 422, "malformed")


def test_nul_in_paths_and_queries_is_refused(ledger: LedgerServer, credential: str) -> None:
    headers = _terminal(credential)
    for path in (
        "/members/M%001",
        "/snapshot?after=M%001",
        "/flags?member_id=M%001",
        "/members/" + "9" * 41,
    ):
        reply = requests.get(f"{ledger.url}{API}{path}", headers=headers, timeout=10)
        _refused(reply, 422, "malformed")
    reply = requests.post(
        f"{ledger.url}{API}/redemptions/authorize",
        json={"member_id": "M\x001", "points": 1, "request_id": "r\x00"},
        headers=headers,
        timeout=10,
    )
    assert set(_refused(reply, 422, "malformed")["fields"]) == {"member_id", "request_id"}


def test_admin_bodies_are_typed(ledger: LedgerServer) -> None:
    url = f"{ledger.url}{API}/admin"
    for body in (
        {"terminal_id": "T" * 200, "store_code": "S001"},  # past the column: 500 before
        {"terminal_id": "T01", "store_code": "S\x00"},
        {"terminal_id": "T01"},
        {"terminal_id": 7, "store_code": "S001"},
        ["T01", "S001"],
    ):
        reply = requests.post(f"{url}/terminals", json=body, headers=_operator(), timeout=10)
        _refused(reply, 422, "malformed")
    for rules in ({"version": 2**40}, {"version": "x"}, [], {}):
        reply = requests.post(f"{url}/rules", json=rules, headers=_operator(), timeout=10)
        _refused(reply, 422, "malformed")
    reply = requests.post(f"{url}/rules", json={"version": 99}, headers=_operator(), timeout=10)
    _refused(reply, 422, "invalid_rule_book")
    reply = requests.post(f"{url}/terminals/T%0A1/revoke", headers=_operator(), timeout=10)
    _refused(reply, 422, "malformed")
    reply = requests.post(
        f"{url}/terminals",
        json={"terminal_id": "T01", "store_code": "S001"},
        headers=_operator(),
        timeout=10,
    )
    assert reply.status_code == 200
    assert set(reply.json()) == {"terminal_id", "pairing_code"}


def test_admin_token_with_non_ascii_characters_is_refused(ledger: LedgerServer) -> None:
    # compare_digest raised TypeError on a str with non-ASCII characters: a 500.
    reply = requests.get(
        f"{ledger.url}{API}/admin/report",
        headers={"X-Admin-Token": "t\u00e9st".encode("latin-1")},  # type: ignore[dict-item]
        timeout=10,
    )
    _refused(reply, 403, "not_operator")


def test_a_body_that_is_not_json_text_is_a_refusal(ledger: LedgerServer) -> None:
    for data in (b"\xff\xfe", b"{", b"null"):
        reply = requests.post(
            f"{ledger.url}{API}/pair",
            data=data,
            headers={"Content-Type": "application/json"},
            timeout=10,
        )
        assert reply.status_code in (400, 422), reply.text
        _refused(reply, reply.status_code)
    reply = requests.get(f"{ledger.url}/nowhere", timeout=10)
    _refused(reply, 404, "not_found")
    reply = requests.delete(f"{ledger.url}{API}/pair", timeout=10)
    _refused(reply, 405, "method_not_allowed")


def test_every_refusal_status_is_documented_with_the_refusal_body(
    ledger: LedgerServer,
) -> None:
    document = requests.get(f"{ledger.url}/openapi.json", timeout=10).json()
    assert "HTTPValidationError" not in document["components"]["schemas"]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "422" in responses, (method, path)
            for status, response in responses.items():
                if status.startswith("4") or status.startswith("5"):
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/Refusal"}, (method, path)
            if path.startswith(f"{API}/admin"):
                assert "403" in responses
            elif path.startswith("/phone/api/"):  # the member page: signed by the phone
                assert "401" in responses, (method, path)
            elif path not in (f"{API}/health", f"{API}/pair"):
                assert {"401", "403"} <= set(responses), (method, path)


def test_an_enrollment_the_members_table_cannot_hold_is_a_business_rejection(
    ledger: LedgerServer,
) -> None:
    # A NUL or an overlong name failed the push on PostgreSQL (a 500 that blocked the queue).
    from sync.client.http import LedgerClient

    from .support import make_chain

    code = ledger.add_terminal("E01", "S001")
    client = LedgerClient(ledger.url, LedgerClient(ledger.url).pair("E01", code).credential)
    enroll = {
        "member_id": "E1",
        "phone": "13900000031",
        "enrolled_on": "2026-12-01",
        "store": "S001",
    }
    events = make_chain(
        "E01",
        [
            ("member_enrolled", {**enroll, "name": "Wang\x00Fang"}),
            ("member_enrolled", {**enroll, "name": "N" * 81}),
            ("member_enrolled", {**enroll, "member_id": "E" * 33}),
            ("member_enrolled", {**enroll, "phone": "1" * 21}),
            ("member_enrolled", {**enroll, "name": "Wang Fang"}),
        ],
    )
    try:
        results = client.push(events).results
    finally:
        client.close()
    assert [(r.status, r.code) for r in results] == [("rejected", "bad_payload")] * 4 + [
        ("applied", None)
    ]
