"""`medido clock`: server vs laptop vs meter (a simulated Schneider iEM3000, which has a clock)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import httpx
import pytest

from app.emulator.server import EmulatorServer
from app.simulator import Faults
from tests.commands.api_helpers import log_in, medido, simulated_meter

WITH_CLOCK = "schneider-iem3000"


def test_server_and_laptop_agree(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    ran = medido(capsys, "clock")
    assert ran.code == 0, ran.err
    assert "PASS" in ran.out
    assert "laptop vs server:" in ran.out
    assert " ± " in ran.out
    assert "Uploads are stamped on the server's clock" in ran.out


def test_three_clocks_as_json(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    with simulated_meter(WITH_CLOCK) as meter:
        ran = medido(capsys, "clock", "--meter", meter, "--profile", WITH_CLOCK, "--json")
    assert ran.code == 0, ran.err
    body = json.loads(ran.out)
    assert body["ok"] is True
    assert body["errors"] == []
    assert [v["comparison"] for v in body["verdicts"]] == [
        "laptop_vs_server",
        "meter_vs_server",
        "meter_vs_laptop",
    ]
    assert {v["verdict"] for v in body["verdicts"]} == {"pass"}
    for key in ("laptop_vs_server", "meter_vs_server", "meter_vs_laptop"):
        assert abs(body[key]["seconds"]) < 5
        assert body[key]["uncertainty_s"] > 0


def test_a_meter_ten_minutes_ahead_fails(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    with simulated_meter(WITH_CLOCK, Faults(clock_offset_s=600)) as meter:
        ran = medido(capsys, "clock", "--meter", meter, "--profile", WITH_CLOCK)
    assert ran.code == 1
    assert "FAIL" in ran.out
    assert "The meter's clock is 10 min 0 s ahead of" in ran.out


def test_a_server_clock_two_minutes_off_fails_as_the_app_says(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    httpx.post(f"{emulator.root_url}/_emulator/clock", json={"offsetSeconds": 120})
    ran = medido(capsys, "clock", "--json")
    assert ran.code == 1
    verdict = json.loads(ran.out)["verdicts"][0]
    assert (verdict["verdict"], verdict["code"]) == ("fail", "clock.drift_large")
    assert "Turn on automatic time" in verdict["message"]


def test_a_profile_without_a_clock_compares_server_and_laptop(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    with simulated_meter("eastron-sdm630") as meter:
        ran = medido(capsys, "clock", "--meter", meter, "--profile", "eastron-sdm630")
    assert ran.code == 0, ran.err
    assert "has no clock registers" in ran.out


def test_a_meter_that_is_not_there(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    meter = f"tcp://127.0.0.1:{port}?unit=1"
    ran = medido(capsys, "clock", "--meter", meter, "--profile", WITH_CLOCK, "--json")
    assert ran.code == 1
    assert ran.err.startswith("medido clock:")
    assert json.loads(ran.out)["ok"] is False


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--meter", "tcp://127.0.0.1:1502"], "give --meter URI and --profile ID together"),
        (["--profile", WITH_CLOCK], "give --meter URI and --profile ID together"),
        (["--meter", "udp://x", "--profile", WITH_CLOCK], "--meter:"),
        (["--meter", "tcp://127.0.0.1", "--profile", "nope"], "--profile:"),
        (["--samples", "0"], "argument --samples"),
        (["--meter-zone", "Mars/Olympus"], "argument --meter-zone"),
    ],
)
def test_bad_input_is_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    ran = medido(capsys, "clock", *args)
    assert ran.code == 2
    assert says in ran.err


def test_no_login_remembered(capsys: pytest.CaptureFixture[str]) -> None:
    ran = medido(capsys, "clock")
    assert ran.code == 1
    assert "medido login --api URL --token-file FILE" in ran.err
