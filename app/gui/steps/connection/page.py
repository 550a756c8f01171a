"""Step 1, Connection: choose the ChileMedido server, paste the gateway's refresh token, log in.

The page turns clicks into core calls and the client's state into widgets; the token rules
(cleaning a paste, expiry, rotation, remembering) are the core's. A login builds a new client
on the core loop (app.core.account.login) and hands it to the session only once it worked, so a
failed attempt leaves the previous session and everything typed in place. After a successful login
the pasted token is dropped from the page: the client and the credential store keep it.
The login's answer held a new refresh token, and the platform may refuse the pasted one from then
on: Copy / Save newest token (in the Session box) hand the newest one back for the gateway,
after a warning, straight from the client to the clipboard or a file (token_handback.py).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QPaintEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.account.login import ClientOptions, LogIn, log_out, open_client, remembered_accounts
from app.core.account.token_file import TokenFileEntry, read_token_file
from app.core.api import (
    Account,
    ApiStatus,
    CredentialStore,
    EnvironmentKind,
    InvalidEnvironment,
    Timeouts,
)
from app.gui.api_look import api_look
from app.gui.i18n import fill
from app.gui.job import Job
from app.gui.message_banner import Level
from app.gui.session import Session
from app.gui.settings import API_URL, ENVIRONMENT, Option
from app.gui.steps.connection.account_box import AccountBox
from app.gui.steps.connection.address_advice import address_problem
from app.gui.steps.connection.environment_box import EMULATOR_URL, EnvironmentBox
from app.gui.steps.connection.known_gateways import KnownGateways
from app.gui.steps.connection.token_box import TokenBox
from app.gui.steps.connection.token_handback import handback_file_name, save_newest_token
from app.gui.steps.page import Page
from app.gui.steps.step import StepState
from app.gui.widgets.documents import documents_file

if TYPE_CHECKING:  # the client's modules load with the first login
    from app.core.api import ChileMedidoClient

REMEMBER_TOKEN = Option("api/remember_token", bool, True)
CUSTOM_URL = Option("api/custom_url", str, "")
CA_FILE = Option("api/ca_file", str, "")
CONNECT_TIMEOUT_S = Option("api/connect_timeout_s", float, Timeouts().connect)
READ_TIMEOUT_S = Option("api/read_timeout_s", float, Timeouts().read)


class ConnectionPage(Page):
    key = "connection"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._job: Job[ChileMedidoClient] | None = None
        self.environment = EnvironmentBox()
        self.environment.changed.connect(self._refresh_known)
        self.tokens = TokenBox()
        self.tokens.login.clicked.connect(self.log_in)
        self.tokens.cancel.clicked.connect(self._cancel)
        self.tokens.file_chosen.connect(self.load_token_file)
        self.account = AccountBox()
        self.account.logout.clicked.connect(self.log_out)
        self.account.copy_token.clicked.connect(self.copy_newest_token)
        self.account.save_token.clicked.connect(self.save_newest_token)
        self.known = KnownGateways()
        self.known.resume_requested.connect(self.resume)

        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.environment)
        left.addWidget(self.tokens)
        left.addStretch()
        right.addWidget(self.account)
        right.addWidget(self.known)
        right.addStretch()
        content = QWidget()
        columns = QHBoxLayout(content)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        scroll = QScrollArea()  # a small window (or a big font) scrolls instead of clipping
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body.addWidget(scroll)

        session.api_state_changed.connect(self._on_status)  # also emitted when the client changes
        self._store_asked = False  # asked once the page is on screen (paintEvent)
        self._on_status(session.api_status)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._store_asked:
            self._store_asked = True
            # Not while the window is being built: keyring loads its backends (D-Bus, and
            # cryptography on Linux) in a thread that would hold up the first paint.
            QTimer.singleShot(0, self._ask_store)

    def _ask_store(self) -> None:
        self.run(asyncio.to_thread(_store_available), self.tokens.set_store_available)

    def description(self) -> str:
        return self.tr(
            "Log in to ChileMedido with the gateway's refresh token, as the administrator sent it."
        )

    # -- settings -----------------------------------------------------------------------------

    def restore_settings(self) -> None:
        settings = self.session.settings
        try:
            kind = EnvironmentKind(settings.get(ENVIRONMENT))
        except ValueError:
            kind = EnvironmentKind.PRODUCTION
        url = settings.get(API_URL)
        self.environment.custom_url.setText(
            url if kind is EnvironmentKind.CUSTOM and url else settings.get(CUSTOM_URL)
        )
        self.environment.emulator_url.setText(
            url if kind is EnvironmentKind.EMULATOR and url else EMULATOR_URL
        )
        self.environment.set_kind(kind)
        self.environment.ca_file.setText(settings.get(CA_FILE))
        self.environment.connect_timeout.setValue(settings.get(CONNECT_TIMEOUT_S))
        self.environment.read_timeout.setValue(settings.get(READ_TIMEOUT_S))
        remember = settings.get(REMEMBER_TOKEN) and self.tokens.store_available
        self.tokens.remember.setChecked(remember)
        self._refresh_known()

    def save_settings(self) -> None:
        settings, box = self.session.settings, self.environment
        kind = box.kind()
        urls = {EnvironmentKind.CUSTOM: box.custom_url, EnvironmentKind.EMULATOR: box.emulator_url}
        settings.set(ENVIRONMENT, kind.value)
        settings.set(API_URL, urls[kind].text().strip() if kind in urls else "")
        settings.set(CUSTOM_URL, box.custom_url.text().strip())
        settings.set(CA_FILE, box.ca_file.text().strip())
        settings.set(CONNECT_TIMEOUT_S, float(box.connect_timeout.value()))
        settings.set(READ_TIMEOUT_S, float(box.read_timeout.value()))
        if self.tokens.store_available:  # unticked for want of a store is no choice to keep
            settings.set(REMEMBER_TOKEN, self.tokens.remember.isChecked())

    # -- log in and out -----------------------------------------------------------------------

    def log_in(self) -> None:
        """Log in with the pasted (or loaded) refresh token."""
        text = self.tokens.token.token_text()
        if text is None:
            if self.tokens.token.problem is not None:
                self.show_error(self.tokens.token.problem)
            else:
                self.show_message(
                    Level.ERROR,
                    lambda: self.tr("No refresh token yet."),
                    lambda: self.tr(
                        "Paste the refresh token, or load it from a file, then log in."
                    ),
                )
            return
        self._start(self.tokens.remember.isChecked(), lambda client: client.login(text))

    def resume(self, account: Account) -> None:
        """Log in with the token the credential store remembers for this gateway."""
        self._start(True, lambda client: client.resume(account.provider, account.gateway))

    def log_out(self) -> None:
        client = self.session.api
        if client is not None:
            forget = self.account.forget.isChecked()
            self.run(log_out(client, forget=forget), self._logged_out)

    def _start(self, remember: bool, log_in: LogIn) -> None:
        try:
            environment = self.environment.environment()
        except InvalidEnvironment as error:
            typed, refused = self.environment.address_text(), error  # `error` ends with except
            self.show_text(Level.ERROR, lambda: address_problem(typed, refused))
            self.set_step_state(StepState.ERROR)
            return
        box = self.environment
        options = ClientOptions(
            environment, box.tls(), box.timeouts(), remember, self.session.traffic
        )
        self.banner.clear()
        self._set_busy(True)
        job = self.run(open_client(options, log_in), self._logged_in, self._failed)
        job.finished.connect(self._login_finished)
        self._job = job

    def _logged_in(self, client: ChileMedidoClient) -> None:
        self.tokens.forget()  # the client (and the credential store) hold the token now
        self.session.set_api(client)
        status = client.status
        self.show_message(
            Level.SUCCESS,
            lambda: fill(
                self.tr("Logged in as gateway %1 of provider %2."),
                status.gateway or "?",
                status.provider or "?",
            ),
        )
        self._refresh_known()

    def _failed(self, error: BaseException) -> None:
        self.show_error(error)
        self.set_step_state(StepState.ERROR)

    def _logged_out(self, _result: object) -> None:
        self.session.set_api(None)
        self.show_message(Level.INFO, lambda: self.tr("Logged out."))
        self._refresh_known()

    def _login_finished(self) -> None:
        self._set_busy(False)

    def _cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _set_busy(self, busy: bool) -> None:
        self.environment.setEnabled(not busy)
        self.account.set_busy(busy)
        self.tokens.set_busy(busy)
        self.known.set_busy(busy)
        if busy:
            self.set_step_state(StepState.BUSY)
        else:
            self._job = None
            if self.state is StepState.BUSY:
                self._on_status(self.session.api_status)

    # -- what the page shows ------------------------------------------------------------------

    def _on_status(self, status: ApiStatus) -> None:
        client = self.session.api
        self.account.show_status(status, client.environment.base_url if client else "")
        if self._job is None:
            self.set_step_state(api_look(status).icon)  # the sidebar shows the API's verdict

    def _refresh_known(self) -> None:
        try:
            base_url = self.environment.environment().base_url
        except InvalidEnvironment:
            self.known.show_accounts([])
            return
        self.run(_remembered(base_url), self._show_known, self._no_known)

    def _show_known(self, found: tuple[str, list[Account]]) -> None:
        base_url, accounts = found
        try:
            current = self.environment.environment().base_url
        except InvalidEnvironment:
            return
        if base_url == current:  # not a late answer for an address typed before
            self.known.show_accounts(accounts)

    def _no_known(self, _error: BaseException) -> None:
        self.known.show_accounts([])  # an unreadable list only costs the shortcut

    # -- the newest refresh token, handed back -------------------------------------------------

    def copy_newest_token(self) -> None:
        """After a warning, put the client's newest refresh token on the clipboard."""
        client = self.session.api
        if client is not None and self._confirm_handback(self.tr("Copy it to the clipboard?")):
            self.run(client.newest_refresh_token(), self._copy_token)

    def save_newest_token(self) -> None:
        """After a warning, write the client's newest refresh token to a file the installer
        chooses (the documents folder to start with)."""
        client = self.session.api
        if client is None or not self._confirm_handback(self.tr("Save it to a file?")):
            return
        status = client.status
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the newest refresh token"),
            documents_file(handback_file_name(status.provider, status.gateway)),
            self.tr("Text files (*.txt);;All files (*)"),
        )
        if name:
            self.run(save_newest_token(client, Path(name)), self._token_saved)

    def _confirm_handback(self, question: str) -> bool:
        status = self.session.api_status
        text = fill(
            self.tr(
                "The refresh token is a secret: whoever has it can send measurements as gateway "
                "%1 of provider %2. It is the newest one, given at this login: put it into the "
                "gateway in place of the token it has, since ChileMedido may refuse that one "
                "now. Then delete this copy.\n\n%3"
            ),
            status.gateway or "?",
            status.provider or "?",
            question,
        )
        Button = QMessageBox.StandardButton
        answer = QMessageBox.warning(
            self,
            self.tr("Hand the newest refresh token back"),
            text,
            Button.Ok | Button.Cancel,
            Button.Cancel,
        )
        return answer == Button.Ok

    def _copy_token(self, token: str | None) -> None:
        if token is None:
            self._no_token_to_hand_back()
            return
        QGuiApplication.clipboard().setText(token)
        self.show_message(
            Level.SUCCESS,
            lambda: self.tr("The newest refresh token is on the clipboard."),
            lambda: self.tr(
                "Paste it into the gateway's configuration, then copy something else so that it "
                "does not stay on the clipboard."
            ),
        )

    def _token_saved(self, saved: Path | None) -> None:
        if saved is None:
            self._no_token_to_hand_back()
            return
        self.show_message(
            Level.SUCCESS,
            lambda: fill(self.tr("The newest refresh token is saved in %1."), saved.name),
            lambda: self.tr(
                "Put it into the gateway's configuration, then delete the file: whoever has it "
                "can report as this gateway."
            ),
            str(saved),
        )

    def _no_token_to_hand_back(self) -> None:
        self.show_message(
            Level.ERROR,
            lambda: self.tr("There is no valid refresh token to hand back."),
            lambda: self.tr("Log in again, then copy or save the newest token."),
        )

    # -- token files --------------------------------------------------------------------------

    def load_token_file(self, path: Path) -> None:
        """Offer the tokens in a file (read on the core loop; a bad file gets the banner)."""
        self.run(asyncio.to_thread(read_token_file, path), self._on_file_tokens)

    def _on_file_tokens(self, entries: tuple[TokenFileEntry, ...]) -> None:
        self.banner.clear()
        self.tokens.offer(entries)


def _store_available() -> bool:
    return CredentialStore().available


async def _remembered(base_url: str) -> tuple[str, list[Account]]:
    return base_url, await asyncio.to_thread(remembered_accounts, base_url)
