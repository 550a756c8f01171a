"""`medido device`: a meter by number or id, its sensors, a profile's coverage; the errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.emulator.server import EmulatorServer
from tests.commands.api_helpers import log_in, medido, token_file


def test_a_meter_by_number_with_the_profiles_coverage(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    ran = medido(capsys, "device", "29", "--profile", "eastron-sdm630")
    assert ran.code == 0, ran.err
    assert ran.out.startswith("Meter 29 (ChileMedido id 29) on 127.0.0.1")
    assert "30 sensors" in ran.out
    assert "Temperatura" in ran.out
    assert "NOT SUPPLIED" in ran.out
    assert "eastron-sdm630 supplies 29 of 30 sensors." in ran.out


def test_a_meter_by_id_as_json(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    ran = medido(capsys, "device", "--id", "30", "--profile", "eastron-sdm630", "--json")
    assert ran.code == 0, ran.err
    body = json.loads(ran.out)
    assert (body["id"], body["number"], len(body["sensors"])) == (30, "30", 5)
    coverage = body["coverage"]
    assert coverage["complete"] is True
    assert coverage["missing"] == []
    assert "Corriente B" in coverage["not_configured"]  # read by the profile, not on meter 30


def test_an_unknown_meter_is_exit_1_with_a_clear_line(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    ran = medido(capsys, "device", "31")
    assert ran.code == 1
    assert ran.out == ""
    assert ran.err.startswith('medido device: ChileMedido has no meter numbered "31"')
    assert len(ran.err.strip().splitlines()) == 1
    ran = medido(capsys, "device", "--id", "4129", "--json")  # provider 7's meter
    assert ran.code == 1
    assert json.loads(ran.out)["error"]["code"] == "not_your_meter"


def test_no_login_remembered_says_how_to_log_in(capsys: pytest.CaptureFixture[str]) -> None:
    ran = medido(capsys, "device", "29")
    assert ran.code == 1
    assert "No server or login is remembered" in ran.err
    assert "medido login --api URL --token-file FILE" in ran.err


def test_another_server_without_a_login_there(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    ran = medido(capsys, "device", "29", "--api", "https://in.chilemedido.cl/api/v1")
    assert ran.code == 1
    assert "No login is remembered for in.chilemedido.cl" in ran.err


def test_a_token_file_instead_of_the_remembered_login(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    tokens = token_file(emulator, tmp_path, gateway="8")
    ran = medido(capsys, "device", "29", "--api", emulator.base_url, "--token-file", str(tokens))
    assert ran.code == 0, ran.err
    assert "ChileMedido id 4129" in ran.out  # provider 7's meter "29"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        ([], "give the meter's NUMBER or --id N"),
        (["29", "--id", "29"], "give the meter's NUMBER or --id N"),
        (["  "], "the meter number is empty"),
        (["29", "--profile", "no-such-meter"], "--profile:"),
        (["29", "--api", "not a url"], "--api: The API address must start with https://"),
        (["--id", "-1"], "argument --id: must be a whole number"),
        (["--id", "1e999"], "argument --id: must be a whole number"),
    ],
)
def test_bad_input_is_exit_2(
    capsys: pytest.CaptureFixture[str],
    emulator: EmulatorServer,
    tmp_path: Path,
    args: list[str],
    says: str,
) -> None:
    log_in(capsys, emulator, tmp_path)
    ran = medido(capsys, "device", *args)
    assert ran.code == 2
    assert says in ran.err


def test_a_server_that_went_away(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    emulator.stop()
    ran = medido(capsys, "device", "29", "--json")
    assert ran.code == 1
    assert json.loads(ran.out)["error"]["code"].startswith("offline")
