"""The ChileMedido session as it stands: who is logged in, where, and until when.

Fed with the session's ApiStatus (never a token). The access token's countdown ticks every
second while the connection is up; the refresh token's end turns into a warning in its last week.
Once logged in it offers the hand-back: the platform answered the login with a new refresh token
and may refuse the pasted one from now on, so the gateway may need the newest one. The box only
has the buttons (Copy, Save…); the page asks for confirmation and fetches the token from the
client, so no token ever passes through here.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.api import ApiState, ApiStatus
from app.gui.api_look import api_look
from app.gui.error_text import describe_code
from app.gui.i18n import Retranslating, fill
from app.gui.widgets.dates import countdown, date_text, now
from app.gui.widgets.tone_label import Tone, ToneLabel

_LIVE = (ApiState.READY, ApiState.REFRESHING)
_HOLDS_TOKEN = (*_LIVE, ApiState.OFFLINE)  # a refresh token the platform has not refused
_NOT_LOGGED_IN = (ApiState.LOGGED_OUT, ApiState.LOGGING_IN)  # nothing to log out of


class AccountBox(Retranslating, QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = ApiStatus(ApiState.LOGGED_OUT)
        self.server_url = ""
        self._busy = False  # a login is under way
        self.state = ToneLabel()
        self.state.setObjectName("accountState")
        self.state.setWordWrap(True)
        bold = self.state.font()
        bold.setBold(True)
        self.state.setFont(bold)
        self.server = QLabel()
        self.server.setWordWrap(True)
        self.account = QLabel()
        self.access = QLabel()
        self.refresh = ToneLabel()
        self.notice = ToneLabel()
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.logout = QPushButton()
        self.forget = QCheckBox()
        self.handback_note = QLabel()
        self.handback_note.setObjectName("handbackNote")
        self.handback_note.setWordWrap(True)
        self.copy_token = QPushButton()
        self.save_token = QPushButton()

        self._names = [QLabel() for _ in range(4)]
        self.form = QFormLayout()
        for name, value in zip(
            self._names, (self.server, self.account, self.access, self.refresh), strict=True
        ):
            self.form.addRow(name, value)
        buttons = QHBoxLayout()
        buttons.addWidget(self.logout)
        buttons.addWidget(self.forget, 1)
        handback = QHBoxLayout()
        handback.addWidget(self.copy_token)
        handback.addWidget(self.save_token)
        handback.addStretch()
        column = QVBoxLayout(self)
        column.addWidget(self.state)
        column.addLayout(self.form)
        column.addWidget(self.notice)
        column.addWidget(self.handback_note)
        column.addLayout(handback)
        column.addLayout(buttons)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._render)
        self.retranslate()

    def show_status(self, status: ApiStatus, server_url: str) -> None:
        self.status, self.server_url = status, server_url
        if status.state in _LIVE and status.access_expires_at is not None:
            self._tick.start()
        else:
            self._tick.stop()
        self._render()

    def set_busy(self, busy: bool) -> None:
        """While a login runs, Log out waits; after it, it follows the state again."""
        self._busy = busy
        self._render()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Session"))
        names = (
            self.tr("Server:"),
            self.tr("Account:"),
            self.tr("Access token:"),
            self.tr("Refresh token:"),
        )
        for label, text in zip(self._names, names, strict=True):
            label.setText(text)
        self.logout.setText(self.tr("Log &out"))
        self.forget.setText(self.tr("and &forget the remembered token"))
        self.forget.setToolTip(
            self.tr("Removes this gateway's token from the credential store of this computer.")
        )
        self.handback_note.setText(
            self.tr(
                "ChileMedido answered the login with a new refresh token and may no longer "
                "accept the one that was pasted. If that was the gateway's own token, give the "
                "gateway this newest one."
            )
        )
        self.copy_token.setText(self.tr("Cop&y newest token"))
        self.copy_token.setToolTip(
            self.tr("Puts the newest refresh token on the clipboard, after a warning.")
        )
        self.save_token.setText(self.tr("Sa&ve newest token…"))
        self.save_token.setToolTip(
            self.tr("Saves the newest refresh token to a file, after a warning.")
        )
        self._render()

    def _state_text(self, status: ApiStatus) -> str:
        names = {
            ApiState.LOGGED_OUT: self.tr("Not logged in."),
            ApiState.LOGGING_IN: self.tr("Logging in…"),
            ApiState.READY: self.tr("Logged in to ChileMedido."),
            ApiState.REFRESHING: self.tr("Logged in; renewing the access token…"),
            ApiState.OFFLINE: self.tr("Logged in, but ChileMedido cannot be reached now."),
            ApiState.TOKEN_EXPIRED: self.tr("The refresh token expired: log in with a new one."),
            ApiState.ERROR: self.tr("The connection has a problem."),
        }
        text = names[status.state]
        if status.error_code and status.state in (ApiState.OFFLINE, ApiState.ERROR):
            text += " " + describe_code(status.error_code, status.error_message or "").what
        return text

    def _render(self) -> None:
        status, moment = self.status, now()
        self.state.setText(self._state_text(status))
        self.state.set_tone(api_look(status, moment).tone)
        logged = status.provider is not None
        for row in range(4):
            self.form.setRowVisible(row, logged)
        can_log_out = not self._busy and status.state not in _NOT_LOGGED_IN
        self.logout.setEnabled(can_log_out)
        self.forget.setEnabled(can_log_out)
        for widget in (self.handback_note, self.copy_token, self.save_token):
            widget.setVisible(logged)
        can_hand_back = not self._busy and status.state in _HOLDS_TOKEN
        self.copy_token.setEnabled(can_hand_back)
        self.save_token.setEnabled(can_hand_back)
        self.server.setText(self.server_url)
        self.account.setText(
            fill(self.tr("provider %1 · gateway %2"), status.provider or "?", status.gateway or "?")
        )
        if status.access_expires_at is not None and status.state in _LIVE:
            left = status.access_expires_at - moment
            self.access.setText(fill(self.tr("renews itself in %1"), countdown(left)))
        else:
            self.access.setText(self.tr("none yet"))
        self._render_refresh(status)
        notice = status.credential_notice
        self.notice.setVisible(notice is not None)
        if notice is not None:
            text = describe_code(notice.code, notice.message)
            self.notice.setText(f"{text.what} {text.todo}")
            self.notice.set_tone(Tone.WARNING)

    def _render_refresh(self, status: ApiStatus) -> None:
        if status.refresh_expires_at is None:
            self.refresh.setText("—")
            self.refresh.set_tone(Tone.PLAIN)
            return
        moment = now()
        left = status.refresh_expires_at - moment
        if left <= timedelta(0):
            self.refresh.setText(
                fill(self.tr("expired on %1"), date_text(status.refresh_expires_at))
            )
            self.refresh.set_tone(Tone.ERROR)
            return
        text = self.tr("valid until %1 (%n day(s) left)", "", left.days)
        self.refresh.setText(fill(text, date_text(status.refresh_expires_at)))
        soon = status.refresh_expires_soon(moment)
        self.refresh.set_tone(Tone.WARNING if soon else Tone.PLAIN)
