"""Injected failures and latency over real HTTP: what a site's network does to the client."""

from __future__ import annotations

import json
import time
from dataclasses import replace

import httpx
import pytest

from app.emulator.network import route_template
from app.emulator.server import EmulatorServer
from app.emulator.world import API_ENDPOINTS, FailureRule, default_world
from tests.emulator.seed import assert_error, login
from tests.fixtures.emulator import EmulatorFactory


def inject(emu: EmulatorServer, rule: object) -> httpx.Response:
    return httpx.post(f"{emu.root_url}/_emulator/failures", json=rule)


def test_503_for_the_next_two_calls_then_normal(emulator: EmulatorServer) -> None:
    assert inject(
        emulator, {"endpoint": "GET /server-time", "kind": "status", "times": 2}
    ).json() == {"active": 1}
    with login(emulator) as api:
        assert api.get("/devices/number/29").status_code == 200  # other endpoints unaffected
        for _ in range(2):
            assert_error(api.get("/server-time"), 503)
        assert api.get("/server-time").status_code == 200
    stats = emulator.state.stats_snapshot()
    assert stats["requests"]["GET /api/v1/server-time"] == 3  # failed calls are counted too
    assert stats["failures_injected"] == 2


def test_captive_portal_answers_html_with_200(emulator_factory: EmulatorFactory) -> None:
    emu = emulator_factory("app/emulator/scenarios/captive-portal.toml")
    r = httpx.post(f"{emu.base_url}/auth/token/refresh", json={"refreshToken": "x"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "<html" in r.text
    with pytest.raises(json.JSONDecodeError):  # what a naive client would trip on
        r.json()
    for _ in range(2):
        httpx.get(f"{emu.base_url}/server-time")
    assert refresh_ok(emu)  # after 3 calls the portal lets traffic through


def refresh_ok(emu: EmulatorServer) -> bool:
    r = httpx.post(
        f"{emu.base_url}/auth/token/refresh", json={"refreshToken": emu.issue_refresh_token()}
    )
    return r.status_code == 200 and r.headers["content-type"] == "application/json"


def test_admin_routes_are_never_failed(emulator: EmulatorServer) -> None:
    inject(emulator, {"kind": "html"})
    assert httpx.get(f"{emulator.root_url}/_emulator/stats").status_code == 200
    assert not refresh_ok(emulator)
    assert httpx.delete(f"{emulator.root_url}/_emulator/failures").json() == {"active": 0}
    assert refresh_ok(emulator)


def test_timeout_makes_the_client_give_up(emulator: EmulatorServer) -> None:
    inject(emulator, {"endpoint": "POST /measurements", "kind": "timeout", "seconds": 30})
    with login(emulator) as api:
        start = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            api.post("/measurements", json=[], timeout=0.3)
        assert time.monotonic() - start < 2
    # stop() must not wait for the hanging request (the fixture stops it after this test).


def test_stop_is_fast_with_a_hanging_request(emulator_factory: EmulatorFactory) -> None:
    emu = emulator_factory(
        replace(default_world(), failures=(FailureRule(kind="timeout", seconds=60),))
    )
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(f"{emu.base_url}/server-time", timeout=0.2)
    start = time.monotonic()
    emu.stop()
    assert time.monotonic() - start < 1.0  # not the 1 s graceful-shutdown timeout
    assert not emu.running


def test_latency_global_and_per_endpoint(emulator_factory: EmulatorFactory) -> None:
    world = replace(default_world(), latency_ms=150, endpoint_latency_ms={"GET /server-time": 400})
    emu = emulator_factory(world)
    with login(emu) as api:
        start = time.monotonic()
        api.get("/devices/number/29")
        plain = time.monotonic() - start
        start = time.monotonic()
        api.get("/server-time")
        slow = time.monotonic() - start
    assert 0.15 <= plain < 0.4
    assert 0.4 <= slow < 0.9


def test_seeded_probability_is_reproducible(emulator_factory: EmulatorFactory) -> None:
    rule = FailureRule(kind="status", status=502, probability=0.5, seed=3)
    outcomes = []
    for _ in range(2):
        emu = emulator_factory(replace(default_world(), failures=(rule,)))
        headers = {"Authorization": f"Bearer {emu.issue_access_token()}"}
        with httpx.Client(base_url=emu.base_url, headers=headers) as api:
            codes = [api.get("/server-time").status_code for _ in range(12)]
        outcomes.append(codes)
    assert outcomes[0] == outcomes[1]
    assert set(outcomes[0]) == {200, 502}


@pytest.mark.parametrize(
    "rule",
    [
        {"kind": "explode"},
        {"kind": "status", "endpoint": "GET /nowhere"},
        {"kind": "status", "times": 0},
        {"kind": "status", "probability": 2},
        {"endpoint": "*"},
        {"kind": "status", "colour": "red"},
    ],
)
def test_bad_runtime_failures_are_422(emulator: EmulatorServer, rule: object) -> None:
    assert_error(inject(emulator, rule), 422)
    assert httpx.get(f"{emulator.root_url}/_emulator/failures").json() == []


def test_a_list_of_failures_and_an_unnamed_status(emulator: EmulatorServer) -> None:
    r = inject(
        emulator, [{"kind": "status", "status": 520, "times": 1}, {"kind": "html", "times": 1}]
    )
    assert r.json() == {"active": 2}
    first = httpx.get(f"{emulator.base_url}/server-time")
    assert assert_error(first, 520)["error"] == "Error"
    assert (
        httpx.get(f"{emulator.base_url}/server-time")
        .headers["content-type"]
        .startswith("text/html")
    )


def test_the_endpoint_list_matches_the_apps_routes(emulator: EmulatorServer) -> None:
    """Failure rules, latency and stats key on API_ENDPOINTS; it must be the app's real routes."""
    spec = httpx.get(f"{emulator.base_url}/spec").json()
    served = {
        f"{method.upper()} {path.removeprefix('/api/v1')}"
        for path, methods in spec["paths"].items()
        for method in methods
    }
    assert served == set(API_ENDPOINTS)
    assert route_template("/api/v1/devices/number/29") == "/api/v1/devices/number/{number}"
    assert route_template("/api/v1/devices/29") == "/api/v1/devices/{id}"
    assert route_template("/api/v1/devices/29/extra") is None
