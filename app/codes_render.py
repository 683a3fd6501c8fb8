"""Member codes as pictures: PNG and SVG QR codes, and a printable member card (PDF)."""

from __future__ import annotations

from pathlib import Path

import qrcode
import qrcode.image.svg
from PIL import Image, ImageDraw, ImageFont

# fonts-noto-cjk on Debian; without it names in Han characters print as boxes.
CJK_FONTS = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc"),
)


def _qr(text: str) -> qrcode.QRCode:  # type: ignore[type-arg]
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, box_size=8)
    code.add_data(text)
    code.make(fit=True)
    return code


def write_png(text: str, path: Path) -> Path:
    _qr(text).make_image().save(str(path))
    return path


def write_svg(text: str, path: Path) -> Path:
    image = _qr(text).make_image(image_factory=qrcode.image.svg.SvgPathImage)
    with path.open("wb") as handle:
        image.save(handle)
    return path


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for candidate in CJK_FONTS:
        if candidate.exists():
            return ImageFont.truetype(str(candidate), size)
    return ImageFont.load_default()


def write_card_pdf(text: str, member_id: str, name: str, path: Path) -> Path:
    """A card the size of a bank card at 300 dpi (85.6 x 54 mm): QR left, name right."""
    width, height = 1011, 638
    card = Image.new("RGB", (width, height), "white")
    qr_image = _qr(text).make_image().convert("RGB")
    side = height - 80
    card.paste(qr_image.resize((side, side)), (40, 40))
    draw = ImageDraw.Draw(card)
    draw.text((side + 80, 80), "MemberDesk", fill="black", font=_font(48))
    draw.text((side + 80, 200), name, fill="black", font=_font(44))
    draw.text((side + 80, 290), member_id, fill="black", font=_font(40))
    card.save(str(path), "PDF", resolution=300.0)
    return path
