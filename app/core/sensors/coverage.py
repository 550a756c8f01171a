"""Which of a ChileMedido device's variables a meter profile supplies, and which it cannot.

The platform keeps only the variables configured on the device: a configured variable the
meter never sends stays empty on the platform, and a value for a variable the device lacks is
ignored with a warning. Comparing the two lists on site shows both gaps before any upload.
Names match exactly, as on the platform; a name that differs only in accents, case or spacing
is pointed out, because it is almost surely a typo on one side.

    report = compare(device, profile)
    report.complete            # every configured variable is supplied
    report.missing             # configured on the device, not in the profile
    report.not_configured      # in the profile, not on the device (the server would ignore it)
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.api import Device, Sensor
from app.core.meter.profile import Confidence, MeterProfile
from app.core.sensors.names import suggest


@dataclass(frozen=True, slots=True)
class SensorCoverage:
    """One of the device's variables and what the profile says about it."""

    sensor: Sensor
    confidence: Confidence | None  # the profile's confidence in its register; None: not supplied
    spelled_like: str | None = None  # a profile variable equal to this one but for accents/case

    @property
    def supplied(self) -> bool:
        return self.confidence is not None


@dataclass(frozen=True, slots=True)
class CoverageReport:
    profile_id: str
    rows: tuple[SensorCoverage, ...]  # in the device's order
    not_configured: tuple[str, ...]  # the profile's variables the device does not have, in order

    @property
    def supplied(self) -> tuple[SensorCoverage, ...]:
        return tuple(row for row in self.rows if row.supplied)

    @property
    def missing(self) -> tuple[Sensor, ...]:
        return tuple(row.sensor for row in self.rows if not row.supplied)

    @property
    def complete(self) -> bool:
        return all(row.supplied for row in self.rows)

    def row(self, name: str) -> SensorCoverage | None:
        return next((row for row in self.rows if row.sensor.name == name), None)


def compare(device: Device, profile: MeterProfile) -> CoverageReport:
    """The device's variables against the profile's ChileMedido variables (not its auxiliary
    quantities, such as frequency, which the platform does not take)."""
    mappings = {m.sensor: m for m in profile.sensors}
    configured = {sensor.name for sensor in device.sensors}
    not_configured = tuple(name for name in mappings if name not in configured)
    rows = tuple(
        SensorCoverage(sensor, mappings[sensor.name].confidence)
        if sensor.name in mappings
        else SensorCoverage(sensor, None, suggest(sensor.name, not_configured))
        for sensor in device.sensors
    )
    return CoverageReport(profile.id, rows, not_configured)
