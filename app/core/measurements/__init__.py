"""Measurements for upload: build a batch from a reading, validate it, preview it, explain the
server's warnings.

batch = MeasurementBatch.from_reading(reading, device, server_offset=drift.sample.server_offset)
check = validate(batch)                # check.ok, check.errors, check.warnings
preview = batch.to_json()              # what will be sent, pretty
result = await api.post_measurements([batch.to_api()])
notes = explain_warnings(result.warnings, batch.device_number, batch.sensor_names)
"""

from app.core.measurements.batch import (
    DeviceLike,
    MeasurementBatch,
    Omission,
    OmissionReason,
    ReadingLike,
    server_timestamp,
)
from app.core.measurements.server_warnings import WarningExplanation, explain_warnings
from app.core.measurements.validation import (
    MAX_MEASURES,
    MAX_SPAN_S,
    Problem,
    Severity,
    Validation,
    ValidationLimits,
    split,
    validate,
)
from app.core.sensors.names import dictionary_names, fold, suggest

__all__ = [
    "MAX_MEASURES",
    "MAX_SPAN_S",
    "DeviceLike",
    "MeasurementBatch",
    "Omission",
    "OmissionReason",
    "Problem",
    "ReadingLike",
    "Severity",
    "Validation",
    "ValidationLimits",
    "WarningExplanation",
    "dictionary_names",
    "explain_warnings",
    "fold",
    "server_timestamp",
    "split",
    "suggest",
    "validate",
]
