"""A member's history in the cashier's language: each line's code (``HistoryLine.what``)
to a translated sentence, its figures in the language's number format, and the rule book's
gift and coupon names translated as the rest of the screen shows them."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from app.services.history import HistoryLine
from app.services.servicedesk import MallEventView
from ui.card import money, num
from ui.i18n import rule_text
from ui.qt import QtCore

QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)
CONTEXT = "History"

SENTENCES = {
    "purchase": QT_TRANSLATE_NOOP(
        "History", "Bought for {amount} (receipt {receipt}): earned {earned} points, used {used}"
    ),
    "refund": QT_TRANSLATE_NOOP(
        "History",
        "Refund of {amount} (receipt {receipt}): {clawed} points taken back, {returned} given back",
    ),
    "refund_owed": QT_TRANSLATE_NOOP(
        "History",
        "Refund of {amount} (receipt {receipt}): {clawed} points taken back, "
        "{returned} given back, {owed} owed",
    ),
    "redeem_gift": QT_TRANSLATE_NOOP("History", "Redeemed {points} points for a gift: {name}"),
    "redeem_coupon": QT_TRANSLATE_NOOP("History", "Redeemed {points} points for a coupon: {name}"),
    "redeem_order": QT_TRANSLATE_NOOP("History", "Redeemed {points} points for {amount} off"),
    "redeem_undone": QT_TRANSLATE_NOOP("History", "Redemption undone: {points} points back"),
    "plus_bought": QT_TRANSLATE_NOOP("History", "Bought PLUS for {amount}, {starts} to {ends}"),
    "plus_renewed": QT_TRANSLATE_NOOP("History", "Renewed PLUS for {amount}, {starts} to {ends}"),
    "coupon_got": QT_TRANSLATE_NOOP("History", "Got coupon {name} ({code}), valid until {until}"),
    "coupon_used": QT_TRANSLATE_NOOP("History", "Used coupon {name} ({code}) on receipt {receipt}"),
    "coupon_returned": QT_TRANSLATE_NOOP(
        "History", "Coupon {name} ({code}) given back by a refund"
    ),
    "adjust": QT_TRANSLATE_NOOP("History", "Points adjusted by a supervisor: {reason}"),
    "write_off": QT_TRANSLATE_NOOP("History", "Owed points written off: {reason}"),
    "expire": QT_TRANSLATE_NOOP("History", "{points} points expired"),
    "ledger_sync": QT_TRANSLATE_NOOP("History", "Points corrected by the ledger"),
    "points_moved": QT_TRANSLATE_NOOP("History", "Points moved"),
}


def signed(points: int) -> str:
    return ("+" if points > 0 else "−" if points < 0 else "") + num(abs(points))


def say(line: HistoryLine) -> str:
    """The line as a sentence in the current language."""
    facts = {
        key: num(value) if isinstance(value, int) else value for key, value in line.facts.items()
    }
    if "name" in facts:
        facts["name"] = rule_text(str(facts["name"]))
    sentence = SENTENCES.get(line.what, SENTENCES["points_moved"])
    return QtCore.QCoreApplication.translate(CONTEXT, sentence).format(
        amount=money(line.amount_fen),
        receipt=line.receipt_no or "",
        points=num(abs(line.points)),
        **facts,
    )


# An event at another counter, as the ledger has it, by the event's kind.
ELSEWHERE: dict[str, str] = {
    "purchase": QT_TRANSLATE_NOOP("History", "A purchase at {where}"),
    "refund": QT_TRANSLATE_NOOP("History", "A refund at {where}"),
    "redeem": QT_TRANSLATE_NOOP("History", "Points redeemed at {where}"),
    "redeem_undone": QT_TRANSLATE_NOOP("History", "A redemption undone at {where}"),
    "adjust": QT_TRANSLATE_NOOP("History", "Points adjusted at {where}"),
    "plus_sold": QT_TRANSLATE_NOOP("History", "PLUS bought at {where}"),
    "expire": QT_TRANSLATE_NOOP("History", "Points expired (the ledger)"),
}
MOVED_ELSEWHERE = QT_TRANSLATE_NOOP("History", "Points moved at {where}")


def say_elsewhere(event: MallEventView) -> str:
    """An event of another counter as a sentence in the current language, naming the
    store and the counter."""
    where = f"{event.store_code} · {event.terminal_id}" if event.terminal_id else event.store_code
    sentence = ELSEWHERE.get(event.kind, MOVED_ELSEWHERE)
    return QtCore.QCoreApplication.translate(CONTEXT, sentence).format(where=where)
