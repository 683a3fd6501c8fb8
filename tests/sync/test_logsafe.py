"""The ledger's log lines: phones masked, fields escaped (sync/server/logsafe.py)."""

from __future__ import annotations

import logging

from sync.server.logsafe import ScrubbingFormatter, field, mask_phones, scrub


def test_a_field_with_a_newline_stays_on_its_line() -> None:
    assert field("T01\n2026-12-06 INFO forged") == "T01\\x0a2026-12-06 INFO forged"
    assert field("a\x00b\x1bc\u2028d\x85") == "a\\x00b\\x1bc\\u2028d\\x85"
    assert field("终端 T-01.a") == "终端 T-01.a"


def test_phones_are_masked_dates_and_short_numbers_are_not() -> None:
    assert mask_phones("member 13912345684 at") == "member 139****5684 at"
    assert mask_phones("+86 139 1234 5684") == "861******5684"
    assert mask_phones("call 139-1234-5684") == "call 139****5684"
    assert mask_phones("+442079460958") == "442*****0958"
    assert mask_phones("on 2026-12-06, seq 42, port 8470") == "on 2026-12-06, seq 42, port 8470"
    assert scrub("１３９１２３４５６８４") == "１３９****５６８４"


def test_the_formatter_scrubs_the_message_and_decodes_access_paths() -> None:
    formatter = ScrubbingFormatter("%(name)s: %(message)s")
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5", "GET", "/v1/members/%2B86%20139%201234%205684%0Aforged", "1.1", 404),
        None,
    )
    line = formatter.format(record)
    assert "\n" not in line and "5684" in line and "1234" not in line
    assert line.endswith('861******5684\\x0aforged HTTP/1.1" 404')
