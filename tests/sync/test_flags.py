"""Flags to review: the service desk (through the terminal's credential) and the operator's
command line list the open ones and close one with a note, once, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.client import flag_desk
from sync.client.http import LedgerRefused, TransientError
from sync.protocol import API
from sync.server.models import Flag, FlagResolution

from .conftest import Counter, LedgerServer, TerminalFactory
from .support import post, secret
from .test_operator import ledger_cli

RAISED = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)


def raise_flags(ledger: LedgerServer) -> list[int]:
    """Two flags of M1 and one of M2, as the push raises them (kind, member, points)."""
    rows = [
        ("overdraft", "M1", 300, "redeem: 300 points more than the member had"),
        ("recompute_mismatch", "M1", 0, "purchase T01-000004: 120 points, the ledger makes 100"),
        ("code_replay", "M2", 0, "phone code step taken at T01 and T02"),
    ]
    with Session(ledger.engine) as session, session.begin():
        flags = [
            Flag(kind=k, member_id=m, points=p, detail=d, event_id=None, created_at=RAISED)
            for k, m, p, d in rows
        ]
        session.add_all(flags)
        session.flush()
        return [flag.flag_id for flag in flags]


def get(ledger: LedgerServer, path: str, credential: str, **params: object) -> requests.Response:
    return requests.get(
        f"{ledger.url}{API}{path}",
        params=params,
        headers={"Authorization": f"Bearer {credential}"},
        timeout=30,
    )


def resolutions(ledger: LedgerServer) -> int:
    with Session(ledger.engine) as session:
        return int(session.scalar(select(func.count()).select_from(FlagResolution)) or 0)


@pytest.fixture
def desk(ledger: LedgerServer, make_counter: TerminalFactory) -> Counter:
    return make_counter("T01", "S001")


def test_the_service_desk_lists_and_closes_a_member_s_flags(
    ledger: LedgerServer, desk: Counter
) -> None:
    overdraft, mismatch, replay = raise_flags(ledger)
    data_dir = desk.terminal.settings.data_dir
    assert [f.flag_id for f in flag_desk.open_flags(data_dir)] == [replay, mismatch, overdraft]
    of_m1 = flag_desk.open_flags(data_dir, "M1")
    assert [(f.kind, f.points) for f in of_m1] == [("recompute_mismatch", 0), ("overdraft", 300)]
    assert ledger.report()["open_flags"] == 3

    closed = flag_desk.resolve_flag(data_dir, overdraft, "Member paid 300 points back", "Sam")
    assert (closed.resolved_by, closed.resolved_at_terminal) == ("Sam", "T01")
    assert closed.note == "Member paid 300 points back"
    assert [f.flag_id for f in flag_desk.open_flags(data_dir, "M1")] == [mismatch]
    assert ledger.report()["open_flags"] == 2
    everything = get(ledger, "/flags", secret(desk), member_id="M1", include_resolved=True)
    assert [(f["flag_id"], f["resolved_by"]) for f in everything.json()["flags"]] == [
        (mismatch, None),
        (overdraft, "Sam"),
    ]


def test_closing_a_closed_flag_changes_nothing(ledger: LedgerServer, desk: Counter) -> None:
    overdraft, *_ = raise_flags(ledger)
    data_dir = desk.terminal.settings.data_dir
    first = flag_desk.resolve_flag(data_dir, overdraft, "Checked the receipts", "Sam")
    again = flag_desk.resolve_flag(data_dir, overdraft, "Another note", "Lin")
    assert again == first  # the retry (or the second supervisor) gets the first resolution
    assert resolutions(ledger) == 1


def test_bad_requests_are_refused_and_write_nothing(
    ledger: LedgerServer, desk: Counter, make_counter: TerminalFactory
) -> None:
    overdraft, *_ = raise_flags(ledger)
    data_dir = desk.terminal.settings.data_dir
    with pytest.raises(LedgerRefused) as unknown:
        flag_desk.resolve_flag(data_dir, 999_999, "note", "Sam")
    assert (unknown.value.status, unknown.value.refusal.code) == (404, "unknown_flag")
    blank = post(
        ledger,
        f"/flags/{overdraft}/resolve",
        {"note": "   ", "resolved_by": "Sam"},
        credential=secret(desk),
    )
    assert (blank.status_code, blank.json()["code"]) == (422, "note_required")
    forged = post(
        ledger, f"/flags/{overdraft}/resolve", {"note": "x", "resolved_by": "Sam"}, credential="x"
    )
    assert forged.status_code == 401
    assert get(ledger, "/flags", "forged").status_code == 401
    other = make_counter("T02", "S002")
    ledger.revoke("T02")
    with pytest.raises(LedgerRefused) as revoked:
        flag_desk.open_flags(other.terminal.settings.data_dir)
    assert revoked.value.status in (401, 403)
    assert resolutions(ledger) == 0


def test_an_unpaired_or_offline_desk_is_told_so(
    ledger: LedgerServer, desk: Counter, tmp_path: Path
) -> None:
    with pytest.raises(flag_desk.NotPaired):
        flag_desk.open_flags(tmp_path / "never-paired")
    ledger.stop()
    with pytest.raises(TransientError):
        flag_desk.open_flags(desk.terminal.settings.data_dir)


def test_the_operator_lists_and_resolves_flags_from_the_command_line(
    ledger: LedgerServer, ledger_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    overdraft, mismatch, replay = raise_flags(ledger)
    listed, _ = ledger_cli(capsys, ledger_url, "flags", "list", "--member", "M1", "--json")
    assert [f["flag_id"] for f in listed] == [mismatch, overdraft]
    closed, _ = ledger_cli(
        capsys,
        ledger_url,
        "flags",
        "resolve",
        str(overdraft),
        "--note",
        "Written off by the mall",
        "--by",
        "Operator",
        "--json",
    )
    assert (closed["resolved_by"], closed["resolved_at_terminal"]) == ("Operator", None)
    listed, _ = ledger_cli(capsys, ledger_url, "flags", "list", "--json")
    assert [f["flag_id"] for f in listed] == [replay, mismatch]
    refused, _ = ledger_cli(
        capsys,
        ledger_url,
        "flags",
        "resolve",
        "424242",
        "--note",
        "n",
        "--by",
        "b",
        "--json",
        status=1,
    )
    assert "no flag 424242" in refused["error"]
