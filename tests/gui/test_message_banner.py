"""The inline message strip."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.api import TokenExpired
from app.gui.i18n import Language, Translations
from app.gui.message_banner import Level, MessageBanner


def test_shows_an_error_and_its_details_on_demand(qtbot: QtBot) -> None:
    banner = MessageBanner()
    qtbot.addWidget(banner)
    assert banner.isHidden()  # nothing to say yet
    banner.show_error(TokenExpired("The refresh token expired on 2026-01-01."))
    assert banner.isVisible()
    assert banner.level is Level.ERROR
    assert banner.what.text() == "The refresh token has expired."
    assert banner.todo.text() == "Ask the ChileMedido administrator for a new refresh token."
    assert not banner.details.isVisible()
    banner._toggle.click()
    assert banner.details.isVisible()
    assert "2026-01-01" in banner.details.text()
    banner._close.click()
    assert not banner.isVisible()


def test_a_shown_error_follows_a_language_switch(qtbot: QtBot, translations: Translations) -> None:
    banner = MessageBanner()
    qtbot.addWidget(banner)
    banner.show()
    banner.show_error(TokenExpired("expired"))
    translations.apply(Language.SPANISH)
    QApplication.sendPostedEvents()
    assert banner.what.text() == "El token de refresco está vencido."
    assert banner._toggle.text() == "Detalles"


def test_plain_messages_have_no_details_button(qtbot: QtBot) -> None:
    banner = MessageBanner()
    qtbot.addWidget(banner)
    banner.show()
    banner.show_message(Level.SUCCESS, "Measurement stored.")
    assert banner.what.text() == "Measurement stored."
    assert not banner.todo.isVisible()
    assert not banner._toggle.isVisible()
    assert "messageBanner" in banner.styleSheet()
