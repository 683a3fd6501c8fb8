"""Run the benchmarks: ``python -m bench [--quick] [NAME ...]``.

Prints one line per figure on stdout, each with its baseline measured in the same run:
``BENCH <name> value=<v> unit=<u> baseline=<b> ratio=<v/b>``. Progress and details go to stderr.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable

from bench.common import Figure, note

Runner = Callable[[bool], Figure]


def _award(quick: bool) -> Figure:
    from bench.award import run

    return run(quick)


def _lookup(quick: bool) -> Figure:
    from bench.lookup import run

    return run(quick)


def _quote(quick: bool) -> Figure:
    from bench.quote import run

    return run(quick)


def _sync_push(quick: bool) -> Figure:
    from bench.sync_push import run

    return run(quick)


def _ledger_ingest(quick: bool) -> Figure:
    from bench.ledger_ingest import run

    return run(quick)


def _bootstrap(quick: bool) -> Figure:
    from bench.bootstrap import run

    return run(quick)


FIGURES: dict[str, Runner] = {
    "award_commit": _award,
    "member_lookup_1m": _lookup,
    "quote": _quote,
    "sync_push": _sync_push,
    "ledger_ingest_pg": _ledger_ingest,
    "bootstrap_1m": _bootstrap,
}


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
        figure = FIGURES[name](args.quick)
        print(figure.line(), flush=True)
        note(f"{name} took {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
