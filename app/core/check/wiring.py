"""Plausibility and wiring from live values, for Chile's 220/380 V 50 Hz low-voltage network.

Judged on a few consecutive readings of one meter (the values of each, auxiliary quantities such
as frequency included). What a wrong installation looks like in the numbers:

- a reversed CT: that phase's active power has the opposite sign of the others (and of the total);
- a missing phase: its voltage is near zero while the others are present;
- CTs on the wrong phases or a wrong CT ratio: phase powers that do not add up to the total;
- a profile with the wrong scale or a meter set to MWh: energy that does not follow the power.

Voltage bands follow NTSyCS/NT de Calidad practice for low voltage: ±7.5 % is normal service,
±10 % is still tolerated (a warning), anything else is a failure. A meter on a medium-voltage
connection measures through VTs and reports primary values: those voltages fall outside the
bands and are reported as such, with a fix that says so.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.core.check.outcome import Finding, Status

PHASES = ("A", "B", "C")
NOMINAL_LN, NOMINAL_LL, NOMINAL_HZ = 220.0, 380.0, 50.0
NORMAL_BAND, TOLERATED_BAND = 0.075, 0.10
ABSENT_V = 20.0  # below this a phase carries no voltage
PHASE_SUM_TOLERANCE = 0.05
SUM_FLOOR_KW = 0.05  # below this total, the 5 % rule is lost in the meters' resolution
IMBALANCE_WARN = 0.5  # largest deviation from the mean current, as a fraction of the mean
IMBALANCE_FLOOR_A = 1.0  # a nearly idle site is always "imbalanced"
LOW_PF = 0.5
ENERGY_RATIO_LIMITS = (0.5, 2.0)  # energy increase over integrated power


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One reading's values (sensor or auxiliary quantity → value) and when it was taken."""

    at: datetime
    values: Mapping[str, float | None]


def _last(snapshots: Sequence[Snapshot], name: str) -> float | None:
    for snap in reversed(snapshots):
        value = snap.values.get(name)
        if value is not None and math.isfinite(value):
            return value
    return None


def _pct(value: float) -> str:
    return f"{value * 100:.1f} %"


def judge_wiring(snapshots: Sequence[Snapshot]) -> tuple[Finding, ...]:
    """Every plausibility finding the readings allow (none when they hold no value at all)."""
    if not snapshots:
        return ()
    findings = [
        *_voltages(snapshots),
        *_frequency(snapshots),
        *_power_factor(snapshots),
        *_phase_signs(snapshots),
        *_phase_sum(snapshots),
        *_imbalance(snapshots),
        *_energy_monotonic(snapshots),
        *_energy_against_power(snapshots),
    ]
    return tuple(findings)


def _band(value: float, nominal: float) -> Status:
    deviation = abs(value - nominal) / nominal
    if deviation <= NORMAL_BAND:
        return Status.PASS
    return Status.WARN if deviation <= TOLERATED_BAND else Status.FAIL


def _voltages(snapshots: Sequence[Snapshot]) -> list[Finding]:
    found: list[Finding] = []
    ln = {p: _last(snapshots, f"Voltaje {p}-N") for p in PHASES}
    present = {p: v for p, v in ln.items() if v is not None}
    if not present:
        single = _last(snapshots, "Voltaje F-N")
        if single is not None:
            present = {"F": single}
    absent = [p for p, v in present.items() if v < ABSENT_V]
    live = {p: v for p, v in present.items() if v >= ABSENT_V}
    for phase in absent:
        found.append(
            Finding(
                Status.FAIL,
                "wiring.phase_missing",
                f"Phase {phase} has no voltage ({present[phase]:.1f} V) while the others do.",
                f"Check phase {phase}'s voltage connection to the meter (fuse, terminal, wire).",
                {"phase": phase, "volts": f"{present[phase]:.1f}"},
            )
            if live
            else Finding(
                Status.FAIL,
                "wiring.no_voltage",
                "The meter measures no voltage on any phase.",
                "Check the meter's voltage inputs and their fuses.",
            )
        )
    for phase, volts in live.items():
        status = _band(volts, NOMINAL_LN)
        band = _pct(NORMAL_BAND if status is Status.WARN else TOLERATED_BAND)
        params = {
            "phase": phase,
            "volts": f"{volts:.1f}",
            "nominal": f"{NOMINAL_LN:g}",
            "band": band,
        }
        if status is Status.PASS:
            continue
        found.append(
            Finding(
                status,
                "wiring.voltage_out_of_band",
                f"Phase {phase} measures {volts:.1f} V, outside {NOMINAL_LN:g} V ± {band}.",
                "Check the voltage wiring (a phase-to-phase voltage on a phase input?) and the "
                "meter's VT ratio if it measures through voltage transformers.",
                params,
            )
        )
    if live and not any(f.status is not Status.PASS for f in found):
        shown = ", ".join(f"{p}: {v:.1f} V" for p, v in live.items())
        found.append(
            Finding(
                Status.PASS,
                "wiring.voltages_ok",
                f"Voltages as Chile's {NOMINAL_LN:g}/{NOMINAL_LL:g} V network ({shown}).",
                params={"voltages": shown},
            )
        )
    for pair in ("A-B", "B-C", "C-A"):
        line = _last(snapshots, f"Voltaje {pair}")
        if line is None or line < ABSENT_V or not live or absent:
            continue
        status = _band(line, NOMINAL_LL)
        if status is not Status.PASS:
            found.append(
                Finding(
                    status,
                    "wiring.line_voltage_out_of_band",
                    f"Line voltage {pair} is {line:.1f} V, outside {NOMINAL_LL:g} V ± "
                    f"{_pct(NORMAL_BAND)}.",
                    "Check the phase sequence and the voltage wiring.",
                    {
                        "pair": pair,
                        "volts": f"{line:.1f}",
                        "nominal": f"{NOMINAL_LL:g}",
                        "band": _pct(NORMAL_BAND),
                    },
                )
            )
    return found


def _frequency(snapshots: Sequence[Snapshot]) -> list[Finding]:
    hz = _last(snapshots, "frequency")
    if hz is None:
        return []
    error = abs(hz - NOMINAL_HZ)
    status = Status.PASS if error <= 0.5 else Status.WARN if error <= 1.0 else Status.FAIL
    return [
        Finding(
            status,
            "wiring.frequency" if status is Status.PASS else "wiring.frequency_off",
            f"Frequency {hz:.2f} Hz (network: {NOMINAL_HZ:g} Hz).",
            ""
            if status is Status.PASS
            else "A network frequency this far from 50 Hz is "
            "unlikely: check the profile's frequency register and its scale.",
            {"hz": f"{hz:.2f}"},
        )
    ]


def _power_factor(snapshots: Sequence[Snapshot]) -> list[Finding]:
    pf = _last(snapshots, "Factor de potencia total")
    power = _last(snapshots, "Potencia activa total instantánea")
    if pf is None:
        return []
    if abs(pf) > 1.001:
        return [
            Finding(
                Status.FAIL,
                "wiring.pf_impossible",
                f"Power factor {pf:.3f}: a power factor lies between −1 and 1.",
                "Check the profile's scale for the power factor.",
                {"pf": f"{pf:.3f}"},
            )
        ]
    if power is not None and abs(power) >= SUM_FLOOR_KW and abs(pf) < LOW_PF:
        return [
            Finding(
                Status.WARN,
                "wiring.pf_low",
                f"Power factor {pf:.2f} under load: unusually low.",
                "A CT on the wrong phase gives a low power factor: check that each CT is on the "
                "phase of its voltage input.",
                {"pf": f"{pf:.2f}"},
            )
        ]
    return [
        Finding(Status.PASS, "wiring.pf_ok", f"Power factor {pf:.2f}.", params={"pf": f"{pf:.2f}"})
    ]


def _phase_powers(snapshots: Sequence[Snapshot]) -> dict[str, float]:
    found = {p: _last(snapshots, f"Potencia activa {p} instantánea") for p in PHASES}
    return {p: v for p, v in found.items() if v is not None}


def _phase_signs(snapshots: Sequence[Snapshot]) -> list[Finding]:
    powers = {p: v for p, v in _phase_powers(snapshots).items() if abs(v) >= SUM_FLOOR_KW / 3}
    if len(powers) < 2:
        return []
    negative = [p for p, v in powers.items() if v < 0]
    if not negative:
        return []
    if len(negative) == len(powers):
        return [
            Finding(
                Status.WARN,
                "wiring.all_phases_negative",
                "Every phase's active power is negative: the site feeds the network, or every "
                "CT is mounted backwards.",
                "If the site has no generation, turn all CTs around (arrows to the load).",
            )
        ]
    return [
        Finding(
            Status.FAIL,
            "wiring.reversed_ct",
            f"Phase {p}'s active power is negative ({powers[p]:.2f} kW) while the others' is "
            "positive: its CT is mounted backwards (or its leads are swapped).",
            f"Turn phase {p}'s CT around (the arrow points to the load) or swap its S1/S2 leads.",
            {"phase": p, "kw": f"{powers[p]:.2f}"},
        )
        for p in negative
    ]


def _phase_sum(snapshots: Sequence[Snapshot]) -> list[Finding]:
    powers = _phase_powers(snapshots)
    total = _last(snapshots, "Potencia activa total instantánea")
    if total is None or len(powers) < 3:
        return []
    summed = sum(powers.values())
    scale = max(abs(total), sum(abs(v) for v in powers.values()))
    if scale < SUM_FLOOR_KW:
        return []
    off = abs(summed - total) / scale
    params = {"sum": f"{summed:.2f}", "total": f"{total:.2f}", "off": _pct(off)}
    if off <= PHASE_SUM_TOLERANCE:
        return [
            Finding(
                Status.PASS,
                "wiring.phase_sum_ok",
                f"Phase powers add up to the total ({summed:.2f} vs {total:.2f} kW).",
                params=params,
            )
        ]
    return [
        Finding(
            Status.FAIL,
            "wiring.phase_sum_off",
            f"Phase powers add up to {summed:.2f} kW but the total is {total:.2f} kW ({_pct(off)} "
            "apart, more than 5 %).",
            "Check the profile (a register or scale of another model) and that the readings "
            "come from the same meter and unit id.",
            params,
        )
    ]


def _imbalance(snapshots: Sequence[Snapshot]) -> list[Finding]:
    currents = [_last(snapshots, f"Corriente {p}") for p in PHASES]
    known = [c for c in currents if c is not None]
    if len(known) < 3:
        return []
    mean = sum(known) / 3
    if mean < IMBALANCE_FLOOR_A:
        return []
    worst = max(abs(c - mean) for c in known) / mean
    if worst <= IMBALANCE_WARN:
        return []
    shown = ", ".join(f"{p}: {c:.1f} A" for p, c in zip(PHASES, known, strict=True))
    return [
        Finding(
            Status.WARN,
            "wiring.current_imbalance",
            f"Currents are unbalanced by {_pct(worst)} ({shown}).",
            "Unbalance may be the load's; if not, check the CT ratios and that no CT is shorted.",
            {"imbalance": _pct(worst), "currents": shown},
        )
    ]


def _energy_names(snapshots: Sequence[Snapshot]) -> list[str]:
    names = {n for s in snapshots for n in s.values if n.startswith("Energía")}
    return sorted(names)


def _energy_monotonic(snapshots: Sequence[Snapshot]) -> list[Finding]:
    found: list[Finding] = []
    for name in _energy_names(snapshots):
        series = [v for s in snapshots if (v := s.values.get(name)) is not None]
        drops = [(a, b) for a, b in itertools.pairwise(series) if b < a]
        if drops:
            before, after = drops[0]
            found.append(
                Finding(
                    Status.FAIL,
                    "wiring.energy_went_down",
                    f'"{name}" went down from {before:g} to {after:g} kWh: an energy counter '
                    "only grows.",
                    "Check the profile's type and word order for this counter (a swapped word "
                    "order makes a counter jump), and that the unit id reaches one meter only.",
                    {"sensor": name, "before": f"{before:g}", "after": f"{after:g}"},
                )
            )
    return found


def _energy_against_power(snapshots: Sequence[Snapshot]) -> list[Finding]:
    """Over a long enough observation, the energy counter must follow the integrated power."""
    name, power = "Energía activa acumulada", "Potencia activa total instantánea"
    points = [
        (s.at, s.values.get(name), s.values.get(power))
        for s in snapshots
        if s.values.get(name) is not None and s.values.get(power) is not None
    ]
    if len(points) < 2:
        return []
    integrated = 0.0  # kWh, by the trapezoid rule
    for (t0, _, p0), (t1, _, p1) in itertools.pairwise(points):
        hours = (t1 - t0).total_seconds() / 3600
        integrated += ((p0 or 0.0) + (p1 or 0.0)) / 2 * hours
    counted = (points[-1][1] or 0.0) - (points[0][1] or 0.0)
    # A counter's resolution is 0.01 kWh at best: judge only when the power should have moved
    # it by a hundred steps, else the observation was too short to tell.
    if abs(integrated) < 1.0:
        return []
    ratio = counted / integrated
    low, high = ENERGY_RATIO_LIMITS
    params = {
        "counted": f"{counted:.2f}",
        "integrated": f"{integrated:.2f}",
        "ratio": f"{ratio:.2f}",
    }
    if low <= ratio <= high:
        return [
            Finding(
                Status.PASS,
                "wiring.energy_follows_power",
                f"The energy counter grew {counted:.2f} kWh; the power integrates to "
                f"{integrated:.2f} kWh.",
                params=params,
            )
        ]
    return [
        Finding(
            Status.FAIL,
            "wiring.energy_scale",
            f"The energy counter grew {counted:.2f} kWh while the power integrates to "
            f"{integrated:.2f} kWh (×{ratio:.2f}): the scale is wrong (a meter set to MWh, or "
            "the profile's multiplier).",
            "Check the meter's energy unit setting and the profile's scale for energy.",
            params,
        )
    ]
