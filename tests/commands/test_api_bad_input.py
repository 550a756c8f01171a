"""No traceback for any input to the API commands (login, device, clock, upload, token export):
nonsense arguments, hostile files, a damaged last-server file, and text a terminal obeys."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.account.last_server import last_server_path, load_last_server
from app.emulator.server import EmulatorServer
from tests.commands.api_helpers import log_in, medido
from tests.commands.test_bad_input import assert_one_clear_failure

METER = ["--meter", "tcp://127.0.0.1:1", "--profile", "eastron-sdm630"]
BAD_ARGUMENTS: list[list[str]] = [
    ["login", "--token-file", "x", "--api", "http://h\x1b[2J/api"],
    ["login", "--token-file", "x", "--api", "https://[::1/api"],
    ["login", "--token-file", "x", "--api", "https://user:pw@host/api"],
    ["login", "--token-file", "x", "--api", "https://host:99999/api"],
    ["login", "--token-file", "x", "--api", "\udcff\udcfe"],
    ["login", "--token-file", "no\u202eexisting.txt"],
    ["device", "--id", "nan"],
    ["device", "--id", "9" * 5000],
    ["device", "29", "--profile", "\x1b]0;pwned\x07"],
    ["clock", "--samples", "inf"],
    ["clock", "--meter", "tcp://[::1", "--profile", "eastron-sdm630"],
    ["upload", "--device", "29", "--meter", "tcp://\udcff:502", "--profile", "eastron-sdm630"],
    ["upload", "--device", "29", "--meter", METER[1], "--profile", "no-such\u202eprofile"],
    ["token", "export"],
    ["token", "export", "--out", "x", "--api", "ftp://x"],
]


@pytest.mark.parametrize("argv", BAD_ARGUMENTS, ids=range(len(BAD_ARGUMENTS)))
def test_bad_arguments(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    ran = medido(capsys, *argv)
    assert_one_clear_failure(ran.code, ran.err, expected=(2,))
    assert "\x1b" not in ran.out


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 100_000 + b"]" * 100_000,  # nested far too deep for JSON
        b"[" * 900 + b'"x"' + b"]" * 900,  # deep, but JSON reads it
        b"\xff\xfe\x00garbage\x1b[2J",
        b"",
        b"eyJhbGciOiJIUzI1NiJ9.e30." + b"A" * 10,  # shaped like a token, not one
    ],
)
def test_hostile_token_files(
    content: bytes, capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    path = tmp_path / "token.txt"
    path.write_bytes(content)
    for argv in (
        ["login", "--api", emulator.base_url, "--token-file", str(path)],
        ["device", "29", "--api", emulator.base_url, "--token-file", str(path)],
    ):
        ran = medido(capsys, *argv)
        assert_one_clear_failure(ran.code, ran.err, expected=(2,))
        assert len(ran.err.strip().splitlines()) == 1, ran.err


def test_a_folder_as_token_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ran = medido(capsys, "login", "--token-file", str(tmp_path))
    assert_one_clear_failure(ran.code, ran.err, expected=(2,))


@pytest.mark.parametrize(
    "content",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"base_url": "javascript:alert(1)"}',
        '{"base_url": 7}',
        '{"base_url": "http://127.0.0.1:1/api/v1", "provider": ["x"], "gateway": "2"}',
        "[]",
        "\x00\xff",
    ],
)
def test_a_damaged_last_server_file_is_nothing_remembered(
    content: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = last_server_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8", errors="surrogateescape")
    assert load_last_server() is None
    ran = medido(capsys, "device", "29")
    assert_one_clear_failure(ran.code, ran.err, expected=(1,))
    assert "medido login --api URL --token-file FILE" in ran.err


def test_outside_text_is_escaped(
    capsys: pytest.CaptureFixture[str], emulator: EmulatorServer, tmp_path: Path
) -> None:
    log_in(capsys, emulator, tmp_path)
    ran = medido(capsys, "device", "2\x1b[2J9\u202e")
    assert_one_clear_failure(ran.code, ran.err, expected=(1,))
    assert "\\u001b" in ran.err
