"""The Clock page's "set the meter's clock" box, with its confirmation inline (not a dialog).

The page decides whether setting is possible and says why not; this box shows that, asks for
confirmation (the meter's time changes, which may touch its energy profile logs) and emits
`confirmed` when the installer agrees.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import Retranslating


class MeterClockBox(Retranslating, QGroupBox):
    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.set_button = QPushButton()
        self.set_button.clicked.connect(self._ask)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.confirm_button = QPushButton()
        self.confirm_button.clicked.connect(self._confirm)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self._cancel)
        self.confirmation = QFrame()
        self.confirmation.setFrameShape(QFrame.Shape.StyledPanel)
        ask = QVBoxLayout(self.confirmation)
        ask.addWidget(self.question)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        ask.addLayout(buttons)
        self.confirmation.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        row = QHBoxLayout()
        row.addWidget(self.set_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.confirmation)
        layout.addStretch(1)
        self.retranslate()

    def set_available(self, available: bool, explanation: str) -> None:
        self.set_button.setEnabled(available)
        self.explanation.setText(explanation)
        if not available:
            self.confirmation.hide()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Meter clock"))
        self.set_button.setText(self.tr("&Set the meter clock to ChileMedido's time…"))
        self.question.setText(
            self.tr(
                "The meter's time will change now. Its energy profile and event logs may get a "
                "gap or a repeated interval at this moment. Set the clock?"
            )
        )
        self.confirm_button.setText(self.tr("Set the clock"))
        self.cancel_button.setText(self.tr("Cancel"))

    def _ask(self) -> None:
        self.confirmation.show()
        self.confirm_button.setFocus()

    def _confirm(self) -> None:
        self.confirmation.hide()
        self.confirmed.emit()

    def _cancel(self) -> None:
        self.confirmation.hide()
