"""What waits in the outbox: "N uploads wait to be sent", with Send now and Discard.

Every upload is written to the outbox before it goes (app.core.upload.outbox); one that got no
answer (offline, a timeout, a server error) waits there and is re-sent by itself when ChileMedido
answers again. This panel shows how many wait and lets the installer send them now or, after a
confirmation, throw them away. It holds no logic: the page loads the rows and acts on the signals.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from app.core.upload.outbox import OutboxEntry
from app.gui.error_text import describe_code
from app.gui.i18n import Retranslating, fill


class OutboxPanel(Retranslating, QWidget):
    send_now_requested = Signal()
    discard_confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[OutboxEntry] = []
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.send_now = QPushButton()
        self.send_now.clicked.connect(self.send_now_requested)
        self.discard = QPushButton()
        self.discard.clicked.connect(self._confirm_discard)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.summary, 1)
        row.addWidget(self.send_now)
        row.addWidget(self.discard)
        self.retranslate()
        self.show_entries([])

    def retranslate(self) -> None:
        self.send_now.setText(self.tr("Send &now"))
        self.discard.setText(self.tr("&Discard…"))
        self.show_entries(self.entries)

    def show_entries(self, entries: list[OutboxEntry]) -> None:
        """The rows that wait (pending or being sent) for the current API."""
        self.entries = entries
        count = len(entries)
        measures = sum(e.measures for e in entries)
        text = fill(
            self.tr(
                "%1 upload(s) (%2 measures) wait to be sent; they go by themselves when "
                "ChileMedido answers again."
            ),
            count,
            measures,
        )
        last = entries[-1] if entries else None
        if last is not None and last.error_code:
            problem = describe_code(last.error_code, last.error_message or "").what
            text += " " + fill(self.tr("Last problem: %1"), problem)
        self.summary.setText(text)
        self.setVisible(count > 0)

    def _confirm_discard(self) -> None:
        Button = QMessageBox.StandardButton
        answer = QMessageBox.warning(
            self,
            self.tr("Discard waiting uploads"),
            fill(
                self.tr(
                    "Discard %1 upload(s) (%2 measures) that ChileMedido has not stored? "
                    "They will not be sent, and this cannot be undone."
                ),
                len(self.entries),
                sum(e.measures for e in self.entries),
            ),
            Button.Discard | Button.Cancel,
            Button.Cancel,
        )
        if answer == Button.Discard:
            self.discard_confirmed.emit()
