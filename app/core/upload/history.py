"""The Upload page's history: what was sent, where, and what ChileMedido answered.

One sqlite3 file, `user_data_dir()/uploads.sqlite3`. Each call opens its own connection on a
worker thread (asyncio.to_thread): sqlite is quick, but a disk that stalls (antivirus, a network
home folder) must not stall the core's loop, and a per-call connection never crosses threads.

The schema is versioned with PRAGMA user_version; `_MIGRATIONS[n]` takes a file from version n
to n + 1, so a later Medido upgrades an old history in place. A history written by a newer
Medido is left untouched and reported. Nothing stored can hold a token: bodies carry none, and
every text goes through app.core.traffic.redact anyway (a server message may echo a header).
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit, urlunsplit

from app.core.measurements import MeasurementBatch
from app.core.resources import user_data_dir
from app.core.traffic import redact
from app.core.upload.body import body_of, devices_of
from app.core.upload.schema import migrate

FILE_NAME = "uploads.sqlite3"

# Each step is a list of statements (sqlite3 runs one statement per execute).
_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 0 → 1
        """CREATE TABLE uploads (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            sent_at REAL NOT NULL,           -- UTC epoch seconds
            base_url TEXT NOT NULL,
            device_number TEXT NOT NULL,
            body TEXT NOT NULL,              -- the JSON body as sent
            status INTEGER,                  -- HTTP status; NULL when no answer came
            success INTEGER NOT NULL,
            warnings TEXT NOT NULL,          -- JSON list of the server's warnings
            errors TEXT NOT NULL,            -- JSON list of error messages
            error_code TEXT                  -- the API error's stable code, if the upload failed
        )""",
        "CREATE INDEX uploads_by_time ON uploads (sent_at DESC, id DESC)",
    ),
)
SCHEMA_VERSION = len(_MIGRATIONS)


class HistoryError(Exception):
    """The history file cannot be used. `code` is stable for the GUI's translation."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class UploadRecord:
    sent_at: datetime  # aware UTC
    base_url: str  # the environment's API address
    device_number: str  # several, comma-separated, when one request carried several meters
    body: str  # JSON text as sent
    status: int | None  # HTTP status, None if no answer (offline, timeout)
    success: bool
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    error_code: str | None = None  # e.g. "offline_timeout" (app.core.api error codes)
    id: int | None = None  # set once stored


class UploadResultLike(Protocol):
    """What app.core.api.UploadResult carries."""

    @property
    def success(self) -> bool: ...
    @property
    def warnings(self) -> tuple[str, ...]: ...
    @property
    def status(self) -> int: ...


def record_upload(
    batches: Sequence[MeasurementBatch],
    base_url: str,
    *,
    result: UploadResultLike | None = None,
    error: Exception | None = None,
    sent_at: datetime | None = None,
    body: str | None = None,
) -> UploadRecord:
    """The record of one POST /measurements: its answer (`result`) or what went wrong (`error`).

    `body`: the text that went out, when the caller has it (the outbox's row); else it is
    rebuilt with the client's own serialisation, byte for byte what went out.
    """
    if body is None:
        body = body_of(batches)
    devices = devices_of(batches)
    moment = sent_at or datetime.now(UTC)
    if result is not None:
        return UploadRecord(
            moment, base_url, devices, body, result.status, result.success, result.warnings
        )
    status = getattr(error, "status", None)
    code = getattr(error, "code", None)
    return UploadRecord(
        moment,
        base_url,
        devices,
        body,
        status if isinstance(status, int) else None,
        False,
        errors=(str(error),) if error is not None else (),
        error_code=code if isinstance(code, str) else None,
    )


def safe_url(url: str) -> str:
    """Drop a user:password@ part, should anyone ever type one into the address."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit(parts._replace(netloc=netloc))


def _texts(items: Sequence[str]) -> str:
    return json.dumps([redact(str(i)) for i in items], ensure_ascii=False)


class UploadHistory:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else user_data_dir() / FILE_NAME

    async def add(self, record: UploadRecord) -> UploadRecord:
        """Store a record; returns it with its id (and with any token-like text redacted)."""
        return await asyncio.to_thread(self._add, record)

    async def recent(self, limit: int = 50) -> list[UploadRecord]:
        """Newest first."""
        return await asyncio.to_thread(self._recent, limit)

    async def count(self) -> int:
        return await asyncio.to_thread(self._count)

    async def clear(self) -> int:
        """Forget every record; returns how many there were."""
        return await asyncio.to_thread(self._clear)

    async def prune(self, keep_days: float, *, now: datetime | None = None) -> int:
        """Forget records older than `keep_days` (so the file does not grow forever)."""
        moment = (now or datetime.now(UTC)).timestamp() - max(0.0, keep_days) * 86_400
        return await asyncio.to_thread(self._prune, moment)

    # --- on the worker thread --------------------------------------------------------------

    def _run[T](self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Open, update the schema, do `work`, close; sqlite errors become HistoryError."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(self.path, timeout=10, isolation_level=None)) as conn:
                self._migrate(conn)
                return work(conn)
        except (OSError, sqlite3.Error) as exc:
            raise HistoryError(
                "history.unusable",
                f"The upload history {self.path} cannot be used ({exc}). Uploads still work; "
                "if this persists, close Medido and rename or delete that file to start anew.",
            ) from exc

    def _migrate(self, conn: sqlite3.Connection) -> None:
        migrate(conn, _MIGRATIONS, self._newer)

    def _newer(self, version: int) -> HistoryError:
        return HistoryError(
            "history.newer_schema",
            f"The upload history {self.path} was written by a newer Medido (schema "
            f"{version}; this one knows {SCHEMA_VERSION}). It was left untouched; update "
            "Medido to see it.",
        )

    def _add(self, record: UploadRecord) -> UploadRecord:
        stored = replace(
            record,
            base_url=safe_url(record.base_url),
            body=redact(record.body),
            warnings=tuple(redact(w) for w in record.warnings),
            errors=tuple(redact(e) for e in record.errors),
        )

        def insert(conn: sqlite3.Connection) -> int | None:
            return conn.execute(
                "INSERT INTO uploads (sent_at, base_url, device_number, body, status, success, "
                "warnings, errors, error_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    stored.sent_at.timestamp(),
                    stored.base_url,
                    stored.device_number,
                    stored.body,
                    stored.status,
                    int(stored.success),
                    _texts(stored.warnings),
                    _texts(stored.errors),
                    stored.error_code,
                ),
            ).lastrowid

        return replace(stored, id=self._run(insert))

    def _recent(self, limit: int) -> list[UploadRecord]:
        rows = self._run(
            lambda conn: conn.execute(
                "SELECT id, sent_at, base_url, device_number, body, status, success, warnings, "
                "errors, error_code FROM uploads ORDER BY sent_at DESC, id DESC LIMIT ?",
                (max(0, limit),),
            ).fetchall()
        )
        return [
            UploadRecord(
                sent_at=datetime.fromtimestamp(row[1], UTC),
                base_url=row[2],
                device_number=row[3],
                body=row[4],
                status=row[5],
                success=bool(row[6]),
                warnings=tuple(json.loads(row[7])),
                errors=tuple(json.loads(row[8])),
                error_code=row[9],
                id=row[0],
            )
            for row in rows
        ]

    def _count(self) -> int:
        return self._run(
            lambda conn: int(conn.execute("SELECT COUNT(*) FROM uploads").fetchone()[0])
        )

    def _clear(self) -> int:
        return self._run(lambda conn: conn.execute("DELETE FROM uploads").rowcount)

    def _prune(self, before: float) -> int:
        return self._run(
            lambda conn: conn.execute("DELETE FROM uploads WHERE sent_at < ?", (before,)).rowcount
        )
