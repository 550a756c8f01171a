"""The status bar follows the session's signals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.api import ApiState, ApiStatus
from app.core.meter.links import LinkEvent, LinkState
from app.gui.i18n import Language, Translations
from app.gui.session import Session
from app.gui.status_bar import StatusBar


def ready(access_left: timedelta, refresh_left: timedelta) -> ApiStatus:
    now = datetime.now(UTC)
    return ApiStatus(
        ApiState.READY,
        provider="1",
        gateway="2",
        access_expires_at=now + access_left,
        refresh_expires_at=now + refresh_left,
    )


def test_api_state_with_the_token_countdown(
    qtbot: QtBot, session: Session, translations: Translations
) -> None:
    bar = StatusBar(session)
    qtbot.addWidget(bar)
    assert bar.api.text.text() == "ChileMedido: not logged in"
    session.api_state_changed.emit(ready(timedelta(hours=3), timedelta(days=60, hours=1)))
    assert bar.api.text.text() in (
        "ChileMedido: connected (2:59:59)",
        "ChileMedido: connected (2:59:58)",  # a slow machine
    )
    assert bar._tick.isActive()
    assert "Refresh token valid for 60 days." in bar.api.toolTip()
    assert "Gateway 2" in bar.api.toolTip()

    session.api_state_changed.emit(ApiStatus(ApiState.TOKEN_EXPIRED, error_message="expired"))
    assert bar.api.text.text() == "ChileMedido: token expired"
    assert not bar._tick.isActive()


def test_a_refresh_token_near_its_end_shows_in_the_bar(
    qtbot: QtBot, session: Session, translations: Translations
) -> None:
    bar = StatusBar(session)
    qtbot.addWidget(bar)
    session.api_state_changed.emit(ready(timedelta(hours=1), timedelta(days=3, hours=2)))
    assert bar.api.text.text().endswith("· Refresh token valid for 3 days.")


def test_meter_link_and_last_reading(qtbot: QtBot, session: Session) -> None:
    bar = StatusBar(session)
    qtbot.addWidget(bar)
    assert bar.link.text.text() == "Meter: not connected"
    assert bar.reading.text() == "No reading yet"
    event = LinkEvent(
        "tcp 192.168.1.50:502", LinkState.RECONNECTING, "connection-lost", "lost; retry in 2 s"
    )
    session.link_state_changed.emit(event)
    assert bar.link.text.text() == "Meter: reconnecting…"
    assert "tcp 192.168.1.50:502" in bar.link.toolTip()
    session.reading_arrived.emit(object())
    assert bar.reading.text().startswith("Last reading: ")
    session.meter_changed.emit(None)
    assert bar.link.text.text() == "Meter: not connected"


def test_status_bar_speaks_spanish_after_a_switch(
    qtbot: QtBot, session: Session, translations: Translations
) -> None:
    bar = StatusBar(session)
    qtbot.addWidget(bar)
    session.api_state_changed.emit(ready(timedelta(hours=2), timedelta(days=1, hours=1)))
    translations.apply(Language.SPANISH)
    QApplication.sendPostedEvents()
    assert bar.api.text.text().startswith("ChileMedido: conectado (1:59:")
    assert bar.api.text.text().endswith("Token de refresco válido por 1 día.")
    assert bar.link.text.text() == "Medidor: no conectado"
