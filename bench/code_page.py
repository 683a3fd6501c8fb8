"""``code_page``: from opening the member's bound phone page to its first member code drawn,
in Debian's chromium (headless, phone size), against the ledger serving a static page of the
same origin in the same browser (navigation start to its load event).

The page reads its key and credential from IndexedDB, signs the 30-second step with the
device key (Web Crypto Ed25519) and draws the QR code before it asks the ledger anything,
so the figure is the page's own work, not the network's. Median of 15 openings each.
"""

from __future__ import annotations

import statistics

import requests

from bench.common import Figure, Skipped, note, scratch_dir
from bench.ledger_proc import ledger
from sync.protocol import API
from sync.server import ledger as ledger_rules

ROUNDS = 15


def _open_ms(driver: object, url: str, script: str) -> float:
    from tests.mall.browser import wait_for

    driver.get(url)  # type: ignore[attr-defined]
    return float(wait_for(driver, script))  # type: ignore[arg-type]


def run(quick: bool) -> Figure:
    try:
        from tests.mall.browser import phone, wait_for
    except ImportError as error:
        raise Skipped(f"selenium is not installed ({error})") from None
    rounds = 3 if quick else ROUNDS
    with scratch_dir("code-page") as folder, ledger(f"sqlite+pysqlite:///{folder}/l.db") as server:
        from sqlalchemy.orm import Session

        with Session(server.engine) as session, session.begin():
            ledger_rules.import_members(
                session,
                [{"member_id": "M1", "phone": "13900000001", "name": "Bench", "points": "500"}],
                ledger_rules.rule_book(session),
            )
        credential = server.pair("B01")
        link = requests.post(
            f"{server.url}{API}/phones/bindings",
            json={"member_id": "M1"},
            headers={"Authorization": f"Bearer {credential}"},
            timeout=10,
        ).json()["url"]
        try:
            driver = phone(folder / "phone")
        except Exception as error:  # no chromium here
            raise Skipped(f"chromium cannot start ({error})") from None
        try:
            driver.get(link)
            wait_for(driver, "document.body.dataset.points")
            page, static = [], []
            for _ in range(rounds):
                page.append(
                    _open_ms(driver, f"{server.url}/phone/", "document.body.dataset.codeDrawnMs")
                )
                static.append(
                    _open_ms(
                        driver,
                        f"{server.url}/phone/licences.html",
                        "performance.getEntriesByType('navigation')[0].loadEventEnd",
                    )
                )
        finally:
            driver.quit()
    note(f"code drawn after {sorted(page)} ms; static page loaded after {sorted(static)} ms")
    return Figure("code_page", statistics.median(page), "ms", statistics.median(static))
