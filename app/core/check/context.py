"""What the commissioning check works on: the site's API client and the meters under check.

One CheckContext per run; one MeterUnderCheck per meter of the site (each its own ChileMedido
device, several may share one RS-485 bus or gateway). Steps write what they learnt here (the
device, the readings, the clock comparison, the upload) so later steps, a re-run of one step
and the report use the same evidence.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from app.core.api import ChileMedidoClient, Device
from app.core.clock.check import ClockComparison, MeterZone, meter_zone
from app.core.clock.chile_time import SANTIAGO
from app.core.meter.reading import MeterReading
from app.core.meter.session import MeterSession
from app.core.upload.attempt import UploadAttempt
from app.core.upload.history import UploadHistory
from app.core.upload.outbox import Outbox

type LogIn = Callable[[ChileMedidoClient], Awaitable[object]]


@dataclass
class MeterUnderCheck:
    """One meter of the site: which device it is on ChileMedido, and its live session."""

    device_number: str | None = None
    device_id: int | None = None
    meter: MeterSession | None = None  # None: no meter connected (its steps fail and say so)
    zone_choice: str = SANTIAGO  # how the meter keeps time (app.core.clock.check.METER_ZONES)
    # Learnt by the steps:
    device: Device | None = None
    readings: list[MeterReading] = field(default_factory=list)
    clock: ClockComparison | None = None
    upload: UploadAttempt | None = None
    uploaded: list[dict[str, Any]] | None = None  # the exact JSON body sent

    def zone(self) -> MeterZone:
        return meter_zone(self.zone_choice, self.meter.profile if self.meter else None)

    @property
    def label(self) -> str:
        """'29 · eastron-sdm630 · TCP 127.0.0.1:1502 unit 1' (no secrets; no words to translate)."""
        parts = []
        if self.device_number:
            parts.append(self.device_number)
        elif self.device_id is not None:
            parts.append(f"id {self.device_id}")
        if self.meter is not None:
            parts += [self.meter.profile.id, self.meter.description]
        return " · ".join(parts) or "Meter"


@dataclass
class CheckContext:
    client: ChileMedidoClient
    meters: list[MeterUnderCheck]
    log_in: LogIn | None = None  # how to log in when the client is not (the CLI's token file)
    upload: bool = False  # send a test measurement (step 8); else the step is skipped
    history: UploadHistory | None = None  # where uploads are remembered (None: nowhere)
    outbox: Outbox | None = None  # where an upload is written before it goes (None: nowhere)
    polls: int = 3  # readings taken by the "meter answers" step
    interval_s: float = 1.0
    clock_samples: int = 4
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
