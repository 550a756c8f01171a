"""The read planner: optimal against brute force, the cap, missing registers, gaps."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.meter.bus_time import BusTiming
from app.core.meter.planner import MODBUS_MAX_REGISTERS, ReadPlan, plan_reads
from app.core.meter.profile import DataType, DeviceLimits, Function, RegisterSource, SensorMapping

TIMINGS = [
    BusTiming.rtu(9600),
    BusTiming.rtu(2400, "E"),
    BusTiming.rtu(115200, pause_s=0.05),
    BusTiming.tcp(0.005),
    BusTiming.rtu_over_tcp(19200, 0.02),
]
TYPES = [DataType.U16, DataType.I32, DataType.F32, DataType.F64]


def mapping(name: str, address: int, dtype: DataType = DataType.U16, fn: int = 4) -> SensorMapping:
    return SensorMapping(name, (RegisterSource(Function(fn), address, dtype),))


def spans_of(values: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Independent span computation for the oracle: merge overlapping [start, end)."""
    merged: list[list[int]] = []
    for start, end in sorted(values):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def brute_force_cost(
    spans: list[tuple[int, int]],
    cap: int,
    timing: BusTiming,
    unreadable: set[int],
    through_gaps: bool,
) -> float:
    best = math.inf
    n = len(spans)
    for cuts in itertools.product([False, True], repeat=n - 1):
        groups: list[list[tuple[int, int]]] = [[spans[0]]]
        for cut, span in zip(cuts, spans[1:], strict=True):
            if cut:
                groups.append([span])
            else:
                groups[-1].append(span)
        cost = 0.0
        for g in groups:
            start, end = g[0][0], g[-1][1]
            gap_regs = {a for x, y in itertools.pairwise(g) for a in range(x[1], y[0])}
            if end - start > cap or gap_regs & unreadable or (gap_regs and not through_gaps):
                cost = math.inf
                break
            cost += timing.request_s(end - start)
        best = min(best, cost)
    return best


value_sets = st.lists(st.tuples(st.integers(0, 60), st.sampled_from(TYPES)), min_size=1, max_size=9)


@settings(max_examples=300, deadline=None)
@given(
    values=value_sets,
    cap=st.integers(4, 40),
    timing=st.sampled_from(TIMINGS),
    unreadable=st.sets(st.integers(0, 64), max_size=6),
    through_gaps=st.booleans(),
)
def test_plan_is_optimal_and_valid(
    values: list[tuple[int, DataType]],
    cap: int,
    timing: BusTiming,
    unreadable: set[int],
    through_gaps: bool,
) -> None:
    mappings = [mapping(f"s{i}", a, t) for i, (a, t) in enumerate(values)]
    limits = DeviceLimits(max_registers_per_request=cap, reads_through_gaps=through_gaps)
    keys = {(Function.INPUT, a) for a in unreadable}
    usable = [(a, a + t.words) for a, t in values if not set(range(a, a + t.words)) & unreadable]
    if any(end - start > cap for start, end in spans_of(usable)):
        with pytest.raises(ValueError, match="overlap"):
            plan_reads(1, mappings, limits, timing, unreadable=keys)
        return
    plan = plan_reads(1, mappings, limits, timing, unreadable=keys)

    skipped = {
        f"s{i}" for i, (a, t) in enumerate(values) if set(range(a, a + t.words)) & unreadable
    }
    assert set(plan.skipped) == skipped
    if not usable:
        assert plan.blocks == ()
        return
    expected = brute_force_cost(spans_of(usable), cap, timing, unreadable, through_gaps)
    assert math.isclose(plan.modelled_s, expected, rel_tol=1e-9)
    _assert_valid(plan, cap, unreadable, through_gaps, usable)


def _assert_valid(
    plan: ReadPlan,
    cap: int,
    unreadable: set[int],
    through_gaps: bool,
    usable: list[tuple[int, int]],
) -> None:
    covered: list[tuple[int, int]] = []
    for block in plan.blocks:
        assert 1 <= block.count <= cap
        read = set(range(block.start, block.end))
        assert not read & unreadable
        if not through_gaps:
            assert block.gaps == ()
        for v in block.values:
            assert block.start <= v.source.address
            assert v.source.end <= block.end
            covered.append((v.source.address, v.source.end))
    assert sorted(set(covered)) == sorted(set(usable))


def test_cap_never_exceeds_modbus_limit_even_if_profile_says_more() -> None:
    mappings = [mapping(f"s{a}", a, DataType.F32) for a in range(0, 400, 2)]
    limits = DeviceLimits(max_registers_per_request=500)
    plan = plan_reads(1, mappings, limits, BusTiming.rtu(9600))
    assert max(b.count for b in plan.blocks) <= MODBUS_MAX_REGISTERS
    assert plan.requests == 4  # 400 contiguous registers need ceil(400 / 125) requests


def test_small_gap_is_read_through_and_large_gap_is_not_on_rtu() -> None:
    timing = BusTiming.rtu(9600)
    worth = int(timing.overhead_s / timing.register_s)  # registers one request costs
    small = [mapping("a", 0), mapping("b", 1 + worth - 1)]
    large = [mapping("a", 0), mapping("b", 1 + worth + 1)]
    assert plan_reads(1, small, DeviceLimits(), timing).requests == 1
    assert plan_reads(1, large, DeviceLimits(), timing).requests == 2
    merged = plan_reads(1, small, DeviceLimits(), timing).blocks[0]
    assert merged.gaps == ((1, worth - 1),)
    assert merged.sensors == ("a", "b")


def test_tcp_reads_through_any_gap_that_fits() -> None:
    values = [mapping("a", 0), mapping("b", 120)]
    assert plan_reads(1, values, DeviceLimits(), BusTiming.tcp()).requests == 1


def test_device_that_does_not_read_through_gaps_gets_contiguous_blocks() -> None:
    values = [mapping("a", 0, DataType.F32), mapping("b", 2, DataType.F32), mapping("c", 5)]
    limits = DeviceLimits(reads_through_gaps=False)
    plan = plan_reads(1, values, limits, BusTiming.tcp())
    assert [(b.start, b.count) for b in plan.blocks] == [(0, 4), (5, 1)]


def test_missing_registers_skip_their_sensors_and_split_the_block() -> None:
    values = [mapping("a", 0), mapping("b", 2), mapping("c", 4)]
    unreadable = {(Function.INPUT, 2)}
    plan = plan_reads(1, values, DeviceLimits(), BusTiming.tcp(), unreadable=unreadable)
    assert plan.skipped == {"b": ((Function.INPUT, 2),)}
    assert [(b.start, b.count) for b in plan.blocks] == [(0, 1), (4, 1)]


def test_functions_are_planned_separately_and_shared_registers_once() -> None:
    values = [
        mapping("a", 0, fn=3),
        mapping("b", 0, fn=4),
        SensorMapping("sum", (RegisterSource(Function.INPUT, 0, DataType.U16),) * 2),
    ]
    plan = plan_reads(7, values, DeviceLimits(), BusTiming.tcp())
    assert [(b.unit, b.function, b.start, b.count) for b in plan.blocks] == [
        (7, Function.HOLDING, 0, 1),
        (7, Function.INPUT, 0, 1),
    ]
    assert plan.blocks[1].sensors == ("b", "sum")


def test_one_value_per_request_when_not_merging() -> None:
    values = [mapping(f"s{a}", a, DataType.F32) for a in range(0, 20, 2)]
    plan = plan_reads(1, values, DeviceLimits(), BusTiming.rtu(9600), merge=False)
    assert plan.requests == 10
    optimal = plan_reads(1, values, DeviceLimits(), BusTiming.rtu(9600))
    assert optimal.requests == 1
    assert optimal.modelled_s < plan.modelled_s


def test_pause_counts_per_request() -> None:
    values = [mapping("a", 0), mapping("b", 100)]
    fast = plan_reads(1, values, DeviceLimits(), BusTiming.rtu(9600))
    paused = plan_reads(1, values, DeviceLimits(), BusTiming.rtu(9600, pause_s=0.2))
    assert fast.requests == 2
    assert paused.requests == 1
