"""One simulated meter: a profile's registers filled from the physical model, with faults.

`read`/`write` answer one Modbus request (a list of words, or a Modbus exception code);
`expected_values` says what a correct reader must report, computed from the model and the
encoder's own resolution — never by decoding registers.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from app.core.clock.chile_time import SANTIAGO
from app.core.meter.profile import Function, MeterProfile, SensorMapping, SpecialDecoding
from app.simulator import encoding, meter_clock
from app.simulator.clock import SimClock
from app.simulator.faults import (
    ILLEGAL_DATA_ADDRESS,
    ILLEGAL_DATA_VALUE,
    ILLEGAL_FUNCTION,
    Faults,
    ReplyDropper,
)
from app.simulator.layout import DEFAULT_GAP_DISTANCE, RegisterLayout
from app.simulator.load import LoadSpec
from app.simulator.model import PhysicalModel, Snapshot
from app.simulator.quantities import quantity

DEFAULT_TIMEZONE = SANTIAGO
_READ_FUNCTIONS = {3: Function.HOLDING, 4: Function.INPUT}
WRITE_MULTIPLE = 16


class SimulatedMeter:
    def __init__(
        self,
        profile: MeterProfile,
        seed: int = 1,
        clock: SimClock | None = None,
        faults: Faults | None = None,
        timezone: str = DEFAULT_TIMEZONE,
        load: LoadSpec | None = None,
        gap_distance: int = DEFAULT_GAP_DISTANCE,
    ) -> None:
        self.profile = profile
        self.seed = seed
        self.clock = clock or SimClock()
        self.timezone = ZoneInfo(timezone)
        self._faults = faults or Faults()
        self.layout = RegisterLayout(profile, gap_distance)
        self.model = PhysicalModel(
            load or LoadSpec(), seed, self.timezone, self.clock.now(), lambda: self._faults
        )
        self._dropper = ReplyDropper(seed)
        # The GUI may change faults from its own thread while the server's loop reads.
        self._lock = threading.RLock()
        self._command_words: dict[int, int] = {}
        self._result = (0, 0)

    def __repr__(self) -> str:
        return f"SimulatedMeter({self.profile.id!r}, seed={self.seed})"

    # --- faults and load ---------------------------------------------------------------------

    @property
    def faults(self) -> Faults:
        return self._faults

    @faults.setter
    def faults(self, faults: Faults) -> None:
        def apply() -> None:
            self._faults = faults

        with self._lock:
            self.model.energy.change(self.clock.now(), apply)

    def set_faults(self, **changes: Any) -> None:
        """Change some faults (validated), after integrating energy so far under the old ones."""
        self.faults = dataclasses.replace(self._faults, **changes)

    def set_load(self, load: LoadSpec) -> None:
        """Change the load from now on (energy so far stays as integrated)."""

        def apply() -> None:
            self.model.load = load

        with self._lock:
            self.model.energy.change(self.clock.now(), apply)

    def next_reply_dropped(self) -> bool:
        """Counts a request; True if the faults say this one goes unanswered."""
        return self._dropper.should_drop(self._faults)

    def replied(self) -> None:
        """Note that a reply went out (the pause before the next request counts from here)."""
        self._dropper.replied()

    # --- what the meter measures -------------------------------------------------------------

    def snapshot(self, at: float | None = None) -> Snapshot:
        with self._lock:
            return self.model.snapshot(self.clock.now() if at is None else at)

    def meter_time(self, at: float | None = None) -> datetime:
        """The meter's own clock: true time plus the clock offset, in its local time zone."""
        t = (self.clock.now() if at is None else at) + self._faults.clock_offset_s
        return datetime.fromtimestamp(t, self.timezone)

    def _available(self, mapping: SensorMapping) -> bool:
        """False when a not-available fault applies and every part can say so."""
        if mapping.sensor not in self._faults.not_available:
            return True
        return any(encoding.not_available_words(p) is None for p in mapping.parts)

    def _contributions(self, mapping: SensorMapping, snap: Snapshot) -> list[float] | None:
        value = quantity(snap, mapping.sensor)
        if value is None:
            return None
        if len(mapping.parts) == 1 and mapping.parts[0].decoding is SpecialDecoding.SCHNEIDER_PF_4Q:
            return [encoding.schneider_pf_4q(value, snap.q_total)]
        return encoding.split_sum(value, mapping.parts)

    def expected_values(self, at: float | None = None) -> dict[str, float | None]:
        """What a correct reader reports for each mapped variable now (or at `at`), plus
        "frequency". None: the meter says "not available", or a register fault hides it."""
        snap = self.snapshot(at)
        out: dict[str, float | None] = {}
        for mapping in self.layout.mappings:
            contributions = self._contributions(mapping, snap)
            if contributions is None:
                continue  # a quantity the model does not have (an unknown auxiliary)
            hidden = any(
                self._faults.exception_for(p.function, p.address, p.count) for p in mapping.parts
            )
            if hidden or not self._available(mapping):
                out[mapping.sensor] = None
            elif mapping.parts[0].decoding is SpecialDecoding.SCHNEIDER_PF_4Q:
                out[mapping.sensor] = snap.pf_total
            else:
                parts = zip(contributions, mapping.parts, strict=True)
                out[mapping.sensor] = sum(encoding.quantize(c, p) for c, p in parts)
        out.setdefault("frequency", snap.frequency)
        return out

    # --- the register image ------------------------------------------------------------------

    def _mapping_words(self, mapping: SensorMapping, snap: Snapshot) -> list[list[int]]:
        if not self._available(mapping):
            return [encoding.not_available_words(p) or [0] * p.count for p in mapping.parts]
        contributions = self._contributions(mapping, snap)
        if contributions is None:
            return [[0] * p.count for p in mapping.parts]
        swapped = self._faults.word_order
        return [
            encoding.encode(c, p, swapped if swapped and p.count > 1 else None)
            for c, p in zip(contributions, mapping.parts, strict=True)
        ]

    def words(
        self, function: Function, address: int, count: int, at: float | None = None
    ) -> list[int]:
        """The registers as served (faults in the encoding applied; no exception checks)."""
        snap = self.snapshot(at)
        cache: dict[int, list[list[int]]] = {}
        layout = self.layout
        clock = self.profile.clock
        out: list[int] = []
        for a in range(address, address + count):
            owner = layout.owners.get((function, a))
            if owner is not None:
                if owner.mapping not in cache:
                    cache[owner.mapping] = self._mapping_words(layout.mappings[owner.mapping], snap)
                out.append(cache[owner.mapping][owner.part][owner.word])
            elif (
                clock
                and layout.clock_block
                and function == clock.function
                and a in layout.clock_block
            ):
                stamp = meter_clock.datetime_words(self.meter_time(snap.t))
                out.append(stamp[a - layout.clock_block.start])
            elif function == Function.HOLDING and layout.result_block and a in layout.result_block:
                out.append(self._result[a - layout.result_block.start])
            elif function == Function.HOLDING:
                out.append(self._command_words.get(a, 0))
            else:
                out.append(0)
        return out

    # --- Modbus requests ---------------------------------------------------------------------

    def read(self, function_code: int, address: int, count: int) -> list[int] | int:
        """Answer a read: the words, or a Modbus exception code."""
        function = _READ_FUNCTIONS.get(function_code)
        if function is None:
            return ILLEGAL_FUNCTION
        if count > self.profile.limits.max_registers_per_request:
            return ILLEGAL_DATA_VALUE
        if (code := self._faults.exception_for(function, address, count)) is not None:
            return code
        if not self.layout.readable(function, address, count):
            return ILLEGAL_DATA_ADDRESS
        return self.words(function, address, count)

    def write(self, function_code: int, address: int, values: Sequence[int]) -> int | None:
        """Answer a write: None when accepted, else a Modbus exception code.

        Only the clock's command block takes writes (function 16); the command runs when a write
        covers its first word."""
        block = self.layout.command_block
        if (
            function_code != WRITE_MULTIPLE
            or block is None
            or address not in block
            or address + len(values) > block.stop
        ):
            return ILLEGAL_DATA_ADDRESS
        if (code := self._faults.exception_for(Function.HOLDING, address, len(values))) is not None:
            return code
        for i, word in enumerate(values):
            self._command_words[address + i] = word
        if address == block.start:
            self._run_command(list(values))
        return None

    def _run_command(self, words: list[int]) -> None:
        clock = self.profile.clock
        command = words[0]
        if clock is None or command != clock.set_command:
            self._result = (command, meter_clock.RESULT_INVALID_COMMAND)
            return
        wanted = meter_clock.parse_set_datetime(words, self.timezone)
        if isinstance(wanted, int):
            self._result = (command, wanted)
            return
        self._faults.clock_offset_s = wanted.timestamp() - self.clock.now()
        self._result = (command, meter_clock.RESULT_OK)

    def summary(self) -> str:
        """One line for a console: V, I and P per phase, total P."""
        s = self.snapshot()
        v = "/".join(f"{p.voltage:.1f}" for p in s.phases)
        i = "/".join(f"{p.current:.1f}" for p in s.phases)
        p = "/".join(f"{x.p:.2f}" for x in s.phases)
        return f"V {v} V  I {i} A  P {p} kW (total {s.p_total:.2f} kW)"
