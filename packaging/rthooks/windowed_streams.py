"""PyInstaller runtime hook: give the windowed Medido.exe real stdout/stderr.

A GUI-subsystem exe on Windows starts with sys.stdout and sys.stderr set to None. uvicorn's log
formatter calls sys.stdout.isatty() when the emulator starts, so `Medido.exe --demo` would fail,
and any library that writes a warning would raise. Both streams go to a log file of the last
run in Medido's data folder instead (for support), or to the null device if that cannot open.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

LOG_NAME = "last-gui-run.log"


def _open_log() -> TextIO:
    try:
        from app.core.resources import user_data_dir

        folder = user_data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return (folder / LOG_NAME).open(
            "w", buffering=1, encoding="utf-8", errors="backslashreplace"
        )
    except Exception:  # a read-only or missing profile folder: lose the output, not the app
        return open(os.devnull, "w", encoding="utf-8")


def _install() -> None:
    if sys.stdout is not None and sys.stderr is not None:
        return
    stream = _open_log()
    if sys.stdout is None:
        sys.stdout = stream
    if sys.stderr is None:
        sys.stderr = stream


_install()
