"""Every call the screen makes into the core, in one place.

Widgets never call the ``Terminal`` themselves: each call here goes through ``core``, which
the window sets to the core executor's ``wait`` (ui/executor.py: the call runs off the GUI
thread while the event loop turns). Without a window (scripts, unit tests) it is a plain call.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, TypeVar

from app.bootstrap import Terminal
from app.domain.errors import InvalidInput, MemberDeskError
from app.domain.plus import PlusTerm, next_term
from app.domain.quote import Line, Quote
from app.domain.rulebook import Category, CouponTemplate, Gift, OfflineCaps, Plus
from app.services.context import Actor
from app.services.lookups import RefundPreview, TodayReceipt
from app.services.member_codes import TYPED, MemberCheck
from app.services.receipts import ReceiptView
from app.services.replica import SyncState
from app.services.search import MemberHit
from app.services.servicedesk import MemberHistory, OverdraftItem
from app.services.undo import LastRedemption, UndoResult
from app.services.views import (
    AdjustResult,
    AwardResult,
    DayReport,
    EnrollResult,
    MemberCard,
    PlusResult,
    RedeemResult,
    RefundResult,
)
from ui.amounts import parse_yuan

log = logging.getLogger(__name__)
T = TypeVar("T")


class CoreCalls(Protocol):
    """How a call into the core is made: ``work()`` somewhere, its result here."""

    def __call__(self, work: Callable[[], T], /) -> T: ...


def call_directly(work: Callable[[], T], /) -> T:
    return work()


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
    # How the member on screen was identified: typed, card_code or phone_code (member_codes).
    identified_by: str | None = None
    # What the member answered when asked to prove who they are (card codes above the
    # threshold); the core checks it again when points are used.
    member_answer: str | None = None
    # The sale just recorded, while the counter waits for the next customer (its summary
    # stays on the screens until the next member is scanned).
    finished_sale: AwardResult | None = None
    # Open requests of the flows (enroll, PLUS, redeem, refund): operation -> (inputs, id).
    flow_requests: dict[str, tuple[object, str]] = field(default_factory=dict)
    # How each call into the core is made (the window: its executor's ``wait``), and the
    # reads made while the screen is drawn (its ``wait_briefly``: no event loop turned).
    core: CoreCalls = call_directly
    core_read: CoreCalls = call_directly

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
        return self.core(self.terminal.cashiers)

    def sign_in(self, cashier_id: str, pin: str) -> Actor:
        terminal = self.terminal

        def work() -> tuple[Actor, int]:
            actor = terminal.sign_in(cashier_id, pin)
            return actor, terminal.open_shift(actor)  # the one already open, if any

        actor, self.shift_id = self.core(work)
        self.actor = actor
        return actor

    def sign_out(self) -> None:
        self.actor = None
        self.clear_member()

    # -- the member
    def look_up(self, query: str) -> MemberCard:
        # The core verifies a code offline (and takes a phone code's step once).
        terminal = self.terminal

        def work() -> tuple[str, MemberCard]:
            found = terminal.scan(query)
            return found.via, terminal.card(found.member_id)

        via, card = self.core(work)
        if self.card is None or card.member_id != self.card.member_id:
            self.sale_request_id = None
        self.card = card
        self.finished_sale = None
        self.identified_by = via
        self.member_answer = None
        self.start_sale()
        return card

    def refresh_card(self) -> MemberCard | None:
        if self.card is not None:
            member_id, terminal = self.card.member_id, self.terminal
            self.card = self.core(lambda: terminal.card(member_id))
        return self.card

    def clear_member(self) -> None:
        self.next_customer()
        self.last_award = None
        self.finished_sale = None

    def next_customer(self) -> None:
        """A sale is finished: forget the member (the receipt stays reprintable)."""
        self.card = None
        self.identified_by = None
        self.member_answer = None
        self.sale_request_id = None

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
            # the core's error, with the field and kind the screen says in any language
            fen = parse_yuan(text, label)
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
        member_id, terminal = self.card.member_id, self.terminal
        return self.core(lambda: terminal.quote(member_id, sale.lines, sale.coupon, sale.points))

    def award(self, sale: SaleInput) -> AwardResult | None:
        """Record the open sale; None when no sale is open (it was recorded already)."""
        job = self.award_job(sale)
        if job is None:
            return None
        result = self.award_recorded(self.core(job))
        self.refresh_card()  # the member stays on screen (the window moves on instead)
        return result

    def award_job(self, sale: SaleInput) -> Callable[[], AwardResult] | None:
        """The open sale's recording as a call that is safe on a worker thread (it holds its
        own copies of what it needs); None when no sale is open. Calling it twice records the
        sale once: the request id is the sale's."""
        if self.card is None or self.actor is None or self.sale_request_id is None:
            return None
        request_id, actor, member_id = self.sale_request_id, self.actor, self.card.member_id
        check, terminal = self.member_check(), self.terminal
        return lambda: terminal.award(
            request_id, actor, member_id, sale.lines, sale.coupon, sale.points, member_check=check
        )

    def award_recorded(self, result: AwardResult) -> AwardResult:
        """On the GUI thread, once the sale is recorded."""
        self.sale_request_id = None  # done: the next sale gets a new id
        self.last_award = result
        self.finished_sale = result
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
            return int(self.core_read(counter))  # drawn in the status bar
        return self.card.unconfirmed_events if self.card is not None else None

    # -- service desk, shift close, receipts, sync panel (helper-desk)
    def new_request_id(self) -> str:
        return uuid.uuid4().hex

    @property
    def is_supervisor(self) -> bool:
        return self.actor is not None and self.actor.role in ("supervisor", "admin")

    def history(self, query: str) -> MemberHistory:
        """A member's history at every counter when the ledger answers, else this one's."""
        return self.core(lambda: self.terminal.history(query, mall=True))

    def desk_history(self, query: str) -> MemberHistory:
        """The history of the member a scan or a typed entry names (a card or phone code
        too, read as at the counter)."""
        terminal = self.terminal
        return self.core(lambda: terminal.history(terminal.scan(query).member_id, mall=True))

    def overdrafts(self) -> list[OverdraftItem]:
        return self.core(self.terminal.overdrafts)

    def adjust(
        self,
        request_id: str,
        member_id: str,
        points: int,
        reason: str,
        approver: Actor | None = None,
    ) -> AdjustResult:
        """In the name of ``approver`` (a supervisor who approved in place), if given."""
        actor, terminal = approver or self._signed_in(), self.terminal
        return self.core(lambda: terminal.adjust(request_id, actor, member_id, points, reason))

    def write_off_overdraft(
        self, request_id: str, member_id: str, reason: str, approver: Actor | None = None
    ) -> AdjustResult:
        actor, terminal = approver or self._signed_in(), self.terminal
        return self.core(lambda: terminal.write_off_overdraft(request_id, actor, member_id, reason))

    # -- find and recover (pick)
    def approve(self, supervisor_id: str, pin: str, action: str) -> Actor:
        """A supervisor's PIN for ``action`` at this counter; nobody signs out."""
        actor, terminal = self._signed_in(), self.terminal
        return self.core(lambda: terminal.approve(actor, supervisor_id, pin, action))

    def search_members(self, query: str) -> list[MemberHit]:
        return self.core(lambda: self.terminal.search_members(query))

    def recent_members(self) -> list[MemberHit]:
        return self.core(self.terminal.recent_members)

    def receipts_today(self) -> list[TodayReceipt]:
        return self.core(self.terminal.receipts_today)

    def last_redemption(self) -> LastRedemption | None:
        return self.core(self.terminal.last_redemption)

    def undo_redemption(self) -> UndoResult:
        """Undo the newest redemption; a second Enter on the same question applies once."""
        actor = self._signed_in()
        last = self.last_redemption()
        request_id, terminal = self.flow_request_id("undo", last), self.terminal
        result = self.core(lambda: terminal.undo_redemption(request_id, actor))
        self.flow_recorded("undo")
        if self.card is not None:
            self.refresh_card()
        return result

    def close_shift(self) -> DayReport:
        if self.actor is None:
            raise InvalidInput("Sign in first.")
        actor, terminal = self.actor, self.terminal
        report = self.core(lambda: terminal.close_shift(actor))
        self.shift_id = None
        return report

    def end_of_day(self) -> DayReport:
        return self.core(self.terminal.end_of_day)

    def receipt(self, receipt_no: str) -> ReceiptView:
        return self.core(lambda: self.terminal.receipt(receipt_no))

    def sync_state(self) -> SyncState:
        return self.core(self.terminal.sync_state)

    # -- enroll, PLUS, redeem, refund, card codes (helper-flows)
    def flow_request_id(self, operation: str, inputs: object) -> str:
        """The client request id of a flow's change: the same for the same inputs until the
        core has recorded it (``flow_recorded``), so a second Enter never applies twice."""
        open_request = self.flow_requests.get(operation)
        if open_request is not None and open_request[0] == inputs:
            return open_request[1]
        request_id = uuid.uuid4().hex
        self.flow_requests[operation] = (inputs, request_id)
        return request_id

    def flow_recorded(self, operation: str) -> None:
        self.flow_requests.pop(operation, None)

    def _signed_in(self) -> Actor:
        if self.actor is None:
            raise InvalidInput("Sign in first.")
        return self.actor

    def _member(self) -> MemberCard:
        if self.card is None:
            raise InvalidInput("Scan a member code or type a member number or phone.")
        return self.card

    def enroll(self, phone: str, name: str, birthday: date | None, consent: bool) -> EnrollResult:
        actor = self._signed_in()
        inputs = (phone, name, birthday, consent)
        request_id = self.flow_request_id("enroll", inputs)
        terminal = self.terminal
        result = self.core(
            lambda: terminal.enroll(
                request_id, actor, phone=phone, name=name, birthday=birthday, consent=consent
            )
        )
        self.flow_recorded("enroll")
        self.look_up(result.member_id)
        return result

    def today(self) -> date:
        return self.terminal.ctx.today()

    def plus_rules(self) -> Plus:
        return self.terminal.rules.plus

    def plus_offer(self) -> PlusTerm:
        """The term a sale now would give the member on screen (a renewal extends theirs)."""
        card = self._member()
        current = date.fromisoformat(card.plus_expires_on) if card.plus_expires_on else None
        return next_term(current, self.today(), self.terminal.rules, growth=card.growth)

    def sell_plus(self) -> PlusResult:
        actor, card = self._signed_in(), self._member()
        request_id = self.flow_request_id("plus", card.member_id)
        terminal = self.terminal
        result = self.core(lambda: terminal.sell_plus(request_id, actor, card.member_id))
        self.flow_recorded("plus")
        self.refresh_card()
        return result

    def activate_plus_job(self, code: str) -> Callable[[], PlusResult]:
        """Redeeming an activation code as a call safe on a worker thread (it asks the
        ledger); the same code for the same member keeps its request id until recorded."""
        actor, card, terminal = self._signed_in(), self._member(), self.terminal
        member_id = card.member_id
        request_id = self.flow_request_id("plus_code", (member_id, code.strip().upper()))
        return lambda: terminal.activate_plus(request_id, actor, member_id, code)

    def plus_activated(self) -> None:
        """On the GUI thread, once the code's PLUS is recorded."""
        self.flow_recorded("plus_code")
        self.refresh_card()

    # redeem
    def gifts(self) -> tuple[Gift, ...]:
        return self.terminal.rules.gifts

    def gift_stock(self) -> dict[str, int]:
        return self.core(self.terminal.gift_stock)

    def exchange_coupons(self) -> tuple[CouponTemplate, ...]:
        """Coupons a member can buy with points."""
        return tuple(t for t in self.terminal.rules.coupon_templates if t.points_cost > 0)

    def offline_caps(self) -> OfflineCaps:
        return self.terminal.rules.offline

    def is_paired(self) -> bool:
        return bool(self.sync_state().paired)

    def redeem_asks_ledger(self) -> bool:
        """True when a redemption first asks the ledger (a network call: run it off the GUI
        thread)."""
        return self.terminal.ctx.authorizer is not None

    def needs_verification(self, card: MemberCard, points: int) -> bool:
        """A printed card code can be copied: above the rule book's threshold a redemption by
        card code needs proof that the holder is the member (PIN or phone digits). A phone
        number or a dynamic code from the member's phone is proof enough."""
        if self.card is None or card.member_id != self.card.member_id:
            return False
        threshold = self.terminal.rules.offline.card_code_pin_threshold_points
        return self.identified_by == "card_code" and points > threshold

    def verify_member(self, card: MemberCard, answer: str) -> bool:
        """Whether ``answer`` proves the holder of ``card`` is the member.

        Hook for the member PIN: when the core has ``Terminal.verify_member(member_id,
        answer)`` (PIN or the phone's last digits) it decides. Until then the member's whole
        phone number is the proof: it must identify this same member.
        """
        answer = answer.strip()
        if not answer:
            return False
        terminal = self.terminal
        if self.core(lambda: terminal.verify_member(card.member_id, answer)):
            self.member_answer = answer
            return True
        return False

    def member_check(self) -> MemberCheck:
        return MemberCheck(self.identified_by or TYPED, self.member_answer)

    def redeem(self, kind: str, item: str, points: int) -> RedeemResult:
        """Redeem for the member on screen (safe to call from a worker thread: it reads
        only what it is given and the terminal)."""
        actor, card = self._signed_in(), self._member()
        return self.redeem_for(actor, card.member_id, kind, item, points)

    def redeem_for(
        self, actor: Actor, member_id: str, kind: str, item: str, points: int
    ) -> RedeemResult:
        request_id = self.flow_request_id("redeem", (member_id, kind, item, points))
        check, terminal = self.member_check(), self.terminal
        result = self.core(
            lambda: terminal.redeem(
                request_id, actor, member_id, kind, item, points, member_check=check
            )
        )
        self.flow_recorded("redeem")
        return result

    # refund
    def refund_preview(self, receipt_no: str) -> RefundPreview:
        return self.core(lambda: self.terminal.refund_preview(receipt_no))

    def refund(self, receipt_no: str, amount_fen: int | None) -> RefundResult:
        actor = self._signed_in()
        request_id = self.flow_request_id("refund", (receipt_no, amount_fen))
        terminal = self.terminal
        result = self.core(lambda: terminal.refund(request_id, actor, receipt_no, amount_fen))
        self.flow_recorded("refund")
        if self.card is not None:
            self.refresh_card()
        return result
