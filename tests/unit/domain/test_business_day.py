"""The shop's business day: the date where the shop is, carried by every event and read back
by the ledger, and the time zone of each store in the rule book."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from app.domain.events import BUSINESS_DAY, business_day, event_business_day, with_business_day
from app.domain.points import expiry_for
from app.domain.rulebook import RuleBook

from .conftest import MakeRules

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")
# Tuesday 8 December 2026, 23:30 UTC: Wednesday 07:30 in Shanghai, Tuesday 18:30 in New York.
LATE_TUESDAY_UTC = datetime(2026, 12, 8, 23, 30, tzinfo=UTC)
# Thursday 31 December 2026, 23:30 UTC: New Year's morning (07:30) in Shanghai.
NEW_YEARS_EVE_UTC = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)


def test_the_business_day_is_the_date_in_the_shops_zone_not_in_utc() -> None:
    assert business_day(LATE_TUESDAY_UTC, SHANGHAI) == date(2026, 12, 9)
    assert business_day(LATE_TUESDAY_UTC, SHANGHAI).isoweekday() == 3  # member day
    assert business_day(LATE_TUESDAY_UTC, NEW_YORK) == date(2026, 12, 8)
    assert business_day(LATE_TUESDAY_UTC, UTC) == date(2026, 12, 8)
    # whatever zone the clock reported the instant in
    assert business_day(LATE_TUESDAY_UTC.astimezone(NEW_YORK), SHANGHAI) == date(2026, 12, 9)
    with pytest.raises(ValueError, match="naive"):
        business_day(LATE_TUESDAY_UTC.replace(tzinfo=None), SHANGHAI)


def test_an_event_carries_the_business_day_it_was_written_on() -> None:
    payload = {"member_id": "M1", "points": 5}
    carried = with_business_day(payload, LATE_TUESDAY_UTC, SHANGHAI)
    assert carried == {"member_id": "M1", "points": 5, BUSINESS_DAY: "2026-12-09"}
    assert payload == {"member_id": "M1", "points": 5}  # the caller's dict is left alone


def test_the_ledger_takes_the_day_the_event_carries() -> None:
    created = LATE_TUESDAY_UTC.isoformat(timespec="microseconds")
    carried = {BUSINESS_DAY: "2026-12-09"}
    # the store's zone does not change the day the terminal wrote
    assert event_business_day(carried, created, SHANGHAI) == date(2026, 12, 9)
    assert event_business_day(carried, created, NEW_YORK) == date(2026, 12, 9)


def test_an_older_event_without_a_day_is_dated_by_its_time_in_the_stores_zone() -> None:
    created = LATE_TUESDAY_UTC.isoformat(timespec="microseconds")
    assert event_business_day({}, created, SHANGHAI) == date(2026, 12, 9)
    assert event_business_day({}, created, NEW_YORK) == date(2026, 12, 8)
    assert event_business_day({}, "2026-12-09T07:30:00+08:00", SHANGHAI) == date(2026, 12, 9)
    assert event_business_day({}, "2026-12-08T23:30:00", SHANGHAI) == date(2026, 12, 9)  # UTC


@pytest.mark.parametrize(
    ("payload", "created_at", "message"),
    [
        ({}, "yesterday", "created_at is not a time"),
        ({BUSINESS_DAY: "2026-02-30"}, "2026-02-28T10:00:00+00:00", "is not a date"),
        ({BUSINESS_DAY: 20261209}, "2026-12-08T23:30:00+00:00", "is not a date"),
        # no zone on earth is two days from UTC: a forged day for a campaign's weekday
        ({BUSINESS_DAY: "2026-12-10"}, "2026-12-08T23:30:00+00:00", "in any time zone"),
        ({BUSINESS_DAY: "2026-12-07"}, "2026-12-08T13:00:00+00:00", "in any time zone"),
    ],
)
def test_a_day_that_cannot_be_the_events_is_refused(
    payload: dict[str, object], created_at: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        event_business_day(payload, created_at, SHANGHAI)


def test_the_days_either_side_of_utc_are_every_zones_days() -> None:
    created = "2026-12-08T11:00:00+00:00"  # 23:00 the 7th at UTC-12, 01:00 the 9th at UTC+14
    for day in ("2026-12-07", "2026-12-08", "2026-12-09"):
        assert event_business_day({BUSINESS_DAY: day}, created, SHANGHAI) == date.fromisoformat(day)


def test_each_store_counts_days_in_its_zone_or_the_rule_books(make_rules: MakeRules) -> None:
    shipped: RuleBook = make_rules()
    assert shipped.timezone == "Asia/Shanghai"
    assert [s.timezone for s in shipped.stores] == ["Asia/Shanghai"] * 6
    assert shipped.zone("S001") == SHANGHAI
    book = make_rules({"timezone": "Asia/Urumqi", "stores[2].timezone": "America/New_York"})
    assert book.zone("S001") == ZoneInfo("Asia/Urumqi")  # the rule book's default
    assert book.zone("S003") == NEW_YORK
    assert book.zone("S999") == ZoneInfo("Asia/Urumqi")  # not listed: the rule book's zone


def test_points_earned_on_new_years_morning_expire_a_year_later_than_utc_says(
    rules: RuleBook,
) -> None:
    # The one expiry rule, fed the business day: in Shanghai it is already 2027.
    in_shanghai = business_day(NEW_YEARS_EVE_UTC, SHANGHAI)
    assert expiry_for(in_shanghai, rules.points) == date(2028, 12, 31)
    assert expiry_for(NEW_YEARS_EVE_UTC.date(), rules.points) == date(2027, 12, 31)  # the bug
    assert expiry_for(business_day(NEW_YEARS_EVE_UTC, NEW_YORK), rules.points) == date(2027, 12, 31)
