"""What one meter answered: the raw register values (and exceptions) of a session.

A `RegisterCapture` keeps, for one unit, the latest answer to each distinct request (function,
address, count): the words, or the Modbus exception code the meter answered with. Every
`ModbusLink.read` announces its reply (`link.replies`), so the reader's polls, the clock and any
console read land here alike; a request the meter never answered is not an answer and is not
kept. The diagnostics bundle writes it as `registers.json` (docs/bundle.md).

    capture = RegisterCapture(unit=1)
    stop = link.replies.subscribe(capture.record)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core.meter.links.reply import Reply

READ_FUNCTIONS = frozenset({1, 2, 3, 4})  # coils, discrete inputs, holding, input registers

type RequestKey = tuple[int, int, int]  # (function, address, count)


@dataclass(frozen=True, slots=True)
class CapturedRead:
    function: int
    address: int  # 0-based
    count: int
    words: tuple[int, ...] | None  # None when the meter answered with an exception
    exception: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "function": self.function,
            "address": self.address,
            "count": self.count,
            "words": None if self.words is None else list(self.words),
            "exception": self.exception,
        }


class RegisterCapture:
    """The latest answer per (function, address, count) for one unit, on the core loop."""

    def __init__(self, unit: int) -> None:
        self.unit = unit
        self._reads: dict[RequestKey, CapturedRead] = {}

    def record(self, reply: Reply) -> None:
        """Keep `reply` if it is a read answered by this capture's unit (a listener of
        `link.replies`)."""
        if reply.unit != self.unit or reply.function not in READ_FUNCTIONS:
            return
        key = (reply.function, reply.address, reply.count)
        self._reads.pop(key, None)  # the newest answer goes last
        self._reads[key] = CapturedRead(
            reply.function,
            reply.address,
            reply.count,
            None if reply.exception is not None else tuple(reply.registers),
            reply.exception,
        )

    def __len__(self) -> int:
        return len(self._reads)

    def reads(self) -> list[CapturedRead]:
        """Every distinct request's latest answer, by function, address and count."""
        return [self._reads[k] for k in sorted(self._reads)]

    def get(self, function: int, address: int, count: int) -> CapturedRead | None:
        return self._reads.get((function, address, count))

    def clear(self) -> None:
        self._reads.clear()

    def to_dict(self) -> dict[str, Any]:
        """`registers.json` of the diagnostics bundle."""
        return {"unit": self.unit, "reads": [r.to_dict() for r in self.reads()]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RegisterCapture:
        """A capture from `registers.json`; raises ValueError (or KeyError/TypeError) when the
        data is not one."""
        capture = cls(_whole(data["unit"]))
        for item in data["reads"]:
            words = item.get("words")
            exception = item.get("exception")
            read = CapturedRead(
                _whole(item["function"]),
                _whole(item["address"]),
                _whole(item["count"]),
                None if words is None else tuple(_whole(w) for w in words),
                None if exception is None else _whole(exception),
            )
            if read.function not in READ_FUNCTIONS or (read.words is None) == (
                read.exception is None
            ):
                raise ValueError(f"not a captured read: {item!r}")
            capture._reads[(read.function, read.address, read.count)] = read
        return capture


def _whole(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"not a whole number: {value!r}")
    return value
