"""The outbox: every POST /measurements body, written down before it is sent.

One sqlite3 file, `user_data_dir()/outbox.sqlite3`, in WAL mode with synchronous=FULL: a row is
on disk (fsync at commit) before its request leaves, so a process killed in flight leaves a trace
and the next start sends it again. The platform stores a (meter, timestamp, sensor) once, so a
re-sent body overwrites what may already be there; it never duplicates.

A row's life: `sending` (being posted by this process) → `sent` (the server took it) or
`refused` (the server refused the body: sending it again would be refused again) or `pending`
(no answer, a timeout, a 5xx, a token to renew: sent again after `next_try_at`). Rows found in
`sending` when a process opens the file are from a process that died mid-request: they are
pending again, due at once. One Outbox per file per process (a second one would take the first
one's in-flight rows for dead ones). Like the history, each call opens its own connection on a
worker thread, so a stalling disk never stalls the core's loop.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.core.api import Measure
from app.core.events import EventStream
from app.core.measurements import MeasurementBatch
from app.core.resources import user_data_dir
from app.core.traffic import redact
from app.core.upload.history import safe_url
from app.core.upload.schema import migrate

FILE_NAME = "outbox.sqlite3"
DEFAULT_KEEP_DAYS = 90  # sent and refused rows (and history records) older than this go
_DAY_S = 86_400.0

_MIGRATIONS: tuple[tuple[str, ...], ...] = (
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
SCHEMA_VERSION = len(_MIGRATIONS)


class OutboxState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    REFUSED = "refused"


class OutboxError(Exception):
    """The outbox file cannot be used. `code` is stable for the GUI's translation."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    id: int
    created_at: datetime  # aware UTC
    base_url: str
    device_number: str
    body: str  # JSON text as sent
    measures: int
    state: OutboxState
    attempts: int  # requests started for it (a killed one included)
    next_try_at: datetime
    status: int | None = None
    error_code: str | None = None
    error_message: str | None = None

    def batches(self) -> tuple[MeasurementBatch, ...]:
        """The body back as batches; their to_api() serialises to the same JSON."""
        return tuple(
            MeasurementBatch(
                d["deviceNumber"],
                tuple(
                    Measure(
                        m["timestamp"],
                        {v["sensorName"]: v["sensorValue"] for v in m["sensorValues"]},
                    )
                    for m in d["measures"]
                ),
            )
            for d in json.loads(self.body)
        )


def body_of(batches: Sequence[MeasurementBatch]) -> str:
    """The request body exactly as the client serialises it."""
    return json.dumps([b.to_api().to_json() for b in batches], ensure_ascii=False)


class Outbox:
    def __init__(self, path: Path | None = None, *, clock: Callable[[], float] = time.time) -> None:
        self.path = path if path is not None else user_data_dir() / FILE_NAME
        self.changed: EventStream[None] = EventStream()  # emitted on the loop after a change
        self._clock = clock
        self._recovered = False
        self._recovery_lock = threading.Lock()

    # --- the API (coroutines; sqlite runs on a worker thread) -----------------------------------

    async def put(
        self, batches: Sequence[MeasurementBatch], base_url: str, *, sending: bool = True
    ) -> OutboxEntry:
        """Write one request's body down (committed, on disk) before it is sent. `sending`: the
        caller posts it now (attempt 1), else it waits for the flusher."""
        entry = await asyncio.to_thread(self._put, body_of(batches), batches, base_url, sending)
        self.changed.emit(None)
        return entry

    async def claim_next(self, base_url: str) -> OutboxEntry | None:
        """The oldest pending row for `base_url` that is due, now marked sending (attempts + 1);
        None when none is due. Atomic: two senders never claim the same row."""
        entry = await asyncio.to_thread(self._claim_next, safe_url(base_url))
        if entry is not None:
            self.changed.emit(None)
        return entry

    async def mark_sent(self, entry_id: int, status: int) -> None:
        await self._finish(entry_id, OutboxState.SENT, status, None, None, None)

    async def mark_refused(
        self, entry_id: int, status: int | None, code: str, message: str
    ) -> None:
        await self._finish(entry_id, OutboxState.REFUSED, status, code, message, None)

    async def mark_failed(
        self, entry_id: int, retry_at: float, status: int | None, code: str, message: str
    ) -> None:
        """No usable answer: pending again, due at `retry_at` (UTC epoch seconds), and the rows
        pending for the same API not before (they would fail the same way; order is kept)."""
        await self._finish(entry_id, OutboxState.PENDING, status, code, message, retry_at)

    async def waiting(self, base_url: str | None = None) -> list[OutboxEntry]:
        """Rows not yet delivered (pending or being sent), oldest first; all APIs' if None."""
        return await asyncio.to_thread(self._waiting, base_url)

    async def next_due_at(self, base_url: str) -> float | None:
        """When the earliest pending row for `base_url` is due (epoch seconds), None if none."""
        return await asyncio.to_thread(self._next_due_at, safe_url(base_url))

    async def make_due(self, base_url: str) -> int:
        """Every pending row for `base_url` due now (the API answers again; "Send now")."""
        return await self._change(self._make_due, safe_url(base_url))

    async def discard(self, base_url: str | None = None) -> int:
        """Forget the pending rows (not one being sent); returns how many."""
        return await self._change(self._discard, base_url and safe_url(base_url))

    async def prune(self, keep_days: float = DEFAULT_KEEP_DAYS) -> int:
        """Delete sent and refused rows older than `keep_days`; pending ones are kept."""
        return await self._change(self._prune, keep_days)

    def release_later(self, entry_id: int) -> None:
        """A send was cancelled mid-request (outcome unknown): pending again, due at once, from
        a task of its own (the cancelled one cannot wait for the disk)."""
        task = asyncio.get_running_loop().create_task(
            self.mark_failed(
                entry_id, self._clock(), None, "cancelled", "The upload was cancelled."
            )
        )
        _PENDING_TASKS.add(task)
        task.add_done_callback(_PENDING_TASKS.discard)

    async def _finish(
        self,
        entry_id: int,
        state: OutboxState,
        status: int | None,
        code: str | None,
        message: str | None,
        retry_at: float | None,
    ) -> None:
        await asyncio.to_thread(self._update, entry_id, state, status, code, message, retry_at)
        self.changed.emit(None)

    async def _change[T](self, work: Callable[[T], int], arg: T) -> int:
        count = await asyncio.to_thread(work, arg)
        if count:
            self.changed.emit(None)
        return count

    # --- on the worker thread ------------------------------------------------------------------

    def _run[T](self, work: Callable[[sqlite3.Connection], T]) -> T:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(self.path, timeout=10, isolation_level=None)) as conn:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")  # fsync at every commit
                self._open(conn)
                return work(conn)
        except (OSError, sqlite3.Error) as exc:
            raise OutboxError(
                "outbox.unusable",
                f"The upload outbox {self.path} cannot be used ({exc}). Uploads are sent without "
                "it, but one that fails is not re-sent by itself. Close Medido and check the "
                "disk; rename that file only if the problem persists (its uploads would be lost).",
            ) from exc

    def _open(self, conn: sqlite3.Connection) -> None:
        """Migrate the schema; the first time in this process, take back rows a dead one left."""
        migrate(conn, _MIGRATIONS, self._newer, self._recover_once(conn))

    def _newer(self, version: int) -> OutboxError:
        return OutboxError(
            "outbox.newer_schema",
            f"The upload outbox {self.path} was written by a newer Medido (schema "
            f"{version}; this one knows {SCHEMA_VERSION}). It was left untouched; update "
            "Medido to send what it holds.",
        )

    def _recover_once(self, conn: sqlite3.Connection) -> Callable[[], None]:
        def recover() -> None:
            with self._recovery_lock:
                if not self._recovered:
                    conn.execute(
                        "UPDATE outbox SET state = ?, next_try_at = ? WHERE state = ?",
                        (OutboxState.PENDING, self._clock(), OutboxState.SENDING),
                    )
                    self._recovered = True

        return recover

    def _put(
        self, body: str, batches: Sequence[MeasurementBatch], base_url: str, sending: bool
    ) -> OutboxEntry:
        now = self._clock()
        devices = ", ".join(dict.fromkeys(b.device_number for b in batches))
        measures = sum(len(b.measures) for b in batches)
        state = OutboxState.SENDING if sending else OutboxState.PENDING
        url = safe_url(base_url)
        values = (now, url, devices, body, measures, state, int(sending), now)
        entry_id = self._run(
            lambda conn: (
                conn.execute(
                    "INSERT INTO outbox (created_at, base_url, device_number, body, measures, "
                    "state, attempts, next_try_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    values,
                ).lastrowid
            )
        )
        assert entry_id is not None
        at = datetime.fromtimestamp(now, UTC)
        return OutboxEntry(entry_id, at, url, devices, body, measures, state, int(sending), at)

    def _claim_next(self, base_url: str) -> OutboxEntry | None:
        def claim(conn: sqlite3.Connection) -> OutboxEntry | None:
            conn.execute("BEGIN IMMEDIATE")
            row = conn.execute(
                "SELECT * FROM outbox WHERE state = ? AND base_url = ? "
                "AND next_try_at <= ? ORDER BY id LIMIT 1",
                (OutboxState.PENDING, base_url, self._clock()),
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

        return self._run(claim)

    def _update(
        self,
        entry_id: int,
        state: OutboxState,
        status: int | None,
        code: str | None,
        message: str | None,
        retry_at: float | None,
    ) -> None:
        now = self._clock()
        done = now if state in (OutboxState.SENT, OutboxState.REFUSED) else None
        text = redact(message) if message else None

        def update(conn: sqlite3.Connection) -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "UPDATE outbox SET state = ?, status = ?, error_code = ?, error_message = ?, "
                "next_try_at = COALESCE(?, next_try_at), done_at = ? WHERE id = ?",
                (state, status, code, text, retry_at, done, entry_id),
            )
            if retry_at is not None:  # that API is down: the rows queued behind wait as long
                conn.execute(
                    "UPDATE outbox SET next_try_at = MAX(next_try_at, ?) WHERE state = ? "
                    "AND base_url = (SELECT base_url FROM outbox WHERE id = ?)",
                    (retry_at, OutboxState.PENDING, entry_id),
                )
            conn.execute("COMMIT")

        self._run(update)

    def _waiting(self, base_url: str | None) -> list[OutboxEntry]:
        url = safe_url(base_url) if base_url else None
        rows = self._run(
            lambda conn: conn.execute(
                "SELECT * FROM outbox WHERE state IN (?, ?) AND base_url = COALESCE(?, base_url) "
                "ORDER BY id",
                (OutboxState.PENDING, OutboxState.SENDING, url),
            ).fetchall()
        )
        return [_entry(row[:12]) for row in rows]

    def _next_due_at(self, base_url: str) -> float | None:
        row = self._run(
            lambda conn: conn.execute(
                "SELECT MIN(next_try_at) FROM outbox WHERE state = ? AND base_url = ?",
                (OutboxState.PENDING, base_url),
            ).fetchone()
        )
        return None if row[0] is None else float(row[0])

    def _make_due(self, base_url: str) -> int:
        now = self._clock()
        return self._run(
            lambda conn: (
                conn.execute(
                    "UPDATE outbox SET next_try_at = ? WHERE state = ? AND base_url = ? "
                    "AND next_try_at > ?",
                    (now, OutboxState.PENDING, base_url, now),
                ).rowcount
            )
        )

    def _discard(self, base_url: str | None) -> int:
        return self._run(
            lambda conn: (
                conn.execute(
                    "DELETE FROM outbox WHERE state = ? AND base_url = COALESCE(?, base_url)",
                    (OutboxState.PENDING, base_url),
                ).rowcount
            )
        )

    def _prune(self, keep_days: float) -> int:
        before = self._clock() - max(0.0, keep_days) * _DAY_S
        return self._run(
            lambda conn: (
                conn.execute(
                    "DELETE FROM outbox WHERE state IN (?, ?) AND done_at < ?",
                    (OutboxState.SENT, OutboxState.REFUSED, before),
                ).rowcount
            )
        )


_PENDING_TASKS: set[asyncio.Task[None]] = set()


def _entry(row: Sequence[Any]) -> OutboxEntry:
    """A row of `SELECT *` (its first twelve columns) as an entry."""
    created, due = (datetime.fromtimestamp(row[i], UTC) for i in (1, 8))
    status, code, message = row[9:12]
    state = OutboxState(row[6])
    return OutboxEntry(
        row[0], created, row[2], row[3], row[4], row[5], state, row[7], due, status, code, message
    )
