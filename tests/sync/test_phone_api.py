"""The member page's API at a real ledger over HTTP (SQLite and PostgreSQL): a binding code
works once and for minutes; every request must be signed by the phone's key, fresh and not
seen before; bad input is refused with nothing written; the credential is the MD1D one of
docs/member-codes.md; a removed phone is refused at once and listed to terminals."""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import update
from sqlalchemy.orm import Session

from app.domain import codes
from sync.protocol import API
from sync.server import ledger as ledger_rules
from sync.server.models import PhoneBinding

from .conftest import LedgerServer

CREDENTIAL = "phone-test-terminal-credential-0123456789"


class Phone:
    """A phone's browser as the page drives it: its key, and requests signed with it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.key = Ed25519PrivateKey.generate()
        self.public = self.key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    def headers(
        self, method: str, path: str, body: bytes, *, at: int | None = None, nonce: str = ""
    ) -> dict[str, str]:
        when = str(int(time.time()) if at is None else at)
        nonce = nonce or secrets.token_urlsafe(18)
        digest = hashlib.sha256(body).hexdigest()
        message = f"MD1P|{method}|{path}|{when}|{nonce}|{digest}".encode()
        return {
            "X-MD-Device": self.public.hex(),
            "X-MD-Time": when,
            "X-MD-Nonce": nonce,
            "X-MD-Signature": self.key.sign(message).hex(),
            "Content-Type": "application/json",
        }

    def call(self, method: str, path: str, body: Any = None, **sign: Any) -> requests.Response:
        data = b"" if body is None else requests.models.complexjson.dumps(body).encode()
        return requests.request(
            method,
            f"{self.url}{path}",
            data=data or None,
            headers=self.headers(method, path, data, **sign),
            timeout=10,
        )

    def bind(self, token: str) -> requests.Response:
        return self.call("POST", "/phone/api/bind", {"token": token, "label": "Test phone"})


def _terminal(ledger: LedgerServer) -> dict[str, str]:
    code = ledger.add_terminal("P01", "S001")
    reply = requests.post(
        f"{ledger.url}{API}/pair",
        json={"terminal_id": "P01", "pairing_code": code, "credential": CREDENTIAL},
        timeout=10,
    )
    assert reply.status_code == 200, reply.text
    with Session(ledger.engine) as session, session.begin():
        ledger_rules.import_members(
            session,
            [
                {"member_id": "M1", "phone": "13900000001", "name": "Zhang Wei", "points": "80"},
                {"member_id": "M2", "phone": "13900000002", "name": "Li Na", "points": "0"},
            ],
            ledger_rules.rule_book(session),
        )
    return {"Authorization": f"Bearer {CREDENTIAL}"}


def _binding(ledger: LedgerServer, terminal: dict[str, str], member: str = "M1") -> str:
    reply = requests.post(
        f"{ledger.url}{API}/phones/bindings", json={"member_id": member}, headers=terminal,
        timeout=10,
    )  # fmt: skip
    assert reply.status_code == 200, reply.text
    url = reply.json()["url"]
    assert url.startswith(f"{ledger.url}/phone/#bind=")
    return str(url.rsplit("=", 1)[1])


def _refused(reply: requests.Response, status: int, code: str) -> str:
    assert (reply.status_code, reply.json()["code"]) == (status, code), reply.text
    return str(reply.json()["message"])


@pytest.fixture
def terminal(ledger: LedgerServer) -> dict[str, str]:
    return _terminal(ledger)


def test_a_binding_code_binds_once_and_the_credential_makes_codes_terminals_accept(
    ledger: LedgerServer, terminal: dict[str, str]
) -> None:
    token = _binding(ledger, terminal)
    phone = Phone(ledger.url)
    reply = phone.bind(token)
    assert reply.status_code == 200, reply.text
    bound = reply.json()
    assert bound["member_id"] == "M1"
    given = bound["credential"]
    credential = codes.DeviceCredential(
        given["key_id"],
        "M1",
        bytes.fromhex(given["device_key"]),
        codes.EPOCH + timedelta(days=given["expiry_day"]),
        bytes.fromhex(given["ledger_signature"]),
    )
    assert credential.device_key == phone.public
    keys = {
        k["key_id"]: base64.b64decode(k["public_key"])
        for k in requests.get(f"{ledger.url}{API}/changes", headers=terminal, timeout=10).json()[
            "keys"
        ]
    }
    now = datetime.now(UTC)
    read = codes.read_code(codes.dynamic_code(credential, phone.key, now), keys, now=now)
    assert isinstance(read, codes.DynamicCode) and read.member_id == "M1"

    # Works once: another phone with the same code is refused, nothing bound.
    _refused(Phone(ledger.url).bind(token), 409, "binding_unusable")
    phones = requests.get(f"{ledger.url}{API}/members/M1/phones", headers=terminal, timeout=10)
    assert [p["device_id"] for p in phones.json()["phones"]] == [phone.public.hex()]

    page = phone.call("GET", "/phone/api/me")
    assert page.status_code == 200, page.text
    me = page.json()
    assert (me["member_id"], me["points"]["balance"]) == ("M1", 80)
    assert me["tier"]["dimensions"][0]["code"] == "consumption"
    assert me["points"]["lots"] and me["credential"]["device_key"] == phone.public.hex()


def test_an_expired_unknown_or_damaged_binding_code_is_refused(
    ledger: LedgerServer, terminal: dict[str, str]
) -> None:
    token = _binding(ledger, terminal)
    with Session(ledger.engine) as session, session.begin():
        session.execute(
            update(PhoneBinding).values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    phone = Phone(ledger.url)
    assert "expired" in _refused(phone.bind(token), 409, "binding_unusable")
    assert "unknown" in _refused(phone.bind("A" * 26), 409, "binding_unusable")
    _refused(phone.bind("not-a-code"), 422, "malformed")
    reply = phone.call("POST", "/phone/api/bind", {"token": "A" * 26, "label": "x\u0000"})
    _refused(reply, 422, "malformed")
    assert phone.call("GET", "/phone/api/me").json()["code"] == "phone_unknown"


def test_every_request_is_signed_fresh_and_once(
    ledger: LedgerServer, terminal: dict[str, str]
) -> None:
    phone = Phone(ledger.url)
    assert phone.bind(_binding(ledger, terminal)).status_code == 200
    path = "/phone/api/me"
    headers = phone.headers("GET", path, b"")
    assert requests.get(f"{ledger.url}{path}", headers=headers, timeout=10).status_code == 200
    again = requests.get(f"{ledger.url}{path}", headers=headers, timeout=10)
    _refused(again, 401, "replayed_request")
    stale = phone.call("GET", path, at=int(time.time()) - 600)
    assert "ledger time" in _refused(stale, 401, "stale_request")
    _refused(requests.get(f"{ledger.url}{path}", timeout=10), 401, "not_signed")
    # Signed for another path, or by another key: refused.
    moved = phone.headers("GET", "/phone/api/phones", b"")
    _refused(requests.get(f"{ledger.url}{path}", headers=moved, timeout=10), 401, "not_signed")
    forged = {**phone.headers("GET", path, b""), "X-MD-Device": Phone("").public.hex()}
    _refused(requests.get(f"{ledger.url}{path}", headers=forged, timeout=10), 401, "not_signed")
    # A body changed on the way: refused, the binding code still unused.
    token = _binding(ledger, terminal, "M2")
    other = Phone(ledger.url)
    signed = other.headers("POST", "/phone/api/bind", b'{"token":"' + token.encode() + b'"}')
    changed = requests.post(
        f"{ledger.url}/phone/api/bind",
        data=b'{"token":"' + token.encode() + b'","label":"x"}',
        headers=signed,
        timeout=10,
    )
    _refused(changed, 401, "not_signed")
    assert other.bind(token).status_code == 200


def test_a_removed_phone_is_refused_at_once_and_listed_to_terminals(
    ledger: LedgerServer, terminal: dict[str, str]
) -> None:
    mine, lost = Phone(ledger.url), Phone(ledger.url)
    assert mine.bind(_binding(ledger, terminal)).status_code == 200
    assert lost.bind(_binding(ledger, terminal)).status_code == 200
    listed = mine.call("GET", "/phone/api/phones").json()["phones"]
    assert [p["this_phone"] for p in listed] == [True, False]
    # A member removes only their own phones.
    stranger = Phone(ledger.url)
    assert stranger.bind(_binding(ledger, terminal, "M2")).status_code == 200
    removing = f"/phone/api/phones/{lost.public.hex()}/remove"
    _refused(stranger.call("POST", removing), 404, "unknown_phone")
    assert mine.call("POST", removing).status_code == 200
    _refused(lost.call("GET", "/phone/api/me"), 401, "phone_removed")
    pulled = requests.get(f"{ledger.url}{API}/changes", headers=terminal, timeout=10).json()
    assert pulled["removed_devices"] == [lost.public.hex()]
    # The service desk removes the other one.
    reply = requests.post(
        f"{ledger.url}{API}/members/13900000001/phones/{mine.public.hex()}/remove",
        headers=terminal,
        timeout=10,
    )
    assert reply.json() == {
        "member_id": "M1", "device_id": mine.public.hex(), "status": "removed"
    }  # fmt: skip
    _refused(mine.call("GET", "/phone/api/me"), 401, "phone_removed")
    phones = requests.get(f"{ledger.url}{API}/members/M1/phones", headers=terminal, timeout=10)
    assert phones.json()["phones"] == []


def test_no_binding_for_a_member_whose_codes_are_withdrawn(
    ledger: LedgerServer, terminal: dict[str, str]
) -> None:
    with Session(ledger.engine) as session, session.begin():
        ledger_rules.set_codes_revoked(session, "M1", True)
    reply = requests.post(
        f"{ledger.url}{API}/phones/bindings", json={"member_id": "M1"}, headers=terminal,
        timeout=10,
    )  # fmt: skip
    _refused(reply, 409, "member_revoked")
    with Session(ledger.engine) as session:
        assert session.query(PhoneBinding).count() == 0


def test_the_page_is_served_under_a_strict_content_security_policy(ledger: LedgerServer) -> None:
    page = requests.get(f"{ledger.url}/phone/", timeout=10)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "http" not in policy
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in page.text and "https://" not in page.text  # no inline, no CDN
    for name in ("app.js", "vendor/qrcode.mjs", "vendor/noble-ed25519.LICENSE.txt", "sw.js"):
        assert requests.get(f"{ledger.url}/phone/{name}", timeout=10).status_code == 200
    manifest = requests.get(f"{ledger.url}/phone/manifest.webmanifest", timeout=10)
    assert manifest.json()["start_url"] == "/phone/"
    for bad in ("nothing.js", "..%2fapi.py", "%2e%2e/api.py", "../../etc/passwd"):
        assert requests.get(f"{ledger.url}/phone/{bad}", timeout=10).status_code == 404
