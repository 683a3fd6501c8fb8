"""The member's own phone page, the way a member and a cashier use it: the binding QR comes
from a terminal process (``memberdesk phone bind``), a real browser (chromium, headless, at
a phone's size) opens it and makes its key, the code it draws is read off its screen and
scanned at terminal processes (``code verify``, ``award``), the points show on the page
after the sync, and a removed phone's code is refused. SQLite and PostgreSQL ledgers."""

from __future__ import annotations

from pathlib import Path

import requests
from selenium.webdriver.common.by import By

from .browser import (
    phone,
    read_qr,
    shown_code,
    state,
    visible_text,
    wait_for,
    without_web_crypto_ed25519,
)
from .conftest import CounterFactory
from .harness import Ledger

PHONE = "13900000001"


def test_a_phone_bound_at_the_counter_shows_a_code_the_counters_take(
    ledger: Ledger, paired_counter: CounterFactory, tmp_path: Path
) -> None:
    counter = paired_counter("T01")
    member_id = counter.json("enroll", "--phone", PHONE, "--name", "Zhang Wei", "--cashier", "lin")[
        "member_id"
    ]
    counter.run("award", PHONE, "--line", "grocery=100", "--cashier", "lin")
    coupon = counter.json("coupon", "issue", PHONE, "COFFEE", "--cashier", "lin")["coupon_code"]
    counter.run("sync", "--once")

    # The cashier shows the binding QR; the member's camera reads it.
    qr_file = tmp_path / "binding.png"
    printed = counter.run("phone", "bind", PHONE, "--png", str(qr_file)).stdout
    link = read_qr(qr_file.read_bytes())
    assert link.startswith(f"{ledger.url}/phone/#bind=") and link in printed

    browser = phone(tmp_path / "phone-profile")
    try:
        browser.get(link)
        wait_for(browser, "document.body.dataset.codeStep")
        assert state(browser) == "bound"
        assert "#bind" not in browser.current_url  # the one-time code leaves the address bar
        wait_for(browser, "document.body.dataset.points === '100'")
        text = visible_text(browser)
        assert f"This phone is bound to member {member_id}." in text
        assert "Show this code at the counter" in text and "New code in" in text
        assert "Turn the screen brightness up" in text
        assert "100" in text and "Purchase" in text and "+100" in text
        # Each coupon shows its own QR code.
        browser.find_element(By.CSS_SELECTOR, ".coupons button").click()
        coupon_qr = browser.find_element(By.CSS_SELECTOR, ".coupon-qr canvas")
        assert read_qr(coupon_qr.screenshot_as_png) == coupon

        # The binding code worked once: a second phone cannot use it.
        other = requests.get(f"{ledger.url}/phone/", timeout=10)
        assert other.ok and "script-src 'self'" in other.headers["Content-Security-Policy"]

        # A counter (another terminal process) scans the phone's code.
        second = paired_counter("T02")
        second.run("sync", "--once")
        code = shown_code(browser)
        assert code.startswith("MD1D.")
        verified = second.run("code", "verify", code).stdout.strip()
        assert verified == f"valid phone code of member {member_id}"
        sale = second.json("award", code, "--line", "grocery=50", "--cashier", "lin")
        assert (sale["member_id"], sale["points_earned"]) == (member_id, 50)
        again = second.run("award", code, "--line", "grocery=50", "--cashier", "lin", check=False)
        assert again.returncode != 0 and "already used here" in again.stderr + again.stdout
        second.run("sync", "--once")

        # The member sees the points from the other counter after the sync.
        browser.refresh()
        wait_for(browser, "document.body.dataset.points === '150'")
        assert "+50" in visible_text(browser)

        # The service desk sees the phone; the member removes it on the page.
        [bound] = counter.json("phone", "list", PHONE)["phones"]
        assert bound["label"] == "Android"
        fresh = shown_code(browser)
        browser.find_element(By.CSS_SELECTOR, f"button[data-device='{bound['device_id']}']").click()
        browser.switch_to.alert.accept()
        wait_for(browser, "document.body.dataset.state === 'removed'")
        assert "This phone was removed from the membership." in visible_text(browser)
        assert counter.json("phone", "list", PHONE)["phones"] == []

        # A terminal not yet synced still takes it; after its sync it refuses the phone.
        assert counter.run("code", "verify", fresh).returncode == 0
        counter.run("sync", "--once")
        refused = counter.run("code", "verify", fresh, check=False)
        assert refused.returncode == 1
        assert "not accepted (code_revoked): This phone was removed" in refused.stdout

        # Opening the page again: no code, the removal said.
        browser.refresh()
        wait_for(browser, "document.body.dataset.state === 'unbound'")
        assert browser.execute_script("return document.body.dataset.codeStep") is None
    finally:
        browser.quit()


def test_the_service_desk_removes_a_phone_and_a_binding_code_works_once(
    ledger: Ledger, paired_counter: CounterFactory, tmp_path: Path
) -> None:
    counter = paired_counter("T01")
    counter.json("enroll", "--phone", PHONE, "--name", "Zhang Wei", "--cashier", "lin")
    counter.run("sync", "--once")
    link = counter.json("phone", "bind", PHONE)["url"]

    browser = phone(tmp_path / "phone-a")
    late = phone(tmp_path / "phone-b", language="es")
    try:
        browser.get(link)
        wait_for(browser, "document.body.dataset.codeStep")
        code = shown_code(browser)
        # The same link on another phone: refused, in that phone's language.
        late.get(link)
        wait_for(late, "document.body.dataset.state === 'unbound'")
        assert "No se pudo vincular este teléfono" in visible_text(late)

        [bound] = counter.json("phone", "list", PHONE)["phones"]
        removed = counter.json("phone", "remove", PHONE, bound["device_id"])
        assert removed["status"] == "removed"
        counter.run("sync", "--once")
        refused = counter.run("code", "verify", code, check=False)
        assert refused.returncode == 1 and "code_revoked" in refused.stdout
        browser.refresh()
        wait_for(browser, "document.body.dataset.state === 'removed'")
    finally:
        browser.quit()
        late.quit()


def test_the_code_keeps_coming_offline_made_by_the_vendored_library(
    ledger: Ledger, paired_counter: CounterFactory, tmp_path: Path
) -> None:
    """Once bound, the page opens and draws valid codes with the ledger stopped; here in a
    browser without Web Crypto Ed25519, so the vendored @noble/ed25519 makes the key and signs."""
    counter = paired_counter("T01")
    member_id = counter.json("enroll", "--phone", PHONE, "--name", "Zhang Wei", "--cashier", "lin")[
        "member_id"
    ]
    counter.run("sync", "--once")
    link = counter.json("phone", "bind", PHONE)["url"]
    browser = phone(tmp_path / "phone")
    without_web_crypto_ed25519(browser)
    try:
        browser.get(link)
        wait_for(browser, "document.body.dataset.points === '0'")
        loaded = browser.execute_script(
            "return performance.getEntriesByType('resource').map((e) => e.name)"
        )
        assert any(name.endswith("/vendor/noble-ed25519.js") for name in loaded)
        wait_for(browser, "navigator.serviceWorker.controller !== null")
        ledger.stop()
        browser.get(f"{ledger.url}/phone/")
        wait_for(browser, "document.body.dataset.codeStep")
        # The code is drawn first; the notice comes when the ledger does not answer.
        wait_for(browser, "document.getElementById('status').textContent.startsWith('Offline')")
        assert "Offline: the code still works." in visible_text(browser)
        code = shown_code(browser)
        assert counter.run("code", "verify", code).stdout.strip() == (
            f"valid phone code of member {member_id}"
        )
    finally:
        browser.quit()
        ledger.start()
