"""What the emulated platform stored: one value per (device, timestamp, sensor).

The key makes uploads idempotent: sending the same measure again stores nothing new, so a client
may retry safely. A different value for a stored key replaces it (last write wins), as a platform
that upserts would; `overwrites` counts those for tests that want to notice.
"""

from __future__ import annotations

import threading
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
        self.overwrites = 0

    def put(self, rows: Iterable[StoredMeasurement]) -> int:
        """Store rows; returns how many keys were new."""
        new = 0
        with self._lock:
            for row in rows:
                old = self._rows.get(row.key)
                if old is None:
                    new += 1
                elif old.value != row.value:
                    self.overwrites += 1
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

    def clear(self) -> None:
        with self._lock:
            self._rows.clear()
            self.overwrites = 0

    def __len__(self) -> int:
        with self._lock:
            return len(self._rows)
