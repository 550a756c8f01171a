"""Polling one meter: plan the reads, run them on the link, decode, explain what is missing.

A block that fails with a Modbus exception is bisected along its values until the failing
value is isolated, so one bad register does not hide its neighbours. Exceptions 2 and 3 mean
"no such register": the reader remembers them (and gaps that cannot be read through) and future
plans skip them. Other exceptions (4 device failure, 6 busy) are retried on the next poll.
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, datetime

from app.core.meter.decoding import decode_words, raw_words, register_block
from app.core.meter.links import LinkError, LinkStats, LinkTimeout, ModbusLink, explain_exception
from app.core.meter.links.errors import MISSING_REGISTER_CODES
from app.core.meter.planner import PlannedValue, ReadPlan, RegisterKey, atomic_spans, plan_reads
from app.core.meter.profile import Function, MeterProfile, SensorMapping
from app.core.meter.reading import MeterReading, SensorProblem

type Image = dict[tuple[Function, int], int]


class MeterReader:
    """Reads one unit on a link with a profile. Keep one per meter: it learns what is missing."""

    def __init__(
        self,
        link: ModbusLink,
        profile: MeterProfile,
        unit: int,
        *,
        include_auxiliary: bool = False,
        merge: bool = True,
        isolate_failures: bool = True,
    ) -> None:
        self.link = link
        self.profile = profile
        self.unit = unit
        self.merge = merge  # False reads one value per request (for comparison and debugging)
        self.isolate_failures = isolate_failures  # False: a failed block is not bisected
        self.mappings: tuple[SensorMapping, ...] = profile.sensors + (
            profile.auxiliary if include_auxiliary else ()
        )
        self.missing: dict[RegisterKey, int] = {}  # register -> the exception that revealed it
        self._cap = profile.limits.max_registers_per_request
        self._plan: ReadPlan | None = None
        link.require_pause(profile.limits.pause_s)

    @property
    def plan(self) -> ReadPlan:
        if self._plan is None:
            limits = replace(self.profile.limits, max_registers_per_request=self._cap)
            self._plan = plan_reads(
                self.unit,
                self.mappings,
                limits,
                self.link.timing,
                unreadable=self.missing.keys(),
                merge=self.merge,
            )
        return self._plan

    async def poll(self) -> MeterReading:
        """One full read. Never raises for meter or link trouble: see `MeterReading.error`."""
        started_at = datetime.now(UTC)
        started = time.monotonic()
        plan = self.plan
        stats = LinkStats()
        image: Image = {}
        problems: dict[str, SensorProblem] = {}
        error: LinkError | None = None
        try:
            for block in plan.blocks:
                await self._read(block.function, list(block.values), image, problems, stats)
        except LinkError as e:
            error = e
        values, extras, raw = self._decode(image, problems, plan, error)
        return MeterReading(
            unit=self.unit,
            profile_id=self.profile.id,
            at=started_at,
            duration_s=time.monotonic() - started,
            values=values,
            raw=raw,
            problems=problems,
            stats=stats,
            plan=plan,
            extras=extras,
            error=error,
        )

    async def _read(
        self,
        function: Function,
        values: list[PlannedValue],
        image: Image,
        problems: dict[str, SensorProblem],
        stats: LinkStats,
    ) -> bool:
        """Read the registers of `values` in one request, bisecting on exceptions.

        Returns True if every value was read.
        """
        start = min(v.source.address for v in values)
        end = max(v.source.end for v in values)
        reply = await self.link.read(self.unit, function, start, end - start, stats=stats)
        if reply.exception is None:
            image.update(register_block(function, start, reply.registers))
            return True
        code = reply.exception
        spans = atomic_spans(values)
        if len(spans) == 1:
            if code in MISSING_REGISTER_CODES:
                self._remember(function, range(start, end), code)
            for v in values:
                for sensor in v.sensors:
                    problems[sensor] = _exception_problem(code, function, v.source.address)
            return False
        if not self.isolate_failures:
            problem = SensorProblem(
                "meter-exception",
                f"registers {start}–{end - 1} (function {int(function)}): "
                f"{explain_exception(code)}.",
                code,
            )
            problems.update({sensor: problem for v in values for sensor in v.sensors})
            return False
        half = len(spans) // 2
        left = [v for s in spans[:half] for v in s.values]
        right = [v for s in spans[half:] for v in s.values]
        left_ok = await self._read(function, left, image, problems, stats)
        right_ok = await self._read(function, right, image, problems, stats)
        if left_ok and right_ok and code in MISSING_REGISTER_CODES:
            gap = range(spans[half - 1].end, spans[half].start)
            if gap:
                self._remember(function, gap, code)  # do not read through this gap again
            else:
                self._cap = max(spans[half - 1].end - start, end - spans[half].start)
                self._plan = None  # the device takes fewer registers than its profile says
        return left_ok and right_ok

    def _remember(self, function: Function, addresses: range, code: int) -> None:
        for address in addresses:
            self.missing[(function, address)] = code
        self._plan = None

    def _decode(
        self,
        image: Image,
        problems: dict[str, SensorProblem],
        plan: ReadPlan,
        error: LinkError | None,
    ) -> tuple[
        dict[str, float | None],
        dict[str, float | None],
        dict[str, tuple[tuple[int, ...] | None, ...]],
    ]:
        values: dict[str, float | None] = {}
        extras: dict[str, float | None] = {}
        raw: dict[str, tuple[tuple[int, ...] | None, ...]] = {}
        aux = {m.sensor for m in self.profile.auxiliary}
        for mapping in self.mappings:
            name = mapping.sensor
            words = tuple(raw_words(p, image) for p in mapping.parts)
            raw[name] = words
            value = decode_words(mapping, words)
            (extras if name in aux else values)[name] = value
            if value is not None or name in problems:
                continue
            if name in plan.skipped:
                fn, address = plan.skipped[name][0]
                problems[name] = _exception_problem(self.missing[(fn, address)], fn, address)
            elif any(w is None for w in words):
                problems[name] = _unread_problem(error)
            else:
                problems[name] = SensorProblem(
                    "not-available", "The meter reports this value as not available."
                )
        return values, extras, raw


def _exception_problem(code: int, function: Function, address: int) -> SensorProblem:
    where = f"register {address} (function {int(function)})"
    if code in MISSING_REGISTER_CODES:
        return SensorProblem(
            "missing-register",
            f"The meter has no {where}: {explain_exception(code)}. Medido stops asking for it.",
            code,
        )
    return SensorProblem("meter-exception", f"{where}: {explain_exception(code)}.", code)


def _unread_problem(error: LinkError | None) -> SensorProblem:
    if isinstance(error, LinkTimeout):
        return SensorProblem("no-reply", f"Not read: {error.message}")
    reason = error.message if error is not None else "the poll stopped early"
    return SensorProblem("no-reply", f"Not read: {reason}")
