"""Counters of what happened on a link: for one poll, or for the link's lifetime."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class LinkStats:
    """Requests are logical (one read or write, however many attempts it took)."""

    requests: int = 0
    attempts: int = 0  # frames sent, retries included
    retries: int = 0
    timeouts: int = 0  # attempts that got no reply (a retry may have saved them)
    errors_by_kind: Counter[str] = field(default_factory=Counter)  # failed requests
    exceptions: Counter[int] = field(default_factory=Counter)  # Modbus exception replies by code
    rtt_min_ms: float | None = None
    rtt_max_ms: float | None = None
    rtt_total_ms: float = 0.0
    replies: int = 0
    bytes_out: int = 0
    bytes_in: int = 0

    @property
    def errors(self) -> int:
        return sum(self.errors_by_kind.values())

    @property
    def rtt_avg_ms(self) -> float | None:
        return self.rtt_total_ms / self.replies if self.replies else None

    def record_reply(self, rtt_ms: float, bytes_out: int, bytes_in: int) -> None:
        self.replies += 1
        self.rtt_total_ms += rtt_ms
        self.rtt_min_ms = rtt_ms if self.rtt_min_ms is None else min(self.rtt_min_ms, rtt_ms)
        self.rtt_max_ms = rtt_ms if self.rtt_max_ms is None else max(self.rtt_max_ms, rtt_ms)
        self.bytes_out += bytes_out
        self.bytes_in += bytes_in

    def record_exception(self, code: int) -> None:
        self.exceptions[code] += 1
        self.errors_by_kind["exception"] += 1

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (`medido read --json`, support bundles)."""

        def ms(v: float | None) -> float | None:
            return None if v is None else round(v, 2)

        return {
            "requests": self.requests,
            "errors": self.errors,
            "errors_by_kind": dict(self.errors_by_kind),
            "exceptions": {str(k): v for k, v in sorted(self.exceptions.items())},
            "attempts": self.attempts,
            "retries": self.retries,
            "timeouts": self.timeouts,
            "rtt_ms": {
                "min": ms(self.rtt_min_ms),
                "avg": ms(self.rtt_avg_ms),
                "max": ms(self.rtt_max_ms),
            },
            "bytes_out": self.bytes_out,
            "bytes_in": self.bytes_in,
        }
