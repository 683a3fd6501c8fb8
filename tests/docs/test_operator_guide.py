"""Every command of docs/operator-guide.md runs, in order, and exits 0.

The guide's ``console`` blocks are the script: each ``$ `` line is run by bash with the
guide's placeholders set for a scratch site (a fresh PostgreSQL database, a ledger on a free
loopback port behind a self-signed certificate, a terminal data directory under tmp). A block
after ``<!-- guide-test: background -->`` starts a long-running server and waits for it; a
block after ``<!-- guide-test: another PC -->`` runs on a second counter PC (a data directory of
its own: the replacement PC of section 8). The example pairing code in the guide is replaced by
the one the ledger printed.

``$ARCHIVE`` is an archive whose ``memberdesk/memberdesk`` runs this source install: the real
bundle is proved by ``make bundle-check``; this checks the guide's commands around it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "operator-guide.md"
BIN = Path(sys.executable).parent
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
EXAMPLE_CODE = "3F2A-91C0-7B44"


@dataclass
class Block:
    line: int
    commands: list[str]
    background: bool
    another_pc: bool = False


def guide_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        if lines[index].strip() == "```console":
            directive = lines[index - 1] if index else ""
            start = index + 1
            index += 1
            commands: list[str] = []
            pending = ""
            while lines[index].strip() != "```":
                line = lines[index]
                if pending:
                    pending += " " + line.strip()
                elif line.startswith("$ "):
                    pending = line[2:].strip()
                if pending and not pending.endswith("\\"):
                    commands.append(pending)
                    pending = ""
                elif pending:
                    pending = pending[:-1].rstrip()
                index += 1
            blocks.append(
                Block(
                    start,
                    commands,
                    "guide-test: background" in directive,
                    "guide-test: another PC" in directive,
                )
            )
        index += 1
    return blocks


def test_the_guide_has_a_command_for_every_task():
    commands = " ".join(
        c for b in guide_blocks(GUIDE.read_text(encoding="utf-8")) for c in b.commands
    )
    for needed in (
        "--self-test",
        "serve",
        "--workers",
        "--ssl-certfile",
        "terminal add",
        "memberdesk pair",
        "cashier first",
        "rules publish",
        "members import",
        "members show",
        "memberdesk report",
        "memberdesk-ledger --database-url $LEDGER_DB report",
        "memberdesk backup",
        "memberdesk restore",
        "pg_dump",
        "keys rotate",
        "keys new-file",
        "--signing-key-file",
        "terminal revoke",
        "--terminal-id T01",
        "sync status",
        "journal verify",
        "config check",
    ):
        assert needed in commands, needed


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def pg_database() -> Iterator[str]:
    name = f"md_guide_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error:
        pytest.fail("PostgreSQL must run at 127.0.0.1:5432 (user postgres, database test)")
    yield f"postgres@127.0.0.1:5432/{name}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _archive(tmp: Path) -> Path:
    """An archive laid out like the bundle's, whose executable runs this source install."""
    folder = tmp / "build" / "memberdesk"
    folder.mkdir(parents=True)
    launcher = folder / "memberdesk"
    launcher.write_text(f'#!/bin/sh\nexec "{BIN / "memberdesk"}" "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    archive = tmp / "memberdesk-0.1.0-linux-x86_64.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname="memberdesk")
    return archive


def _rules(tmp: Path) -> Path:
    document = json.loads((ROOT / "resources" / "rules" / "default.json").read_text("utf-8"))
    document["version"] = int(document["version"]) + 1
    path = tmp / "rules-2027.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _members(tmp: Path) -> Path:
    path = tmp / "members.csv"
    path.write_text(
        "member_id,phone,name,birthday,enrolled_on,home_store,points\n"
        "M000001,13900000001,Zhang Wei,1990-05-31,2024-03-01,S001,500\n",
        encoding="utf-8",
    )
    return path


def _wait_for_ledger(url: str, ca: Path, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the ledger exited: {log.read_text(errors='replace')}")
        try:
            if requests.get(f"{url}/v1/health", verify=str(ca), timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    pytest.fail(f"the ledger did not answer: {log.read_text(errors='replace')}")


@pytest.mark.slow
def test_every_command_of_the_guide_runs(tmp_path: Path, pg_database: str):
    port = _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("MEMBERDESK_", "XDG_"))},
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "ARCHIVE": str(_archive(tmp_path)),
        "PREFIX": str(tmp_path / "opt"),
        "LEDGER_HOST": "localhost",
        "LEDGER_PORT": str(port),
        "LEDGER_URL": f"https://localhost:{port}",
        "LEDGER_DB": f"postgresql+psycopg://{pg_database}",
        "LEDGER_PG": f"postgresql://{pg_database}",
        "CERTS": str(tmp_path / "certs"),
        "BACKUPS": str(tmp_path / "backups"),
        "RULES": str(_rules(tmp_path)),
        "MEMBERS": str(_members(tmp_path)),
        # the terminal trusts the trial certificate the guide makes (section 2)
        "REQUESTS_CA_BUNDLE": str(tmp_path / "certs" / "ledger.pem"),
        "MEMBERDESK_DATA_DIR": str(tmp_path / "data"),
        "MEMBERDESK_CONFIG_DIR": str(tmp_path / "config"),
        "MEMBERDESK_LOG_DIR": str(tmp_path / "logs"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "XDG_STATE_HOME": str(tmp_path / "xdg-state"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    (tmp_path / "opt").mkdir()
    code = EXAMPLE_CODE
    servers: list[subprocess.Popen[bytes]] = []
    ran = 0
    try:
        for block in guide_blocks(GUIDE.read_text(encoding="utf-8")):
            for written in block.commands:
                command = written.replace(EXAMPLE_CODE, code)
                started = time.monotonic()
                where = f"operator-guide.md:{block.line}: $ {command}"
                if block.background:
                    log = tmp_path / f"server-{len(servers)}.log"
                    with log.open("wb") as out:
                        server = subprocess.Popen(
                            ["bash", "-c", f"exec {command}"],
                            env=env,
                            cwd=tmp_path,
                            stdout=out,
                            stderr=subprocess.STDOUT,
                            start_new_session=True,
                        )
                    servers.append(server)
                    _wait_for_ledger(
                        env["LEDGER_URL"], Path(env["CERTS"]) / "ledger.pem", server, log
                    )
                    ran += 1
                    continue
                done = subprocess.run(
                    ["bash", "-c", command],
                    env={**env, "MEMBERDESK_DATA_DIR": str(tmp_path / "another-pc")}
                    if block.another_pc
                    else env,
                    cwd=tmp_path,
                    capture_output=True,
                    text=True,
                    timeout=180,
                    check=False,
                )
                assert done.returncode == 0, f"{where}\n{done.stdout}\n{done.stderr}"
                found = re.search(
                    r"pairing code ([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})", done.stdout
                )
                if found:
                    code = found.group(1)
                ran += 1
                print(f"{time.monotonic() - started:6.1f} s  $ {command}", file=sys.stderr)
    finally:
        for server in servers:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGTERM)
                try:
                    server.wait(20)
                except subprocess.TimeoutExpired:
                    os.killpg(server.pid, signal.SIGKILL)
    assert ran >= 25
    assert code != EXAMPLE_CODE, "the guide's terminal add printed no pairing code"
    assert shutil.which("pg_dump", path=env["PATH"])
    assert (tmp_path / "backups" / "ledger.dump").stat().st_size > 0
    assert (tmp_path / "backups" / "terminal-T01.db").stat().st_size > 0
