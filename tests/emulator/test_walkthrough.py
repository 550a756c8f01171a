"""docs/api-walkthrough.md runs as written: its bash blocks, with curl and jq, against an emulator.

The same flow also runs through httpx, so it is checked where curl or jq are missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

from app.commands.emulator import gateway_tokens, write_tokens
from app.emulator.server import EmulatorServer
from tests.emulator.seed import SEED_TIMESTAMP, bearer, seed_measurement_body

DOC = Path(__file__).resolve().parents[2] / "docs" / "api-walkthrough.md"
START_COMMAND = "uv run medido emulator --tokens-out tokens.json"


def walkthrough_script(port: int) -> str:
    """Every bash block after the one that starts the emulator, aimed at `port`."""
    blocks = re.findall(r"```bash\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert blocks[0].strip() == START_COMMAND
    script = "\n".join(blocks[1:])
    assert "127.0.0.1:8000" in script
    return script.replace("127.0.0.1:8000", f"127.0.0.1:{port}")


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("bash", "curl", "jq")), reason="needs bash, curl, jq"
)
def test_the_walkthrough_runs_as_written(emulator: EmulatorServer, tmp_path: Path) -> None:
    write_tokens(tmp_path / "tokens.json", gateway_tokens(emulator))
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", walkthrough_script(emulator.port)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert '"aud": "1"' in out
    assert '"sensors": 30' in out
    assert re.search(r'\{"timestamp":\d+,"datetime":"[0-9T:.-]+Z"\}', out)
    assert '{"success":true,"warnings":[]}' in out
    assert 'no configurado en el medidor \\"30\\"' in out
    for status in ("403", "404", "401", "422"):
        assert f'{{"statusCode":{status},' in out
    assert "200 text/html; charset=utf-8" in out
    assert '{"revoked":1}' in out
    assert len(emulator.state.measurements(device_number="29", provider="1")) == 30
    assert emulator.state.stats.refreshes == 1


def test_the_walkthrough_flow_over_httpx(emulator: EmulatorServer) -> None:
    refresh_token = gateway_tokens(emulator)[0]["refreshToken"]
    with httpx.Client(base_url=emulator.base_url) as api:
        pair = api.post("/auth/token/refresh", json={"refreshToken": refresh_token}).json()
        headers = bearer(pair["accessToken"])
        device = api.get("/devices/number/29", headers=headers).json()
        assert api.get("/server-time", headers=headers).status_code == 200
        body = [
            {
                "deviceNumber": device["number"],
                "measures": [
                    {
                        "timestamp": SEED_TIMESTAMP,
                        "sensorValues": [
                            {"sensorName": s["name"], "sensorValue": 1} for s in device["sensors"]
                        ],
                    }
                ],
            }
        ]
        assert body == seed_measurement_body()  # the doc's jq builds exactly the seed's body
        posted = api.post("/measurements", json=body, headers=headers)
    assert posted.status_code == 201
    assert posted.json() == {"success": True, "warnings": []}
    stored = httpx.get(f"{emulator.root_url}/_emulator/measurements?deviceNumber=29").json()
    assert len(stored) == 30
