"""Languages of the screen: load a translation at run time, pick the font that can show it.

English is the source language (no .qm). Simplified Chinese and Spanish are compiled from
``resources/i18n/memberdesk_<code>.ts`` with ``python -m ui.i18n_build``.

Text that comes from the rule book (tier names, benefits, medal names, lifecycle actions) is
data, not code, so it cannot go through ``self.tr()``. The default rule book's texts are listed
below with ``QT_TRANSLATE_NOOP`` so that lupdate collects them; ``rule_text`` looks them up
and shows a rule book's own wording unchanged when it has no translation.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.paths import resources_dir
from ui.qt import QtCore, QtGui, QtWidgets

QT_TRANSLATE_NOOP = QtCore.QT_TRANSLATE_NOOP

CJK_FAMILY = "Noto Sans CJK SC"
BASE_PIXEL_SIZE = 20  # large type, readable at arm's length


@dataclass(frozen=True)
class Language:
    code: str  # "en", "zh_CN", "es"
    native_name: str  # shown in its own language, so anyone can find their way back


LANGUAGES: tuple[Language, ...] = (
    Language("en", "English"),
    Language("zh_CN", "简体中文"),
    Language("es", "Español"),
)
LANGUAGE_CODES = tuple(lang.code for lang in LANGUAGES)


def qm_path(code: str) -> str:
    return str(resources_dir() / "i18n" / f"memberdesk_{code}.qm")


def normalise(code: str | None) -> str:
    """'zh-CN', 'zh_CN.UTF-8', 'zh' -> 'zh_CN'; anything unknown -> 'en'."""
    if not code:
        return "en"
    text = code.split(".")[0].replace("-", "_")
    for known in LANGUAGE_CODES:
        if text.lower() == known.lower():
            return known
    prefix = text.split("_")[0].lower()
    for known in LANGUAGE_CODES:
        if known.split("_")[0].lower() == prefix:
            return known
    return "en"


def font_for(code: str) -> QtGui.QFont:
    """The application font for a language.

    The CJK family comes first for Chinese and second otherwise: member names can be Chinese
    whatever the cashier's language, and must never show as empty boxes.
    """
    font = QtGui.QFont()
    families = ["Noto Sans", "DejaVu Sans", CJK_FAMILY]
    if code == "zh_CN":
        families = [CJK_FAMILY, "Noto Sans", "DejaVu Sans"]
    font.setFamilies(families)
    font.setPixelSize(BASE_PIXEL_SIZE)
    return font


def _qt_translator(app: QtCore.QCoreApplication, code: str) -> QtCore.QTranslator | None:
    """Qt's own translation (qtbase_<code>.qm, shipped with PySide6), installed; None where
    it is missing (then Qt's few own texts stay in English; ours are still translated)."""
    translator = QtCore.QTranslator(app)
    folder = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{code}", folder):
        return None
    QtCore.QCoreApplication.installTranslator(translator)
    return translator


class LanguageSwitcher:
    """Holds the one installed translator; switching sends LanguageChange to every widget."""

    def __init__(self, app: QtCore.QCoreApplication) -> None:
        self.app = app
        self.translator: QtCore.QTranslator | None = None
        # Qt's own texts (the wizard's Back/Next, standard buttons, context menus of fields).
        self.qt_translator: QtCore.QTranslator | None = None
        self.code = "en"

    def switch(self, code: str) -> bool:
        """Install ``code``; False (and English) when its .qm file cannot be loaded."""
        code = normalise(code)
        for old in (self.translator, self.qt_translator):
            if old is not None:
                QtCore.QCoreApplication.removeTranslator(old)
        self.translator = self.qt_translator = None
        loaded = True
        if code != "en":
            translator = QtCore.QTranslator(self.app)
            if translator.load(qm_path(code)):
                QtCore.QCoreApplication.installTranslator(translator)
                self.translator = translator
                self.qt_translator = _qt_translator(self.app, code)
            else:
                loaded = False
                code = "en"
        self.code = code
        if isinstance(self.app, QtWidgets.QApplication):
            self.app.setFont(font_for(code))
        QtCore.QLocale.setDefault(QtCore.QLocale(code))
        if not loaded or code == "en":
            # removeTranslator alone posts LanguageChange only when one was installed.
            QtCore.QCoreApplication.postEvent(
                self.app, QtCore.QEvent(QtCore.QEvent.Type.LanguageChange)
            )
        return loaded

    def next_code(self) -> str:
        index = LANGUAGE_CODES.index(self.code) if self.code in LANGUAGE_CODES else 0
        return LANGUAGE_CODES[(index + 1) % len(LANGUAGE_CODES)]


def rule_text(text: str) -> str:
    """A rule book text in the current language, or as the rule book wrote it."""
    return QtCore.QCoreApplication.translate("RuleBook", text)


# The default rule book's texts, for lupdate. A rule book of another mall shows its own words.
RULE_BOOK_TEXTS = (
    QT_TRANSLATE_NOOP("RuleBook", "Bronze"),
    QT_TRANSLATE_NOOP("RuleBook", "Silver"),
    QT_TRANSLATE_NOOP("RuleBook", "Gold"),
    QT_TRANSLATE_NOOP("RuleBook", "Platinum"),
    QT_TRANSLATE_NOOP("RuleBook", "Points on every purchase"),
    QT_TRANSLATE_NOOP("RuleBook", "10% more points"),
    QT_TRANSLATE_NOOP("RuleBook", "Birthday gift"),
    QT_TRANSLATE_NOOP("RuleBook", "20% more points"),
    QT_TRANSLATE_NOOP("RuleBook", "2% off"),
    QT_TRANSLATE_NOOP("RuleBook", "Free gift wrapping"),
    QT_TRANSLATE_NOOP("RuleBook", "50% more points"),
    QT_TRANSLATE_NOOP("RuleBook", "5% off"),
    QT_TRANSLATE_NOOP("RuleBook", "Free parking 3 h"),
    QT_TRANSLATE_NOOP("RuleBook", "Priority service desk"),
    QT_TRANSLATE_NOOP("RuleBook", "2x points"),
    QT_TRANSLATE_NOOP("RuleBook", "3% off"),
    QT_TRANSLATE_NOOP("RuleBook", "5% off grocery"),
    QT_TRANSLATE_NOOP("RuleBook", "8% off dining"),
    QT_TRANSLATE_NOOP("RuleBook", "Cinema: 2 tickets a month at half price"),
    QT_TRANSLATE_NOOP("RuleBook", "Car wash: 1 a month free"),
    QT_TRANSLATE_NOOP("RuleBook", "Grocery"),
    QT_TRANSLATE_NOOP("RuleBook", "Fashion"),
    QT_TRANSLATE_NOOP("RuleBook", "Electronics"),
    QT_TRANSLATE_NOOP("RuleBook", "Beauty"),
    QT_TRANSLATE_NOOP("RuleBook", "Dining"),
    QT_TRANSLATE_NOOP("RuleBook", "Gourmet"),
    QT_TRANSLATE_NOOP("RuleBook", "Trendsetter"),
    QT_TRANSLATE_NOOP("RuleBook", "Regular"),
    QT_TRANSLATE_NOOP("RuleBook", "Critic"),
    QT_TRANSLATE_NOOP("RuleBook", "Welcome: explain how points work"),
    QT_TRANSLATE_NOOP("RuleBook", "Mention the next tier and what it brings"),
    QT_TRANSLATE_NOOP("RuleBook", "Thank them; offer PLUS if not a member"),
    QT_TRANSLATE_NOOP("RuleBook", "Offer the win-back coupon"),
    QT_TRANSLATE_NOOP("RuleBook", "Offer the win-back coupon and check the phone number"),
    QT_TRANSLATE_NOOP("RuleBook", "Birthday month: offer the birthday gift"),
    QT_TRANSLATE_NOOP("RuleBook", "PLUS monthly 10 yuan off 100"),
    QT_TRANSLATE_NOOP("RuleBook", "We missed you: 20 yuan off 150"),
    QT_TRANSLATE_NOOP("RuleBook", "10% off dining"),
    QT_TRANSLATE_NOOP("RuleBook", "A free coffee"),
    QT_TRANSLATE_NOOP("RuleBook", "Welcome: 15 yuan off 100"),
    QT_TRANSLATE_NOOP("RuleBook", "Happy birthday: 50 yuan off 300"),
    QT_TRANSLATE_NOOP("RuleBook", "Critic: 10 yuan off 80"),
)
