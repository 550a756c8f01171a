"""The live state of one emulator: its world, clock, tokens, stored data, stats and faults."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from typing import Any

from app.emulator.faults import FailureInjector
from app.emulator.store import MeasurementStore, StoredMeasurement
from app.emulator.tokens import TokenAuthority
from app.emulator.world import World


class ServerClock:
    """Real time plus the world's offset; the offset can be changed while running."""

    def __init__(self, offset_s: float = 0.0) -> None:
        self.offset_s = offset_s

    def now(self) -> float:
        return time.time() + self.offset_s


class Stats:
    """Request counts by "METHOD /route/template" and refresh outcomes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: Counter[str] = Counter()
        self.refreshes = 0
        self.refresh_attempts = 0

    def count_request(self, key: str) -> None:
        with self._lock:
            self._requests[key] += 1

    def requests(self, key: str) -> int:
        with self._lock:
            return self._requests[key]

    def count_refresh(self, ok: bool) -> None:
        with self._lock:
            self.refresh_attempts += 1
            self.refreshes += ok

    def reset(self) -> None:
        with self._lock:
            self._requests.clear()
            self.refreshes = self.refresh_attempts = 0

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "requests": dict(self._requests),
                "refreshes": self.refreshes,
                "refresh_attempts": self.refresh_attempts,
            }


class EmulatorState:
    def __init__(self, world: World) -> None:
        self.world = world
        self.clock = ServerClock(world.clock_offset_s)
        self.tokens = TokenAuthority(
            clock=self.clock.now,
            access_lifetime_s=world.access_token_lifetime_s,
            refresh_lifetime_s=world.refresh_token_lifetime_s,
            strict_rotation=world.strict_refresh_rotation,
        )
        self.store = MeasurementStore()
        self.stats = Stats()
        self.faults = FailureInjector(
            world.failures, world.latency_ms, dict(world.endpoint_latency_ms)
        )
        # Set on the server's loop when it stops, so requests held by a timeout failure end
        # at once; EmulatorServer makes a fresh one for each start (each start has a new loop).
        self.halt = asyncio.Event()

    def measurements(
        self, device_number: str | None = None, provider: str | None = None
    ) -> list[StoredMeasurement]:
        return self.store.query(device_number, provider)

    def stats_snapshot(self) -> dict[str, Any]:
        snapshot = self.stats.snapshot()
        snapshot["failures_injected"] = self.faults.injected
        snapshot["stored_measurements"] = len(self.store)
        snapshot["overwritten_measurements"] = self.store.overwrites
        snapshot["repeated_measurements"] = self.store.repeats  # values received again
        return snapshot

    def reset(self) -> None:
        """Forget stored measurements and stats (tokens, world and faults stay)."""
        self.store.clear()
        self.stats.reset()
        self.faults.injected = 0

    def issue_refresh_token(self, gateway: str) -> str:
        return self.tokens.issue("refresh", self._provider_of(gateway), gateway)

    def issue_access_token(self, gateway: str, lifetime_s: int | None = None) -> str:
        return self.tokens.issue(
            "access", self._provider_of(gateway), gateway, lifetime_s=lifetime_s
        )

    def _provider_of(self, gateway: str) -> str:
        provider = self.world.provider_of_gateway(gateway)
        if provider is None:
            known = [g for _, g in self.world.gateways()]
            raise KeyError(f"gateway {gateway!r} is not in this world (known: {known})")
        return provider.id
