"""`medido check` as a real process: the demo, and a server and a meter started separately
(`medido emulator`, `medido meter-sim`), with an upload and the report written."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from app.cli import main
from tests.commands.test_meter_sim import REPO, served_port, stop, wait_for

STEP_IDS = ["api", "token", "device", "coverage", "meter", "wiring", "clock", "upload"]


def medido(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_the_demo_check_passes_as_json() -> None:
    done = medido("check", "--demo", "--json")
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert body["passed"] is True
    assert [s["id"] for s in body["steps"]] == STEP_IDS
    assert {s["status"] for s in body["steps"]} <= {"pass", "warn", "skip"}
    assert all({"id", "status", "title", "detail", "evidence"} <= set(s) for s in body["steps"])
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_a_separate_server_and_meter_pass_with_an_upload_and_a_report(tmp_path: Path) -> None:
    tokens = tmp_path / "tokens.json"
    emu_out, sim_out = tmp_path / "emulator.txt", tmp_path / "sim.txt"
    with emu_out.open("w") as e, sim_out.open("w") as s:
        emulator = subprocess.Popen(
            [sys.executable, "-m", "app", "emulator", "--port", "0", "--tokens-out", str(tokens)],
            cwd=REPO,
            stdout=e,
            stderr=subprocess.STDOUT,
        )
        sim = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "app",
                "meter-sim",
                "--profile",
                "eastron-sdm630",
                "--tcp",
                "127.0.0.1:0",
            ],
            cwd=REPO,
            stdout=s,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for(lambda: "Press Ctrl-C" in emu_out.read_text() or emulator.poll() is not None)
        found = re.search(r"API base URL: (http://127\.0\.0\.1:\d+/api/v1)", emu_out.read_text())
        assert found, emu_out.read_text()
        api = found.group(1)
        port = served_port(sim, sim_out, "tcp")
        reports = tmp_path / "informes"
        done = medido(
            "check",
            "--api",
            api,
            "--token-file",
            str(tokens),
            "--device",
            "30",
            "--meter",
            f"tcp://127.0.0.1:{port}?unit=1",
            "--profile",
            "eastron-sdm630",
            "--upload",
            "--report",
            str(reports),
            "--site",
            "Bodega",
            "--json",
        )
        assert done.returncode == 0, done.stdout + done.stderr
        body = json.loads(done.stdout)
        assert body["passed"] is True
        upload = next(s for s in body["steps"] if s["id"] == "upload")
        assert upload["status"] == "pass"
        device = next(s for s in body["steps"] if s["id"] == "device")["evidence"]
        root = api.removesuffix("/api/v1")
        stored = httpx.get(f"{root}/_emulator/measurements", params={"deviceNumber": "30"}).json()
        assert stored
        assert {m["sensorName"] for m in stored} <= set(device["sensors"])  # only configured
        assert sorted(Path(p).suffix for p in body["report_files"]) == [".html", ".json", ".pdf"]
        for path in body["report_files"]:
            data = Path(path).read_bytes()
            assert b"eyJ" not in data  # no JWT-shaped text in any report
    finally:
        emulator.terminate()
        emulator.wait(timeout=10)
        stop(sim, sim_out)


def test_bad_arguments_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["check", "--api", "https://x.cl/api/v1"]) == 2
    assert "--token-file" in capsys.readouterr().err
    token = tmp_path / "t.txt"
    token.write_text("not a token")
    assert (
        main(["check", "--api", "https://x.cl/api/v1", "--token-file", str(token), "--device", "1"])
        == 2
    )
    assert "holds no ChileMedido refresh token" in capsys.readouterr().err
    assert main(["check", "--api", "ftp://x", "--token-file", str(token), "--device", "1"]) == 2


def test_an_unreachable_server_fails_the_check_with_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from app.emulator.server import EmulatorServer

    with EmulatorServer() as emulator:
        token = tmp_path / "t.txt"
        token.write_text(emulator.issue_refresh_token())
        api = emulator.base_url
    # stopped now: nothing answers at that address
    assert main(["check", "--api", api, "--token-file", str(token), "--device", "29"]) == 1
    out = capsys.readouterr()
    assert "FAIL  API reachable" in out.err
    assert "Check NOT passed" in out.out


def test_the_check_writes_its_traffic_to_the_log_folder_without_tokens(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import os

    assert main(["check", "--demo", "--json"]) == 0
    capsys.readouterr()
    log_dir = Path(os.environ["MEDIDO_LOG_DIR"])
    raw = (log_dir / "traffic.jsonl").read_text(encoding="utf-8")
    lines = [json.loads(line) for line in raw.split("\n") if line]  # JSON Lines: "\n" only
    channels = {entry["channel"] for entry in lines}
    assert {"http", "modbus"} <= channels
    assert re.search(r"eyJ[\w-]{8,}\.[\w-]{8,}", raw) is None
