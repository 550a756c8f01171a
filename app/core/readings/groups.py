"""Which sensors share a plot (one per unit: volts with volts) and which are shown by default.

Sensors of one unit share an axis; the groups come in the order an installer checks a meter:
power first, then voltage and current, then the slower quantities. By default the plot shows
total active power, the phase voltages and the phase currents — what proves the wiring.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.core.sensors.dictionary import sensor_by_name
from app.core.sensors.dictionary import unit_of as unit_of  # the GUI's pages import it from here

# Units in the order their plots appear; a unit not listed goes last.
UNIT_ORDER = ("kW", "V", "A", "kVAR", "Sin unidad", "Hz", "%", "°C", "kWh", "kVARh")
TOTAL_POWER = "Potencia activa total instantánea"
NEUTRAL_CURRENT = "Corriente N"
AVERAGE_VOLTAGE = "Voltaje F-N"


@dataclass(frozen=True, slots=True)
class SensorGroup:
    unit: str
    sensors: tuple[str, ...]  # in the order given


def group_by_unit(sensors: Iterable[str]) -> list[SensorGroup]:
    """One group per unit, in UNIT_ORDER; sensors keep their given order within a group."""
    by_unit: dict[str, list[str]] = {}
    for sensor in dict.fromkeys(sensors):
        by_unit.setdefault(unit_of(sensor), []).append(sensor)

    def rank(unit: str) -> tuple[int, str]:
        return (UNIT_ORDER.index(unit) if unit in UNIT_ORDER else len(UNIT_ORDER), unit)

    return [SensorGroup(unit, tuple(by_unit[unit])) for unit in sorted(by_unit, key=rank)]


def default_selection(available: Iterable[str]) -> list[str]:
    """Total active power, phase voltages, phase currents — those of `available`, in its order.

    The average phase voltage (Voltaje F-N) only when the meter has no per-phase voltages.
    """
    definitions = sensor_by_name()
    names = list(dict.fromkeys(available))

    def quantity(sensor: str) -> str:
        return getattr(definitions.get(sensor), "quantity", "")

    phases = [s for s in names if quantity(s) == "voltage_ln" and s != AVERAGE_VOLTAGE]

    def wanted(sensor: str) -> bool:
        if sensor == TOTAL_POWER or (sensor == AVERAGE_VOLTAGE and not phases):
            return True
        if sensor in phases:
            return True
        return quantity(sensor) == "current" and sensor != NEUTRAL_CURRENT

    return [s for s in names if wanted(s)]
