"""Each sensor's lowest and highest value over runs of readings, at a few run lengths: what a
plot of a long window draws, without walking every reading at each redraw.

A plot 1,000 pixels wide over a day at 1 Hz shows 86 readings per pixel column; it needs each
column's minimum and maximum (min/max decimation keeps the peaks), not the 86,400 readings.
The pyramid keeps, per sensor, the min and max of every run of 8, 64, 512 and 4,096 readings
(with where in the history each was, so the curve keeps their time order). A level is brought
up to date when a query needs it, from the readings appended since (the first level) or from
the level below (the others): a redraw touches only the new tail, and a window reads about
one to eight buckets per pixel column.

Readings are numbered from the first append ever ("absolute" numbers); the history keeps the
newest `capacity` of them in a ring, and a bucket counts only once its run is complete and
still wholly in the ring. The parts of a window before its first whole bucket and after its
last are read from the readings themselves (each shorter than one bucket).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

type Floats = npt.NDArray[np.float64]
type Indices = npt.NDArray[np.int64]
type RawSlice = Callable[[str, int, int], Floats]  # sensor, first, end (absolute) -> values

LEVELS = (8, 64, 512, 4096)  # readings per bucket; each level 8 buckets of the one below
FANOUT = 8


@dataclass(slots=True)
class Extremes:
    """Per bucket: the lowest and highest value and the absolute number of the reading that
    held each. A bucket with no value holds NaN, both numbers at its first reading."""

    low: Floats
    high: Floats
    low_at: Indices
    high_at: Indices

    @classmethod
    def empty(cls, size: int) -> Extremes:
        nothing = np.full(size, np.nan)
        return cls(nothing, nothing.copy(), np.zeros(size, np.int64), np.zeros(size, np.int64))

    def put(self, where: Indices, other: Extremes) -> None:
        self.low[where], self.high[where] = other.low, other.high
        self.low_at[where], self.high_at[where] = other.low_at, other.high_at

    def take(self, where: Indices) -> Extremes:
        return Extremes(self.low[where], self.high[where], self.low_at[where], self.high_at[where])

    @classmethod
    def joined(cls, parts: list[Extremes]) -> Extremes:
        return cls(
            np.concatenate([p.low for p in parts]),
            np.concatenate([p.high for p in parts]),
            np.concatenate([p.low_at for p in parts]),
            np.concatenate([p.high_at for p in parts]),
        )


def reduce_runs(runs: Extremes, width: int) -> Extremes:
    """Group `runs` (its length a multiple of `width`) into buckets of `width` and keep each
    bucket's extremes; readings are `Extremes(v, v, at, at)`."""
    shape = (-1, width)
    low, high = runs.low.reshape(shape), runs.high.reshape(shape)
    low_missing, high_missing = np.isnan(low), np.isnan(high)
    lows = np.where(low_missing, np.inf, low).argmin(axis=1)
    highs = np.where(high_missing, -np.inf, high).argmax(axis=1)
    rows = np.arange(len(lows))
    empty = low_missing.all(axis=1)
    low_at, high_at = runs.low_at.reshape(shape), runs.high_at.reshape(shape)
    found = Extremes(low[rows, lows], high[rows, highs], low_at[rows, lows], high_at[rows, highs])
    found.low_at[empty] = found.high_at[empty] = low_at[empty, 0]
    return found


def readings_as_runs(values: Floats, first: int) -> Extremes:
    at = np.arange(first, first + len(values), dtype=np.int64)
    return Extremes(values, values, at, at)


@dataclass(slots=True)
class _Level:
    size: int  # readings per bucket
    slots: int  # buckets kept, in a ring by bucket number
    sensors: dict[str, Extremes] = field(default_factory=dict)
    done: dict[str, int] = field(
        default_factory=dict
    )  # per sensor: buckets before this one are up to date


class MinMaxPyramid:
    """The extremes at every level for a history of `capacity` readings.

    `raw(sensor, first, end)` gives the values of absolute readings [first, end) (at most
    `capacity` of them, all still in the history). Not thread-safe: the history's lock guards it.
    """

    def __init__(self, capacity: int, raw: RawSlice) -> None:
        self._raw = raw
        self._levels = [_Level(size, capacity // size + 2) for size in LEVELS]

    def reset(self) -> None:
        for level in self._levels:
            level.sensors.clear()
            level.done.clear()

    def level_for(self, count: int, columns: int) -> int | None:
        """The coarsest level that still gives `columns` buckets over `count` readings."""
        fitting = [i for i, level in enumerate(self._levels) if count // level.size >= columns]
        return fitting[-1] if fitting else None

    def size(self, level: int) -> int:
        return self._levels[level].size

    def buckets(self, level: int, sensor: str, first: int, end: int, oldest: int) -> Extremes:
        """Whole buckets [first, end) at `level` (bucket numbers), brought up to date for a
        history whose readings are [oldest, end × size) or longer."""
        if first >= end:  # no whole bucket: the sensor may have none made yet
            return readings_as_runs(np.empty(0), first)
        self._bring_up_to_date(level, sensor, end, oldest)
        chosen = self._levels[level]
        return chosen.sensors[sensor].take(np.arange(first, end) % chosen.slots)

    def _bring_up_to_date(self, index: int, sensor: str, end: int, oldest: int) -> None:
        level = self._levels[index]
        size = level.size
        start = max(level.done.get(sensor, 0), -(-oldest // size))
        if start >= end:
            return
        if index == 0:
            runs = readings_as_runs(self._raw(sensor, start * size, end * size), start * size)
        else:
            self._bring_up_to_date(index - 1, sensor, end * FANOUT, oldest)
            below = self._levels[index - 1]
            children = np.arange(start * FANOUT, end * FANOUT) % below.slots
            runs = below.sensors[sensor].take(children)
        found = reduce_runs(runs, size if index == 0 else FANOUT)
        kept = level.sensors.setdefault(sensor, Extremes.empty(level.slots))
        kept.put(np.arange(start, end) % level.slots, found)
        level.done[sensor] = end


def in_time_order(extremes: Extremes) -> tuple[Indices, Floats]:
    """Each bucket as its one or two points in the order they were read (a bucket whose low and
    high are one reading, or that is empty, gives one point)."""
    low_first = extremes.low_at <= extremes.high_at
    first_at = np.where(low_first, extremes.low_at, extremes.high_at)
    second_at = np.where(low_first, extremes.high_at, extremes.low_at)
    first = np.where(low_first, extremes.low, extremes.high)
    second = np.where(low_first, extremes.high, extremes.low)
    at = np.stack((first_at, second_at), axis=1).ravel()
    values = np.stack((first, second), axis=1).ravel()
    keep = np.r_[True, np.diff(at) != 0]
    return at[keep], values[keep]
