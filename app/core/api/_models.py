"""What the API sends and receives, as typed values (readers are in _readers.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from math import isfinite
from types import MappingProxyType
from typing import Any

from app.core.api._errors import InvalidMeasurement


@dataclass(frozen=True, slots=True)
class Sensor:
    name: str  # the platform's exact Spanish name
    unit: str | None = None
    alias: str | None = None


@dataclass(frozen=True, slots=True)
class Device:
    id: int  # ChileMedido's id
    number: str  # the provider's own meter number (text)
    sensors: tuple[Sensor, ...] = ()

    @property
    def sensor_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.sensors)


@dataclass(frozen=True, slots=True)
class ServerTime:
    """The server's clock, and when (by the local clock) the question went out and came back."""

    timestamp: int  # seconds, as the server sent them
    utc: datetime  # the server's ISO time (milliseconds), aware UTC
    sent_at: datetime  # local clock, aware UTC
    received_at: datetime

    @property
    def round_trip(self) -> timedelta:
        return self.received_at - self.sent_at

    @property
    def uncertainty(self) -> timedelta:
        """The server read its clock somewhere within the round trip: ± half of it."""
        return self.round_trip / 2

    @property
    def offset(self) -> timedelta:
        """Server clock minus local clock, assuming the answer was made mid-round-trip."""
        return self.utc - (self.sent_at + self.uncertainty)


@dataclass(frozen=True, slots=True)
class Measure:
    timestamp: int  # UTC seconds
    values: Mapping[str, float]  # sensor name → value in the platform's unit

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    def to_json(self) -> dict[str, Any]:
        """The seed's shape; refuses what JSON cannot carry (NaN, infinity, non-numbers)."""
        if isinstance(self.timestamp, bool) or not isinstance(self.timestamp, int):
            raise InvalidMeasurement(
                f"A measure's timestamp must be whole UTC seconds, not {self.timestamp!r}.",
                reason="timestamp",
            )
        values = []
        for name, value in self.values.items():
            if isinstance(value, bool) or not isinstance(value, int | float) or not isfinite(value):
                raise InvalidMeasurement(
                    f'The value of "{name}" at {self.timestamp} is {value!r}, not a number; '
                    "it cannot be sent. Check the meter reading for this variable.",
                    reason="value",
                    sensor=name,
                )
            values.append({"sensorName": name, "sensorValue": value})
        return {"timestamp": self.timestamp, "sensorValues": values}


@dataclass(frozen=True, slots=True)
class DeviceMeasurements:
    device_number: str
    measures: Sequence[Measure]

    def __post_init__(self) -> None:
        object.__setattr__(self, "measures", tuple(self.measures))

    def to_json(self) -> dict[str, Any]:
        return {
            "deviceNumber": self.device_number,
            "measures": [m.to_json() for m in self.measures],
        }


@dataclass(frozen=True, slots=True)
class UploadResult:
    success: bool
    warnings: tuple[str, ...]  # e.g. values for sensors the meter does not have, ignored
    status: int
