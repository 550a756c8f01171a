"""Values no meter can produce, per ChileMedido unit: the last guard before a wrong number.

A wrong type, word order, scale or a "not available" pattern the profile does not know decodes
into a number all the same: Schneider's 0x8000000000000000 becomes −9.2×10¹⁵ kWh, a u64 of all
ones 1.8×10¹⁶ kWh. Such a value is flagged by the reader (shown as a problem, not as a value)
and refused by the measurement validation, so it is never uploaded. The bounds are wide on
purpose: this is not the wiring check (220/380 V, 50 Hz, which issue-level checks judge), only
what is physically impossible for any meter on any network.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.core.sensors.dictionary import unit_of


@dataclass(frozen=True, slots=True)
class PhysicalRange:
    low: float
    high: float
    why: str  # what a value outside means, for the installer


# Energy counters only grow and are never negative; 10¹² kWh is a thousand years of Chile's
# whole consumption. Voltages: 1 MV is above any network (Chile's highest is 500 kV), currents and
# powers likewise far above any single connection. |PF| may pass 1 by rounding only.
_RANGES: dict[str, PhysicalRange] = {
    "kWh": PhysicalRange(0.0, 1e12, "an energy counter is never negative nor this large"),
    "kVARh": PhysicalRange(0.0, 1e12, "an energy counter is never negative nor this large"),
    "kW": PhysicalRange(-1e7, 1e7, "no connection draws or feeds this much power"),
    "kVAR": PhysicalRange(-1e7, 1e7, "no connection draws or feeds this much power"),
    "A": PhysicalRange(0.0, 1e6, "a current is a magnitude, never negative, never this large"),
    "V": PhysicalRange(0.0, 1e6, "a voltage is a magnitude, never negative, never this large"),
    "Sin unidad": PhysicalRange(-1.001, 1.001, "a power factor lies between −1 and 1"),
    "%": PhysicalRange(0.0, 1000.0, "a harmonic distortion is never negative nor this large"),
    "°C": PhysicalRange(-60.0, 200.0, "no meter works at this temperature"),
    "Hz": PhysicalRange(0.0, 500.0, "no network runs at this frequency"),
}


def physical_range(sensor: str) -> PhysicalRange | None:
    """The bounds for a sensor (a ChileMedido name or an auxiliary quantity), if it has any."""
    return _RANGES.get(unit_of(sensor))


def impossible_value(sensor: str, value: float) -> str | None:
    """Why no meter can have produced `value` for `sensor`, or None when it could have."""
    if not math.isfinite(value):
        return "not a finite number"
    bounds = physical_range(sensor)
    if bounds is None or bounds.low <= value <= bounds.high:
        return None
    return bounds.why
