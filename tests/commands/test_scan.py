"""`medido scan` against the simulator, in-process."""

from __future__ import annotations

import asyncio
import json

import pytest

from app import cli
from app.commands.arguments import parse_host_port
from app.commands.scan import parse_units
from app.core.meter.profile import WordOrder
from app.simulator import Faults
from tests.fixtures.simulator import SimTcpFactory, make_meter


async def run_cli(*argv: str) -> int:
    return await asyncio.to_thread(cli.main, list(argv))


async def test_scan_a_gateway_as_json(
    meter_sim_tcp: SimTcpFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    other = make_meter("abb-b23", Faults(word_order=WordOrder.CDAB), seed=3)
    sim = await meter_sim_tcp("siemens-pac3200", unit=1, others={4: other}, gateway=True)
    code = await run_cli(
        "scan", "--tcp", f"{sim.host}:{sim.port}", "--units", "1-5", "--timeout", "0.2", "--json"
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    found = {r["unit"]: r for r in out["responders"]}
    assert set(found) == {1, 4}
    assert found[1]["profile"] == "siemens-pac3200"
    assert not found[1]["word_order_mismatch"]
    assert found[4]["profile"] == "abb-b23"
    assert found[4]["word_order_mismatch"]
    assert found[4]["guesses"][0]["word_order"] == "CDAB"
    assert out["probes"] == 5


async def test_scan_text_output_and_nobody_home(
    meter_sim_tcp: SimTcpFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    sim = await meter_sim_tcp("eastron-sdm630", unit=10)
    where = f"{sim.host}:{sim.port}"
    assert await run_cli("scan", "--tcp", where, "--units", "10", "--timeout", "0.3") == 0
    out = capsys.readouterr().out
    assert "unit  10" in out
    assert "likely eastron-sdm630" in out
    assert await run_cli("scan", "--tcp", where, "--units", "1-2", "--timeout", "0.1") == 1
    assert "No meter answered (2 probes" in capsys.readouterr().out


async def test_list_ports(capsys: pytest.CaptureFixture[str]) -> None:
    assert await run_cli("scan", "--list-ports", "--json") == 0
    ports = json.loads(capsys.readouterr().out)
    assert isinstance(ports, list)
    assert all({"device", "description", "vid_pid"} <= set(p) for p in ports)


@pytest.mark.parametrize(
    "argv",
    [
        ["--tcp", "h:1", "--units", "0-3"],
        ["--tcp", "h:1", "--units", "a"],
        ["--tcp", "h:x"],
        ["--serial", "/dev/x", "--parities", "Q"],
        ["--serial", "/dev/x", "--timeout", "0"],
    ],
)
async def test_bad_arguments_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert await run_cli("scan", *argv) == 2
    assert "error:" in capsys.readouterr().err


def test_unit_and_address_parsing() -> None:
    assert parse_units("1-3,7, 5") == [1, 2, 3, 5, 7]
    assert parse_host_port("10.0.0.5") == ("10.0.0.5", 502)
    assert parse_host_port("[::1]:1502") == ("::1", 1502)
