"""Energy counters and demand, integrated from power on a fixed time grid.

The grid is anchored at the meter's start (minus one demand period, so demand has history from
the first second). Counters depend on the clock's time, not on how often anyone reads them; a
cell is integrated with the wiring faults in force when the integration reaches it.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

SECONDS_PER_HOUR = 3600.0


@dataclass(frozen=True, slots=True)
class PowerSample:
    """Measured power at one instant: per-phase P (kW) and total Q (kVAR)."""

    p: tuple[float, float, float]
    q_total: float

    def rates(self) -> tuple[float, ...]:
        """Integrands: import P per phase, import P total, import Q total, signed P total."""
        total = sum(self.p)
        return (*(max(x, 0.0) for x in self.p), max(total, 0.0), max(self.q_total, 0.0), total)


@dataclass(frozen=True, slots=True)
class Counters:
    """Import energies: active per phase and total (kWh), reactive total (kVARh)."""

    active: tuple[float, float, float]
    active_total: float
    reactive_total: float


class EnergyIntegrator:
    """Trapezoidal integration of a PowerSample function over a grid of `step_s` cells."""

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
        self._period_cells = cells
        self._origin = start - demand_period_s
        self._start_cell = cells
        self._reset()

    def _reset(self) -> None:
        self._last_k = 0
        self._last_rates = self._sample(self._origin).rates()
        # The last demand period of grid points (k, cumulative integrals), plus the start's.
        self._history: deque[tuple[int, tuple[float, ...]]] = deque(
            [(0, (0.0,) * 6)], maxlen=self._period_cells + 2
        )
        self._advance(self._start_cell)
        self._at_start = self._history[-1][1]

    def _advance(self, k: int) -> None:
        """Integrate whole cells up to grid point k."""
        while self._last_k < k:
            t1 = self._origin + (self._last_k + 1) * self._step
            rates = self._sample(t1).rates()
            cum = self._history[-1][1]
            cell = tuple(
                c + (r0 + r1) * 0.5 * self._step / SECONDS_PER_HOUR
                for c, r0, r1 in zip(cum, self._last_rates, rates, strict=True)
            )
            self._last_k += 1
            self._last_rates = rates
            self._history.append((self._last_k, cell))

    def _cumulative(self, t: float, now: PowerSample | None = None) -> tuple[float, ...]:
        """The six integrals from the grid's origin to t."""
        t = max(t, self._origin)
        k = math.floor((t - self._origin) / self._step)
        if k < self._history[0][0]:
            self._reset()  # time went back further than we remember: integrate again
        self._advance(k)
        first_k = self._history[0][0]
        base = self._history[k - first_k][1]
        t_k = self._origin + k * self._step
        if t <= t_k:
            return base
        r0 = self._last_rates if k == self._last_k else self._sample(t_k).rates()
        r1 = (now or self._sample(t)).rates()
        return tuple(
            c + (a + b) * 0.5 * (t - t_k) / SECONDS_PER_HOUR
            for c, a, b in zip(base, r0, r1, strict=True)
        )

    def counters(self, t: float, now: PowerSample | None = None) -> Counters:
        cum = self._cumulative(t, now)
        d = [c - s for c, s in zip(cum, self._at_start, strict=True)]
        init = self._initial
        active = tuple(e + x for e, x in zip(init.active, d[:3], strict=True))
        return Counters(
            (active[0], active[1], active[2]), init.active_total + d[3], init.reactive_total + d[4]
        )

    def demand(self, t: float, now: PowerSample | None = None) -> float:
        """Average total P (kW) over the demand period ending at t."""
        end = self._cumulative(t, now)[5]
        begin = self._cumulative(t - self.demand_period_s)[5]
        return (end - begin) * SECONDS_PER_HOUR / self.demand_period_s
