"""Every call the screen makes into the core, in one place.

The calls are synchronous: the database is local and fast. Widgets never call the
``Terminal`` themselves, so moving these calls to a worker thread later changes only this
class (and turns its results into signals).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.bootstrap import Terminal
from app.domain.errors import InvalidInput, MemberDeskError
from app.domain.money import parse_amount
from app.domain.quote import Line, Quote
from app.domain.rulebook import Category
from app.services.context import Actor
from app.services.views import AwardResult, MemberCard

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SaleInput:
    """What the cashier typed for one purchase, already parsed."""

    lines: tuple[Line, ...]
    points: int = 0
    coupon: str | None = None


@dataclass
class CounterController:
    terminal: Terminal
    actor: Actor | None = None
    card: MemberCard | None = None
    # The client request id of the sale being rung up: made when the sale starts, reused by
    # every confirm until the core has recorded it, so a double press never awards twice.
    sale_request_id: str | None = None
    last_award: AwardResult | None = field(default=None)
    shift_id: int | None = None

    # -- who is at the counter
    @property
    def terminal_id(self) -> str:
        return self.terminal.settings.terminal_id

    @property
    def store_code(self) -> str:
        return self.terminal.settings.store_code

    @property
    def language(self) -> str:
        return self.terminal.settings.language

    def categories(self) -> tuple[Category, ...]:
        return self.terminal.rules.categories

    def cashiers(self) -> list[Actor]:
        return self.terminal.cashiers()

    def sign_in(self, cashier_id: str, pin: str) -> Actor:
        actor = self.terminal.sign_in(cashier_id, pin)
        self.shift_id = self.terminal.open_shift(actor)  # the one already open, if any
        self.actor = actor
        return actor

    def sign_out(self) -> None:
        self.actor = None
        self.clear_member()

    # -- the member
    def look_up(self, query: str) -> MemberCard:
        card = self.terminal.card(query)
        if self.card is None or card.member_id != self.card.member_id:
            self.sale_request_id = None
        self.card = card
        self.start_sale()
        return card

    def refresh_card(self) -> MemberCard | None:
        if self.card is not None:
            self.card = self.terminal.card(self.card.member_id)
        return self.card

    def clear_member(self) -> None:
        self.card = None
        self.sale_request_id = None
        self.last_award = None

    # -- the sale
    def start_sale(self) -> str:
        """The request id of the open sale, making one when no sale is open."""
        if self.sale_request_id is None:
            self.sale_request_id = uuid.uuid4().hex
        return self.sale_request_id

    @property
    def sale_open(self) -> bool:
        return self.sale_request_id is not None

    def parse_sale(
        self, amounts: Sequence[tuple[str, str, str]], points_text: str, coupon_text: str
    ) -> SaleInput:
        """(category code, category label, typed text) triples to a sale; empty ones skipped.

        Raises the core's ``InvalidInput`` for a malformed amount, so the message is the
        core's and names the field.
        """
        lines = []
        for code, label, text in amounts:
            if not text.strip():
                continue
            try:
                fen = parse_amount(text, label)
            except InvalidInput as error:
                # The core's message; the parameters let the screen say it in any language.
                kind = "amount" if "is not an amount" in error.message else "amount_range"
                raise InvalidInput(error.message, kind=kind, field=label, text=text) from None
            lines.append(Line(code, fen))
        points_text = points_text.strip()
        if points_text and not points_text.isdigit():
            raise InvalidInput(
                f"Points to use: '{points_text}' is not a whole number.",
                field="points",
                kind="points_text",
                text=points_text,
            )
        coupon = coupon_text.strip() or None
        return SaleInput(tuple(lines), int(points_text or 0), coupon)

    def quote(self, sale: SaleInput) -> Quote:
        if self.card is None:
            raise InvalidInput("Scan a member code or type a member number or phone.")
        return self.terminal.quote(self.card.member_id, sale.lines, sale.coupon, sale.points)

    def award(self, sale: SaleInput) -> AwardResult | None:
        """Record the open sale; None when no sale is open (it was recorded already)."""
        if self.card is None or self.actor is None or self.sale_request_id is None:
            return None
        result = self.terminal.award(
            self.sale_request_id,
            self.actor,
            self.card.member_id,
            sale.lines,
            sale.coupon,
            sale.points,
        )
        self.sale_request_id = None  # done: the next sale gets a new id
        self.last_award = result
        self.refresh_card()
        return result

    def refresh_card_quietly(self) -> None:
        """Re-read the card on screen after a sync (balances may have moved); errors wait
        for the cashier's next action."""
        if self.card is None:
            return
        try:
            self.refresh_card()
        except MemberDeskError:
            log.info("card refresh after sync failed", exc_info=True)

    # -- sync state
    def events_waiting(self) -> int | None:
        """Events the ledger has not acknowledged; None when unknown.

        Uses ``Terminal.outbox_waiting()`` when the core has it; until then the count for the
        member on screen.
        """
        counter = getattr(self.terminal, "outbox_waiting", None)
        if callable(counter):
            return int(counter())
        return self.card.unconfirmed_events if self.card is not None else None
