"""What every benchmark shares: the result line, percentiles, a fixed clock, scratch dirs,
and the CPU time of other processes (Linux /proc)."""

from __future__ import annotations

import math
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

OUT = Path(__file__).with_name("out")

# A Tuesday at 10:00 in Shanghai (the same instant the tests use). Benchmarks run on a fixed
# clock so a cached database's history is always "recent" relative to the day measured.
BENCH_NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)


class Skipped(Exception):
    """A figure that cannot be measured here; ``python -m bench`` prints why and goes on."""


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    baseline: float

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else math.inf

    def line(self) -> str:
        return (
            f"BENCH {self.name} value={_fmt(self.value)} unit={self.unit} "
            f"baseline={_fmt(self.baseline)} ratio={self.ratio:.3f}"
        )


def _fmt(number: float) -> str:
    if number >= 100:
        return f"{number:.1f}"
    if number >= 1:
        return f"{number:.3f}"
    return f"{number:.4f}"


def note(message: str) -> None:
    """Details for a human, on stderr, so stdout holds only the BENCH lines."""
    print(f"  [bench] {message}", file=sys.stderr, flush=True)


def percentile(samples: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (no interpolation: p99 of 3000 samples is the 2970th)."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


@contextmanager
def scratch_dir(prefix: str) -> Iterator[Path]:
    """A fresh directory under /tmp (the same disk for a figure and its baseline)."""
    path = Path(tempfile.mkdtemp(prefix=f"memberdesk-bench-{prefix}-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def cpu_by_process(pids: Sequence[int]) -> dict[int, float]:
    """User + system CPU seconds of each of these processes so far (Linux /proc: empty
    elsewhere). A process that has gone is left out."""
    found = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return found


def cpu_seconds(pids: Sequence[int]) -> float:
    """User + system CPU seconds of these processes so far (NaN where there is no /proc)."""
    if not Path("/proc").is_dir():
        return float("nan")
    return sum(cpu_by_process(pids).values())


def cpu_since(before: dict[int, float], pids: Sequence[int]) -> float:
    """CPU seconds these processes used since ``before`` (a process started since counts
    from zero; NaN where there is no /proc)."""
    if not Path("/proc").is_dir():
        return float("nan")
    return sum(now - before.get(pid, 0.0) for pid, now in cpu_by_process(pids).items())


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux /proc; just ``pid`` elsewhere)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").glob("[0-9]*") if Path("/proc").is_dir() else []:
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


def postgres_processes() -> list[int]:
    """The local PostgreSQL server's processes (Linux /proc: the server is on this machine)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*") if Path("/proc").is_dir() else []:
        try:
            if (entry / "comm").read_text().strip().startswith("postgres"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found
