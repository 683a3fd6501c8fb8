"""Receipts: the words of a receipt in the cashier's language, sent to an ESC/POS printer
(network, USB, serial, or a file/device) through python-escpos, or written as a PDF.

Latin text goes to the printer as text; text a printer's code pages cannot hold (Chinese) is
drawn with Qt into an image and printed as a raster image. Talking to a printer runs on a
worker thread; the result arrives by signal, so a slow or absent printer never freezes the
counter.
"""

from __future__ import annotations

import io
import logging
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.counter_config import CounterSettings
from app.domain.money import format_fen
from app.services.receipts import ReceiptView
from app.services.views import PlusResult
from ui.card import num
from ui.i18n import rule_text
from ui.plus_words import PlusWords
from ui.qt import QtCore, QtGui

log = logging.getLogger(__name__)
WIDTH = 42  # characters on an 80 mm roll


def _money(fen: int) -> str:
    return f"¥{format_fen(fen)}"


def _pair(left: str, right: str, width: int = WIDTH) -> str:
    gap = max(1, width - len(left) - len(right))
    return f"{left}{' ' * gap}{right}"


def _wrapped(text: str) -> list[str]:
    """A sentence in lines that fit the roll (a Chinese character takes two columns)."""
    width = WIDTH if not needs_image([text]) else WIDTH // 2
    return textwrap.wrap(text, width) or [""]


class ReceiptText(QtCore.QObject):
    """The receipt's lines in the current language."""

    def lines(self, view: ReceiptView) -> list[str]:
        at = view.at
        stamp = f"{at[:10]} {at[11:16]} {view.timezone} (UTC{at[19:]})"
        out = [
            self.tr("Store {store} · terminal {terminal}").format(
                store=view.store_code, terminal=view.terminal_id
            ),
            self.tr("Receipt {receipt}").format(receipt=view.receipt_no),
            stamp,
            self.tr("Cashier: {name}").format(name=view.cashier),
            self.tr("Member: {member_id} {name}").format(
                member_id=view.member_id, name=view.member_name
            ),
            "-" * WIDTH,
        ]
        out += [
            _pair(QtCore.QCoreApplication.translate("RuleBook", ln.category), _money(ln.amount_fen))
            for ln in view.lines
        ]
        out.append("-" * WIDTH)
        out.append(_pair(self.tr("Subtotal"), _money(view.subtotal_fen)))
        if view.coupon_code:
            out.append(self.tr("Coupon {code}").format(code=view.coupon_code))
        if view.points_used:
            out.append(
                _pair(
                    self.tr("{points} points used").format(points=num(view.points_used)),
                    "-" + _money(view.points_deduction_fen),
                )
            )
        out.append(_pair(self.tr("You saved"), _money(view.savings_fen)))
        out.append(_pair(self.tr("Paid"), _money(view.payable_fen)))
        out.append("-" * WIDTH)
        out.append(self.tr("Points earned: {n}").format(n=num(view.points_earned)))
        out.append(self.tr("Points spent: {n}").format(n=num(view.points_used)))
        out.append(self.tr("Balance: {n} points").format(n=num(view.balance)))
        if view.expiring_points and view.expiring_on:
            out.append(
                self.tr("Expiring soon: {n} points on {date}").format(
                    n=num(view.expiring_points), date=view.expiring_on
                )
            )
        if view.plus_saving_kind:
            out += _wrapped(PlusWords().saving(view.plus_saving_kind, _money(view.plus_saving_fen)))
        out.append(self.tr("Thank you!"))
        return out


class PlusSlip(QtCore.QObject):
    """The slip of a PLUS sale: the term and each partner benefit's code."""

    def lines(self, result: PlusResult) -> list[str]:
        out = [
            self.tr("PLUS for member {member_id}").format(member_id=result.member_id),
            self.tr("Valid from {start} to {end}").format(
                start=result.starts_on, end=result.ends_on
            ),
            "-" * WIDTH,
        ]
        for given in result.entitlements:
            out += _wrapped(f"{rule_text(given['name'])} ({given['partner']})")
            out.append(
                self.tr("Code {code}, until {date}").format(
                    code=given["code"], date=given["valid_until"]
                )
            )
        out.append(self.tr("Show the code to the partner. Thank you!"))
        return out


def needs_image(lines: list[str]) -> bool:
    """True when a printer's code page cannot hold the text (Chinese, for one)."""
    try:
        "\n".join(lines).encode("cp437")
    except UnicodeEncodeError:
        return True
    return False


def render_image(lines: list[str], width_px: int = 576) -> QtGui.QImage:
    """The receipt drawn black on white, 576 dots wide (an 80 mm printer)."""
    font = QtGui.QFont()
    font.setFamilies(["Noto Sans Mono CJK SC", "Noto Sans CJK SC", "DejaVu Sans Mono"])
    font.setPixelSize(22)
    metrics = QtGui.QFontMetrics(font)
    height = metrics.lineSpacing() * len(lines) + 16
    image = QtGui.QImage(width_px, height, QtGui.QImage.Format.Format_Grayscale8)
    image.fill(QtGui.QColor("white"))
    painter = QtGui.QPainter(image)
    painter.setFont(font)
    painter.setPen(QtGui.QColor("black"))
    y = 8 + metrics.ascent()
    for line in lines:
        painter.drawText(4, y, line)
        y += metrics.lineSpacing()
    painter.end()
    return image


def to_pil(image: QtGui.QImage) -> Any:
    from PIL import Image

    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; Qt takes str
    return Image.open(io.BytesIO(bytes(buffer.data().data())))


def open_printer(kind: str, target: str) -> Any:
    """An escpos printer for the settings' kind and target."""
    from escpos import printer  # type: ignore[import-untyped]

    if kind == "network":
        host, _, port = target.partition(":")
        return printer.Network(host, int(port or 9100), timeout=5)
    if kind == "usb":
        vendor, _, product = target.partition(":")
        return printer.Usb(int(vendor, 16), int(product, 16))
    if kind == "serial":
        return printer.Serial(target)
    if kind == "file":
        return printer.File(target)
    raise ValueError(f"not an ESC/POS printer kind: {kind}")


def send(device: Any, lines: list[str], image: Any = None) -> None:
    """Print on an escpos printer (text, or the image when given), then cut."""
    if image is not None:
        device.image(image)
    else:
        device.text("\n".join(lines) + "\n")
    device.cut()


def write_pdf(lines: list[str], receipt_no: str, path: Path) -> Path:
    """A receipt as a PDF page 80 mm wide (the CJK font embedded)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QtGui.QPdfWriter(str(path))
    writer.setTitle(f"Receipt {receipt_no}")
    writer.setCreator("MemberDesk")
    writer.setResolution(203)  # a thermal printer's dots per inch
    height_mm = 20 + 6 * len(lines)
    writer.setPageSize(
        QtGui.QPageSize(QtCore.QSizeF(80, height_mm), QtGui.QPageSize.Unit.Millimeter)
    )
    writer.setPageMargins(QtCore.QMarginsF(3, 3, 3, 3), QtGui.QPageLayout.Unit.Millimeter)
    painter = QtGui.QPainter(writer)
    font = QtGui.QFont()
    font.setFamilies(["Noto Sans Mono CJK SC", "Noto Sans CJK SC", "DejaVu Sans Mono"])
    font.setPointSizeF(7.5)
    painter.setFont(font)
    metrics = painter.fontMetrics()
    y = metrics.ascent()
    for line in lines:
        painter.drawText(0, y, line)
        y += metrics.lineSpacing()
    painter.end()
    return path


class ReceiptPrinter(QtCore.QObject):
    """Prints receipts with the counter's printer settings; ``done(ok, text)`` tells how it
    went (emitted on the GUI thread)."""

    done = QtCore.Signal(bool, str)

    def __init__(
        self,
        settings: Callable[[], CounterSettings],
        pdf_dir: Path,
        parent: QtCore.QObject | None = None,
        *,
        opener: Callable[[str, str], Any] = open_printer,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.pdf_dir = pdf_dir
        self.opener = opener
        self.text = ReceiptText(self)
        self.slip = PlusSlip(self)
        self.last_thread: threading.Thread | None = None

    def print_receipt(self, view: ReceiptView) -> bool:
        """Start printing; False when no printer is set (nothing to wait for)."""
        return self.print_lines(self.text.lines(view), view.receipt_no)

    def print_plus_slip(self, result: PlusResult) -> bool:
        """The PLUS term and its partner benefits' codes, for the member to take along."""
        name = f"plus-{result.event_id or result.member_id}"
        return self.print_lines(self.slip.lines(result), name)

    def print_lines(self, lines: list[str], receipt_no: str) -> bool:
        """Start printing ``lines``; False when no printer is set (nothing to wait for)."""
        config = self.settings()
        if config.printer == "none":
            return False
        if config.printer == "pdf":
            folder = Path(config.printer_target) if config.printer_target else self.pdf_dir
            target = folder / f"receipt-{receipt_no}.pdf"
            try:
                write_pdf(lines, receipt_no, target)
            except Exception as error:  # a full disk, a folder that is not there
                log.exception("PDF receipt failed")
                self.done.emit(False, str(error))
            else:
                self.done.emit(True, str(target))
            return True
        image = to_pil(render_image(lines)) if needs_image(lines) else None
        kind, where = config.printer, config.printer_target

        def work() -> None:
            try:
                device = self.opener(kind, where)
                try:
                    send(device, lines, image)
                finally:
                    close = getattr(device, "close", None)
                    if callable(close):
                        close()
            except Exception as error:  # the printer is off, unplugged, out of paper
                log.warning("receipt printer %s %s failed: %s", kind, where, error)
                self.done.emit(False, f"{kind} {where}: {error}")
            else:
                self.done.emit(True, f"{kind} {where}")

        self.last_thread = threading.Thread(target=work, name="memberdesk-receipt", daemon=True)
        self.last_thread.start()
        return True
