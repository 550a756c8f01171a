"""The newest refresh token, handed back: against an emulator with strict rotation (each refresh
token works once), the token pasted at login is spent, and Copy / Save newest token give the one
the gateway needs now, after a warning. Nothing else (logs, traffic, settings, the screen) holds
either token."""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.core.api import ChileMedidoClient, Environment, TokenRejected
from app.emulator.server import EmulatorServer
from app.emulator.world import default_world
from app.gui.i18n import Translations
from app.gui.session import Session
from app.gui.steps.connection.page import ConnectionPage
from app.gui.steps.connection.token_handback import handback_file_name, write_secret_file
from tests.fixtures.emulator import EmulatorFactory
from tests.gui.conftest import on_loop
from tests.gui.steps.connection.test_page import (
    WAIT_MS,
    assert_no_token_shown,
    log_in_and_wait,
    paste,
    use_emulator,
)

Button = QMessageBox.StandardButton


class Answers:
    """Stands in for the warning and the file dialog; records what they were shown."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, confirm: bool, path: Path | None) -> None:
        self.warnings: list[str] = []
        self.started_in: list[str] = []
        self._confirm, self._path = confirm, path
        monkeypatch.setattr(QMessageBox, "warning", self.warning)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self.save_file_name)

    def warning(self, _parent: QWidget, _title: str, text: str, *_args: object) -> Button:
        self.warnings.append(text)
        return Button.Ok if self._confirm else Button.Cancel

    def save_file_name(self, _parent: QWidget, _title: str, start: str, _f: str) -> tuple[str, str]:
        self.started_in.append(start)
        return (str(self._path) if self._path else "", "")


@pytest.fixture
def page(qtbot: QtBot, session: Session, translations: Translations) -> Iterator[ConnectionPage]:
    built = ConnectionPage.build(session)
    qtbot.addWidget(built)
    built.resize(1200, 800)
    built.show()
    yield built
    built.cancel_jobs()


@pytest.fixture
def strict(emulator_factory: EmulatorFactory) -> EmulatorServer:
    return emulator_factory(replace(default_world(), strict_refresh_rotation=True))


def logged_in(qtbot: QtBot, page: ConnectionPage, emulator: EmulatorServer) -> str:
    """Log in with a pasted token (the gateway's own, say); returns it."""
    use_emulator(page, emulator.base_url)
    pasted = emulator.issue_refresh_token("2")
    paste(page, pasted)
    log_in_and_wait(qtbot, page)
    return pasted


def newest(page: ConnectionPage) -> str:
    client = page.session.api
    assert client is not None
    token = on_loop(page.session.bridge, client.newest_refresh_token())
    assert token is not None
    return token


def log_in_fresh(page: ConnectionPage, emulator: EmulatorServer, token: str) -> None:
    """Log in with `token` in a new client, as the gateway would (raises if refused)."""

    async def attempt() -> None:
        environment = Environment.emulator(emulator.base_url)
        async with ChileMedidoClient(environment, remember_tokens=False) as client:
            await client.login(token)

    on_loop(page.session.bridge, attempt())


def assert_nowhere(text: str, token: str, where: str) -> None:
    pieces = [token[i : i + 16] for i in range(0, len(token) - 16, 16)]
    assert not any(piece in text for piece in pieces), f"a token's text in {where}"


def test_the_notice_comes_before_the_login_and_the_hand_back_after(
    qtbot: QtBot, page: ConnectionPage, strict: EmulatorServer
) -> None:
    notice = page.tokens.rotation_notice
    assert notice.isVisible()
    assert "the gateway may need the newest one afterwards" in notice.text()
    assert "commission with a token of your own" in notice.text()
    box = page.account
    assert not box.copy_token.isVisible()
    assert not box.save_token.isVisible()
    logged_in(qtbot, page, strict)
    assert box.copy_token.isVisible()
    assert box.copy_token.isEnabled()
    assert box.save_token.isVisible()
    assert box.save_token.isEnabled()
    assert "give the gateway this newest one" in box.handback_note.text()
    box.logout.click()
    qtbot.waitUntil(lambda: page.session.api is None, timeout=WAIT_MS)
    assert not box.copy_token.isVisible()
    assert not box.save_token.isVisible()


def test_save_writes_the_newest_token_and_nothing_else_holds_either(
    qtbot: QtBot,
    page: ConnectionPage,
    strict: EmulatorServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    target = tmp_path / "gateway" / "token.txt"
    target.parent.mkdir()
    answers = Answers(monkeypatch, confirm=True, path=target)
    pasted = logged_in(qtbot, page, strict)
    held = newest(page)
    assert held != pasted

    page.account.save_token.click()
    qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "saved" in page.banner.what.text(), timeout=WAIT_MS)
    assert target.read_text(encoding="utf-8") == held + "\n"  # exactly the newest token
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["token.txt"]  # nothing left aside
    assert "is a secret" in answers.warnings[0]
    assert "gateway 2 of provider 1" in answers.warnings[0]
    assert answers.started_in[0].endswith(handback_file_name("1", "2"))
    assert page.banner.what.text() == "The newest refresh token is saved in token.txt."

    # Neither token anywhere else: the screen, the log, the traffic, the settings.
    page.save_settings()
    page.session.settings.sync()
    settings_text = page.session.settings.path.read_text(encoding="utf-8")
    traffic = page.session.traffic.entries()
    assert any("/auth/token/refresh" in e.summary for e in traffic)  # the login was recorded
    traffic_text = "\n".join(f"{e.summary}\n{e.detail}" for e in traffic)
    assert "new access token" in caplog.text  # the log was listening
    for token in (pasted, held):
        assert_no_token_shown(page, token)
        assert_nowhere(caplog.text, token, "the log")
        assert_nowhere(traffic_text, token, "the traffic log")
        assert_nowhere(settings_text, token, "the settings")

    # The saved token is the one the platform takes now; the pasted one is spent.
    log_in_fresh(page, strict, target.read_text(encoding="utf-8").strip())
    with pytest.raises(TokenRejected):
        log_in_fresh(page, strict, pasted)


def test_copy_puts_the_newest_token_on_the_clipboard(
    qtbot: QtBot, page: ConnectionPage, strict: EmulatorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = Answers(monkeypatch, confirm=True, path=None)
    pasted = logged_in(qtbot, page, strict)
    clipboard = QApplication.clipboard()
    clipboard.setText("something else")
    page.account.copy_token.click()
    qtbot.waitUntil(lambda: clipboard.text() != "something else", timeout=WAIT_MS)
    held = newest(page)
    assert clipboard.text() == held != pasted
    assert len(answers.warnings) == 1
    assert page.banner.what.text() == "The newest refresh token is on the clipboard."
    assert_no_token_shown(page, held)
    clipboard.clear()


def test_nothing_is_handed_back_without_a_yes(
    qtbot: QtBot,
    page: ConnectionPage,
    strict: EmulatorServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "token.txt"
    answers = Answers(monkeypatch, confirm=False, path=target)
    logged_in(qtbot, page, strict)
    clipboard = QApplication.clipboard()
    clipboard.setText("something else")
    page.account.copy_token.click()
    page.account.save_token.click()
    qtbot.wait(200)
    assert len(answers.warnings) == 2
    assert answers.started_in == []  # no file dialog after Cancel
    assert not target.exists()
    assert clipboard.text() == "something else"
    clipboard.clear()


def test_a_secret_file_is_replaced_whole_and_kept_private(tmp_path: Path) -> None:
    path = tmp_path / "token.txt"
    path.write_text("old\n", encoding="utf-8")
    if sys.platform != "win32":
        os.chmod(path, 0o644)
    write_secret_file(path, "new")
    assert path.read_text(encoding="utf-8") == "new\n"
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == ["token.txt"]
    assert handback_file_name("1", "a/b") == "refresh-token-provider-1-gateway-a_b.txt"
