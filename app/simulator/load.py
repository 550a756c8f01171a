"""What the simulated installation consumes: per-phase load, power factor, and how it varies.

`kw` is the load at the daily shape's peak (early evening); with `daily_shape=False` and
`noise=0` the load is exactly constant, which is what energy tests want.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class PhaseDemand:
    """The nominal load on one phase."""

    kw: float
    pf: float = 0.92  # displacement power factor, 0 < pf <= 1
    leading: bool = False  # capacitive: Q < 0

    def __post_init__(self) -> None:
        if not 0.0 < self.pf <= 1.0:
            raise ValueError(f"power factor must be in (0, 1], got {self.pf}")
        if self.kw < 0:
            raise ValueError(f"load must not be negative, got {self.kw} kW")


def _default_phases() -> tuple[PhaseDemand, PhaseDemand, PhaseDemand]:
    return (PhaseDemand(6.0, 0.93), PhaseDemand(5.2, 0.90), PhaseDemand(6.8, 0.95))


@dataclass(frozen=True, slots=True)
class LoadSpec:
    phases: tuple[PhaseDemand, PhaseDemand, PhaseDemand] = field(default_factory=_default_phases)
    daily_shape: bool = True
    noise: float = 0.03  # relative amplitude of load and power-factor wander (0 = steady)
    voltage_ln: float = 220.0  # Chile: 220 V phase to neutral, 380 V between phases
    frequency_hz: float = 50.0
    demand_period_s: float = 900.0

    @classmethod
    def steady(cls, kw: tuple[float, float, float], pf: float = 1.0) -> LoadSpec:
        """A constant load: no daily shape, no noise (voltage and THD still wander)."""
        phases = (PhaseDemand(kw[0], pf), PhaseDemand(kw[1], pf), PhaseDemand(kw[2], pf))
        return cls(phases=phases, daily_shape=False, noise=0.0)


def _bump(hour: float, centre: float, width: float) -> float:
    d = (hour - centre + 12.0) % 24.0 - 12.0  # wraps around midnight
    return math.exp(-0.5 * (d / width) ** 2)


def daily_shape(hour: float) -> float:
    """Fraction of the peak load at a local hour: a night base, a working day, an evening peak."""
    return min(1.0, 0.38 + 0.42 * _bump(hour, 13.0, 4.0) + 0.55 * _bump(hour, 20.0, 1.8))
