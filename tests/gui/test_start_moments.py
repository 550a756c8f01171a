"""The window's start-up moments (app/gui/start_moments.py): first frame, shown page, started."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.gui import start_moments
from app.gui.first_paint import PAINTED_ENV
from app.gui.start_moments import StartMoments


class Shown(QObject):
    instead = Signal(int)


def window_with_page(qtbot: QtBot) -> tuple[QWidget, QWidget, StartMoments]:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(300, 200)
    page = QWidget()
    page.setMinimumSize(100, 100)
    page.hide()  # shown once "attached"
    QVBoxLayout(window).addWidget(page)
    return window, page, StartMoments(window)


def test_without_a_page_to_wait_for_it_has_started_right_after_the_first_frame(
    qtbot: QtBot,
) -> None:
    window, _, moments = window_with_page(qtbot)
    seen: list[str] = []
    moments.first_painted.connect(lambda: seen.append("first frame"))
    moments.started.connect(lambda: seen.append("started"))
    window.show()
    qtbot.waitUntil(lambda: seen == ["first frame", "started"])
    assert moments.painted


def test_a_page_watched_after_the_first_frame_starts_it_when_it_paints(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "painted"
    monkeypatch.setenv(PAINTED_ENV, str(marker))
    monkeypatch.setattr(start_moments, "PAGE_PAINT_WAIT_MS", 60_000)
    window, page, moments = window_with_page(qtbot)
    shown = Shown()
    started: list[bool] = []

    def attach() -> None:
        page.show()
        moments.watch_page(page, shown.instead)

    moments.first_painted.connect(attach)
    moments.started.connect(lambda: started.append(True))
    window.show()
    qtbot.waitUntil(lambda: started == [True])
    qtbot.waitUntil(lambda: len(marker.read_text(encoding="ascii").split()) == 2)
    shown.instead.emit(1)  # after the fact: nothing more
    qtbot.wait(20)
    assert started == [True]


@pytest.mark.parametrize("how", ["another step shown", "no frame in time"])
def test_a_page_that_does_not_paint_does_not_hold_the_start_up(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    monkeypatch.setattr(
        start_moments, "PAGE_PAINT_WAIT_MS", 50 if how == "no frame in time" else 60_000
    )
    window, page, moments = window_with_page(qtbot)  # the page stays hidden: never paints
    shown = Shown()
    started: list[bool] = []
    moments.first_painted.connect(lambda: moments.watch_page(page, shown.instead))
    moments.started.connect(lambda: started.append(True))
    window.show()
    qtbot.waitUntil(lambda: moments.painted)
    qtbot.wait(20)
    if how == "another step shown":
        assert started == []
        shown.instead.emit(1)
    qtbot.waitUntil(lambda: started == [True])
    qtbot.wait(100)
    assert started == [True]  # once, even when the wait runs out later
