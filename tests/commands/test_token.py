"""`medido token inspect`, in-process and as the installed command."""

from __future__ import annotations

import io
import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli import main
from app.commands.token import collect_paste
from app.emulator.server import EmulatorServer
from tests.core.api.seed import SEED_REFRESH, SEED_REFRESH_PASTE

REPO = Path(__file__).resolve().parents[2]


def run(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, stdin: str
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def assert_no_token(text: str, token: str) -> None:
    for piece in token.split(".")[1:]:
        assert piece not in text
        assert piece[:16] not in text


def test_seed_token_pasted_with_line_breaks_is_expired(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(["token", "inspect", "-"], capsys, monkeypatch, SEED_REFRESH_PASTE)
    assert code == 1
    assert "Refresh token, lifetime 60 days" in out
    assert "Expired on 2020-05-10" in out
    assert "days ago" in out
    assert "Ask the ChileMedido administrator for a new one" in out
    assert "d7767315-0d5f-46db-bbbd-6e8fd3f2ed4e" in out
    assert "Provider (aud):   1" in out
    assert "Gateway (sub):    2" in out
    assert "2020-05-10 14:41:45 UTC" in out
    assert_no_token(out, SEED_REFRESH)


def test_json_output_in_santiago_time(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ["token", "inspect", "--json", "--tz", "America/Santiago", "-"]
    code, out, _ = run(argv, capsys, monkeypatch, SEED_REFRESH_PASTE)
    report = json.loads(out)
    assert code == 1
    assert report["valid"] is False
    assert report["status"] == "expired"
    assert report["kind"] == "refresh"
    assert (report["provider"], report["gateway"]) == ("1", "2")
    assert report["issuer"] == "Provider Auth Server"
    assert report["expires_at"] == "2020-05-10T14:41:45Z"
    assert report["expires_at_local"] == "2020-05-10T10:41:45-04:00"  # winter time
    assert report["issued_at_local"] == "2020-03-11T11:41:45-03:00"  # summer time
    assert report["lifetime_s"] == 5_184_000
    assert report["days_left"] < -2000
    assert_no_token(out, SEED_REFRESH)


def test_a_valid_token_given_as_argument(
    emulator: EmulatorServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    token = emulator.issue_refresh_token("2")
    code, out, _ = run(["token", "inspect", "--json", token], capsys, monkeypatch, "")
    report = json.loads(out)
    assert code == 0
    assert report["valid"] is True
    assert 59.9 < report["days_left"] <= 60
    assert report["message"] == f"Valid until {report['expires_at'][:10]} (59 days left)."
    assert_no_token(out, token)
    code, out, _ = run(
        ["token", "inspect", emulator.issue_access_token("2")], capsys, monkeypatch, ""
    )
    assert code == 0
    assert out.startswith("Access token, lifetime 3 h")


@pytest.mark.parametrize("garbage", ["hola", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIyIn0", ""])
def test_not_a_token(
    garbage: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(["token", "inspect", "-"], capsys, monkeypatch, garbage)
    assert code == 2
    assert out == ""
    assert "This is not a ChileMedido token" in err
    assert "Paste the whole refresh token the ChileMedido administrator sent" in err
    if garbage:
        assert garbage not in err
    code, out, _ = run(["token", "inspect", "--json", "-"], capsys, monkeypatch, garbage)
    assert code == 2
    assert json.loads(out)["error"]["code"] == "token_invalid"


def test_collect_paste_reads_a_multi_line_paste_to_its_end() -> None:
    lines = SEED_REFRESH_PASTE.splitlines()
    queue = list(lines)

    def read_line() -> str | None:
        return queue.pop(0) if queue else None

    def pending() -> bool:  # the whole paste arrives at once
        return bool(queue)

    assert collect_paste(read_line, pending).split() == SEED_REFRESH_PASTE.split()
    # Arriving line by line (nothing pending): stops as soon as the text is a whole token.
    queue[:] = [*(line for line in lines if line.strip()), "echo this must not be read"]
    text = collect_paste(read_line, lambda: False)
    assert "".join(text.split()).strip('"') == SEED_REFRESH
    assert queue == ["echo this must not be read"]
    # An empty line after something that is not a token ends the input too.
    queue[:] = ["not a token", "", "more"]
    assert collect_paste(read_line, lambda: False) == "not a token\n"


def test_installed_command_reads_stdin() -> None:
    result = subprocess.run(
        ["uv", "run", "medido", "token", "inspect", "-"],
        input=SEED_REFRESH_PASTE,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "Expired on 2020-05-10" in result.stdout
    assert_no_token(result.stdout + result.stderr, SEED_REFRESH)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX terminal")
def test_hidden_prompt_takes_a_pasted_pdf_token_from_a_terminal() -> None:
    """In a real terminal: nothing echoed, the blank lines inside the paste do not end it."""
    primary, secondary = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "token", "inspect"],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        cwd=REPO,
        close_fds=True,
    )
    os.close(secondary)
    screen = b""
    deadline = time.monotonic() + 30
    try:
        while b"press Enter" not in screen and time.monotonic() < deadline:
            if select.select([primary], [], [], 0.2)[0]:
                screen += os.read(primary, 4096)
        os.write(primary, SEED_REFRESH_PASTE.encode())
        while process.poll() is None and time.monotonic() < deadline:
            if select.select([primary], [], [], 0.2)[0]:
                try:
                    screen += os.read(primary, 4096)
                except OSError:
                    break
        code = process.wait(timeout=5)
    finally:
        process.kill()
        os.close(primary)
    text = screen.decode(errors="replace")
    assert code == 1, text
    assert "Expired on 2020-05-10" in text
    assert_no_token(text, SEED_REFRESH)


def test_claims_reach_the_terminal_escaped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import jwt

    claims = {
        "jti": "id\r\x1b[2K",
        "aud": "1\u202e",
        "sub": "\x1b]0;pwned\x07",
        "iss": "\u2066issuer",
        "iat": 1_700_000_000,
        "exp": 4_000_000_000,
    }
    token = jwt.encode(claims, "k" * 32, algorithm="HS256")
    for argv in (["token", "inspect", "-"], ["token", "inspect", "--json", "-"]):
        code, out, _ = run(argv, capsys, monkeypatch, token)
        assert code == 0
        assert not any(c in out for c in ("\x1b", "\r", "\x07", "\u202e", "\u2066"))
        assert "\\u001b]0;pwned\\u0007" in out
    assert json.loads(out)["gateway"] == "\x1b]0;pwned\x07"  # JSON: the same data, escaped


def test_stdin_that_is_not_text_is_not_a_token() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "token", "inspect", "-"],
        input=b"\xff\xfe\x00garbage",
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    assert b"This is not a ChileMedido token" in result.stderr
