"""The service desk's history says what happened in the cashier's language: a gift for
points, a coupon got and used, PLUS, an adjustment; with numbers as the language writes them
and never the journal's codes ("redeem_gift", "tote")."""

from __future__ import annotations

import pytest
from test_counter_window import scan, sign_in
from test_desk import open_dialog

from app.domain.quote import Line
from ui.dialogs import table_texts
from ui.qt import QtCore

Qt = QtCore.Qt
pytestmark = pytest.mark.gui
CODES = ("redeem_gift", "plus_sold", "coupon_issued", "WINBACK20", "refund_earn", ": tote")

SAID = {
    "en": (
        "Redeemed 1,500 points for a gift: Canvas tote bag",
        "Got coupon We missed you: 20 yuan off 150 ({coupon}), valid until 2026-12-23",
        "Used coupon We missed you: 20 yuan off 150 ({coupon}) on receipt {receipt}",
        "Bought PLUS for ¥149.00, 2026-11-24 to 2027-11-23",
        "Points adjusted by a supervisor: Goodwill",
    ),
    "zh_CN": (
        "用 1,500 积分兑换礼品：帆布手提袋",
        "获得优惠券 欢迎回来：满 150 减 20 元（{coupon}），有效期至 2026-12-23",
        "在小票 {receipt} 上使用优惠券 欢迎回来：满 150 减 20 元（{coupon}）",
        "购买 PLUS 会员 ¥149.00，2026-11-24 至 2027-11-23",
        "主管调整积分：Goodwill",
    ),
    "es": (
        "Canjeó 1500 puntos por un regalo: Bolsa de lona",  # es groups from 5 digits
        "Recibió el cupón {winback} ({coupon}), válido hasta 2026-12-23",
        "Usó el cupón {winback} ({coupon}) en el ticket {receipt}",
        "Compró PLUS por ¥149,00, del 2026-11-24 al 2027-11-23",
        "Puntos ajustados por un supervisor: Goodwill",
    ),
}


@pytest.mark.parametrize("language", ["en", "zh_CN", "es"])
def test_the_service_desk_history_is_in_the_cashiers_words(qtbot, window, language) -> None:
    from ui.i18n import rule_text
    from ui.service_desk import ServiceDeskDialog

    terminal = window.controller.terminal
    lin, sam = terminal.actor("lin"), terminal.actor("sam")
    clock = terminal.ctx.clock
    terminal.redeem("w-1", lin, "M000003", "gift", item="tote")
    clock.advance(minutes=1)
    coupon = terminal.issue_coupon("w-2", sam, "M000003", "WINBACK20").coupon_code
    clock.advance(minutes=1)
    sale = terminal.award("w-3", lin, "M000003", [Line("grocery", 20_000)], coupon=coupon)
    clock.advance(minutes=1)
    terminal.sell_plus("w-4", sam, "M000003")
    clock.advance(minutes=1)
    terminal.adjust("w-5", sam, "M000003", 100, "Goodwill")

    sign_in(qtbot, window, "sam", "2222")
    window.set_language(language)
    scan(qtbot, window, "M000003")
    desk = open_dialog(qtbot, window, Qt.Key.Key_H, ServiceDeskDialog)
    said = [row[3] for row in table_texts(desk.history_table)]
    winback = rule_text("We missed you: 20 yuan off 150")
    for sentence in SAID[language]:
        expected = sentence.format(coupon=coupon, receipt=sale.receipt_no, winback=winback)
        assert expected in said, (expected, said)
    assert not any(code in text for code in CODES for text in said), said
    points = [row[1] for row in table_texts(desk.history_table)]
    assert points[0] == "+100" and ("−1500" if language == "es" else "−1,500") in points


def test_every_kind_of_line_is_said_in_each_language(window) -> None:
    from app.services.history import WORDS, HistoryLine
    from ui.history_words import SENTENCES, say

    assert set(SENTENCES) == set(WORDS)  # the screen and the command line know the same lines
    facts: dict[str, str | int] = {
        "earned": 12, "used": 3, "clawed": 4, "returned": 5, "owed": 6, "name": "Canvas tote bag",
        "code": "C123", "until": "2026-12-23", "starts": "2026-11-24", "ends": "2027-11-23",
        "reason": "R",
    }  # fmt: skip
    lines = [HistoryLine("2026-11-24T10:00:00+08:00", what, -7, 1_250, "T01-1", "lin", facts)
             for what in sorted(WORDS)]  # fmt: skip
    english = [say(line) for line in lines]
    assert all("{" not in text for text in english), english
    for language in ("zh_CN", "es"):
        window.set_language(language)
        said = [say(line) for line in lines]
        same = [(line.what, text) for line, text, en in zip(lines, said, english, strict=True)
                if text == en]  # fmt: skip
        assert same == [], (language, same)
