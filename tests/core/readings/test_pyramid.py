"""The envelope a plot draws, read from the pyramid of extremes: the same peaks and gaps as
the readings themselves, across ring wraps, new sensors and every level."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.readings.history import ReadingHistory
from app.core.readings.pyramid import LEVELS

T0 = 1_741_615_200.0


def history_of(
    values: np.ndarray, capacity_s: float, late_sensor_from: int | None = None
) -> ReadingHistory:
    history = ReadingHistory(capacity_s)
    for i, v in enumerate(values.tolist()):
        reading = {"P": None if np.isnan(v) else v}
        if late_sensor_from is not None and i >= late_sensor_from:
            reading["Q"] = -v if not np.isnan(v) else None
        history.append(T0 + i, reading)
    return history


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(1, 40_000),
    capacity=st.integers(100, 30_000),
    columns=st.integers(1, 400),
    cut=st.tuples(st.floats(0, 1), st.floats(0, 1)),
    seed=st.integers(0, 2**32 - 1),
    gaps=st.booleans(),
)
def test_the_envelope_holds_every_peak_and_only_real_readings(
    n: int, capacity: int, columns: int, cut: tuple[float, float], seed: int, gaps: bool
) -> None:
    rng = np.random.default_rng(seed)
    values = np.cumsum(rng.normal(0, 1, n))
    if gaps:
        values[rng.random(n) < 0.3] = np.nan
        start_gap = int(rng.integers(0, n))
        values[start_gap : start_gap + int(rng.integers(0, 5000))] = np.nan
    history = history_of(values, float(capacity), late_sensor_from=n // 3)
    newest, oldest = history.newest, history.oldest
    assert newest is not None
    assert oldest is not None
    a, b = sorted(cut)
    start, end = oldest + a * (newest - oldest), oldest + b * (newest - oldest)
    window = history.window(start, end, ["P", "Q"])
    shown = history.envelope(start, end, ["P", "Q"], columns)
    for sensor in ("P", "Q"):
        x, y = shown[sensor]
        raw = window.values[sensor]
        assert len(x) == len(y) <= max(len(raw), 2 * columns + 1)
        assert np.all(np.diff(x) >= 0)  # in time order
        real = dict(zip(window.times.tolist(), raw.tolist(), strict=True))
        for t, v in zip(x.tolist(), y.tolist(), strict=True):  # every point is a reading
            assert t in real
            assert (np.isnan(v) and np.isnan(real[t])) or v == real[t]
        if np.isnan(raw).all():
            assert np.isnan(y).all()
        else:  # the window's lowest and highest reading are drawn
            assert np.nanmin(y) == np.nanmin(raw)
            assert np.nanmax(y) == np.nanmax(raw)


def test_a_day_uses_the_pyramid_and_keeps_a_one_second_spike() -> None:
    values = np.full(86_400, 230.0)
    values[51_234] = 1e4
    history = history_of(values, 86_400.0)
    x, y = history.envelope(T0, T0 + 86_400, ["P"], 1000)["P"]
    assert len(x) <= 2000
    assert y.max() == 1e4
    assert x[y.argmax()] == T0 + 51_234
    assert history._pyramid.level_for(86_400, 1000) is not None


def test_a_gap_longer_than_a_column_stays_a_gap() -> None:
    values = np.full(86_400, 230.0)
    values[40_000:41_000] = np.nan  # 1,000 s: more than the 86 s a column holds
    history = history_of(values, 86_400.0)
    x, y = history.envelope(T0, T0 + 86_400, ["P"], 1000)["P"]
    gap = np.isnan(y)
    assert gap.any()
    assert all(T0 + 40_000 <= t < T0 + 41_000 for t in x[gap])


def test_appends_after_a_query_update_only_the_tail_and_stay_right() -> None:
    rng = np.random.default_rng(7)
    history = ReadingHistory(20_000.0)
    t = T0
    for round_ in range(6):
        for v in rng.normal(0, 1, 7_919).tolist():
            history.append(t, {"P": v})
            t += 1
        newest = history.newest
        assert newest is not None
        window = history.window(newest - 15_000, newest, ["P"])
        _x, y = history.envelope(newest - 15_000, newest, ["P"], 300 + round_)["P"]
        assert y.max() == window.values["P"].max()
        assert y.min() == window.values["P"].min()


def test_a_cleared_history_starts_its_pyramid_again() -> None:
    history = history_of(np.arange(10_000.0), 10_000.0)
    history.envelope(T0, T0 + 10_000, ["P"], 10)
    history.clear()
    for i in range(LEVELS[1] * 20):
        history.append(T0 + i, {"P": -float(i)})
    _x, y = history.envelope(T0, T0 + 10_000, ["P"], 10)["P"]
    assert y.max() == 0.0
    assert y.min() == -(LEVELS[1] * 20 - 1)


def expected_envelope(
    values: np.ndarray, lo: int, hi: int, size: int, columns: int
) -> tuple[np.ndarray, np.ndarray]:
    """By brute force: readings [lo, hi) cut at multiples of `size`, each piece's lowest and
    highest reading in time order, then thinned to `columns` as the plot does."""
    from app.core.readings.decimation import min_max_decimate

    cuts = [lo, *range(-(-lo // size) * size, hi, size), hi]
    at: list[int] = []
    for a, b in itertools.pairwise(cuts):
        if b <= a:
            continue
        piece = values[a:b]
        if np.isnan(piece).all():
            picks = [a]
        else:
            low, high = a + int(np.nanargmin(piece)), a + int(np.nanargmax(piece))
            picks = sorted({low, high})
        at += picks
    return min_max_decimate(T0 + np.array(at, float), values[at], columns)


def test_every_level_matches_brute_force_after_the_ring_wrapped_several_times() -> None:
    rng = np.random.default_rng(11)
    values = np.cumsum(rng.normal(0, 1, 23_000))
    values[rng.random(len(values)) < 0.05] = np.nan
    history = history_of(values, 5_000.0)
    for length, columns in ((4_999, 600), (4_000, 60), (4_999, 9), (3_000, 1), (1_000, 100)):
        hi = 23_000 - int(rng.integers(0, 5_000 - length + 1))
        lo = hi - length
        level = history._pyramid.level_for(length, columns)
        assert level is not None
        x, y = history.envelope(T0 + lo, T0 + hi - 1, ["P"], columns)["P"]
        want_x, want_y = expected_envelope(values, lo, hi, LEVELS[level], columns)
        np.testing.assert_array_equal(x, want_x)
        np.testing.assert_array_equal(y, want_y)


def test_no_whole_bucket_asked_of_a_sensor_never_summed_is_empty_not_an_error() -> None:
    # Found by the property test above: a view so narrow at a level that no whole bucket falls
    # inside it, for a sensor the level had not summed yet, raised KeyError.
    from app.core.readings.pyramid import MinMaxPyramid

    pyramid = MinMaxPyramid(1024, lambda _sensor, _start, _end: np.empty(0))
    empty = pyramid.buckets(1, "P", 2, 2, 65)
    assert len(empty.low) == len(empty.high) == len(empty.low_at) == 0
