"""Member codes across the ledger and its terminals: keys reach terminals by sync, codes the
ledger signs scan offline, a copied phone code used at two counters is flagged at sync, and a
rotated or revoked key takes effect at the next sync."""

from __future__ import annotations

import base64
import json
from datetime import date

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import codes
from app.services.member_codes import CARD_CODE, PHONE_CODE
from sync.client.http import LedgerClient
from sync.server import keys
from sync.server.cli import main as memberdesk_ledger
from sync.server.models import Flag
from ui.composition import main as memberdesk

from .conftest import Counter, LedgerServer, TerminalFactory
from .support import secret


def two_counters(make_counter: TerminalFactory) -> tuple[Counter, Counter, str]:
    first, second = make_counter("T01", "S001"), make_counter("T02", "S001")
    lin = first.terminal.actor("lin")
    member_id = first.terminal.enroll("e-1", lin, phone="13912345678", name="Code").member_id
    first.syncer.round()
    second.syncer.round()
    return first, second, member_id


def phone_code(counter: Counter, member_id: str) -> str:
    """The member's phone: a device key the ledger certifies, signing the current step."""
    device = Ed25519PrivateKey.generate()
    public = device.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    client = LedgerClient(_url(counter), secret(counter))
    credential = client.device_credential(member_id, base64.b64encode(public).decode())
    issued = codes.DeviceCredential(
        credential.key_id,
        member_id,
        public,
        date.fromisoformat(credential.expires_on),
        base64.b64decode(credential.ledger_signature),
    )
    return codes.dynamic_code(issued, device, counter.clock.now())


def _url(counter: Counter) -> str:
    from sync.client import credentials

    saved = credentials.load(counter.terminal.settings.data_dir)
    assert saved is not None
    return saved.ledger_url


def card_code(counter: Counter, member_id: str) -> str:
    return LedgerClient(_url(counter), secret(counter)).card_code(member_id).code


def test_a_ledger_signed_card_scans_offline_at_another_counter(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    first, second, member_id = two_counters(make_counter)
    text = card_code(first, member_id)
    ledger.stop()  # the mall's network is down: the code is still checked at the counter

    found = second.terminal.scan(text)

    assert (found.member_id, found.via) == (member_id, CARD_CODE)


def test_a_copied_phone_code_used_at_two_counters_is_flagged_at_sync(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    first, second, member_id = two_counters(make_counter)
    text = phone_code(first, member_id)

    assert first.terminal.scan(text).via == PHONE_CODE
    with pytest.raises(codes.CodeReplayed):
        first.terminal.scan(text)  # the same counter refuses it at once
    assert second.terminal.scan(text).via == PHONE_CODE  # offline, the other cannot know
    first.syncer.round()
    second.syncer.round()

    with Session(ledger.engine) as session:
        flags = session.scalars(select(Flag).where(Flag.kind == "code_replay")).all()
    assert [(f.member_id, "T01" in f.detail and "T02" in f.detail) for f in flags] == [
        (member_id, True)
    ]
    assert first.terminal.outbox_waiting() == second.terminal.outbox_waiting() == 0


def test_a_rotated_key_is_learnt_at_sync_and_a_revoked_one_refused(
    ledger: LedgerServer, make_counter: TerminalFactory
) -> None:
    first, second, member_id = two_counters(make_counter)
    old_card = card_code(first, member_id)
    with Session(ledger.engine) as session, session.begin():
        old_key = keys.public_keys(session)[0].key_id
        keys.rotate(session)
    new_card = card_code(first, member_id)
    assert new_card.split(".")[1] != old_key

    with pytest.raises(codes.CodeUnknownKey, match="Sync the terminal"):
        second.terminal.scan(new_card)
    second.syncer.round()
    assert second.terminal.scan(new_card).via == CARD_CODE
    assert second.terminal.scan(old_card).via == CARD_CODE  # old cards stay good until revoked

    with Session(ledger.engine) as session, session.begin():
        keys.revoke(session, old_key)
    second.syncer.round()
    with pytest.raises(codes.CodeRevoked, match="withdrawn"):
        second.terminal.scan(old_card)
    assert second.terminal.scan(new_card).member_id == member_id


def test_code_verify_on_the_command_line(
    ledger: LedgerServer, make_counter: TerminalFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    first, _, member_id = two_counters(make_counter)
    data = str(first.terminal.settings.data_dir)
    text = card_code(first, member_id)

    assert memberdesk(["--data-dir", data, "code", "verify", text, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["valid"], out["member_id"], out["via"]) == (True, member_id, CARD_CODE)

    forged = text[:-4] + ("AAAA" if not text.endswith("AAAA") else "BBBB")
    assert memberdesk(["--data-dir", data, "code", "verify", forged, "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert (out["valid"], out["reason"]) == (False, "code_bad_signature")


def test_an_operator_withdraws_a_members_codes_and_gives_them_back(
    ledger: LedgerServer,
    ledger_url: str,
    make_counter: TerminalFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, second, member_id = two_counters(make_counter)
    card = card_code(first, member_id)
    revoke = ["--database-url", ledger_url, "members", "codes", "revoke", member_id, "--json"]

    assert memberdesk_ledger(revoke) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "codes_revoked"
    second.syncer.round()
    with pytest.raises(codes.CodeRevoked, match="service desk"):
        second.terminal.scan(card)
    assert second.terminal.scan("13912345678").member_id == member_id  # by phone still

    assert memberdesk_ledger([*revoke[:4], "restore", member_id]) == 0
    second.syncer.round()
    assert second.terminal.scan(card).via == CARD_CODE
