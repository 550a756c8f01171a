"""Where a profile's values live on the bus, and which addresses a request may touch.

Unmapped registers behave like most meters: within `gap_distance` of a used register they read as
0 (reading through small gaps works), further away they raise exception 2. A profile that says
`reads_through_gaps = false` gets exception 2 for any unmapped register in a request.
Functions 3 and 4 are separate address spaces.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from app.core.meter.profile import Function, MeterProfile, SensorMapping

DEFAULT_GAP_DISTANCE = 16
RESULT_WORDS = 2  # last command number, result code


@dataclass(frozen=True, slots=True)
class Owner:
    """The value a register belongs to: mapping index, part index, word index within the part."""

    mapping: int
    part: int
    word: int


class RegisterLayout:
    def __init__(self, profile: MeterProfile, gap_distance: int = DEFAULT_GAP_DISTANCE) -> None:
        self.profile = profile
        self.gap_distance = gap_distance
        self.mappings: tuple[SensorMapping, ...] = profile.sensors + profile.auxiliary
        self.owners: dict[tuple[Function, int], Owner] = {}
        for mi, mapping in enumerate(self.mappings):
            for pi, part in enumerate(mapping.parts):
                for w in range(part.count):
                    # First mapping wins where two share a register; it is the value served.
                    self.owners.setdefault((part.function, part.address + w), Owner(mi, pi, w))
        clock = profile.clock
        self.clock_block: range | None = None
        self.command_block: range | None = None
        self.result_block: range | None = None
        if clock is not None:
            self.clock_block = range(clock.address, clock.address + clock.count)
            if clock.settable and clock.command_address is not None:
                end = clock.result_address or clock.command_address + 8
                self.command_block = range(clock.command_address, end)
            if clock.result_address is not None:
                self.result_block = range(clock.result_address, clock.result_address + RESULT_WORDS)
        used: dict[Function, set[int]] = {Function.HOLDING: set(), Function.INPUT: set()}
        for fn, address in self.owners:
            used[fn].add(address)
        if clock is not None and self.clock_block is not None:
            used[clock.function].update(self.clock_block)
        for block in (self.command_block, self.result_block):
            if block is not None:
                used[Function.HOLDING].update(block)
        self._used = {fn: sorted(addresses) for fn, addresses in used.items()}

    def is_used(self, function: Function, address: int) -> bool:
        addresses = self._used[function]
        i = bisect.bisect_left(addresses, address)
        return i < len(addresses) and addresses[i] == address

    def _near_used(self, function: Function, address: int) -> bool:
        addresses = self._used[function]
        i = bisect.bisect_left(addresses, address)
        near = [addresses[j] for j in (i - 1, i) if 0 <= j < len(addresses)]
        return any(abs(a - address) <= self.gap_distance for a in near)

    def readable(self, function: Function, address: int, count: int) -> bool:
        """Whether a read of these registers is answered (rather than exception 2)."""
        through_gaps = self.profile.limits.reads_through_gaps
        for a in range(address, address + count):
            if self.is_used(function, a):
                continue
            if not through_gaps or not self._near_used(function, a):
                return False
        return True
