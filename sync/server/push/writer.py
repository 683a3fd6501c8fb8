"""The group's rows written in bulk, with the commit (one pipeline on PostgreSQL)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import orjson
from sqlalchemy import Table, bindparam, insert, or_, select, update
from sqlalchemy.orm import Session

from app.store.types import UTCDateTime
from sync.server.push.state import (
    CODE_STEPS,
    COUNTERS,
    ENTRIES,
    EVENTS,
    FLAGS,
    HOLDS,
    LOTS,
    MEMBERS,
    TERMINALS,
    Batch,
)

if TYPE_CHECKING:
    import psycopg


def write_position(batch: Batch, writer: Writer) -> None:
    """The group's new events (as applied) and the terminals' new positions: they do not
    depend on any member, so they are written before the members' locks are granted."""
    if batch.events:
        writer.insert(EVENTS, batch.events)
    if batch.positions:
        writer.update(TERMINALS, ("terminal_id",), batch.positions)


def write(batch: Batch) -> None:
    """The group's rows, in bulk, and the commit; on PostgreSQL in one pipeline (one round
    trip): every statement is sent before the first answer is awaited. The change counter is
    taken last: its row lock is held only from here to the commit, still so that cursors
    become visible in order."""
    session = batch.session
    connection = session.connection()
    dbapi = connection.connection.dbapi_connection
    if connection.dialect.name == "postgresql" and dbapi is not None:
        with dbapi.pipeline():
            _write_rows(batch, JsonWriter(session))
            dbapi.commit()  # COMMIT goes with the writes: one round trip for all
    else:
        _write_rows(batch, Writer(session))
    session.commit()  # on PostgreSQL, the session's bookkeeping only: nothing is sent


class Writer:
    """Rows in bulk through SQLAlchemy: one multi-row INSERT or one ``executemany``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        self.session.execute(insert(table).inline(), rows)

    def update(
        self, table: Table, keys: tuple[str, ...], rows: list[dict[str, Any]], cursor: bool = False
    ) -> None:
        """UPDATE each row found by ``keys``; with ``cursor``, also set the change cursor to
        the counter's value less the row's ``from_top``."""
        names = [name for name in rows[0] if name not in keys and name != "from_top"]
        values: dict[str, Any] = {name: bindparam(name) for name in names}
        if cursor:
            values["cursor"] = COUNTER_VALUE - bindparam("from_top")
        self.session.execute(
            update(table)
            .where(*(table.c[key] == bindparam(f"b_{key}") for key in keys))
            .values(values),
            [
                {
                    **{f"b_{k}": v for k, v in row.items() if k in keys},
                    **{k: v for k, v in row.items() if k not in keys},
                }
                for row in rows
            ],
        )


class JsonWriter(Writer):
    """PostgreSQL: every row of a table in one statement over one JSON document
    (``json_to_recordset``), whatever the number of rows: one statement to plan and one text
    parameter, serialised by orjson in C, instead of one statement per row or an array per
    column (psycopg dumps array elements one by one in Python). On the session's own
    connection, so that the statements can go in its pipeline."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.dbapi = cast(
            "psycopg.Connection[Any]", session.connection().connection.dbapi_connection
        )
        self.dialect = session.get_bind().dialect

    def _source(self, table: Table, names: list[str]) -> str:
        columns = []
        for name in names:
            sql_type = "BIGINT" if name == "from_top" else table.c[name].type.compile(self.dialect)
            columns.append(f"{name} {sql_type}")
        return f"json_to_recordset(%s::json) AS v({', '.join(columns)})"

    def _document(self, table: Table, names: list[str], rows: list[dict[str, Any]]) -> str:
        for name in names:
            column_type = None if name == "from_top" else table.c[name].type
            if isinstance(column_type, UTCDateTime):  # one ledger time per push, mostly
                values = {row[name] for row in rows}
                done = {v: column_type.process_bind_param(v, self.dialect) for v in values}
                rows = [{**row, name: done[row[name]]} for row in rows]
        return orjson.dumps(rows).decode()

    def insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        names = list(rows[0])
        columns = ", ".join(names)
        self.dbapi.cursor().execute(
            f"INSERT INTO {table.name} ({columns}) "  # noqa: S608 - names: ours
            f"SELECT {columns} FROM {self._source(table, names)}",
            [self._document(table, names, rows)],
        )

    def update(
        self, table: Table, keys: tuple[str, ...], rows: list[dict[str, Any]], cursor: bool = False
    ) -> None:
        names = list(rows[0])
        sets = [f"{name} = v.{name}" for name in names if name not in keys and name != "from_top"]
        if cursor:
            sets.append("cursor = (SELECT value FROM counters WHERE name = 'changes') - v.from_top")
        self.dbapi.cursor().execute(
            f"UPDATE {table.name} AS t SET {', '.join(sets)} "  # noqa: S608 - ours
            f"FROM {self._source(table, names)} "
            f"WHERE {' AND '.join(f't.{key} = v.{key}' for key in keys)}",
            [self._document(table, names, rows)],
        )


COUNTER_VALUE = select(COUNTERS.c.value).where(COUNTERS.c.name == "changes").scalar_subquery()


def _write_rows(batch: Batch, writer: Writer) -> None:
    session = batch.session
    # Growth as of today for the members whose buckets changed, then the buckets and coupons.
    batch.profile.settle_growth(batch.members, batch.rule_book(), batch.today())
    batch.profile.write(session)
    # stores: scoped lots and funding rows through the writer (in PostgreSQL's pipeline)
    batch.scopes.write(writer)
    batch.funding.write(writer)
    batch.grants.write(session)
    if batch.rejected:  # written as applied with the members' locks (write_position)
        writer.update(EVENTS, ("event_id",), batch.rejected)
    if batch.entries:
        writer.insert(ENTRIES, batch.entries)
    if batch.flags:
        writer.insert(FLAGS, batch.flags)
    if batch.new_code_steps:
        writer.insert(CODE_STEPS, batch.new_code_steps)
    if batch.holds:
        session.execute(
            update(HOLDS)
            .where(
                HOLDS.c.terminal_id == bindparam("b_terminal_id"),
                or_(
                    HOLDS.c.hold_id == bindparam("b_hold_id"),
                    HOLDS.c.request_id == bindparam("b_request_id"),
                ),
            )
            .values(consumed=True),
            batch.holds,
        )
    members = [m for m in batch.members.values() if m is not None]
    new_lots, changed_lots = [], []
    for member in members:
        for day, remaining in member.lots.items():
            was = member.stored_lots.get(day)
            if was is None:
                new_lots.append(
                    {"member_id": member.member_id, "expires_on": day, "remaining": remaining}
                )
            elif was != remaining:
                changed_lots.append(
                    {"member_id": member.member_id, "expires_on": day, "remaining": remaining}
                )
    if new_lots:
        writer.insert(LOTS, new_lots)
    if changed_lots:
        writer.update(LOTS, ("member_id", "expires_on"), changed_lots)
    if not batch.touched:
        return
    # One block of cursors off the counter; each member changed gets its own, in member id
    # order, counted down from the counter's new value (read by the same transaction).
    touched = sorted(batch.touched)
    session.execute(
        update(COUNTERS)
        .where(COUNTERS.c.name == "changes")
        .values(value=COUNTERS.c.value + len(touched))
    )
    from_top = {member_id: len(touched) - 1 - n for n, member_id in enumerate(touched)}
    new_members = [m for m in members if m.new]
    if new_members:
        session.execute(
            insert(MEMBERS).inline().values(cursor=COUNTER_VALUE - bindparam("from_top")),
            [{**m.row, **m.changes(), "from_top": from_top[m.member_id]} for m in new_members],
        )
    changed = [m for m in members if not m.new and m.member_id in batch.touched]
    if changed:
        writer.update(
            MEMBERS,
            ("member_id",),
            [
                {"member_id": m.member_id, **m.changes(), "from_top": from_top[m.member_id]}
                for m in changed
            ],
            cursor=True,
        )


# ------------------------------------------------------------------------------- events
