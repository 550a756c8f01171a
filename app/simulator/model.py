"""The physical model of a three-phase 220/380 V 50 Hz installation, as one meter measures it.

`PhysicalModel.snapshot(t)` is a pure function of the seed, the load spec, the wiring faults and
time (plus the energy history, integrated on a fixed grid): voltages wander around 220 V, the load
follows a daily shape in local time, totals are exact sums of phases.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from app.simulator.energy import Counters, EnergyIntegrator, PowerSample
from app.simulator.faults import Faults
from app.simulator.load import LoadSpec, daily_shape
from app.simulator.noise import Wobble
from app.simulator.phases import (
    PHASES,
    VOLTAGE_ANGLES,
    PhaseLoad,
    PhaseReading,
    line_voltages,
    measure_phase,
    neutral_current,
)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the meter measures at one instant."""

    t: float
    frequency: float
    phases: tuple[PhaseReading, PhaseReading, PhaseReading]
    line_voltages: tuple[float, float, float]  # AB, BC, CA
    neutral_current: float
    temperature: float
    energy: Counters
    demand: float  # kW, average total P over the demand period

    @property
    def p_total(self) -> float:
        return self.phases[0].p + self.phases[1].p + self.phases[2].p

    @property
    def q_total(self) -> float:
        return self.phases[0].q + self.phases[1].q + self.phases[2].q

    @property
    def s_total(self) -> float:
        """Arithmetic apparent power (the sum of the phases' S), as most meters compute it: a
        reversed CT then shows as a low total power factor, the symptom installers look for."""
        return self.phases[0].s + self.phases[1].s + self.phases[2].s

    @property
    def pf_total(self) -> float:
        """P / S, signed like P; 0 without load."""
        s = self.s_total
        return self.p_total / s if s > 0 else 0.0

    @property
    def voltage_ln_average(self) -> float:
        return sum(p.voltage for p in self.phases) / 3.0


class PhysicalModel:
    def __init__(
        self,
        load: LoadSpec,
        seed: int,
        timezone: ZoneInfo,
        start: float,
        faults: Callable[[], Faults],
    ) -> None:
        self.load = load
        self.seed = seed
        self.timezone = timezone
        self._faults = faults
        self._volt = [Wobble(seed, f"volt/{ph}", 900.0, 4.0) for ph in PHASES]
        self._kw = [Wobble(seed, f"kw/{ph}", 120.0, 3.0) for ph in PHASES]
        self._pf = [Wobble(seed, f"pf/{ph}", 600.0, 10.0) for ph in PHASES]
        self._thd_v = [Wobble(seed, f"thdv/{ph}", 1800.0, 20.0) for ph in PHASES]
        self._thd_i = [Wobble(seed, f"thdi/{ph}", 600.0, 15.0) for ph in PHASES]
        self._freq = Wobble(seed, "freq", 60.0, 5.0)
        self._temp = Wobble(seed, "temp", 1800.0, 60.0)
        self.energy = EnergyIntegrator(
            self._power, start, _initial_counters(seed, load), load.demand_period_s
        )

    def _local_hour(self, t: float) -> float:
        dt = datetime.fromtimestamp(t, self.timezone)
        return dt.hour + dt.minute / 60.0 + dt.second / 3600.0

    def _loads(self, t: float) -> tuple[tuple[PhaseLoad, ...], float]:
        spec = self.load
        shape = daily_shape(self._local_hour(t)) if spec.daily_shape else 1.0
        loads = []
        for i, demand in enumerate(spec.phases):
            p = max(0.0, demand.kw * shape * (1.0 + spec.noise * self._kw[i](t)))
            pf = min(1.0, max(0.05, demand.pf + spec.noise * 0.3 * self._pf[i](t)))
            q = p * math.tan(math.acos(pf)) * (-1.0 if demand.leading else 1.0)
            light = 1.0 - min(shape, 1.0)  # non-linear loads dominate at night: higher THD
            thd_i = min(30.0, max(5.0, 9.0 + 16.0 * light + 3.0 * self._thd_i[i](t)))
            thd_v = 2.5 + 1.2 * self._thd_v[i](t)
            loads.append(PhaseLoad(p, q, thd_v, thd_i))
        return tuple(loads), shape

    def _measure(self, t: float) -> tuple[tuple[PhaseReading, PhaseReading, PhaseReading], float]:
        """The phase readings through the meter's wiring, and the load's daily-shape factor."""
        faults = self._faults()
        loads, shape = self._loads(t)
        readings = []
        for i, ph in enumerate(PHASES):
            voltage = self.load.voltage_ln * (1.0 + 0.012 * self._volt[i](t))
            readings.append(
                measure_phase(
                    voltage,
                    VOLTAGE_ANGLES[i],
                    loads[i],
                    reversed_ct=ph in faults.reversed_ct,
                    missing=ph in faults.missing_phases,
                )
            )
        return (readings[0], readings[1], readings[2]), shape

    def _power(self, t: float) -> PowerSample:
        (a, b, c), _ = self._measure(t)
        return PowerSample((a.p, b.p, c.p), a.q + b.q + c.q)

    def snapshot(self, t: float) -> Snapshot:
        phases, shape = self._measure(t)
        hour = self._local_hour(t)
        ambient = 17.0 + 5.0 * math.cos(2.0 * math.pi * (hour - 15.0) / 24.0)
        return Snapshot(
            t=t,
            frequency=self.load.frequency_hz + 0.04 * self._freq(t),
            phases=phases,
            line_voltages=line_voltages(phases),
            neutral_current=neutral_current(phases),
            temperature=ambient + 12.0 * shape + 0.3 * self._temp(t),
            energy=self.energy.counters(t),
            demand=self.energy.demand(t),
        )


def _initial_counters(seed: int, load: LoadSpec) -> Counters:
    """A plausible meter that has been in service for a while (a few years at this load)."""
    rng = random.Random(seed)  # noqa: S311 - a simulation, not security
    total = rng.uniform(8_000.0, 150_000.0)
    weights = [max(p.kw, 0.1) for p in load.phases]
    shares = [w / sum(weights) for w in weights]
    active = (total * shares[0], total * shares[1], total * shares[2])
    return Counters(active, sum(active), total * rng.uniform(0.25, 0.45))
