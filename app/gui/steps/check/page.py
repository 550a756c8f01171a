"""The Check step: the commissioning checklist (app.core.check) over what the other steps set
up, step by step, with each verdict, its fix and a link to the page that fixes it; then the
report (HTML, PDF, JSON) in the documents folder.

The checklist runs on the core loop as one job (Cancel cancels it); its progress events come
to the GUI thread through a relay. One step can be run again with the evidence the others left.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton

from app.core.api import ChileMedidoClient, Environment, EnvironmentKind, InvalidEnvironment
from app.core.check.checklist import Checklist
from app.core.check.context import CheckContext, MeterUnderCheck
from app.core.check.outcome import CheckRun, Status, StepId, StepOutcome
from app.core.support.last_check import run_and_remember
from app.gui.bridge import EventRelay
from app.gui.i18n import number_locale
from app.gui.job import Job
from app.gui.message_banner import Level
from app.gui.session import Session
from app.gui.settings import API_URL, DEVICE_NUMBER, ENVIRONMENT, METER_ZONE, Option
from app.gui.steps.check.check_rows import CheckRows, page_state
from app.gui.steps.check.report_box import (
    ReportBox,
    report_folder,
    translated_findings,
    write_check_report,
)
from app.gui.steps.page import Page
from app.gui.steps.step import StepState

CHECK_UPLOAD = Option("check/upload", bool, True)

type Progress = tuple[StepId, int | None, StepOutcome | None]


class CheckPage(Page):
    key = "check"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.checklist: Checklist | None = None
        self.result: CheckRun | None = None
        self._job: Job[Any] | None = None
        self._relay: EventRelay[Progress] | None = None
        self._own_client: ChileMedidoClient | None = None  # when nobody is logged in

        self.start_button = QPushButton()
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.upload = QCheckBox()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.start_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.upload)
        top.addStretch(1)
        self.rows = CheckRows()
        self.rows.rerun_requested.connect(self.rerun)
        self.rows.go_to.connect(session.request_step)
        self.report = ReportBox()
        self.report.save_requested.connect(self.save_report)
        self.body.addLayout(top)
        self.body.addWidget(self.summary)
        self.body.addWidget(self.rows)
        self.body.addWidget(self.report)
        self.body.addStretch(1)
        self._update_buttons()

    def description(self) -> str:
        return self.tr(
            "Run the whole commissioning check, fix what it finds, and save the report for the "
            "site."
        )

    def retranslate(self) -> None:
        self.start_button.setText(self.tr("&Run the check"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.upload.setText(self.tr("&Upload a test measurement"))
        self._show_summary()

    def restore_settings(self) -> None:
        self.upload.setChecked(self.session.settings.get(CHECK_UPLOAD))
        self.report.restore(self.session.settings)

    def save_settings(self) -> None:
        self.session.settings.set(CHECK_UPLOAD, self.upload.isChecked())
        self.report.remember(self.session.settings)

    # -- what the page can be asked to do -----------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self) -> None:
        if self.busy:
            return
        self.banner.clear()
        self.result = None
        self.rows.clear()
        self.report.show_files([])
        checklist = Checklist(self._context())
        if self._relay is not None:
            self._relay.close()
        self._relay = self.session.bridge.forward(checklist.progress, self._on_progress)
        self.checklist = checklist
        self._begin(self.run(run_and_remember(checklist), self._on_run))  # for a bundle

    def rerun(self, step: StepId) -> None:
        checklist = self.checklist
        if self.busy or checklist is None:
            return
        self._begin(self.run(checklist.rerun(step, None if step.shared else 0), self._on_rerun))

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def save_report(self) -> None:
        checklist, result = self.checklist, self.result
        if self.busy or checklist is None or result is None:
            return
        self.report.remember(self.session.settings)
        spanish = number_locale().language() == QLocale.Language.Spanish
        write = write_check_report(
            checklist.ctx,
            result,
            self.report.site.text().strip(),
            self.report.installer.text().strip(),
            report_folder(),
            "es" if spanish else "en",
            translated_findings(result),
        )
        self._begin(self.run(write, self._saved), busy_state=False)

    # -- the run ------------------------------------------------------------------------------

    def _context(self) -> CheckContext:
        session = self.session
        device = session.device
        number = device.number if device else session.settings.get(DEVICE_NUMBER).strip()
        meter = MeterUnderCheck(
            number or None,
            device.id if device else None,
            session.meter,
            zone_choice=session.settings.get(METER_ZONE),
        )
        return CheckContext(
            session.api or self._client(),
            [meter],
            log_in=None,  # not logged in: the token step fails and says where to log in
            upload=self.upload.isChecked(),
            history=session.upload_history,
            polls=3,
            interval_s=1.0,
        )

    def _client(self) -> ChileMedidoClient:
        """A client for the chosen server that is not logged in (reachability only)."""
        if self._own_client is None:
            settings = self.session.settings
            try:
                kind = EnvironmentKind(settings.get(ENVIRONMENT))
                url = settings.get(API_URL)
                environment = (
                    Environment.custom(url)
                    if kind is EnvironmentKind.CUSTOM
                    else Environment.emulator(url)
                    if kind is EnvironmentKind.EMULATOR
                    else Environment.production()
                )
            except (ValueError, InvalidEnvironment):
                environment = Environment.production()
            client = ChileMedidoClient(
                environment, remember_tokens=False, traffic=self.session.traffic
            )
            self.session.bridge.add_closer(client.aclose)
            self._own_client = client
        return self._own_client

    def _begin(self, job: Job[Any], *, busy_state: bool = True) -> None:
        self._job = job
        job.finished.connect(self._ended)
        if busy_state:
            self.set_step_state(StepState.BUSY)
            job.cancelled.connect(self._on_cancelled)
        self._update_buttons()
        self._show_summary()

    def _on_progress(self, event: Progress) -> None:
        step, _meter, outcome = event
        self.rows.show_step(step, outcome)

    def _on_run(self, result: CheckRun) -> None:
        self.result = result

    def _on_rerun(self, _outcome: StepOutcome) -> None:
        if self.checklist is not None and self.result is not None:
            self.result = self.checklist.result()

    def _saved(self, files: list[Path]) -> None:
        self.report.show_files(files)

    def _on_cancelled(self) -> None:
        self.rows.stop_running()
        self.show_message(Level.INFO, lambda: self.tr("The check was cancelled."))

    def _ended(self) -> None:
        self._job = None
        self.set_step_state(page_state(self.rows.outcomes()))
        self._update_buttons()
        self._show_summary()

    def _update_buttons(self) -> None:
        busy = self.busy
        self.start_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.upload.setEnabled(not busy)
        self.rows.set_rerun_enabled(not busy and self.checklist is not None)
        self.report.save.setEnabled(not busy and self.result is not None)

    def _show_summary(self) -> None:
        outcomes = self.rows.outcomes()
        state = page_state(outcomes) if not self.busy else StepState.BUSY
        texts = {
            StepState.NOT_STARTED: self.tr("The check has not run yet."),
            StepState.BUSY: self.tr("Checking…"),
            StepState.OK: self.tr("Every step passed."),
            StepState.WARNING: self.tr("No step failed; see the warnings below."),
            StepState.ERROR: self.tr(
                "%n step(s) failed: fix what they say, then run them again.",
                "",
                sum(1 for o in outcomes if o.status is Status.FAIL),
            ),
        }
        self.summary.setText(texts[state])
