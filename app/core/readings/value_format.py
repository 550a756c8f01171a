"""Meter values and raw registers as text: decimals that suit the unit, words in hex.

A voltage to a tenth of a volt, a current to the milliampere's hundredth: more digits than the
meter's accuracy only make a table harder to read and compare with the meter's own display.
"""

from __future__ import annotations

import math

DECIMALS_BY_UNIT: dict[str, int] = {
    "V": 1,
    "A": 2,
    "kW": 3,
    "kVAR": 3,
    "kVA": 3,
    "kWh": 2,
    "kVARh": 2,
    "Sin unidad": 3,  # power factor
    "%": 1,
    "°C": 1,
    "Hz": 2,
}
DEFAULT_DECIMALS = 3


def decimals_for(unit: str) -> int:
    return DECIMALS_BY_UNIT.get(unit, DEFAULT_DECIMALS)


def format_value(
    value: float | None, unit: str, missing: str = "—", decimal_point: str = "."
) -> str:
    """ "229.8" for 229.83 V ("229,8" with a comma `decimal_point`); `missing` for no value."""
    if value is None or math.isnan(value):
        return missing
    text = f"{value:.{decimals_for(unit)}f}"
    if float(text) == 0:
        text = text.lstrip("-")  # no "-0.00" for a tiny negative
    return text.replace(".", decimal_point)


def format_words(parts: tuple[tuple[int, ...] | None, ...]) -> str:
    """Registers as the bus sent them: "435C 8000"; parts of a sum split by " | "; "-" if unread."""
    return " | ".join(" ".join(f"{w:04X}" for w in part) if part else "-" for part in parts)
