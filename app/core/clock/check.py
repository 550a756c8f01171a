"""The Clock page's work: compare the three clocks, set the meter's to the server's, zone facts.

One comparison asks the server several times (sample_server's minimum filter) and reads the
meter's clock once, at the same time: they are different wires, and a meter that does not
answer must not hide what the server said (nor the other way round). Each side's failure is
kept in the result for the page to explain; only cancellation propagates.

Setting the meter's clock: the set-clock command carries whole seconds, so it is sent when the
server's clock turns a second (a command sent at .9 s would set the meter 0.9 s behind). The
meter is read back at once, so the installer sees the new offset, not a promise.
"""

from __future__ import annotations

import asyncio
import math
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo

from app.core.clock.chile_time import (
    COYHAIQUE,
    EASTER,
    PUNTA_ARENAS,
    SANTIAGO,
    LaptopZone,
    OffsetChange,
    laptop_zone,
    next_offset_change,
)
from app.core.clock.drift import ClockDrift, ClockSample, Offset, ServerClock, sample_server
from app.core.clock.verdict import MeterTimeSetting
from app.core.meter.links import ModbusLink
from app.core.meter.meter_clock import MeterClockReading, read_meter_clock, set_meter_clock
from app.core.meter.profile import MeterProfile

UTC_ZONE = "UTC"
# Where a meter may keep its wall time: Chile's zones, or UTC for a meter set that way.
METER_ZONES: tuple[str, ...] = (SANTIAGO, PUNTA_ARENAS, COYHAIQUE, EASTER, UTC_ZONE)


@dataclass(frozen=True, slots=True)
class MeterClockSource:
    """The meter whose clock is compared: the shared link, its profile, its unit id."""

    link: ModbusLink
    profile: MeterProfile
    unit: int

    @property
    def has_clock(self) -> bool:
        return self.profile.clock is not None

    @property
    def settable(self) -> bool:
        clock = self.profile.clock
        return clock is not None and clock.settable


@dataclass(frozen=True, slots=True)
class MeterZone:
    """How to read the meter's wall time (`zone`) and how to judge it (`setting`)."""

    zone: tzinfo
    setting: MeterTimeSetting


def meter_zone(choice: str, profile: MeterProfile | None = None) -> MeterZone:
    """The installer's choice (one of METER_ZONES) for this meter.

    "UTC" means the meter keeps UTC: read it so, and judge it against continental Chile's
    offset (the diagnosis then spots a meter that keeps local time after all). A profile whose
    clock is UTC by design is read as UTC whatever the choice.
    """
    local = profile is None or profile.clock is None or profile.clock.local_time
    if choice == UTC_ZONE or not local:
        return MeterZone(UTC, MeterTimeSetting(keeps_local_time=False, zone=SANTIAGO))
    name = choice if choice in METER_ZONES else SANTIAGO
    return MeterZone(ZoneInfo(name), MeterTimeSetting(keeps_local_time=True, zone=name))


@dataclass(frozen=True, slots=True)
class ClockComparison:
    drift: ClockDrift
    measured_at: datetime  # laptop clock, aware UTC, when the comparison ended
    server_error: Exception | None = None  # why the server's clock is missing, if asked
    meter_error: Exception | None = None  # why the meter's clock is missing, if asked
    meter_reading: MeterClockReading | None = None

    @property
    def server_offset(self) -> Offset | None:
        """Server − laptop: what the Upload page adds to a reading's time."""
        return self.drift.sample.server_offset if self.drift.sample is not None else None

    def with_meter(self, reading: MeterClockReading) -> ClockComparison:
        """The same server samples with a new meter read (after setting the meter's clock)."""
        drift = replace(self.drift, meter=reading.as_clock_read())
        return replace(
            self, drift=drift, meter_reading=reading, meter_error=None, measured_at=_now()
        )


def _now() -> datetime:
    return datetime.now(UTC)


async def compare_clocks(
    api: ServerClock | None,
    meter: MeterClockSource | None,
    zone: MeterZone,
    *,
    count: int = 4,
    pause_s: float = 0.2,
) -> ClockComparison:
    """Sample the server (if logged in) and read the meter (if it has a clock), concurrently."""

    async def server() -> tuple[list[ClockSample], Exception | None]:
        if api is None:
            return [], None
        try:
            return await sample_server(api, count, pause_s), None
        except Exception as exc:
            return [], exc

    async def meter_clock() -> tuple[MeterClockReading | None, Exception | None]:
        if meter is None or not meter.has_clock:
            return None, None
        try:
            return await read_meter_clock(meter.link, meter.profile, meter.unit, zone.zone), None
        except Exception as exc:
            return None, exc

    (samples, server_error), (reading, meter_error) = await asyncio.gather(server(), meter_clock())
    drift = ClockDrift.measure(samples, reading.as_clock_read() if reading else None)
    return ClockComparison(drift, _now(), server_error, meter_error, reading)


async def set_meter_to_server(
    meter: MeterClockSource, zone: MeterZone, server_offset: Offset
) -> MeterClockReading:
    """Set the meter's clock to the server's time on a whole second, then read it back.

    Raises MeterClockError (with the meter's reason) or a LinkError (no answer)."""
    server_now = time.time() + server_offset.seconds
    await asyncio.sleep(math.ceil(server_now) - server_now)
    when = datetime.fromtimestamp(round(time.time() + server_offset.seconds), UTC)
    await set_meter_clock(meter.link, meter.profile, meter.unit, when, zone.zone)
    return await read_meter_clock(meter.link, meter.profile, meter.unit, zone.zone)


@dataclass(frozen=True, slots=True)
class ZoneFacts:
    laptop: LaptopZone
    next_change: OffsetChange | None  # continental Chile's next DST change
    zone: str = SANTIAGO


async def zone_facts(now: datetime | None = None) -> ZoneFacts:
    """The laptop's zone (re-read from the system, off the loop: it reads files) and the next
    change in continental Chile."""
    laptop = await asyncio.to_thread(laptop_zone, now, reload=True)
    return ZoneFacts(laptop, next_offset_change(SANTIAGO, now))


def offset_decimals(uncertainty_s: float) -> int:
    """Decimals that show an uncertainty to one significant digit (0 to 3): ± 0.04 s → 2."""
    if not math.isfinite(uncertainty_s) or uncertainty_s <= 0:
        return 3
    return min(3, max(0, -math.floor(math.log10(uncertainty_s))))
