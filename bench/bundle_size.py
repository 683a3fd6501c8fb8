"""``bundle_size``: see bench/bundle.py (needs ``make bundle``)."""

from __future__ import annotations

from bench.bundle import run_size as run

__all__ = ["run"]
