"""The member card: who is at the counter, what they have, what to say to them."""

from __future__ import annotations

from app.domain.money import format_fen
from app.services.views import MemberCard
from ui.fit import scrolling
from ui.i18n import rule_text
from ui.plus_words import PlusWords
from ui.qt import QtCore, QtWidgets

Qt = QtCore.Qt


def money(fen: int) -> str:
    """Yuan with the current language's decimal sign: ¥12.50, es ¥12,50."""
    return f"¥{format_fen(fen).replace('.', QtCore.QLocale().decimalPoint())}"


def num(n: int) -> str:
    """A count with the current language's digit grouping (54,990 / 54.990)."""
    return QtCore.QLocale().toString(n)


def _label(name: str, wrap: bool = True) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class MemberCardView(QtWidgets.QFrame):
    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberCard")
        self.card: MemberCard | None = None
        self.empty = _label("cardEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = _label("cardName")
        self.plus_badge = _label("plusBadge", wrap=False)
        self.ids = _label("cardIds")
        self.tier = _label("cardTier", wrap=False)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setObjectName("tierProgress")
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(True)
        self.progress.setFormat("%p%")
        self.growth = _label("cardGrowth")
        self.dimensions = _label("cardDimensions")
        self.top_categories = _label("cardTopCategories")
        self.real_name = _label("cardRealName")
        self.points = _label("cardPoints")
        self.scopes = _label("cardScopes")  # points of other stores' scopes, not spendable here
        self.expiring = _label("cardExpiring")
        self.plus_pitch = _label("cardPlusPitch")
        self.stage = _label("cardStage")
        self.birthday = _label("cardBirthday")
        self.medals = _label("cardMedals")
        self.coupons = _label("cardCoupons")
        self.benefits = _label("cardBenefits")
        self.unconfirmed = _label("cardUnconfirmed")

        self.body = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        head = QtWidgets.QHBoxLayout()
        head.addWidget(self.name, 1)
        head.addWidget(self.plus_badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        layout.addWidget(self.ids)
        tier_row = QtWidgets.QHBoxLayout()
        tier_row.addWidget(self.tier)
        tier_row.addWidget(self.progress, 1)
        layout.addLayout(tier_row)
        layout.addWidget(self.growth)
        layout.addWidget(self.dimensions)
        layout.addWidget(self.top_categories)
        layout.addWidget(self.real_name)
        layout.addWidget(self.points)
        layout.addWidget(self.scopes)
        layout.addWidget(self.expiring)
        layout.addWidget(self.plus_pitch)
        layout.addWidget(self.stage)
        layout.addWidget(self.birthday)
        layout.addWidget(self.medals)
        layout.addWidget(self.coupons)
        layout.addWidget(self.benefits)
        layout.addWidget(self.unconfirmed)
        layout.addStretch(1)

        # On a short screen the card's lower lines scroll; it never makes the window taller.
        self.body_area = scrolling(self.body)
        self.body_area.setObjectName("cardArea")
        outer = QtWidgets.QVBoxLayout(self)
        outer.addWidget(self.empty, 1)
        outer.addWidget(self.body_area, 1)
        self.show_card(None)

    def show_card(self, card: MemberCard | None) -> None:
        self.card = card
        self.empty.setVisible(card is None)
        self.body_area.setVisible(card is not None)
        self.retranslate()

    def visible_texts(self) -> list[str]:
        """Every text the cashier can read on the card now (for tests and screen readers)."""
        labels = [self.empty] if self.card is None else self.body.findChildren(QtWidgets.QLabel)
        texts = [label.text() for label in labels if not label.isHidden() and label.text()]
        if self.card is not None:
            texts.append(self.progress.text())
        return texts

    def retranslate(self) -> None:
        self.empty.setText(
            self.tr(
                "No member yet.\nScan the member code, or type a member number or phone "
                "number, then press Enter."
            )
        )
        card = self.card
        if card is None:
            return
        self.name.setText(card.name)
        if card.plus_active:
            self.plus_badge.setText(
                self.tr("PLUS until {date}").format(date=card.plus_expires_on or "—")
            )
            self.plus_badge.setProperty("kind", "plus")
        else:
            self.plus_badge.setText(self.tr("No PLUS"))
            self.plus_badge.setProperty("kind", "none")
        self.plus_badge.style().unpolish(self.plus_badge)
        self.plus_badge.style().polish(self.plus_badge)
        self.ids.setText(
            self.tr("Member {member_id} · Phone {phone}").format(
                member_id=card.member_id, phone=card.phone
            )
        )
        self.tier.setText(self.tr("Tier: {tier}").format(tier=rule_text(card.tier_name)))
        self.progress.setValue(max(0, min(100, card.tier_progress_percent)))
        if card.next_tier_name:
            self.growth.setText(
                self.tr("{missing} growth to {tier} (growth {growth})").format(
                    missing=num(card.growth_missing),
                    tier=rule_text(card.next_tier_name),
                    growth=num(card.growth),
                )
            )
        else:
            self.growth.setText(
                self.tr("Top tier reached (growth {growth})").format(growth=num(card.growth))
            )
        self._growth_lines(card)
        self.points.setText(
            self.tr("{points} points, worth {value}").format(
                points=num(card.points), value=money(card.points_value_fen)
            )
        )
        if card.open_overdraft:
            self.points.setText(
                self.points.text()
                + " · "
                + self.tr("{n} points owed from refunds").format(n=card.open_overdraft)
            )
        elsewhere = [s for s in card.scope_points if not s.here]
        self.scopes.setVisible(bool(elsewhere))
        self.scopes.setText(
            self.tr("Not spendable here: {list}").format(
                list="; ".join(
                    self.tr("{points} points at {where}").format(
                        points=num(s.points), where=self._scope_name(s.scope, s.name)
                    )
                    for s in elsewhere
                )
            )
        )
        if card.expiring_points and card.expiring_on:
            self.expiring.setText(
                self.tr("Expiring soon: {points} points on {date}").format(
                    points=num(card.expiring_points), date=card.expiring_on
                )
            )
        else:
            self.expiring.setText(self.tr("No points expiring soon"))
        self.plus_pitch.setText(self._plus_pitch(card))
        stage = self._stage_name(card.stage)
        if card.suggested_action:
            self.stage.setText(
                self.tr("Stage: {stage} — {action}").format(
                    stage=stage, action=rule_text(card.suggested_action)
                )
            )
        else:
            self.stage.setText(self.tr("Stage: {stage}").format(stage=stage))
        if card.winback_coupon:
            self.stage.setText(
                self.stage.text()
                + " "
                + self.tr("(coupon {code})").format(code=card.winback_coupon)
            )
        self.birthday.setText(
            self.tr("Birthday: {note}").format(note=rule_text(card.birthday_action))
            if card.birthday_action
            else ""
        )
        self.birthday.setVisible(bool(card.birthday_action))
        medals = [
            self.tr("{medal} {level}/{levels}").format(
                medal=rule_text(m.name), level=m.level, levels=m.levels
            )
            for m in card.medals
        ]
        self.medals.setText(
            self.tr("Medals: {list}").format(list=", ".join(medals) if medals else self.tr("none"))
        )
        coupons = [
            self.tr("{code} ({name}, until {date})").format(
                code=c.code, name=rule_text(c.name), date=c.valid_until
            )
            for c in card.coupons
        ]
        self.coupons.setText(
            self.tr("Coupons: {list}").format(
                list="; ".join(coupons) if coupons else self.tr("none")
            )
        )
        benefits = [rule_text(b) for b in card.tier_benefits]
        if card.plus_active:
            benefits += [rule_text(b) for b in card.plus_benefits]
        self.benefits.setText(
            self.tr("Benefits: {list}").format(
                list=", ".join(benefits) if benefits else self.tr("none")
            )
        )
        if card.unconfirmed_events == 0:
            self.unconfirmed.setText(self.tr("All changes confirmed by the ledger"))
        elif card.unconfirmed_events == 1:
            self.unconfirmed.setText(self.tr("1 change not yet confirmed by the ledger"))
        else:
            self.unconfirmed.setText(
                self.tr("{n} changes not yet confirmed by the ledger").format(
                    n=card.unconfirmed_events
                )
            )

    def _growth_lines(self, card: MemberCard) -> None:
        """Growth by dimension and the member's top categories, as the store may see them."""
        names = {
            "consumption": self.tr("consumption"),
            "activity": self.tr("activity"),
            "account": self.tr("account"),
            "reputation": self.tr("reputation"),
            "credit": self.tr("credit"),
        }
        parts = [
            self.tr("{dimension} {value}").format(dimension=names.get(k, k), value=num(v))
            for k, v in card.growth_by_dimension.items()
        ]
        self.dimensions.setText(
            self.tr("Growth by dimension: {list}").format(list=" · ".join(parts))
        )
        tops = [
            self.tr("{category} {amount}").format(
                category=rule_text(c.name), amount=money(c.spend_fen)
            )
            for c in card.top_categories
        ]
        self.top_categories.setText(
            self.tr("Top categories: {list}").format(
                list=", ".join(tops) if tops else self.tr("none")
            )
        )
        self.real_name.setText(
            self.tr("Real name verified (ID {last4})").format(last4=card.real_name)
            if card.real_name
            else self.tr("Real name not verified")
        )

    def _scope_name(self, scope: str, name: str) -> str:
        return self.tr("the mall-wide stores") if scope == "mall" else rule_text(name)

    def _plus_pitch(self, card: MemberCard) -> str:
        """What PLUS saves the member, with the renewal prompt when one is due."""
        words = PlusWords()
        pitch = words.saving(card.plus_saving_kind, money(card.plus_saving_fen))
        prompt = words.prompt(card.plus_prompt, card.plus_prompt_days)
        return f"{pitch} · {prompt}" if prompt else pitch

    def _stage_name(self, stage: str) -> str:
        names = {
            "new": self.tr("new member"),
            "growing": self.tr("growing"),
            "loyal": self.tr("loyal"),
            "dormant": self.tr("dormant"),
            "lost": self.tr("lost"),
        }
        return names.get(stage, stage)
