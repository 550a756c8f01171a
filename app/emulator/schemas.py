"""Request and response bodies of the input API, as the seed document shows them.

Strict on purpose: a sensorValue must be a JSON number (not a string, not a bool, finite), a
timestamp whole seconds (a millisecond timestamp is refused), a deviceNumber a string. Unknown
extra fields are ignored, as a lenient server would.

The published spec must match what the routes do (a schemathesis test holds them to it): a
timestamp written 1592.0 is an integer to JSON Schema, so it is accepted; the limits that
POST /measurements checks itself (at least one measure and one value, at most 100) are in the
schema too, while the route keeps answering them with its own 400.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

# Seconds since 1970; 10 digits at most (until 2286), which refuses millisecond timestamps.
MAX_TIMESTAMP = 9_999_999_999


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True)


class RefreshRequest(_Strict):
    refreshToken: str


class TokenPair(BaseModel):
    accessToken: str
    refreshToken: str


class Sensor(BaseModel):
    name: str
    unit: str
    alias: str | None = None  # only present when the platform has one


class DeviceOut(BaseModel):
    id: int
    number: str
    sensors: list[Sensor]


class ServerTime(BaseModel):
    timestamp: int = Field(description="Unix time, seconds")
    datetime: str = Field(
        description="ISO 8601 UTC with milliseconds, e.g. 2020-03-11T15:05:18.021Z"
    )


MAX_MEASURES = 100  # per request, across every meter in the body


def _whole_number(value: object) -> object:
    """1592.0 → 1592 (JSON Schema's integer); 1592.5, strings and bools are left to be refused."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _items(low: int, high: int | None = None) -> dict[str, int]:
    """Array bounds for the published schema only: the route checks them, with its own 400."""
    return {"minItems": low} | ({"maxItems": high} if high is not None else {})


class SensorValue(_Strict):
    sensorName: str
    sensorValue: Annotated[float, Field(allow_inf_nan=False)]


class Measure(_Strict):
    timestamp: Annotated[int, Field(ge=0, le=MAX_TIMESTAMP), BeforeValidator(_whole_number)]
    sensorValues: Annotated[list[SensorValue], Field(json_schema_extra=_items(1))]


class DeviceMeasures(_Strict):
    deviceNumber: str
    measures: Annotated[list[Measure], Field(json_schema_extra=_items(1, MAX_MEASURES))]


class MeasurementResult(BaseModel):
    success: bool
    warnings: list[str]


class ErrorOut(BaseModel):
    statusCode: int
    message: str
    error: str


Responses = dict[int | str, dict[str, object]]

ERROR_RESPONSES: Responses = {
    401: {"model": ErrorOut, "description": "Token ausente, malformado, mal firmado o expirado"},
}
# Every route that reads a body: not JSON (400), over the size limit (413), wrong shape (422).
BODY_ERROR_RESPONSES: Responses = {
    400: {"model": ErrorOut, "description": "El cuerpo no es JSON válido"},
    413: {"model": ErrorOut, "description": "Cuerpo demasiado grande"},
    422: {"model": ErrorOut, "description": "Cuerpo inválido"},
}
