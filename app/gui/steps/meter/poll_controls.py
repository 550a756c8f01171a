"""The meter page's buttons: connect, disconnect, poll interval, start/stop polling, auto-detect,
and the read plan. Only buttons and their enabled states; the page does the work."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from app.gui.i18n import Retranslating, number_locale
from app.gui.widgets.tone_label import Tone, ToneLabel

MIN_INTERVAL_S = 0.2
MAX_INTERVAL_S = 3600.0


class PollControls(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.connect_button = QPushButton()
        self.disconnect_button = QPushButton()
        self.interval_label = QLabel()
        self.interval = QDoubleSpinBox()
        self.interval.setRange(MIN_INTERVAL_S, MAX_INTERVAL_S)
        self.interval.setDecimals(1)
        self.interval.setSingleStep(0.5)
        self.interval.setValue(1.0)
        self.poll_button = QPushButton()
        self.detect_button = QPushButton()
        self.plan_button = QPushButton()
        self.plan_button.setCheckable(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.connect_button, 0, 0)
        grid.addWidget(self.disconnect_button, 0, 1)
        grid.addWidget(self.interval_label, 1, 0)
        grid.addWidget(self.interval, 1, 1)
        grid.addWidget(self.poll_button, 2, 0, 1, 2)
        grid.addWidget(self.detect_button, 3, 0)
        grid.addWidget(self.plan_button, 3, 1)
        # Says when the fields no longer describe the meter being polled; always in the layout
        # (empty when not needed) so that the buttons do not move under the pointer.
        self.stale_note = ToneLabel()
        self.stale_note.set_tone(Tone.WARNING)
        self.stale_note.setWordWrap(True)
        grid.addWidget(self.stale_note, 4, 0, 1, 2)
        self._polling = False
        self._connected = False
        self._stale = False
        self.retranslate()

    def retranslate(self) -> None:
        self.connect_button.setText(
            self.tr("Reconnect") if self._connected else self.tr("&Connect")
        )
        self.disconnect_button.setText(self.tr("&Disconnect"))
        self.interval_label.setText(self.tr("Poll every"))
        self.interval.setSuffix(" s")
        self.interval.setLocale(number_locale())  # "1,0 s" in Spanish, like the other figures
        self.interval.setValue(self.interval.value())  # redraw in the new locale
        self.poll_button.setText(
            self.tr("&Stop polling") if self._polling else self.tr("Start &polling")
        )
        self.detect_button.setText(self.tr("&Auto-detect…"))
        self.plan_button.setText(self.tr("Read p&lan"))
        self.connect_button.setToolTip(self.tr("Open the link with these settings and poll"))
        self.detect_button.setToolTip(
            self.tr("Find the meters that answer on this port or gateway, and their profiles")
        )
        self.plan_button.setToolTip(self.tr("Show the register blocks each poll reads"))
        self.stale_note.setText(
            self.tr("The settings above changed: press Reconnect to read the meter they name.")
            if self._stale
            else ""
        )

    def set_state(self, *, connected: bool, polling: bool, stale: bool = False) -> None:
        """`stale`: connected, but the link settings now name another meter or address."""
        self._connected, self._polling, self._stale = connected, polling, connected and stale
        self.connect_button.setDefault(self._stale)
        self.disconnect_button.setEnabled(connected)
        self.poll_button.setEnabled(connected)
        self.plan_button.setEnabled(connected)
        self.retranslate()
