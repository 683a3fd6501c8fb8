"""The ``memberdesk`` command: JSON out, exit 0 when done, 1 when refused, nothing written."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from probe import DbProbe

from app.bootstrap import open_terminal
from app.config import DATABASE_NAME
from ui.composition import main


class Cli:
    def __init__(self, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.data_dir = data_dir
        self.capsys = capsys
        self.db = DbProbe(data_dir / DATABASE_NAME)

    def run(self, *argv: str) -> tuple[int, Any, str]:
        """Exit code, the JSON printed, and stderr."""
        self.capsys.readouterr()
        code = main(["--data-dir", str(self.data_dir), *argv])
        out, err = self.capsys.readouterr()
        return code, json.loads(out) if out.strip().startswith(("{", "[")) else out, err

    def ok(self, *argv: str) -> Any:
        code, out, err = self.run(*argv, "--json")
        assert code == 0, (out, err)
        return out

    def refused(self, code_name: str, *argv: str) -> str:
        before = self.db.snapshot()
        code, out, err = self.run(*argv, "--json")
        assert code == 1, (out, err)
        assert out["error"]["code"] == code_name
        assert err.startswith("memberdesk: ")
        assert err.strip().removeprefix("memberdesk: ") == out["error"]["message"]
        assert self.db.snapshot() == before
        return str(out["error"]["message"])


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Cli]:
    runner = Cli(tmp_path / "cli", capsys)
    open_terminal(runner.data_dir).close()  # the shell refuses a data dir with no terminal
    runner.ok("cashier", "add", "admin", "--name", "Ada", "--role", "admin", "--pin", "9999",
              "--cashier", "system")  # fmt: skip
    runner.ok("cashier", "add", "lin", "--name", "Lin", "--pin", "1111")
    yield runner
    root = logging.getLogger()  # main() logs to a file in the data dir: let it go
    for handler in list(root.handlers):
        if getattr(handler, "_memberdesk", False):
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def member_id(cli: Cli) -> str:
    enrolled = cli.ok("enroll", "--phone", "13900000001", "--name", "Zhang Wei",
                      "--request-id", "e-1")  # fmt: skip
    return str(enrolled["member_id"])


def test_a_day_at_the_counter_from_the_shell(cli: Cli, member_id: str) -> None:
    assert [c["cashier_id"] for c in cli.ok("cashier", "list")] == ["admin", "lin"]
    card = cli.ok("member", "show", "13900000001")
    assert (card["member_id"], card["points"], card["phone"]) == (member_id, 0, "139****0001")

    quote = cli.ok("quote", member_id, "--line", "grocery=100", "--line", "fashion=0.50")
    assert (quote["subtotal_fen"], quote["payable_fen"]) == (10_050, 10_050)

    award = cli.ok("award", member_id, "--line", "grocery=100", "--request-id", "a-1",
                   "--cashier", "lin")  # fmt: skip
    assert (award["payable_fen"], award["points_earned"], award["balance"]) == (10_000, 100, 100)
    again = cli.ok("award", member_id, "--line", "grocery=100", "--request-id", "a-1",
                   "--cashier", "lin")  # fmt: skip
    assert again == award

    redeemed = cli.ok("redeem", member_id, "--order", "20", "--points", "10")
    assert (redeemed["points"], redeemed["balance"]) == (10, 90)
    refund = cli.ok("refund", award["receipt_no"], "--amount", "50")
    assert (refund["points_clawed_back"], refund["refundable_left_fen"]) == (50, 5_000)
    plus = cli.ok("plus", "sell", member_id)
    assert plus["renewal"] is False
    adjusted = cli.ok("adjust", member_id, "25", "--reason", "goodwill")
    assert adjusted["balance"] == 90 - 50 + 25
    coupon = cli.ok("coupon", "issue", member_id, "WINBACK20")
    assert coupon["template"] == "WINBACK20"
    assert cli.ok("expire")["points"] == 0
    report = cli.ok("report")
    assert report["totals"]["purchases"] == 1
    assert report["totals"]["plus_sold"] == 1
    verified = cli.ok("journal", "verify")
    assert verified["ok"] is True
    assert verified["events"] == cli.db.count("outbox") == 7

    card = cli.ok("member", "show", member_id)
    assert card["points"] == 65
    assert card["plus_active"] is True
    assert sorted(c["template"] for c in card["coupons"]) == ["PLUS10", "WINBACK20"]


def test_plain_text_output_reads_well(cli: Cli, member_id: str) -> None:
    code, out, _ = cli.run("award", member_id, "--line", "grocery=12.50")
    assert code == 0
    assert "paid 12.50, earned 12 points, used 0; balance 12." in out
    code, out, _ = cli.run("member", "show", member_id)
    assert code == 0
    assert "points 12 (worth 0.12)" in out
    code, out, _ = cli.run("journal", "verify")
    assert (code, out.startswith("Journal OK: 2 events, 1 entries")) == (0, True)


def test_every_change_names_its_member_and_the_event_it_wrote(cli: Cli, member_id: str) -> None:
    """The id is the outbox event's (what the ledger's flags and 'members show' name), and a
    retry under the same request id prints the same one."""
    results = {
        "enroll": cli.ok("enroll", "--phone", "13900000001", "--name", "Zhang Wei",
                         "--request-id", "e-1"),
        "award": cli.ok("award", member_id, "--line", "grocery=100", "--request-id", "a-1"),
        "redeem": cli.ok("redeem", member_id, "--order", "20", "--points", "10"),
        "plus": cli.ok("plus", "sell", "13900000001"),
        "adjust": cli.ok("adjust", member_id, "25", "--reason", "goodwill"),
        "coupon": cli.ok("coupon", "issue", member_id, "WINBACK20"),
    }  # fmt: skip
    results["refund"] = cli.ok("refund", results["award"]["receipt_no"], "--amount", "50")
    outbox = dict(cli.db.rows("SELECT event_id, kind FROM outbox WHERE member_id = ?", member_id))
    kinds = {"enroll": "member_enrolled", "award": "purchase", "redeem": "redeem",
             "plus": "plus_sold", "adjust": "adjust", "coupon": "coupon_issued",
             "refund": "refund"}  # fmt: skip
    for name, result in results.items():
        assert result["member_id"] == member_id, name
        assert outbox[result["event_id"]] == kinds[name], name
    assert len({r["event_id"] for r in results.values()}) == len(results)

    retried = cli.ok("award", member_id, "--line", "grocery=100", "--request-id", "a-1")
    assert retried["event_id"] == results["award"]["event_id"]
    code, out, _ = cli.run("award", member_id, "--line", "grocery=100", "--request-id", "a-1")
    assert code == 0
    assert out.strip().endswith(f"Member {member_id}, event {results['award']['event_id']}.")
    code, out, _ = cli.run("enroll", "--phone", "13900000001", "--name", "Zhang Wei",
                           "--request-id", "e-1")  # fmt: skip
    assert f"event {results['enroll']['event_id']}." in out


@pytest.mark.parametrize(
    ("error", "argv"),
    [
        ("unknown_member", ("award", "M404", "--line", "grocery=1")),
        ("invalid_input", ("award", "13900000001", "--line", "grocery=-5")),
        ("invalid_input", ("award", "13900000001", "--line", "grocery=1.005")),
        ("invalid_input", ("award", "13900000001", "--line", "grocery=99999999999")),
        ("invalid_input", ("award", "13900000001", "--line", "grocery")),
        ("invalid_input", ("award", "13900000001", "--line", "cars=10")),
        ("insufficient_points", ("award", "13900000001", "--line", "grocery=10", "--points", "1")),
        ("insufficient_points", ("redeem", "13900000001", "--order", "10", "--points", "5")),
        ("invalid_input", ("redeem", "13900000001", "--gift", "")),
        ("invalid_input", ("redeem", "13900000001", "--order", "10")),
        ("out_of_stock", ("redeem", "13900000001", "--gift", "tote")),
        ("unknown_receipt", ("refund", "T01-0000099")),
        ("invalid_input", ("refund", "T01-0000099", "--amount", "-1")),
        ("not_allowed", ("adjust", "13900000001", "10", "--reason", "x", "--cashier", "lin")),
        ("not_allowed", ("coupon", "issue", "13900000001", "WINBACK20", "--cashier", "lin")),
        ("not_allowed", ("award", "13900000001", "--line", "grocery=1", "--cashier", "ghost")),
        ("invalid_input", ("enroll", "--phone", "12", "--name", "X")),
        ("duplicate_member", ("enroll", "--phone", "13900000001", "--name", "X")),
        (
            "invalid_input",
            ("enroll", "--phone", "13900000002", "--name", "X", "--birthday", "31/05"),
        ),
        ("invalid_input", ("cashier", "add", "eve", "--name", "Eve", "--pin", "12")),
        (
            "not_allowed",
            ("cashier", "add", "eve", "--name", "E", "--pin", "1234", "--cashier", "lin"),
        ),
    ],
)
def test_refusals_exit_1_with_the_reason_and_write_nothing(
    cli: Cli, member_id: str, error: str, argv: tuple[str, ...]
) -> None:
    message = cli.refused(error, *argv)
    assert len(message.split()) >= 3


def test_a_reused_request_id_exits_1(cli: Cli, member_id: str) -> None:
    cli.ok("award", member_id, "--line", "grocery=10", "--request-id", "a-1")
    message = cli.refused(
        "request_conflict", "award", member_id, "--line", "grocery=11", "--request-id", "a-1"
    )
    assert "a-1" in message


def test_a_refund_larger_than_the_purchase_exits_1(cli: Cli, member_id: str) -> None:
    receipt = cli.ok("award", member_id, "--line", "grocery=10")["receipt_no"]
    message = cli.refused("refund_too_large", "refund", receipt, "--amount", "10.01")
    assert "Only 10.00" in message


def test_bad_usage_exits_2(cli: Cli) -> None:
    with pytest.raises(SystemExit) as info:
        cli.run("award", "M1")  # no --line
    assert info.value.code == 2


def test_a_tampered_journal_fails_verify(cli: Cli, member_id: str) -> None:
    cli.ok("award", member_id, "--line", "grocery=100")
    cli.db.write("UPDATE balances SET points = 1000000")
    cli.db.write("UPDATE outbox SET payload = replace(payload, 'grocery', 'fashion')")
    code, out, _ = cli.run("journal", "verify", "--json")
    assert code == 1
    assert out["ok"] is False
    assert "event 2 was changed after it was written" in out["problems"]
    assert any("cached balance 1000000" in p for p in out["problems"])
    code, text, _ = cli.run("journal", "verify")
    assert code == 1
    assert text.startswith("JOURNAL BROKEN:\n  - ")


def test_a_database_from_a_newer_program_exits_1_unchanged(cli: Cli) -> None:
    cli.db.write("UPDATE alembic_version SET version_num = 'f00dcafe9999'")
    message = cli.refused("database_too_new", "journal", "verify")
    assert "newer version" in message
    assert cli.db.scalar("SELECT version_num FROM alembic_version") == "f00dcafe9999"


def test_a_mistyped_data_dir_is_refused_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    runner = Cli(tmp_path / "typo", capsys)
    code, out, err = runner.run("journal", "verify", "--json")
    assert code == 1
    assert out["error"]["code"] == "invalid_input"
    assert "There is no terminal database" in err
    assert not (tmp_path / "typo" / DATABASE_NAME).exists()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_memberdesk", False):
            root.removeHandler(handler)
            handler.close()
