"""One outbox row's trip: post its text, mark it with the answer (send_through_outbox, the
flusher and send_all share it).

Refused bodies (the server said no: 4xx other than 401/408/429) are "refused" and never re-sent;
everything else that went wrong (offline, a timeout, a 5xx, a token to renew, a cancelled send)
leaves the row pending, due again after a Backoff (5 s, 10 s, 20 s... capped at 5 min, half of
it random so many laptops do not retry in step).
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, replace

from app.core.api import (
    ApiError,
    BrokenAnswer,
    CaptivePortal,
    InvalidMeasurement,
    MeterNotFound,
    NotYourMeter,
    RejectedMeasurement,
    UploadResult,
)
from app.core.measurements import MeasurementBatch
from app.core.upload.attempt import MeasurementsApi, UploadAttempt, conclude
from app.core.upload.history import UploadHistory
from app.core.upload.outbox import Outbox, OutboxEntry, OutboxError

_RETRYABLE_4XX = frozenset({401, 408, 429})  # a token, a slow link, a busy server: may pass


def refused(error: ApiError) -> bool:
    """The server refused the body itself: sending it again would be refused again."""
    if isinstance(error, RejectedMeasurement | MeterNotFound | NotYourMeter | InvalidMeasurement):
        return True
    if isinstance(error, CaptivePortal | BrokenAnswer):
        return False  # a proxy's web page or a cut answer, not the platform: stays pending
    status = error.status
    return status is not None and 400 <= status < 500 and status not in _RETRYABLE_4XX


def may_pass(error: ApiError | None) -> bool:
    """No usable answer (offline, a timeout, a 5xx, a token): the same body may go next time,
    and the rows behind it would meet the same trouble now."""
    return error is not None and not refused(error)


@dataclass(frozen=True, slots=True)
class Backoff:
    """Seconds before re-sending a row that failed `attempts` times (1 for the first failure)."""

    first_s: float = 5.0
    cap_s: float = 300.0

    def delay(self, attempts: int) -> float:
        ceiling = min(self.cap_s, self.first_s * 2 ** max(0, attempts - 1))
        return float(ceiling / 2 + random.uniform(0, ceiling / 2))  # noqa: S311 (jitter)


@dataclass(frozen=True, slots=True)
class Answer:
    """What one post of a row got: the server's answer, or the error instead."""

    result: UploadResult | None
    error: ApiError | None


async def post_row(
    api: MeasurementsApi, entry: OutboxEntry, outbox: Outbox, *reserved: int
) -> Answer:
    """Post the row's own text: what is on disk is what goes out, and the body is not built
    again. Cancelled mid-request, the outcome is unknown: the row (and the rows `reserved`
    behind it for the same upload) are pending again, sent again."""
    try:
        return Answer(await api.post_measurements_json(entry.body), None)
    except ApiError as exc:
        return Answer(None, exc)
    except asyncio.CancelledError:
        outbox.release_later(entry.id, *reserved)
        raise


async def mark_row(
    outbox: Outbox, entry: OutboxEntry, answer: Answer, backoff: Backoff | None = None
) -> tuple[bool, OutboxError | None]:
    """Mark the row with its answer; returns (queued: pending again, the disk's error if any)."""
    result, error = answer.result, answer.error
    queued = may_pass(error)  # even when the mark fails: the row is not done, it will go again
    try:
        if result is not None:
            await outbox.mark_sent(entry.id, result.status)
        elif error is not None and queued:
            retry_at = time.time() + (backoff or Backoff()).delay(entry.attempts)
            await outbox.mark_failed(entry.id, retry_at, error.status, error.code, str(error))
        elif error is not None:
            await outbox.mark_refused(entry.id, error.status, error.code, str(error))
    except OutboxError as exc:
        return queued, exc
    return queued, None


async def settle(
    api: MeasurementsApi,
    entry: OutboxEntry,
    sent: tuple[MeasurementBatch, ...],
    answer: Answer,
    outbox: Outbox,
    history: UploadHistory | None,
    backoff: Backoff | None = None,
) -> UploadAttempt:
    """Mark the row with its answer, then record the attempt in the history."""
    queued, outbox_error = await mark_row(outbox, entry, answer, backoff)
    base_url = api.environment.base_url
    attempt = await conclude(sent, base_url, answer.result, answer.error, history, entry.body)
    return replace(attempt, outbox_id=entry.id, queued=queued, outbox_error=outbox_error)


async def deliver(
    api: MeasurementsApi,
    entry: OutboxEntry,
    sent: tuple[MeasurementBatch, ...],
    outbox: Outbox,
    history: UploadHistory | None,
    backoff: Backoff | None = None,
) -> UploadAttempt:
    """Post one outbox row (already marked sending), mark it, record the attempt."""
    answer = await post_row(api, entry, outbox)
    return await settle(api, entry, sent, answer, outbox, history, backoff)
