"""Settings (Ctrl+,): store and terminal (read-only), scanner timing, receipt printer,
language and theme. Enter or Ctrl+Enter saves to the settings file (the ``[counter]`` table,
and ``terminal.language`` for the next start) and applies at once; Esc cancels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from app.config import save_setting
from app.counter_config import PRINTERS, THEMES, CounterSettings, save_counter
from app.domain.errors import InvalidInput
from ui.controller import CounterController
from ui.dialogs import DeskDialog
from ui.fit import fit_to_window
from ui.i18n import LANGUAGES
from ui.qt import QtCore, QtWidgets

Qt = QtCore.Qt


class SettingsDialog(DeskDialog):
    saved = QtCore.Signal(object, str)  # CounterSettings, language code

    def __init__(
        self,
        controller: CounterController,
        current: CounterSettings,
        language: str,
        path: Path,
        parent: QtWidgets.QWidget | None = None,
        *,
        apply: Callable[[CounterSettings, str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.controller = controller
        self.current = current
        self.path = path
        self.apply = apply
        self.title = QtWidgets.QLabel()
        self.title.setObjectName("pageTitle")

        self.terminal_value = QtWidgets.QLabel()
        self.terminal_value.setObjectName("settingsTerminal")
        self.file_value = QtWidgets.QLabel(str(path))
        self.file_value.setObjectName("settingsFile")
        self.file_value.setWordWrap(True)
        self.gap = QtWidgets.QSpinBox()
        self.gap.setObjectName("scanGap")
        self.gap.setRange(1, 200)
        self.min_length = QtWidgets.QSpinBox()
        self.min_length.setObjectName("scanMinLength")
        self.min_length.setRange(1, 64)
        self.prefix = QtWidgets.QLineEdit()
        self.prefix.setObjectName("scanPrefix")
        self.suffix = QtWidgets.QLineEdit()
        self.suffix.setObjectName("scanSuffix")
        self.printer = QtWidgets.QComboBox()
        self.printer.setObjectName("printerKind")
        self.target = QtWidgets.QLineEdit()
        self.target.setObjectName("printerTarget")
        self.print_after = QtWidgets.QCheckBox()
        self.print_after.setObjectName("printAfterAward")
        self.language = QtWidgets.QComboBox()
        self.language.setObjectName("languageChoice")
        for lang in LANGUAGES:
            self.language.addItem(lang.native_name, lang.code)
        self.theme = QtWidgets.QComboBox()
        self.theme.setObjectName("themeChoice")

        self.labels: dict[str, QtWidgets.QLabel] = {}
        form = QtWidgets.QFormLayout()
        for key, widget in (
            ("terminal", self.terminal_value),
            ("file", self.file_value),
            ("gap", self.gap),
            ("min_length", self.min_length),
            ("prefix", self.prefix),
            ("suffix", self.suffix),
            ("printer", self.printer),
            ("target", self.target),
            ("print_after", self.print_after),
            ("language", self.language),
            ("theme", self.theme),
        ):
            label = QtWidgets.QLabel()
            if not isinstance(widget, QtWidgets.QLabel):
                label.setBuddy(widget)
            self.labels[key] = label
            form.addRow(label, widget)
        self.save_button = QtWidgets.QPushButton()
        self.save_button.setAutoDefault(False)
        self.save_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keys = QtWidgets.QLabel()
        self.keys.setObjectName("keyHint")
        self.keys.setWordWrap(True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addWidget(self.keys)
        layout.addStretch(1)

        self.save_button.clicked.connect(self.save)
        self.shortcut("Ctrl+Return", self.save)
        self.shortcut("Ctrl+Enter", self.save)
        for edit in (self.prefix, self.suffix, self.target):
            edit.returnPressed.connect(self.save)
        for spin in (self.gap, self.min_length):
            spin.lineEdit().returnPressed.connect(self.save)
        self.printer.currentIndexChanged.connect(self._printer_changed)

        self._load(current, language)
        fit_to_window(self, 900, 700)
        self.retranslate()
        self.gap.setFocus()

    def _load(self, current: CounterSettings, language: str) -> None:
        self.gap.setValue(current.scan_gap_ms)
        self.min_length.setValue(current.scan_min_length)
        self.prefix.setText(current.scan_prefix)
        self.suffix.setText(current.scan_suffix)
        self.target.setText(current.printer_target)
        self.print_after.setChecked(current.print_after_award)
        for code in PRINTERS:
            self.printer.addItem(code, code)
        self.printer.setCurrentIndex(PRINTERS.index(current.printer))
        for code in THEMES:
            self.theme.addItem(code, code)
        self.theme.setCurrentIndex(THEMES.index(current.theme))
        index = self.language.findData(language)
        self.language.setCurrentIndex(max(0, index))

    def _printer_changed(self, _index: int) -> None:
        kind = self.printer.currentData()
        self.target.setEnabled(kind not in ("none",))
        self._target_hint()

    def chosen(self) -> CounterSettings:
        return replace(
            self.current,
            scan_gap_ms=self.gap.value(),
            scan_min_length=self.min_length.value(),
            scan_prefix=self.prefix.text(),
            scan_suffix=self.suffix.text(),
            printer=str(self.printer.currentData()),
            printer_target=self.target.text().strip(),
            print_after_award=self.print_after.isChecked(),
            theme=str(self.theme.currentData()),
        )

    def save(self) -> None:
        chosen = self.chosen()
        language = str(self.language.currentData())
        try:
            chosen.check()
        except InvalidInput as error:
            self.show_error(error)
            return
        written = self.run(lambda: self._write(chosen, language))
        if written is None:
            return
        self.current = chosen
        if self.apply is not None:
            self.apply(chosen, language)
        self.saved.emit(chosen, language)
        self.accept()

    def _write(self, chosen: CounterSettings, language: str) -> Path:
        """The counter's table, then the language the terminal starts in next time."""
        save_counter(self.path, chosen)
        return save_setting(self.path, "terminal.language", language)

    def _target_hint(self) -> None:
        hints = {
            "none": self.tr("No receipt printer"),
            "pdf": self.tr("A folder for PDF receipts (empty: the reports folder)"),
            "network": self.tr("host:port, e.g. 192.168.1.50:9100"),
            "usb": self.tr("vendor:product in hex, e.g. 04b8:0202"),
            "serial": self.tr("a serial device, e.g. /dev/ttyUSB0 or COM3"),
            "file": self.tr("a file or device path, e.g. /dev/usb/lp0"),
        }
        self.target.setPlaceholderText(hints.get(str(self.printer.currentData()), ""))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.title.setText(self.tr("Settings (Ctrl+,)"))
        names = {
            "terminal": self.tr("Store and terminal"),
            "file": self.tr("Settings file"),
            "gap": self.tr("Scanner: &max gap between keys (ms)"),
            "min_length": self.tr("Scanner: &shortest code"),
            "prefix": self.tr("Scanner: p&refix to remove"),
            "suffix": self.tr("Scanner: s&uffix to remove"),
            "printer": self.tr("Receipt &printer"),
            "target": self.tr("Printer &address"),
            "print_after": self.tr("Receipts"),
            "language": self.tr("&Language"),
            "theme": self.tr("&Theme"),
        }
        for key, label in self.labels.items():
            label.setText(names[key])
        self.terminal_value.setText(
            self.tr("Store {store} · terminal {terminal}").format(
                store=self.controller.store_code, terminal=self.controller.terminal_id
            )
        )
        self.print_after.setText(self.tr("Print a receipt after every sale"))
        printers = {
            "none": self.tr("None"),
            "pdf": self.tr("PDF file"),
            "network": self.tr("ESC/POS network"),
            "usb": self.tr("ESC/POS USB"),
            "serial": self.tr("ESC/POS serial"),
            "file": self.tr("ESC/POS file or device"),
        }
        for i in range(self.printer.count()):
            self.printer.setItemText(i, printers[str(self.printer.itemData(i))])
        themes = {
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
            "high_contrast": self.tr("High contrast"),
        }
        for i in range(self.theme.count()):
            self.theme.setItemText(i, themes[str(self.theme.itemData(i))])
        self.prefix.setPlaceholderText(self.tr("none"))
        self.suffix.setPlaceholderText(self.tr("none"))
        self._target_hint()
        self.target.setEnabled(self.printer.currentData() != "none")
        self.save_button.setText(self.tr("Save (Ctrl+Enter)"))
        self.keys.setText(
            self.tr("Tab moves between fields · Enter or Ctrl+Enter saves · Esc cancels")
        )
        super().retranslate()
