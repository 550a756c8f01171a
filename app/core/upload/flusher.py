"""Sending through the outbox, and the flusher that sends again what got no answer.

send_through_outbox: write the body down (app.core.upload.outbox), post it, mark the row with the
answer, then record the attempt in the history (app.core.upload.delivery: what is refused for
good and what stays pending).

OutboxFlusher: one per API client, on the core loop. At start, and whenever the client's state
comes back to READY, every pending row for that API is due at once; it sends them oldest first,
one at a time. A failure that may pass puts the row back with exponential backoff and ends the
round: the API is down, the rows behind it would fail the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol

from app.core.api import ApiState, ApiStatus
from app.core.events import EventStream
from app.core.measurements import MeasurementBatch
from app.core.upload.attempt import MeasurementsApi, UploadAttempt, send_batches
from app.core.upload.delivery import Backoff, deliver, refused
from app.core.upload.history import HistoryError, UploadHistory
from app.core.upload.outbox import DEFAULT_KEEP_DAYS, Outbox, OutboxError

__all__ = ["Backoff", "FlushApi", "OutboxFlusher", "deliver", "refused", "send_through_outbox"]


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
    return await deliver(api, entry, sent, outbox, history, backoff)


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
                self.api, entry, entry.batches(), self.outbox, self.history, self.backoff
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
