"""The ledger hardened as it ships, through its real command line in processes of their own:
``members import`` checks every row, ``terminal add`` refuses an id that can never pair,
serving or pairing in clear text beyond loopback needs ``--insecure``, every file the ledger
makes is its user's only, the signing key can live outside the database, and its log
carries no phone, no name and no forged line."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from .conftest import CounterFactory
from .harness import ADMIN_TOKEN, BIN, Counter, Done, Ledger, base_env, free_port, run

GOOD = {
    "member_id": "M000001",
    "phone": "13900000001",
    "name": "Zhang Wei",
    "birthday": "1990-05-31",
    "enrolled_on": "2024-03-01",
    "home_store": "S001",
    "points": "500",
}


def _csv(folder: Path, text: str | bytes, name: str = "members.csv") -> Path:
    path = folder / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def _rows(*rows: dict[str, str]) -> str:
    columns = list(GOOD)
    lines = [",".join(columns)] + [",".join(row.get(c, "") for c in columns) for row in rows]
    return "\n".join(lines) + "\n"


def _import(ledger: Ledger, path: Path, *extra: str) -> Done:
    return ledger.admin("members", "import", str(path), "--json", *extra, check=False)


def _member_count(ledger: Ledger) -> int:
    return int(ledger.rows("SELECT count(*) AS n FROM members")[0]["n"])


# --------------------------------------------------------------------------- members import


def test_import_reports_every_bad_row_by_line_and_field_and_writes_nothing(
    ledger: Ledger, tmp_path: Path
) -> None:
    ledger.import_members([{"member_id": "M9", "phone": "13900000009", "name": "Had"}], tmp_path)
    before = _member_count(ledger)
    bad = {
        3: {**GOOD, "member_id": "M000002", "points": str(10**30)},  # a traceback before
        4: {**GOOD, "member_id": "M" * 200, "phone": "13900000004"},  # accepted before
        5: {**GOOD, "member_id": "M000005", "phone": "13900000005", "home_store": "S999"},
        6: {**GOOD, "member_id": "M000006", "phone": "13900000006", "name": "N" * 5000},
        7: {**GOOD, "member_id": "M000007", "phone": "+86 139 0000 0001"},  # line 2's phone
        8: {**GOOD, "member_id": "M000008", "phone": "13900000009"},  # member M9's phone
        9: {**GOOD, "member_id": "M000009", "phone": "555"},
        10: {**GOOD, "member_id": "M000010", "phone": "13900000010", "birthday": "1990-02-30"},
        11: {**GOOD, "member_id": "M000011", "phone": "13900000011", "points": "-5"},
        12: {**GOOD, "member_id": "M000001", "phone": "13900000012"},  # line 2's id
        13: {**GOOD, "member_id": "M 13", "phone": "13900000013"},
    }
    fields = {
        3: "points",
        4: "member_id",
        5: "home_store",
        6: "name",
        7: "phone",
        8: "phone",
        9: "phone",
        10: "birthday",
        11: "points",
        12: "member_id",
        13: "member_id",
    }
    path = _csv(
        tmp_path, _rows(GOOD, *bad.values(), {**GOOD, "member_id": "M14", "phone": "13900000014"})
    )
    done = _import(ledger, path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    problems = done.json()["problems"]
    assert {(p["line"], p["field"]) for p in problems} == set(fields.items())
    for line, field in fields.items():
        assert f"line {line}: {field}:" in done.stderr
    assert "11 of 13 rows are bad; nothing was imported" in done.stderr
    assert _member_count(ledger) == before  # all or nothing

    skipped = _import(ledger, path, "--skip-bad")
    assert skipped.returncode == 0, skipped.stderr
    out = skipped.json()
    assert (out["imported"], out["rows"]) == (2, 13)
    assert {(p["line"], p["field"]) for p in out["skipped"]} == set(fields.items())
    assert _member_count(ledger) == before + 2
    phones = {r["phone"] for r in ledger.rows("SELECT phone FROM members")}
    assert phones == {"13900000009", "13900000001", "13900000014"}


def test_import_refuses_a_broken_file_with_one_clear_line(ledger: Ledger, tmp_path: Path) -> None:
    header = ",".join(GOOD)
    cases: dict[str, tuple[bytes | str, str]] = {
        "not UTF-8": (
            (header + "\nM1,13900000001,Zh\xe1ng,,,,\n").encode("latin-1"),
            "line 2: not UTF-8 text",
        ),
        "bad quote": (
            f'{header}\nM1,13900000001,"Zhang "Wei",,,,\n',
            "not valid CSV",
        ),
        "unterminated quote": (f'{header}\nM1,13900000001,"Zhang,,,,\n', "not valid CSV"),
        "empty": ("", "the file is empty"),
        "unknown column": ("member_id,phone,point\nM1,13900000001,5\n", "point: unknown column"),
        "missing column": ("member_id,name\nM1,Zhang\n", "phone: column missing"),
        "too many fields": (f"{header}\nM1,13900000001,Zhang,Wei,,,,\n", "8 fields"),
    }
    for what, (text, says) in cases.items():
        done = _import(ledger, _csv(tmp_path, text, f"{what}.csv"))
        assert done.returncode == 1, what
        assert "Traceback" not in done.stderr, (what, done.stderr)
        assert says in done.stderr, (what, done.stderr)
    assert _member_count(ledger) == 0
    done = _import(ledger, tmp_path / "nowhere.csv")
    assert done.returncode == 1 and "nowhere.csv" in done.stderr and "Traceback" not in done.stderr


def test_import_normalises_phones_and_a_bom(ledger: Ledger, tmp_path: Path) -> None:
    text = _rows(
        {**GOOD, "phone": "+86 139 1234 5684"},
        {**GOOD, "member_id": "M2", "phone": "１３９１２３４５６８５"},
        {**GOOD, "member_id": "M3", "phone": "+44 20 7946 0958"},
    )
    done = _import(ledger, _csv(tmp_path, "\ufeff" + text))
    assert done.returncode == 0, done.stderr
    phones = {r["member_id"]: r["phone"] for r in ledger.rows("SELECT * FROM members")}
    assert phones == {"M000001": "13912345684", "M2": "13912345685", "M3": "+442079460958"}
    shown = ledger.admin("members", "show", "+86 139-1234-5684", "--json").json()
    assert shown["member_id"] == "M000001"


# ------------------------------------------------------------------------------ terminal add


@pytest.mark.parametrize(
    "terminal_id", ["T 01", "T01\nINFO forged", "T" * 65, "-T01", "T01;rm", "终端1", "T\x0001"]
)
def test_terminal_add_refuses_an_id_that_can_never_pair(terminal_id: str, tmp_path: Path) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'ledger.db'}"
    ledger = Ledger(url, tmp_path)
    ledger.admin("terminal", "list")
    if "\x00" in terminal_id:  # a NUL cannot even be passed to a process
        from sync.server.cli import main

        assert main(["--database-url", url, "terminal", "add", terminal_id, "--store", "S001"]) == 1
        return
    done = ledger.admin("terminal", "add", "--store", "S001", "--", terminal_id, check=False)
    assert done.returncode == 1
    assert "cannot be a terminal id" in done.stderr and "Traceback" not in done.stderr
    assert ledger.rows("SELECT * FROM terminals") == []
    assert ledger.admin("terminal", "add", "T-01.a_b", "--store", "S001").returncode == 0


# ------------------------------------------------------------------------- clear text refusals


def _serve(home: Path, *args: str) -> Done:
    env = base_env(home, MEMBERDESK_LEDGER_ADMIN_TOKEN=ADMIN_TOKEN)
    url = f"sqlite+pysqlite:///{home / 'ledger.db'}"
    return run(
        [str(BIN / "memberdesk-ledger"), "--database-url", url, "serve", *args], env, timeout=60
    )


def test_serving_beyond_loopback_without_tls_is_refused(tmp_path: Path) -> None:
    port = str(free_port())
    for host in ("0.0.0.0", "192.0.2.10", "ledger.mall.example", "::"):
        done = _serve(tmp_path, "--host", host, "--port", port)
        assert done.returncode == 1, done.stdout + done.stderr
        assert f"refusing to serve on {host} without TLS" in done.stderr
        assert "--insecure" in done.stderr and "clear text" in done.stderr
    done = _serve(tmp_path, "--port", port, "--ssl-certfile", str(tmp_path / "cert.pem"))
    assert done.returncode == 1 and "both --ssl-certfile and --ssl-keyfile" in done.stderr


def test_serving_beyond_loopback_with_insecure_starts_and_warns(tmp_path: Path) -> None:
    import subprocess
    import time

    port = free_port()
    env = base_env(tmp_path, MEMBERDESK_LEDGER_ADMIN_TOKEN=ADMIN_TOKEN)
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                str(BIN / "memberdesk-ledger"),
                "--database-url",
                f"sqlite+pysqlite:///{tmp_path / 'ledger.db'}",
                "serve",
                "--host",
                "0.0.0.0",
                "--port",
                str(port),
                "--insecure",
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{port}/v1/health", timeout=2).ok:
                    break
            except requests.RequestException:
                time.sleep(0.2)
        else:
            pytest.fail(log.read_text(errors="replace"))
        # While it serves: the database and its -wal and -shm files are its user's only.
        files = sorted(tmp_path.glob("ledger.db*"))
        assert {p.name for p in files} == {"ledger.db", "ledger.db-wal", "ledger.db-shm"}
        for path in files:
            assert _mode(path) == 0o600, path
    finally:
        process.terminate()
        process.wait(20)
    assert "WARNING: --insecure" in log.read_text(errors="replace")


def test_pairing_in_clear_text_beyond_loopback_is_refused(tmp_path: Path) -> None:
    counter = Counter(tmp_path / "memberdesk", tmp_path)
    for url in ("http://192.0.2.10:8470", "http://ledger.mall.example:8470", "ftp://x", "ledger"):
        done = counter.run("pair", "--ledger", url, "--code", "3F2A-91C0-7B44", check=False)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "memberdesk: not paired:" in done.stderr and "Traceback" not in done.stderr
    done = counter.run(
        "pair", "--ledger", "http://192.0.2.10:8470", "--code", "3F2A-91C0-7B44", check=False
    )
    assert "clear text" in done.stderr and "--insecure" in done.stderr
    assert "Nothing was sent" in done.stderr
    assert not (tmp_path / "memberdesk" / "terminal.db").exists()  # nothing made either


def test_insecure_lets_a_plain_http_ledger_be_paired() -> None:
    from sync.client.commands import clear_text_refusal

    assert clear_text_refusal("http://192.0.2.10:8470", insecure=True) is None
    assert clear_text_refusal("http://192.0.2.10:8470", insecure=False) is not None
    assert clear_text_refusal("https://ledger.mall.example", insecure=False) is None
    for loopback in ("http://127.0.0.1:8470", "http://localhost:8470", "http://[::1]:8470"):
        assert clear_text_refusal(loopback, insecure=False) is None


# ------------------------------------------------------------------------------ permissions


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_file_the_ledger_makes_is_its_users_only(tmp_path: Path) -> None:
    env = base_env(tmp_path, MEMBERDESK_LEDGER_ADMIN_TOKEN=ADMIN_TOKEN)
    # The usual umask, which the ledger's processes inherit: it must not rely on a stricter one.
    umask = os.umask(0o022)
    try:
        _every_file_is_private(tmp_path, env)
    finally:
        os.umask(umask)


def _every_file_is_private(tmp_path: Path, env: dict[str, str]) -> None:
    # The default database, in the platform's data directory (made by the ledger).
    done = run([str(BIN / "memberdesk-ledger"), "terminal", "add", "T01", "--store", "S001"], env)
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "data" / "memberdesk-ledger"
    made = sorted(folder.iterdir())
    assert {p.name for p in made} >= {"ledger.db"}
    assert _mode(folder) == 0o700
    for path in made:
        assert _mode(path) == 0o600, path
    # A database named by URL in a folder that does not exist yet (its -wal and -shm files
    # while a ledger serves: test_serving_beyond_loopback_with_insecure_starts_and_warns).
    nested = tmp_path / "srv" / "ledger" / "ledger.db"
    url = f"sqlite+pysqlite:///{nested}"
    ledger = Ledger(url, tmp_path)
    ledger.admin("terminal", "add", "T01", "--store", "S001")
    assert _mode(nested.parent) == 0o700 and _mode(nested.parent.parent) == 0o700
    for path in nested.parent.iterdir():
        assert _mode(path) == 0o600, path
    # A database an older version left readable by others is tightened.
    nested.chmod(0o644)
    ledger.admin("terminal", "list")
    assert _mode(nested) == 0o600
    # A key file the ledger writes.
    key = tmp_path / "signing.pem"
    ledger.admin("keys", "new-file", str(key))
    assert _mode(key) == 0o600


# ------------------------------------------------------------------- signing key outside


def test_the_signing_key_can_live_outside_the_database(tmp_path: Path) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'ledger.db'}"
    ledger = Ledger(url, tmp_path)
    ledger.admin("keys", "list")
    assert ledger.rows("SELECT key_id FROM signing_keys WHERE private_key IS NOT NULL")
    key = tmp_path / "signing.pem"
    ledger.admin("keys", "new-file", str(key))
    assert "exists" in ledger.admin("keys", "new-file", str(key), check=False).stderr

    listed = ledger.admin("--signing-key-file", str(key), "keys", "list", "--json").json()
    assert [k["key_id"] for k in listed] == ["K1", "K2"]
    # No private key is left in the database; K1 still verifies the codes it signed.
    assert ledger.rows("SELECT key_id FROM signing_keys WHERE private_key IS NOT NULL") == []
    refused = ledger.admin("--signing-key-file", str(key), "keys", "rotate", check=False)
    assert refused.returncode == 1 and "outside the database" in refused.stderr

    key.chmod(0o644)
    exposed = ledger.admin("--signing-key-file", str(key), "keys", "list", check=False)
    assert exposed.returncode == 1 and "chmod 600" in exposed.stderr
    key.chmod(0o600)

    # The same key by environment variable (base64 of the raw 32 bytes).
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    private = load_pem_private_key(key.read_bytes(), password=None)
    assert isinstance(private, Ed25519PrivateKey)
    raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    env = {**ledger.env, "MEMBERDESK_LEDGER_SIGNING_KEY": base64.b64encode(raw).decode()}
    done = run(
        [str(BIN / "memberdesk-ledger"), "--database-url", url, "keys", "list", "--json"], env
    )
    assert [k["key_id"] for k in done.json()] == ["K1", "K2"]  # the same key: no new id
    env["MEMBERDESK_LEDGER_SIGNING_KEY"] = "not a key"
    done = run([str(BIN / "memberdesk-ledger"), "--database-url", url, "keys", "list"], env)
    assert done.returncode == 1 and "MEMBERDESK_LEDGER_SIGNING_KEY" in done.stderr


def test_a_served_ledger_signs_codes_with_the_outside_key(tmp_path: Path) -> None:
    from sqlalchemy.orm import Session

    from app.domain import codes
    from sync.server import keys
    from sync.server.cli import open_ledger

    key = tmp_path / "signing.pem"
    private = keys.write_key_file(key)
    engine = open_ledger(
        f"sqlite+pysqlite:///{tmp_path / 'ledger.db'}", keys.load_outside_key(str(key))
    )
    try:
        with Session(engine) as session, session.begin():
            from sync.server import ledger as ledger_rules

            ledger_rules.import_members(
                session, [{"member_id": "M1", "phone": "13900000001"}], None
            )
        with Session(engine) as session:
            code = keys.card_code(session, "M1", private)
            public = {k.key_id: base64.b64decode(k.public_key) for k in keys.public_keys(session)}
            with pytest.raises(Exception, match="kept outside the database"):
                keys.card_code(session, "M1", None)
    finally:
        engine.dispose()
    assert codes.card_code(private, "K1", "M1") == code  # the ledger made no key of its own
    assert list(public) == ["K1"]


# ------------------------------------------------------------------------------------- logs


def test_the_ledger_log_has_no_phones_names_or_forged_lines(
    ledger: Ledger, paired_counter: CounterFactory, tmp_path: Path
) -> None:
    ledger.import_members(
        [{"member_id": "M1", "phone": "13900000001", "name": "Wang Fang", "points": 10}], tmp_path
    )
    counter = paired_counter("T01")
    counter.run("sync", "--once")
    credential: dict[str, Any] = __import__("json").loads(
        (counter.data_dir / "ledger-credential.json").read_text(encoding="utf-8")
    )
    headers = {"Authorization": f"Bearer {credential['secret']}"}
    for query in ("13900000001", "+86 139 0000 0001", "13900000002", "M1"):
        requests.get(f"{ledger.url}/v1/members/{query}", headers=headers, timeout=10)
    requests.get(
        f"{ledger.url}/v1/members/X%0A2026-12-06 00:00:00,000 INFO memberdesk.ledger: forged",
        headers=headers,
        timeout=10,
    )
    requests.post(
        f"{ledger.url}/v1/pair",
        json={"terminal_id": "T01\nINFO memberdesk.ledger: forged", "pairing_code": "ABCDEF"},
        timeout=10,
    )
    ledger.stop()
    text = ledger.log.read_text(encoding="utf-8", errors="replace")
    assert "/v1/members/" in text  # the access lines are there, scrubbed
    for secret in ("13900000001", "13900000002", "Wang Fang", "0000 0001"):
        assert secret not in text, secret
    assert "139****0001" in text
    for line in text.splitlines():
        assert "forged" not in line or "\\x0a" in line, line
