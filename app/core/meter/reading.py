"""What one poll of a meter produced: values, raw words, per-sensor problems, statistics."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # annotations only: the GUI imports this module before its first window
    from app.core.meter.links import LinkError, LinkStats
    from app.core.meter.planner import ReadPlan

IMPOSSIBLE_VALUE = "impossible-value"  # the one problem code that means the numbers lie
PARTIAL_SUM = "partial-sum"


@dataclass(frozen=True, slots=True)
class SensorProblem:
    """Why a sensor has no value. `code` is stable (the GUI translates by it):

    missing-register  the meter lacks a register (exception 2/3, remembered; not asked again)
    meter-exception   the meter answered with another exception (e.g. 4, device failure)
    not-available     the meter returned its "not available" pattern (or NaN)
    impossible-value  the value decoded is one no meter can produce (a wrong profile or unit)
    no-reply          the poll ended before this value was read (timeout, link down)
    A note about a value that is there uses the same shape (`MeterReading.notes`):
    partial-sum       an optional part of a sum (a second tariff) is missing on this meter
    """

    code: str
    message: str
    exception: int | None = None


@dataclass(frozen=True, slots=True)
class MeterReading:
    unit: int
    profile_id: str
    at: datetime  # UTC, when the poll started
    duration_s: float
    values: dict[str, float | None]  # ChileMedido sensor name -> value (None: not available)
    raw: dict[str, tuple[tuple[int, ...] | None, ...]]  # sensor -> words of each part, bus order
    problems: dict[str, SensorProblem]
    stats: LinkStats
    plan: ReadPlan
    extras: dict[str, float | None] = field(default_factory=dict)  # auxiliary (frequency, …)
    error: LinkError | None = None  # why the poll stopped early, if it did
    notes: dict[str, SensorProblem] = field(default_factory=dict)  # about values that are there

    @property
    def ok(self) -> bool:
        """The meter answered the whole poll (some sensors may still be not available)."""
        return self.error is None

    @property
    def available(self) -> int:
        return sum(v is not None for v in self.values.values())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (`medido read --json`)."""
        return {
            "unit": self.unit,
            "profile": self.profile_id,
            "at": self.at.isoformat(),
            "duration_s": round(self.duration_s, 4),
            "values": dict(self.values),
            "extras": dict(self.extras),
            "raw": {
                k: [list(w) if w is not None else None for w in v] for k, v in self.raw.items()
            },
            "problems": {
                k: {"code": p.code, "message": p.message, "exception": p.exception}
                for k, p in self.problems.items()
            },
            "notes": {k: {"code": p.code, "message": p.message} for k, p in self.notes.items()},
            "stats": self.stats.to_dict(),
            "error": None
            if self.error is None
            else {"code": self.error.code, "message": self.error.message},
        }
