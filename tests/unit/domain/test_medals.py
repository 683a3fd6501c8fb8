"""Medals and their levels.

Default rule book: Gourmet (dining spend 500 / 2 000 / 10 000 yuan), Trendsetter (fashion spend
1 000 / 5 000 / 20 000 yuan), Regular (10 / 50 / 200 purchases), Critic (5 / 20 / 100 reviews).
"""

from __future__ import annotations

import pytest

from app.domain.medals import medals
from app.domain.rulebook import RuleBook


@pytest.mark.parametrize(
    ("medal", "spend", "behaviour", "level", "next_threshold"),
    [
        pytest.param("gourmet", {}, {}, 0, 50_000, id="gourmet: no dining yet"),
        pytest.param("gourmet", {"dining": 49_999}, {}, 0, 50_000, id="gourmet: 1 fen short"),
        pytest.param(
            "gourmet", {"dining": 50_000}, {}, 1, 200_000, id="gourmet: level 1 at 500 yuan"
        ),
        pytest.param(
            "gourmet", {"dining": 199_999}, {}, 1, 200_000, id="gourmet: just under level 2"
        ),
        pytest.param("gourmet", {"dining": 200_000}, {}, 2, 1_000_000, id="gourmet: level 2"),
        pytest.param("gourmet", {"dining": 1_000_000}, {}, 3, None, id="gourmet: top level"),
        pytest.param(
            "gourmet",
            {"fashion": 9_000_000},
            {},
            0,
            50_000,
            id="gourmet: other categories do not count",
        ),
        pytest.param(
            "trendsetter", {"fashion": 500_000}, {}, 2, 2_000_000, id="trendsetter: level 2"
        ),
        pytest.param("regular", {}, {"purchases": 9}, 0, 10, id="regular: 9 purchases"),
        pytest.param("regular", {}, {"purchases": 10}, 1, 50, id="regular: 10 purchases"),
        pytest.param("regular", {}, {"purchases": 200}, 3, None, id="regular: 200 purchases, top"),
        pytest.param("regular", {}, {"reviews": 500}, 0, 10, id="regular: reviews do not count"),
        pytest.param("critic", {}, {"reviews": 20}, 2, 100, id="critic: 20 reviews"),
        pytest.param("critic", {"dining": 10_000_000}, {}, 0, 5, id="critic: spend does not count"),
    ],
)
def test_medal_levels(
    rules: RuleBook,
    medal: str,
    spend: dict[str, int],
    behaviour: dict[str, int],
    level: int,
    next_threshold: int | None,
) -> None:
    statuses = {
        s.medal.code: s for s in medals(category_spend_fen=spend, behaviour=behaviour, rules=rules)
    }
    assert list(statuses) == ["gourmet", "trendsetter", "regular", "critic"]
    status = statuses[medal]
    assert (status.level, status.next_threshold) == (level, next_threshold)
    assert status.progress == {**spend, **behaviour}.get(
        status.medal.category or status.medal.metric or "", 0
    )
