"""Request and response bodies of the input API, as the seed document shows them.

Strict on purpose: a sensorValue must be a JSON number (not a string, not a bool, finite), a
timestamp whole seconds (a millisecond timestamp is refused), a deviceNumber a string. Unknown
extra fields are ignored, as a lenient server would.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

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


class SensorValue(_Strict):
    sensorName: str
    sensorValue: Annotated[float, Field(allow_inf_nan=False)]


class Measure(_Strict):
    timestamp: Annotated[int, Field(ge=0, le=MAX_TIMESTAMP)]
    sensorValues: list[SensorValue]


class DeviceMeasures(_Strict):
    deviceNumber: str
    measures: list[Measure]


class MeasurementResult(BaseModel):
    success: bool
    warnings: list[str]


class ErrorOut(BaseModel):
    statusCode: int
    message: str
    error: str


ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut, "description": "Token ausente, malformado, mal firmado o expirado"},
    422: {"model": ErrorOut, "description": "Cuerpo inválido"},
}
