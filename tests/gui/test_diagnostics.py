"""Help → Save diagnostics bundle…: the live session (and the Check page's run) as a bundle, off
the GUI thread, without any token, and the path in the banner."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.support.bundle import read_bundle
from app.core.support.last_check import last_check_dir
from app.emulator.server import EmulatorServer
from app.gui.main_window import MainWindow
from app.gui.message_banner import Level
from app.gui.session import Session
from app.gui.steps.check.page import CheckPage
from tests.gui.steps.check.test_page import RUN_TIMEOUT_MS, logged_in, with_meter

JWT = re.compile(rb"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")


def choose_file(monkeypatch: pytest.MonkeyPatch, name: Path) -> list[str]:
    asked: list[str] = []

    def dialog(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return str(name), "Zip files (*.zip)"

    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", dialog)
    return asked


def test_the_action_saves_the_live_session_and_the_last_check_without_tokens(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    emulator: EmulatorServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pasted = logged_in(qtbot, session, emulator)
    with_meter(qtbot, session)
    check = window.pages["check"]
    assert isinstance(check, CheckPage)
    check.start_button.click()
    qtbot.waitUntil(lambda: not check.busy and check.result is not None, timeout=RUN_TIMEOUT_MS)
    qtbot.waitUntil(lambda: (last_check_dir() / "check.json").exists(), timeout=5000)

    asked = choose_file(monkeypatch, tmp_path / "soporte")  # the .zip is added
    window.show_step("meter")
    window.bundle_action.trigger()
    page = window.pages["meter"]
    qtbot.waitUntil(lambda: page.banner.what.text() != "", timeout=10000)
    path = tmp_path / "soporte.zip"
    assert page.banner.level is Level.SUCCESS, page.banner.details.text()
    assert page.banner.what.text() == "Diagnostics bundle saved."
    assert page.banner.details.text() == str(path)
    assert asked[0].endswith(".zip")
    assert Path(asked[0]).name.startswith("medido-bundle-")

    bundle = read_bundle(path)
    assert {"site.json", "registers.json", "profile.toml", "check.json", "settings.json"} <= set(
        bundle.manifest["files"]
    )
    assert bundle.site["device"]["number"] == "29"
    assert bundle.site["api"]["gateway"] is not None
    assert bundle.registers is not None
    assert bundle.registers["reads"]
    assert bundle.check is not None
    assert bundle.check["meters"]
    client = session.api
    assert client is not None
    held = client._session
    issued = [pasted, *(t.value for t in (held.refresh_token, held.access) if t is not None)]
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            assert not JWT.search(data), name
            assert not any(t[-20:].encode() in data for t in issued), name


def test_without_a_meter_or_a_check_the_bundle_still_has_the_site_and_settings(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose_file(monkeypatch, tmp_path / "b.zip")
    window.bundle_action.trigger()
    page = window.current_page()
    qtbot.waitUntil(lambda: page.banner.what.text() != "", timeout=10000)
    assert page.banner.level is Level.SUCCESS, page.banner.details.text()
    bundle = read_bundle(tmp_path / "b.zip")
    assert bundle.site["meter"] == {"uri": None, "unit": None, "profile_id": None, "link": None}
    assert bundle.registers is None
    assert bundle.check is None
    assert bundle.settings is not None


def test_cancelling_the_dialog_writes_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *_args: ("", ""))
    window.bundle_action.trigger()
    assert window.current_page().banner.what.text() == ""
    assert list(tmp_path.glob("*.zip")) == []
