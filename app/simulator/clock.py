"""The simulator's time source: real time by default; tests freeze it or step it.

Everything the model computes is a function of this clock's `now()`, so a frozen clock gives
exactly repeatable register values, and `step(3600)` moves the energy counters by an hour's worth.
"""

from __future__ import annotations

import threading
import time


class SimClock:
    """Unix time in seconds (UTC), optionally frozen or shifted. Safe to share between meters."""

    def __init__(self, *, frozen_at: float | None = None) -> None:
        self._lock = threading.Lock()
        self._shift = 0.0  # added to real time while running
        self._frozen: float | None = frozen_at

    def now(self) -> float:
        with self._lock:
            if self._frozen is not None:
                return self._frozen
            return time.time() + self._shift

    @property
    def frozen(self) -> bool:
        return self._frozen is not None

    def freeze(self, at: float | None = None) -> None:
        """Stop time at `at` (default: now)."""
        now = self.now()
        with self._lock:
            self._frozen = now if at is None else float(at)

    def step(self, seconds: float) -> None:
        """Move time forward (or back, with a negative step), frozen or running."""
        with self._lock:
            if self._frozen is not None:
                self._frozen += seconds
            else:
                self._shift += seconds

    def resume(self) -> None:
        """Let time run again from where it was frozen."""
        with self._lock:
            if self._frozen is not None:
                self._shift = self._frozen - time.time()
                self._frozen = None
