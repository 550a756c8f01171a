"""The windowed executable's runtime hook (packaging/rthooks/windowed_streams.py).

A GUI-subsystem exe on Windows starts with sys.stdout and sys.stderr set to None; these tests
recreate that state in-process, since the Linux build cannot.
"""

from __future__ import annotations

import os
import runpy
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import pytest
import uvicorn
from fastapi import FastAPI

from tests.packaging.scripts import PACKAGING

HOOK = PACKAGING / "rthooks" / "windowed_streams.py"


@contextmanager
def no_console() -> Iterator[None]:
    """sys.stdout/stderr are None inside (set in the test body: pytest re-installs its capture
    streams at each test phase); whatever the hook opened is closed afterwards."""
    saved = (sys.stdout, sys.stderr)
    sys.stdout = sys.stderr = None
    try:
        yield
    finally:
        opened = open_streams()
        sys.stdout, sys.stderr = saved
        for stream in opened:
            stream.close()


def open_streams() -> set[TextIO]:
    return {stream for stream in (sys.stdout, sys.stderr) if stream is not None}


def test_without_the_hook_uvicorn_cannot_start() -> None:
    # Why the hook exists: the emulator (`Medido.exe --demo`) builds a uvicorn.Config.
    with no_console(), pytest.raises(ValueError, match="formatter"):
        uvicorn.Config(FastAPI(), log_level="warning")


def test_output_goes_to_a_log_in_the_data_folder(tmp_path: Path) -> None:
    with no_console():
        runpy.run_path(str(HOOK))
        print("to stdout")
        print("to stderr", file=sys.stderr)
        uvicorn.Config(FastAPI(), log_level="warning")  # no longer fails
    log = tmp_path / "data" / "last-gui-run.log"  # MEDIDO_DATA_DIR from tests/conftest.py
    assert log.read_text(encoding="utf-8").splitlines() == ["to stdout", "to stderr"]


def test_an_unwritable_data_folder_loses_the_output_not_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("MEDIDO_DATA_DIR", str(blocker / "data"))  # under a file: cannot exist
    with no_console():
        runpy.run_path(str(HOOK))
        print("lost")
        assert sys.stdout is not None
        assert sys.stdout is sys.stderr
        assert sys.stdout.name == os.devnull


def test_a_console_keeps_its_streams() -> None:
    before = (sys.stdout, sys.stderr)
    runpy.run_path(str(HOOK))
    assert (sys.stdout, sys.stderr) == before
