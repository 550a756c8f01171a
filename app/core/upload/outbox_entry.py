"""One row of the outbox as the rest of Medido sees it: its state and what it holds.

Its own module so that the SQL (app.core.upload.outbox_rows) and the Outbox that runs it
(app.core.upload.outbox) can both speak of entries; import them from app.core.upload.outbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.core.measurements import MeasurementBatch
from app.core.upload.body import batches_of


class OutboxState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    REFUSED = "refused"


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
        return batches_of(self.body)
