from app.bootstrap import Terminal
from app.domain.quote import Line


def test_award_shows_on_the_member_card(terminal: Terminal, cashier) -> None:
    enrolled = terminal.enroll("e1", cashier, phone="13900000001", name="Test Member")
    result = terminal.award("a1", cashier, enrolled.member_id, [Line("grocery", 10_000)])
    assert result.points_earned == 100
    assert terminal.card("13900000001").points == 100
