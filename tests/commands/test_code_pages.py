"""Output under a Windows code page: a character cp1252 lacks ("↳") never kills a command."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from app.cli import _streams_that_never_fail
from tests.commands.test_meter_sim import REPO


def test_a_redirected_check_under_cp1252_completes_and_writes_its_output() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "check", "--demo"],
        cwd=REPO,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("cp1252", "replace")
    err = done.stderr.decode("cp1252")
    assert "Traceback" not in err
    assert "Sensor coverage" in err  # the progress lines, the "↳" fix lines included
    assert "? Those sensors" in err  # ↳ shown as "?" in the encoding asked for
    assert "Check passed" in done.stdout.decode("cp1252")


def test_output_redirected_under_the_locale_code_page_becomes_utf8(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")  # what Windows gives a redirect
    monkeypatch.delenv("PYTHONIOENCODING", raising=False)
    monkeypatch.setattr(sys, "stdout", stream)
    _streams_that_never_fail()
    print("↳ Ñuñoa −3 °C")
    stream.flush()
    assert raw.getvalue().decode("utf-8") == "↳ Ñuñoa −3 °C\n"
