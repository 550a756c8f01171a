"""/_emulator/*: what the emulator stored and saw, and knobs for tests. Not the platform's API.

These routes are left out of /api/v1/spec and need no token.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request

from app.emulator.deps import StateDep
from app.emulator.errors import ApiError
from app.emulator.scenario import ScenarioError, failure_from_mapping
from app.emulator.world import MAX_CLOCK_OFFSET_S, WorldError, check_clock_offset

ADMIN_PREFIX = "/_emulator"
MAX_ACTIVE_FAILURES = 100  # rules added at run time live until cleared: keep the list bounded

router = APIRouter(prefix=ADMIN_PREFIX, include_in_schema=False)


@router.get("/measurements")
async def stored_measurements(
    state: StateDep, deviceNumber: str | None = None, provider: str | None = None
) -> list[dict[str, object]]:
    return [m.as_json() for m in state.measurements(deviceNumber, provider)]


@router.get("/stats")
async def stats(state: StateDep) -> dict[str, Any]:
    return state.stats_snapshot()


@router.post("/reset")
async def reset(state: StateDep) -> dict[str, bool]:
    state.reset()
    return {"success": True}


@router.post("/revoke-access-tokens")
async def revoke_access_tokens(state: StateDep) -> dict[str, int]:
    return {"revoked": state.tokens.revoke_access_tokens()}


@router.get("/failures")
async def list_failures(state: StateDep) -> list[dict[str, Any]]:
    return [
        {"endpoint": r.endpoint, "kind": r.kind, "status": r.effective_status, "times": r.times}
        for r in state.faults.active()
    ]


async def read_json(request: Request) -> Any:
    """The body as JSON, or a 400: not JSON, not UTF-8, nested too deep, or an integer longer
    than Python converts (all of them used to escape as 500s)."""
    try:
        return json.loads(await request.body())
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise ApiError(400, "El cuerpo no es JSON válido") from None


@router.post("/failures")
async def add_failures(request: Request, state: StateDep) -> dict[str, int]:
    """One failure entry (scenario shape) or a list of them; at most MAX_ACTIVE_FAILURES live."""
    data = await read_json(request)
    entries = data if isinstance(data, list) else [data]
    if len(state.faults.active()) + len(entries) > MAX_ACTIVE_FAILURES:
        raise ApiError(
            422,
            f"A lo sumo {MAX_ACTIVE_FAILURES} fallas activas; "
            "bórrelas con DELETE /_emulator/failures",
        )
    try:
        rules = [
            failure_from_mapping(e, "POST /_emulator/failures", f"[{i}]")
            for i, e in enumerate(entries)
        ]
    except ScenarioError as exc:
        raise ApiError(422, str(exc)) from None
    for rule in rules:
        state.faults.add(rule)
    return {"active": len(state.faults.active())}


@router.delete("/failures")
async def clear_failures(state: StateDep) -> dict[str, int]:
    state.faults.clear()
    return {"active": 0}


@router.post("/clock")
async def set_clock(request: Request, state: StateDep) -> dict[str, float]:
    """{"offsetSeconds": 120}: move the server clock relative to real time (up to ten years).

    NaN, infinities and huge numbers are refused: an offset of NaN made every token valid
    forever, 1e308 made server-time fail."""
    data = await read_json(request)
    offset = data.get("offsetSeconds") if isinstance(data, dict) else None
    if isinstance(offset, bool) or not isinstance(offset, int | float):
        raise ApiError(422, 'Se espera {"offsetSeconds": <número>}')
    try:
        state.clock.offset_s = check_clock_offset(float(offset))
    except (OverflowError, WorldError):  # float() of a 400-digit integer overflows
        raise ApiError(
            422,
            f"offsetSeconds debe ser un número finito entre -{MAX_CLOCK_OFFSET_S} y "
            f"{MAX_CLOCK_OFFSET_S} segundos",
        ) from None
    return {"offsetSeconds": state.clock.offset_s}


@router.get("/world")
async def world(state: StateDep) -> dict[str, Any]:
    """Providers, gateways and meters (ids, numbers, sensor names); no tokens."""
    return {
        "name": state.world.name,
        "providers": [
            {
                "id": p.id,
                "gateways": list(p.gateways),
                "devices": [
                    {"id": d.id, "number": d.number, "sensors": list(d.sensors)} for d in p.devices
                ],
            }
            for p in state.world.providers
        ],
        "clockOffsetSeconds": state.clock.offset_s,
        "strictRefreshRotation": state.world.strict_refresh_rotation,
    }
