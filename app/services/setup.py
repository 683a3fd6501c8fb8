"""First start of a terminal: its identity, and the rule book it works by."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import RuleBookError
from app.domain.rulebook import RuleBook, parse_rule_book
from app.services.context import ServiceContext
from app.store.models import GiftStock, RuleBookRow, TerminalState
from app.store.outbox import GENESIS_HASH


def identity(session: Session) -> tuple[str, str] | None:
    """(terminal id, store code) of this database, or None before the first start."""
    state = session.get(TerminalState, 1)
    return None if state is None else (state.terminal_id, state.store_code)


def ensure_identity(session: Session, terminal_id: str, store_code: str, now: datetime) -> None:
    if session.get(TerminalState, 1) is None:
        session.add(
            TerminalState(
                id=1,
                terminal_id=terminal_id,
                store_code=store_code,
                next_seq=1,
                last_hash=GENESIS_HASH,
                created_at=now,
            )
        )


def read_rule_book_file(path: Path) -> RuleBook:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise RuleBookError(f"{path}: cannot read the rule book: {error}") from None
    return parse_rule_book(document)


def installed_rule_book(session: Session) -> RuleBook | None:
    row = session.scalar(select(RuleBookRow).order_by(RuleBookRow.version.desc()).limit(1))
    return None if row is None else parse_rule_book(json.loads(row.body))


def install_rule_book(ctx: ServiceContext, rules: RuleBook) -> RuleBook:
    """Keep a rule book (a newer version replaces the one in force; an older one is ignored)."""
    with ctx.write() as session:
        current = installed_rule_book(session)
        if current is not None and current.version >= rules.version:
            return current
        session.add(
            RuleBookRow(
                version=rules.version, body=json.dumps(dict(rules.raw)), installed_at=ctx.now()
            )
        )
        for gift in rules.gifts:
            if session.get(GiftStock, gift.code) is None:
                session.add(GiftStock(gift_code=gift.code, stock=0))
    ctx.rules = rules
    return rules
