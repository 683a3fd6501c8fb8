"""``bundle_cold_start``: see bench/bundle.py (needs ``make bundle``)."""

from __future__ import annotations

from bench.bundle import run_cold_start as run

__all__ = ["run"]
