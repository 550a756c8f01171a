"""The Connection page against the real emulator over loopback: paste, claims, log in and out,
the error paths (each leaves the page usable), remembered gateways, settings, the demo's state."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.commands.emulator import gateway_tokens, write_tokens
from app.core.api import SERVICE, ApiState, ChileMedidoClient, Environment, EnvironmentKind
from app.emulator.server import EmulatorServer
from app.emulator.world import FailureRule, default_world
from app.gui.i18n import Language, Translations
from app.gui.session import Session
from app.gui.settings import API_URL, ENVIRONMENT
from app.gui.steps.connection.page import CUSTOM_URL, REMEMBER_TOKEN, ConnectionPage
from app.gui.steps.step import StepState
from app.gui.widgets.tone_label import Tone, ToneLabel
from tests.conftest import MemoryKeyring
from tests.core.api.seed import SEED_REFRESH, SEED_REFRESH_EXP, SEED_REFRESH_PASTE
from tests.fixtures.emulator import EmulatorFactory
from tests.gui.conftest import on_loop

WAIT_MS = 8000


@pytest.fixture
def page(qtbot: QtBot, session: Session, translations: Translations) -> Iterator[ConnectionPage]:
    built = ConnectionPage.build(session)
    qtbot.addWidget(built)
    built.show()
    yield built
    built.cancel_jobs()


def use_emulator(page: ConnectionPage, url: str) -> None:
    page.environment.set_kind(EnvironmentKind.EMULATOR)
    page.environment.emulator_url.setText(url)


def paste(page: ConnectionPage, text: str) -> None:
    page.tokens.token.editor.insertPlainText(text)  # what Ctrl+V does


def wrapped(token: str) -> str:
    """A token as it comes out of an e-mail: broken into lines, with a stray space."""
    lines = [token[i : i + 48] for i in range(0, len(token), 48)]
    return "\n".join(lines[:2]) + " \n\n" + "\n".join(lines[2:]) + "\n"


def log_in_and_wait(qtbot: QtBot, page: ConnectionPage) -> None:
    page.tokens.login.click()
    qtbot.waitUntil(lambda: page.session.api is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.state in (StepState.OK, StepState.WARNING), timeout=WAIT_MS)


def wait_for_banner(qtbot: QtBot, page: ConnectionPage) -> str:
    qtbot.waitUntil(lambda: not page.banner.isHidden(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.tokens.login.isEnabled(), timeout=WAIT_MS)
    return page.banner.what.text()


def shown_texts(root: QWidget) -> list[str]:
    """Every text any widget under `root` holds, visible or not."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QPlainTextEdit):
            texts += [widget.toPlainText(), widget.placeholderText()]
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        texts.append(widget.toolTip())
    return texts


def assert_no_token_shown(page: ConnectionPage, token: str) -> None:
    pieces = [token[i : i + 16] for i in range(0, len(token) - 16, 16)]
    for text in shown_texts(page):
        assert not any(piece in text for piece in pieces), f"token text on screen: {text[:40]}"


def tone(label: ToneLabel) -> Tone:
    """Read through a call: mypy would keep an earlier assert's narrowing of the attribute."""
    return label.tone


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def test_the_seed_token_shows_its_claims_and_is_refused_locally(
    qtbot: QtBot, page: ConnectionPage, emulator: EmulatorServer, translations: Translations
) -> None:
    use_emulator(page, emulator.base_url)
    paste(page, SEED_REFRESH_PASTE)
    claims = page.tokens.claims
    assert page.tokens.token.token_text() == SEED_REFRESH
    assert (claims.provider.text(), claims.gateway.text()) == ("1", "2")
    assert claims.issuer.text() == "Provider Auth Server"
    expired_on = datetime.fromtimestamp(SEED_REFRESH_EXP).astimezone()
    assert f"Expired on {expired_on:%Y-%m-%d}" in claims.validity.text()
    assert "UTC" in claims.expires.text()
    assert claims.validity.tone is Tone.ERROR
    assert_no_token_shown(page, SEED_REFRESH)

    page.tokens.login.click()
    assert wait_for_banner(qtbot, page) == "The refresh token has expired."
    assert emulator.state.stats.refresh_attempts == 0  # refused before calling the server
    assert page.session.api is None
    assert page.state is StepState.ERROR

    translations.apply(Language.SPANISH)
    QApplication.sendPostedEvents()
    assert f"Venció el {expired_on:%d-%m-%Y}" in claims.validity.text()
    assert page.banner.what.text() == "El token de refresco está vencido."


def test_an_emulator_token_with_line_breaks_logs_in_and_is_remembered(
    qtbot: QtBot, page: ConnectionPage, emulator: EmulatorServer, memory_keyring: MemoryKeyring
) -> None:
    use_emulator(page, emulator.base_url)
    token = emulator.issue_refresh_token("2")
    paste(page, wrapped(token))
    assert page.tokens.claims.gateway.text() == "2"
    assert page.tokens.claims.validity.text() == "Valid: 59 days left."
    assert page.tokens.claims.validity.tone is Tone.OK
    assert page.tokens.remember.isChecked()

    log_in_and_wait(qtbot, page)
    assert page.state is StepState.OK
    status = page.session.api_status
    assert (status.state, status.provider, status.gateway) == (ApiState.READY, "1", "2")
    assert page.account.account.text() == "provider 1 · gateway 2"
    assert page.account.access.text().startswith("renews itself in 2:59:")
    assert "59 days left" in page.account.refresh.text()
    assert page.banner.what.text() == "Logged in as gateway 2 of provider 1."
    stored = memory_keyring.secrets[(SERVICE, f"{emulator.base_url}#1/2")]
    assert stored != token  # the newest one, from the login's answer
    assert page.tokens.token.token_text() is None
    assert page.tokens.token.editor.toPlainText() == ""
    assert_no_token_shown(page, token)
    assert_no_token_shown(page, stored)
    qtbot.waitUntil(lambda: len(page.known.accounts) == 1, timeout=WAIT_MS)


def test_garbage_gets_a_clear_error_and_stays_to_be_fixed(
    qtbot: QtBot, page: ConnectionPage, emulator: EmulatorServer
) -> None:
    use_emulator(page, emulator.base_url)
    paste(page, "hola, le envío el token")
    validity = page.tokens.claims.validity
    assert validity.text().startswith("This is not a token: a token has three parts")
    assert validity.text().endswith("refresh token the ChileMedido administrator sent.")
    assert validity.tone is Tone.ERROR
    assert not page.tokens.claims.provider.isVisible()
    assert not page.tokens.login.isEnabled()  # only a whole token logs in
    assert page.tokens.token.editor.toPlainText() == "hola, le envío el token"
    token = emulator.issue_refresh_token("2")
    page.tokens.token.editor.clear()
    paste(page, "\n" + token[:-30])  # part of it cut off when copying
    assert "part of it is missing" in validity.text()
    page.tokens.token.editor.clear()
    paste(page, token)
    log_in_and_wait(qtbot, page)


def test_a_captive_portal_then_success_once_the_network_lets_through(
    qtbot: QtBot, page: ConnectionPage, emulator: EmulatorServer
) -> None:
    use_emulator(page, emulator.base_url)
    emulator.state.faults.add(FailureRule("html", endpoint="POST /auth/token/refresh"))
    paste(page, emulator.issue_refresh_token("2"))
    page.tokens.login.click()
    assert wait_for_banner(qtbot, page) == "A web page answered instead of ChileMedido."
    assert page.state is StepState.ERROR
    assert page.session.api is None
    assert page.tokens.token.token_text() is not None  # nothing lost: try again
    emulator.state.faults.clear()
    log_in_and_wait(qtbot, page)


def test_a_refused_connection_then_success_at_the_right_address(
    qtbot: QtBot, page: ConnectionPage, emulator: EmulatorServer
) -> None:
    port = closed_port()
    use_emulator(page, f"http://127.0.0.1:{port}/api/v1")
    paste(page, emulator.issue_refresh_token("2"))
    page.tokens.login.click()
    assert page.tokens.cancel.isVisibleTo(page)
    assert not page.tokens.login.isEnabled()
    assert page.state is StepState.BUSY
    assert wait_for_banner(qtbot, page) == f"The server (127.0.0.1:{port}) refused the connection."
    assert not page.tokens.cancel.isVisibleTo(page)
    page.environment.emulator_url.setText(emulator.base_url)
    log_in_and_wait(qtbot, page)


def test_log_out_then_back_in_with_the_remembered_token_then_forget_it(
    qtbot: QtBot, page: ConnectionPage, emulator: EmulatorServer, memory_keyring: MemoryKeyring
) -> None:
    use_emulator(page, emulator.base_url)
    paste(page, emulator.issue_refresh_token("2"))
    log_in_and_wait(qtbot, page)
    page.account.logout.click()
    qtbot.waitUntil(lambda: page.session.api is None, timeout=WAIT_MS)
    assert page.account.state.text() == "Not logged in."
    assert page.state is StepState.NOT_STARTED
    assert not page.account.logout.isEnabled()
    qtbot.waitUntil(lambda: len(page.known.accounts) == 1, timeout=WAIT_MS)

    page.known.resume.click()  # the only one is selected
    qtbot.waitUntil(lambda: page.session.api is not None, timeout=WAIT_MS)
    assert page.session.api_status.gateway == "2"
    assert emulator.state.stats.refreshes == 2
    page.account.forget.setChecked(True)
    page.account.logout.click()
    qtbot.waitUntil(lambda: page.session.api is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.known.accounts == [], timeout=WAIT_MS)
    assert memory_keyring.secrets == {}


def test_a_refresh_token_in_its_last_week_is_a_warning(
    qtbot: QtBot, page: ConnectionPage, emulator_factory: EmulatorFactory
) -> None:
    emulator = emulator_factory(replace(default_world(), refresh_token_lifetime_s=3 * 86_400))
    use_emulator(page, emulator.base_url)
    paste(page, emulator.issue_refresh_token("2"))
    assert page.tokens.claims.validity.tone is Tone.WARNING
    log_in_and_wait(qtbot, page)
    assert page.state is StepState.WARNING
    assert page.account.refresh.tone is Tone.WARNING


def test_tokens_from_the_emulators_file_with_a_gateway_picker(
    qtbot: QtBot, page: ConnectionPage, emulator: EmulatorServer, tmp_path: Path
) -> None:
    path = tmp_path / "tokens.json"
    write_tokens(path, gateway_tokens(emulator))
    page.load_token_file(path)
    qtbot.waitUntil(lambda: page.tokens.token.info is not None, timeout=WAIT_MS)
    choice = page.tokens.file_choice
    assert choice.isVisibleTo(page)
    assert choice.count() == 2
    assert choice.itemText(1).startswith("Provider 7 · gateway 8 · expires ")
    choice.setCurrentIndex(1)
    choice.activated.emit(1)
    assert page.tokens.claims.gateway.text() == "8"
    assert_no_token_shown(page, page.tokens.token.token_text() or "")

    page.load_token_file(tmp_path / "missing.json")
    assert wait_for_banner(qtbot, page) == "The file missing.json cannot be used as a token file."
    assert page.tokens.claims.gateway.text() == "8"  # what was loaded before stays


def test_the_address_is_checked_as_it_is_typed(page: ConnectionPage) -> None:
    box = page.environment
    box.set_kind(EnvironmentKind.CUSTOM)
    box.custom_url.setText("ftp://in.chilemedido.cl/api/v1")
    assert box.check.text().startswith("The API address cannot be used.")
    assert box.check.text().endswith("use https://in.chilemedido.cl/api/v1")
    assert box.check.tone is Tone.ERROR
    page.tokens.token.set_token(SEED_REFRESH)
    page.tokens.login.click()
    assert page.banner.what.text() == "The API address cannot be used."
    assert page.banner.todo.text() == (
        "Start the address with https:// instead of ftp://: use https://in.chilemedido.cl/api/v1"
    )
    box.custom_url.setText("http://medidor.example.cl/api/v1")
    assert "plain http to medidor.example.cl" in box.check.text()
    assert tone(box.check) is Tone.WARNING
    box.custom_url.setText("https://medidor.example.cl/api/v1")
    assert box.check.isHidden()
    box.set_kind(EnvironmentKind.PRODUCTION)
    assert not box.custom_url.isEnabled()


def test_a_computer_without_a_credential_store_is_told_so(
    qtbot: QtBot, session: Session, translations: Translations
) -> None:
    no_store = keyring.backends.fail.Keyring()  # type: ignore[no-untyped-call]
    keyring.set_keyring(no_store)  # what headless Linux has; conftest restores the memory one
    built = ConnectionPage.build(session)  # asks off the GUI thread
    qtbot.addWidget(built)
    built.show()
    notice = built.tokens.store_notice
    qtbot.waitUntil(notice.isVisible, timeout=WAIT_MS)
    assert "no credential store" in notice.text()
    assert not built.tokens.remember.isChecked()  # it could not be kept: not ticked, not offered
    assert not built.tokens.remember.isEnabled()
    built.tokens.set_busy(True)
    built.tokens.set_busy(False)  # a login attempt's end does not offer it again
    assert not built.tokens.remember.isEnabled()
    built.save_settings()
    assert session.settings.get(REMEMBER_TOKEN)  # the installer's choice, for a computer with one


def test_settings_are_restored_but_never_the_token(
    qtbot: QtBot, session: Session, translations: Translations
) -> None:
    settings = session.settings
    settings.set(ENVIRONMENT, "custom")
    settings.set(API_URL, "https://pruebas.example.cl/api/v1")
    settings.set(REMEMBER_TOKEN, False)
    page = ConnectionPage.build(session)
    qtbot.addWidget(page)
    assert page.environment.kind() is EnvironmentKind.CUSTOM
    assert page.environment.custom_url.text() == "https://pruebas.example.cl/api/v1"
    assert not page.tokens.remember.isChecked()
    page.tokens.token.set_token(SEED_REFRESH)
    page.environment.set_kind(EnvironmentKind.PRODUCTION)
    page.environment.ca_file.setText("/etc/ssl/proxy-ca.pem")
    page.save_settings()
    assert settings.get(ENVIRONMENT) == "production"
    assert settings.get(CUSTOM_URL) == "https://pruebas.example.cl/api/v1"
    settings.sync()
    saved = settings.path.read_text(encoding="utf-8")
    assert "proxy-ca.pem" in saved
    assert SEED_REFRESH[:20] not in saved


def test_a_session_already_logged_in_is_shown_not_logged_in_again(
    qtbot: QtBot, session: Session, emulator: EmulatorServer, translations: Translations
) -> None:
    client = ChileMedidoClient(Environment.emulator(emulator.base_url), remember_tokens=False)
    session.set_api(client)
    on_loop(session.bridge, client.login(emulator.issue_refresh_token("2")))
    qtbot.waitUntil(lambda: session.api_status.state is ApiState.READY, timeout=WAIT_MS)
    page = ConnectionPage.build(session)
    qtbot.addWidget(page)
    assert page.state is StepState.OK
    assert page.account.account.text() == "provider 1 · gateway 2"
    assert page.account.server.text() == emulator.base_url
    assert page.account.logout.isEnabled()
    assert emulator.state.stats.refresh_attempts == 1
