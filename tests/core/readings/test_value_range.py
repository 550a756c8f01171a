"""The plot's value range: fitted with padding, kept while the data stays inside and fills it."""

from __future__ import annotations

from app.core.readings.value_range import steady_range


def test_the_first_range_pads_the_data() -> None:
    assert steady_range(None, 200.0, 240.0) == (198.0, 242.0)


def test_a_range_that_still_fits_is_kept() -> None:
    assert steady_range((198.0, 242.0), 205.0, 239.0) is None


def test_data_leaving_the_range_fits_it_again() -> None:
    assert steady_range((198.0, 242.0), 205.0, 250.0) == (202.75, 252.25)


def test_data_filling_less_than_half_fits_it_again() -> None:
    low, high = steady_range((0.0, 1000.0), 500.0, 510.0) or (0.0, 0.0)
    assert 499 < low < 500
    assert 510 < high < 511


def test_a_flat_line_gets_a_range_around_it() -> None:
    low, high = steady_range(None, 230.0, 230.0) or (0.0, 0.0)
    assert low < 230.0 < high
    assert steady_range((low, high), 230.0, 230.0) is None
    low, high = steady_range(None, 0.0, 0.0) or (1.0, 1.0)
    assert low < 0.0 < high
