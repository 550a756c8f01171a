"""The status bar follows the session's signals; the meter field is green only while values
arrive (a wrong profile or unit id, with the link up, is an error with its reason)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.api import ApiState, ApiStatus
from app.core.meter.bus_time import BusTiming
from app.core.meter.links import LinkEvent, LinkState, LinkStats
from app.core.meter.planner import ReadPlan
from app.core.meter.reading import MeterReading, SensorProblem
from app.gui.i18n import Language, Translations
from app.gui.session import Session
from app.gui.status_bar import StatusBar
from app.gui.steps.step import StepState
from app.gui.widgets.tone_label import Tone

CONNECTED = LinkEvent("tcp 192.168.1.50:502", LinkState.CONNECTED, "connected", "Connected.")


def meter_look(bar: StatusBar) -> StepState:
    """Read through a call: mypy would keep an earlier assert's narrowing of the attribute."""
    return bar.link.state


def reading_tone(bar: StatusBar) -> Tone:
    return bar.reading.tone


def reading(values: dict[str, float | None]) -> MeterReading:
    """A poll's result as the core makes it (no meter needed to show one)."""
    missing = SensorProblem("missing-register", "exception 2", 2)
    return MeterReading(
        unit=1,
        profile_id="eastron-sdm630",
        at=datetime.now(UTC),
        duration_s=0.05,
        values=values,
        raw={},
        problems={s: missing for s, v in values.items() if v is None},
        stats=LinkStats(),
        plan=ReadPlan((), BusTiming.tcp()),
    )


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
    session.link_state_changed.emit(CONNECTED)
    assert bar.link.text.text() == "Meter: connected"
    assert meter_look(bar) is StepState.BUSY  # up, but not green before values arrive
    session.reading_arrived.emit(reading({"Voltaje A-N": 229.8, "Corriente A": None}))
    assert bar.reading.text().startswith("Last reading: ")
    assert meter_look(bar) is StepState.WARNING  # one value missing
    assert "1 of 2 values read." in bar.link.toolTip()
    session.reading_arrived.emit(reading({"Voltaje A-N": 229.8}))
    assert meter_look(bar) is StepState.OK
    session.meter_changed.emit(None)
    assert bar.link.text.text() == "Meter: not connected"
    assert bar.reading.text() == "No reading yet"


def test_a_meter_that_answers_without_values_is_not_green(
    qtbot: QtBot, session: Session, translations: Translations
) -> None:
    bar = StatusBar(session)
    qtbot.addWidget(bar)
    session.link_state_changed.emit(CONNECTED)
    session.reading_arrived.emit(reading({"Voltaje A-N": None, "Corriente A": None}))
    assert meter_look(bar) is StepState.ERROR
    assert bar.link.text.text() == "Meter: answers, but no values read"
    assert "0 of 2 values read." in bar.link.toolTip()
    assert "Wrong profile or unit id" in bar.link.toolTip()
    assert bar.reading.text() == "No values read yet"
    assert reading_tone(bar) is Tone.ERROR

    session.reading_arrived.emit(reading({"Voltaje A-N": 229.8, "Corriente A": 1.5}))
    assert meter_look(bar) is StepState.OK
    assert reading_tone(bar) is Tone.PLAIN
    session.reading_arrived.emit(reading({"Voltaje A-N": None, "Corriente A": None}))
    assert bar.reading.text().startswith("No values since ")
    translations.apply(Language.SPANISH)
    QApplication.sendPostedEvents()
    assert bar.link.text.text() == "Medidor: responde, pero sin valores leídos"


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
