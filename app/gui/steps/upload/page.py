"""The Upload step: send a test measurement built from the current reading, see ChileMedido's
answer, keep a history.

The measurement is prepared on the GUI thread (app.core.upload.attempt.prepare_upload is pure
and quick): the reading's values for the device's variables, stamped on ChileMedido's clock
when the Clock step measured it. Sending and the history run on the core loop. A refused
measurement stays frozen in the preview, to resend or change; nothing is lost.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.meter.reading import MeterReading
from app.core.upload.attempt import PreparedUpload, UploadAttempt, prepare_upload
from app.core.upload.flusher import send_through_outbox
from app.core.upload.history import UploadRecord
from app.core.upload.outbox import OutboxEntry
from app.gui.i18n import fill
from app.gui.job import Job
from app.gui.message_banner import Level
from app.gui.session import Session
from app.gui.settings import Option
from app.gui.steps.page import Page
from app.gui.steps.step import StepState
from app.gui.steps.upload.outbox_panel import OutboxPanel
from app.gui.steps.upload.upload_answer import UploadAnswer
from app.gui.steps.upload.upload_history_view import UploadHistoryView
from app.gui.steps.upload.upload_preview import UploadPreview
from app.gui.widgets.dates import local_time
from app.gui.widgets.step_pointer import StepPointer

UPLOAD_UNCONFIGURED = Option("upload/include_unconfigured", bool, False)


class UploadPage(Page):
    key = "upload"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.reading: MeterReading | None = None
        self.prepared: PreparedUpload | None = None
        self.attempt: UploadAttempt | None = None
        self._send_job: Job[UploadAttempt] | None = None
        self.history = session.upload_history

        self.source = QLabel()
        self.freeze = QPushButton()
        self.freeze.setCheckable(True)
        self.freeze.toggled.connect(self._on_freeze)
        self.source.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.source, 1)
        top.addWidget(self.freeze)
        self.hint = StepPointer()
        self.hint.linkActivated.connect(session.request_step)
        self.preview = UploadPreview()
        self.unconfigured = self.preview.include_unconfigured
        self.unconfigured.toggled.connect(self._refresh)

        self.send_button = QPushButton()
        self.send_button.clicked.connect(self.send)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel()
        self.status.setWordWrap(True)
        send_row = QHBoxLayout()
        send_row.addWidget(self.send_button)
        send_row.addWidget(self.cancel_button)
        send_row.addWidget(self.status, 1)
        self.answer = UploadAnswer()
        self.outbox_panel = OutboxPanel()
        self.outbox_panel.send_now_requested.connect(session.send_outbox_now)
        self.outbox_panel.discard_confirmed.connect(self.discard_waiting)

        self.history_box = QGroupBox()
        self.history_view = UploadHistoryView()
        QVBoxLayout(self.history_box).addWidget(self.history_view)
        lower = QWidget()
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(send_row)
        column.addWidget(self.answer)
        column.addWidget(self.outbox_panel)
        column.addWidget(self.history_box, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.preview)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.body.addLayout(top)
        self.body.addWidget(self.hint)
        self.body.addWidget(splitter, 1)

        session.reading_arrived.connect(self._on_reading)
        for signal in (
            session.device_changed,
            session.api_state_changed,
            session.server_offset_changed,
        ):
            signal.connect(self._refresh)
        session.outbox_changed.connect(self.load_outbox)
        session.api_changed.connect(self.load_outbox)
        self.reading = session.latest_reading
        self.load_history()
        self.load_outbox()

    def description(self) -> str:
        return self.tr(
            "Send a test measurement from the meter's current reading and see what ChileMedido "
            "answers."
        )

    def retranslate(self) -> None:
        self.freeze.setText(self.tr("&Freeze this reading"))
        self.freeze.setToolTip(self.tr("Keep this reading in the preview while the meter polls."))
        self.send_button.setText(self.tr("&Send test measurement"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.history_box.setTitle(self.tr("History (newest first)"))
        self._refresh()  # the preview, history and answer retranslate themselves

    def restore_settings(self) -> None:
        self.unconfigured.setChecked(self.session.settings.get(UPLOAD_UNCONFIGURED))

    def save_settings(self) -> None:
        self.session.settings.set(UPLOAD_UNCONFIGURED, self.unconfigured.isChecked())

    # -- what the page can be asked to do -----------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._send_job is not None

    def send(self) -> None:
        api, prepared = self.session.api, self.prepared
        if api is None or prepared is None or not prepared.sendable or self.busy:
            return
        self.set_step_state(StepState.BUSY)
        self.status.setText(self.tr("Sending to ChileMedido…"))
        sending = send_through_outbox(api, [prepared.batch], self.session.outbox, self.history)
        job = self.run(sending, self._on_sent)
        job.cancelled.connect(self._on_cancelled)
        job.finished.connect(self._on_send_finished)
        self._send_job = job
        self._refresh()

    def cancel(self) -> None:
        if self._send_job is not None:
            self._send_job.cancel()

    def load_history(self) -> None:
        self.run(self.history.recent(), self._on_history)

    def load_outbox(self, *_: object) -> None:
        """The uploads waiting for the current API (none shown when logged out)."""
        api = self.session.api
        if api is None:
            self.outbox_panel.show_entries([])
            return
        self.run(self.session.outbox.waiting(api.environment.base_url), self._on_outbox)

    def discard_waiting(self) -> None:
        api = self.session.api
        if api is not None:
            self.run(self.session.outbox.discard(api.environment.base_url))

    def _on_outbox(self, entries: list[OutboxEntry]) -> None:
        self.outbox_panel.show_entries(entries)

    # -- results ------------------------------------------------------------------------------

    def _on_sent(self, attempt: UploadAttempt) -> None:
        self.attempt = attempt
        if attempt.stored and attempt.explanations:
            state = StepState.WARNING
            self.show_message(
                Level.WARNING,
                lambda: self.tr("ChileMedido stored the test measurement, with warnings."),
                lambda: self.tr("Their meaning is shown below the Send button."),
            )
        elif attempt.stored:
            state = StepState.OK
            self.show_message(
                Level.SUCCESS, lambda: self.tr("ChileMedido stored the test measurement.")
            )
        else:
            state = StepState.ERROR
            if attempt.error is not None:
                self.show_error(attempt.error)
            self.freeze.setChecked(True)  # keep what was refused, to resend or change
        self.set_step_state(state)
        self.answer.show_attempt(attempt)
        self.status.setText("")
        self.load_history()

    def _on_cancelled(self) -> None:
        self.status.setText(
            self.tr(
                "Cancelled. ChileMedido may or may not have stored it; sending again is safe "
                "(a measurement is stored once)."
            )
        )
        self.set_step_state(StepState.NOT_STARTED)

    def _on_send_finished(self) -> None:
        self._send_job = None
        if self.state is StepState.BUSY:  # a bug's exception, already in the banner
            self.set_step_state(StepState.ERROR)
        self._refresh()

    def _on_history(self, records: list[UploadRecord]) -> None:
        self.history_view.show_records(records)

    # -- reactions ----------------------------------------------------------------------------

    def _on_reading(self, reading: MeterReading) -> None:
        if not self.freeze.isChecked():
            self.reading = reading
            self._refresh()

    def _on_freeze(self, frozen: bool) -> None:
        if not frozen:
            self.reading = self.session.latest_reading
        self._refresh()

    def _refresh(self, *_: object) -> None:
        """Rebuild the measurement from the reading, the device and the server offset."""
        device, reading = self.session.device, self.reading
        if device is not None and reading is not None:
            self.prepared = prepare_upload(
                reading,
                device,
                server_offset=self.session.server_offset,
                include_unconfigured=self.unconfigured.isChecked(),
            )
        else:
            self.prepared = None
        self.preview.show_upload(self.prepared)
        missing = self._hint()
        self.hint.setText(missing)
        self.hint.setVisible(bool(missing))
        self.source.setText(self._source_text())
        ready = not missing and self.prepared is not None and self.prepared.sendable
        self.send_button.setEnabled(ready and not self.busy)
        self.cancel_button.setEnabled(self.busy)

    def _hint(self) -> str:
        """What is missing, with a link to the step that provides it; "" when nothing is."""
        if not self.session.logged_in:
            return self.tr('Not logged in: <a href="connection">log in on the Connection step</a>.')
        if self.session.device is None:
            return self.tr('No meter chosen: <a href="device">look it up on the Device step</a>.')
        if self.reading is None:
            return self.tr('No reading yet: <a href="meter">read the meter on the Meter step</a>.')
        if self.prepared is not None and not self.prepared.sendable:
            return self.tr("The measurement cannot be sent as it is: see the checks below.")
        return ""

    def _source_text(self) -> str:
        reading = self.reading
        if reading is None:
            return self.tr("No reading.")
        when = local_time(reading.at)
        offset = self.session.server_offset
        text = fill(
            self.tr("Reading of %1 (frozen).") if self.freeze.isChecked()
            else self.tr("Reading of %1 (live)."),
            when,
        )  # fmt: skip
        if offset is None:
            text += " " + self.tr(
                "Stamped on this laptop's clock (compare clocks to use ChileMedido's)."
            )
        else:
            text += " " + self.tr("Stamped on ChileMedido's clock.")
        return text
