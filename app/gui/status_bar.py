"""The status bar: the API's state with the token's countdown, the meter link, the last reading.

Fed only by Session signals; a one-second timer redraws the countdown while a token is live.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QWidget

from app.core.api import ApiState, ApiStatus
from app.core.meter.links import LinkEvent, LinkState
from app.gui.api_look import api_look
from app.gui.i18n import Retranslating, fill
from app.gui.icons import step_icon
from app.gui.session import Session
from app.gui.steps.step import StepState
from app.gui.widgets.dates import countdown, local_time
from app.gui.widgets.link_status import LINK_ICONS


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
        self.reading = QLabel()
        self.reading.setObjectName("statusReading")
        for widget in (self.api, self.link, self.reading):
            self.addPermanentWidget(widget)
        self._status = session.api_status
        self._link_event: LinkEvent | None = None
        self._reading_at: datetime | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_api)
        session.api_state_changed.connect(self.on_api_status)
        session.link_state_changed.connect(self.on_link_event)
        session.meter_changed.connect(self._on_meter_changed)
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
        if meter is None:
            self.on_link_event(None)

    def on_reading(self, _reading: object) -> None:
        self._reading_at = datetime.now(UTC)
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
        text = fill(self.tr("Meter: %1"), names[state])
        tooltip = f"{event.link}\n{event.message}" if event else ""
        self.link.set(LINK_ICONS[state], text, tooltip)

    def _show_reading(self) -> None:
        if self._reading_at is None:
            self.reading.setText(self.tr("No reading yet"))
            return
        shown = local_time(self._reading_at)
        self.reading.setText(fill(self.tr("Last reading: %1"), shown))
