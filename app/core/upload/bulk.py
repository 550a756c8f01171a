"""Uploading many measures at once (a day of a meter's log): split, check, write down, send.

send_all cuts the batches into the requests the platform takes (≤100 measures within a day
each) and validates every request first: nothing is sent if any has an error (a wrong number is
never uploaded, and a day is not half sent for a reason that will not pass). Then every request
is written to the outbox in one transaction (one fsync for the lot instead of one per request;
all are on disk before the first request leaves, so a kill at any moment leaves every unsent or
unanswered row for the next start) and sent in order, one at a time.

Each answer's mark on the outbox row (a commit, an fsync) and its history record are written
while the next request is in flight, not between requests: the disk's time hides behind the
network's. A row whose mark was not written yet when a kill came is sent again at the next
start, which the platform stores once (as for a kill while its request was in flight).

A request that gets no usable answer (offline, timeout, 5xx, token) stops the round: it and the
rows behind it wait in the outbox, in order, for the flusher. A request the server refuses is
marked refused and the next ones still go: each body is judged on its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.core.measurements import MeasurementBatch, Validation, split, validate
from app.core.upload.attempt import MeasurementsApi, UploadAttempt, send_batches
from app.core.upload.background import spawn
from app.core.upload.delivery import Answer, Backoff, may_pass, post_row, settle
from app.core.upload.history import UploadHistory
from app.core.upload.outbox import Outbox, OutboxEntry, OutboxError

type Request = tuple[MeasurementBatch, ...]


@dataclass(frozen=True, slots=True)
class BulkUpload:
    requests: tuple[Request, ...]  # as cut for the platform, in order
    validations: tuple[Validation, ...]  # one per request
    attempts: tuple[UploadAttempt, ...] = ()  # the requests sent, in order
    outbox_error: OutboxError | None = None  # the outbox could not be used (sent without it)

    @property
    def sendable(self) -> bool:
        return all(v.ok for v in self.validations)

    @property
    def stored(self) -> bool:
        """Every request was sent and the platform took it."""
        return len(self.attempts) == len(self.requests) and all(a.stored for a in self.attempts)


def requests_of(batches: Sequence[MeasurementBatch]) -> list[Request]:
    """One request per ≤100 measures within a day, as the platform takes them."""
    return [(part,) for batch in batches for part in split(batch)]


async def send_all(
    api: MeasurementsApi,
    batches: Sequence[MeasurementBatch],
    outbox: Outbox | None,
    history: UploadHistory | None,
    *,
    now: float | None = None,
    backoff: Backoff | None = None,
) -> BulkUpload:
    """Validate every request (`now`: UTC seconds on the server's clock), then write them all
    down and send them in order. Without an outbox (or one that cannot be written) each is a
    plain send, stopping at the first without an answer; `outbox_error` says why then."""
    requests = tuple(requests_of(batches))
    moment = time.time() if now is None else now
    # On a worker thread: a day's check takes tens of ms the core's loop should not wait for.
    checks = await asyncio.to_thread(lambda: tuple(validate(r, now=moment) for r in requests))
    checked = BulkUpload(requests, checks)
    if not checked.sendable:
        return checked
    if outbox is None:
        return await _send_plain(api, checked, history)
    try:
        entries = await outbox.put_many(requests, api.environment.base_url)
    except OutboxError as exc:
        return replace(await _send_plain(api, checked, history), outbox_error=exc)
    attempts = await _deliver_all(api, requests, entries, outbox, history, backoff)
    return replace(checked, attempts=attempts)


async def _deliver_all(
    api: MeasurementsApi,
    requests: tuple[Request, ...],
    entries: list[OutboxEntry],
    outbox: Outbox,
    history: UploadHistory | None,
    backoff: Backoff | None,
) -> tuple[UploadAttempt, ...]:
    attempts: list[UploadAttempt] = []
    previous: asyncio.Task[UploadAttempt] | None = None
    for index, (entry, request) in enumerate(zip(entries, requests, strict=True)):
        rest = [e.id for e in entries[index + 1 :]]
        answer = await post_row(api, entry, outbox, *rest)  # cancelled: all of them pending
        current = spawn(_finish(api, entry, request, answer, outbox, history, backoff, previous))
        try:
            if previous is not None:
                attempts.append(await previous)  # marked while this request was in flight
            if may_pass(answer.error) or (attempts and attempts[-1].outbox_error is not None):
                # The API (or the disk) is down: the rows behind wait after this one.
                attempts.append(await current)
                with contextlib.suppress(OutboxError):  # else still "sending": the next start
                    await outbox.requeue(rest, time.time())
                return tuple(attempts)
        except asyncio.CancelledError:
            spawn(outbox.requeue(rest, time.time()))  # not sent: pending, due at once
            raise
        previous = current
    if previous is not None:
        attempts.append(await previous)
    return tuple(attempts)


async def _finish(
    api: MeasurementsApi,
    entry: OutboxEntry,
    request: Request,
    answer: Answer,
    outbox: Outbox,
    history: UploadHistory | None,
    backoff: Backoff | None,
    after: asyncio.Task[UploadAttempt] | None,
) -> UploadAttempt:
    if after is not None:
        await asyncio.wait([after])  # rows are marked and recorded in their order
    return await settle(api, entry, request, answer, outbox, history, backoff)


async def _send_plain(
    api: MeasurementsApi, checked: BulkUpload, history: UploadHistory | None
) -> BulkUpload:
    attempts: list[UploadAttempt] = []
    for request in checked.requests:
        attempt = await send_batches(api, request, history)
        attempts.append(attempt)
        if may_pass(attempt.error):
            break  # no outbox to keep the rest: stop at the first request without an answer
    return replace(checked, attempts=tuple(attempts))
