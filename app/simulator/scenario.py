"""Scenario files (TOML) for `medido meter-sim --scenario FILE`: which meters sit on the bus,
what load they see, and which faults they have. See app/simulator/scenarios/ for examples.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.core.meter.profile import Function, MeterProfile, WordOrder
from app.simulator.clock import SimClock
from app.simulator.errors import SimulatorError
from app.simulator.faults import EXCEPTION_CODES, Faults, RegisterFault
from app.simulator.load import LoadSpec, PhaseDemand
from app.simulator.meter import DEFAULT_TIMEZONE, SimulatedMeter
from app.simulator.phases import Phase
from app.simulator.scenario_fields import Table

SCENARIO_UNREADABLE = "sim.scenario_unreadable"
TOO_DEEP = "arrays or tables nested far too deeply; a scenario needs only a few levels"
_TOP = {"timezone", "gateway", "meter"}
_METER = {"unit", "profile", "seed", "timezone", "load", "faults"}
_LOAD = {"kw", "pf", "leading", "daily_shape", "noise", "voltage", "frequency", "demand_period_s"}
_FAULTS = {"reversed_ct", "missing_phases", "clock_offset_s", "word_order", "not_available"}
_FAULTS |= {"delay_ms", "drop_every", "drop_probability", "min_pause_ms", "register"}
_REGISTER = {"function", "address", "count", "code"}


@dataclass(frozen=True, slots=True)
class MeterSetup:
    unit: int
    profile: str  # a profile id, or a path to a profile file (relative to the scenario)
    seed: int
    timezone: str
    load: LoadSpec
    faults: Faults = field(default_factory=Faults)


@dataclass(frozen=True, slots=True)
class Scenario:
    meters: tuple[MeterSetup, ...]
    gateway: bool = False
    source: Path | None = None

    def build(
        self, resolve: Callable[[str], MeterProfile], clock: SimClock | None = None
    ) -> dict[int, SimulatedMeter]:
        """The meters, on one shared clock. `resolve` turns a profile reference into a profile."""
        clock = clock or SimClock()
        return {
            m.unit: SimulatedMeter(resolve(m.profile), m.seed, clock, m.faults, m.timezone, m.load)
            for m in self.meters
        }


def _timezone(table: Table, default: str) -> str:
    name = table.text("timezone", default)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        table.fail(
            "timezone", f"unknown time zone {name!r}; use an IANA name like {DEFAULT_TIMEZONE}"
        )
    return name


def _load(t: Table) -> LoadSpec:
    base = LoadSpec()
    kw = t.numbers3("kw", (base.phases[0].kw, base.phases[1].kw, base.phases[2].kw))
    pf = t.numbers3("pf", (base.phases[0].pf, base.phases[1].pf, base.phases[2].pf))
    leading = t.flags3("leading", False)
    if any(not 0 < x <= 1 for x in pf):
        t.fail("pf", f"power factors must be in (0, 1], got {list(pf)}")
    if any(x < 0 for x in kw):
        t.fail("kw", f"loads must not be negative, got {list(kw)}")
    phases = (
        PhaseDemand(kw[0], pf[0], leading[0]),
        PhaseDemand(kw[1], pf[1], leading[1]),
        PhaseDemand(kw[2], pf[2], leading[2]),
    )
    return LoadSpec(
        phases=phases,
        daily_shape=t.flag("daily_shape", base.daily_shape),
        noise=t.number("noise", base.noise, low=0, high=0.5),
        voltage_ln=t.number("voltage", base.voltage_ln, low=50, high=500),
        frequency_hz=t.number("frequency", base.frequency_hz, low=40, high=70),
        demand_period_s=t.number("demand_period_s", base.demand_period_s, low=60, high=3600),
    )


def _faults(t: Table) -> Faults:
    phases = {"A", "B", "C"}
    for key in ("reversed_ct", "missing_phases"):
        if bad := [p for p in t.texts(key) if p.upper() not in phases]:
            t.fail(key, f"unknown phase {bad[0]!r}; use A, B or C")
    order = None
    if t.has("word_order"):
        order_text = t.text("word_order")
        if order_text not in {o.value for o in WordOrder}:
            t.fail("word_order", f"{order_text!r} is not one of ABCD, CDAB, BADC, DCBA")
        order = WordOrder(order_text)
    registers = []
    for r in t.tables("register", _REGISTER):
        code = r.integer("code", 4, low=1, high=0x0B)
        if code not in EXCEPTION_CODES:
            r.fail("code", f"{code} is not a Modbus exception code (2 and 4 are the usual ones)")
        function = r.integer("function", low=3, high=4)
        registers.append(
            RegisterFault(
                Function(function),
                r.integer("address", high=0xFFFF),
                r.integer("count", 1, low=1, high=125),
                code,
            )
        )
    return Faults(
        reversed_ct={Phase(p.upper()) for p in t.texts("reversed_ct")},
        missing_phases={Phase(p.upper()) for p in t.texts("missing_phases")},
        clock_offset_s=t.number("clock_offset_s", 0.0),
        word_order=order,
        register_faults=registers,
        not_available=set(t.texts("not_available")),
        delay_ms=t.number("delay_ms", 0.0, low=0, high=60_000),
        drop_every=t.integer("drop_every", 0),
        drop_probability=t.number("drop_probability", 0.0, low=0, high=1),
        min_pause_ms=t.number("min_pause_ms", 0.0, low=0, high=10_000),
    )


def parse_scenario(data: dict[str, object], file: str) -> Scenario:
    top = Table(data, file, "", _TOP)
    default_tz = _timezone(top, DEFAULT_TIMEZONE)
    meters = []
    units: set[int] = set()
    for m in top.tables("meter", _METER):
        unit = m.integer("unit", low=1, high=247)
        if unit in units:
            m.fail("unit", f"unit {unit} is used by another meter; each needs its own unit id")
        units.add(unit)
        meters.append(
            MeterSetup(
                unit=unit,
                profile=m.text("profile"),
                seed=m.integer("seed", unit),
                timezone=_timezone(m, default_tz),
                load=_load(m.table("load", _LOAD)),
                faults=_faults(m.table("faults", _FAULTS)),
            )
        )
    if not meters:
        top.fail("meter", "no meters; add at least one [[meter]] with a unit and a profile")
    return Scenario(tuple(meters), top.flag("gateway", False))


def load_scenario(path: Path) -> Scenario:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SimulatorError(
            SCENARIO_UNREADABLE, f"{path}: cannot read the scenario ({exc.strerror})"
        ) from exc
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SimulatorError(SCENARIO_UNREADABLE, f"{path}: not valid TOML: {exc}") from exc
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise SimulatorError(SCENARIO_UNREADABLE, f"{path}: {TOO_DEEP}") from None
    try:
        scenario = parse_scenario(data, path.name)
    except RecursionError:  # nesting tomllib took, but too deep to describe in a message
        raise SimulatorError(SCENARIO_UNREADABLE, f"{path}: {TOO_DEEP}") from None
    return Scenario(scenario.meters, scenario.gateway, path)
