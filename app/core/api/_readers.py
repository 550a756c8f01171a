"""Reading the API's answers into typed values.

Lenient on purpose: extra fields are ignored and optional ones (alias, unit) may be missing, so
a server that adds a field tomorrow does not break an installer today. A required field that is
missing is an UnexpectedAnswer naming what was being read.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from app.core.api._errors import UnexpectedAnswer
from app.core.api._models import (
    MILLISECOND_TIMESTAMPS,
    Device,
    Sensor,
    ServerTime,
    UploadResult,
)


def _unexpected(what: str, detail: str) -> UnexpectedAnswer:
    return UnexpectedAnswer(
        f"ChileMedido answered {what} in a form Medido does not understand ({detail}). "
        "The API may have changed: update Medido or contact support.",
        what=what,
    )


def _optional_text(entry: Mapping[str, Any], key: str) -> str | None:
    value = entry.get(key)
    return None if value is None else str(value)


def sensor_from_json(entry: object, what: str) -> Sensor:
    if isinstance(entry, str):
        return Sensor(entry)
    if isinstance(entry, Mapping):
        name = entry.get("name", entry.get("sensorName"))
        if isinstance(name, str) and name:
            return Sensor(name, _optional_text(entry, "unit"), _optional_text(entry, "alias"))
    raise _unexpected(what, "a sensor without a name")


def device_from_json(body: object) -> Device:
    if not isinstance(body, Mapping):
        raise _unexpected("the meter", "not an object")
    raw_id, number, sensors = body.get("id"), body.get("number"), body.get("sensors", [])
    if isinstance(raw_id, bool) or not isinstance(raw_id, int | str):
        raise _unexpected("the meter", "no id")
    try:
        device_id = int(raw_id)
    except ValueError:
        raise _unexpected("the meter", "an id that is not a number") from None
    if number is None or isinstance(number, Mapping | list):
        raise _unexpected("the meter", "no number")
    if not isinstance(sensors, list):
        raise _unexpected("the meter", "a sensor list that is not a list")
    return Device(device_id, str(number), tuple(sensor_from_json(s, "the meter") for s in sensors))


def sensor_names_from_json(body: object) -> tuple[Sensor, ...]:
    if isinstance(body, Mapping):  # tolerate a wrapper object around the list
        lists = [v for v in body.values() if isinstance(v, list)]
        body = lists[0] if len(lists) == 1 else body
    if not isinstance(body, list):
        raise _unexpected("the sensor dictionary", "not a list")
    return tuple(sensor_from_json(entry, "the sensor dictionary") for entry in body)


def server_time_from_json(body: object, sent_at: datetime, received_at: datetime) -> ServerTime:
    if not isinstance(body, Mapping):
        raise _unexpected("the server time", "not an object")
    stamp, iso = body.get("timestamp"), body.get("datetime")
    parsed: datetime | None = None
    if isinstance(iso, str):
        try:
            parsed = datetime.fromisoformat(iso)
        except ValueError:
            parsed = None
        if parsed is not None and parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)  # ISO time without zone: the seed's is UTC
    if isinstance(stamp, bool) or not isinstance(stamp, int | float):
        if parsed is None:
            raise _unexpected("the server time", "neither a timestamp nor a date")
        stamp = parsed.timestamp()
    if stamp > MILLISECOND_TIMESTAMPS:
        stamp = stamp / 1000
    if parsed is not None and abs(parsed.timestamp() - stamp) >= 1:
        # The seconds are unambiguous UTC; an ISO text that disagrees (a local time written
        # without its zone, say) would shift every uploaded timestamp by hours.
        parsed = None
    utc = parsed.astimezone(UTC) if parsed is not None else datetime.fromtimestamp(stamp, UTC)
    return ServerTime(int(stamp), utc, sent_at, received_at)


def upload_result_from_json(body: object, status: int) -> UploadResult:
    if body is None:  # an empty 2xx: accepted, nothing to add
        return UploadResult(True, (), status)
    if not isinstance(body, Mapping):
        raise _unexpected("the upload", "not an object")
    warnings = body.get("warnings") or []
    if not isinstance(warnings, list):
        warnings = [warnings]
    return UploadResult(
        success=body.get("success", True) is not False,
        warnings=tuple(_warning_text(w) for w in warnings),
        status=status,
    )


def _warning_text(warning: object) -> str:
    if isinstance(warning, Mapping):
        for key in ("message", "warning", "detail"):
            if isinstance(warning.get(key), str):
                return str(warning[key])
    return str(warning)
