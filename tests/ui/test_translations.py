"""The shipped translations are complete, keep every placeholder, and are compiled."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui.i18n import LANGUAGE_CODES, qm_path

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
TRANSLATED = [code for code in LANGUAGE_CODES if code != "en"]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")

pytestmark = pytest.mark.gui


def messages(code: str) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(I18N / f"memberdesk_{code}.ts").getroot()
    return [
        (ctx.findtext("name", ""), msg.findtext("source", ""), msg.find("translation"))
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    ]


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_text_is_translated(code: str) -> None:
    found = messages(code)
    assert len(found) > 100
    unfinished = [
        (ctx, source)
        for ctx, source, translation in found
        if translation is None
        or translation.get("type") in {"unfinished", "vanished", "obsolete"}
        or not (translation.text or "").strip()
    ]
    assert unfinished == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_the_placeholders(code: str) -> None:
    wrong = [
        (source, translation.text)
        for _ctx, source, translation in messages(code)
        if translation is not None
        and sorted(PLACEHOLDER.findall(source))
        != sorted(PLACEHOLDER.findall(translation.text or ""))
    ]
    assert wrong == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_compiled_file_has_every_translation(code: str, qapp) -> None:
    from ui.qt import QtCore

    translator = QtCore.QTranslator()
    assert translator.load(qm_path(code)), "run: python -m ui.i18n_build"
    for ctx, source, translation in messages(code):
        assert translator.translate(ctx, source) == translation.text, (ctx, source)
