"""The clearing report as a chart: one bar per funder, what it funded and what refunds took
back, written as a standalone SVG file (any browser or office program opens it).

Each bar says its figures in words too: colour never carries the meaning alone."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from app.domain.stores import FunderCharge

_WIDTH, _LABEL, _ROW, _TOP = 880, 120, 54, 70
_BAR = _WIDTH - _LABEL - 40


def _yuan(fen: int) -> str:
    return f"{fen // 100:,}.{fen % 100:02d}" if fen >= 0 else f"-{_yuan(-fen)}"


def clearing_svg(charges: Sequence[FunderCharge], title: str) -> str:
    """An SVG of the funders' charges: the full bar is what the funder gave, its hatched end
    what refunds clawed back, the solid part the net it is charged."""
    most = max((c.issued for c in charges), default=0) or 1
    height = _TOP + _ROW * max(len(charges), 1) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" font-family="sans-serif" font-size="14">',
        "<defs><pattern id='back' width='6' height='6' patternUnits='userSpaceOnUse' "
        "patternTransform='rotate(45)'><rect width='6' height='6' fill='#f3d9c4'/>"
        "<line x1='0' y1='0' x2='0' y2='6' stroke='#b5651d' stroke-width='3'/></pattern></defs>",
        f'<rect width="{_WIDTH}" height="{height}" fill="white"/>',
        f'<text x="20" y="30" font-size="18" font-weight="bold">{escape(title)}</text>',
        '<text x="20" y="52" fill="#444">solid: charged (net points); hatched: clawed back '
        "by refunds</text>",
    ]
    if not charges:
        parts.append(f'<text x="20" y="{_TOP + 20}">No points funded yet.</text>')
    for row, charge in enumerate(charges):
        y = _TOP + row * _ROW
        issued_w = round(_BAR * charge.issued / most)
        net_w = round(_BAR * max(charge.net_points, 0) / most)
        parts += [
            f'<text x="20" y="{y + 18}" font-weight="bold">{escape(charge.funder)}</text>',
            f'<rect x="{_LABEL}" y="{y + 4}" width="{issued_w}" height="18" fill="url(#back)" '
            'stroke="#b5651d"/>',
            f'<rect x="{_LABEL}" y="{y + 4}" width="{net_w}" height="18" fill="#2b6cb0"/>',
            f'<text x="{_LABEL}" y="{y + 40}" fill="#222">'
            f"gave {charge.issued:,} points, {charge.clawed_back:,} clawed back: charged "
            f"{charge.net_points:,} points = {_yuan(charge.fen)} yuan</text>",
        ]
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
