"""The reading history: capacity, window queries, NaN for missing values, a day's size."""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import pytest

from app.core.meter.bus_time import BusTiming
from app.core.meter.links import LinkStats
from app.core.meter.planner import ReadPlan
from app.core.meter.reading import MeterReading
from app.core.readings.history import DAY_S, ReadingHistory

T0 = 1_741_615_200.0  # 2025-03-10 14:00 UTC


def filled(n: int, capacity_s: float = DAY_S) -> ReadingHistory:
    history = ReadingHistory(capacity_s)
    for i in range(n):
        history.append(T0 + i, {"P": float(i), "V": 220.0 + i % 3})
    return history


def test_an_empty_history_answers_with_empty_windows() -> None:
    history = ReadingHistory()
    assert len(history) == 0
    assert history.newest is None
    assert history.oldest is None
    shown = history.window(sensors=["P"])
    assert len(shown) == 0
    assert shown.values["P"].shape == (0,)


def test_a_day_at_one_second_is_86400_readings() -> None:
    history = ReadingHistory()
    assert history.capacity == 86_400
    assert ReadingHistory(300, resolution_s=0.5).capacity == 600


def test_bad_sizes_are_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        ReadingHistory(0)


def test_windows_include_both_ends_and_come_oldest_first() -> None:
    history = filled(100)
    shown = history.window(T0 + 10, T0 + 20)
    assert shown.times.tolist() == [T0 + i for i in range(10, 21)]
    assert shown.values["P"].tolist() == [float(i) for i in range(10, 21)]
    assert len(history.window(start=T0 + 95)) == 5
    assert len(history.window(end=T0 + 4)) == 5
    assert len(history.window(T0 + 200, T0 + 300)) == 0


def test_the_ring_keeps_the_newest_readings_when_full() -> None:
    history = filled(250, capacity_s=100)
    assert len(history) == 100
    assert history.oldest == T0 + 150
    assert history.newest == T0 + 249
    everything = history.window()
    assert everything.times.tolist() == [T0 + i for i in range(150, 250)]
    assert everything.values["P"].tolist() == [float(i) for i in range(150, 250)]
    across = history.window(T0 + 195, T0 + 205)  # wherever the wrap point is
    assert across.values["P"].tolist() == [float(i) for i in range(195, 206)]


def test_a_window_never_reaches_back_further_than_the_span() -> None:
    history = ReadingHistory(span_s=60)  # 60 slots, but readings every 10 s
    for i in range(20):
        history.append(T0 + 10 * i, {"P": float(i)})
    shown = history.window(start=0)
    assert shown.times[0] == T0 + 130  # newest (190) minus 60
    assert len(shown) == 7


def test_not_available_is_nan_and_new_sensors_are_nan_before_they_appeared() -> None:
    history = ReadingHistory(100)
    history.append(T0, {"P": 1.0})
    history.append(T0 + 1, {"P": None, "Q": 2.0})
    history.append(T0 + 2, {"Q": 3.0})  # P absent from this reading
    shown = history.window()
    assert history.sensors == ("P", "Q")
    p, q = shown.values["P"], shown.values["Q"]
    assert p[0] == 1.0
    assert math.isnan(p[1])
    assert math.isnan(p[2])
    assert math.isnan(q[0])
    assert q[1:].tolist() == [2.0, 3.0]
    unknown = history.window(sensors=["nobody"]).values["nobody"]
    assert len(unknown) == 3
    assert np.isnan(unknown).all()


def test_sensors_first_seen_together_keep_the_readings_order() -> None:
    names = [f"sensor {i}" for i in range(30)]
    history = ReadingHistory(100)
    history.append(T0, dict.fromkeys(names, 1.0))
    assert history.sensors == tuple(names)


def test_a_clock_stepping_back_keeps_times_ordered() -> None:
    history = ReadingHistory(100)
    history.append(T0 + 10, {"P": 1.0})
    history.append(T0 + 5, {"P": 2.0})
    assert history.window().times.tolist() == [T0 + 10, T0 + 10]


def test_a_copied_window_outlives_later_appends() -> None:
    history = filled(5, capacity_s=5)
    kept = history.window().copy()
    for i in range(5, 10):
        history.append(T0 + i, {"P": float(i)})
    assert kept.values["P"].tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]
    assert history.window().values["P"].tolist() == [5.0, 6.0, 7.0, 8.0, 9.0]


def test_readings_are_stored_by_their_poll_time() -> None:
    at = datetime(2025, 3, 10, 14, 0, tzinfo=UTC)
    reading = MeterReading(
        unit=1,
        profile_id="x",
        at=at,
        duration_s=0.01,
        values={"Voltaje A-N": 229.5, "Corriente A": None},
        raw={},
        problems={},
        stats=LinkStats(),
        plan=ReadPlan((), BusTiming.tcp(0.005)),
    )
    history = ReadingHistory(100)
    history.append_reading(reading)
    history.append_reading(replace(reading, at=at + timedelta(seconds=1)))
    shown = history.window()
    assert shown.times.tolist() == [T0, T0 + 1]
    assert shown.values["Voltaje A-N"].tolist() == [229.5, 229.5]
    assert np.isnan(shown.values["Corriente A"]).all()


def test_clear_forgets_everything() -> None:
    history = filled(10)
    history.clear()
    assert len(history) == 0
    assert history.sensors == ()


def test_a_full_day_of_thirty_sensors_is_held_and_queried_quickly() -> None:
    sensors = [f"s{i}" for i in range(30)]
    history = ReadingHistory()
    row = dict.fromkeys(sensors, 1.0)
    for i in range(history.capacity + 10):
        history.append(T0 + i, row)
    assert len(history) == 86_400
    started = time.perf_counter()
    shown = history.window(sensors=sensors[:7])
    elapsed = time.perf_counter() - started
    assert len(shown) == 86_400
    assert elapsed < 0.5  # about a millisecond on a laptop; generous for a busy CI machine


# -- benchmark: numpy columns vs a naive list of (time, values) --------------------------------


class NaiveHistory:
    """The obvious implementation: a bounded deque of (time, dict); a query walks it all."""

    def __init__(self, capacity: int) -> None:
        self.rows: deque[tuple[float, Mapping[str, float | None]]] = deque(maxlen=capacity)

    def append(self, at: float, values: Mapping[str, float | None]) -> None:
        self.rows.append((at, values))

    def window(
        self, start: float, sensors: list[str]
    ) -> tuple[list[float], dict[str, list[float]]]:
        times = [t for t, _ in self.rows if t >= start]
        picked = [v for t, v in self.rows if t >= start]
        values = {s: [math.nan if (x := v.get(s)) is None else x for v in picked] for s in sensors}
        return times, values


def one_second(history: ReadingHistory | NaiveHistory, sensors: list[str], t: float) -> int:
    """What the plot does each second with a day in memory: one reading in, one window out."""
    history.append(t, dict.fromkeys(sensors, 230.0))
    if isinstance(history, ReadingHistory):
        return len(history.window(t - DAY_S, sensors=sensors[:7]))
    return len(history.window(t - DAY_S, sensors[:7])[0])


@pytest.mark.benchmark
def test_history_vs_a_naive_list(benchmark: Any) -> None:
    if benchmark.disabled:
        pytest.skip("benchmarks are disabled; run with --benchmark-enable")
    sensors = [f"s{i}" for i in range(30)]
    ours, naive = ReadingHistory(), NaiveHistory(86_400)
    row = dict.fromkeys(sensors, 230.0)

    def fill(h: ReadingHistory | NaiveHistory) -> float:
        started = time.perf_counter()
        for i in range(86_400):
            h.append(T0 + i, row)
        return (time.perf_counter() - started) / 86_400

    append_ours, append_naive = fill(ours), fill(naive)

    def per_second(h: ReadingHistory | NaiveHistory, rounds: int = 5) -> float:
        started = time.perf_counter()
        for i in range(rounds):
            one_second(h, sensors, T0 + 86_400 + i)
        return (time.perf_counter() - started) / rounds

    naive_s, ours_s = per_second(naive), per_second(ours)
    ratio = naive_s / ours_s
    benchmark.extra_info.update(
        append_ours_us=append_ours * 1e6,
        append_naive_us=append_naive * 1e6,
        second_ours_ms=ours_s * 1000,
        second_naive_ms=naive_s * 1000,
        ratio=ratio,
    )
    benchmark.pedantic(one_second, args=(ours, sensors, T0 + 90_000), rounds=20)
    print(f"\nappend: ours {append_ours * 1e6:.1f} µs, naive {append_naive * 1e6:.2f} µs; "
          f"append + 24 h window of 7 sensors: ours {ours_s * 1000:.2f} ms, "
          f"naive {naive_s * 1000:.1f} ms, ratio {ratio:.0f}")  # fmt: skip
    assert ratio > 10
