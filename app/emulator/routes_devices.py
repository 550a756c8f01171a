"""GET /devices/{id} and /devices/number/{number}: a meter and its configured sensors."""

from __future__ import annotations

from fastapi import APIRouter

from app.emulator.deps import PrincipalDep, StateDep
from app.emulator.dictionary import SENSORS_BY_NAME
from app.emulator.errors import ApiError
from app.emulator.schemas import ERROR_RESPONSES, DeviceOut, ErrorOut, Sensor
from app.emulator.world import API_PREFIX, Device

router = APIRouter(prefix=API_PREFIX, tags=["Medidores"])

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


@router.get("/devices/{id}", responses=_RESPONSES, response_model_exclude_none=True)
async def device_by_id(id: str, principal: PrincipalDep, state: StateDep) -> DeviceOut:
    """A meter by ChileMedido's id; another provider's meter is forbidden."""
    found = state.world.device_by_id(int(id)) if id.isascii() and id.isdigit() else None
    if found is None:
        raise ApiError(404, f"No existe un medidor con id {id}")
    provider, device = found
    if provider.id != principal.provider:
        raise ApiError(403, f"El medidor con id {id} no pertenece a su proveedor")
    return device_out(device)


@router.get("/devices/number/{number}", responses=_RESPONSES, response_model_exclude_none=True)
async def device_by_number(number: str, principal: PrincipalDep, state: StateDep) -> DeviceOut:
    """A meter by the provider's own number (text, unique within the provider)."""
    provider = state.world.provider(principal.provider)
    device = provider.device_by_number(number) if provider is not None else None
    if device is None:
        raise ApiError(404, f'No hay un medidor con número "{number}" para su proveedor')
    return device_out(device)
