"""File → Open bundle…: the bundle's site reproduced in the app (emulator + replayed meter),
the session logged in, the device looked up and the meter polled; a bad file → a banner."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.api import ApiState
from app.gui.main_window import MainWindow
from app.gui.message_banner import Level
from app.gui.session import Session
from tests.fixtures.bundles import (
    shipped_profile_text,
    simulated_registers,
    site_json,
    write_test_bundle,
)

WAIT_MS = 10_000


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    def dialog(_parent: object, _title: str, _start: str, _filter: str) -> tuple[str, str]:
        return str(path), "Zip files (*.zip)"

    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", dialog)


def bundle(tmp_path: Path, number: str) -> Path:
    return write_test_bundle(
        tmp_path / f"site-{number}.zip",
        site=site_json(provider="5", gateway="6", device_id=500, number=number, offset=120.0),
        registers=simulated_registers(unit=1),
        profile=shipped_profile_text(),
    )


def test_open_bundle_reproduces_the_site(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    choose(monkeypatch, bundle(tmp_path, "M-1"))
    window.open_bundle_action.trigger()
    qtbot.waitUntil(lambda: session.device is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: session.latest_reading is not None, timeout=WAIT_MS)
    assert session.device is not None
    assert (session.device.id, session.device.number) == (500, "M-1")
    assert session.api_status.state is ApiState.READY
    reading = session.latest_reading
    assert reading is not None
    assert reading.available > 0
    assert window.current_page().banner.level is Level.SUCCESS
    first = window.opener.world if window.opener else None
    assert first is not None

    # A second bundle stops the first world before its own starts.
    choose(monkeypatch, bundle(tmp_path, "M-2"))
    window.open_bundle_action.trigger()
    qtbot.waitUntil(
        lambda: session.device is not None and session.device.number == "M-2", timeout=WAIT_MS
    )
    assert not first.emulator.running
    assert window.opener is not None
    assert window.opener.world is not first


def test_a_bad_file_gives_a_banner_and_nothing_changes(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    bad = tmp_path / "notes.zip"
    bad.write_text("not a zip")
    choose(monkeypatch, bad)
    window.open_bundle_action.trigger()
    banner = window.current_page().banner
    qtbot.waitUntil(lambda: banner.level is Level.ERROR and not banner.isHidden(), timeout=WAIT_MS)
    assert "not a diagnostics bundle" in banner.todo.text()
    assert session.api is None
    assert window.opener is not None
    assert window.opener.world is None
