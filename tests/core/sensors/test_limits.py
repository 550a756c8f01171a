"""Values no meter can produce: the bounds per unit, at their edges and beyond."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.sensors.dictionary import sensor_dictionary
from app.core.sensors.limits import impossible_value, physical_range


@pytest.mark.parametrize(
    ("sensor", "value"),
    [
        ("Energía activa acumulada", -9.223372036854776e15),  # Schneider's INT64 "n/a" in kWh
        ("Energía activa acumulada", 1.8446744073709552e16),  # a u64 of all ones, in kWh
        ("Energía reactiva acumulada", -0.001),
        ("Factor de potencia total", 1.5),
        ("Factor de potencia total", -1.2),
        ("Voltaje A-N", -220.0),
        ("Voltaje A-B", 4.3e9),
        ("Corriente A", -1.0),
        ("Potencia activa total instantánea", -2e7),
        ("Distorsión armónica de la corriente A", -3.0),
        ("Temperatura", 3000.0),
        ("frequency", -50.0),
        ("Corriente A", math.nan),
        ("Corriente A", math.inf),
    ],
)
def test_values_no_meter_can_produce(sensor: str, value: float) -> None:
    assert impossible_value(sensor, value) is not None


@pytest.mark.parametrize(
    ("sensor", "value"),
    [
        ("Energía activa acumulada", 0.0),
        ("Energía activa acumulada", 27_079.73),
        ("Factor de potencia total", -1.0),
        ("Factor de potencia total", 1.0004),  # a meter rounding P/S
        ("Voltaje A-N", 0.0),  # a missing phase
        ("Voltaje A-B", 500_000.0),  # Chile's highest transmission voltage
        ("Potencia activa total instantánea", -7.36),  # exporting
        ("Corriente N", 0.0),
        ("Temperatura", -10.0),
        ("frequency", 50.02),
    ],
)
def test_values_a_meter_can_produce(sensor: str, value: float) -> None:
    assert impossible_value(sensor, value) is None


def test_every_variable_of_the_platform_has_bounds() -> None:
    assert all(physical_range(s.name) is not None for s in sensor_dictionary())
    assert impossible_value("Not a ChileMedido name", -1e300) is None  # nothing to judge by


@given(st.sampled_from([s.name for s in sensor_dictionary()]), st.floats(allow_nan=True))
def test_the_verdict_is_the_range(sensor: str, value: float) -> None:
    bounds = physical_range(sensor)
    assert bounds is not None
    inside = math.isfinite(value) and bounds.low <= value <= bounds.high
    assert (impossible_value(sensor, value) is None) == inside
