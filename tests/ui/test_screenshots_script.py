"""`python -m ui.screenshots` keeps working: it renders every screen of a language."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.gui
def test_screenshots_render_for_one_language(qapp, tmp_path: Path) -> None:
    from ui.i18n import LanguageSwitcher
    from ui.qt import QtGui
    from ui.screenshots import render

    try:
        written = render(tmp_path, ("zh_CN",))
    finally:
        LanguageSwitcher(qapp).switch("en")
    assert sorted(p.name for p in written) == [
        "card_code_zh_CN.png",
        "checkout_zh_CN.png",
        "confirm_redeem_zh_CN.png",
        "confirm_refund_zh_CN.png",
        "confirm_undo_zh_CN.png",
        "counter_flash_zh_CN.png",
        "counter_scopes_zh_CN.png",
        "counter_zh_CN.png",
        "coupons_zh_CN.png",
        "customer_display_plus_zh_CN.png",
        "customer_display_zh_CN.png",
        "day_report_zh_CN.png",
        "enroll_zh_CN.png",
        "find_member_zh_CN.png",
        "find_recent_zh_CN.png",
        "phone_binding_zh_CN.png",
        "plus_renewal_zh_CN.png",
        "plus_zh_CN.png",
        "redeem_zh_CN.png",
        "refund_zh_CN.png",
        "reprint_zh_CN.png",
        "sale_done_zh_CN.png",
        "scan_failed_zh_CN.png",
        "service_desk_flags_zh_CN.png",
        "service_desk_growth_zh_CN.png",
        "service_desk_phones_zh_CN.png",
        "service_desk_zh_CN.png",
        "settings_zh_CN.png",
        "setup_wizard_zh_CN.png",
        "shift_close_zh_CN.png",
        "signin_zh_CN.png",
        "supervisor_zh_CN.png",
        "sync_panel_zh_CN.png",
    ]
    for path in written:
        image = QtGui.QImage(str(path))
        flows = (
            "enroll",
            "card_code",
            "phone_binding",
            "plus",
            "redeem",
            "refund",
            "customer_display",
        )
        if path.name.startswith(flows):
            assert 900 <= image.width() <= 1366 and 560 <= image.height() <= 768  # a flow dialog
        elif path.name.startswith(
            ("service_desk", "day_report", "shift_close", "sync_panel", "settings_")
        ):
            assert (image.width(), image.height()) == (1200, 768)  # a dialog, within the window
        elif path.name.startswith(("find_", "coupons", "supervisor")):
            assert 900 <= image.width() <= 1366 and 560 <= image.height() <= 768  # a picker
        elif path.name.startswith("confirm_"):
            assert 640 <= image.width() <= 1366 and 100 <= image.height() <= 768  # a question
        elif path.name.startswith("setup_wizard"):
            assert (image.width(), image.height()) == (760, 460)
        elif path.name.startswith("reprint"):
            assert 200 <= image.width() < 1366 and 80 <= image.height() < 768  # a small prompt
        else:
            assert (image.width(), image.height()) == (1366, 768)  # the counter's monitor
