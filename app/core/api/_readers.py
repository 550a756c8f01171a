"""Reading the API's answers into typed values.

Lenient on purpose: extra fields are ignored and optional ones (alias, unit) may be missing, so
a server that adds a field tomorrow does not break an installer today. But every field that is
read is checked: whatever JSON value a server sends (a list for a name, NaN or 1e300 for a
time), the result is a typed value or an UnexpectedAnswer naming what was being read, never a
Python error from deeper down.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from app.core.api._answers import json_text
from app.core.api._errors import InvalidToken, UnexpectedAnswer
from app.core.api._models import Device, Sensor, ServerTime, UploadResult
from app.core.api._seconds import MILLISECOND_TIMESTAMPS, in_window, utc_from_seconds
from app.core.api._tokens import Token
from app.core.traffic import redact

_ID_MAX = 2**63  # ids are database integers
_WARNING_MAX = 500


def _unexpected(what: str, detail: str) -> UnexpectedAnswer:
    return UnexpectedAnswer(
        f"ChileMedido answered {what} in a form Medido does not understand ({detail}). "
        "The API may have changed: update Medido or contact support.",
        what=what,
    )


def _optional_text(entry: Mapping[str, Any], key: str, what: str) -> str | None:
    value = entry.get(key)
    if value is None or isinstance(value, str):
        return value
    raise _unexpected(what, f"a sensor {key} that is not text")


def sensor_from_json(entry: object, what: str) -> Sensor:
    if isinstance(entry, str) and entry:
        return Sensor(entry)
    if isinstance(entry, Mapping):
        name = entry.get("name", entry.get("sensorName"))
        if isinstance(name, str) and name:
            unit, alias = _optional_text(entry, "unit", what), _optional_text(entry, "alias", what)
            return Sensor(name, unit, alias)
    raise _unexpected(what, "a sensor without a name")


def _whole_number(value: object) -> int | None:
    """A non-negative id or number: an int, or a text of plain digits."""
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value) if len(value) <= 19 else None
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 <= value < _ID_MAX else None


def device_from_json(body: object) -> Device:
    if not isinstance(body, Mapping):
        raise _unexpected("the meter", "not an object")
    raw_id, number, sensors = body.get("id"), body.get("number"), body.get("sensors", [])
    if raw_id is None:
        raise _unexpected("the meter", "no id")
    device_id = _whole_number(raw_id)
    if device_id is None:
        raise _unexpected("the meter", "an id that is not a whole number")
    if number is None:
        raise _unexpected("the meter", "no number")
    if isinstance(number, bool) or not isinstance(number, str | int):
        raise _unexpected("the meter", "a number that is neither text nor a whole number")
    if isinstance(number, int):
        whole = _whole_number(number)
        if whole is None:
            raise _unexpected("the meter", "a number out of range")
        number = str(whole)
    if not number:
        raise _unexpected("the meter", "an empty number")
    if not isinstance(sensors, list):
        raise _unexpected("the meter", "a sensor list that is not a list")
    return Device(device_id, number, tuple(sensor_from_json(s, "the meter") for s in sensors))


def sensor_names_from_json(body: object) -> tuple[Sensor, ...]:
    if isinstance(body, Mapping):  # tolerate a wrapper object around the list
        lists = [v for v in body.values() if isinstance(v, list)]
        body = lists[0] if len(lists) == 1 else body
    if not isinstance(body, list):
        raise _unexpected("the sensor dictionary", "not a list")
    return tuple(sensor_from_json(entry, "the sensor dictionary") for entry in body)


def _iso_instant(iso: object) -> datetime | None:
    """An ISO 8601 time as aware UTC; None when absent, unreadable or out of range."""
    if not isinstance(iso, str):
        return None
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)  # ISO time without zone: the seed's is UTC
    return in_window(parsed)


def server_time_from_json(body: object, sent_at: datetime, received_at: datetime) -> ServerTime:
    what = "the server time"
    if not isinstance(body, Mapping):
        raise _unexpected(what, "not an object")
    stamp, parsed = body.get("timestamp"), _iso_instant(body.get("datetime"))
    if isinstance(stamp, bool) or not isinstance(stamp, int | float):
        if parsed is None:
            raise _unexpected(what, "neither a timestamp nor a date")
        seconds: float = parsed.timestamp()
    elif not 0 <= stamp < MILLISECOND_TIMESTAMPS * 1000:  # NaN fails this too
        raise _unexpected(what, "a timestamp that is not a possible time")
    else:
        seconds = stamp / 1000 if stamp >= MILLISECOND_TIMESTAMPS else stamp
    utc = utc_from_seconds(seconds)
    if utc is None:  # unreachable by the checks above; keeps the reader total
        raise _unexpected(what, "a timestamp that is not a possible time")
    if parsed is not None and abs((parsed - utc).total_seconds()) < 1:
        utc = parsed  # keeps the milliseconds
    # Otherwise the seconds are unambiguous UTC; an ISO text that disagrees (a local time
    # written without its zone, say) would shift every uploaded timestamp by hours.
    return ServerTime(int(seconds), utc, sent_at, received_at)


def upload_result_from_json(body: object, status: int) -> UploadResult:
    if body is None:  # an empty 2xx: accepted, nothing to add
        return UploadResult(True, (), status)
    if not isinstance(body, Mapping):
        raise _unexpected("the upload", "not an object")
    success = body.get("success")
    if success is not None and not isinstance(success, bool):
        # Guessing could drop a batch that was not stored: refuse, and it stays queued.
        raise _unexpected("the upload", "a success flag that is neither true nor false")
    warnings = body.get("warnings") or []
    if not isinstance(warnings, list):
        warnings = [warnings]
    return UploadResult(
        success=success is not False,
        warnings=tuple(_warning_text(w) for w in warnings),
        status=status,
    )


def _warning_text(warning: object) -> str:
    text: object = warning
    if isinstance(warning, Mapping):
        found = [warning.get(k) for k in ("message", "warning", "detail")]
        text = next((t for t in found if isinstance(t, str)), warning)
    shown = text if isinstance(text, str) else json_text(text)
    if len(shown) > _WARNING_MAX:
        shown = shown[: _WARNING_MAX - 1] + "…"
    return redact(shown)


def token_field(body: object, *names: str) -> str | None:
    """A token's text in a login answer (under any of `names`); None when absent or not text."""
    if not isinstance(body, Mapping):
        return None
    for name in names:
        value = body.get(name)
        if isinstance(value, str) and value:
            return value
    return None


def access_token_from_json(body: object) -> Token:
    """The access token of a login answer, readable, or UnexpectedAnswer."""
    text = token_field(body, "accessToken", "access_token")
    try:
        return Token.parse(text or "")
    except InvalidToken:
        raise UnexpectedAnswer(
            "ChileMedido's login answer holds no usable access token. Try again; if it "
            "persists, contact ChileMedido support.",
        ) from None
