"""A strip saying "log in first", with a button that takes the installer to the Connection step."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.api import ApiState, ApiStatus


class LoginPointer(QFrame):
    go = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginPointer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.status = ApiStatus(ApiState.LOGGED_OUT)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton()
        self.button.clicked.connect(self.go)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.retranslate()

    @staticmethod
    def needed(status: ApiStatus, has_client: bool) -> bool:
        """Only a (new) login gets out of these states."""
        return not has_client or status.state is ApiState.LOGGED_OUT or status.needs_new_token

    def show_for(self, status: ApiStatus, has_client: bool) -> None:
        self.status = status
        self.setVisible(self.needed(status, has_client))
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self.status.needs_new_token:
            text = self.tr(
                "ChileMedido no longer accepts this session's token. Log in again with the "
                "newest refresh token in the Connection step."
            )
        else:
            text = self.tr(
                "You are not logged in to ChileMedido. Meters are looked up with the gateway's "
                "token: log in first in the Connection step."
            )
        self.text.setText(text)
        self.button.setText(self.tr("Go to &Connection"))
