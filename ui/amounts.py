"""Amounts as the cashier types them, in the cashier's language.

The core reads yuan with a decimal point and commas only between thousands ("1,234.50"), and
refuses "12,50" rather than read it as 1,250 yuan. Where the language writes a decimal comma
(Spanish: "12,50", "1.234,50"), the screen turns what was typed into the core's form first.
"""

from __future__ import annotations

import re

from app.domain.errors import InvalidInput
from app.domain.money import parse_amount
from ui.qt import QtCore

_DOT_DECIMAL = re.compile(r"^\d+\.\d{1,2}$")  # "12.50" on a decimal-comma keyboard: a point


def core_form(text: str, decimal_point: str | None = None) -> str:
    """``text`` in the core's form ("1234.50") for a language with ``decimal_point``."""
    point = decimal_point or QtCore.QLocale().decimalPoint()
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "")
    if point != ",":
        return cleaned
    if "," in cleaned:
        whole, _, frac = cleaned.rpartition(",")
        if re.fullmatch(r"\d{1,3}(\.\d{3})+|\d+", whole) is None:
            return text  # not an amount in this language either: the core says so
        return whole.replace(".", "") + "." + frac
    if _DOT_DECIMAL.match(cleaned):
        return cleaned
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", cleaned):
        return cleaned.replace(".", "")  # "1.234": thousands
    return cleaned


def parse_yuan(text: str, field: str) -> int:
    """Fen for what was typed; the core's InvalidInput (quoting what was typed, with the kind
    of mistake) when it is not an amount."""
    try:
        return parse_amount(core_form(text), field)
    except InvalidInput as error:
        params = {**error.params, "text": text}
        raise InvalidInput(error.message, **params) from None
