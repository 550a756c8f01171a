"""Values with decimals by unit; registers in hex."""

from __future__ import annotations

import math

import pytest

from app.core.readings.value_format import decimals_for, format_value, format_words


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (229.8349, "V", "229.8"),
        (5.4321, "A", "5.43"),
        (3.14159, "kW", "3.142"),
        (12345.678, "kWh", "12345.68"),
        (0.98765, "Sin unidad", "0.988"),
        (-0.0001, "kW", "0.000"),  # no "-0.000"
        (-1.25, "kW", "-1.250"),
        (1.23456, "unknown", "1.235"),
    ],
)
def test_decimals_follow_the_unit(value: float, unit: str, text: str) -> None:
    assert format_value(value, unit) == text


def test_no_value_shows_a_dash() -> None:
    assert format_value(None, "V") == "—"
    assert format_value(math.nan, "V", missing="n/a") == "n/a"
    assert decimals_for("V") == 1


def test_words_are_hex_by_part() -> None:
    assert format_words(((0x435C, 0x8000),)) == "435C 8000"
    assert format_words(((1,), None)) == "0001 | -"
    assert format_words(()) == ""


def test_decimal_point_follows_the_caller() -> None:
    assert format_value(229.83, "V", decimal_point=",") == "229,8"
    assert format_value(-0.0001, "kW", decimal_point=",") == "0,000"
