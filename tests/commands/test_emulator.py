"""`medido emulator`: a real process on a free port, its tokens file, and a clean stop."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from app.cli import main

REPO = Path(__file__).resolve().parents[2]


def wait_for(predicate: object, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_emulator_command_serves_and_writes_tokens(tmp_path: Path) -> None:
    tokens_file = tmp_path / "tokens.json"
    out = tmp_path / "out.txt"
    with out.open("w") as stdout:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "app",
                "emulator",
                "--port",
                "0",
                "--tokens-out",
                str(tokens_file),
            ],
            cwd=REPO,
            stdout=stdout,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for(lambda: "Press Ctrl-C" in out.read_text() or proc.poll() is not None)
        text = out.read_text()
        match = re.search(r"API base URL: (http://127\.0\.0\.1:\d+/api/v1)", text)
        assert match, text
        base_url = match.group(1)
        entries = json.loads(tokens_file.read_text())
        assert [(e["provider"], e["gateway"]) for e in entries] == [("1", "2"), ("7", "8")]
        assert all(set(e) == {"provider", "gateway", "refreshToken"} for e in entries)
        assert tokens_file.stat().st_mode & 0o077 == 0  # owner-only

        r = httpx.post(
            f"{base_url}/auth/token/refresh", json={"refreshToken": entries[0]["refreshToken"]}
        )
        assert r.status_code == 200
        device = httpx.get(
            f"{base_url}/devices/number/29",
            headers={"Authorization": f"Bearer {r.json()['accessToken']}"},
        )
        assert device.json()["id"] == 29
    finally:
        proc.terminate()
        code = proc.wait(timeout=10)
    assert code == 0
    assert "Emulator stopped." in out.read_text()


def test_a_bad_scenario_exits_2_with_the_file_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[server]\nlatency_ms = -5\n")
    assert main(["emulator", "--port", "0", "--scenario", str(bad)]) == 2
    assert str(bad) in capsys.readouterr().err


def test_a_taken_port_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["emulator", "--port", str(port)]) == 1
    assert "--port" in capsys.readouterr().err


@pytest.mark.parametrize("where", ["a-folder", "missing-folder/tokens.json", "nul\x00.json"])
def test_unwritable_tokens_out_is_a_clear_error(
    where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tmp_path = tmp_path / "work"  # the test's own folder (the log folder lives beside it)
    tmp_path.mkdir()
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a-folder" / "keep.txt").write_text("mine")
    target = tmp_path / where
    assert main(["emulator", "--port", "0", "--tokens-out", str(target)]) == 1
    out, err = capsys.readouterr()
    assert out == ""  # nothing printed as if it were running
    [line] = err.splitlines()
    assert line.startswith("error: cannot write the tokens to ")
    assert "the emulator stopped" in line
    assert "\x00" not in line
    # Nothing lost, nothing left behind: the folder keeps its file, no temporary file remains.
    assert (tmp_path / "a-folder" / "keep.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder"]


def test_tokens_out_replaces_an_earlier_file_whole(tmp_path: Path) -> None:
    from app.commands.emulator import write_tokens

    target = tmp_path / "tokens.json"
    target.write_text("old")
    write_tokens(target, [{"provider": "1", "gateway": "2", "refreshToken": "t"}])
    assert json.loads(target.read_text()) == [
        {"provider": "1", "gateway": "2", "refreshToken": "t"}
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tokens.json"]
