"""Three-phase physics with phasors: what a meter measures on each phase, and across phases.

Positive sequence A-B-C: phase voltages at 0°, -120°, +120°. A load draws P and Q on a phase; its
current lags the voltage by φ = atan2(Q, P). A reversed CT presents the negated current phasor to
the meter (so it measures -P and -Q); a missing phase measures no voltage and no current.
"""

from __future__ import annotations

import cmath
import math
from dataclasses import dataclass
from enum import StrEnum


class Phase(StrEnum):
    A = "A"
    B = "B"
    C = "C"


PHASES: tuple[Phase, Phase, Phase] = (Phase.A, Phase.B, Phase.C)
VOLTAGE_ANGLES = (0.0, -2.0 * math.pi / 3.0, 2.0 * math.pi / 3.0)


@dataclass(frozen=True, slots=True)
class PhaseLoad:
    """What the load draws on one phase, before the meter's wiring gets in the way."""

    p_kw: float
    q_kvar: float
    thd_v: float  # %
    thd_i: float  # %


@dataclass(frozen=True, slots=True)
class PhaseReading:
    """What the meter measures on one phase."""

    voltage: float  # V, line to neutral
    voltage_angle: float  # rad
    current: float  # A
    current_angle: float  # rad
    p: float  # kW, as measured (negative with a reversed CT)
    q: float  # kVAR
    thd_v: float  # %
    thd_i: float  # %

    @property
    def s(self) -> float:
        """Apparent power, kVA."""
        return math.hypot(self.p, self.q)

    @property
    def pf(self) -> float:
        """P / S, signed like P (IEC); 0 without load."""
        s = self.s
        return self.p / s if s > 0 else 0.0

    @property
    def voltage_phasor(self) -> complex:
        return cmath.rect(self.voltage, self.voltage_angle)

    @property
    def current_phasor(self) -> complex:
        return cmath.rect(self.current, self.current_angle)


def measure_phase(
    voltage: float, angle: float, load: PhaseLoad, *, reversed_ct: bool, missing: bool
) -> PhaseReading:
    """The meter's view of one phase: the load through (possibly wrong) wiring."""
    if missing or voltage <= 0:
        return PhaseReading(0.0, angle, 0.0, angle, 0.0, 0.0, 0.0, 0.0)
    s_kva = math.hypot(load.p_kw, load.q_kvar)
    current = s_kva * 1000.0 / voltage
    current_angle = angle - math.atan2(load.q_kvar, load.p_kw)
    p, q = load.p_kw, load.q_kvar
    if reversed_ct:
        current_angle += math.pi
        p, q = -p, -q
    return PhaseReading(voltage, angle, current, current_angle, p, q, load.thd_v, load.thd_i)


def line_voltages(phases: tuple[PhaseReading, ...]) -> tuple[float, float, float]:
    """|Va - Vb|, |Vb - Vc|, |Vc - Va| from the phasors (√3 × 220 ≈ 381 V when balanced)."""
    a, b, c = (p.voltage_phasor for p in phases)
    return abs(a - b), abs(b - c), abs(c - a)


def neutral_current(phases: tuple[PhaseReading, ...]) -> float:
    """The phasor sum of the measured phase currents, as meters without a neutral CT compute it."""
    return abs(sum((p.current_phasor for p in phases), 0j))
