"""`medido login`: the token file's token logs in, the newest refresh token is kept in the
credential store, the server and gateway (never a token) are remembered for the next command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from app.core.account.last_server import last_server_path, load_last_server
from app.core.api import SERVICE
from app.emulator.server import EmulatorServer
from app.emulator.world import default_world
from tests.commands.api_helpers import log_in, medido, token_file
from tests.commands.test_emulator import REPO
from tests.conftest import MemoryKeyring
from tests.fixtures.emulator import EmulatorFactory


def test_login_keeps_the_newest_token_and_remembers_the_server(
    capsys: pytest.CaptureFixture[str],
    emulator: EmulatorServer,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    tokens = token_file(emulator, tmp_path)
    given = tokens.read_text().strip()
    ran = medido(capsys, "login", "--api", emulator.base_url, "--token-file", str(tokens))
    assert ran.code == 0, ran.err
    assert "Logged in to 127.0.0.1" in ran.out
    assert "gateway 2 of provider 1" in ran.out
    kept = memory_keyring.secrets[(SERVICE, f"{emulator.base_url}#1/2")]
    assert kept != given  # the server answered with a new refresh token: that one is kept
    assert given not in ran.out + ran.err
    assert kept not in ran.out + ran.err
    last = load_last_server()
    assert last is not None
    assert (last.base_url, last.provider, last.gateway) == (
        emulator.base_url,
        "1",
        "2",
    )
    text = last_server_path().read_text()
    assert given not in text
    assert kept not in text


def test_login_json_and_a_gateway_from_a_file_with_several(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    tokens = tmp_path / "tokens.json"
    entries = [
        {"provider": p, "gateway": g, "refreshToken": emulator.issue_refresh_token(g)}
        for p, g in (("1", "2"), ("7", "8"))
    ]
    tokens.write_text(json.dumps(entries))
    args = ["login", "--api", emulator.base_url, "--token-file", str(tokens)]
    ran = medido(capsys, *args, "--gateway", "8", "--json")
    assert ran.code == 0, ran.err
    body = json.loads(ran.out)
    assert (body["ok"], body["provider"], body["gateway"], body["token_kept"]) == (
        True,
        "7",
        "8",
        True,
    )
    ran = medido(capsys, *args, "--gateway", "99")
    assert ran.code == 2
    assert "no token for gateway 99 (it has: 2, 8)" in ran.err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--api", "ftp://example.com"], "--api: The API address must start with https://"),
        (["--api", "https://x.cl/api?token=1"], "must not contain ? or #"),
        (["--token-file", "/nonexistent/token.txt"], "token.txt cannot be read"),
        ([], "give --token-file FILE"),
    ],
)
def test_bad_input_is_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str],
    emulator: EmulatorServer,
    tmp_path: Path,
    args: list[str],
    says: str,
) -> None:
    tokens = token_file(emulator, tmp_path)
    if "--token-file" not in args and args:
        args = [*args, "--token-file", str(tokens)]
    ran = medido(capsys, "login", *args)
    assert ran.code == 2
    assert says in ran.err
    assert len(ran.err.strip().splitlines()) == 1


def test_a_file_without_a_token_is_bad_input(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("hello\n")
    ran = medido(capsys, "login", "--api", emulator.base_url, "--token-file", str(junk))
    assert ran.code == 2
    assert "holds no ChileMedido refresh token" in ran.err


def test_an_expired_token_fails_with_the_apps_message(
    capsys: pytest.CaptureFixture[str], emulator_factory: EmulatorFactory, tmp_path: Path
) -> None:
    # Issued by a server whose clock is ten days behind, valid for seven: expired 3 days ago.
    world = replace(
        default_world(), clock_offset_s=-10 * 86_400, refresh_token_lifetime_s=7 * 86_400
    )
    emulator = emulator_factory(world)
    expired = emulator.issue_refresh_token("2")
    tokens = tmp_path / "old.txt"
    tokens.write_text(expired)
    ran = medido(capsys, "login", "--api", emulator.base_url, "--token-file", str(tokens), "--json")
    assert ran.code == 1
    assert "The refresh token expired on" in ran.err
    assert "Ask the ChileMedido administrator for a new one." in ran.err
    assert json.loads(ran.out)["error"]["code"] == "token_expired"
    assert expired not in ran.out + ran.err
    assert load_last_server() is None  # a failed login remembers nothing


def test_a_server_that_is_not_there_fails(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    tokens = token_file(emulator, tmp_path)
    api = emulator.base_url
    emulator.stop()
    ran = medido(capsys, "login", "--api", api, "--token-file", str(tokens))
    assert ran.code == 1
    assert len(ran.err.strip().splitlines()) == 1


def test_without_a_credential_store_it_says_so_and_token_file_works_per_command(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]  # the fixture restores the memory one
    tokens = token_file(emulator, tmp_path)
    ran = medido(capsys, "login", "--api", emulator.base_url, "--token-file", str(tokens))
    assert ran.code == 0, ran.err
    assert "no credential store" in ran.err
    assert "--token-file" in ran.err
    ran = medido(capsys, "device", "29")
    assert ran.code == 1
    assert "this system has no credential store" in ran.err
    assert "give --token-file FILE" in ran.err
    ran = medido(capsys, "device", "29", "--token-file", str(tokens))  # --api: the last server
    assert ran.code == 0, ran.err


@pytest.mark.skipif(sys.platform == "win32", reason="the fail keyring backend by environment")
def test_separate_processes_go_on_from_the_last_server(
    emulator: EmulatorServer, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "MEDIDO_CONFIG_DIR": str(tmp_path / "config"),
        "MEDIDO_DATA_DIR": str(tmp_path / "data"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # a box without a store
    }
    tokens = token_file(emulator, tmp_path)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app", *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    done = run("login", "--api", emulator.base_url, "--token-file", str(tokens))
    assert done.returncode == 0, done.stderr
    assert "no credential store" in done.stderr
    done = run("device", "30", "--token-file", str(tokens), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["number"] == "30"
    done = run("device", "30")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "--token-file" in done.stderr


def test_the_last_login_is_resumed_by_the_next_command(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    ran = medido(capsys, "device", "29", "--json")
    assert ran.code == 0, ran.err
    assert json.loads(ran.out)["id"] == 29
