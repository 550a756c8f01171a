"""GET /devices/{id} and /devices/number/{number}: a meter and its configured sensors."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from app.emulator.deps import PrincipalDep, StateDep
from app.emulator.dictionary import SENSORS_BY_NAME
from app.emulator.errors import ApiError, shorten
from app.emulator.schemas import ERROR_RESPONSES, DeviceOut, ErrorOut, Sensor
from app.emulator.world import API_PREFIX, Device

router = APIRouter(prefix=API_PREFIX, tags=["Medidores"])

MAX_ID_DIGITS = 18  # ids fit a signed 64-bit integer, as the platform's database keys do

_RESPONSES = {
    **ERROR_RESPONSES,
    403: {"model": ErrorOut, "description": "El medidor es de otro proveedor"},
    404: {"model": ErrorOut, "description": "Medidor no registrado"},
}


def device_out(device: Device) -> DeviceOut:
    sensors = [SENSORS_BY_NAME[name] for name in device.sensors]
    return DeviceOut(
        id=device.id,
        number=device.number,
        sensors=[Sensor(name=s.name, unit=s.unit, alias=s.alias) for s in sensors],
    )


def parse_device_id(text: str) -> int | None:
    """The id in a path ("29", "0029"), or None for text that cannot name a meter.

    Length is checked before int(): Python refuses to convert more than 4,300 digits (a
    ValueError that used to become a 500), and no id is longer than MAX_ID_DIGITS anyway.
    """
    if not (text.isascii() and text.isdigit()):
        return None
    digits = text.lstrip("0") or "0"
    return int(digits) if len(digits) <= MAX_ID_DIGITS else None


@router.get("/devices/{id}", responses=_RESPONSES, response_model_exclude_none=True)
async def device_by_id(
    id: Annotated[str, Path(examples=["29"])], principal: PrincipalDep, state: StateDep
) -> DeviceOut:
    """A meter by ChileMedido's id; another provider's meter is forbidden."""
    device_id = parse_device_id(id)
    found = state.world.device_by_id(device_id) if device_id is not None else None
    if found is None:
        raise ApiError(404, f"No existe un medidor con id {shorten(id)}")
    provider, device = found
    if provider.id != principal.provider:
        raise ApiError(403, f"El medidor con id {device.id} no pertenece a su proveedor")
    return device_out(device)


@router.get("/devices/number/{number}", responses=_RESPONSES, response_model_exclude_none=True)
async def device_by_number(
    number: Annotated[str, Path(examples=["29"])], principal: PrincipalDep, state: StateDep
) -> DeviceOut:
    """A meter by the provider's own number (text, unique within the provider)."""
    provider = state.world.provider(principal.provider)
    device = provider.device_by_number(number) if provider is not None else None
    if device is None:
        raise ApiError(404, f'No hay un medidor con número "{shorten(number)}" para su proveedor')
    return device_out(device)
