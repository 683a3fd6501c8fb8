"""Core errors in the cashier's language.

A ``MemberDeskError`` carries a stable ``code``, its English ``message`` and the parameters it
was built from. Known messages are rebuilt here from those parameters through the translator;
when the current language has no translation (English), the core's own message is shown
word for word.
"""

from __future__ import annotations

from app.domain.errors import MemberDeskError
from ui.i18n import core_message
from ui.qt import QtCore

QT_TRANSLATE_NOOP = QtCore.QT_TRANSLATE_NOOP
NO_MEMBER_FOUND = QT_TRANSLATE_NOOP(
    "Errors", "No member found for {query}. Check the number, or enroll the customer."
)
NO_MEMBER = QT_TRANSLATE_NOOP(
    "Errors", "No member {member_id} on this terminal. Check the number, or enroll the customer."
)
TOO_FEW_POINTS = QT_TRANSLATE_NOOP(
    "Errors", "The member has {balance} points; {requested} cannot be used."
)
POINTS_NOT_NUMBER = QT_TRANSLATE_NOOP("Errors", "Points to use: {text} is not a whole number.")
NOT_AN_AMOUNT = QT_TRANSLATE_NOOP(
    "Errors",
    "{field}: {text} is not an amount; type yuan with at most two decimals, e.g. 12.50",
)
TOO_MANY_POINTS = QT_TRANSLATE_NOOP(
    "Errors", "At most {max_points} points can be used on this purchase."
)

# Refused scans and member checks: one message per reason, whatever the code's details.
SCAN_MESSAGES: dict[str, str] = {
    "code_garbage": QT_TRANSLATE_NOOP(
        "Errors", "The scan is damaged; scan the member's code again, or type their number."
    ),
    "code_too_long": QT_TRANSLATE_NOOP(
        "Errors", "That is far too long to be a member code; scan the member's code again."
    ),
    "code_wrong_prefix": QT_TRANSLATE_NOOP(
        "Errors",
        "That is not a MemberDesk member code; scan the member's code or type their number.",
    ),
    "code_truncated": QT_TRANSLATE_NOOP(
        "Errors", "The code is incomplete; scan it again, or ask the member to show it again."
    ),
    "code_unknown_key": QT_TRANSLATE_NOOP(
        "Errors",
        "This code was signed with a key this terminal does not know yet. Sync the terminal "
        "and scan again, or type the member's phone number.",
    ),
    "code_bad_signature": QT_TRANSLATE_NOOP(
        "Errors",
        "This code is not genuine: do not accept it, and ask the member for another way to "
        "identify.",
    ),
    "code_expired": QT_TRANSLATE_NOOP(
        "Errors",
        "The code is out of date (a screenshot?); ask the member to show the live code in "
        "their app, or type their phone number.",
    ),
    "code_replayed": QT_TRANSLATE_NOOP(
        "Errors",
        "This phone code was already used here (a screenshot?); ask the member to show the "
        "live code.",
    ),
    "code_from_future": QT_TRANSLATE_NOOP(
        "Errors",
        "The phone's clock is ahead, so the code is not valid yet; ask the member to check "
        "the phone's time.",
    ),
    "code_revoked": QT_TRANSLATE_NOOP(
        "Errors",
        "This code was withdrawn; do not accept it. Serve the member by phone number, or send "
        "them to the service desk.",
    ),
    "member_check_needed": QT_TRANSLATE_NOOP(
        "Errors",
        "A printed card was scanned: ask the member for the last 4 digits of their phone (or "
        "their PIN) before using these points.",
    ),
    "member_check_failed": QT_TRANSLATE_NOOP(
        "Errors",
        "Those digits do not match the member's phone; nothing was used. Ask again, or send "
        "the member to the service desk.",
    ),
}


def _translated(source: object, fallback: str, **values: object) -> str:
    source = str(source)
    text = QtCore.QCoreApplication.translate("Errors", source)
    if text == source:
        return fallback
    return text.format(**values)


def error_text(error: MemberDeskError) -> str:
    params = error.params
    message = error.message
    if error.code in SCAN_MESSAGES:
        return _translated(SCAN_MESSAGES[error.code], message)
    if error.code == "unknown_member" and "query" in params:
        return _translated(
            NO_MEMBER_FOUND,
            message,
            query=repr(str(params["query"])),
        )
    if error.code == "unknown_member" and "member_id" in params:
        return _translated(
            NO_MEMBER,
            message,
            member_id=repr(str(params["member_id"])),
        )
    if error.code == "insufficient_points" and {"balance", "requested"} <= params.keys():
        return _translated(
            TOO_FEW_POINTS,
            message,
            balance=params["balance"],
            requested=params["requested"],
        )
    if error.code == "invalid_input" and params.get("kind") == "points_text":
        return _translated(
            POINTS_NOT_NUMBER,
            message,
            text=repr(str(params.get("text", ""))),
        )
    if error.code == "invalid_input" and params.get("kind") == "amount":
        return _translated(
            NOT_AN_AMOUNT,
            message,
            field=params.get("field", ""),
            text=repr(str(params.get("text", ""))),
        )
    if error.code == "invalid_input" and "max_points" in params:
        return _translated(
            TOO_MANY_POINTS,
            message,
            max_points=params["max_points"],
        )
    return core_message(message)
