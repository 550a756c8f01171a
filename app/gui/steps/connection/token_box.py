"""The refresh token group of the Connection page: paste or load it, see its claims, log in.

Holds no I/O: choosing a file emits `file_chosen` and the page reads it on the core loop, then
offers the tokens found with `offer(entries)` (a file with several gateways gets a picker).
Whether the computer has a credential store is asked off the GUI thread too (finding the
keyring backend may talk to D-Bus): the page tells `set_store_available`. Without one, "Remember
the token" is unticked and disabled (the notice says why), and Log in is enabled only while a
whole token is there. A standing notice says what a login does to the pasted token: the
platform answers with a new one and may refuse the old one afterwards, so a gateway whose own
token is used may need the newest one back (the Session box hands it out), and a token of its own
for commissioning, where the provider issues one, leaves the gateway's untouched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.account.token_file import TokenFileEntry
from app.gui.i18n import Retranslating, fill
from app.gui.steps.connection.token_claims import TokenClaims
from app.gui.steps.connection.token_input import TokenInput
from app.gui.widgets.dates import date_text


class TokenBox(Retranslating, QGroupBox):
    file_chosen = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: tuple[TokenFileEntry, ...] = ()
        self.store_available = True  # until the page has asked
        self._busy = False
        self.token = TokenInput()
        self.claims = TokenClaims()
        self.rotation_notice = QLabel()
        self.rotation_notice.setObjectName("rotationNotice")
        self.rotation_notice.setWordWrap(True)
        self.token.changed.connect(self._on_token)
        self.load_file = QPushButton()
        self.load_file.clicked.connect(self._choose_file)
        self.file_choice = QComboBox()
        self.file_choice.setObjectName("tokenFileChoice")
        self.file_choice.activated.connect(self._on_file_choice)
        self.remember = QCheckBox()
        self.remember.setChecked(True)
        self.store_notice = QLabel()
        self.store_notice.setWordWrap(True)
        self.login = QPushButton()
        self.login.setDefault(True)
        self.cancel = QPushButton()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no percentage: a login is one request
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)

        file_row = QHBoxLayout()
        file_row.addWidget(self.load_file)
        file_row.addWidget(self.file_choice, 1)
        file_row.addStretch()
        login_row = QHBoxLayout()
        for widget in (self.login, self.cancel, self.busy):
            login_row.addWidget(widget)
        login_row.addStretch()
        column = QVBoxLayout(self)
        column.addWidget(self.token)
        column.addLayout(file_row)
        column.addWidget(self.claims)
        column.addWidget(self.rotation_notice)
        column.addWidget(self.remember)
        column.addWidget(self.store_notice)
        column.addLayout(login_row)
        self.retranslate()
        self.offer(())
        self.set_busy(False)

    def offer(self, entries: tuple[TokenFileEntry, ...]) -> None:
        """Tokens read from a file: the first goes in at once, a picker offers the others."""
        self.entries = entries
        self._fill_file_choice()
        if entries:
            self.token.set_token(entries[0].text)

    def forget(self) -> None:
        """After a login: the token and any file's tokens are the client's business now."""
        self.token.clear()
        self.offer(())

    def set_store_available(self, available: bool) -> None:
        self.store_available = available
        if not available:
            self.remember.setChecked(False)  # nothing could keep it: do not say it will be
        self._sync_enabled()
        self._show_store_notice()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._sync_enabled()
        self.cancel.setVisible(busy)
        self.busy.setVisible(busy)

    def _sync_enabled(self) -> None:
        idle = not self._busy
        for widget in (self.token, self.load_file, self.file_choice):
            widget.setEnabled(idle)
        self.login.setEnabled(idle and self.token.token_text() is not None)
        self.remember.setEnabled(idle and self.store_available)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Refresh token"))
        self.load_file.setText(self.tr("Load from &file…"))
        self.remember.setText(self.tr("&Remember the token in this computer's credential store"))
        self.login.setText(self.tr("&Log in"))
        self.cancel.setText(self.tr("Cancel"))
        self.rotation_notice.setText(
            self.tr(
                "Logging in gets a new refresh token, and ChileMedido may then refuse the one "
                "pasted here. If it is the gateway's own token, the gateway may need the newest "
                "one afterwards (Session: Copy or Save newest token). Where the provider can "
                "issue one, commission with a token of your own and leave the gateway's alone."
            )
        )
        self._fill_file_choice()
        self._show_store_notice()

    def _on_token(self) -> None:
        self.claims.show_token(self.token.info, self.token.problem)
        self._sync_enabled()

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Refresh token file"),
            "",
            self.tr("Token files (*.json *.txt);;All files (*)"),
        )
        if path:
            self.file_chosen.emit(Path(path))

    def _on_file_choice(self, index: int) -> None:
        if 0 <= index < len(self.entries):
            self.token.set_token(self.entries[index].text)

    def _fill_file_choice(self) -> None:
        index = max(0, self.file_choice.currentIndex())
        self.file_choice.clear()
        for entry in self.entries:
            text = self.tr("Provider %1 · gateway %2 · expires %3")
            expires = date_text(entry.info.expires_at)
            self.file_choice.addItem(
                fill(text, entry.provider or "?", entry.gateway or "?", expires)
            )
        self.file_choice.setCurrentIndex(min(index, len(self.entries) - 1))
        self.file_choice.setVisible(len(self.entries) > 1)

    def _show_store_notice(self, *_args: object) -> None:
        missing = not self.store_available
        self.store_notice.setVisible(missing)
        if missing:  # not an error: the installer can work, the token just dies with the app
            self.store_notice.setText(
                self.tr(
                    "This computer has no credential store: the token works while Medido is "
                    "open; after closing it you will need the newest refresh token again."
                )
            )
