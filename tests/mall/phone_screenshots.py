"""Screenshots of the member's phone page at a phone's size (390x844, twice the pixels) in
English, Simplified Chinese and Spanish, made the way a member gets there: a ledger and a
terminal as processes, purchases and a coupon at the counter, the binding QR, the page in
chromium. ``make phone-screenshots`` (or ``python -m tests.mall.phone_screenshots DIR``)."""

from __future__ import annotations

import base64
import sys
import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from tests.mall.browser import phone, wait_for
from tests.mall.harness import Counter, Ledger

LANGUAGES = ("en", "zh_CN", "es")


def _mall(folder: Path) -> tuple[Ledger, Counter]:
    home = folder / "ledger-host"
    home.mkdir()
    ledger = Ledger(f"sqlite+pysqlite:///{home / 'ledger.db'}", home)
    ledger.start()
    pc = folder / "pc"
    pc.mkdir()
    counter = Counter(pc / "memberdesk", pc)
    code = ledger.add_terminal("T01", "S001")
    counter.run("pair", "--ledger", ledger.url, "--code", code, "--terminal-id", "T01")
    counter.run("cashier", "first", "lin", "--name", "Lin", "--pin", "1111")
    counter.run("enroll", "--phone", "13900000001", "--name", "Zhang Wei",
                "--birthday", "1990-05-01", "--cashier", "lin")  # fmt: skip
    for line in ("grocery=268.50", "fashion=599", "dining=88", "electronics=1299"):
        counter.run("award", "13900000001", "--line", line, "--cashier", "lin")
    counter.run("coupon", "issue", "13900000001", "COFFEE", "--cashier", "lin")
    counter.run("sync", "--once")
    return ledger, counter


def _full_page(driver: object, path: Path) -> None:
    shot = driver.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}
    )
    path.write_bytes(base64.b64decode(shot["data"]))


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        ledger, counter = _mall(folder)
        browser = phone(folder / "phone")
        try:
            browser.get(counter.json("phone", "bind", "13900000001")["url"])
            wait_for(browser, "document.body.dataset.points")
            browser.find_element(By.CSS_SELECTOR, ".coupons button").click()  # its own QR
            for language in LANGUAGES:
                Select(browser.find_element(By.ID, "language")).select_by_value(language)
                browser.execute_script("window.scrollTo(0, 0)")
                tag = language.replace("_", "-")
                wait_for(browser, f"document.documentElement.lang === '{tag}'")
                browser.save_screenshot(str(out / f"phone-code-{language}.png"))
                _full_page(browser, out / f"phone-profile-{language}.png")
                print(f"wrote {out}/phone-code-{language}.png, phone-profile-{language}.png")
        finally:
            browser.quit()
            ledger.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
