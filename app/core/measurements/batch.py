"""MeasurementBatch: one meter's measures for one upload, built from a reading and the device.

The device (GET /devices/number/{n}) says which variables ChileMedido expects from this meter;
the reading says what the meter gave. A batch carries the device's variables the reading has, in
the device's order (the seed's body follows it), and says what it left out and why.

Timestamps are UTC seconds. The platform wants them on its own clock (seed, step 3: "las
mediciones estén sincronizadas con la hora obtenida"), so `from_reading` adds the server offset
(server − laptop, from clock_drift) to the laptop-stamped reading when it is given, and rounds to
the nearest second.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from app.core.api import DeviceMeasurements, Measure
from app.core.clock.drift import Offset
from app.core.sensors.dictionary import unit_of
from app.core.sensors.limits import impossible_value
from app.core.sensors.names import suggest


class OmissionReason(StrEnum):
    NOT_AVAILABLE = "not_available"  # the meter has no value now (not-available pattern, error)
    NOT_IN_PROFILE = "not_in_profile"  # the device has the sensor; the meter profile has no map
    NOT_CONFIGURED = "not_configured"  # the reading has it; the device on ChileMedido does not
    NOT_FINITE = "not_finite"  # NaN or infinity: JSON cannot carry it, the platform refuses it
    IMPOSSIBLE = "impossible"  # a value no meter can produce: decoded wrongly, never uploaded


@dataclass(frozen=True, slots=True)
class Omission:
    """A variable left out of the batch. `code` is "measurement.omitted.<reason>"."""

    sensor: str
    reason: OmissionReason
    message: str  # English, installer-grade
    suggestion: str | None = None  # the device's name it matches but for accents or case

    @property
    def code(self) -> str:
        return f"measurement.omitted.{self.reason.value}"


class ProblemLike(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def message(self) -> str: ...


class ReadingLike(Protocol):
    """What a batch needs of app.core.meter.MeterReading."""

    @property
    def at(self) -> datetime: ...  # UTC, laptop clock
    @property
    def values(self) -> Mapping[str, float | None]: ...
    @property
    def problems(self) -> Mapping[str, ProblemLike]: ...


class DeviceLike(Protocol):
    """What a batch needs of app.core.api.Device."""

    @property
    def number(self) -> str: ...
    @property
    def sensor_names(self) -> tuple[str, ...]: ...


def server_timestamp(at: datetime, server_offset: Offset | None = None) -> int:
    """A laptop instant as whole UTC seconds on the server's clock (or the laptop's, if None)."""
    if at.tzinfo is None:
        raise ValueError("the reading's time must be timezone-aware")
    shift = server_offset.seconds if server_offset is not None else 0.0
    return round(at.timestamp() + shift)


@dataclass(frozen=True, slots=True)
class MeasurementBatch:
    device_number: str
    measures: tuple[Measure, ...]
    omitted: tuple[Omission, ...] = ()
    # Included on purpose though the device lacks them: the server will ignore each with a warning.
    unconfigured: tuple[str, ...] = field(default=())

    @classmethod
    def build(
        cls,
        device_number: str,
        device_sensors: Sequence[str],
        values: Mapping[str, float | None],
        timestamp: int,
        *,
        include_unconfigured: bool = False,
        problems: Mapping[str, ProblemLike] | None = None,
    ) -> MeasurementBatch:
        """One measure from `values` (sensor name → value, None = not available)."""
        problems = problems or {}
        chosen: dict[str, float] = {}
        omitted: list[Omission] = []
        for name in device_sensors:
            if name not in values:
                omitted.append(_not_in_profile(name, values))
            elif (value := values[name]) is None:
                omitted.append(_not_available(name, problems.get(name)))
            elif not _finite(value):
                omitted.append(_not_finite(name, value))
            elif (why := impossible_value(name, value)) is not None:
                omitted.append(_impossible(name, value, why))
            else:
                chosen[name] = float(value)
        extra: list[str] = []
        configured = set(device_sensors)
        for name, value in values.items():
            if name in configured:
                continue
            if value is None or not _finite(value) or not include_unconfigured:
                omitted.append(_not_configured(name, device_number, device_sensors))
            else:
                chosen[name] = float(value)
                extra.append(name)
        return cls(device_number, (Measure(timestamp, chosen),), tuple(omitted), tuple(extra))

    @classmethod
    def from_reading(
        cls,
        reading: ReadingLike,
        device: DeviceLike,
        *,
        server_offset: Offset | None = None,
        include_unconfigured: bool = False,
    ) -> MeasurementBatch:
        """The Upload page's test measurement: the current reading, for this device."""
        return cls.build(
            device.number,
            device.sensor_names,
            reading.values,
            server_timestamp(reading.at, server_offset),
            include_unconfigured=include_unconfigured,
            problems=reading.problems,
        )

    @property
    def sensor_names(self) -> tuple[str, ...]:
        """Every name the batch sends, first seen first."""
        seen: dict[str, None] = {}
        for measure in self.measures:
            seen.update(dict.fromkeys(measure.values))
        return tuple(seen)

    @property
    def span_s(self) -> int:
        stamps = [m.timestamp for m in self.measures]
        return max(stamps) - min(stamps) if stamps else 0

    def to_api(self) -> DeviceMeasurements:
        """The API client's body type: `await api.post_measurements([batch.to_api()])`."""
        return DeviceMeasurements(self.device_number, self.measures)

    def body(self) -> list[dict[str, Any]]:
        """The request body, built by the client's own code (InvalidMeasurement if not finite)."""
        return [self.to_api().to_json()]

    def to_json(self, *, pretty: bool = True) -> str:
        """The body as JSON text with accents as they are. `pretty=False` gives the exact bytes
        the client sends (json.dumps with ensure_ascii=False); pretty parses to the same value."""
        return json.dumps(self.body(), ensure_ascii=False, indent=2 if pretty else None)


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _not_in_profile(name: str, values: Mapping[str, float | None]) -> Omission:
    near = suggest(name, values)
    message = (
        f'ChileMedido expects "{name}" from this meter, but the meter profile does not read it. '
        "Use a profile that maps it, or ask the administrator to remove it from the meter."
    )
    if near is not None:
        message += f' The profile has "{near}", which differs only in accents or case.'
    return Omission(name, OmissionReason.NOT_IN_PROFILE, message, near)


def _not_available(name: str, problem: ProblemLike | None) -> Omission:
    why = f" ({problem.message})" if problem is not None else ""
    return Omission(
        name,
        OmissionReason.NOT_AVAILABLE,
        f'The meter gave no value for "{name}" in this reading{why}; it is left out.',
    )


def _not_finite(name: str, value: float) -> Omission:
    return Omission(
        name,
        OmissionReason.NOT_FINITE,
        f'The value of "{name}" is {value!r}, not a finite number; the platform refuses it, so '
        "it is left out. Check the profile's data type and word order for this variable.",
    )


def _impossible(name: str, value: float, why: str) -> Omission:
    return Omission(
        name,
        OmissionReason.IMPOSSIBLE,
        f'The value of "{name}" is {value:g} {unit_of(name)}, which no meter can produce ({why}); '
        "it is left out. The profile decodes this register wrongly (type, word order, scale or a "
        "'not available' pattern).",
    )


def _not_configured(name: str, device: str, device_sensors: Sequence[str]) -> Omission:
    near = suggest(name, device_sensors)
    message = (
        f'Meter "{device}" on ChileMedido does not have "{name}" configured; the server would '
        "ignore the value with a warning, so it is left out."
    )
    if near is not None:
        message += f' The meter has "{near}", which differs only in accents or case.'
    return Omission(name, OmissionReason.NOT_CONFIGURED, message, near)
