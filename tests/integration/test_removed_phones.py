"""A phone removed at the ledger: its codes are refused at the terminal (nothing written),
other phones of the member still work, the removed set is the last checkpoint's whole set,
and a removed-phones list that is not hex keys is refused before anything changes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from test_member_code_scan import LEDGER_KEY, PHONE_KEY, keyed, raw  # noqa: F401 - keyed

from app.bootstrap import Terminal
from app.domain import codes
from app.domain.errors import InvalidInput
from app.services.member_codes import decode_removed_devices, install_removed_devices
from app.services.views import EnrollResult

OTHER_PHONE = Ed25519PrivateKey.from_private_bytes(bytes(range(3, 35)))


def code_of(terminal: Terminal, member_id: str, phone: Ed25519PrivateKey) -> str:
    credential = codes.issue_credential(
        LEDGER_KEY, "K2", member_id, raw(phone), terminal.ctx.today() + timedelta(days=30)
    )
    return codes.dynamic_code(credential, phone, terminal.ctx.now())


def removed(terminal: Terminal, *phones: Ed25519PrivateKey) -> None:
    with terminal.ctx.write() as session:
        install_removed_devices(session, decode_removed_devices([raw(p).hex() for p in phones]))


def events(terminal: Terminal) -> int:
    return terminal.sync_state().events_waiting


def test_a_removed_phone_is_refused_and_the_others_are_not(
    keyed: Terminal,  # noqa: F811 - the fixture imported above
    member: EnrollResult,
) -> None:
    lost = code_of(keyed, member.member_id, PHONE_KEY)
    kept = code_of(keyed, member.member_id, OTHER_PHONE)
    removed(keyed, PHONE_KEY)
    before = events(keyed)
    with pytest.raises(codes.CodeRevoked, match="This phone was removed"):
        keyed.scan(lost)
    assert events(keyed) == before  # nothing written, no step taken
    # The next checkpoint's set replaces this one (a credential expired: no longer listed).
    removed(keyed)
    assert keyed.verify_code(lost).member_id == member.member_id
    removed(keyed, PHONE_KEY)
    assert keyed.scan(kept).member_id == member.member_id  # the member's other phone


def test_a_removed_phones_list_that_is_not_keys_is_refused() -> None:
    for bad in (["zz" * 32], ["ab" * 31], ["AB" * 32], ["ab" * 32 + "\n"]):
        with pytest.raises(InvalidInput, match="64 hex digits"):
            decode_removed_devices(bad)
