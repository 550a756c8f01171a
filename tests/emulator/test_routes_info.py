"""GET /server-time, /sensor-name-list and /spec over real HTTP."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from datetime import datetime

import httpx

from app.emulator.server import EmulatorServer
from app.emulator.world import default_world
from tests.emulator.seed import SEED_SENSORS, assert_error, login
from tests.fixtures.emulator import EmulatorFactory

ISO_MILLIS_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def test_server_time_has_seconds_and_iso_with_milliseconds(emulator: EmulatorServer) -> None:
    with login(emulator) as api:
        before = time.time()
        body = api.get("/server-time").json()
        after = time.time()
    assert set(body) == {"timestamp", "datetime"}
    assert isinstance(body["timestamp"], int)
    assert int(before) <= body["timestamp"] <= after
    assert ISO_MILLIS_Z.match(body["datetime"]), body["datetime"]
    parsed = datetime.fromisoformat(body["datetime"].replace("Z", "+00:00")).timestamp()
    assert int(parsed) == body["timestamp"]


def test_server_time_applies_the_clock_offset(emulator_factory: EmulatorFactory) -> None:
    emu = emulator_factory(replace(default_world(), clock_offset_s=-7200.5))
    with login(emu) as api:
        body = api.get("/server-time").json()
        httpx.post(f"{emu.root_url}/_emulator/clock", json={"offsetSeconds": 300})
        later = api.get("/server-time").json()
    assert abs(body["timestamp"] - (time.time() - 7200.5)) < 3
    assert abs(later["timestamp"] - (time.time() + 300)) < 3


def test_server_time_needs_a_token(emulator: EmulatorServer) -> None:
    assert_error(httpx.get(f"{emulator.base_url}/server-time"), 401)


def test_sensor_name_list_is_the_dictionary(emulator: EmulatorServer) -> None:
    with login(emulator) as api:
        listed = api.get("/sensor-name-list").json()
    assert [(s["name"], s["unit"], s.get("alias")) for s in listed] == SEED_SENSORS
    assert all(set(s) <= {"name", "unit", "alias"} for s in listed)


def test_spec_is_openapi_with_the_seed_endpoints_only(emulator: EmulatorServer) -> None:
    r = httpx.get(f"{emulator.base_url}/spec")  # no token needed, like a docs page
    assert r.status_code == 200
    spec = r.json()
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == {
        "/api/v1/auth/token/refresh",
        "/api/v1/devices/{id}",
        "/api/v1/devices/number/{number}",
        "/api/v1/server-time",
        "/api/v1/measurements",
        "/api/v1/sensor-name-list",
        "/api/v1/spec",
    }
    assert "post" in spec["paths"]["/api/v1/measurements"]
    assert "201" in spec["paths"]["/api/v1/measurements"]["post"]["responses"]
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
