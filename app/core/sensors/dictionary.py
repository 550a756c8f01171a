"""The ChileMedido variable dictionary as Medido knows it (resources/sensors.toml).

The platform's own dictionary comes from `GET /sensor-name-list`; this one is what meter
profiles map to, and it is what the app falls back to when offline.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from app.core.resources import resources_dir

# Quantities a meter profile may map besides the platform's variables (auto-detect uses them,
# plots show them): name -> unit.
AUXILIARY_QUANTITIES: dict[str, str] = {"frequency": "Hz"}


@dataclass(frozen=True, slots=True)
class SensorDefinition:
    name: str  # the platform's exact Spanish name
    unit: str
    quantity: str  # our grouping: power, energy, current, voltage_ln, ...
    alias: str | None = None


@cache
def sensor_dictionary() -> tuple[SensorDefinition, ...]:
    with (resources_dir() / "sensors.toml").open("rb") as f:
        data = tomllib.load(f)
    return tuple(
        SensorDefinition(
            name=entry["name"],
            unit=entry["unit"],
            quantity=entry["quantity"],
            alias=entry.get("alias"),
        )
        for entry in data["sensor"]
    )


@cache
def sensor_by_name() -> dict[str, SensorDefinition]:
    return {s.name: s for s in sensor_dictionary()}


def unit_of(sensor: str) -> str:
    """A variable's or an auxiliary quantity's unit; "" for a name Medido does not know."""
    definition = sensor_by_name().get(sensor)
    if definition is not None:
        return definition.unit
    return AUXILIARY_QUANTITIES.get(sensor, "")
