"""The meter's own clock: read it (with the read's uncertainty) and set it, where profiles say how.

Schneider DATETIME (iEM3000 / PM5xxx), four 16-bit words:
  W1  year - 2000 in bits 0-6
  W2  month in bits 8-11, weekday in bits 5-7 (ignored on read), day in bits 0-4
  W3  hour in bits 8-12, minute in bits 0-5 (bit 15 summer time and bit 7 invalid: ignored)
  W4  milliseconds within the minute
The meter keeps local wall time, so a read is interpreted in the meter's timezone. Setting goes
through the command block: command 1003 with [reserved, year, month, day, hour, minute, second],
then the result registers hold (last command number, result code; 0 = OK).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from app.core.clock.drift import MeterClockRead
from app.core.meter.links import ModbusLink
from app.core.meter.profile import ClockFormat, ClockSpec, MeterProfile


class MeterClockError(Exception):
    """`code` is stable for translation; the message is English for the installer."""

    def __init__(self, code: str, message: str, **params: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = params  # for the translated text, e.g. result="3000"


@dataclass(frozen=True, slots=True)
class MeterClockReading:
    meter_time: datetime  # aware
    host_time: datetime  # UTC, the middle of the request's round trip
    uncertainty_s: float  # half the round trip, plus the DATETIME's 1 ms resolution
    raw: tuple[int, ...]

    def as_clock_read(self) -> MeterClockRead:
        """For `app.core.clock.drift.ClockDrift.measure(..., meter=...)`."""
        return MeterClockRead(self.meter_time, self.host_time, self.uncertainty_s)

    @property
    def offset_s(self) -> float:
        """Meter clock minus the computer's clock, in seconds (positive: the meter is ahead)."""
        return (self.meter_time - self.host_time).total_seconds()


def encode_datetime(local: datetime) -> tuple[int, int, int, int]:
    """Wall time -> DATETIME words (weekday per DOCA0005EN: 1 = Sunday … 7 = Saturday)."""
    if not 2000 <= local.year <= 2127:
        raise ValueError(f"DATETIME holds years 2000–2127, not {local.year}")
    weekday = local.isoweekday() % 7 + 1
    return (
        local.year - 2000,
        (local.month << 8) | (weekday << 5) | local.day,
        (local.hour << 8) | local.minute,
        local.second * 1000 + local.microsecond // 1000,
    )


def decode_datetime(words: Sequence[int]) -> datetime:
    """DATETIME words -> naive wall time; MeterClockError if the fields make no date."""
    if len(words) != 4:
        raise MeterClockError("clock-invalid", f"DATETIME needs 4 registers, got {len(words)}.")
    w1, w2, w3, w4 = words
    try:
        return datetime(
            2000 + (w1 & 0x7F), (w2 >> 8) & 0x0F, w2 & 0x1F, (w3 >> 8) & 0x1F, w3 & 0x3F
        ) + timedelta(milliseconds=w4)
    except (ValueError, OverflowError):
        raise MeterClockError(
            "clock-invalid",
            f"The meter's clock registers {[hex(w) for w in words]} do not hold a valid date — "
            "the clock may never have been set.",
        ) from None


def _spec(profile: MeterProfile) -> ClockSpec:
    clock = profile.clock
    if clock is None:
        raise MeterClockError(
            "clock-unsupported", f"The profile {profile.id} does not say where the clock is."
        )
    if clock.format != ClockFormat.SCHNEIDER_DATETIME:
        raise MeterClockError("clock-unsupported", f"Unknown clock format {clock.format}.")
    return clock


async def read_meter_clock(
    link: ModbusLink, profile: MeterProfile, unit: int, zone: tzinfo
) -> MeterClockReading:
    """Read the clock; `zone` is where the meter keeps its wall time (e.g. America/Santiago)."""
    clock = _spec(profile)
    before, started = time.time(), time.monotonic()
    reply = await link.read(unit, clock.function, clock.address, clock.count)
    elapsed = time.monotonic() - started
    if reply.exception is not None:
        raise MeterClockError(
            "clock-exception", f"The meter refused to give its clock: {reply.explanation}."
        )
    wall = decode_datetime(reply.registers)
    meter_time = wall.replace(tzinfo=zone if clock.local_time else UTC)
    host_time = datetime.fromtimestamp(before + elapsed / 2, UTC)
    return MeterClockReading(meter_time, host_time, elapsed / 2 + 0.001, reply.registers)


async def set_meter_clock(
    link: ModbusLink, profile: MeterProfile, unit: int, when: datetime, zone: tzinfo
) -> None:
    """Set the meter's clock to `when` (aware); raises MeterClockError with the meter's reason."""
    clock = _spec(profile)
    if not clock.settable or clock.command_address is None or clock.set_command is None:
        raise MeterClockError(
            "clock-not-settable", f"Medido does not know how to set the clock of {profile.model}."
        )
    if when.tzinfo is None:
        raise ValueError("set_meter_clock needs an aware datetime")
    local = when.astimezone(zone if clock.local_time else UTC)
    words = [clock.set_command, 0, local.year, local.month, local.day]
    words += [local.hour, local.minute, local.second]
    reply = await link.write(unit, clock.command_address, words)
    if reply.exception is not None:
        raise MeterClockError(
            "clock-set-refused", f"The meter refused the set-clock command: {reply.explanation}."
        )
    if clock.result_address is None:
        return
    result = await link.read(unit, clock.function, clock.result_address, 2)
    if result.exception is not None:
        raise MeterClockError(
            "clock-set-unconfirmed",
            f"The clock command was sent but its result could not be read: {result.explanation}.",
        )
    command, code = result.registers
    if command != clock.set_command or code != 0:
        raise MeterClockError(
            "clock-set-failed",
            f"The meter did not set its clock: command {command} ended with result code {code}"
            + (f" ({_RESULTS[code]})" if code in _RESULTS else "")
            + ". Check the date and that the meter allows setting the time over Modbus.",
            result=str(code),
        )


_RESULTS = {
    3000: "invalid command",
    3001: "invalid parameter",
    3002: "invalid number of parameters",
    3003: "operation not performed",
}
