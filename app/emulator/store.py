"""What the emulated platform stored: one value per (device, timestamp, sensor).

The key makes uploads idempotent: sending the same measure again stores nothing new, so a client
may retry safely. A different value for a stored key replaces it (last write wins), as a platform
that upserts would; `overwrites` counts those for tests that want to notice. `repeats` counts
every value received again after its key was stored (same or different value), and
`times_received` says how often one key came: a client that re-sends what was already answered
shows up there.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class StoredMeasurement:
    device_id: int
    device_number: str
    provider: str
    timestamp: int
    sensor_name: str
    value: float

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.device_id, self.timestamp, self.sensor_name)

    def as_json(self) -> dict[str, object]:
        d = asdict(self)
        return {
            "deviceId": d["device_id"],
            "deviceNumber": d["device_number"],
            "provider": d["provider"],
            "timestamp": d["timestamp"],
            "sensorName": d["sensor_name"],
            "sensorValue": d["value"],
        }


class MeasurementStore:
    """Thread-safe: the server writes on its loop thread while tests read from theirs."""

    def __init__(self) -> None:
        self._rows: dict[tuple[int, int, str], StoredMeasurement] = {}
        self._lock = threading.Lock()
        self._received: Counter[tuple[int, int, str]] = Counter()
        self.overwrites = 0
        self.repeats = 0

    def put(self, rows: Iterable[StoredMeasurement]) -> int:
        """Store rows; returns how many keys were new."""
        new = 0
        with self._lock:
            for row in rows:
                old = self._rows.get(row.key)
                self._received[row.key] += 1
                if old is None:
                    new += 1
                else:
                    self.repeats += 1
                    self.overwrites += old.value != row.value
                self._rows[row.key] = row
        return new

    def query(
        self, device_number: str | None = None, provider: str | None = None
    ) -> list[StoredMeasurement]:
        """Stored rows in arrival order, optionally for one meter number and/or provider."""
        with self._lock:
            rows = list(self._rows.values())
        return [
            r
            for r in rows
            if (device_number is None or r.device_number == device_number)
            and (provider is None or r.provider == provider)
        ]

    def times_received(self) -> dict[tuple[int, int, str], int]:
        """(device id, timestamp, sensor) → how many times a value for it arrived."""
        with self._lock:
            return dict(self._received)

    def clear(self) -> None:
        with self._lock:
            self._rows.clear()
            self._received.clear()
            self.overwrites = self.repeats = 0

    def __len__(self) -> int:
        with self._lock:
            return len(self._rows)
