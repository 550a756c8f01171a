"""A sentence saying "log in first", whose link takes the installer to the Connection step."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.core.api import ApiState, ApiStatus
from app.gui.i18n import Retranslating
from app.gui.widgets.step_pointer import StepPointer


class LoginPointer(Retranslating, StepPointer):
    """Connect `linkActivated` to `session.request_step` (the link's href is "connection")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginPointer")
        self.status = ApiStatus(ApiState.LOGGED_OUT)
        self.retranslate()

    @staticmethod
    def needed(status: ApiStatus, has_client: bool) -> bool:
        """Only a (new) login gets out of these states."""
        return not has_client or status.state is ApiState.LOGGED_OUT or status.needs_new_token

    def show_for(self, status: ApiStatus, has_client: bool) -> None:
        self.status = status
        self.setVisible(self.needed(status, has_client))
        self.retranslate()

    def retranslate(self) -> None:
        if self.status.needs_new_token:
            text = self.tr(
                "ChileMedido no longer accepts this session's token. "
                '<a href="connection">Log in again with the newest refresh token on the '
                "Connection step</a>."
            )
        else:
            text = self.tr(
                "You are not logged in to ChileMedido. Meters are looked up with the gateway's "
                'token: <a href="connection">log in first on the Connection step</a>.'
            )
        self.setText(text)
