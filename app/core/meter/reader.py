"""Polling one meter: plan the reads, run them on the link, decode, explain what is missing.

A block that fails with a Modbus exception is bisected along its values until the failing
value is isolated, so one bad register does not hide its neighbours. Exceptions 2 and 3 mean
"no such register": the reader remembers them (and gaps that cannot be read through) and future
plans skip them. Other exceptions (4 device failure, 6 busy) are retried on the next poll.

The reader learns only what a poll proves. A block that failed, whose two halves were then each
read whole in one request with no gap between them (or with exception 3, Modbus's answer to a
quantity too large), proves that the device refuses that many registers: the limit becomes the
largest request size it has served below that, and only ever goes down. A gap is remembered on
the same proof, with exception 2. A half that needed splitting
itself proves nothing about the whole (a missing register inside it explains the failure), and
a learnt limit never grows back.

A decoded value no meter can produce (app.core.sensors.limits) is not a value: it becomes a
problem that shows the number, and never reaches an upload.
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, datetime
from enum import Enum

from app.core.meter.decoding import (
    ValueDecoder,
    decode_words,
    register_block,
    register_keys,
    value_decoder,
    words_at,
)
from app.core.meter.links import LinkError, LinkStats, LinkTimeout, ModbusLink, explain_exception
from app.core.meter.links.errors import MISSING_REGISTER_CODES
from app.core.meter.planner import PlannedValue, ReadPlan, RegisterKey, atomic_spans, plan_reads
from app.core.meter.profile import Function, MeterProfile, SensorMapping
from app.core.meter.reading import IMPOSSIBLE_VALUE, PARTIAL_SUM, MeterReading, SensorProblem
from app.core.sensors.dictionary import unit_of
from app.core.sensors.limits import impossible_value

type Image = dict[tuple[Function, int], int]
SIZE_REFUSED = 3  # Modbus "illegal data value": for a read, a quantity the device will not serve


class BlockRead(Enum):
    """How the values of one request were read (see MeterReader._read)."""

    WHOLE = "whole"  # in the one request asked for
    SPLIT = "split"  # all of them, but only after splitting the request
    PARTIAL = "partial"  # some values could not be read


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
        self._aux = frozenset(m.sensor for m in profile.auxiliary)
        # Each value's image keys and decoder, worked out once: every poll decodes them all.
        self._keys = [tuple(register_keys(p) for p in m.parts) for m in self.mappings]
        self._decoders = [tuple(value_decoder(p) for p in m.parts) for m in self.mappings]
        self.missing: dict[RegisterKey, int] = {}  # register -> the exception that revealed it
        self._cap = profile.limits.max_registers_per_request
        self._served: set[int] = set()  # request sizes (registers) the device has answered
        self._plan: ReadPlan | None = None
        link.require_turnaround(profile.limits.turnaround_s)

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
        notes: dict[str, SensorProblem] = {}
        error: LinkError | None = None
        try:
            for block in plan.blocks:
                await self._read(block.function, list(block.values), image, problems, stats)
        except LinkError as e:
            error = e
        values, extras, raw = self._decode(image, problems, notes, plan, error)
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
            notes=notes,
        )

    async def _read(
        self,
        function: Function,
        values: list[PlannedValue],
        image: Image,
        problems: dict[str, SensorProblem],
        stats: LinkStats,
    ) -> BlockRead:
        """Read the registers of `values` in one request, bisecting on exceptions."""
        start = min([v.source.address for v in values])
        end = max([v.source.end for v in values])
        reply = await self.link.read(self.unit, function, start, end - start, stats=stats)
        if reply.exception is None:
            image.update(register_block(function, start, reply.registers))
            self._served.add(end - start)
            return BlockRead.WHOLE
        code = reply.exception
        spans = atomic_spans(values)
        if len(spans) == 1:
            if code in MISSING_REGISTER_CODES:
                self._remember(function, range(start, end), code)
            for v in values:
                for sensor in v.sensors:
                    problems[sensor] = _exception_problem(code, function, v.source.address)
            return BlockRead.PARTIAL
        if not self.isolate_failures:
            problem = SensorProblem(
                "meter-exception",
                f"registers {start}–{end - 1} (function {int(function)}): "
                f"{explain_exception(code)}.",
                code,
            )
            problems.update({sensor: problem for v in values for sensor in v.sensors})
            return BlockRead.PARTIAL
        half = len(spans) // 2
        left = [v for s in spans[:half] for v in s.values]
        right = [v for s in spans[half:] for v in s.values]
        left_read = await self._read(function, left, image, problems, stats)
        right_read = await self._read(function, right, image, problems, stats)
        if left_read is right_read is BlockRead.WHOLE and code in MISSING_REGISTER_CODES:
            gap = range(spans[half - 1].end, spans[half].start)
            # Both halves read whole: either the registers between them or the size was at fault.
            # Exception 3 is Modbus's answer to a count the device will not serve (and 2 to an
            # address it lacks), so 3 decides for the size even when a gap lies between.
            if gap and code != SIZE_REFUSED:
                self._remember(function, gap, code)  # do not read through this gap again
            else:
                self._learn_limit(refused=end - start)
        if BlockRead.PARTIAL in (left_read, right_read):
            return BlockRead.PARTIAL
        return BlockRead.SPLIT

    def _learn_limit(self, refused: int) -> None:
        """The device refused `refused` registers: use the largest count it has served below
        that (the halves just read are among them), never more than the limit already learnt."""
        proven = max((n for n in self._served if n < refused), default=1)
        if proven < self._cap:
            self._cap = proven
            self._plan = None  # the device takes fewer registers than its profile says

    def _remember(self, function: Function, addresses: range, code: int) -> None:
        for address in addresses:
            self.missing[(function, address)] = code
        self._plan = None

    def _decode(
        self,
        image: Image,
        problems: dict[str, SensorProblem],
        notes: dict[str, SensorProblem],
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
        parts = zip(self.mappings, self._keys, self._decoders, strict=True)
        for mapping, keys, decoders in parts:
            name = mapping.sensor
            words = tuple([words_at(k, image) for k in keys])
            raw[name] = words
            value = self._sum(mapping, words, decoders, notes)
            if value is not None and name in notes:
                problems.pop(name, None)  # the refused optional part is the note, not a problem
            if value is not None and (why := impossible_value(name, value)) is not None:
                problems[name] = _impossible_problem(name, value, why)
                value = None
            (extras if name in self._aux else values)[name] = value
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

    def _sum(
        self,
        mapping: SensorMapping,
        words: tuple[tuple[int, ...] | None, ...],
        decoders: tuple[ValueDecoder, ...],
        notes: dict[str, SensorProblem],
    ) -> float | None:
        """The mapping's value; an optional part the meter lacks is left out, with a note."""
        if None not in words:  # every part was read: the common case
            return decode_words(mapping, words, decoders)
        lacking = [
            p
            for p, w in zip(mapping.parts, words, strict=True)
            if p.optional and w is None and (p.function, p.address) in self.missing
        ]
        if not lacking or len(lacking) == len(mapping.parts):
            return decode_words(mapping, words, decoders)
        kept = [(p, w) for p, w in zip(mapping.parts, words, strict=True) if p not in lacking]
        value = decode_words(
            replace(mapping, parts=tuple(p for p, _ in kept)), [w for _, w in kept]
        )
        if value is not None:
            where = ", ".join(f"{p.address} (function {int(p.function)})" for p in lacking)
            notes[mapping.sensor] = SensorProblem(
                PARTIAL_SUM,
                f"Without register {where}, which the meter does not have (e.g. a second tariff "
                "it does not keep): the value is the sum of the other parts.",
            )
        return value


def _exception_problem(code: int, function: Function, address: int) -> SensorProblem:
    where = f"register {address} (function {int(function)})"
    if code in MISSING_REGISTER_CODES:
        return SensorProblem(
            "missing-register",
            f"The meter has no {where}: {explain_exception(code)}. Medido stops asking for it.",
            code,
        )
    return SensorProblem("meter-exception", f"{where}: {explain_exception(code)}.", code)


def _impossible_problem(sensor: str, value: float, why: str) -> SensorProblem:
    return SensorProblem(
        IMPOSSIBLE_VALUE,
        f"Decoded as {value:g} {unit_of(sensor)}, which no meter can produce ({why}): the "
        "profile's type, word order, scale or 'not available' pattern does not fit this meter, "
        "or the unit id is another device's. Not used, never uploaded.",
    )


def _unread_problem(error: LinkError | None) -> SensorProblem:
    if isinstance(error, LinkTimeout):
        return SensorProblem("no-reply", f"Not read: {error.message}")
    reason = error.message if error is not None else "the poll stopped early"
    return SensorProblem("no-reply", f"Not read: {reason}")
