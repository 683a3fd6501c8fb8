"""A mall as users run it: a ledger process and terminal processes, each started through
its real command line (``memberdesk-ledger``, ``memberdesk``), nothing wired in the test's
own process. Every ``Counter.run`` is a new process, so every step is a restart."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
import requests
from sqlalchemy import create_engine, text

BIN = Path(sys.executable).parent
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
ADMIN_TOKEN = "mall-admin-token"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def base_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a user's shell on a machine of its own: nothing of the test's
    settings, the platform's folders under ``home``, no display."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MEMBERDESK_", "XDG_")) and k not in ("DISPLAY", "WAYLAND_DISPLAY")
    }
    env.update(
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        QT_QPA_PLATFORM="offscreen",
        LANG="C.UTF-8",
        **extra,
    )
    return env


@dataclass
class Done:
    """What a command printed and how it ended."""

    returncode: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def run(
    argv: list[str], env: dict[str, str], *, timeout: float = 120, stdin: str | None = None
) -> Done:
    done = subprocess.run(
        argv, env=env, capture_output=True, text=True, timeout=timeout, check=False, input=stdin
    )
    return Done(done.returncode, done.stdout, done.stderr)


@dataclass
class Ledger:
    """``memberdesk-ledger serve`` in its own process, and its operator's command line."""

    database_url: str
    home: Path
    url: str = ""
    process: subprocess.Popen[bytes] | None = None
    log: Path = field(default_factory=Path)

    @property
    def env(self) -> dict[str, str]:
        return base_env(self.home, MEMBERDESK_LEDGER_ADMIN_TOKEN=ADMIN_TOKEN)

    def admin(self, *args: str, check: bool = True) -> Done:
        done = run(
            [str(BIN / "memberdesk-ledger"), "--database-url", self.database_url, *args],
            self.env,
        )
        if check:
            assert done.returncode == 0, f"memberdesk-ledger {' '.join(args)}\n{done.stderr}"
        return done

    def start(self) -> None:
        """Start serving; after a ``stop`` on the same port, as a restarted server would."""
        port = int(self.url.rsplit(":", 1)[1]) if self.url else free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.log = self.home / "ledger.log"
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [
                    str(BIN / "memberdesk-ledger"),
                    "--database-url",
                    self.database_url,
                    "serve",
                    "--port",
                    str(port),
                ],
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"the ledger exited: {self.log.read_text(errors='replace')}")
            try:
                if requests.get(f"{self.url}/v1/health", timeout=2).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        pytest.fail(f"the ledger did not answer: {self.log.read_text(errors='replace')}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
        self.process = None

    def rows(self, sql: str, **params: Any) -> list[dict[str, Any]]:
        """What the ledger's database holds (read only, to check what a user cannot see)."""
        engine = create_engine(self.database_url)
        try:
            with engine.connect() as connection:
                return [dict(row._mapping) for row in connection.execute(text(sql), params)]
        finally:
            engine.dispose()

    def live_holds(self, member_id: str) -> list[dict[str, Any]]:
        """The member's holds that still set points aside (not used, not released, not
        expired), with the ledger's own idea of now."""
        now = datetime.now(UTC)
        return [
            row
            for row in self.rows(
                "SELECT * FROM holds WHERE member_id = :m AND consumed = :f", m=member_id, f=False
            )
            if _utc(row["expires_at"]) > now
        ]

    def balance(self, member_id: str) -> int:
        return int(
            self.rows("SELECT points FROM members WHERE member_id = :m", m=member_id)[0]["points"]
        )

    def add_terminal(self, terminal_id: str, store: str = "S001") -> str:
        """The one-time pairing code ``terminal add`` prints."""
        return str(
            self.admin("terminal", "add", terminal_id, "--store", store, "--json").json()[
                "pairing_code"
            ]
        )

    def import_members(self, rows: list[dict[str, Any]], folder: Path) -> None:
        """``members import`` of a CSV with these rows (member_id, phone, name, points...)."""
        path = folder / f"members-{uuid.uuid4().hex[:6]}.csv"
        columns = list(rows[0])
        lines = [",".join(columns)] + [",".join(str(r[c]) for c in columns) for r in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.admin("members", "import", str(path))


@dataclass
class Counter:
    """One terminal PC: its own data directory and home; each command a new process."""

    data_dir: Path
    home: Path
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def env(self) -> dict[str, str]:
        return base_env(self.home, **self.extra_env)

    def run(
        self,
        *args: str,
        check: bool = True,
        timeout: float = 120,
        at: datetime | None = None,
        stdin: str | None = None,
    ) -> Done:
        """``memberdesk ARGS`` in a new process; ``at`` (aware) sets the PC's clock for it:
        Debian's ``faketime`` starts the process's clock there (and lets it run); ``stdin``
        is typed into it (a PIN)."""
        argv = [str(BIN / "memberdesk"), "--data-dir", str(self.data_dir), *args]
        env = self.env
        if at is not None:
            if at.tzinfo is None:
                raise ValueError("naive datetime: say which zone the clock is in")
            started = at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
            argv = ["faketime", "-f", f"@{started}", *argv]
            env = {**env, "TZ": "UTC", "FAKETIME_DONT_FAKE_MONOTONIC": "1"}
        done = run(argv, env, timeout=timeout, stdin=stdin)
        if check:
            assert done.returncode == 0, (
                f"memberdesk {' '.join(args)} exited {done.returncode}\n"
                f"{done.stdout}\n{done.stderr}"
            )
        return done

    def json(self, *args: str, at: datetime | None = None) -> Any:
        return self.run(*args, "--json", at=at).json()


def _utc(value: Any) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def pg_database() -> Iterator[str]:
    name = f"md_mall_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error:
        pytest.fail("PostgreSQL must run at 127.0.0.1:5432 (user postgres, database test)")
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
