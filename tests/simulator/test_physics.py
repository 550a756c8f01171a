"""The physical model: sums, phasors, power factor, energy integration, demand, plausibility."""

from __future__ import annotations

import itertools
import math

import pytest

from app.simulator import Faults, LoadSpec, Phase, PhaseDemand, SimClock, SimulatedMeter
from tests.fixtures.simulator import FIXED_TIME
from tests.simulator import sample_profiles

DAY = 86_400.0


def meter(load: LoadSpec | None = None, seed: int = 1, **kw: object) -> SimulatedMeter:
    clock = SimClock(frozen_at=FIXED_TIME)
    return SimulatedMeter(sample_profiles.siemens_pac3200(), seed, clock, load=load, **kw)  # type: ignore[arg-type]


def test_totals_are_sums_of_phases_and_pf_is_p_over_s() -> None:
    m = meter()
    for step in range(0, int(DAY), 3607):
        s = m.snapshot(FIXED_TIME + step)
        a, b, c = s.phases
        assert a.p + b.p + c.p == s.p_total
        assert a.q + b.q + c.q == s.q_total
        assert s.s_total == pytest.approx(sum(p.s for p in s.phases))
        assert s.pf_total == pytest.approx(s.p_total / s.s_total)
        for ph in s.phases:  # per phase: S = V I
            assert ph.s * 1000 == pytest.approx(ph.voltage * ph.current)


def test_line_voltages_follow_the_phasors() -> None:
    s = meter().snapshot()
    va, vb, vc = (p.voltage for p in s.phases)
    # 120° apart: |Va - Vb|² = Va² + Vb² + Va·Vb (law of cosines)
    for (x, y), vll in zip(((va, vb), (vb, vc), (vc, va)), s.line_voltages, strict=True):
        assert vll == pytest.approx(math.sqrt(x * x + y * y + x * y))
        assert vll == pytest.approx(math.sqrt(3) * (x + y) / 2, rel=2e-3)
        assert 370 < vll < 392


def test_neutral_current_is_the_phasor_sum() -> None:
    balanced = LoadSpec.steady((5.0, 5.0, 5.0), pf=0.9)
    m = meter(balanced)
    s = m.snapshot()
    currents = [p.current for p in s.phases]
    assert s.neutral_current < 0.02 * max(currents)  # only voltage imbalance leaves a residue
    m.set_faults(missing_phases={"C"})
    s = m.snapshot()
    a, b = s.phases[0].current, s.phases[1].current
    # two currents 120° apart (same power factor): |Ia + Ib|² = Ia² + Ib² - Ia·Ib
    assert s.neutral_current == pytest.approx(math.sqrt(a * a + b * b - a * b), rel=1e-9)


def test_energy_integrates_power_over_time() -> None:
    m = meter(LoadSpec.steady((3.0, 3.0, 4.0), pf=0.8))
    before = m.snapshot().energy
    m.clock.step(3600)
    after = m.snapshot().energy
    assert after.active_total - before.active_total == pytest.approx(10.0, abs=1e-9)
    assert after.active[2] - before.active[2] == pytest.approx(4.0, abs=1e-9)
    assert after.reactive_total - before.reactive_total == pytest.approx(7.5, abs=1e-9)  # tan φ


def test_energy_with_a_daily_shape_matches_a_numerical_integral() -> None:
    m = meter(seed=5)
    start = m.snapshot().energy.active_total
    p = [m.snapshot(FIXED_TIME + i).p_total for i in range(0, 7201, 10)]
    integral_kwh = sum((x + y) / 2 * 10 for x, y in itertools.pairwise(p)) / 3600
    m.clock.step(7200)
    gained = m.snapshot().energy.active_total - start
    assert gained == pytest.approx(integral_kwh, rel=2e-3)


def test_counters_depend_on_time_not_on_how_often_they_are_read() -> None:
    often, once = meter(seed=3), meter(seed=3)
    for _ in range(50):
        often.clock.step(97)
        often.snapshot()
    once.clock.step(50 * 97)
    assert often.snapshot().energy == once.snapshot().energy
    often.clock.step(-2000)  # time going back: the same counters as at that time
    assert often.snapshot().energy == once.snapshot(once.clock.now() - 2000).energy


def test_demand_is_the_sliding_average_of_total_power() -> None:
    m = meter(LoadSpec.steady((4.0, 3.0, 3.0)))
    assert m.snapshot().demand == pytest.approx(10.0)
    m.set_load(LoadSpec.steady((8.0, 6.0, 6.0)))
    m.clock.step(450)  # half the 15-minute period at 20 kW
    assert m.snapshot().demand == pytest.approx(15.0, rel=0.02)
    m.clock.step(450)
    assert m.snapshot().demand == pytest.approx(20.0)


def test_values_are_plausible_over_a_day_and_move_slowly() -> None:
    m = meter(seed=9)
    snaps = [m.snapshot(FIXED_TIME + i * 600) for i in range(144)]
    totals = [s.p_total for s in snaps]
    assert max(totals) > 1.8 * min(totals) > 0  # a daily shape, not a flat line
    for s in snaps:
        assert 49.9 < s.frequency < 50.1
        assert 8 < s.temperature < 45
        for ph in s.phases:
            assert 215 < ph.voltage < 225
            assert 1 <= ph.thd_v <= 4
            assert 5 <= ph.thd_i <= 30
            assert 0.8 < ph.pf <= 1
    energies = [s.energy.active_total for s in snaps]
    assert energies == sorted(energies)
    second = [m.snapshot(FIXED_TIME + i).p_total for i in range(60)]
    assert max(abs(b - a) / a for a, b in itertools.pairwise(second)) < 0.02


def test_same_seed_same_values_other_seed_other_values() -> None:
    a, b, c = meter(seed=4), meter(seed=4), meter(seed=5)
    assert a.expected_values() == b.expected_values()
    assert a.expected_values() != c.expected_values()


def test_a_leading_load_has_negative_reactive_power() -> None:
    leading = LoadSpec(phases=(PhaseDemand(5, 0.9, leading=True),) * 3, daily_shape=False, noise=0)
    s = meter(leading).snapshot()
    assert s.q_total < 0
    assert s.pf_total == pytest.approx(0.9)


def test_a_missing_phase_reads_zero_not_unavailable() -> None:
    m = meter(faults=Faults(missing_phases={Phase.A}))
    values = m.expected_values()
    assert values["Voltaje A-N"] == 0.0
    assert values["Corriente A"] == 0.0
    assert values["Potencia activa A instantánea"] == 0.0
    assert values["Voltaje A-B"] == pytest.approx(values["Voltaje B-N"], rel=1e-6)  # |0 - Vb|
