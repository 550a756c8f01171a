"""/_emulator/*: reading what was stored and seen, resetting, and the world's description."""

from __future__ import annotations

import httpx

from app.emulator.server import EmulatorServer
from tests.emulator.seed import login, measures, seed_measurement_body


def test_measurements_filter_by_number_and_provider(emulator: EmulatorServer) -> None:
    with login(emulator) as api:
        api.post("/measurements", json=seed_measurement_body())
        api.post("/measurements", json=[measures("30", [1_700_000_000])])
    with login(emulator, gateway="8") as api:
        api.post("/measurements", json=[measures("29", [1_700_000_000], **{"Corriente A": 1})])
    admin = f"{emulator.root_url}/_emulator/measurements"
    assert len(httpx.get(admin).json()) == 31  # provider 7's "Corriente A" was not configured
    assert len(httpx.get(admin, params={"deviceNumber": "29"}).json()) == 30
    assert len(httpx.get(admin, params={"deviceNumber": "30"}).json()) == 1
    assert httpx.get(admin, params={"provider": "7"}).json() == []


def test_stats_count_by_route_template_and_reset_clears(emulator: EmulatorServer) -> None:
    with login(emulator) as api:
        api.get("/devices/29")
        api.get("/devices/30")
        api.post("/measurements", json=seed_measurement_body())
    stats = httpx.get(f"{emulator.root_url}/_emulator/stats").json()
    assert stats["requests"] == {
        "POST /api/v1/auth/token/refresh": 1,
        "GET /api/v1/devices/{id}": 2,
        "POST /api/v1/measurements": 1,
    }
    assert (stats["refreshes"], stats["refresh_attempts"]) == (1, 1)
    assert httpx.post(f"{emulator.root_url}/_emulator/reset").json() == {"success": True}
    stats = httpx.get(f"{emulator.root_url}/_emulator/stats").json()
    assert stats["requests"] == {}
    assert stats["refreshes"] == 0
    assert emulator.state.measurements() == []


def test_world_description_lists_ids_and_no_tokens(emulator: EmulatorServer) -> None:
    world = httpx.get(f"{emulator.root_url}/_emulator/world").json()
    assert [(p["id"], p["gateways"]) for p in world["providers"]] == [("1", ["2"]), ("7", ["8"])]
    assert [d["id"] for d in world["providers"][0]["devices"]] == [29, 30]
    assert "eyJ" not in str(world)


def test_clock_rejects_a_non_number(emulator: EmulatorServer) -> None:
    r = httpx.post(f"{emulator.root_url}/_emulator/clock", json={"offsetSeconds": "soon"})
    assert r.status_code == 422
    assert emulator.state.clock.offset_s == 0
