"""`medido token export`: the newest refresh token (after rotation) to an owner-only file, and
nowhere else: not on the terminal, in a log, or in the files Medido keeps."""

from __future__ import annotations

import json
import logging
import stat
import sys
from dataclasses import replace
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from app.core.api import SERVICE
from app.core.resources import user_config_dir, user_data_dir
from app.emulator.world import default_world
from tests.commands.api_helpers import medido, simulated_meter, token_file
from tests.conftest import MemoryKeyring
from tests.fixtures.emulator import EmulatorFactory


def test_exports_the_newest_token_after_rotation_and_nothing_else_holds_it(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    emulator_factory: EmulatorFactory,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    caplog.set_level(logging.DEBUG)
    # Strict rotation: every refresh spends the token it used; only the newest one logs in.
    emulator = emulator_factory(replace(default_world(), strict_refresh_rotation=True))
    tokens = token_file(emulator, tmp_path)
    given = tokens.read_text().strip()
    printed = []
    ran = medido(capsys, "login", "--api", emulator.base_url, "--token-file", str(tokens))
    assert ran.code == 0, ran.err
    printed.append(ran.out + ran.err)
    after_login = memory_keyring.secrets[(SERVICE, f"{emulator.base_url}#1/2")]
    with simulated_meter() as meter:
        ran = medido(capsys, "upload", "--device", "29", "--meter", meter, "--profile",
                     "eastron-sdm630")  # fmt: skip
    assert ran.code == 0, ran.err
    printed.append(ran.out + ran.err)
    newest = memory_keyring.secrets[(SERVICE, f"{emulator.base_url}#1/2")]
    assert len({given, after_login, newest}) == 3  # each command rotated the token

    out = tmp_path / "for-the-gateway.txt"
    ran = medido(capsys, "token", "export", "--out", str(out))
    assert ran.code == 0, ran.err
    printed.append(ran.out + ran.err)
    assert out.read_text() == newest + "\n"
    assert "holds a secret" in ran.err
    assert "Wrote the newest refresh token" in ran.out
    if sys.platform != "win32":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600

    secrets = (given, after_login, newest)
    kept_files = [p for d in (user_config_dir(), user_data_dir()) for p in d.rglob("*")]
    assert any(p.name == "last-server.json" for p in kept_files)
    for path in (p for p in kept_files if p.is_file()):
        data = path.read_bytes()
        assert not any(s.encode() in data for s in secrets), path
    for text in [*printed, caplog.text]:
        assert not any(s in text for s in secrets)

    # The exported token is the live one: a spent token would be refused (and revoke the chain).
    ran = medido(capsys, "login", "--api", emulator.base_url, "--token-file", str(out))
    assert ran.code == 0, ran.err


def test_json_and_no_overwrite_without_force(
    capsys: pytest.CaptureFixture[str], emulator_factory: EmulatorFactory, tmp_path: Path
) -> None:
    emulator = emulator_factory()
    tokens = token_file(emulator, tmp_path)
    assert (
        medido(capsys, "login", "--api", emulator.base_url, "--token-file", str(tokens)).code == 0
    )
    out = tmp_path / "exists.txt"
    out.write_text("keep me")
    ran = medido(capsys, "token", "export", "--out", str(out))
    assert ran.code == 1
    assert "exists; nothing was written (--force replaces it)" in ran.err
    assert out.read_text() == "keep me"
    ran = medido(capsys, "token", "export", "--out", str(out), "--force", "--json")
    assert ran.code == 0, ran.err
    body = json.loads(ran.out)
    assert (body["provider"], body["gateway"], body["server"]) == ("1", "2", emulator.base_url)
    assert body["expires_at"].endswith("UTC")
    assert out.read_text().strip() not in ran.out
    if sys.platform != "win32":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_nothing_remembered(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ran = medido(capsys, "token", "export", "--out", str(tmp_path / "t.txt"))
    assert ran.code == 1
    assert "medido login --api URL --token-file FILE" in ran.err
    assert not (tmp_path / "t.txt").exists()


def test_no_credential_store(
    capsys: pytest.CaptureFixture[str], emulator_factory: EmulatorFactory, tmp_path: Path
) -> None:
    emulator = emulator_factory()
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]
    tokens = token_file(emulator, tmp_path)
    assert (
        medido(capsys, "login", "--api", emulator.base_url, "--token-file", str(tokens)).code == 0
    )
    ran = medido(capsys, "token", "export", "--out", str(tmp_path / "t.txt"))
    assert ran.code == 1
    assert "this system has no credential store" in ran.err
    assert not (tmp_path / "t.txt").exists()


def test_a_folder_that_is_not_there(
    capsys: pytest.CaptureFixture[str], emulator_factory: EmulatorFactory, tmp_path: Path
) -> None:
    emulator = emulator_factory()
    tokens = token_file(emulator, tmp_path)
    assert (
        medido(capsys, "login", "--api", emulator.base_url, "--token-file", str(tokens)).code == 0
    )
    ran = medido(capsys, "token", "export", "--out", str(tmp_path / "no" / "t.txt"))
    assert ran.code == 1
    assert "could not be written" in ran.err
