"""EmulatorServer: starts fast on a free loopback port, serves, and stops fast."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import httpx
import pytest

from app.emulator.server import EmulatorServer

SCENARIOS = Path(__file__).resolve().parents[2] / "app" / "emulator" / "scenarios"


def test_start_and_stop_are_fast_and_the_port_is_released() -> None:
    EmulatorServer().start().stop()  # warm-up: imports and the process's signing key
    emu = EmulatorServer()
    start = time.monotonic()
    emu.start()
    started = time.monotonic() - start
    assert emu.base_url == f"http://127.0.0.1:{emu.port}/api/v1"
    assert emu.root_url == f"http://127.0.0.1:{emu.port}"
    assert httpx.get(f"{emu.base_url}/spec").status_code == 200  # accepting already
    start = time.monotonic()
    emu.stop()
    stopped = time.monotonic() - start
    assert started < 0.5, started
    assert stopped < 0.5, stopped
    assert not emu.running
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{emu.root_url}/_emulator/stats")
    with socket.socket() as s:  # the port is free again
        s.bind(("127.0.0.1", emu.port))


def test_a_requested_port_that_is_taken_fails_clearly() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(OSError, match="in use"):
            EmulatorServer(port=taken.getsockname()[1]).start()


def test_two_emulators_side_by_side_and_a_scenario_path() -> None:
    with EmulatorServer() as a, EmulatorServer(SCENARIOS / "two-providers.toml") as b:
        assert a.port != b.port
        assert b.world.name == "two providers"
        assert b.issue_refresh_token("3")  # a gateway only that world has
        with pytest.raises(KeyError, match="gateway '3'"):
            a.issue_refresh_token("3")


def test_start_twice_is_an_error_and_stop_twice_is_harmless() -> None:
    emu = EmulatorServer().start()
    try:
        with pytest.raises(RuntimeError, match="already"):
            emu.start()
    finally:
        emu.stop()
    emu.stop()
    with emu:  # and it can serve again, keeping its state
        assert httpx.get(f"{emu.root_url}/_emulator/stats").status_code == 200
    with pytest.raises(RuntimeError, match="not started"):
        _ = EmulatorServer().base_url


def test_state_is_readable_while_serving(emulator: EmulatorServer) -> None:
    token = emulator.issue_access_token()
    for _ in range(3):
        httpx.get(f"{emulator.base_url}/server-time", headers={"Authorization": f"Bearer {token}"})
    assert emulator.state.stats.requests("GET /api/v1/server-time") == 3


def test_responses_do_not_wait_for_delayed_acks(emulator: EmulatorServer) -> None:
    """Without TCP_NODELAY on the server side every response took ~45 ms here (Nagle's algorithm
    holding the body until the client's delayed ACK of the headers)."""
    with httpx.Client() as client:
        client.get(f"{emulator.base_url}/spec")
        times = []
        for _ in range(15):
            start = time.perf_counter()
            client.get(f"{emulator.base_url}/spec")
            times.append(time.perf_counter() - start)
    assert sorted(times)[len(times) // 2] < 0.02, times
