"""Rule books for the domain examples: the built-in default, optionally with fields changed.

``make_rules({"points.rounding": "half_up", "tiers[2].threshold": 500})`` loads
``resources/rules/default.json``, sets each field named by its path (the same path the rule
book's error messages use), and parses the result. ``REMOVE`` as a value deletes the field.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

from app.domain.rulebook import RuleBook, parse_rule_book

DEFAULT_RULES = Path(__file__).resolve().parents[3] / "resources" / "rules" / "default.json"
REMOVE = object()

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")

Overrides = Mapping[str, Any]
MakeRules = Callable[..., RuleBook]


def default_document() -> dict[str, Any]:
    """A fresh copy of the default rule book as decoded JSON."""
    document: dict[str, Any] = json.loads(DEFAULT_RULES.read_text(encoding="utf-8"))
    return document


def _steps(path: str) -> list[str | int]:
    steps: list[str | int] = []
    for key, index in _STEP.findall(path):
        steps.append(int(index) if index else key)
    return steps


def set_field(document: dict[str, Any], path: str, value: Any) -> None:
    """Set (or with REMOVE, delete) the field at a path like ``tiers[2].threshold``."""
    *parents, last = _steps(path)
    node: Any = document
    for step in parents:
        node = node[step]
    if value is REMOVE:
        del node[last]
    else:
        node[last] = copy.deepcopy(value)


def edited_document(overrides: Overrides | None = None) -> dict[str, Any]:
    document = default_document()
    for path, value in (overrides or {}).items():
        set_field(document, path, value)
    return document


def build_rules(overrides: Overrides | None = None) -> RuleBook:
    return parse_rule_book(edited_document(overrides))


@pytest.fixture(scope="session")
def rules() -> RuleBook:
    """The default rule book exactly as shipped."""
    return build_rules()


@pytest.fixture(scope="session")
def make_rules() -> MakeRules:
    """Build a rule book from the default with some fields changed (see the module doc)."""
    return build_rules
