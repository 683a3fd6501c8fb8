"""Run the benchmarks: ``python -m bench [--quick] [NAME ...]``.

Prints one line per figure on stdout, each with its baseline measured in the same run:
``BENCH <name> value=<v> unit=<u> baseline=<b> ratio=<v/b>``. Progress and details go to stderr.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import time
from collections.abc import Callable

from bench.common import Figure, Skipped, note

# Each figure's module has ``run(quick: bool) -> Figure`` (or a list of figures: one measure
# against several baselines); imported only when asked for.
FIGURES: dict[str, str] = {
    "award_commit": "bench.award",
    "award_during_pull": "bench.award_during_pull",
    "member_lookup_1m": "bench.lookup",
    "member_search": "bench.member_search",
    "quote": "bench.quote",
    "sync_push": "bench.sync_push",
    "redeem_online": "bench.redeem_online",
    "ledger_ingest_pg": "bench.ledger_ingest",
    "bootstrap_1m": "bench.bootstrap",
    "code_verify": "bench.code_verify",
    "qr_decode": "bench.qr_decode",
    "bundle_cold_start": "bench.bundle_cold_start",  # needs `make bundle`, else skipped
    "bundle_size": "bench.bundle_size",
    "scan_to_card": "bench.scan_to_card",
    "card_heavy_member": "bench.card_heavy",
    "shift_report": "bench.shift_report",
    "cold_start": "bench.cold_start",
    "code_page": "bench.code_page",  # needs chromium and chromium-driver, else skipped
}


def run_figure(name: str, quick: bool) -> list[Figure]:
    runner: Callable[[bool], Figure | list[Figure]] = importlib.import_module(FIGURES[name]).run
    figures = runner(quick)
    return figures if isinstance(figures, list) else [figures]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=", ".join(FIGURES))
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke test")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in FIGURES]
    if unknown:
        parser.error(f"unknown figure(s) {', '.join(unknown)}; choose from {', '.join(FIGURES)}")
    logging.basicConfig(level=logging.WARNING)
    for name in args.names or list(FIGURES):
        started = time.perf_counter()
        try:
            figures = run_figure(name, args.quick)
        except Skipped as why:
            print(f"BENCH {name} skipped: {why}", flush=True)
            continue
        for figure in figures:
            print(figure.line(), flush=True)
        note(f"{name} took {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
