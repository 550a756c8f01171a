"""The read planner: which register blocks to request so that a poll takes the least bus time.

Values (one `RegisterSource` each) are grouped by function and sorted. Overlapping values form
atomic spans that must be read in one request. A dynamic programme over the sorted spans then
chooses where to cut: reading through a gap costs two bytes per register, a new request costs
the link's per-request overhead (see `bus_time`). Blocks never exceed the device's cap (never
more than 125), never cross a register known to be unreadable, and never include a gap on
devices that refuse to read unmapped registers.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from app.core.meter.bus_time import BusTiming

if TYPE_CHECKING:  # annotations only (and the lazy `type` below): profile is a big module
    from app.core.meter.profile import DeviceLimits, Function, RegisterSource, SensorMapping

MODBUS_MAX_REGISTERS = 125

type RegisterKey = tuple[Function, int]  # (function, 0-based address) within one unit


@dataclass(frozen=True, slots=True)
class PlannedValue:
    """One register value and the sensors it feeds."""

    source: RegisterSource
    sensors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReadBlock:
    """One read request."""

    unit: int
    function: Function
    start: int
    count: int
    values: tuple[PlannedValue, ...]
    gaps: tuple[tuple[int, int], ...] = ()  # (start, count) of registers read but not used

    @property
    def end(self) -> int:
        return self.start + self.count

    @property
    def sensors(self) -> tuple[str, ...]:
        """The sensors this block serves, each once, in register order."""
        return tuple(dict.fromkeys(s for v in self.values for s in v.sensors))


@dataclass(frozen=True, slots=True)
class ReadPlan:
    """The requests of one poll, with their modelled bus time."""

    blocks: tuple[ReadBlock, ...]
    timing: BusTiming
    # Sensors left out because a register they need is known to be missing: sensor -> registers.
    skipped: dict[str, tuple[RegisterKey, ...]] = field(default_factory=dict)

    @property
    def requests(self) -> int:
        return len(self.blocks)

    @property
    def modelled_s(self) -> float:
        return sum(self.timing.request_s(b.count) for b in self.blocks)

    @property
    def registers(self) -> int:
        return sum(b.count for b in self.blocks)


@dataclass(frozen=True, slots=True)
class Span:
    """Values that overlap: they can only be read together."""

    start: int
    end: int
    values: tuple[PlannedValue, ...]


def plan_reads(
    unit: int,
    mappings: Iterable[SensorMapping],
    limits: DeviceLimits,
    timing: BusTiming,
    *,
    unreadable: Collection[RegisterKey] = frozenset(),
    merge: bool = True,
) -> ReadPlan:
    """Plan the reads for one unit. `merge=False` reads each value on its own (for comparison).

    `timing` is the link's model, its pause included (`ModbusLink.timing`)."""
    cap = min(limits.max_registers_per_request, MODBUS_MAX_REGISTERS)
    values, skipped = _collect_values(mappings, unreadable)
    blocks: list[ReadBlock] = []
    for function in sorted(values):
        spans = atomic_spans(values[function])
        too_long = [s for s in spans if s.end - s.start > cap]
        if too_long:
            s = too_long[0]
            raise ValueError(
                f"Registers {s.start}–{s.end - 1} (function {int(function)}) overlap into a "
                f"{s.end - s.start}-register value, more than the device's cap of {cap}."
            )
        groups = (
            _optimal_groups(spans, cap, timing, function, unreadable, limits)
            if merge
            else [[s] for s in spans]
        )
        blocks.extend(_block(unit, function, group) for group in groups)
    return ReadPlan(tuple(blocks), timing, skipped)


def _collect_values(
    mappings: Iterable[SensorMapping], unreadable: Collection[RegisterKey]
) -> tuple[dict[Function, list[PlannedValue]], dict[str, tuple[RegisterKey, ...]]]:
    feeds: dict[RegisterSource, list[str]] = {}
    skipped: dict[str, tuple[RegisterKey, ...]] = {}
    for mapping in mappings:
        missing_parts = [
            p for p in mapping.parts if any((p.function, a) in unreadable for a in _registers(p))
        ]
        # An optional part (a second tariff) the meter lacks is left out of the sum; any other
        # missing part, or all of them, and the sensor cannot be read.
        if any(not p.optional for p in missing_parts) or len(missing_parts) == len(mapping.parts):
            skipped[mapping.sensor] = tuple(
                (p.function, a) for p in missing_parts for a in _registers(p)
                if (p.function, a) in unreadable
            )  # fmt: skip
            continue
        for part in mapping.parts:
            if part in missing_parts:
                continue
            feeds.setdefault(part, [])
            if mapping.sensor not in feeds[part]:
                feeds[part].append(mapping.sensor)
    by_function: dict[Function, list[PlannedValue]] = defaultdict(list)
    for source, sensors in feeds.items():
        by_function[source.function].append(PlannedValue(source, tuple(sensors)))
    return by_function, skipped


def _registers(part: RegisterSource) -> range:
    return range(part.address, part.end)


def atomic_spans(values: Iterable[PlannedValue]) -> list[Span]:
    """Merge overlapping values into atomic spans, sorted by address."""
    spans: list[Span] = []
    for v in sorted(values, key=lambda v: (v.source.address, v.source.end)):
        if spans and v.source.address < spans[-1].end:
            last = spans[-1]
            spans[-1] = Span(last.start, max(last.end, v.source.end), (*last.values, v))
        else:
            spans.append(Span(v.source.address, v.source.end, (v,)))
    return spans


def _optimal_groups(
    spans: list[Span],
    cap: int,
    timing: BusTiming,
    function: Function,
    unreadable: Collection[RegisterKey],
    limits: DeviceLimits,
) -> list[list[Span]]:
    """Cut the sorted spans into consecutive groups of least total modelled time."""
    n = len(spans)
    best = [0.0] + [math.inf] * n  # best[j]: cheapest way to read spans[:j]
    cut = [0] * (n + 1)
    for j in range(1, n + 1):
        end = spans[j - 1].end
        for i in range(j, 0, -1):  # the last block covers spans[i-1:j]
            if end - spans[i - 1].start > cap:
                break
            if i < j and not _gap_readable(
                spans[i - 1].end, spans[i].start, function, unreadable, limits
            ):
                break
            cost = best[i - 1] + timing.request_s(end - spans[i - 1].start)
            if cost < best[j]:
                best[j], cut[j] = cost, i - 1
    groups: list[list[Span]] = []
    j = n
    while j > 0:
        groups.append(spans[cut[j] : j])
        j = cut[j]
    return groups[::-1]


def _gap_readable(
    start: int,
    end: int,
    function: Function,
    unreadable: Collection[RegisterKey],
    limits: DeviceLimits,
) -> bool:
    if end <= start:
        return True
    if not limits.reads_through_gaps:
        return False
    return not any((function, a) in unreadable for a in range(start, end))


def _block(unit: int, function: Function, group: list[Span]) -> ReadBlock:
    gaps = tuple((a.end, b.start - a.end) for a, b in pairwise(group) if b.start > a.end)
    start, end = group[0].start, group[-1].end
    values = tuple(v for s in group for v in s.values)
    return ReadBlock(unit, function, start, end - start, values, gaps)
