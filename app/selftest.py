"""``memberdesk --self-test``: prove an install works, headless, in a temporary directory.

The core's checks live here; the window, translation and sync checks are handed in by the
program's composition root (the core never imports Qt or sync). Each check
prints one line, ``OK`` or ``FAILED``, with what it saw; the exit status is 0 only when every
check passed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO


@dataclass(frozen=True)
class Check:
    """One thing to prove. ``run`` gets a fresh scratch directory and returns what it saw."""

    name: str
    run: Callable[[Path], str]


# --------------------------------------------------------------------------- the checks


def check_database(scratch: Path) -> str:
    from app.bootstrap import open_terminal
    from app.store.db import current_revision

    terminal = open_terminal(scratch / "data")
    try:
        revision = current_revision(terminal.ctx.database.reader)
        if revision is None:
            raise RuntimeError("the database has no schema revision after migrating")
        return f"opened and migrated a new database (schema {revision})"
    finally:
        terminal.close()


def check_journal(scratch: Path) -> str:
    from app.bootstrap import open_terminal
    from app.domain.quote import Line
    from app.services.staff import SYSTEM

    terminal = open_terminal(scratch / "data")
    try:
        terminal.add_cashier(SYSTEM, "selftest", "Self Test", "cashier", "1234")
        actor = terminal.actor("selftest")
        member = terminal.enroll("selftest-enroll", actor, phone="13900000000", name="Self Test")
        award = terminal.award("selftest-award", actor, member.member_id, [Line("grocery", 10000)])
        report = terminal.verify()
        if not report.ok:
            raise RuntimeError("journal verify: " + "; ".join(report.problems))
        if award.points_earned <= 0 or report.events < 2:
            raise RuntimeError(f"expected an award and 2 events, saw {report}")
        return (
            f"enrolled {member.member_id}, awarded {award.points_earned} points, "
            f"journal verified ({report.events} events, {report.entries} entries)"
        )
    finally:
        terminal.close()


def check_member_code(scratch: Path) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from app.domain.codes import CardCode, CodeError, card_code, read_code

    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    keys = {"K1": public}
    now = datetime.now(UTC)
    code = card_code(key, "K1", "M000001")
    read = read_code(code, keys, now=now)
    if read != CardCode("K1", "M000001"):
        raise RuntimeError(f"the card code read back as {read!r}")
    forged = card_code(Ed25519PrivateKey.generate(), "K1", "M000001")
    try:
        read_code(forged, keys, now=now)
    except CodeError:
        pass
    else:
        raise RuntimeError("a code signed with another key was accepted")
    return "signed a card code, verified it, refused a forged one"


def check_rule_book(scratch: Path) -> str:
    from app.paths import default_rule_book
    from app.services.setup import read_rule_book_file

    rules = read_rule_book_file(default_rule_book())
    return f"default rule book v{rules.version} with {len(rules.categories)} categories"


def check_commands(parser: argparse.ArgumentParser) -> str:
    actions = [a for a in parser._actions if a.dest == "command"]
    names = set(actions[0].choices or {}) if actions else set()
    missing = {"run", "pair", "sync"} - names
    if missing:
        raise RuntimeError(f"subcommands missing (not wired in?): {', '.join(sorted(missing))}")
    return f"{len(names)} subcommands, including run, pair and sync"


def check_settings(data_dir: Path) -> str:
    from app.config import load_settings, settings_file

    path, _ = settings_file(data_dir)
    settings = load_settings(data_dir)
    if path is None:
        return "no settings file: built-in defaults (demo mode until paired)"
    return f"{path} is valid (terminal {settings.terminal_id}, {settings.timezone})"


CORE_CHECKS: tuple[Check, ...] = (
    Check("database", check_database),
    Check("journal", check_journal),
    Check("member code", check_member_code),
    Check("rule book", check_rule_book),
)


def all_checks(
    data_dir: Path | None, providers: Iterable[Callable[[], list[Check]]] = ()
) -> list[Check]:
    """The core's checks, then those of each provider the composition root handed in (a
    provider that cannot load is itself a failed check, never a silent gap).

    ``data_dir`` is the terminal's own data directory: only its settings are read, never
    written; everything else happens in scratch directories.
    """
    checks = list(CORE_CHECKS)
    if data_dir is not None:
        checks.append(Check("settings", lambda _scratch: check_settings(data_dir)))
    for provider in providers:
        try:
            checks.extend(provider())
        except Exception as error:  # reported as a failed check
            message = f"{type(error).__name__}: {error}"
            name = getattr(provider, "__module__", "checks")

            def failed(_: Path, name: str = name, message: str = message) -> str:
                raise RuntimeError(f"the checks of {name} cannot load: {message}")

            checks.append(Check(name, failed))
    return checks


def run_self_test(
    checks: Iterable[Check] | None = None,
    out: TextIO | None = None,
    data_dir: Path | None = None,
) -> int:
    """Run every check in its own scratch directory; 0 only if all passed."""
    out = out or sys.stdout
    results: list[bool] = []
    print("MemberDesk self-test", file=out, flush=True)
    for check in all_checks(data_dir) if checks is None else checks:
        with tempfile.TemporaryDirectory(prefix="memberdesk-selftest-") as scratch:
            try:
                detail = check.run(Path(scratch))
            except Exception as error:  # every failure is reported, none stops
                results.append(False)
                print(f"FAILED  {check.name}: {type(error).__name__}: {error}", file=out)
                traceback.print_exc(file=sys.stderr)
            else:
                results.append(True)
                print(f"OK      {check.name}: {detail}", file=out)
            out.flush()
    failed = results.count(False)
    if failed:
        print(f"self-test FAILED: {failed} of {len(results)} checks failed", file=out)
        return 1
    print(f"self-test passed: {len(results)} checks", file=out)
    return 0
