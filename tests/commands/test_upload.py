"""`medido upload`: one measurement from a live (simulated) reading; --dry-run sends nothing."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from app.core.meter.profile import WordOrder
from app.emulator.server import EmulatorServer
from app.simulator import Faults
from tests.commands.api_helpers import log_in, medido, simulated_meter, stored

PROFILE = "eastron-sdm630"


def test_dry_run_prints_the_exact_json_and_sends_nothing(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    with simulated_meter() as meter:
        args = ["upload", "--device", "30", "--meter", meter, "--profile", PROFILE, "--dry-run"]
        ran = medido(capsys, *args)
    assert ran.code == 0, ran.err
    body = json.loads(ran.out)  # stdout is the body, nothing else
    assert [b["deviceNumber"] for b in body] == ["30"]
    names = [v["sensorName"] for v in body[0]["measures"][0]["sensorValues"]]
    assert names == [
        "Potencia activa total instantánea",
        "Energía activa acumulada",
        "Corriente A",
        "Voltaje F-N",
        "Factor de potencia total",
    ]  # meter 30's configured sensors, in its order
    assert "not configured on the meter" in ran.err
    assert "Corriente B" in ran.err
    assert "Nothing was sent: the measurement is sendable." in ran.err
    assert stored(emulator) == []


def test_dry_run_as_json(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    with simulated_meter() as meter:
        args = ["upload", "--device", "29", "--meter", meter, "--profile", PROFILE]
        ran = medido(capsys, *args, "--dry-run", "--json")
    assert ran.code == 0, ran.err
    result = json.loads(ran.out)
    assert (result["ok"], result["sent"], result["sendable"]) == (True, False, True)
    assert result["body"][0]["deviceNumber"] == "29"
    temperature = [o for o in result["omitted"] if o["sensor"] == "Temperatura"]
    assert temperature[0]["code"] == "measurement.omitted.not_in_profile"
    assert stored(emulator) == []


def test_an_upload_is_stored_as_sent(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    with simulated_meter() as meter:
        args = ["upload", "--device", "30", "--meter", meter, "--profile", PROFILE, "--json"]
        ran = medido(capsys, *args)
    assert ran.code == 0, ran.err
    result = json.loads(ran.out)
    assert (result["stored"], result["status"], result["error"]) == (True, 201, None)
    sent = result["body"][0]["measures"][0]
    kept = stored(emulator, "30")
    assert {m["sensorName"] for m in kept} == {v["sensorName"] for v in sent["sensorValues"]}
    assert {m["timestamp"] for m in kept} == {sent["timestamp"]}


def test_an_upload_in_text(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    with simulated_meter() as meter:
        ran = medido(capsys, "upload", "--device", "29", "--meter", meter, "--profile", PROFILE)
    assert ran.code == 0, ran.err
    assert "ChileMedido stored 29 values for meter 29 (HTTP 201)." in ran.out
    assert 'expects "Temperatura" from this meter' in ran.err
    assert len(stored(emulator, "29")) == 29


def test_impossible_values_are_never_uploaded(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    with simulated_meter(faults=Faults(word_order=WordOrder.CDAB)) as meter:
        args = ["upload", "--device", "29", "--meter", meter, "--profile", PROFILE, "--json"]
        ran = medido(capsys, *args)
    result = json.loads(ran.out)
    impossible = {o["sensor"] for o in result["omitted"] if "never uploaded" in o["message"]}
    assert impossible, result["omitted"]
    sent = {m["sensorName"] for m in stored(emulator, "29")}
    assert not impossible & sent
    assert ran.code == (0 if result["stored"] else 1)


def test_an_unknown_device_sends_nothing(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    with simulated_meter() as meter:
        ran = medido(capsys, "upload", "--device", "31", "--meter", meter, "--profile", PROFILE)
    assert ran.code == 1
    assert ran.err.startswith('medido upload: ChileMedido has no meter numbered "31"')
    assert stored(emulator) == []


def test_a_meter_that_is_not_there_sends_nothing(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    meter = f"tcp://127.0.0.1:{port}?unit=1"
    ran = medido(capsys, "upload", "--device", "29", "--meter", meter, "--profile", PROFILE)
    assert ran.code == 1
    assert ran.err.startswith("medido upload:")
    assert stored(emulator) == []


def test_a_refusing_server_is_a_failure_with_its_reason(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    import httpx

    log_in(capsys, emulator, tmp_path)
    failure = {"kind": "status", "endpoint": "POST /measurements", "status": 503}
    httpx.post(f"{emulator.root_url}/_emulator/failures", json=failure).raise_for_status()
    with simulated_meter() as meter:
        ran = medido(capsys, "upload", "--device", "29", "--meter", meter, "--profile", PROFILE)
    assert ran.code == 1
    assert "medido upload:" in ran.err
    assert stored(emulator) == []


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--device", "29", "--profile", PROFILE], "the following arguments are required: --meter"),
        (["--device", " ", "--meter", "tcp://127.0.0.1", "--profile", PROFILE], "is empty"),
        (["--device", "29", "--meter", "tcp://", "--profile", PROFILE], "--meter:"),
        (["--device", "29", "--meter", "tcp://127.0.0.1", "--profile", "x"], "--profile:"),
    ],
)
def test_bad_input_is_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    ran = medido(capsys, "upload", *args)
    assert ran.code == 2
    assert says in ran.err


def test_no_login_remembered(capsys: pytest.CaptureFixture[str]) -> None:
    with simulated_meter() as meter:
        ran = medido(capsys, "upload", "--device", "29", "--meter", meter, "--profile", PROFILE)
    assert ran.code == 1
    assert "medido login --api URL --token-file FILE" in ran.err
