"""Energy counters and demand, integrated from power on a fixed time grid.

The grid is anchored at the meter's start (minus one demand period, so demand has history from
the first second). Each cell is integrated once, with the trapezoid rule, under the load and wiring
in force when integration reaches it; inside a cell the counters move linearly. So a counter at
time t is the same however often, and in whatever order, anyone reads it. A change of load or
wiring mid-cell splits that cell at the change (`change`).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

SECONDS_PER_HOUR = 3600.0
Integrals = tuple[float, ...]  # import P per phase (3), import P total, import Q total, P total


@dataclass(frozen=True, slots=True)
class PowerSample:
    """Measured power at one instant: per-phase P (kW) and total Q (kVAR)."""

    p: tuple[float, float, float]
    q_total: float

    def rates(self) -> Integrals:
        total = sum(self.p)
        return (*(max(x, 0.0) for x in self.p), max(total, 0.0), max(self.q_total, 0.0), total)


@dataclass(frozen=True, slots=True)
class Counters:
    """Import energies: active per phase and total (kWh), reactive total (kVARh)."""

    active: tuple[float, float, float]
    active_total: float
    reactive_total: float


@dataclass(frozen=True, slots=True)
class _Point:
    k: int
    cum: Integrals  # kWh / kVARh from the grid's origin
    rates: Integrals  # kW / kVAR at this grid point


def _trapezoid(cum: Integrals, r0: Integrals, r1: Integrals, seconds: float) -> Integrals:
    h = seconds / SECONDS_PER_HOUR
    return tuple(c + (a + b) * 0.5 * h for c, a, b in zip(cum, r0, r1, strict=True))


class EnergyIntegrator:
    def __init__(
        self,
        sample: Callable[[float], PowerSample],
        start: float,
        initial: Counters,
        demand_period_s: float = 900.0,
        max_step_s: float = 60.0,
    ) -> None:
        self._sample = sample
        self._initial = initial
        self.demand_period_s = demand_period_s
        cells = max(1, math.ceil(demand_period_s / max_step_s))
        self._step = demand_period_s / cells  # divides the period: demand spans whole cells
        self._keep = cells + 3
        self._origin = start - demand_period_s
        self._start_cell = cells
        self._reset()

    def _time(self, k: int) -> float:
        return self._origin + k * self._step

    def _reset(self) -> None:
        first = _Point(0, (0.0,) * 6, self._sample(self._origin).rates())
        self._points: deque[_Point] = deque([first], maxlen=self._keep)
        # A change of load or wiring inside a cell: (time, integrals up to it, rates after it).
        self._anchor: tuple[float, Integrals, Integrals] | None = None
        self._at_start = self._point(self._start_cell).cum

    def _anchor_in(self, k: int) -> tuple[float, Integrals, Integrals] | None:
        a = self._anchor
        return a if a is not None and self._time(k) <= a[0] < self._time(k + 1) else None

    def _point(self, k: int) -> _Point:
        """Grid point k, integrating up to it if needed (again from the origin if forgotten)."""
        if k < self._points[0].k:
            self._reset()
        while self._points[-1].k < k:
            last = self._points[-1]
            t1 = self._time(last.k + 1)
            rates = self._sample(t1).rates()
            if (anchor := self._anchor_in(last.k)) is not None:
                t_a, cum_a, rates_a = anchor
                cum = _trapezoid(cum_a, rates_a, rates, t1 - t_a)
            else:
                cum = _trapezoid(last.cum, last.rates, rates, self._step)
            self._points.append(_Point(last.k + 1, cum, rates))
        return self._points[k - self._points[0].k]

    def _cumulative(self, t: float) -> Integrals:
        t = max(t, self._origin)
        k = math.floor((t - self._origin) / self._step)
        end = self._point(k + 1)
        start = self._point(k)
        t0, c0, t1, c1 = self._time(k), start.cum, self._time(k + 1), end.cum
        if (anchor := self._anchor_in(k)) is not None:
            if t < anchor[0]:
                t1, c1 = anchor[0], anchor[1]
            else:
                t0, c0 = anchor[0], anchor[1]
        f = (t - t0) / (t1 - t0) if t1 > t0 else 0.0
        return tuple(a + (b - a) * f for a, b in zip(c0, c1, strict=True))

    def change(self, t: float, apply: Callable[[], None]) -> None:
        """Apply a change to what the meter measures, at time t: energy before t stays as it was
        integrated; from t on it is integrated under the new state."""
        before = self._cumulative(t)
        apply()
        k = math.floor((max(t, self._origin) - self._origin) / self._step)
        while self._points[-1].k > k:  # integrated ahead under the old state: redo
            self._points.pop()
        self._anchor = (t, before, self._sample(t).rates())

    def counters(self, t: float) -> Counters:
        cum = self._cumulative(t)
        d = [c - s for c, s in zip(cum, self._at_start, strict=True)]
        init = self._initial
        return Counters(
            (init.active[0] + d[0], init.active[1] + d[1], init.active[2] + d[2]),
            init.active_total + d[3],
            init.reactive_total + d[4],
        )

    def demand(self, t: float) -> float:
        """Average total P (kW) over the demand period ending at t."""
        end = self._cumulative(t)[5]
        begin = self._cumulative(t - self.demand_period_s)[5]
        return (end - begin) * SECONDS_PER_HOUR / self.demand_period_s
