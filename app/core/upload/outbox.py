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
worker thread, so a stalling disk never stalls the core's loop; one more stays open, idle, so
that closing those does not checkpoint the WAL every time (see _keep_open). The SQL of each
operation is app.core.upload.outbox_rows.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path

from app.core.events import EventStream
from app.core.measurements import MeasurementBatch
from app.core.resources import user_data_dir
from app.core.upload import outbox_rows as rows
from app.core.upload.background import spawn
from app.core.upload.body import body_of
from app.core.upload.history import safe_url
from app.core.upload.outbox_entry import OutboxEntry, OutboxState
from app.core.upload.schema import migrate

# An entry (outbox_entry) and a body (body) have modules of their own; callers import them from
# here all the same, and need not know how the outbox is cut into files.
__all__ = [
    "DEFAULT_KEEP_DAYS",
    "FILE_NAME",
    "Outbox",
    "OutboxEntry",
    "OutboxError",
    "OutboxState",
    "body_of",
]

FILE_NAME = "outbox.sqlite3"
DEFAULT_KEEP_DAYS = 90  # sent and refused rows (and history records) older than this go


class OutboxError(Exception):
    """The outbox file cannot be used. `code` is stable for the GUI's translation."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class Outbox:
    def __init__(self, path: Path | None = None, *, clock: Callable[[], float] = time.time) -> None:
        self.path = path if path is not None else user_data_dir() / FILE_NAME
        self.changed: EventStream[None] = EventStream()  # emitted on the loop after a change
        self._clock = clock
        self._recovered = False
        self._recovery_lock = threading.Lock()
        self._keeper: sqlite3.Connection | None = None
        self._keeper_lock = threading.Lock()

    # --- the API (coroutines; sqlite runs on a worker thread) -----------------------------------

    async def put(
        self, batches: Sequence[MeasurementBatch], base_url: str, *, sending: bool = True
    ) -> OutboxEntry:
        """Write one request's body down (committed, on disk) before it is sent. `sending`: the
        caller posts it now (attempt 1), else it waits for the flusher."""
        [entry] = await self.put_many([batches], base_url, sending=sending)
        return entry

    async def put_many(
        self,
        requests: Sequence[Sequence[MeasurementBatch]],
        base_url: str,
        *,
        sending: bool = True,
    ) -> list[OutboxEntry]:
        """Write several requests' bodies down in one transaction (one fsync, not one each):
        all or none is on disk, before any of them is sent. `sending`: the caller posts them now
        (each counts as attempt 1 from here: a kill before its turn leaves it pending, like one
        killed in flight); else they wait for the flusher. InvalidMeasurement if one cannot
        be serialised (then nothing is written)."""

        # The bodies are built on the worker thread too: a day's JSON takes tens of ms, which
        # the core's loop (Modbus polls, the GUI's answers) should not wait for.
        def write() -> list[OutboxEntry]:
            new = rows.new_rows(requests, safe_url(base_url), sending, self._clock())
            return self._run(lambda conn: rows.insert(conn, new))

        entries = await asyncio.to_thread(write)
        self.changed.emit(None)
        return entries

    async def requeue(self, entry_ids: Sequence[int], retry_at: float) -> None:
        """Rows this process reserved (sending) but did not post: pending again for the
        flusher, due at `retry_at` or with the latest pending row for their API, whichever is
        later (so they go after the rows queued before them, as the order requires)."""
        if entry_ids:
            ids = list(entry_ids)
            await self._change(lambda conn: rows.requeue(conn, ids, retry_at))

    async def claim_next(self, base_url: str) -> OutboxEntry | None:
        """The oldest pending row for `base_url` that is due, now marked sending (attempts + 1);
        None when none is due. Atomic: two senders never claim the same row."""
        url = safe_url(base_url)
        entry = await self._on_worker(lambda conn: rows.claim_next(conn, url, self._clock))
        if entry is not None:
            self.changed.emit(None)
        return entry

    async def mark_sent(self, entry_id: int, status: int) -> None:
        await self._mark(entry_id, rows.Mark(OutboxState.SENT, status))

    async def mark_refused(
        self, entry_id: int, status: int | None, code: str, message: str
    ) -> None:
        await self._mark(entry_id, rows.Mark(OutboxState.REFUSED, status, code, message))

    async def mark_failed(
        self, entry_id: int, retry_at: float, status: int | None, code: str, message: str
    ) -> None:
        """No usable answer: pending again, due at `retry_at` (UTC epoch seconds), and the rows
        pending for the same API not before (they would fail the same way; order is kept)."""
        await self._mark(entry_id, rows.Mark(OutboxState.PENDING, status, code, message, retry_at))

    async def waiting(self, base_url: str | None = None) -> list[OutboxEntry]:
        """Rows not yet delivered (pending or being sent), oldest first; all APIs' if None."""
        url = safe_url(base_url) if base_url else None
        return await self._on_worker(lambda conn: rows.waiting(conn, url))

    async def next_due_at(self, base_url: str) -> float | None:
        """When the earliest pending row for `base_url` is due (epoch seconds), None if none."""
        url = safe_url(base_url)
        return await self._on_worker(lambda conn: rows.next_due_at(conn, url))

    async def make_due(self, base_url: str) -> int:
        """Every pending row for `base_url` due now (the API answers again; "Send now")."""
        url, now = safe_url(base_url), self._clock()
        return await self._change(lambda conn: rows.make_due(conn, url, now))

    async def discard(self, base_url: str | None = None) -> int:
        """Forget the pending rows (not one being sent); returns how many."""
        url = base_url and safe_url(base_url)
        return await self._change(lambda conn: rows.discard(conn, url))

    async def prune(self, keep_days: float = DEFAULT_KEEP_DAYS) -> int:
        """Delete sent and refused rows older than `keep_days`; pending ones are kept."""
        now = self._clock()
        return await self._change(lambda conn: rows.prune(conn, keep_days, now))

    def release_later(self, entry_id: int, *not_sent: int) -> None:
        """A send was cancelled mid-request (outcome unknown): pending again, due at once, from
        a task of its own (the cancelled one cannot wait for the disk); so are the rows
        `not_sent` that were reserved for the same upload."""
        now = self._clock()
        message = "The upload was cancelled."

        async def release() -> None:
            await self.mark_failed(entry_id, now, None, "cancelled", message)
            await self.requeue(not_sent, now)

        spawn(release())

    async def _mark(self, entry_id: int, change: rows.Mark) -> None:
        now = self._clock()
        await self._on_worker(lambda conn: rows.mark(conn, entry_id, change, now))
        self.changed.emit(None)

    async def _change(self, work: Callable[[sqlite3.Connection], int]) -> int:
        count = await self._on_worker(work)
        if count:
            self.changed.emit(None)
        return count

    async def _on_worker[T](self, work: Callable[[sqlite3.Connection], T]) -> T:
        return await asyncio.to_thread(self._run, work)

    # --- on the worker thread ------------------------------------------------------------------

    def _run[T](self, work: Callable[[sqlite3.Connection], T]) -> T:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(self.path, timeout=10, isolation_level=None)) as conn:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")  # fsync at every commit
                self._open(conn)
                self._keep_open()
                return work(conn)
        except (OSError, sqlite3.Error) as exc:
            raise OutboxError(
                "outbox.unusable",
                f"The upload outbox {self.path} cannot be used ({exc}). Uploads are sent without "
                "it, but one that fails is not re-sent by itself. Close Medido and check the "
                "disk; rename that file only if the problem persists (its uploads would be lost).",
            ) from exc

    def _keep_open(self) -> None:
        """Hold one idle connection for the Outbox's life. SQLite checkpoints the WAL into the
        database and deletes it whenever the last connection to the file closes: with only a
        connection per call, every call paid for that (each body written twice, more fsyncs, a
        new WAL file each time: a mark_sent took 3.3 ms instead of 1.2 on the dev VM). While
        one stays open, the WAL is checkpointed by size, as SQLite intends. It never reads or
        writes after opening, so no data crosses threads; durability is the commits' own."""
        with self._keeper_lock:
            if self._keeper is None:
                keeper = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
                keeper.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # joins the WAL
                self._keeper = keeper

    def _open(self, conn: sqlite3.Connection) -> None:
        """Migrate the schema; the first time in this process, take back rows a dead one left."""
        migrate(conn, rows.MIGRATIONS, self._newer, self._recover_once(conn))

    def _newer(self, version: int) -> OutboxError:
        return OutboxError(
            "outbox.newer_schema",
            f"The upload outbox {self.path} was written by a newer Medido (schema "
            f"{version}; this one knows {rows.SCHEMA_VERSION}). It was left untouched; update "
            "Medido to send what it holds.",
        )

    def _recover_once(self, conn: sqlite3.Connection) -> Callable[[], None]:
        def recover() -> None:
            with self._recovery_lock:
                if not self._recovered:
                    rows.recover(conn, self._clock())
                    self._recovered = True

        return recover
