"""`medido meter-sim`: a real process serves meters, a pymodbus client reads them, Ctrl-C stops."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pymodbus.client import AsyncModbusTcpClient
from pymodbus.framer import FramerType

from app.cli import main
from app.commands.meter_sim import SCENARIOS_DIR

REPO = Path(__file__).resolve().parents[2]


def wait_for(predicate: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def start(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[bytes], Path]:
    out = tmp_path / "out.txt"
    with out.open("w") as stdout:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app", "meter-sim", *args],
            cwd=REPO,
            stdout=stdout,
            stderr=subprocess.STDOUT,
        )
    return proc, out


def served_port(proc: subprocess.Popen[bytes], out: Path, kind: str) -> int:
    wait_for(lambda: "Press Ctrl-C" in out.read_text() or proc.poll() is not None)
    text = out.read_text()
    match = re.search(rf"serving {kind} 127\.0\.0\.1:(\d+)", text)
    assert match, text
    return int(match.group(1))


def stop(proc: subprocess.Popen[bytes], out: Path) -> str:
    """Ctrl-C; the command must exit 0. Returns everything it printed."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=20) == 0, out.read_text()
    return out.read_text()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
async def test_serves_a_profile_until_ctrl_c(tmp_path: Path) -> None:
    proc, out = start(
        tmp_path,
        "--profile",
        "eastron-sdm630",
        "--tcp",
        "127.0.0.1:0",
        "--unit",
        "3",
        "--interval",
        "0.2",
    )
    try:
        port = served_port(proc, out, "tcp")
        assert "unit 3: eastron-sdm630" in out.read_text()
        client = AsyncModbusTcpClient("127.0.0.1", port=port, timeout=3, retries=0)
        assert await client.connect()
        try:
            response = await client.read_input_registers(0, count=2, device_id=3)  # V A-N
        finally:
            client.close()
        assert not response.isError()
        wait_for(lambda: "unit 3: V " in out.read_text())  # the live summary
    finally:
        text = stop(proc, out)
    assert "Meter simulator stopped." in text


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
async def test_serves_a_scenario_over_rtu_over_tcp(tmp_path: Path) -> None:
    scenario = SCENARIOS_DIR / "rs485-bus.toml"
    proc, out = start(
        tmp_path, "--scenario", str(scenario), "--rtu-over-tcp", "127.0.0.1:0", "--quiet"
    )
    try:
        port = served_port(proc, out, "rtu-over-tcp")
        client = AsyncModbusTcpClient(
            "127.0.0.1", port=port, framer=FramerType.RTU, timeout=3, retries=0
        )
        assert await client.connect()
        try:
            response = await client.read_holding_registers(1844, count=4, device_id=3)  # a clock
        finally:
            client.close()
        assert not response.isError()
        assert 20 <= response.registers[0] <= 127  # year - 2000
    finally:
        text = stop(proc, out)
    assert "unit 2: eastron-sdm630" in text
    assert "unit 1: V" not in text  # --quiet


def test_an_unknown_profile_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meter-sim", "--profile", "eastron-sdm631"]) == 2
    err = capsys.readouterr().err
    assert "eastron-sdm631" in err
    assert "did you mean 'eastron-sdm630'" in err


def test_a_bad_address_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meter-sim", "--profile", "eastron-sdm630", "--tcp", "localhost"]) == 2
    assert "HOST:PORT" in capsys.readouterr().err
