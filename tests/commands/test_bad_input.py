"""No traceback for any input: every command, given nonsense, says one thing and exits 1 or 2.

In-process through `main(argv)` for speed, and as real processes for what only a process has:
command-line bytes that are not UTF-8, and a reader that closes the pipe (`| head -1`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

REPO = Path(__file__).resolve().parents[2]
DEEP = "x = " + "[" * 100_000 + "]" * 100_000 + "\n"
METER = "tcp://127.0.0.1:1"
READ = ["read", "--meter", METER, "--profile", "eastron-sdm630"]
BAD_NUMBERS = ["inf", "-inf", "nan", "-1", "1e999", "0x10", "", "١", "9" * 5000]

BAD_ARGUMENTS: list[list[str]] = [
    *[[*READ, "--timeout", n] for n in BAD_NUMBERS],
    *[[*READ, "--retries", n] for n in ["-1", "nan", "1e999", "11"]],
    *[[*READ, "--count", n] for n in ["-1", "-3", "inf"]],
    *[[*READ, "--interval", n] for n in ["nan", "inf", "-0.5"]],
    ["read", "--meter", "tcp://[::1", "--profile", "eastron-sdm630"],
    ["read", "--meter", f"tcp://{'a' * 300}:502", "--profile", "eastron-sdm630"],
    ["read", "--meter", "tcp://\udcff\udcfe:502", "--profile", "eastron-sdm630"],
    ["read", "--meter", "tcp://h\x1b[2J:502", "--profile", "eastron-sdm630"],
    ["read", "--meter", METER, "--profile", "no-such\u202eprofile"],
    ["scan", "--tcp", "127.0.0.1:1", "--timeout", "nan"],
    ["scan", "--tcp", "127.0.0.1:1", "--timeout", "inf"],
    ["scan", "--tcp", f"{'a' * 300}:502"],
    ["scan", "--tcp", "[::1:502"],
    ["scan", "--serial", "/dev/x", "--bauds", "0"],
    ["scan", "--serial", "/dev/x", "--bauds", "1e999"],
    ["scan", "--serial", "/dev/x", "--bauds", "9" * 5000],
    ["scan", "--serial", "/dev/x", "--units", "١-٣"],
    ["scan", "--serial", "/dev/x", "--stop-bits", "3"],
    ["scan", "--serial", "/dev/x", "--parities", "\x1b"],
    ["meter-sim", "--profile", "eastron-sdm630", "--baud", "nan"],
    ["meter-sim", "--profile", "eastron-sdm630", "--unit", "999"],
    ["meter-sim", "--profile", "eastron-sdm630", "--interval", "inf"],
    ["meter-sim", "--profile", "eastron-sdm630", "--seed", "1e999"],
    ["meter-sim", "--profile", "eastron-sdm630", "--tcp", f"{'a' * 300}:5020"],
    ["meter-sim", "--profile", "no-such-profile"],
    ["emulator", "--port", "99999"],
    ["emulator", "--port", "-1"],
    ["emulator", "--port", "nan"],
    ["token", "inspect", "--tz", "../../etc/passwd", "x"],
    ["token", "inspect", "--tz", "America", "x"],
    ["token", "inspect", "--tz", "a" * 5000, "x"],
    ["token", "inspect", "not.a\x1b[2J.token"],
    ["token", "inspect", "\udcff.\udcfe.\udcfd"],
    ["profiles", "show", "\x1b]0;pwned\x07"],
    ["check", "--device-id", "-1"],
    ["check", "--device-id", "1e999"],
]


def run(argv: list[str]) -> int:
    return main(argv)  # returns argparse's exit code too, never raises SystemExit


def assert_one_clear_failure(code: int, err: str, expected: tuple[int, ...] = (1, 2)) -> None:
    assert code in expected, err
    assert "Traceback" not in err
    assert "unexpected error" not in err, err  # the last net caught a bug
    assert "\x1b" not in err
    assert "\u202e" not in err


@pytest.mark.parametrize("argv", BAD_ARGUMENTS, ids=range(len(BAD_ARGUMENTS)))
def test_bad_arguments(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = run(argv)
    out, err = capsys.readouterr()
    assert_one_clear_failure(code, err, expected=(2,))  # refused before anything is tried
    assert "\x1b" not in out


def test_numbers_out_of_range_exit_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([*READ, "--timeout", "nan"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == (
        "medido read: error: argument --timeout: must be a number from 0.01 to 60 seconds, "
        "got 'nan'"
    )


def deep_file(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_text(DEEP)
    return path


def test_files_nested_100_000_deep(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deep_toml = deep_file(tmp_path, "deep.toml")
    deep_json = tmp_path / "deep.json"
    deep_json.write_text("[" * 100_000 + "]" * 100_000)
    profile = deep_file(tmp_path, "acme-deep.toml")
    for argv in (
        ["emulator", "--port", "0", "--scenario", str(deep_toml)],
        ["emulator", "--port", "0", "--scenario", str(deep_json)],
        ["meter-sim", "--scenario", str(deep_toml)],
        ["meter-sim", "--profile", str(profile)],
    ):
        code = run(argv)
        err = capsys.readouterr().err
        assert_one_clear_failure(code, err, expected=(2,))
        assert "nested far too deeply" in err, argv
        assert len(err.strip().splitlines()) == 1, err


def run_process(
    *args: str | bytes, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=False,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX argv bytes")
def test_command_line_bytes_that_are_not_utf8() -> None:
    result = run_process("read", "--meter", b"tcp://\xff\xfe:502", "--profile", b"\xc3(")
    err = result.stderr.decode("utf-8", errors="replace")
    assert_one_clear_failure(result.returncode, err)
    assert "not UTF-8" in err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_a_reader_that_closes_the_pipe_ends_quietly() -> None:
    # 15 kB of JSON: more than stdout's buffer, so writes happen after `head` has gone.
    shell = f"{sys.executable} -m app profiles show eastron-sdm630 --json | head -1"
    result = subprocess.run(
        ["bash", "-c", shell], capture_output=True, cwd=REPO, timeout=60, check=False
    )
    assert result.stdout == b"{\n"
    assert result.stderr == b""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_a_pipe_closed_before_anything_is_written() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "profiles", "show", "eastron-sdm630"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()  # the reader is gone before the command has loaded its profiles
    err = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=60) in (0, 1)
    assert err == b""


def test_the_last_net_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import app.commands.profiles as profiles

    def bug(*_args: object) -> int:
        raise ZeroDivisionError("a bug\x1b[2J")

    monkeypatch.setattr(profiles, "run_show", bug)
    assert run(["profiles", "show", "x"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "unexpected error (ZeroDivisionError: a bug\\u001b[2J)" in err
