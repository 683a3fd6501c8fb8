"""No silent fallback: a paired terminal is never opened as if it were standalone."""

from __future__ import annotations

import pytest

from app.bootstrap import open_terminal
from app.domain.errors import NotAllowed

from .conftest import CounterFactory


def test_a_paired_terminal_opened_without_its_ledger_link_is_refused(
    paired_counter: CounterFactory,
):
    counter = paired_counter("T01")
    with pytest.raises(NotAllowed, match="without its ledger link"):
        open_terminal(counter.data_dir, create=False)


def test_a_paired_terminal_whose_credential_is_gone_redeems_nothing(
    paired_counter: CounterFactory,
):
    counter = paired_counter("T01")
    (counter.data_dir / "ledger-credential.json").unlink()
    done = counter.run("member", "show", "M000001", check=False)
    assert done.returncode == 1
    assert "credential file (ledger-credential.json) is missing" in done.stderr
    assert "Traceback" not in done.stderr
