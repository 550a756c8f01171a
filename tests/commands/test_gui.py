"""`medido` (the app): the no-display message, and a clean exit when the window closes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.commands.gui import QUIT_AFTER_ENV, run_gui

ROOT = Path(__file__).resolve().parents[2]


def test_no_display_says_so_and_points_to_headless_commands(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert run_gui(demo=False) == 2
    message = capsys.readouterr().err
    assert "no display" in message
    for command in ("token inspect", "medido read", "medido scan", "emulator", "meter-sim"):
        assert command in message


def run_app(tmp_path: Path, *args: str, quit_after_ms: int) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            QUIT_AFTER_ENV: str(quit_after_ms),
            "MEDIDO_CONFIG_DIR": str(tmp_path / "config"),
            "MEDIDO_DATA_DIR": str(tmp_path / "data"),
            "PYTHONFAULTHANDLER": "1",
        }
    )
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "quit_after_ms"), [((), 300), (("--demo",), 1500)], ids=["plain", "demo"]
)
def test_app_exits_cleanly_when_the_window_closes(
    tmp_path: Path, args: tuple[str, ...], quit_after_ms: int
) -> None:
    result = run_app(tmp_path, *args, quit_after_ms=quit_after_ms)
    assert result.returncode == 0, result.stderr
    for sign_of_trouble in ("Traceback", "Fatal Python error", "QThread: Destroyed", "Aborted"):
        assert sign_of_trouble not in result.stderr
    settings = "medido-demo.ini" if args else "medido.ini"
    assert (tmp_path / "config" / settings).exists()  # the window saved its layout on close
