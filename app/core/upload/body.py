"""A POST /measurements body as text, and back: what the outbox stores and the history records.

Both keep the text that went out, so both build it here, the client's own way (to_api().to_json()
then json.dumps): one serialisation, byte for byte the same wherever it is written down.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from app.core.api import Measure
from app.core.measurements import MeasurementBatch


def body_of(batches: Sequence[MeasurementBatch]) -> str:
    """The request body exactly as the client serialises it."""
    return json.dumps([b.to_api().to_json() for b in batches], ensure_ascii=False)


def devices_of(batches: Sequence[MeasurementBatch]) -> str:
    """The meters a request carries, comma-separated, each once, in order."""
    return ", ".join(dict.fromkeys(b.device_number for b in batches))


def batches_of(body: str) -> tuple[MeasurementBatch, ...]:
    """A body back as batches; body_of() serialises them to the same JSON."""
    return tuple(
        MeasurementBatch(
            d["deviceNumber"],
            tuple(
                Measure(
                    m["timestamp"],
                    {v["sensorName"]: v["sensorValue"] for v in m["sensorValues"]},
                )
                for m in d["measures"]
            ),
        )
        for d in json.loads(body)
    )
