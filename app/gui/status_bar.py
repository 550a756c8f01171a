"""The status bar: the API's state with the token's countdown, the meter, the last reading.

Fed only by Session signals; a one-second timer redraws the countdown while a token is live.
The meter field is green only while values arrive: a link that is up while the meter gives no
value (wrong profile, wrong unit id) or stops answering shows as an error, with the reason
(app/gui/reading_look.py) in its tooltip.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QWidget

from app.core.api import ApiState, ApiStatus
from app.core.meter.links import LinkEvent, LinkState
from app.gui.api_look import api_look
from app.gui.i18n import Retranslating, fill
from app.gui.icons import step_icon
from app.gui.reading_look import Outcome, explain, outcome
from app.gui.session import Session
from app.gui.steps.step import StepState
from app.gui.widgets.dates import countdown, local_time
from app.gui.widgets.link_status import LINK_ICONS
from app.gui.widgets.tone_label import Tone, ToneLabel

if TYPE_CHECKING:
    from app.core.meter.reading import MeterReading


class _Item(QWidget):
    """An icon and a text, as one status bar field."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.state = StepState.NOT_STARTED  # the icon shown
        self.icon = QLabel()
        self.text = QLabel()
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        row.setSpacing(4)
        row.addWidget(self.icon)
        row.addWidget(self.text)

    def set(self, state: StepState, text: str, tooltip: str = "") -> None:
        self.state = state
        size = self.text.fontMetrics().height()
        self.icon.setPixmap(step_icon(state).pixmap(size, size))
        self.text.setText(text)
        self.setToolTip(tooltip)


class StatusBar(Retranslating, QStatusBar):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api = _Item("statusApi")
        self.link = _Item("statusLink")
        self.reading = ToneLabel()
        self.reading.setObjectName("statusReading")
        for widget in (self.api, self.link, self.reading):
            self.addPermanentWidget(widget)
        self._session = session
        self._status = session.api_status
        self._link_event: LinkEvent | None = None
        self._reading: MeterReading | None = None  # the latest, of the meter and profile now
        self._values_at: datetime | None = None  # when values last arrived
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_api)
        session.api_state_changed.connect(self.on_api_status)
        session.link_state_changed.connect(self.on_link_event)
        session.meter_changed.connect(self._on_meter_changed)
        session.reader_changed.connect(self._on_reader_changed)
        session.reading_arrived.connect(self.on_reading)
        self.retranslate()

    def on_api_status(self, status: ApiStatus) -> None:
        self._status = status
        live = status.access_expires_at is not None and status.state in (
            ApiState.READY,
            ApiState.REFRESHING,
        )
        if live:
            self._tick.start()
        else:
            self._tick.stop()
        self._show_api()

    def on_link_event(self, event: LinkEvent | None) -> None:
        self._link_event = event
        self._show_link()

    def _on_meter_changed(self, meter: object) -> None:
        self._reading, self._values_at = None, None
        if meter is None:
            self.on_link_event(None)
        self._show_link()
        self._show_reading()

    def _on_reader_changed(self, _reader: object) -> None:
        """Another profile: the last verdict was about the old one."""
        self._reading = None
        self._show_link()
        self._show_reading()

    def on_reading(self, reading: MeterReading) -> None:
        self._reading = reading
        if outcome(reading) is Outcome.VALUES:
            self._values_at = datetime.now(UTC)
        self._show_link()
        self._show_reading()

    def retranslate(self) -> None:
        self._show_api()
        self._show_link()
        self._show_reading()

    def _show_api(self) -> None:
        status, now = self._status, datetime.now(UTC)
        names = {
            ApiState.LOGGED_OUT: self.tr("not logged in"),
            ApiState.LOGGING_IN: self.tr("logging in…"),
            ApiState.READY: self.tr("connected"),
            ApiState.REFRESHING: self.tr("renewing the token…"),
            ApiState.OFFLINE: self.tr("offline"),
            ApiState.TOKEN_EXPIRED: self.tr("token expired"),
            ApiState.ERROR: self.tr("error"),
        }
        text = fill(self.tr("ChileMedido: %1"), names[status.state])
        tips: list[str] = []
        if status.access_expires_at is not None and status.state in (
            ApiState.READY,
            ApiState.REFRESHING,
        ):
            left = status.access_expires_at - now
            text += f" ({countdown(left)})"
            tips.append(fill(self.tr("Access token renews itself in %1."), countdown(left)))
        if status.refresh_expires_at is not None:
            left = status.refresh_expires_at - now
            days = max(0, left.days)
            tip = self.tr("Refresh token valid for %n day(s).", "", days)
            tips.append(tip)
            if status.refresh_expires_soon(now) and status.state is not ApiState.TOKEN_EXPIRED:
                text += " · " + tip
        if status.gateway:
            tips.append(fill(self.tr("Gateway %1"), status.gateway))
        if status.error_message:
            tips.append(status.error_message)
        self.api.set(api_look(status, now).icon, text, "\n".join(tips))

    def _show_link(self) -> None:
        event = self._link_event
        state = event.state if event else LinkState.DISCONNECTED
        names = {
            LinkState.DISCONNECTED: self.tr("not connected"),
            LinkState.CONNECTING: self.tr("connecting…"),
            LinkState.CONNECTED: self.tr("connected"),
            LinkState.RECONNECTING: self.tr("reconnecting…"),
            LinkState.FAILED: self.tr("no connection"),
        }
        look, name = LINK_ICONS[state], names[state]
        tips = [f"{event.link}\n{event.message}"] if event else []
        reading = self._reading
        if reading is not None and (event is None or state is LinkState.CONNECTED):
            look, name, why = self._reading_look(reading)
            tips.append(why)
        elif state is LinkState.CONNECTED:
            look = StepState.BUSY  # up, but no value yet: not green until values arrive
            tips.append(self.tr("Waiting for the first reading."))
        text = fill(self.tr("Meter: %1"), name)
        self.link.set(look, text, "\n".join(tip for tip in tips if tip))

    def _reading_look(self, reading: MeterReading) -> tuple[StepState, str, str]:
        """The meter field's icon, words and tooltip for the latest reading."""
        count = fill(self.tr("%1 of %2 values read."), reading.available, len(reading.values))
        meter = self._session.meter
        problem = explain(reading, meter.uri.kind if meter is not None else None)
        if problem is None:  # values arrive
            look = StepState.WARNING if reading.problems else StepState.OK
            return look, self.tr("connected"), count
        why = "\n".join(part for part in (count, problem.what, problem.todo) if part)
        if outcome(reading) is Outcome.NO_ANSWER:
            return StepState.ERROR, self.tr("not answering"), why
        return StepState.ERROR, self.tr("answers, but no values read"), why

    def _show_reading(self) -> None:
        reading, at = self._reading, self._values_at
        missing = reading is not None and outcome(reading) is not Outcome.VALUES
        self.reading.set_tone(Tone.ERROR if missing else Tone.PLAIN)
        if missing:
            text = (
                fill(self.tr("No values since %1"), local_time(at))
                if at is not None
                else self.tr("No values read yet")
            )
        elif at is None:
            text = self.tr("No reading yet")
        else:
            text = fill(self.tr("Last reading: %1"), local_time(at))
        self.reading.setText(text)
