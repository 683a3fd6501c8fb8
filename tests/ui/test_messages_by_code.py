"""Errors are said by their code and parameters, never by matching the core's English: every
error the counter can show, with sample parameters, reads without an English sentence in
Simplified Chinese and Spanish; amounts follow the language (es: "12,50")."""

from __future__ import annotations

import re

import pytest
from test_counter_window import award_count, scan, sign_in
from test_flows import flow, press, type_text

from app.domain.errors import MemberDeskError
from ui.amounts import core_form
from ui.messages import RULES, SCAN_MESSAGES, error_text
from ui.qt import QtCore

Qt = QtCore.Qt
pytestmark = pytest.mark.gui

SAMPLE = {
    "query": "M999999",
    "member_id": "M000042",
    "balance": 10,
    "requested": 20,
    "text": "abc",
    "max_points": 5,
    "max_lines": 50,
    "field": "?",
    "amount_fen": 1_250,
    "coupon": "C000000001",
    "date": "2026-12-31",
    "min_spend_fen": 10_000,
    "phone": "13800138001",
    "item": "tote",
    "cap": 100,
    "spent": 50,
    "hours": 72,
    "receipt_no": "T01-0000001",
    "paid_fen": 10_000,
    "refunded_fen": 2_000,
    "needed": "supervisor",
    "minutes": 5,
}
# Three Latin-script words in a row in Chinese, or English words in Spanish: English leaked.
ENGLISH = re.compile(r"\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}\b")
NOT_SPANISH = re.compile(r"\b(the|is|not|cannot|this|that|only|with|must|been)\b")


def make_error(code: str, **params: object) -> MemberDeskError:
    error_class = type("SampleError", (MemberDeskError,), {"code": code})
    return error_class("An English sentence that must not show.", **params)


def samples() -> list[tuple[str, MemberDeskError]]:
    cases = []
    for i, rule in enumerate(RULES):
        params: dict[str, object] = dict(SAMPLE)
        if rule.kind is not None:
            params["kind"] = rule.kind
            params["field"] = rule.kind if rule.kind in ("query", "phone", "name") else "?"
        if "refundable_fen" not in rule.needs:
            params.pop("receipt_no", None)
        cases.append((f"{i}-{rule.code}-{rule.kind}-refundable0", make_error(rule.code, **params)))
        if rule.code == "refund_too_large":
            cases[-1] = (cases[-1][0], make_error(rule.code, **params, refundable_fen=0))
            cases.append((f"{i}-refund-left", make_error(rule.code, **params, refundable_fen=800)))
    cases += [(code, make_error(code)) for code in SCAN_MESSAGES]
    cases.append(("unknown", make_error("something_new")))
    return cases


@pytest.mark.parametrize("language", ["zh_CN", "es"])
def test_every_error_reads_in_the_language(qapp, window, language) -> None:
    window.set_language(language)
    qapp.processEvents()
    leaks = []
    for name, error in samples():
        text = error_text(error)
        assert text and "{" not in text, (name, text)
        assert "An English sentence" not in text, name
        english = ENGLISH if language == "zh_CN" else NOT_SPANISH
        if english.search(text):
            leaks.append((name, text))
    assert leaks == []


def test_english_is_rebuilt_from_the_parameters_too(qapp, window) -> None:
    error = make_error("invalid_input", kind="not_amount", field="Grocery", text="12.345")
    assert error_text(error) == (
        "Grocery: '12.345' is not an amount; type yuan with at most two decimals, e.g. 12.50"
    )
    # a scanned code quoted in a message is shortened: it never widens the message line
    long_code = "MD1C.K1." + "A" * 200
    assert len(error_text(make_error("unknown_member", query=long_code))) < 120
    # an error no rule knows: the core's own English words
    assert error_text(make_error("something_new")) == "An English sentence that must not show."


@pytest.mark.parametrize(
    ("typed", "core"),
    [
        ("12,50", "12.50"),
        ("1.234,50", "1234.50"),
        ("12.50", "12.50"),
        ("1.234", "1234"),
        ("12", "12"),
        ("abc", "abc"),
        ("1,2,3", "1,2,3"),
    ],
)
def test_a_decimal_comma_in_spanish(typed: str, core: str) -> None:
    assert core_form(typed, ",") == core
    assert core_form("12,50", ".") == "12,50"  # elsewhere the core refuses it, never 1,250


def test_spanish_amounts_at_the_counter_and_the_refund(qtbot, qapp, window) -> None:
    terminal = window.controller.terminal
    window.set_language("es")
    qapp.processEvents()
    sign_in(qtbot, window)
    scan(qtbot, window, "M000003")
    sales = award_count(terminal)
    qtbot.keyClick(window.counter.scan, Qt.Key.Key_F4)
    qtbot.keyClicks(window.counter.checkout.first_field(), "12,50")
    assert window.counter.checkout.payable.text().endswith("¥12,25")  # Gold: 2 % off, es
    qtbot.keyClick(window.counter.checkout.first_field(), Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.recording)
    assert award_count(terminal) == sales + 1
    last = window.controller.last_award
    assert last is not None and last.subtotal_fen == 1_250

    scan(qtbot, window, "M000003")
    press(qtbot, window, Qt.Key.Key_F7)
    dialog = flow(window)
    type_text(qtbot, last.receipt_no)
    press(qtbot, window, Qt.Key.Key_Return)
    type_text(qtbot, "abc")
    press(qtbot, window, Qt.Key.Key_Return)
    message = dialog.message_text()
    assert "'abc'" in message
    assert "is not an amount" not in message
    assert "12,50" in message  # the example in the language's own form
    assert not NOT_SPANISH.search(message)
    dialog.reject()


def test_a_bad_refund_amount_in_chinese_has_no_english(qtbot, qapp, window) -> None:
    window.set_language("zh_CN")
    qapp.processEvents()
    sign_in(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F7)
    dialog = flow(window)
    type_text(qtbot, "T01-0000044")
    press(qtbot, window, Qt.Key.Key_Return)
    type_text(qtbot, "abc")
    press(qtbot, window, Qt.Key.Key_Return)
    message = dialog.message_text()
    assert "退款金额" in message
    assert "'abc'" in message
    assert not ENGLISH.search(message), message
    dialog.reject()
