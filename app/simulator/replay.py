"""A replayed meter: answers with the registers a diagnostics bundle captured, nothing else.

    meter = ReplayMeter(reads, label="eastron-sdm630")   # reads: function, address, count,
    async with MeterSimulator({1: meter}) as sim:         # words or exception (registers.json)
        await sim.start_tcp()

What it answers, per request (function, address, count):
- a request captured with an exception: that exception code;
- a request whose every register was captured in some answer (the captured request itself, a
  part of a captured block, or a range across neighbouring blocks): the captured words (the
  newest answer wins where two overlap); coils and discrete inputs as 0/1;
- anything else, and every write: exception 2 (illegal data address).

Limits: the values are static. A replayed meter's readings never move, its energy never grows and
its clock stands still at the captured time, so a check that needs movement (energy that grows,
values that change between polls) or a live clock can only come out as the captured answers allow.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from app.simulator.faults import ILLEGAL_DATA_ADDRESS, Faults

BIT_FUNCTIONS = frozenset({1, 2})
READ_FUNCTIONS = frozenset({1, 2, 3, 4})


class CapturedAnswer(Protocol):
    """One captured request and the meter's answer (registers.json's `reads` items)."""

    @property
    def function(self) -> int: ...
    @property
    def address(self) -> int: ...
    @property
    def count(self) -> int: ...
    @property
    def words(self) -> Sequence[int] | None: ...
    @property
    def exception(self) -> int | None: ...


class ReplayMeter:
    """Serves captured answers on a MeterSimulator bus (the same duties as a SimulatedMeter)."""

    def __init__(self, reads: Iterable[CapturedAnswer], label: str = "replay") -> None:
        self.label = label
        self.faults = Faults()  # none: no delay, no dropped replies (the bus reads delay_ms)
        self._exceptions: dict[tuple[int, int, int], int] = {}
        self._words: dict[tuple[int, int], int] = {}
        for read in reads:
            key = (read.function, read.address, read.count)
            if read.exception is not None:
                self._exceptions[key] = read.exception
                continue
            self._exceptions.pop(key, None)
            for offset, word in enumerate(read.words or ()):
                self._words[(read.function, read.address + offset)] = int(word)

    def __repr__(self) -> str:
        return f"ReplayMeter({self.label!r}, {len(self._words)} registers)"

    @property
    def register_count(self) -> int:
        return len(self._words)

    @property
    def exception_count(self) -> int:
        return len(self._exceptions)

    def read(self, function_code: int, address: int, count: int) -> list[int] | list[bool] | int:
        """The captured words (bits for functions 1 and 2), or a Modbus exception code."""
        code = self._exceptions.get((function_code, address, count))
        if code is not None:
            return code
        if function_code not in READ_FUNCTIONS or count < 1:
            return ILLEGAL_DATA_ADDRESS
        words: list[int] = []
        for a in range(address, address + count):
            word = self._words.get((function_code, a))
            if word is None:
                return ILLEGAL_DATA_ADDRESS
            words.append(word)
        if function_code in BIT_FUNCTIONS:
            return [bool(w) for w in words]
        return words

    def write(self, function_code: int, address: int, values: Sequence[int]) -> int | None:
        """A replayed meter takes no writes (setting its clock cannot be reproduced)."""
        return ILLEGAL_DATA_ADDRESS

    def next_reply_dropped(self) -> bool:
        return False

    def replied(self) -> None:
        """Nothing to note: a replayed meter answers at once, every time."""

    def summary(self) -> str:
        return (
            f"replaying {self.register_count} captured registers, "
            f"{self.exception_count} captured exceptions (static values)"
        )
