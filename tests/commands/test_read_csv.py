"""`medido read --count 0 --csv FILE`: a real process polls the simulator until Ctrl+C, and the
CSV it leaves is whole (a header, complete rows, the last one ended)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import cli
from app.core.meter.profile_loader import default_library
from tests.commands.test_meter_sim import REPO
from tests.fixtures.simulator import SimTcpFactory


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
async def test_until_ctrl_c_writes_a_complete_csv(
    meter_sim_tcp: SimTcpFactory, tmp_path: Path
) -> None:
    sim = await meter_sim_tcp("eastron-sdm630", unit=1)
    file = tmp_path / "readings.csv"
    uri = f"tcp://{sim.host}:{sim.port}?unit=1"
    argv = ["read", "--meter", uri, "--profile", "eastron-sdm630", "--json"]
    argv += ["--count", "0", "--interval", "0.05", "--csv", str(file)]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    with (tmp_path / "out.txt").open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app", *argv], cwd=REPO, stdout=out, stderr=out, env=env
        )
    try:
        deadline = time.monotonic() + 30
        while not file.exists() or file.read_text(encoding="utf-8-sig").count("\n") < 6:
            assert proc.poll() is None, (tmp_path / "out.txt").read_text()
            assert time.monotonic() < deadline, "no rows"
            await asyncio.sleep(0.05)  # the simulator answers on this loop
        proc.send_signal(signal.SIGINT)
        while proc.poll() is None:
            await asyncio.sleep(0.05)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, (tmp_path / "out.txt").read_text()
    assert file.read_bytes().endswith(b"\r\n")  # the last row is whole
    text = file.read_text(encoding="utf-8-sig")
    header, *rows = text.splitlines()
    sensors = default_library().get("eastron-sdm630").sensor_names
    assert header.startswith("Local time (")
    assert header.count(",") == 1 + len(sensors)
    assert len(rows) >= 5
    assert all(row.count(",") == 1 + len(sensors) for row in rows)
    assert "Traceback" not in (tmp_path / "out.txt").read_text()


def test_count_zero_and_csv_are_checked(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["read", "--meter", "tcp://127.0.0.1", "--profile", "eastron-sdm630"]
    assert cli.main([*argv, "--count", "-1"]) == 2
    assert cli.main([*argv, "--decimal", ";"]) == 2
    assert "--decimal" in capsys.readouterr().err
