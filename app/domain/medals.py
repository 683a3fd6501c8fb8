"""Category medals (by spend in a category) and behaviour medals, each with levels."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.rulebook import Medal, RuleBook


@dataclass(frozen=True, slots=True)
class MedalStatus:
    medal: Medal
    level: int  # 0 = not earned yet
    progress: int  # the member's figure (fen for category medals, a count for behaviour)
    next_threshold: int | None


def medals(
    *, category_spend_fen: Mapping[str, int], behaviour: Mapping[str, int], rules: RuleBook
) -> tuple[MedalStatus, ...]:
    result = []
    for medal in rules.medals:
        if medal.kind == "category":
            value = category_spend_fen.get(medal.category or "", 0)
        else:
            value = behaviour.get(medal.metric or "", 0)
        level = sum(1 for threshold in medal.levels if value >= threshold)
        upcoming = medal.levels[level] if level < len(medal.levels) else None
        result.append(MedalStatus(medal, level, value, upcoming))
    return tuple(result)
