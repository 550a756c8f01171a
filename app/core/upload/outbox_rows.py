"""The outbox's rows as SQL: the table, and each of the Outbox's operations on an open connection.

Every function here runs on the worker thread that app.core.upload.outbox.Outbox opened `conn`
on (autocommit mode: isolation_level=None), and takes the time (or the clock) from the Outbox,
whose clock the tests set. A write that must see the table as it changes (a claim, a requeue, a
mark that holds the rows behind it) takes the write lock first (BEGIN IMMEDIATE), so that two
writers never both read the same row as free; an error before COMMIT leaves the transaction
open, and closing the connection rolls it back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.core.measurements import MeasurementBatch
from app.core.traffic import redact
from app.core.upload.body import body_of, devices_of
from app.core.upload.outbox_entry import OutboxEntry, OutboxState

_DAY_S = 86_400.0

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 0 → 1
        """CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at REAL NOT NULL,        -- UTC epoch seconds
            base_url TEXT NOT NULL,          -- the API it is for; never sent to another
            device_number TEXT NOT NULL,     -- several, comma-separated
            body TEXT NOT NULL,              -- the JSON body, as sent
            measures INTEGER NOT NULL,
            state TEXT NOT NULL,             -- pending, sending, sent, refused
            attempts INTEGER NOT NULL DEFAULT 0,
            next_try_at REAL NOT NULL,
            status INTEGER,                  -- the last HTTP status, if an answer came
            error_code TEXT,                 -- the last API error's stable code
            error_message TEXT,              -- redacted
            done_at REAL                     -- when it became sent or refused
        )""",
        "CREATE INDEX outbox_by_state ON outbox (state, base_url, id)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

# The columns an INSERT gives a new row, in the table's order (created_at … next_try_at).
type NewRow = tuple[float, str, str, str, int, OutboxState, int, float]


@dataclass(frozen=True, slots=True)
class Mark:
    """What an answer (or its absence) makes of a row that was being sent."""

    state: OutboxState
    status: int | None
    code: str | None = None
    message: str | None = None  # redacted before it is stored
    retry_at: float | None = None  # pending again: due then, and the rows behind it no sooner


def new_rows(
    requests: Sequence[Sequence[MeasurementBatch]], base_url: str, sending: bool, now: float
) -> list[NewRow]:
    """The rows for `requests`, bodies built; apart from insert() so that a body that cannot be
    serialised (InvalidMeasurement) fails before the file is even opened."""
    state = OutboxState.SENDING if sending else OutboxState.PENDING
    return [
        (
            now,
            base_url,
            devices_of(batches),
            body_of(batches),
            sum(len(b.measures) for b in batches),
            state,
            int(sending),
            now,
        )
        for batches in requests
    ]


def insert(conn: sqlite3.Connection, rows: Sequence[NewRow]) -> list[OutboxEntry]:
    """All `rows` in one transaction: one fsync, and all or none on disk."""
    # Copying the WAL into the database (3 MB for a day) is left to the next small commit (a
    # mark, while the next request is in flight): the first request waits for this commit.
    # Not for durability: the commit is on disk before it returns.
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("BEGIN IMMEDIATE")
    row_ids = [
        conn.execute(
            "INSERT INTO outbox (created_at, base_url, device_number, body, measures, "
            "state, attempts, next_try_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        ).lastrowid
        for row in rows
    ]
    conn.execute("COMMIT")  # the one fsync (synchronous=FULL)
    ids = [i for i in row_ids if i is not None]
    return [_entry((i, *row, None, None, None)) for i, row in zip(ids, rows, strict=True)]


def recover(conn: sqlite3.Connection, now: float) -> None:
    """Rows left `sending` by a process that died mid-request: pending again, due at once."""
    conn.execute(
        "UPDATE outbox SET state = ?, next_try_at = ? WHERE state = ?",
        (OutboxState.PENDING, now, OutboxState.SENDING),
    )


def claim_next(
    conn: sqlite3.Connection, base_url: str, clock: Callable[[], float]
) -> OutboxEntry | None:
    # The time is read once the write lock is held: a row that fell due while this waited for
    # another writer is claimed now, not at the next round.
    conn.execute("BEGIN IMMEDIATE")
    row = conn.execute(
        "SELECT * FROM outbox WHERE state = ? AND base_url = ? "
        "AND next_try_at <= ? ORDER BY id LIMIT 1",
        (OutboxState.PENDING, base_url, clock()),
    ).fetchone()
    if row is not None:
        conn.execute(
            "UPDATE outbox SET state = ?, attempts = attempts + 1 WHERE id = ?",
            (OutboxState.SENDING, row[0]),
        )
    conn.execute("COMMIT")
    if row is None:
        return None
    return _entry((*row[:6], OutboxState.SENDING, row[7] + 1, *row[8:12]))


def mark(conn: sqlite3.Connection, entry_id: int, change: Mark, now: float) -> None:
    done = now if change.state in (OutboxState.SENT, OutboxState.REFUSED) else None
    text = redact(change.message) if change.message else None
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "UPDATE outbox SET state = ?, status = ?, error_code = ?, error_message = ?, "
        "next_try_at = COALESCE(?, next_try_at), done_at = ? WHERE id = ?",
        (change.state, change.status, change.code, text, change.retry_at, done, entry_id),
    )
    if change.retry_at is not None:  # that API is down: the rows queued behind wait as long
        conn.execute(
            "UPDATE outbox SET next_try_at = MAX(next_try_at, ?) WHERE state = ? "
            "AND base_url = (SELECT base_url FROM outbox WHERE id = ?)",
            (change.retry_at, OutboxState.PENDING, entry_id),
        )
    conn.execute("COMMIT")


def waiting(conn: sqlite3.Connection, base_url: str | None) -> list[OutboxEntry]:
    rows = conn.execute(
        "SELECT * FROM outbox WHERE state IN (?, ?) AND base_url = COALESCE(?, base_url) "
        "ORDER BY id",
        (OutboxState.PENDING, OutboxState.SENDING, base_url),
    ).fetchall()
    return [_entry(row[:12]) for row in rows]


def next_due_at(conn: sqlite3.Connection, base_url: str) -> float | None:
    row = conn.execute(
        "SELECT MIN(next_try_at) FROM outbox WHERE state = ? AND base_url = ?",
        (OutboxState.PENDING, base_url),
    ).fetchone()
    return None if row[0] is None else float(row[0])


def requeue(conn: sqlite3.Connection, ids: Sequence[int], retry_at: float) -> int:
    pending = OutboxState.PENDING
    conn.execute("BEGIN IMMEDIATE")
    count = conn.executemany(
        "UPDATE outbox SET state = ?, next_try_at = MAX(?, COALESCE((SELECT "
        "MAX(p.next_try_at) FROM outbox p WHERE p.state = ? AND p.base_url = "
        "outbox.base_url), 0)) WHERE id = ? AND state = ?",
        [(pending, retry_at, pending, i, OutboxState.SENDING) for i in ids],
    ).rowcount
    conn.execute("COMMIT")
    return count


def make_due(conn: sqlite3.Connection, base_url: str, now: float) -> int:
    return conn.execute(
        "UPDATE outbox SET next_try_at = ? WHERE state = ? AND base_url = ? AND next_try_at > ?",
        (now, OutboxState.PENDING, base_url, now),
    ).rowcount


def discard(conn: sqlite3.Connection, base_url: str | None) -> int:
    return conn.execute(
        "DELETE FROM outbox WHERE state = ? AND base_url = COALESCE(?, base_url)",
        (OutboxState.PENDING, base_url),
    ).rowcount


def prune(conn: sqlite3.Connection, keep_days: float, now: float) -> int:
    before = now - max(0.0, keep_days) * _DAY_S
    return conn.execute(
        "DELETE FROM outbox WHERE state IN (?, ?) AND done_at < ?",
        (OutboxState.SENT, OutboxState.REFUSED, before),
    ).rowcount


def _entry(row: Sequence[Any]) -> OutboxEntry:
    """A row of `SELECT *` (its first twelve columns) as an entry."""
    created, due = (datetime.fromtimestamp(row[i], UTC) for i in (1, 8))
    status, code, message = row[9:12]
    state = OutboxState(row[6])
    return OutboxEntry(
        row[0], created, row[2], row[3], row[4], row[5], state, row[7], due, status, code, message
    )
