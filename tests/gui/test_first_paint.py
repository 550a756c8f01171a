"""The first paint's moment (app/gui/first_paint.py) and the close that smoke tests ask for."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.gui.first_paint import PAINTED_ENV
from app.gui.main_window import MainWindow


def test_the_first_paint_writes_its_moment_when_asked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "painted"
    monkeypatch.setenv(PAINTED_ENV, str(marker))
    before = time.time()
    window.show()
    qtbot.waitUntil(marker.exists)
    assert before <= float(marker.read_text(encoding="ascii")) <= time.time()


def test_the_window_closes_after_its_first_paint_when_asked(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.close_after_start(1)
    window.show()
    qtbot.waitUntil(lambda: not window.isVisible())
