"""``memberdesk-ledger members import``: members from a CSV file, every row checked first.

The file is read whole (UTF-8, with or without a byte-order mark) and every row is checked
before anything is written: its member id, phone (one normalisation, ``app.domain.phones``),
name, dates, home store and opening points, and duplicates within the file and against the
members the ledger has. A bad row is reported by its line and field; if any row is bad,
nothing is written, unless the operator asked to skip bad rows. A row whose member id the
ledger has already is left as it is (importing the same file again imports nothing), except
its ``credit_score`` when the file gives one: a score from a credit bureau is refreshed by
importing it again, and counts in the member's growth at every counter after their next sync.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.domain.phones import normalise_phone
from app.domain.points import expiry_for
from app.domain.rulebook import RuleBook
from sync.server.errors import Refused
from sync.server.models import Entry, Lot, Member

COLUMNS = (
    "member_id",
    "phone",
    "name",
    "birthday",
    "enrolled_on",
    "home_store",
    "points",
    "credit_score",
)
REQUIRED = ("member_id", "phone")
MEMBER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}")
MAX_NAME = 80  # the ledger's column
MAX_POINTS = 1_000_000_000  # an opening balance: ten million yuan of points at most
FIELD_LIMIT = 100_000  # characters in one field; a longer one is a broken file, not a member
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
NEVER = date(9999, 12, 31)
CHUNK = 500  # ids or phones looked up at the ledger per query


@dataclass(frozen=True)
class Problem:
    """One bad row (or the file itself, line 0 / the header, line 1): where and why."""

    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "the file"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


@dataclass(frozen=True)
class MemberRow:
    line: int
    member_id: str
    phone: str
    name: str
    birthday: date | None
    enrolled_on: date
    home_store: str
    points: int
    credit_score: int | None = None  # 0..100; None: the file gives none


@dataclass
class Plan:
    """What an import would do: the rows to write, the ones the ledger has, the bad ones."""

    rows: int = 0
    new: list[MemberRow] = field(default_factory=list)
    existing: int = 0
    problems: list[Problem] = field(default_factory=list)
    credit_scores: dict[str, int] = field(default_factory=dict)  # of existing members

    @property
    def bad_lines(self) -> list[int]:
        return sorted({p.line for p in self.problems})


class ImportRefused(Refused):
    """The file or some of its rows are bad; nothing was written."""

    def __init__(self, problems: list[Problem], rows: int | None = None) -> None:
        """``rows``: how many rows the file has; None: the file as a whole is refused."""
        head = (
            f"{len({p.line for p in problems})} of {rows} rows are bad; nothing was imported "
            "(fix them, or import the good rows with --skip-bad)"
            if rows is not None
            else "the file cannot be imported; nothing was imported"
        )
        super().__init__(
            422,
            "bad_csv",
            "\n".join([head + ":", *(f"  {p}" for p in problems[:200])])
            + (f"\n  ... and {len(problems) - 200} more" if len(problems) > 200 else ""),
            fields=sorted({p.field for p in problems if p.field}),
        )
        self.problems = problems


def read_rows(path: Path) -> tuple[list[tuple[int, dict[str, str]]], list[Problem]]:
    """The file's rows, each with its line number, and the rows that do not fit its header.
    A file that cannot be read as a whole (missing, not UTF-8, not CSV, a bad header) is
    refused at once (``ImportRefused``): no part of it is imported, even with --skip-bad."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused([Problem(0, "", f"{path}: {error.strerror or error}")]) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problem = Problem(
            line,
            "",
            f"not UTF-8 text (byte {error.start + 1}); save the file as CSV UTF-8 "
            "and import it again",
        )
        raise ImportRefused([problem]) from None
    csv.field_size_limit(FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        header = next(reader, None)
        if header is None:
            raise ImportRefused(
                [Problem(0, "", "the file is empty; its first line names the columns")]
            )
        names = [name.strip() for name in header]
        unknown = [n for n in names if n not in COLUMNS]
        missing = [n for n in REQUIRED if n not in names]
        twice = sorted({n for n in names if names.count(n) > 1})
        problems = [
            *(
                Problem(1, n or "(empty)", f"unknown column; the columns are {', '.join(COLUMNS)}")
                for n in unknown
            ),
            *(Problem(1, n, "column missing") for n in missing),
            *(Problem(1, n, "column given twice") for n in twice),
        ]
        if problems:
            raise ImportRefused(problems)
        line = reader.line_num
        for record in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue  # a blank line
            if len(record) != len(names):
                problems.append(
                    Problem(
                        start,
                        "",
                        f"{len(record)} fields where the header has {len(names)} (a comma "
                        "in a name needs quotes)",
                    )
                )
                continue
            rows.append((start, dict(zip(names, record, strict=True))))
    except csv.Error as error:
        problem = Problem(reader.line_num, "", f"not valid CSV ({error})")
        raise ImportRefused([problem]) from None
    return rows, problems


def _text(row: Mapping[str, str], name: str) -> str:
    return (row.get(name) or "").strip()


def _date(
    row: Mapping[str, str], name: str, line: int, problems: list[Problem], today: date
) -> date | None:
    value = _text(row, name)
    if not value:
        return None
    try:
        day = datetime.strptime(value, "%Y-%m-%d").date()  # noqa: DTZ007 - a date only
    except ValueError:
        problems.append(Problem(line, name, f"{value[:40]!r} is not a date like 1990-05-31"))
        return None
    if not date(1900, 1, 1) <= day <= today:
        problems.append(Problem(line, name, f"{value} is not between 1900-01-01 and today"))
        return None
    return day


def check_row(
    line: int, row: Mapping[str, str], rules: RuleBook | None, today: date
) -> tuple[MemberRow | None, list[Problem]]:
    """One row checked on its own (duplicates are the plan's business)."""
    problems: list[Problem] = []
    member_id = _text(row, "member_id")
    if not member_id:
        problems.append(Problem(line, "member_id", "missing"))
    elif not MEMBER_ID.fullmatch(member_id):
        problems.append(
            Problem(
                line,
                "member_id",
                "1 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit",
            )
        )
    phone = ""
    raw_phone = _text(row, "phone")
    if not raw_phone:
        problems.append(Problem(line, "phone", "missing"))
    else:
        try:
            phone = normalise_phone(raw_phone)
        except InvalidInput:
            problems.append(Problem(line, "phone", "not a valid phone number"))
    name = _text(row, "name") or member_id
    if len(name) > MAX_NAME:
        problems.append(Problem(line, "name", f"{len(name)} characters; at most {MAX_NAME}"))
    elif _CONTROL.search(name):
        problems.append(Problem(line, "name", "has control characters"))
    birthday = _date(row, "birthday", line, problems, today)
    enrolled = _date(row, "enrolled_on", line, problems, today) or today
    home_store = _text(row, "home_store")
    if home_store and rules is not None and rules.store(home_store) is None:
        problems.append(
            Problem(
                line,
                "home_store",
                f"{home_store[:40]!r} is not a store of the rule book "
                f"({', '.join(s.code for s in rules.stores)})",
            )
        )
    points_text = _text(row, "points") or "0"
    points = 0
    if not re.fullmatch(r"[0-9]{1,10}", points_text) or int(points_text) > MAX_POINTS:
        problems.append(Problem(line, "points", f"a whole number from 0 to {MAX_POINTS:,}"))
    else:
        points = int(points_text)
    credit_text = _text(row, "credit_score")
    credit: int | None = None
    if credit_text and (not re.fullmatch(r"[0-9]{1,3}", credit_text) or int(credit_text) > 100):
        problems.append(Problem(line, "credit_score", "a whole number from 0 to 100, or empty"))
    elif credit_text:
        credit = int(credit_text)
    if problems:
        return None, problems
    return (
        MemberRow(line, member_id, phone, name, birthday, enrolled, home_store, points, credit),
        [],
    )


def plan_import(
    session: Session,
    rows: Iterable[tuple[int, dict[str, str]]],
    rules: RuleBook | None,
    today: date,
) -> Plan:
    """Every row checked, duplicates found (in the file, and against the ledger's members);
    nothing written."""
    plan = Plan()
    checked: list[MemberRow] = []
    for line, row in rows:
        plan.rows += 1
        member, problems = check_row(line, row, rules, today)
        plan.problems.extend(problems)
        if member is not None:
            checked.append(member)
    ids = sorted({m.member_id for m in checked})
    phones = sorted({m.phone for m in checked})
    known_ids: set[str] = set()
    phone_owner: dict[str, str] = {}
    for start in range(0, max(len(ids), len(phones)), CHUNK):
        known_ids.update(
            session.scalars(
                select(Member.member_id).where(Member.member_id.in_(ids[start : start + CHUNK]))
            )
        )
        phone_owner.update(
            (phone, member_id)
            for phone, member_id in session.execute(
                select(Member.phone, Member.member_id).where(
                    Member.phone.in_(phones[start : start + CHUNK])
                )
            )
        )
    first_id: dict[str, int] = {}
    first_phone: dict[str, int] = {}
    for member in checked:
        seen = first_id.setdefault(member.member_id, member.line)
        if seen != member.line:
            plan.problems.append(
                Problem(member.line, "member_id", f"{member.member_id} is on line {seen} too")
            )
            continue
        if member.member_id in known_ids:
            plan.existing += 1  # left as it is, but for a credit score the file gives
            if member.credit_score is not None:
                plan.credit_scores[member.member_id] = member.credit_score
            continue
        other = first_phone.setdefault(member.phone, member.line)
        if other != member.line:
            plan.problems.append(Problem(member.line, "phone", f"the same phone as line {other}"))
            continue
        owner = phone_owner.get(member.phone)
        if owner is not None:
            plan.problems.append(
                Problem(member.line, "phone", f"the phone of member {owner} at the ledger")
            )
            continue
        plan.new.append(member)
    plan.problems.sort(key=lambda p: p.line)
    return plan


def write_members(
    session: Session, members: list[MemberRow], rules: RuleBook | None, at: datetime
) -> int:
    """The checked new members, in the caller's transaction: opening balances become a lot
    like any other."""
    from sync.server.ledger import next_cursor

    for row in members:
        member = Member(
            member_id=row.member_id,
            phone=row.phone,
            name=row.name,
            birthday=row.birthday,
            enrolled_on=row.enrolled_on,
            home_store=row.home_store,
            plus_expires_on=None,
            status="active",
            growth=0,
            points=0,
            overdraft=0,
            spend_365_fen=0,
            purchases=0,
            cursor=next_cursor(session),
            credit_score=row.credit_score,
        )
        session.add(member)
        if row.points:
            expires = expiry_for(at.date(), rules.points) if rules else None
            session.add(
                Entry(
                    event_id="import",
                    member_id=row.member_id,
                    kind="import",
                    points=row.points,
                    store_code="ledger",
                    ledger_time=at,
                )
            )
            member.points = row.points
            session.add(
                Lot(member_id=row.member_id, expires_on=expires or NEVER, remaining=row.points)
            )
    session.flush()
    return len(members)


def write_credit_scores(session: Session, scores: Mapping[str, int]) -> int:
    """Existing members' new credit scores, each with a new cursor (the counters pull it)."""
    from sync.server.ledger import next_cursor

    for member_id, score in sorted(scores.items()):
        member = session.get(Member, member_id)
        if member is not None:
            member.credit_score = score
            member.cursor = next_cursor(session)
    session.flush()
    return len(scores)
