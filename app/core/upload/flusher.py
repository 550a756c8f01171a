"""Sending through the outbox, and the flusher that sends again what got no answer.

send_through_outbox: write the body down (app.core.upload.outbox), post it, mark the row with the
answer, then record the attempt in the history. Refused bodies (the server said no: 4xx other
than 401/408/429) are "refused" and never re-sent; everything else that went wrong (offline, a
timeout, a 5xx, a token to renew, a cancelled send) leaves the row pending.

OutboxFlusher: one per API client, on the core loop. At start, and whenever the client's state
comes back to READY, every pending row for that API is due at once; it sends them oldest first,
one at a time. A failure that may pass puts the row back with exponential backoff (Backoff: 5 s,
10 s, 20 s... capped at 5 min, half of it random so many laptops do not retry in step) and ends
the round: the API is down, the rows behind it would fail the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from app.core.api import (
    ApiError,
    ApiState,
    ApiStatus,
    BrokenAnswer,
    CaptivePortal,
    InvalidMeasurement,
    MeterNotFound,
    NotYourMeter,
    RejectedMeasurement,
    UploadResult,
)
from app.core.events import EventStream
from app.core.measurements import MeasurementBatch, split
from app.core.upload.attempt import MeasurementsApi, UploadAttempt, conclude, send_batches
from app.core.upload.history import HistoryError, UploadHistory
from app.core.upload.outbox import DEFAULT_KEEP_DAYS, Outbox, OutboxError

_RETRYABLE_4XX = frozenset({401, 408, 429})  # a token, a slow link, a busy server: may pass


def refused(error: ApiError) -> bool:
    """The server refused the body itself: sending it again would be refused again."""
    if isinstance(error, RejectedMeasurement | MeterNotFound | NotYourMeter | InvalidMeasurement):
        return True
    if isinstance(error, CaptivePortal | BrokenAnswer):
        return False  # a proxy's web page or a cut answer, not the platform: stays pending
    status = error.status
    return status is not None and 400 <= status < 500 and status not in _RETRYABLE_4XX


@dataclass(frozen=True, slots=True)
class Backoff:
    """Seconds before re-sending a row that failed `attempts` times (1 for the first failure)."""

    first_s: float = 5.0
    cap_s: float = 300.0

    def delay(self, attempts: int) -> float:
        ceiling = min(self.cap_s, self.first_s * 2 ** max(0, attempts - 1))
        return float(ceiling / 2 + random.uniform(0, ceiling / 2))  # noqa: S311 (jitter)


def requests_of(batches: Sequence[MeasurementBatch]) -> list[list[MeasurementBatch]]:
    """One request per ≤100 measures within a day, as the platform takes them."""
    return [[part] for batch in batches for part in split(batch)]


async def send_through_outbox(
    api: MeasurementsApi,
    batches: Sequence[MeasurementBatch],
    outbox: Outbox | None,
    history: UploadHistory | None,
    *,
    backoff: Backoff | None = None,
) -> UploadAttempt:
    """Write down, send, mark, record. With no outbox (or one that cannot be written) it is a
    plain send; `attempt.outbox_error` says why then."""
    sent = tuple(batches)
    if outbox is None:
        return await send_batches(api, sent, history)
    try:
        entry = await outbox.put(sent, api.environment.base_url)
    except OutboxError as exc:
        return replace(await send_batches(api, sent, history), outbox_error=exc)
    return await deliver(api, entry.id, entry.attempts, sent, outbox, history, backoff)


async def deliver(
    api: MeasurementsApi,
    entry_id: int,
    attempts: int,
    sent: tuple[MeasurementBatch, ...],
    outbox: Outbox,
    history: UploadHistory | None,
    backoff: Backoff | None = None,
) -> UploadAttempt:
    """Post one outbox row (already marked sending) and mark it with what came back."""
    result: UploadResult | None = None
    error: ApiError | None = None
    try:
        result = await api.post_measurements([b.to_api() for b in sent])
    except ApiError as exc:
        error = exc
    except asyncio.CancelledError:
        outbox.release_later(entry_id)  # the outcome is unknown: pending, sent again
        raise
    queued = False
    outbox_error: OutboxError | None = None
    try:
        if result is not None:
            await outbox.mark_sent(entry_id, result.status)
        elif error is not None and refused(error):
            await outbox.mark_refused(entry_id, error.status, error.code, str(error))
        elif error is not None:
            queued = True
            retry_at = time.time() + (backoff or Backoff()).delay(attempts)
            await outbox.mark_failed(entry_id, retry_at, error.status, error.code, str(error))
    except OutboxError as exc:
        outbox_error = exc
    attempt = await conclude(sent, api.environment.base_url, result, error, history)
    return replace(attempt, outbox_id=entry_id, queued=queued, outbox_error=outbox_error)


class FlushApi(MeasurementsApi, Protocol):
    """What the flusher needs of app.core.api.ChileMedidoClient."""

    @property
    def state_changed(self) -> EventStream[ApiStatus]: ...


class OutboxFlusher:
    """Re-sends the outbox's pending rows for one API client (see the module's notes)."""

    def __init__(
        self,
        api: FlushApi,
        outbox: Outbox,
        history: UploadHistory | None,
        *,
        backoff: Backoff | None = None,
        keep_days: float = DEFAULT_KEEP_DAYS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.api = api
        self.outbox = outbox
        self.history = history
        self.backoff = backoff or Backoff()
        self.keep_days = keep_days
        self.delivered: EventStream[UploadAttempt] = EventStream()  # each re-send's outcome
        self._clock = clock
        self._wake = asyncio.Event()
        self._due_now = True  # at start everything pending goes at once
        self._ready = False

    @property
    def base_url(self) -> str:
        return self.api.environment.base_url

    def kick(self) -> None:
        """Send every pending row now (the installer's "Send now"; the API answers again).
        Call on the core loop."""
        self._due_now = True
        self._wake.set()

    async def flush(self) -> int:
        """Send the due rows, oldest first, until none is due or one fails; returns how many
        the server answered (stored or refused)."""
        answered = 0
        while (entry := await self.outbox.claim_next(self.base_url)) is not None:
            attempt = await deliver(
                self.api,
                entry.id,
                entry.attempts,
                entry.batches(),
                self.outbox,
                self.history,
                self.backoff,
            )
            self.delivered.emit(attempt)
            if attempt.queued or attempt.outbox_error is not None:
                break
            answered += 1
        return answered

    async def run(self) -> None:
        """Until cancelled: prune old rows, then flush whenever something is due."""
        stop_status = self.api.state_changed.subscribe(self._on_status)
        stop_changes = self.outbox.changed.subscribe(lambda _: self._wake.set())
        try:
            await self.prune()
            while True:
                self._wake.clear()
                with contextlib.suppress(OutboxError):  # a stalled disk: try again later
                    if self._due_now:
                        self._due_now = False
                        await self.outbox.make_due(self.base_url)
                    await self.flush()
                await self._sleep()
        finally:
            stop_status()
            stop_changes()

    async def prune(self) -> None:
        """Forget sent and refused rows and history records older than `keep_days`."""
        with contextlib.suppress(OutboxError):
            await self.outbox.prune(self.keep_days)
        if self.history is not None:
            with contextlib.suppress(HistoryError):
                await self.history.prune(self.keep_days)

    async def _sleep(self) -> None:
        try:
            due = await self.outbox.next_due_at(self.base_url)
        except OutboxError:
            due = self._clock() + self.backoff.cap_s
        timeout = None if due is None else max(0.0, due - self._clock())
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout)

    def _on_status(self, status: ApiStatus) -> None:
        ready = status.state is ApiState.READY
        if ready and not self._ready:
            self.kick()  # the API answers again: what waited goes now
        self._ready = ready
