"""The member's phone: Debian's chromium, headless, driven through chromium-driver by
Selenium, at a phone's screen size, with a profile of its own (no browser is downloaded)."""

from __future__ import annotations

import io
from pathlib import Path

import zxingcpp
from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"
PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/156.0.0.0 Mobile Safari/537.36"
)
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-dev-shm-usage",
)


def phone(profile: Path, language: str = "en", size: tuple[int, int] = (390, 844)) -> WebDriver:
    """A phone's browser: ``profile`` an empty folder (its own storage), ``language`` the
    browser's language as a phone set to it sends (en, zh-CN, es)."""
    profile.mkdir(parents=True, exist_ok=True)
    options = Options()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--lang={language}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    options.add_experimental_option(
        "mobileEmulation",
        {
            "deviceMetrics": {"width": size[0], "height": size[1], "pixelRatio": 2},
            "userAgent": PHONE_UA,
        },
    )
    service = Service(executable_path=DRIVER, log_output=str(profile.parent / "chromedriver.log"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    return driver


# A browser whose Web Crypto has no Ed25519 (as older ones): key generation refused, as such
# a browser refuses it, before any of the page's scripts run.
NO_WEB_CRYPTO_ED25519 = """
const generateKey = crypto.subtle.generateKey.bind(crypto.subtle);
crypto.subtle.generateKey = (algorithm, ...rest) =>
  (algorithm === 'Ed25519' || (algorithm && algorithm.name === 'Ed25519'))
    ? Promise.reject(new DOMException('Unrecognized algorithm name', 'NotSupportedError'))
    : generateKey(algorithm, ...rest);
"""


def without_web_crypto_ed25519(driver: WebDriver) -> None:
    driver.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Page.addScriptToEvaluateOnNewDocument", {"source": NO_WEB_CRYPTO_ED25519}
    )


def wait_for(driver: WebDriver, script: str, timeout: float = 30) -> object:
    """Wait until ``script`` (a JavaScript expression) is truthy in the page; its value."""
    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(
        lambda d: d.execute_script(f"return {script};")
    )


def state(driver: WebDriver) -> str:
    return str(driver.execute_script("return document.body.dataset.state || ''"))


def read_qr(png: bytes) -> str:
    """The text of the one QR code in a picture, read as a camera or scanner would."""
    found = zxingcpp.read_barcodes(
        Image.open(io.BytesIO(png)).convert("L"), formats=zxingcpp.BarcodeFormat.QRCode
    )
    assert len(found) == 1, f"{len(found)} QR codes in the picture"
    return str(found[0].text)


def shown_code(driver: WebDriver) -> str:
    """The member code the page shows, read from the screen."""
    return read_qr(driver.find_element(By.ID, "code").screenshot_as_png)


def visible_text(driver: WebDriver) -> str:
    return str(driver.find_element(By.TAG_NAME, "body").text)
