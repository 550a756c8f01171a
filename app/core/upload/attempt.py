"""The Upload page's work: prepare a test measurement from a reading, send it, remember it.

Preparing is pure: the batch (MeasurementBatch.from_reading, stamped on the server's clock when
the offset is known) and its validation against the server's "now". Sending never loses the
outcome: the answer or the error is recorded in the history whatever happens, and a history
that cannot be written is reported next to the upload's result instead of replacing it.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from app.core.api import ApiError, DeviceMeasurements, UploadResult
from app.core.clock.drift import Offset
from app.core.measurements import (
    DeviceLike,
    MeasurementBatch,
    ReadingLike,
    Validation,
    WarningExplanation,
    explain_warnings,
    validate,
)
from app.core.upload.history import HistoryError, UploadHistory, UploadRecord, record_upload
from app.core.upload.outbox import OutboxError


@dataclass(frozen=True, slots=True)
class PreparedUpload:
    batch: MeasurementBatch
    validation: Validation

    @property
    def sendable(self) -> bool:
        return self.validation.ok


def prepare_upload(
    reading: ReadingLike,
    device: DeviceLike,
    *,
    server_offset: Offset | None = None,
    include_unconfigured: bool = False,
    now: float | None = None,
) -> PreparedUpload:
    """The test measurement for `device` from `reading`, checked as the platform will.

    `now`: the laptop's clock in UTC seconds (default: the current time); the check moves it to
    the server's clock with `server_offset`, as the batch's timestamp is."""
    batch = MeasurementBatch.from_reading(
        reading,
        device,
        server_offset=server_offset,
        include_unconfigured=include_unconfigured,
    )
    laptop_now = time.time() if now is None else now
    server_now = laptop_now + (server_offset.seconds if server_offset is not None else 0.0)
    return PreparedUpload(batch, validate(batch, now=server_now))


class MeasurementsApi(Protocol):
    """What sending needs of app.core.api.ChileMedidoClient."""

    @property
    def environment(self) -> _EnvironmentLike: ...

    async def post_measurements(self, batches: Sequence[DeviceMeasurements]) -> UploadResult: ...

    async def post_measurements_json(self, body: str) -> UploadResult: ...


class _EnvironmentLike(Protocol):
    @property
    def base_url(self) -> str: ...


@dataclass(frozen=True, slots=True)
class UploadAttempt:
    """One POST /measurements and what became of it."""

    batches: tuple[MeasurementBatch, ...]
    result: UploadResult | None  # the server's answer, when it accepted the request
    error: ApiError | None  # why not: offline, token, rejected (server's message inside)
    record: UploadRecord  # as stored in the history (with its id), or as it would have been
    history_error: HistoryError | None = None  # the history could not store `record`
    explanations: tuple[WarningExplanation, ...] = ()  # the server's warnings, explained
    outbox_id: int | None = None  # its row in the outbox, when it went through one
    queued: bool = False  # no usable answer: the outbox sends it again by itself
    outbox_error: OutboxError | None = None  # the outbox could not be used (sent without it)

    @property
    def stored(self) -> bool:
        """The platform took the measurements (perhaps with warnings)."""
        return self.result is not None and self.result.success


async def send_batches(
    api: MeasurementsApi, batches: Sequence[MeasurementBatch], history: UploadHistory | None
) -> UploadAttempt:
    """Send, then record the outcome in `history` (None: do not record). API errors are part of
    the attempt, not raised; cancellation is (nothing is recorded then: the outcome is unknown).
    Callers go through app.core.upload.flusher.send_through_outbox, which loses nothing."""
    sent = tuple(batches)
    result: UploadResult | None = None
    error: ApiError | None = None
    try:
        result = await api.post_measurements([b.to_api() for b in sent])
    except ApiError as exc:
        error = exc
    return await conclude(sent, api.environment.base_url, result, error, history)


async def conclude(
    sent: tuple[MeasurementBatch, ...],
    base_url: str,
    result: UploadResult | None,
    error: ApiError | None,
    history: UploadHistory | None,
    body: str | None = None,
) -> UploadAttempt:
    """The attempt for an answer (`result`) or an error: recorded in `history`, explained.
    `body`: the JSON text sent, when the caller has it (else rebuilt from `sent`)."""
    record = record_upload(sent, base_url, result=result, error=error, body=body)
    history_error: HistoryError | None = None
    if history is not None:
        try:
            record = await history.add(record)
        except HistoryError as exc:
            history_error = exc
    explanations: tuple[WarningExplanation, ...] = ()
    if result is not None and result.warnings:
        names = [n for b in sent for n in b.sensor_names]
        device = sent[0].device_number if len(sent) == 1 else None
        explanations = explain_warnings(result.warnings, device, names)
    return UploadAttempt(sent, result, error, record, history_error, explanations)
