"""The ledger's side of pairing: a lost reply retried with the same credential pairs once, a
terminal id paired again starts a new chain epoch, and the earlier credential is refused with
words."""

from __future__ import annotations

import secrets

import pytest

from sync.client.http import LedgerClient, LedgerRefused

from .conftest import LedgerServer
from .support import ledger_state, make_chain

ENROLL = ("enroll", {"member_id": "M0001", "phone": "13900000001", "name": "Ann"})


def _push_one(client: LedgerClient, terminal_id: str, epoch: int) -> int:
    events = [e.model_copy(update={"epoch": epoch}) for e in make_chain(terminal_id, [ENROLL])]
    return client.push(events).applied_through_seq


def test_a_retried_pairing_gets_the_same_credential_and_spends_once(ledger: LedgerServer):
    code = ledger.add_terminal("T05")
    client = LedgerClient(ledger.url)
    secret = secrets.token_urlsafe(32)
    first = client.pair("T05", code, secret)
    again = client.pair("T05", code, secret)  # the first reply was lost
    assert (first.credential, again.credential) == (secret, secret)
    assert first.epoch == again.epoch == 1
    before = ledger_state(ledger)
    with pytest.raises(LedgerRefused) as refused:
        client.pair("T05", code, secrets.token_urlsafe(32))  # someone else with the used code
    assert refused.value.refusal.code == "bad_pairing_code"
    assert ledger_state(ledger) == before
    assert LedgerClient(ledger.url, secret).push([]).applied_through_seq == 0


def test_a_terminal_paired_again_starts_a_new_epoch_and_the_old_credential_is_dead(
    ledger: LedgerServer,
):
    client = LedgerClient(ledger.url)
    old = client.pair("T06", ledger.add_terminal("T06")).credential
    assert _push_one(LedgerClient(ledger.url, old), "T06", 1) == 1

    ledger.revoke("T06")
    replacement = client.pair("T06", ledger.add_terminal("T06"))
    assert replacement.epoch == 2
    new = LedgerClient(ledger.url, replacement.credential)
    with pytest.raises(LedgerRefused) as refused:
        _push_one(new, "T06", 1)  # an event of the old chain
    assert (refused.value.status, refused.value.refusal.code) == (409, "old_epoch")
    assert _push_one(new, "T06", 2) == 1  # seq 1 again, in the new chain

    with pytest.raises(LedgerRefused) as refused:
        LedgerClient(ledger.url, old).push([])
    assert (refused.value.status, refused.value.refusal.code) == (401, "credential_replaced")
    assert "paired again on another PC" in refused.value.refusal.message
    with pytest.raises(LedgerRefused) as refused:
        LedgerClient(ledger.url, old).changes(0, None, 10)
    assert refused.value.refusal.code == "credential_replaced"


def test_a_terminal_resuming_its_epoch_keeps_its_chain(ledger: LedgerServer):
    client = LedgerClient(ledger.url)
    first = client.pair("T07", ledger.add_terminal("T07")).credential
    assert _push_one(LedgerClient(ledger.url, first), "T07", 1) == 1
    again = client.pair("T07", ledger.add_terminal("T07"), resume_epoch=1)
    assert again.epoch == 1
    assert LedgerClient(ledger.url, again.credential).push([]).applied_through_seq == 1


def test_resuming_a_chain_another_pc_replaced_is_refused_before_the_code_is_spent(
    ledger: LedgerServer,
):
    client = LedgerClient(ledger.url)
    client.pair("T08", ledger.add_terminal("T08"))
    assert client.pair("T08", ledger.add_terminal("T08")).epoch == 2  # the replacement PC
    code = ledger.add_terminal("T08")
    before = ledger_state(ledger)
    with pytest.raises(LedgerRefused) as refused:
        client.pair("T08", code, resume_epoch=1)  # the old PC, given the code by mistake
    assert (refused.value.status, refused.value.refusal.code) == (409, "chain_replaced")
    assert ledger_state(ledger) == before
    assert client.pair("T08", code).epoch == 3  # the code was not spent
