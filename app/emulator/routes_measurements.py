"""POST /measurements: a batch of measures for the provider's meters.

Checked whole before anything is stored: at most 100 measures and one day between the earliest
and the latest, across the whole body; every meter registered for the caller's provider. Values
for sensors a meter does not have configured are dropped with one warning per (meter, sensor).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body

from app.emulator.deps import PrincipalDep, StateDep
from app.emulator.errors import ApiError, shorten
from app.emulator.schemas import (
    BODY_ERROR_RESPONSES,
    ERROR_RESPONSES,
    MAX_MEASURES,
    DeviceMeasures,
    ErrorOut,
    MeasurementResult,
)
from app.emulator.store import StoredMeasurement
from app.emulator.tokens import Principal
from app.emulator.world import API_PREFIX, Device, World

MAX_SPAN_S = 86_400

router = APIRouter(prefix=API_PREFIX, tags=["Medición"])

_RESPONSES = {
    **ERROR_RESPONSES,
    **BODY_ERROR_RESPONSES,
    400: {
        "model": ErrorOut,
        "description": "No es JSON, más de 100 mediciones en total, más de un día, o vacío",
    },
    404: {"model": ErrorOut, "description": "Medidor no registrado para el proveedor"},
}
_BODY_DESCRIPTION = (
    "Mediciones por medidor: en total, entre todos los medidores, de 1 a 100 mediciones que "
    "abarquen a lo sumo un día (86400 s)."
)


@router.post("/measurements", status_code=201, responses=_RESPONSES)
async def post_measurements(
    body: Annotated[
        list[DeviceMeasures],
        Body(
            description=_BODY_DESCRIPTION,
            json_schema_extra={"minItems": 1, "maxItems": MAX_MEASURES},
        ),
    ],
    principal: PrincipalDep,
    state: StateDep,
) -> MeasurementResult:
    """Upload measures; sending the same (meter, timestamp, sensor) again stores it once."""
    check_limits(body)
    rows, warnings = accept(state.world, principal, body)
    state.store.put(rows)
    return MeasurementResult(success=True, warnings=warnings)


def check_limits(body: list[DeviceMeasures]) -> None:
    measures = [m for entry in body for m in entry.measures]
    if not measures:
        raise ApiError(400, "La solicitud no contiene mediciones")
    if len(measures) > MAX_MEASURES:
        raise ApiError(
            400,
            f"Se enviaron {len(measures)} mediciones; el máximo es {MAX_MEASURES} por solicitud",
        )
    stamps = [m.timestamp for m in measures]
    span = max(stamps) - min(stamps)
    if span > MAX_SPAN_S:
        raise ApiError(
            400,
            f"Las mediciones abarcan {span} s; el máximo es {MAX_SPAN_S} s (1 día) por solicitud",
        )
    for entry in body:
        for measure in entry.measures:
            if not measure.sensorValues:
                number = shorten(entry.deviceNumber)
                raise ApiError(
                    400, f'Medición sin valores (medidor "{number}", {measure.timestamp})'
                )


def accept(
    world: World, principal: Principal, body: list[DeviceMeasures]
) -> tuple[list[StoredMeasurement], list[str]]:
    """The rows to store and the warnings; raises 404 before anything is stored."""
    provider = world.provider(principal.provider)
    devices: list[Device] = []
    for entry in body:
        device = provider.device_by_number(entry.deviceNumber) if provider is not None else None
        if device is None:
            number = shorten(entry.deviceNumber)
            raise ApiError(
                404, f'El medidor número "{number}" no está registrado para su proveedor'
            )
        devices.append(device)
    rows: list[StoredMeasurement] = []
    warnings: list[str] = []
    for entry, device in zip(body, devices, strict=True):
        configured = set(device.sensors)
        for measure in entry.measures:
            for value in measure.sensorValues:
                if value.sensorName not in configured:
                    warning = (
                        f'Sensor "{value.sensorName}" no configurado en el medidor '
                        f'"{device.number}"; valor ignorado'
                    )
                    if warning not in warnings:
                        warnings.append(warning)
                    continue
                rows.append(
                    StoredMeasurement(
                        device_id=device.id,
                        device_number=device.number,
                        provider=principal.provider,
                        timestamp=measure.timestamp,
                        sensor_name=value.sensorName,
                        value=value.sensorValue,
                    )
                )
    return rows, warnings
