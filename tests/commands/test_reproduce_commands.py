"""`medido emulator --from-bundle` and `medido meter-sim --from-bundle` as real processes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from pymodbus.client import AsyncModbusTcpClient

from app.cli import main
from tests.commands.test_meter_sim import served_port, start, stop
from tests.commands.test_meter_sim import wait_for as wait_until
from tests.fixtures.bundles import read_json, registers_json, site_json, write_test_bundle

REPO = Path(__file__).resolve().parents[2]
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")


def test_emulator_serves_the_bundles_site(tmp_path: Path) -> None:
    site = site_json(provider="12", gateway="34", offset=3600.0, device_id=77, number="M-1")
    bundle = write_test_bundle(tmp_path / "site.zip", site=site)
    tokens_file, out = tmp_path / "tokens.json", tmp_path / "out.txt"
    command = [sys.executable, "-m", "app", "emulator", "--port", "0", "--from-bundle", str(bundle)]
    with out.open("w") as stdout:
        proc = subprocess.Popen(
            [*command, "--tokens-out", str(tokens_file)],
            cwd=REPO,
            stdout=stdout,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until(lambda: "Press Ctrl-C" in out.read_text() or proc.poll() is not None)
        text = out.read_text()
        match = re.search(r"API base URL: (http://127\.0\.0\.1:\d+/api/v1)", text)
        assert match, text
        base_url = match.group(1)
        (entry,) = json.loads(tokens_file.read_text())
        assert (entry["provider"], entry["gateway"]) == ("12", "34")
        assert entry["refreshToken"] in text  # printed as the command always does
        r = httpx.post(
            f"{base_url}/auth/token/refresh", json={"refreshToken": entry["refreshToken"]}
        )
        headers = {"Authorization": f"Bearer {r.json()['accessToken']}"}
        assert httpx.get(f"{base_url}/devices/number/M-1", headers=headers).json()["id"] == 77
        server = httpx.get(f"{base_url}/server-time", headers=headers).json()["timestamp"]
        assert abs(server - time.time() - 3600) < 5
    finally:
        proc.terminate()
        code = proc.wait(timeout=10)
    assert code == 0


@POSIX_ONLY
async def test_meter_sim_replays_the_capture(tmp_path: Path) -> None:
    registers = registers_json(9, [read_json(4, 0, [17256, 0]), read_json(4, 30, exception=4)])
    bundle = write_test_bundle(tmp_path / "site.zip", registers=registers)
    proc, out = start(tmp_path, "--from-bundle", str(bundle), "--tcp", "127.0.0.1:0", "--quiet")
    try:
        port = served_port(proc, out, "tcp")
        assert "unit 9: eastron-sdm630 (replayed from a bundle" in out.read_text()
        client = AsyncModbusTcpClient("127.0.0.1", port=port, timeout=3, retries=0)
        assert await client.connect()
        try:
            words = await client.read_input_registers(0, count=2, device_id=9)
            captured = await client.read_input_registers(30, count=1, device_id=9)
            never = await client.read_input_registers(2, count=2, device_id=9)
        finally:
            client.close()
        assert words.registers == [17256, 0]
        assert captured.exception_code == 4
        assert never.exception_code == 2
    finally:
        stop(proc, out)


@pytest.mark.parametrize(
    "args", [["emulator", "--port", "0"], ["meter-sim", "--tcp", "127.0.0.1:0"]]
)
def test_a_bundle_that_cannot_be_reproduced_exits_2(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = write_test_bundle(tmp_path / "b.zip", site=site_json(provider=None, device_id=None))
    assert main([*args, "--from-bundle", str(bundle)]) == 2
    assert "error: bundle:" in capsys.readouterr().err
