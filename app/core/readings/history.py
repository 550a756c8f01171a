"""The last day of readings, in memory: a ring buffer of times and one column per sensor.

The plot draws up to a day at one reading a second — 86,400 points per sensor — and keeps
collecting while it is hidden. Columns are numpy arrays, so a window query is a binary search
and a slice (a view, no copy) instead of a walk over 86,400 dicts. Capacity is fixed when the
history is made (span / resolution); polling faster than the resolution fills it sooner, so it
then holds less than the span, and a window never reaches back further than the span from the
newest reading.

    history = ReadingHistory()                 # 24 h at 1 s
    history.append_reading(reading)            # or append(epoch_s, {sensor: value or None})
    shown = history.window(start=now - 300)    # HistoryWindow(times, values)

The meter session appends on the core loop while the GUI draws on its own thread: a reader on
another thread holds `history.lock` while it uses a window (slice, decimate or copy, then let go),
and an append waits for it. Appends take microseconds, so the lock never holds the GUI up.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.core.meter.reading import MeterReading
from app.core.readings.decimation import min_max_decimate
from app.core.readings.pyramid import (
    Extremes,
    MinMaxPyramid,
    in_time_order,
    readings_as_runs,
    reduce_runs,
)

DAY_S = 86_400.0

type Column = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class HistoryWindow:
    """Readings in a time range, oldest first.

    The arrays are views into the history, valid until its next append: draw them now, or
    `copy()` the window before keeping it or handing it to another thread.
    """

    times: Column  # epoch seconds (UTC)
    values: dict[str, Column]  # sensor -> one value per time; NaN where it had none

    def __len__(self) -> int:
        return len(self.times)

    def copy(self) -> HistoryWindow:
        return HistoryWindow(self.times.copy(), {k: v.copy() for k, v in self.values.items()})


class ReadingHistory:
    """Every slot is written twice, at i and i + capacity, so that the readings are always one
    contiguous slice of the doubled arrays — a window is a view, never a copy, even after the
    ring has wrapped. That doubles the memory (a day of 30 sensors: about 42 MB) and the cost
    of an append (a few microseconds), and keeps redraws free of megabyte copies."""

    def __init__(self, span_s: float = DAY_S, resolution_s: float = 1.0) -> None:
        if span_s <= 0 or resolution_s <= 0:
            raise ValueError("span_s and resolution_s must be positive")
        self.span_s = span_s
        self.capacity = math.ceil(span_s / resolution_s)
        self._times: Column = np.full(2 * self.capacity, np.nan)
        self._columns: dict[str, Column] = {}
        self._next = 0  # where the next reading goes, in [0, capacity)
        self._size = 0
        self._total = 0  # readings appended since the last clear (the newest one's number + 1)
        self._pyramid = MinMaxPyramid(self.capacity, self._readings)
        self.lock = threading.RLock()

    def __len__(self) -> int:
        return self._size

    @property
    def sensors(self) -> tuple[str, ...]:
        """Every sensor seen so far, in the order first seen."""
        with self.lock:
            return tuple(self._columns)

    @property
    def newest(self) -> float | None:
        return float(self._times[self._next - 1]) if self._size else None

    @property
    def oldest(self) -> float | None:
        return float(self._times[self._start]) if self._size else None

    @property
    def _start(self) -> int:
        return (self._next - self._size) % self.capacity

    def append(self, at: float, values: Mapping[str, float | None]) -> None:
        """Add one reading; None (not available) is stored as NaN.

        A time before the newest one (the laptop's clock stepped back) is stored as the newest
        time, so times stay ordered and searchable.
        """
        with self.lock:
            self._append(at, values)

    def _append(self, at: float, values: Mapping[str, float | None]) -> None:
        newest = self.newest
        if newest is not None and at < newest:
            at = newest
        i, mirror = self._next, self._next + self.capacity
        for name in values:  # in the reading's order: `sensors` lists them as first seen
            if name not in self._columns:
                self._columns[name] = np.full(2 * self.capacity, np.nan)
        for name, column in self._columns.items():
            value = values.get(name)
            column[i] = column[mirror] = np.nan if value is None else value
        self._times[i] = self._times[mirror] = at
        self._next = (i + 1) % self.capacity
        self._size = min(self._size + 1, self.capacity)
        self._total += 1

    def append_reading(self, reading: MeterReading) -> None:
        self.append(reading.at.timestamp(), reading.values)

    def window(
        self,
        start: float | None = None,
        end: float | None = None,
        sensors: Iterable[str] | None = None,
    ) -> HistoryWindow:
        """Readings with start <= time <= end (either open), for `sensors` (default: all).

        A sensor never seen comes back as NaN, so callers need not check first. From another
        thread than the appending one, hold `lock` while the window is in use.
        """
        names = list(self._columns) if sensors is None else list(dict.fromkeys(sensors))
        lo, hi = self._span(start, end)
        picked = self._slots(lo, hi)
        values: dict[str, Column] = {}
        for name in names:
            column = self._columns.get(name)
            values[name] = np.full(hi - lo, np.nan) if column is None else column[picked]
        return HistoryWindow(self._times[picked], values)

    def envelope(
        self, start: float, end: float, sensors: Iterable[str], columns: int
    ) -> dict[str, tuple[Column, Column]]:
        """What a plot `columns` pixels wide shows of each sensor between start and end: at most
        two points per column, each column's lowest and highest value in time order (a spike
        of one reading in a day stays visible), as (times, values) copies the caller may keep.

        A long window is read from the pyramid of extremes, so a day costs about what five
        minutes cost; a sensor never seen comes back empty. Holds the lock while it reads.
        """
        with self.lock:
            lo, hi = self._span(start, end)
            level = self._pyramid.level_for(hi - lo, columns)
            shown: dict[str, tuple[Column, Column]] = {}
            for name in dict.fromkeys(sensors):
                if name not in self._columns:
                    shown[name] = (np.empty(0), np.empty(0))
                elif level is None:  # a few readings per column: thin the readings themselves
                    picked = self._slots(lo, hi)
                    x, y = min_max_decimate(
                        self._times[picked], self._columns[name][picked], columns
                    )
                    shown[name] = (x.copy(), y.copy())
                else:
                    at, y = in_time_order(self._extremes(level, name, lo, hi))
                    shown[name] = min_max_decimate(self._times[at % self.capacity], y, columns)
            return shown

    def _extremes(self, level: int, sensor: str, lo: int, hi: int) -> Extremes:
        """Readings [lo, hi) as buckets of the level, and the bits before and after them."""
        size = self._pyramid.size(level)
        first, end = -(-lo // size), hi // size
        oldest = self._total - self._size
        parts = [self._pyramid.buckets(level, sensor, first, end, oldest)]
        for a, b in ((lo, first * size), (end * size, hi)):
            if b > a:
                parts.insert(
                    0 if a == lo else len(parts), reduce_runs(self._runs(sensor, a, b), b - a)
                )
        return Extremes.joined(parts)

    def _runs(self, sensor: str, first: int, end: int) -> Extremes:
        return readings_as_runs(self._readings(sensor, first, end), first)

    def _readings(self, sensor: str, first: int, end: int) -> Column:
        """The values of readings [first, end), numbered from the first append (a view)."""
        begin = first % self.capacity
        return self._columns[sensor][begin : begin + end - first]

    def _span(self, start: float | None, end: float | None) -> tuple[int, int]:
        """The readings with start <= time <= end, as numbers [lo, hi) counted from the first
        append; the span from the newest reading bounds how far back a window reaches."""
        newest = self.newest
        if newest is None:
            return 0, 0
        floor = newest - self.span_s
        start = floor if start is None else max(start, floor)
        oldest = self._total - self._size
        times = self._times[self._start : self._start + self._size]
        lo = int(np.searchsorted(times, start, side="left"))
        hi = len(times) if end is None else int(np.searchsorted(times, end, side="right"))
        return oldest + lo, oldest + max(lo, hi)

    def _slots(self, lo: int, hi: int) -> slice:
        begin = lo % self.capacity
        return slice(begin, begin + hi - lo)

    def clear(self) -> None:
        with self.lock:
            self._times.fill(np.nan)
            self._columns.clear()
            self._next = self._size = self._total = 0
            self._pyramid.reset()
