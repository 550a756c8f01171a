"""Min/max decimation keeps every run's extremes, in time order, and the gaps."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.readings.decimation import min_max_decimate


def test_short_series_come_back_unchanged() -> None:
    x = np.arange(10.0)
    y = np.sin(x)
    dx, dy = min_max_decimate(x, y, buckets=5)
    assert dx is x
    assert dy is y


def test_a_day_becomes_at_most_two_points_per_bucket_and_keeps_a_spike() -> None:
    x = np.arange(86_400.0)
    y = np.full(86_400, 230.0)
    y[40_000] = 260.0  # a one-second swell
    y[70_001] = 180.0  # and a sag
    dx, dy = min_max_decimate(x, y, buckets=1000)
    assert len(dx) <= 2000
    assert dy.max() == 260.0
    assert dy.min() == 180.0
    assert 40_000.0 in dx
    assert 70_001.0 in dx
    assert np.all(np.diff(dx) > 0)


def test_gaps_stay_gaps() -> None:
    x = np.arange(1000.0)
    y = np.ones(1000)
    y[300:500] = np.nan  # the meter did not answer for a while
    dx, dy = min_max_decimate(x, y, buckets=50)
    missing = dx[np.isnan(dy)]
    assert len(missing) > 0
    assert missing.min() >= 300
    assert missing.max() < 500
    assert not np.isnan(dy[dx < 300]).any()


def test_a_trailing_partial_run_is_kept() -> None:
    x = np.arange(105.0)
    y = np.zeros(105)
    y[-1] = 5.0
    _, dy = min_max_decimate(x, y, buckets=10)
    assert dy[-1] == 5.0


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="buckets"):
        min_max_decimate(np.arange(3.0), np.arange(3.0), 0)
    with pytest.raises(ValueError, match="length"):
        min_max_decimate(np.arange(3.0), np.arange(4.0), 1)


@given(
    st.lists(st.one_of(st.floats(-1e6, 1e6), st.just(float("nan"))), min_size=1, max_size=400),
    st.integers(1, 50),
)
def test_extremes_and_order_survive(values: list[float], buckets: int) -> None:
    y = np.array(values)
    x = np.arange(len(y), dtype=float)
    dx, dy = min_max_decimate(x, y, buckets)
    assert len(dx) <= min(len(y), 2 * buckets)
    assert np.all(np.diff(dx) > 0)
    assert np.array_equal(dy, y[dx.astype(int)], equal_nan=True)  # real points, not made up
    if not np.isnan(y).all():
        assert np.nanmax(dy) == np.nanmax(y)
        assert np.nanmin(dy) == np.nanmin(y)
