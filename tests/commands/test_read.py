"""`medido read` against the meter simulator: every shipped profile, over TCP and RTU."""

from __future__ import annotations

import asyncio
import json
import math
import os
import socket
import subprocess
import sys
import time
from datetime import datetime
from typing import Any

import pytest

from app import cli
from app.core.meter.profile import Function
from app.core.meter.profile_loader import default_library
from app.simulator import Faults, RegisterFault
from tests.fixtures.simulator import SimRtuFactory, SimTcpFactory

PROFILES = default_library().ids()


def assert_matches(values: dict[str, Any], expected: dict[str, float | None], rel: float) -> None:
    assert values, "no values"
    for sensor, value in values.items():
        want = expected[sensor]
        if want is None:
            assert value is None, sensor
        else:
            assert value is not None, sensor
            assert math.isclose(value, want, rel_tol=rel, abs_tol=1e-6), (sensor, value, want)


async def run_cli(*argv: str) -> int:
    # `medido read` runs its own event loop (asyncio.run); the simulator runs in this one.
    return await asyncio.to_thread(cli.main, list(argv))


def polls(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.mark.parametrize("profile_id", PROFILES)
async def test_every_profile_over_tcp(
    profile_id: str, meter_sim_tcp: SimTcpFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    sim = await meter_sim_tcp(profile_id, unit=3)
    uri = f"tcp://{sim.host}:{sim.port}?unit=3"
    assert await run_cli("read", "--meter", uri, "--profile", profile_id, "--json") == 0
    (poll,) = polls(capsys.readouterr().out)
    expected = sim.meter.expected_values()
    assert set(poll["values"]) == set(default_library().get(profile_id).sensor_names)
    assert_matches(poll["values"], expected, 1e-6)
    if default_library().get(profile_id).auxiliary:
        assert_matches(poll["extras"], expected, 1e-6)
    assert poll["stats"]["errors"] == 0
    assert poll["stats"]["requests"] >= 1


@pytest.mark.parametrize("profile_id", PROFILES)
async def test_every_profile_over_rtu_pty(
    profile_id: str, meter_sim_rtu: SimRtuFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    sim = await meter_sim_rtu(profile_id, unit=5)
    uri = f"rtu://{sim.port}?baud={sim.baud}&parity=N&stop=1&unit=5"
    assert await run_cli("read", "--meter", uri, "--profile", profile_id, "--json") == 0
    (poll,) = polls(capsys.readouterr().out)
    assert_matches(poll["values"], sim.meter.expected_values(), 1e-6)
    assert poll["stats"]["errors"] == 0


async def test_table_shows_units_raw_registers_and_problems(
    meter_sim_tcp: SimTcpFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    # Voltaje A-N of the SDM630 is input register 0 (f32); make the meter refuse it.
    faults = Faults(register_faults=[RegisterFault(Function.INPUT, 0, 2, code=2)])
    sim = await meter_sim_tcp("eastron-sdm630", faults=faults)
    uri = f"tcp://{sim.host}:{sim.port}"
    assert await run_cli("read", "--meter", uri, "--profile", "eastron-sdm630") == 0
    out = capsys.readouterr().out
    voltage = next(line for line in out.splitlines() if line.startswith("Voltaje B-N"))
    assert " V " in voltage
    assert f"{sim.meter.expected_values()['Voltaje B-N']:.3f}" in voltage
    assert "Modbus exception 2: illegal data address" in out
    assert "requests" in out


async def test_plan_is_printed_without_touching_the_bus(capsys: pytest.CaptureFixture[str]) -> None:
    uri = "rtu:///dev/does-not-exist?baud=9600"
    assert await run_cli("read", "--meter", uri, "--profile", "eastron-sdm630", "--plan") == 0
    out = capsys.readouterr().out
    # 5, not the 4 a TCP link needs: at 9600 baud reading through the 18 unused registers at
    # 206-223 takes longer than one more request with Modbus's 4 ms silence.
    assert out.startswith("Read plan: 5 requests")
    assert "Modbus RTU, 9600 baud, 10 bits per byte, 4.01 ms pause" in out
    assert "Distorsión armónica del Voltaje A-N" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--meter", "tcp://127.0.0.1:1", "--profile", "eastron-sdm630"], "refused"),
        (["--meter", "rtu:///dev/ttyMISSING0", "--profile", "eastron-sdm630"], "does not exist"),
        (["--meter", "modbus://x", "--profile", "eastron-sdm630"], "Bad meter address"),
        (["--meter", "tcp://127.0.0.1:1", "--profile", "eastron-sdm999"], "did you mean"),
    ],
)
async def test_errors_are_clear_and_exit_non_zero(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await run_cli("read", *argv) != 0
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


async def test_unknown_unit_times_out_with_a_clear_message(
    meter_sim_tcp: SimTcpFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    sim = await meter_sim_tcp("eastron-sdm630", unit=1)
    uri = f"tcp://{sim.host}:{sim.port}?unit=9"
    argv = ["--profile", "eastron-sdm630", "--timeout", "0.2", "--retries", "0", "--json"]
    assert await run_cli("read", "--meter", uri, *argv) == 1
    captured = capsys.readouterr()
    assert "Unit 9" in captured.err
    assert "did not answer" in captured.err
    (poll,) = polls(captured.out)
    assert poll["error"]["code"] == "timeout"
    assert all(v is None for v in poll["values"].values())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_read_as_a_subprocess_against_meter_sim_as_a_subprocess() -> None:
    port = _free_port()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    sim = subprocess.Popen(
        [sys.executable, "-m", "app", "meter-sim", "--profile", "schneider-iem3000",
         "--tcp", f"127.0.0.1:{port}", "--unit", "4", "--quiet"],
        stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        assert sim.stdout is not None
        deadline = time.monotonic() + 20
        while "serving" not in sim.stdout.readline():
            assert time.monotonic() < deadline, "meter-sim did not start"
        uri = f"tcp://127.0.0.1:{port}?unit=4"
        done = subprocess.run(
            [sys.executable, "-m", "app", "read", "--meter", uri, "--profile",
             "schneider-iem3000", "--json", "--count", "2", "--interval", "0.1"],
            capture_output=True, text=True, env=env, timeout=60, check=False,
        )  # fmt: skip
    finally:
        sim.terminate()
        sim.wait(timeout=10)
    assert done.returncode == 0, done.stderr
    from app.simulator import SimClock
    from tests.fixtures.simulator import make_meter

    # The subprocess's clock runs; the same model (seed 1) at the poll's time must agree.
    twin = make_meter("schneider-iem3000", seed=1, clock=SimClock())
    for poll in polls(done.stdout):
        at = datetime.fromisoformat(poll["at"]).timestamp() + poll["duration_s"] / 2
        assert_matches(poll["values"], twin.expected_values(at=at), 2e-3)
