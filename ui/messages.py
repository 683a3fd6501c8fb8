"""Core errors in the cashier's language, by their code and parameters only.

A ``MemberDeskError`` carries a stable ``code``, its English ``message`` and the parameters it
was built from (a ``kind`` where one code has several reasons). The screen never reads the
English message to decide what to say: each rule below names a code (and a kind, or the
parameters it needs), and its text is rebuilt from the parameters through the translator —
English included, so every language says the same thing. An error no rule knows shows the
core's own words in English, and a sentence naming its code in any other language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import cast

from app.domain.errors import MemberDeskError
from ui.card import money
from ui.fit import short
from ui.qt import QtCore

# Marks a text for lupdate and returns it unchanged (typed: PySide6 says it returns object).
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)

Params = Mapping[str, object]


def quoted(value: object) -> str:
    """What a person typed or scanned, quoted and shortened (a scanned code is long)."""
    return repr(short(str(value)))


def amount(fen: object) -> str:
    """An amount in yuan with the current language's decimal sign (es: 12,50)."""
    return money(int(str(fen)))


def number(n: object) -> str:
    return QtCore.QLocale().toString(int(str(n)))


@dataclass(frozen=True)
class Rule:
    code: str
    source: str  # the English text, with {placeholders}, in the "Errors" context
    kind: str | None = None  # the error's ``kind`` (or ``field``) this rule is for
    needs: tuple[str, ...] = ()  # parameters it must have
    values: Callable[[Params], dict[str, object]] = lambda _p: {}

    def matches(self, error: MemberDeskError) -> bool:
        params = error.params
        if error.code != self.code or not all(name in params for name in self.needs):
            return False
        if self.kind is None:
            return True
        return self.kind in (params.get("kind"), params.get("field"))


NO_MEMBER_FOUND = QT_TRANSLATE_NOOP(
    "Errors", "No member found for {query}. Check the number, or enroll the customer."
)
NOT_AN_AMOUNT = QT_TRANSLATE_NOOP(
    "Errors",
    "{field}: {text} is not an amount; type yuan with at most two decimals, e.g. 12.50",
)

RULES: tuple[Rule, ...] = (
    # -- finding the member
    Rule(
        "invalid_input",
        QT_TRANSLATE_NOOP(
            "Errors", "Type a name, a phone or its last 4 digits (at most 80 characters)."
        ),
        kind="search",
    ),
    Rule(
        "unknown_member",
        NO_MEMBER_FOUND,
        needs=("query",),
        values=lambda p: {"query": quoted(p["query"])},
    ),
    Rule(
        "unknown_member",
        QT_TRANSLATE_NOOP(
            "Errors",
            "No member {member_id} on this terminal. Check the number, or enroll the customer.",
        ),
        needs=("member_id",),
        values=lambda p: {"member_id": quoted(p["member_id"])},
    ),
    Rule(
        "invalid_input",
        QT_TRANSLATE_NOOP("Errors", "Scan a member code or type a member number or phone."),
        kind="query",
    ),
    # -- the sale
    Rule(
        "insufficient_points",
        QT_TRANSLATE_NOOP("Errors", "The member has {balance} points; {requested} cannot be used."),
        needs=("balance", "requested"),
        values=lambda p: {"balance": number(p["balance"]), "requested": number(p["requested"])},
    ),
    Rule(
        "invalid_input",
        QT_TRANSLATE_NOOP("Errors", "Points to use: {text} is not a whole number."),
        kind="points_text",
        values=lambda p: {"text": quoted(p.get("text", ""))},
    ),
    Rule(
        "invalid_input",
        QT_TRANSLATE_NOOP("Errors", "At most {max_points} points can be used on this purchase."),
        needs=("max_points",),
        values=lambda p: {"max_points": number(p["max_points"])},
    ),
    Rule(
        "invalid_input",
        QT_TRANSLATE_NOOP("Errors", "Points to use cannot be negative."),
        kind="points",
    ),
    Rule("invalid_input", QT_TRANSLATE_NOOP("Errors", "Enter at least one amount."), "no_lines"),
    Rule(
        "invalid_input",
        QT_TRANSLATE_NOOP("Errors", "A purchase can have at most {max_lines} lines."),
        kind="too_many_lines",
        needs=("max_lines",),
        values=lambda p: {"max_lines": number(p["max_lines"])},
    ),
    Rule(
        "invalid_input",
        NOT_AN_AMOUNT,
        kind="not_amount",
        values=lambda p: {"field": p.get("field", ""), "text": quoted(p.get("text", ""))},
    ),
    Rule(
        "invalid_input",
        QT_TRANSLATE_NOOP("Errors", "{field}: an amount cannot be negative."),
        kind="negative",
        values=lambda p: {"field": p.get("field", "")},
    ),
    Rule(
        "invalid_input",
        QT_TRANSLATE_NOOP("Errors", "{field}: the amount must be more than zero."),
        kind="zero",
        values=lambda p: {"field": p.get("field", "")},
    ),
    Rule(
        "invalid_input",
        QT_TRANSLATE_NOOP(
            "Errors", "{field}: {amount} is more than any single sale can be; check the amount."
        ),
        kind="too_large",
        needs=("amount_fen",),
        values=lambda p: {"field": p.get("field", ""), "amount": amount(p["amount_fen"])},
    ),
    # -- coupons
    Rule(
        "coupon_not_usable",
        QT_TRANSLATE_NOOP("Errors", "There is no coupon {coupon}."),
        kind="unknown",
        values=lambda p: {"coupon": quoted(p.get("coupon", ""))},
    ),
    Rule(
        "coupon_not_usable",
        QT_TRANSLATE_NOOP("Errors", "Coupon {coupon} is from a campaign that has ended."),
        kind="ended",
        values=lambda p: {"coupon": p.get("coupon", "")},
    ),
    Rule(
        "coupon_not_usable",
        QT_TRANSLATE_NOOP("Errors", "This coupon belongs to another member."),
        kind="other_member",
    ),
    Rule(
        "coupon_not_usable",
        QT_TRANSLATE_NOOP("Errors", "This coupon has already been used."),
        kind="used",
    ),
    Rule(
        "coupon_not_usable",
        QT_TRANSLATE_NOOP("Errors", "This coupon expired on {date}."),
        kind="expired",
        values=lambda p: {"date": p.get("date", "")},
    ),
    Rule(
        "coupon_not_usable",
        QT_TRANSLATE_NOOP("Errors", "This coupon is valid from {date}."),
        kind="not_yet",
        values=lambda p: {"date": p.get("date", "")},
    ),
    Rule(
        "coupon_not_usable",
        QT_TRANSLATE_NOOP("Errors", "This coupon cannot be used in this store."),
        kind="store",
    ),
    Rule(
        "coupon_not_usable",
        QT_TRANSLATE_NOOP("Errors", "Nothing in this purchase is in the coupon's categories."),
        kind="categories",
    ),
    Rule(
        "coupon_not_usable",
        QT_TRANSLATE_NOOP("Errors", "This coupon needs a spend of at least {amount}."),
        kind="min_spend",
        needs=("min_spend_fen",),
        values=lambda p: {"amount": amount(p["min_spend_fen"])},
    ),
    Rule(
        "coupon_not_usable",
        QT_TRANSLATE_NOOP("Errors", "Coupon {coupon} cannot be used on this purchase."),
        values=lambda p: {"coupon": p.get("coupon", "")},
    ),
    # -- enroll
    Rule(
        "invalid_input",
        QT_TRANSLATE_NOOP("Errors", "{text} is not a phone number; type 6 to 15 digits."),
        kind="phone",
        needs=("text",),
        values=lambda p: {"text": quoted(p["text"])},
    ),
    Rule(
        "invalid_input",
        QT_TRANSLATE_NOOP("Errors", "That is not a phone number; type 6 to 15 digits."),
        kind="phone",
    ),
    Rule(
        "invalid_input",
        QT_TRANSLATE_NOOP("Errors", "Type the member's name (1 to {n} characters)."),
        kind="name",
        values=lambda p: {"n": number(p.get("max", 80))},
    ),
    Rule(
        "invalid_input",
        QT_TRANSLATE_NOOP("Errors", "The birthday is not a plausible date."),
        kind="birthday",
    ),
    Rule(
        "duplicate_member",
        QT_TRANSLATE_NOOP(
            "Errors", "A member with phone {phone} already exists; scan their code instead."
        ),
        needs=("phone",),
        values=lambda p: {"phone": _masked_phone(str(p["phone"]))},
    ),
    Rule(
        "duplicate_member",
        QT_TRANSLATE_NOOP("Errors", "Member {member_id} already exists."),
        needs=("member_id",),
        values=lambda p: {"member_id": p["member_id"]},
    ),
    # -- redeem
    Rule(
        "out_of_stock",
        QT_TRANSLATE_NOOP("Errors", "The {item} gift is out of stock."),
        needs=("item",),
        values=lambda p: {"item": p["item"]},
    ),
    Rule(
        "offline_limit",
        QT_TRANSLATE_NOOP("Errors", "Offline, at most {cap} points can be redeemed at once."),
        kind="per_redemption",
        needs=("cap",),
        values=lambda p: {"cap": number(p["cap"])},
    ),
    Rule(
        "offline_limit",
        QT_TRANSLATE_NOOP(
            "Errors",
            "Offline, a member can redeem at most {cap} points a day; this member has "
            "redeemed {spent} today.",
        ),
        kind="per_member_day",
        needs=("cap", "spent"),
        values=lambda p: {"cap": number(p["cap"]), "spent": number(p["spent"])},
    ),
    Rule(
        "offline_limit",
        QT_TRANSLATE_NOOP(
            "Errors",
            "This terminal has redeemed {spent} points offline; its limit is {cap} until it syncs.",
        ),
        kind="per_terminal",
        needs=("cap", "spent"),
        values=lambda p: {"cap": number(p["cap"]), "spent": number(p["spent"])},
    ),
    Rule(
        "offline_limit",
        QT_TRANSLATE_NOOP(
            "Errors",
            "The terminal has been offline for more than {hours} hours; redeem points once "
            "it is back online.",
        ),
        kind="offline_too_long",
        needs=("hours",),
        values=lambda p: {"hours": number(p["hours"])},
    ),
    Rule(
        "offline_limit",
        QT_TRANSLATE_NOOP(
            "Errors",
            "The terminal's clock went back in time since the last sync; points cannot be "
            "redeemed offline. Check the clock.",
        ),
        kind="clock_back",
    ),
    Rule(
        "offline_limit",
        QT_TRANSLATE_NOOP(
            "Errors",
            "The terminal's clock is too far from the ledger's; points cannot be redeemed "
            "offline until it is corrected.",
        ),
        kind="clock_drift",
    ),
    Rule(
        "offline_limit",
        QT_TRANSLATE_NOOP(
            "Errors", "Offline, this cannot be redeemed now; try again once the terminal syncs."
        ),
    ),
    # -- refund
    Rule(
        "unknown_receipt",
        QT_TRANSLATE_NOOP(
            "Errors",
            "No purchase with receipt {quoted} on this terminal. Check the number on the receipt.",
        ),
        needs=("receipt_no",),
        values=lambda p: {"quoted": quoted(p["receipt_no"])},
    ),
    Rule(
        "refund_too_large",
        QT_TRANSLATE_NOOP(
            "Errors",
            "Nothing was paid in money on receipt {receipt}; it can only be refunded once, "
            "in full (leave the amount empty).",
        ),
        needs=("refundable_fen", "receipt_no"),
        values=lambda p: (
            {"receipt": p["receipt_no"]} if int(str(p["refundable_fen"])) == 0 else {"skip": True}
        ),
    ),
    Rule(
        "refund_too_large",
        QT_TRANSLATE_NOOP(
            "Errors",
            "Only {left} of receipt {receipt} can still be refunded (paid {paid}, refunded "
            "{refunded}).",
        ),
        needs=("refundable_fen", "receipt_no", "paid_fen", "refunded_fen"),
        values=lambda p: {
            "left": amount(p["refundable_fen"]),
            "receipt": p["receipt_no"],
            "paid": amount(p["paid_fen"]),
            "refunded": amount(p["refunded_fen"]),
        },
    ),
    Rule(
        "refund_too_large",
        QT_TRANSLATE_NOOP("Errors", "Only {left} of this receipt can still be refunded."),
        needs=("refundable_fen",),
        values=lambda p: {"left": amount(p["refundable_fen"])},
    ),
    # -- PLUS activation codes
    Rule(
        "invalid_input",
        QT_TRANSLATE_NOOP(
            "Errors",
            "That is not a PLUS activation code: 16 letters and digits, like "
            "ABCD-EFGH-JKLM-NPQR. Check what was typed.",
        ),
        kind="activation_code",
    ),
    Rule(
        "plus_code_refused",
        QT_TRANSLATE_NOOP(
            "Errors", "The ledger does not know this activation code. Check what was typed."
        ),
        kind="unknown",
    ),
    Rule(
        "plus_code_refused",
        QT_TRANSLATE_NOOP(
            "Errors",
            "This activation code was already used. Nothing was changed; the customer should "
            "ask where they bought it.",
        ),
        kind="used",
    ),
    Rule(
        "plus_code_refused",
        QT_TRANSLATE_NOOP(
            "Errors",
            "This activation code has expired. Nothing was changed; PLUS can be sold for its fee.",
        ),
        kind="expired",
    ),
    Rule(
        "plus_code_refused",
        QT_TRANSLATE_NOOP(
            "Errors",
            "Activation codes are checked with the mall's ledger, which cannot be reached now. "
            "Nothing was changed: try again when it is back, or sell PLUS for its fee.",
        ),
        kind="offline",
    ),
    Rule(
        "plus_code_refused",
        QT_TRANSLATE_NOOP(
            "Errors",
            "This terminal has no mall ledger, so it cannot redeem activation codes.",
        ),
        kind="standalone",
    ),
    # -- who may do what
    Rule(
        "wrong_pin",
        QT_TRANSLATE_NOOP(
            "Errors",
            "Too many wrong PINs: this cashier is locked for {minutes} more minutes. Wait, or "
            "ask a supervisor to sign in.",
        ),
        kind="locked",
        needs=("minutes",),
        values=lambda p: {"minutes": number(p["minutes"])},
    ),
    # -- undoing a redemption
    Rule(
        "not_allowed",
        QT_TRANSLATE_NOOP("Errors", "There is no redemption to undo."),
        kind="undo_none",
    ),
    Rule(
        "not_allowed",
        QT_TRANSLATE_NOOP("Errors", "The last redemption of {member_id} was undone already."),
        kind="undo_done",
        needs=("member_id",),
        values=lambda p: {"member_id": p["member_id"]},
    ),
    Rule(
        "not_allowed",
        QT_TRANSLATE_NOOP(
            "Errors",
            "A coupon bought with points cannot be undone at the counter; send the customer "
            "to the service desk.",
        ),
        kind="undo_coupon",
    ),
    Rule(
        "not_allowed",
        QT_TRANSLATE_NOOP(
            "Errors",
            "The last redemption is more than {minutes} minutes old: it can no longer be undone "
            "here; a supervisor adjusts the points at the service desk.",
        ),
        kind="undo_too_late",
        needs=("minutes",),
        values=lambda p: {"minutes": number(p["minutes"])},
    ),
    Rule(
        "wrong_pin",
        QT_TRANSLATE_NOOP("Errors", "That PIN is not right. Try again, or ask a supervisor."),
    ),
    Rule("invalid_input", QT_TRANSLATE_NOOP("Errors", "A PIN is 4 to 8 digits."), kind="pin"),
    Rule(
        "not_allowed",
        QT_TRANSLATE_NOOP("Errors", "This needs a {role}; ask a {role} to do it."),
        needs=("needed",),
        values=lambda p: {"role": _role(str(p["needed"]))},
    ),
    Rule(
        "not_allowed",
        QT_TRANSLATE_NOOP("Errors", "This is not allowed for the signed-in cashier."),
    ),
    # -- the terminal itself
    Rule(
        "ledger_unavailable",
        QT_TRANSLATE_NOOP(
            "Errors",
            "The mall's ledger could not be reached; nothing was changed. Try again in a "
            "moment, or check the network.",
        ),
    ),
    Rule(
        "request_conflict",
        QT_TRANSLATE_NOOP(
            "Errors",
            "This request was already used for something else; nothing was changed. Start again.",
        ),
    ),
    Rule(
        "journal_broken",
        QT_TRANSLATE_NOOP(
            "Errors", "The terminal's journal failed its check; call a supervisor before going on."
        ),
    ),
    Rule(
        "database_too_new",
        QT_TRANSLATE_NOOP(
            "Errors", "This terminal's data was written by a newer MemberDesk; update the program."
        ),
    ),
    Rule(
        "window_open",
        QT_TRANSLATE_NOOP(
            "Errors",
            "A MemberDesk window is already open on this terminal's data (process {pid}): use "
            "that window; this one does not start. Command-line commands keep working beside "
            "it.",
        ),
        needs=("pid",),
        values=lambda p: {"pid": p["pid"] or "?"},
    ),
    Rule(
        "database_busy",
        QT_TRANSLATE_NOOP(
            "Errors",
            "The terminal's database is busy (a sync or another program is writing to it); "
            "nothing was changed. Wait a moment and press the same key again.",
        ),
    ),
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
    "bad_code": QT_TRANSLATE_NOOP(
        "Errors", "The terminal cannot read this code; scan it again, or type their number."
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

UNKNOWN = QT_TRANSLATE_NOOP(
    "Errors", "The terminal refused this ({code}); nothing was changed. Call a supervisor."
)


ROLES = {
    "supervisor": QT_TRANSLATE_NOOP("Errors", "supervisor"),
    "admin": QT_TRANSLATE_NOOP("Errors", "admin"),
}


def _role(role: str) -> str:
    return QtCore.QCoreApplication.translate("Errors", ROLES[role]) if role in ROLES else role


def _masked_phone(phone: str) -> str:
    digits = "".join(c for c in phone if c.isdigit())
    return digits[:3] + "*" * max(0, len(digits) - 7) + digits[-4:] if len(digits) > 7 else phone


def _translate(source: str, **values: object) -> str:
    return QtCore.QCoreApplication.translate("Errors", source).format(**values)


def error_text(error: MemberDeskError) -> str:
    """What the screen says for ``error``, in the current language."""
    if error.code in SCAN_MESSAGES:
        return _translate(SCAN_MESSAGES[error.code])
    for rule in RULES:
        if not rule.matches(error):
            continue
        try:
            values = rule.values(error.params)
        except (KeyError, ValueError, TypeError):
            continue  # parameters of another shape: a later rule may fit
        if values.get("skip"):
            continue  # this rule's case is not the error's
        return _translate(rule.source, **values)
    if QtCore.QLocale().language() == QtCore.QLocale.Language.English:
        return error.message  # the core's own words are English
    return _translate(UNKNOWN, code=error.code)
