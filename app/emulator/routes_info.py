"""GET /server-time, /sensor-name-list and /spec: the platform's clock, dictionary and API spec."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request

from app.emulator.deps import PrincipalDep, StateDep
from app.emulator.dictionary import DICTIONARY
from app.emulator.schemas import ERROR_RESPONSES, Sensor, ServerTime
from app.emulator.world import API_PREFIX

router = APIRouter(prefix=API_PREFIX)


def iso_millis(epoch_s: float) -> str:
    """'2020-03-11T15:05:18.021Z', as the seed shows."""
    moment = datetime.fromtimestamp(epoch_s, tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@router.get("/server-time", tags=["Server Time"], responses=ERROR_RESPONSES)
async def server_time(_: PrincipalDep, state: StateDep) -> ServerTime:
    """The server's current time, in Unix seconds and ISO 8601 UTC."""
    now = state.clock.now()
    return ServerTime(timestamp=int(now), datetime=iso_millis(now))


@router.get(
    "/sensor-name-list",
    tags=["Nombres de sensores"],
    responses=ERROR_RESPONSES,
    response_model_exclude_none=True,
)
async def sensor_name_list(_: PrincipalDep) -> list[Sensor]:
    """The platform's dictionary of variables: name, unit, and alias where there is one."""
    return [Sensor(name=s.name, unit=s.unit, alias=s.alias) for s in DICTIONARY]


@router.get("/spec", tags=["Especificaciones"])
async def spec(request: Request) -> dict[str, Any]:
    """The OpenAPI definition of this API (for Postman and the like). Needs no token."""
    schema: dict[str, Any] = request.app.openapi()
    return schema
