"""The ledger's side of PLUS that sells itself: what a purchase says of the member's medal
levels (campaigns may target them; the ledger recomputes points with the terminal's view, as
it does with the tier)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MAX_LEVEL = 1_000


def medal_levels(payload: Mapping[str, Any]) -> dict[str, int]:
    """The purchase's ``medals`` (code -> level), or {} when it names none or is not one
    (an older terminal's purchase: it knew no medal-targeted campaign)."""
    named = payload.get("medals")
    if not isinstance(named, dict):
        return {}
    return {
        str(code): level
        for code, level in named.items()
        if isinstance(level, int) and not isinstance(level, bool) and 0 < level <= MAX_LEVEL
    }
