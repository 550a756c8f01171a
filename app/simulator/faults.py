"""Faults on demand: the installer's mistakes and the bus's bad days, per simulated meter.

A `Faults` object is plain mutable data: change its fields while the server runs and the next
request sees the change (use `SimulatedMeter.set_faults` for wiring faults, so energy integrated
so far is settled under the old wiring first).
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass, field

from app.core.meter.profile import Function, WordOrder
from app.simulator.phases import Phase

# Modbus exception codes a register fault may raise.
ILLEGAL_FUNCTION = 1
ILLEGAL_DATA_ADDRESS = 2
ILLEGAL_DATA_VALUE = 3
SERVER_DEVICE_FAILURE = 4
EXCEPTION_CODES = frozenset({1, 2, 3, 4, 5, 6, 7, 8, 0x0A, 0x0B})  # what Modbus defines


@dataclass(frozen=True, slots=True)
class RegisterFault:
    """Requests that touch any of these registers get Modbus exception `code` (2 or 4 typically)."""

    function: Function
    address: int  # 0-based
    count: int = 1
    code: int = SERVER_DEVICE_FAILURE

    def __post_init__(self) -> None:
        if self.code not in EXCEPTION_CODES or self.count < 1 or self.address < 0:
            raise ValueError(f"bad register fault {self}")

    def touches(self, function: Function, address: int, count: int) -> bool:
        return (
            function == self.function
            and address < self.address + self.count
            and self.address < address + count
        )


def _phases(values: set[Phase] | set[str] | frozenset[str]) -> set[Phase]:
    return {Phase(str(v).upper()) for v in values}


@dataclass
class Faults:
    reversed_ct: set[Phase] = field(default_factory=set)  # CT mounted backwards: -P, -Q
    missing_phases: set[Phase] = field(default_factory=set)  # no voltage, no current
    clock_offset_s: float = 0.0  # meter clock minus true time; the set-clock command changes it
    # The meter sends multi-register values in this word order instead of the profile's.
    word_order: WordOrder | None = None
    register_faults: list[RegisterFault] = field(default_factory=list)
    not_available: set[str] = field(default_factory=set)  # sensors served as "not available"
    delay_ms: float = 0.0  # answer every request this much later
    drop_every: int = 0  # never answer every Nth request (0: never)
    drop_probability: float = 0.0  # or drop each request with this probability (seeded)
    # Like a strict RS-485 meter: ignore a request that comes sooner than this after the last
    # reply (0: off). Set it to a link's pause (3.5 characters plus the profile's turnaround_s
    # on RS-485) to test a reader's pacing.
    min_pause_ms: float = 0.0

    def __post_init__(self) -> None:
        self.reversed_ct = _phases(self.reversed_ct)
        self.missing_phases = _phases(self.missing_phases)
        if self.word_order is not None:
            self.word_order = WordOrder(self.word_order)
        if not 0.0 <= self.drop_probability <= 1.0:
            raise ValueError(f"drop_probability must be in [0, 1], got {self.drop_probability}")
        if self.drop_every < 0 or self.delay_ms < 0 or self.min_pause_ms < 0:
            raise ValueError("drop_every, delay_ms and min_pause_ms must not be negative")

    def exception_for(self, function: Function, address: int, count: int) -> int | None:
        for fault in self.register_faults:
            if fault.touches(function, address, count):
                return fault.code
        return None


class ReplyDropper:
    """Decides which requests go unanswered: every Nth, at random from a seeded sequence, or
    because they came too soon after the last reply."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)  # noqa: S311 - a simulation, not security
        self.requests = 0
        self._last_reply = -math.inf  # time.monotonic() of the last reply

    def should_drop(self, faults: Faults) -> bool:
        self.requests += 1
        if faults.min_pause_ms and time.monotonic() - self._last_reply < faults.min_pause_ms / 1e3:
            return True
        if faults.drop_every and self.requests % faults.drop_every == 0:
            return True
        return faults.drop_probability > 0 and self._rng.random() < faults.drop_probability

    def replied(self) -> None:
        self._last_reply = time.monotonic()
