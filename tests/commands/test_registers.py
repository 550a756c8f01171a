"""`medido registers read|write` against the meter simulator over Modbus TCP."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from app import cli
from app.core.meter.meter_clock import decode_datetime
from tests.fixtures.simulator import SimTcpFactory


async def run_cli(*argv: str) -> int:
    # the command runs its own event loop (asyncio.run); the simulator runs in this one
    return await asyncio.to_thread(cli.main, list(argv))


def one_json(out: str) -> dict[str, Any]:
    (line,) = [x for x in out.splitlines() if x.strip()]
    result: dict[str, Any] = json.loads(line)
    return result


async def test_read_agrees_with_medido_read(
    meter_sim_tcp: SimTcpFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    sim = await meter_sim_tcp("eastron-sdm630", unit=2)
    uri = f"tcp://{sim.host}:{sim.port}?unit=2"
    assert await run_cli("read", "--meter", uri, "--profile", "eastron-sdm630", "--json") == 0
    reading = one_json(capsys.readouterr().out)
    profile = sim.meter.profile
    # Voltages A-N, B-N, C-N: input registers 0..5, f32 ABCD, scale 1 (SDM630 manual 30001..)
    voltages = [m for m in profile.sensors if m.parts[0].address in (0, 2, 4)]
    assert len(voltages) == 3
    args = ("registers", "read", "--meter", uri, "30001", "--count", "6", "--type", "f32")
    assert await run_cli(*args, "--json") == 0
    answer = one_json(capsys.readouterr().out)
    assert answer["function"] == "input"
    assert answer["address"] == 0
    by_address = {row["address"]: row["value"] for row in answer["rows"]}
    for mapping in voltages:
        assert by_address[mapping.parts[0].address] == reading["values"][mapping.sensor]
    # the same registers as a plain 1-based address with --function, as a table
    args = ("registers", "read", "--meter", uri, "--function", "input", "1", "--base", "1")
    assert await run_cli(*args, "--count", "2", "--type", "f32") == 0
    table = capsys.readouterr().out
    assert "unit 2 input 0+2" in table
    assert "30001" in table
    assert f"{reading['values'][voltages[0].sensor]:g}" in table


async def test_exceptions_are_shown_and_fail(
    meter_sim_tcp: SimTcpFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    sim = await meter_sim_tcp("eastron-sdm630", unit=1)
    uri = f"tcp://{sim.host}:{sim.port}"
    assert await run_cli("registers", "read", "--meter", uri, "--function", "coils", "0") == 1
    captured = capsys.readouterr()
    assert "Modbus exception 1: illegal function" in captured.out
    assert "error: unit 1 answered Modbus exception 1" in captured.err
    assert "Traceback" not in captured.err


async def test_write_needs_yes_then_changes_the_clock(
    meter_sim_tcp: SimTcpFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    sim = await meter_sim_tcp("schneider-iem3000", unit=1)
    uri = f"tcp://{sim.host}:{sim.port}?unit=1"
    command = ["1003", "0", "2030", "12", "24", "18", "45", "0"]
    before = sim.meter.meter_time()
    assert await run_cli("registers", "write", "--meter", uri, "45250", *command) == 2
    refusal = capsys.readouterr().err
    assert "Would write 8 registers at holding 45250–45257 (wire 5249–5256) of unit 1" in refusal
    assert "--yes" in refusal
    assert sim.meter.meter_time().year == before.year  # nothing was written
    assert await run_cli("registers", "write", "--meter", uri, "45250", *command, "--yes") == 0
    assert "Wrote 8 registers at holding 45250–45257" in capsys.readouterr().out
    args = ("registers", "read", "--meter", uri, "41845", "--count", "4", "--json")
    assert await run_cli(*args) == 0
    words = one_json(capsys.readouterr().out)["words"]
    assert decode_datetime(words).strftime("%Y-%m-%d %H:%M") == "2030-12-24 18:45"


async def test_a_refused_write_fails(
    meter_sim_tcp: SimTcpFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    sim = await meter_sim_tcp("schneider-iem3000", unit=1)
    uri = f"tcp://{sim.host}:{sim.port}"
    args = ("registers", "write", "--meter", uri, "100", "7", "--single", "--yes")
    assert await run_cli(*args) == 1
    err = capsys.readouterr().err
    assert "refused the write: Modbus exception 2: illegal data address" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["read", "30001", "--function", "holding"], "names the input table, not holding"),
        (["read", "40000"], "Modicon 4xxxx addresses count from 1"),
        (["read", "65535", "--type", "f32"], "goes past address 65535"),
        (["read", "0", "--base", "1"], "a 1-based address is 1..65536"),
        (["write", "30001", "1", "--yes"], "only holding registers and coils can be written"),
        (["write", "0", "1", "2", "--single", "--yes"], "writes 1..1 values, not 2"),
        (["write", "0", "--function", "coils", "5", "--yes"], "a coil takes 0 or 1"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    action, *rest = argv
    code = cli.main(["registers", action, "--meter", "tcp://127.0.0.1:1", *rest])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_no_answer_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["registers", "read", "--meter", "tcp://127.0.0.1:1", "0", "--timeout", "0.3"])
    assert code == 1
    assert "No answer:" in capsys.readouterr().err
