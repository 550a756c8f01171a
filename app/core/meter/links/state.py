"""Link states and the events that report their changes."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum


class LinkState(StrEnum):
    DISCONNECTED = "disconnected"  # not opened yet, or closed by Medido
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"  # lost; retrying with backoff in the background
    FAILED = "failed"  # could not connect; the next request tries again


@dataclass(frozen=True, slots=True)
class LinkEvent:
    """A state change. `code` is stable for translation; `message` is English for the installer."""

    link: str  # the link's description, e.g. "rtu:///dev/ttyUSB0 9600 8N1"
    state: LinkState
    code: str
    message: str
    attempt: int = 0  # reconnect attempt number
    retry_in_s: float | None = None  # when the next reconnect attempt happens
    at: float = field(default_factory=time.time)


@dataclass(frozen=True, slots=True)
class Backoff:
    """Reconnect delays: first, doubling up to a ceiling; `max_attempts=None` retries forever."""

    first_s: float = 0.5
    max_s: float = 30.0
    max_attempts: int | None = None

    def delay(self, attempt: int) -> float:
        """Delay before reconnect attempt `attempt` (1-based)."""
        return float(min(self.first_s * 2.0 ** (attempt - 1), self.max_s))
