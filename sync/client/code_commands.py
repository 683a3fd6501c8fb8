"""``memberdesk code card|dynamic``: member codes signed by the ledger.

``code dynamic`` plays the member's phone (for demos and tests): it keeps a device key in the
data directory, asks the ledger to certify it, and prints the code of the current 30 seconds.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from app import codes_render
from app.cli.main import terminal_for
from app.domain import codes
from app.domain.errors import MemberDeskError
from app.services import member_codes
from sync.client.http import LedgerClient, LedgerRefused, TransientError, paired_client


def _client(data_dir: Path) -> LedgerClient:
    client = paired_client(data_dir)
    if client is None:
        raise SystemExit(
            "memberdesk: this terminal is not paired; member codes are signed by "
            "the ledger ('memberdesk pair', or start 'memberdesk run' once)."
        )
    return client


def _save(text: str, args: argparse.Namespace, member_id: str, name: str) -> list[str]:
    written = []
    if getattr(args, "png", None):
        written.append(str(codes_render.write_png(text, Path(args.png))))
    if getattr(args, "svg", None):
        written.append(str(codes_render.write_svg(text, Path(args.svg))))
    if getattr(args, "pdf", None):
        written.append(str(codes_render.write_card_pdf(text, member_id, name, Path(args.pdf))))
    return written


def _emit(args: argparse.Namespace, value: dict[str, Any], text: str) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2) if args.json else text)


def cmd_card(args: argparse.Namespace) -> int:
    data_dir = Path(args.data_dir)
    terminal = terminal_for(args)
    member_id = terminal.identify(args.member)
    card = terminal.card(member_id)
    try:
        reply = _client(data_dir).card_code(member_id)
    except (LedgerRefused, TransientError) as error:
        print(f"memberdesk: the ledger could not sign the card: {error}", file=sys.stderr)
        return 1
    files = _save(reply.code, args, member_id, card.name)
    _emit(
        args,
        {"member_id": member_id, "code": reply.code, "files": files},
        reply.code + "".join(f"\nwrote {f}" for f in files),
    )
    return 0


def _phone_path(data_dir: Path, member_id: str) -> Path:
    return data_dir / "phones" / f"{member_id}.json"


def _phone(
    data_dir: Path, member_id: str, client: LedgerClient
) -> tuple[codes.DeviceCredential, Ed25519PrivateKey]:
    """The simulated phone's key and its ledger credential (renewed when expired)."""
    path = _phone_path(data_dir, member_id)
    if path.exists():
        saved = json.loads(path.read_text())
        device = Ed25519PrivateKey.from_private_bytes(base64.b64decode(saved["device"]))
        credential = codes.DeviceCredential(
            saved["key_id"],
            member_id,
            base64.b64decode(saved["device_key"]),
            date.fromisoformat(saved["expires_on"]),
            base64.b64decode(saved["signature"]),
        )
        if credential.expires_on >= datetime.now(UTC).date():
            return credential, device
    device = Ed25519PrivateKey.generate()
    public = device.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    reply = client.device_credential(member_id, base64.b64encode(public).decode())
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(
            {
                "device": base64.b64encode(
                    device.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
                ).decode(),
                "key_id": reply.key_id,
                "device_key": reply.device_key,
                "expires_on": reply.expires_on,
                "signature": reply.ledger_signature,
            },
            handle,
        )
    return codes.DeviceCredential(
        reply.key_id,
        member_id,
        public,
        date.fromisoformat(reply.expires_on),
        base64.b64decode(reply.ledger_signature),
    ), device


def cmd_dynamic(args: argparse.Namespace) -> int:
    data_dir = Path(args.data_dir)
    terminal = terminal_for(args)
    member_id = terminal.identify(args.member)
    try:
        credential, device = _phone(data_dir, member_id, _client(data_dir))
    except (LedgerRefused, TransientError) as error:
        print(f"memberdesk: the ledger could not certify the phone: {error}", file=sys.stderr)
        return 1
    text = codes.dynamic_code(credential, device, datetime.now(UTC))
    files = _save(text, args, member_id, terminal.card(member_id).name)
    _emit(
        args,
        {"member_id": member_id, "code": text, "files": files},
        text + "".join(f"\nwrote {f}" for f in files),
    )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    """Check a code offline with the keys of the last sync; nothing is written."""
    terminal = terminal_for(args)
    try:
        found = terminal.verify_code(args.text)
    except MemberDeskError as error:
        _emit(
            args,
            {"valid": False, "reason": error.code, "message": error.message},
            f"not accepted ({error.code}): {error.message}",
        )
        return 1
    finally:
        terminal.close()
    kind = "printed card" if found.via == member_codes.CARD_CODE else "phone"
    _emit(
        args,
        {"valid": True, "member_id": found.member_id, "via": found.via, "step": found.step},
        f"valid {kind} code of member {found.member_id}",
    )
    return 0


def register(sub: Any, common: Callable[..., None]) -> None:
    group = sub.add_parser("code", help="member codes (QR)").add_subparsers(
        dest="code_command", metavar="ACTION", required=True
    )
    parser = group.add_parser(
        "card",
        help="the member's printed-card code, signed by the ledger",
        description="Print (and save) a member's card code.",
    )
    common(parser)
    parser.add_argument("member", metavar="MEMBER_OR_PHONE")
    parser.add_argument("--png", help="save the QR code as PNG")
    parser.add_argument("--svg", help="save the QR code as SVG")
    parser.add_argument("--pdf", help="save a printable member card as PDF")
    parser.set_defaults(handler=cmd_card)
    parser = group.add_parser(
        "dynamic",
        help="the member's phone code for now (a simulated phone, for demos and tests)",
        description="Print the dynamic code a member's phone would show "
        "now (valid for 30 seconds, one step either side).",
    )
    common(parser)
    parser.add_argument("member", metavar="MEMBER_OR_PHONE")
    parser.add_argument("--png", help="save the QR code as PNG")
    parser.set_defaults(handler=cmd_dynamic)
    parser = group.add_parser(
        "verify",
        help="check a member code offline (nothing is written)",
        description="Verify a scanned member code with the ledger keys this terminal got at "
        "its last sync. Exit status 0 when valid, 1 with the reason when not.",
    )
    common(parser)
    parser.add_argument("text", metavar="CODE_TEXT")
    parser.set_defaults(handler=cmd_verify)
