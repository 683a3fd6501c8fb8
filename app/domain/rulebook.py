"""The versioned rule book: every membership rule as data.

The ledger distributes rule books; a standalone shop uses the built-in default
(`resources/rules/default.json`). ``parse_rule_book`` validates a decoded JSON document and
names the bad field in its message, e.g. ``tiers[2].threshold: must be an integer >= 0``.
Rates are integers: percentages as whole percent, multipliers in percent (150 = 1.5x).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.errors import RuleBookError

Rounding = Literal["down", "half_up"]
ExpiryKind = Literal["end_of_next_year", "days", "never"]
CouponKind = Literal["amount_off", "percent_off", "gift"]
Scope = Literal["single", "joint", "mall"]
Stage = Literal["new", "growing", "loyal", "dormant", "lost"]

STAGES: tuple[Stage, ...] = ("new", "growing", "loyal", "dormant", "lost")
DEFAULT_TIMEZONE = "Asia/Shanghai"  # a store's zone when neither it nor the rule book names one
DIMENSIONS = ("consumption", "activity", "account", "reputation", "credit")


@dataclass(frozen=True, slots=True)
class PointsPolicy:
    earn_points: int  # points earned ...
    earn_per_fen: int  # ... per this many fen paid (default 1 point per 100 fen)
    value_fen_per_point: int  # what one point takes off an order, in fen
    rounding: Rounding
    max_order_share_percent: int  # at most this share of an order payable with points
    expiry: ExpiryKind
    expiry_days: int  # used when expiry == "days"


@dataclass(frozen=True, slots=True)
class Tier:
    code: str
    name: str
    threshold: int  # growth value needed
    points_multiplier_percent: int
    discount_percent: int
    benefits: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GrowthWeights:
    per_yuan_spent: int
    per_purchase: int
    per_category: int
    consumption_cap: int
    per_active_day: int
    activity_cap: int
    profile_complete: int
    real_name_verified: int
    per_return: int  # subtracted
    per_risk_flag: int  # subtracted
    credit_max: int  # credit score 0..100 scaled to 0..credit_max


@dataclass(frozen=True, slots=True)
class PlusPrice:
    growth: int  # members with at least this growth value ...
    fee_fen: int  # ... pay this fee


@dataclass(frozen=True, slots=True)
class PartnerBenefit:
    """A partner's benefit issued with every PLUS term as an entitlement with its own code
    (a video platform's membership, cinema tickets), redeemed at the partner."""

    code: str
    name: str
    partner: str
    validity_days: int


@dataclass(frozen=True, slots=True)
class Plus:
    fee_fen: int
    validity_days: int
    points_multiplier_percent: int
    extra_discount_percent: int
    category_discounts: Mapping[str, int]
    monthly_coupons: tuple[str, ...]
    partner_benefits: tuple[str, ...]
    prices: tuple[PlusPrice, ...] = ()  # special prices by growth line, rising growth
    renewal_prompt_days: int = 30  # offer the renewal from this many days before expiry
    lapsed_prompt_days: int = 365  # offer PLUS again for this many days after a lapse
    entitlements: tuple[PartnerBenefit, ...] = ()  # the partner benefits issued with a code


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Medal:
    code: str
    name: str
    kind: Literal["category", "behaviour"]
    category: str | None  # for category medals: spend in this category (fen)
    metric: str | None  # for behaviour medals: purchases, reviews, referrals, active_days
    levels: tuple[int, ...]  # ascending thresholds; level n reached at levels[n-1]


@dataclass(frozen=True, slots=True)
class Lifecycle:
    new_days: int  # enrolled less than this many days ago
    loyal_purchases_365: int  # at least this many purchases in 365 days
    dormant_days: int  # no purchase for this many days
    lost_days: int
    actions: Mapping[str, str]  # stage -> suggested action at the counter
    birthday_action: str
    winback_coupon: str | None


@dataclass(frozen=True, slots=True)
class CampaignEffect:
    multiplier_percent: int  # 100 = no change; 200 = double base points
    bonus_points: int
    coupon: str | None


@dataclass(frozen=True, slots=True)
class CampaignVariant:
    code: str
    weight: int
    effect: CampaignEffect


PlusAudience = Literal["any", "only", "excluded"]


@dataclass(frozen=True, slots=True)
class MedalTarget:
    medal: str  # a medal's code ...
    level: int  # ... at this level or above


@dataclass(frozen=True, slots=True)
class Campaign:
    code: str
    name: str
    starts_on: date
    ends_on: date
    days_of_week: tuple[int, ...]  # ISO weekdays 1..7; empty = every day
    stores: tuple[str, ...]  # empty = mall-wide
    tiers: tuple[str, ...]  # empty = every tier
    funded_by: str  # a store code or "mall"
    effect: CampaignEffect
    variants: tuple[CampaignVariant, ...]
    plus: PlusAudience = "any"  # PLUS members only, or everybody but them
    medals: tuple[MedalTarget, ...] = ()  # empty = everybody; else any one of these


@dataclass(frozen=True, slots=True)
class CouponTemplate:
    code: str
    name: str
    kind: CouponKind
    amount_fen: int
    percent: int
    min_spend_fen: int
    validity_days: int
    stores: tuple[str, ...]  # empty = every store
    categories: tuple[str, ...]  # empty = every category
    points_cost: int  # 0 = cannot be bought with points


@dataclass(frozen=True, slots=True)
class Gift:
    code: str
    name: str
    points_cost: int


@dataclass(frozen=True, slots=True)
class OfflineCaps:
    per_redemption_points: int
    per_member_per_day_points: int
    per_terminal_total_points: int
    max_offline_hours: int
    max_clock_drift_seconds: int
    card_code_pin_threshold_points: int


@dataclass(frozen=True, slots=True)
class Store:
    code: str
    name: str
    scope: Scope
    group: str  # stores that share points: the same group (joint), or "mall"
    timezone: str = DEFAULT_TIMEZONE  # IANA name: the store's business days count in it


@dataclass(frozen=True, slots=True)
class RuleBook:
    version: int
    currency: str
    points: PointsPolicy
    tiers: tuple[Tier, ...]  # ascending threshold, first threshold 0
    growth: GrowthWeights
    plus: Plus
    categories: tuple[Category, ...]
    medals: tuple[Medal, ...]
    lifecycle: Lifecycle
    campaigns: tuple[Campaign, ...]
    coupon_templates: tuple[CouponTemplate, ...]
    gifts: tuple[Gift, ...]
    offline: OfflineCaps
    stores: tuple[Store, ...]
    timezone: str = DEFAULT_TIMEZONE  # of a store that names no zone of its own
    raw: Mapping[str, Any] = field(compare=False, repr=False, default_factory=dict)

    def tier(self, code: str) -> Tier:
        for tier in self.tiers:
            if tier.code == code:
                return tier
        raise KeyError(code)

    def coupon_template(self, code: str) -> CouponTemplate | None:
        return next((t for t in self.coupon_templates if t.code == code), None)

    def gift(self, code: str) -> Gift | None:
        return next((g for g in self.gifts if g.code == code), None)

    def category_codes(self) -> frozenset[str]:
        return frozenset(c.code for c in self.categories)

    def store(self, code: str) -> Store | None:
        return next((s for s in self.stores if s.code == code), None)

    def zone(self, store_code: str) -> ZoneInfo:
        """The time zone a store's business days count in: its own, else the rule book's
        (a store the rule book does not list too)."""
        store = self.store(store_code)
        return ZoneInfo(store.timezone if store is not None else self.timezone)


# ------------------------------------------------------------------------------------ parsing

T = TypeVar("T")


class _Node:
    """A JSON value with the path that leads to it, for messages that name the bad field."""

    def __init__(self, value: Any, path: str) -> None:
        self.value = value
        self.path = path

    def fail(self, why: str) -> RuleBookError:
        return RuleBookError(f"{self.path or 'rule book'}: {why}", field=self.path)

    def _child_path(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    def obj(self) -> Mapping[str, Any]:
        if not isinstance(self.value, Mapping):
            raise self.fail("must be an object")
        return self.value

    def get(self, key: str, default: Any = ..., /) -> _Node:
        mapping = self.obj()
        if key not in mapping:
            if default is ...:
                raise _Node(None, self._child_path(key)).fail("is missing")
            return _Node(default, self._child_path(key))
        return _Node(mapping[key], self._child_path(key))

    def items(self) -> list[_Node]:
        if not isinstance(self.value, list):
            raise self.fail("must be a list")
        return [_Node(v, self._child_path(i)) for i, v in enumerate(self.value)]

    def integer(self, low: int = 0, high: int | None = None) -> int:
        v = self.value
        if not isinstance(v, int) or isinstance(v, bool):
            raise self.fail(f"must be an integer >= {low}")
        if v < low or (high is not None and v > high):
            limit = f"between {low} and {high}" if high is not None else f">= {low}"
            raise self.fail(f"must be {limit}, not {v}")
        return v

    def text(self, choices: Sequence[str] | None = None) -> str:
        v = self.value
        if not isinstance(v, str) or not v.strip():
            raise self.fail("must be a non-empty text")
        if choices is not None and v not in choices:
            raise self.fail(f"must be one of {', '.join(choices)}, not '{v}'")
        return v

    def zone_name(self) -> str:
        name = self.text()
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise self.fail(
                f"'{name}' is not a time zone name such as {DEFAULT_TIMEZONE}"
            ) from None
        return name

    def opt_text(self) -> str | None:
        return None if self.value is None else self.text()

    def date(self) -> date:
        try:
            return date.fromisoformat(self.text())
        except ValueError:
            raise self.fail(f"must be a date like 2026-01-31, not '{self.value}'") from None

    def texts(self) -> tuple[str, ...]:
        return tuple(n.text() for n in self.items())

    def at(self, index: int, key: str | None = None) -> _Node:
        node = self.items()[index]
        return node.get(key) if key is not None else node

    def list_of(self, build: Callable[[_Node], T]) -> tuple[T, ...]:
        return tuple(build(n) for n in self.items())


def _points(n: _Node) -> PointsPolicy:
    expiry = n.get("expiry", "end_of_next_year").text(["end_of_next_year", "days", "never"])
    return PointsPolicy(
        earn_points=n.get("earn_points", 1).integer(0, 1000),
        earn_per_fen=n.get("earn_per_fen", 100).integer(1),
        value_fen_per_point=n.get("value_fen_per_point", 1).integer(1, 10_000),
        rounding=n.get("rounding", "down").text(["down", "half_up"]),  # type: ignore[arg-type]
        max_order_share_percent=n.get("max_order_share_percent", 50).integer(0, 100),
        expiry=expiry,  # type: ignore[arg-type]
        expiry_days=n.get("expiry_days", 0 if expiry != "days" else ...).integer(
            0 if expiry != "days" else 1
        ),
    )


def _tier(n: _Node) -> Tier:
    return Tier(
        code=n.get("code").text(),
        name=n.get("name").text(),
        threshold=n.get("threshold").integer(0),
        points_multiplier_percent=n.get("points_multiplier_percent", 100).integer(100, 1000),
        discount_percent=n.get("discount_percent", 0).integer(0, 90),
        benefits=n.get("benefits", []).texts(),
    )


def _growth(n: _Node) -> GrowthWeights:
    return GrowthWeights(
        per_yuan_spent=n.get("per_yuan_spent", 1).integer(0),
        per_purchase=n.get("per_purchase", 10).integer(0),
        per_category=n.get("per_category", 20).integer(0),
        consumption_cap=n.get("consumption_cap", 100_000).integer(0),
        per_active_day=n.get("per_active_day", 2).integer(0),
        activity_cap=n.get("activity_cap", 500).integer(0),
        profile_complete=n.get("profile_complete", 100).integer(0),
        real_name_verified=n.get("real_name_verified", 200).integer(0),
        per_return=n.get("per_return", 20).integer(0),
        per_risk_flag=n.get("per_risk_flag", 500).integer(0),
        credit_max=n.get("credit_max", 300).integer(0),
    )


def _plus(n: _Node, categories: frozenset[str]) -> Plus:
    discounts: dict[str, int] = {}
    cd = n.get("category_discounts", {})
    for key in cd.obj():
        if key not in categories:
            raise cd.get(key).fail(f"'{key}' is not a category of this rule book")
        discounts[key] = cd.get(key).integer(0, 90)
    return Plus(
        fee_fen=n.get("fee_fen").integer(0),
        validity_days=n.get("validity_days", 365).integer(1, 3660),
        points_multiplier_percent=n.get("points_multiplier_percent", 100).integer(100, 1000),
        extra_discount_percent=n.get("extra_discount_percent", 0).integer(0, 90),
        category_discounts=discounts,
        monthly_coupons=n.get("monthly_coupons", []).texts(),
        partner_benefits=tuple(
            b.text() if isinstance(b.value, str) else b.get("name").text()
            for b in n.get("partner_benefits", []).items()
        ),
        entitlements=_entitlements(n.get("partner_benefits", [])),
        prices=_plus_prices(n.get("prices", [])),
        renewal_prompt_days=n.get("renewal_prompt_days", 30).integer(0, 366),
        lapsed_prompt_days=n.get("lapsed_prompt_days", 365).integer(0, 3660),
    )


def _entitlements(n: _Node) -> tuple[PartnerBenefit, ...]:
    """The partner benefits given as objects (a text is shown only, never issued)."""
    issued = tuple(
        PartnerBenefit(
            code=b.get("code").text(),
            name=b.get("name").text(),
            partner=b.get("partner").text(),
            validity_days=b.get("validity_days", 365).integer(1, 3660),
        )
        for b in n.items()
        if not isinstance(b.value, str)
    )
    _unique(issued, lambda b: b.code, n)
    return issued


def _plus_prices(n: _Node) -> tuple[PlusPrice, ...]:
    prices = n.list_of(
        lambda p: PlusPrice(growth=p.get("growth").integer(1), fee_fen=p.get("fee_fen").integer(0))
    )
    for i in range(1, len(prices)):
        if prices[i].growth <= prices[i - 1].growth:
            raise n.at(i, "growth").fail("growth lines must rise from price to price")
    return prices


def _medal(n: _Node) -> Medal:
    kind = n.get("kind").text(["category", "behaviour"])
    levels = n.get("levels").items()
    values = tuple(lv.integer(1) for lv in levels)
    if not values:
        raise n.get("levels").fail("needs at least one level")
    if list(values) != sorted(set(values)):
        raise n.get("levels").fail("thresholds must rise from level to level")
    return Medal(
        code=n.get("code").text(),
        name=n.get("name").text(),
        kind=kind,  # type: ignore[arg-type]
        category=n.get("category").text() if kind == "category" else None,
        metric=(
            n.get("metric").text(["purchases", "reviews", "referrals", "active_days"])
            if kind == "behaviour"
            else None
        ),
        levels=values,
    )


def _lifecycle(n: _Node) -> Lifecycle:
    actions_node = n.get("actions", {})
    actions: dict[str, str] = {}
    for key in actions_node.obj():
        if key not in STAGES:
            raise actions_node.get(key).fail(f"'{key}' is not a stage ({', '.join(STAGES)})")
        actions[key] = actions_node.get(key).text()
    dormant = n.get("dormant_days", 90).integer(1)
    lost_node = n.get("lost_days", 365)
    lost = lost_node.integer(1)
    if lost <= dormant:
        raise lost_node.fail("must be more than dormant_days")
    return Lifecycle(
        new_days=n.get("new_days", 30).integer(0),
        loyal_purchases_365=n.get("loyal_purchases_365", 12).integer(1),
        dormant_days=dormant,
        lost_days=lost,
        actions=actions,
        birthday_action=n.get("birthday_action", "Birthday month: offer the birthday gift").text(),
        winback_coupon=n.get("winback_coupon", None).opt_text(),
    )


def _effect(n: _Node) -> CampaignEffect:
    return CampaignEffect(
        multiplier_percent=n.get("multiplier_percent", 100).integer(100, 1000),
        bonus_points=n.get("bonus_points", 0).integer(0, 1_000_000),
        coupon=n.get("coupon", None).opt_text(),
    )


def _campaign(n: _Node) -> Campaign:
    starts = n.get("starts_on").date()
    ends_node = n.get("ends_on")
    ends = ends_node.date()
    if ends < starts:
        raise ends_node.fail("must not be before starts_on")
    days = tuple(d.integer(1, 7) for d in n.get("days_of_week", []).items())
    variants = n.get("variants", []).list_of(
        lambda v: CampaignVariant(
            code=v.get("code").text(), weight=v.get("weight", 1).integer(1), effect=_effect(v)
        )
    )
    return Campaign(
        code=n.get("code").text(),
        name=n.get("name").text(),
        starts_on=starts,
        ends_on=ends,
        days_of_week=days,
        stores=n.get("stores", []).texts(),
        tiers=n.get("tiers", []).texts(),
        funded_by=n.get("funded_by", "mall").text(),
        effect=_effect(n),
        variants=variants,
        plus=n.get("plus", "any").text(["any", "only", "excluded"]),  # type: ignore[arg-type]
        medals=n.get("medals", []).list_of(
            lambda m: MedalTarget(medal=m.get("medal").text(), level=m.get("level", 1).integer(1))
        ),
    )


def _coupon(n: _Node) -> CouponTemplate:
    kind = n.get("kind").text(["amount_off", "percent_off", "gift"])
    return CouponTemplate(
        code=n.get("code").text(),
        name=n.get("name").text(),
        kind=kind,  # type: ignore[arg-type]
        amount_fen=n.get("amount_fen", 0 if kind != "amount_off" else ...).integer(
            1 if kind == "amount_off" else 0
        ),
        percent=n.get("percent", 0 if kind != "percent_off" else ...).integer(
            1 if kind == "percent_off" else 0, 90
        ),
        min_spend_fen=n.get("min_spend_fen", 0).integer(0),
        validity_days=n.get("validity_days", 30).integer(1, 3660),
        stores=n.get("stores", []).texts(),
        categories=n.get("categories", []).texts(),
        points_cost=n.get("points_cost", 0).integer(0),
    )


def _offline(n: _Node) -> OfflineCaps:
    return OfflineCaps(
        per_redemption_points=n.get("per_redemption_points", 5_000).integer(0),
        per_member_per_day_points=n.get("per_member_per_day_points", 10_000).integer(0),
        per_terminal_total_points=n.get("per_terminal_total_points", 200_000).integer(0),
        max_offline_hours=n.get("max_offline_hours", 72).integer(0),
        max_clock_drift_seconds=n.get("max_clock_drift_seconds", 300).integer(1),
        card_code_pin_threshold_points=n.get("card_code_pin_threshold_points", 500).integer(0),
    )


def _store(n: _Node, timezone: str) -> Store:
    scope = n.get("scope", "mall").text(["single", "joint", "mall"])
    code = n.get("code").text()
    group_node = n.get("group") if scope == "joint" else n.get("group", _DEFAULT_GROUP[scope])
    return Store(
        code=code,
        name=n.get("name").text(),
        scope=scope,  # type: ignore[arg-type]
        group=group_node.text() if group_node.value != "" else code,
        timezone=n.get("timezone", timezone).zone_name(),
    )


# A single-store membership shares points with nobody: its group is the store itself ("").
_DEFAULT_GROUP = {"single": "", "mall": "mall"}


def _unique(nodes: Sequence[T], key: Callable[[T], str], where: _Node) -> None:
    seen: set[str] = set()
    for i, item in enumerate(nodes):
        k = key(item)
        if k in seen:
            raise _Node(None, f"{where.path}[{i}].code").fail(f"'{k}' appears twice")
        seen.add(k)


def _known(
    node: _Node, key: str, values: Sequence[str], known: set[str] | frozenset[str], what: str
) -> None:
    for j, value in enumerate(values):
        if value not in known:
            raise node.get(key).at(j).fail(f"'{value}' is not a {what} of this rule book")


def parse_rule_book(document: Any) -> RuleBook:
    """Validate a decoded JSON rule book and build it. Raises RuleBookError naming the field."""
    root = _Node(document, "")
    root.obj()
    categories_node = root.get("categories")
    categories = categories_node.list_of(
        lambda c: Category(code=c.get("code").text(), name=c.get("name").text())
    )
    _unique(categories, lambda c: c.code, categories_node)
    category_codes = frozenset(c.code for c in categories)

    tiers_node = root.get("tiers")
    tiers = tiers_node.list_of(_tier)
    if not tiers:
        raise tiers_node.fail("needs at least one tier")
    _unique(tiers, lambda t: t.code, tiers_node)
    if tiers[0].threshold != 0:
        raise tiers_node.at(0, "threshold").fail("the first tier must start at 0")
    for i in range(1, len(tiers)):
        if tiers[i].threshold <= tiers[i - 1].threshold:
            raise tiers_node.at(i, "threshold").fail("thresholds must rise from tier to tier")

    medals_node = root.get("medals", [])
    medals = medals_node.list_of(_medal)
    _unique(medals, lambda m: m.code, medals_node)
    for i, medal in enumerate(medals):
        if medal.category is not None and medal.category not in category_codes:
            raise medals_node.at(i, "category").fail(
                f"'{medal.category}' is not a category of this rule book"
            )

    coupons_node = root.get("coupon_templates", [])
    coupons = coupons_node.list_of(_coupon)
    _unique(coupons, lambda c: c.code, coupons_node)
    coupon_codes = {c.code for c in coupons}

    plus_node = root.get("plus")
    plus = _plus(plus_node, category_codes)
    for i, code in enumerate(plus.monthly_coupons):
        if code not in coupon_codes:
            raise plus_node.get("monthly_coupons").at(i).fail(f"'{code}' is not a coupon template")

    campaigns_node = root.get("campaigns", [])
    campaigns = campaigns_node.list_of(_campaign)
    _unique(campaigns, lambda c: c.code, campaigns_node)
    for i, campaign in enumerate(campaigns):
        # an unknown coupon would make every award during the campaign fail at the counter
        node = campaigns_node.at(i)
        places = [(node, campaign.effect)] + [
            (node.get("variants").at(j), v.effect) for j, v in enumerate(campaign.variants)
        ]
        for where, effect in places:
            if effect.coupon is not None and effect.coupon not in coupon_codes:
                raise where.get("coupon").fail(f"'{effect.coupon}' is not a coupon template")

    lifecycle_node = root.get("lifecycle", {})
    lifecycle = _lifecycle(lifecycle_node)
    if lifecycle.winback_coupon is not None and lifecycle.winback_coupon not in coupon_codes:
        raise lifecycle_node.get("winback_coupon").fail(
            f"'{lifecycle.winback_coupon}' is not a coupon template"
        )

    timezone = root.get("timezone", DEFAULT_TIMEZONE).zone_name()
    stores_node = root.get("stores")
    stores = stores_node.list_of(lambda n: _store(n, timezone))
    if not stores:
        raise stores_node.fail("needs at least one store")
    _unique(stores, lambda s: s.code, stores_node)
    # A typo in a scope would silently switch a campaign or coupon off: refuse it instead.
    store_codes = {s.code for s in stores}
    tier_codes = {t.code for t in tiers}
    for i, campaign in enumerate(campaigns):
        _known(campaigns_node.at(i), "stores", campaign.stores, store_codes, "store")
        _known(campaigns_node.at(i), "tiers", campaign.tiers, tier_codes, "tier")
        medal_levels = {m.code: len(m.levels) for m in medals}
        for j, target in enumerate(campaign.medals):
            where = campaigns_node.at(i).get("medals").at(j)
            if target.medal not in medal_levels:
                raise where.get("medal").fail(f"'{target.medal}' is not a medal of this rule book")
            if target.level > medal_levels[target.medal]:
                raise where.get("level").fail(
                    f"medal '{target.medal}' has {medal_levels[target.medal]} level(s)"
                )
        if campaign.funded_by != "mall" and campaign.funded_by not in store_codes:
            raise campaigns_node.at(i, "funded_by").fail(
                f"'{campaign.funded_by}' is neither 'mall' nor a store"
            )
    for i, template in enumerate(coupons):
        _known(coupons_node.at(i), "stores", template.stores, store_codes, "store")
        _known(coupons_node.at(i), "categories", template.categories, category_codes, "category")

    gifts_node = root.get("gifts", [])
    gifts = gifts_node.list_of(
        lambda g: Gift(
            code=g.get("code").text(),
            name=g.get("name").text(),
            points_cost=g.get("points_cost").integer(1),
        )
    )
    _unique(gifts, lambda g: g.code, gifts_node)

    return RuleBook(
        version=root.get("version").integer(1),
        currency=root.get("currency", "CNY").text(),
        points=_points(root.get("points", {})),
        tiers=tiers,
        growth=_growth(root.get("growth", {})),
        plus=plus,
        categories=categories,
        medals=medals,
        lifecycle=lifecycle,
        campaigns=campaigns,
        coupon_templates=coupons,
        gifts=gifts,
        offline=_offline(root.get("offline", {})),
        stores=stores,
        timezone=timezone,
        raw=document,
    )
