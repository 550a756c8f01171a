"""The Clock step: ChileMedido's, the laptop's and the meter's clocks side by side, judged.

"Compare clocks" runs app.core.clock.check.compare_clocks on the core loop (the server sampled
several times, the meter's clock read once over the shared link); the cards then tick locally
from the measured offsets. Verdicts come from judge_drift with the page's tolerances and the
meter's zone, and are re-judged without I/O when a tolerance changes. The server offset goes to
the session, where the Upload page stamps measurements with it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.api import ApiState, ApiStatus
from app.core.clock.check import (
    ClockComparison,
    MeterClockSource,
    MeterZone,
    ZoneFacts,
    compare_clocks,
    meter_zone,
    set_meter_to_server,
    zone_facts,
)
from app.core.clock.verdict import ClockVerdict, Comparison, DriftThresholds, Verdict, judge_drift
from app.core.meter.meter_clock import MeterClockReading
from app.gui.i18n import fill
from app.gui.job import Job
from app.gui.message_banner import Level
from app.gui.session import Session
from app.gui.settings import METER_ZONE, Option
from app.gui.steps.clock.clock_notes import ClockNotes
from app.gui.steps.clock.clock_text import offset_text
from app.gui.steps.clock.clock_view import ClockView
from app.gui.steps.clock.tolerance_box import ToleranceBox
from app.gui.steps.page import Page
from app.gui.steps.step import StepState

CLOCK_PASS_S = Option("clock/pass_s", float, DriftThresholds().pass_s)
CLOCK_WARN_S = Option("clock/warn_s", float, DriftThresholds().warn_s)
CLOCK_AUTO = Option("clock/auto_refresh", bool, False)
AUTO_REFRESH_MS = 30_000
_STATES = {
    Verdict.PASS: StepState.OK,
    Verdict.WARN: StepState.WARNING,
    Verdict.CANNOT_TELL: StepState.WARNING,
    Verdict.FAIL: StepState.ERROR,
}
_SEVERITY = (StepState.OK, StepState.WARNING, StepState.ERROR)


class ClockPage(Page):
    key = "clock"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.comparison: ClockComparison | None = None
        self.verdicts: tuple[ClockVerdict, ...] = ()
        self._compare_job: Job[ClockComparison] | None = None
        self._set_job: Job[MeterClockReading] | None = None
        self._demo_done = False
        self.notes = ClockNotes(self)

        self.compare_button = QPushButton()
        self.compare_button.clicked.connect(self.compare)
        self.auto = QCheckBox()
        self.auto.toggled.connect(self._on_auto)
        self.status = QLabel()
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.compare_button)
        top.addWidget(self.auto)
        top.addWidget(self.status, 1)

        self.view = ClockView()
        self.view.link_activated.connect(session.request_step)
        self.view.zones.zone_changed.connect(self._on_zone)
        self.view.meter_clock.confirmed.connect(self.set_meter_clock)
        self.tolerance = ToleranceBox()
        self.tolerance.changed.connect(self._render)
        self.view.add_settings_box(self.tolerance)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.view, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        self.body.addWidget(scroll)

        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self._auto_timer = QTimer(self)
        self._auto_timer.setInterval(AUTO_REFRESH_MS)
        self._auto_timer.timeout.connect(self.compare)
        session.api_state_changed.connect(self._on_api_state)
        session.reader_changed.connect(self._on_meter_changed)
        session.server_offset_changed.connect(self._on_meter_changed)
        self.run(zone_facts(), self._on_facts)
        self._on_meter_changed()
        QTimer.singleShot(0, lambda: self._on_api_state(session.api_status))  # once built

    def description(self) -> str:
        return self.tr(
            "Compare the meter's clock with ChileMedido's and the laptop's: measurements must "
            "be stamped on ChileMedido's time."
        )

    def retranslate(self) -> None:
        self.compare_button.setText(self.tr("&Compare clocks"))
        self.auto.setText(self.tr("Compare every 30 s"))
        self._render()
        self._on_meter_changed()

    def restore_settings(self) -> None:
        settings = self.session.settings
        self.view.zones.set_zone(settings.get(METER_ZONE))
        try:
            limits = DriftThresholds(settings.get(CLOCK_PASS_S), settings.get(CLOCK_WARN_S))
        except ValueError:  # a hand-edited file with warn < pass
            limits = DriftThresholds()
        self.tolerance.set_thresholds(limits)
        self.auto.setChecked(settings.get(CLOCK_AUTO))

    def save_settings(self) -> None:
        settings = self.session.settings
        settings.set(METER_ZONE, self.view.zones.zone)
        limits = self.tolerance.thresholds
        settings.set(CLOCK_PASS_S, limits.pass_s)
        settings.set(CLOCK_WARN_S, limits.warn_s)
        settings.set(CLOCK_AUTO, self.auto.isChecked())

    # -- what the page can be asked to do -----------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._compare_job is not None or self._set_job is not None

    @property
    def thresholds(self) -> DriftThresholds:
        return self.tolerance.thresholds

    @property
    def zone(self) -> MeterZone:
        reader = self.session.reader
        return meter_zone(self.view.zones.zone, reader.profile if reader is not None else None)

    def compare(self) -> None:
        """Sample the server (when logged in) and read the meter's clock (when it has one)."""
        if self.busy:
            return
        api = self.session.api if self.session.logged_in else None  # else no server clock
        self.set_step_state(StepState.BUSY)
        self.compare_button.setEnabled(False)
        self.status.setText(self.tr("Comparing…"))
        job = self.run(compare_clocks(api, self._meter_source(), self.zone), self._on_compared)
        job.finished.connect(self._on_compare_finished)
        self._compare_job = job
        self.run(zone_facts(), self._on_facts)

    def set_meter_clock(self) -> None:
        """Set the meter's clock to ChileMedido's time (the installer has confirmed)."""
        source, offset = self._meter_source(), self.session.server_offset
        if source is None or offset is None or self._set_job is not None:
            return
        self.status.setText(self.tr("Setting the meter's clock…"))
        job = self.run(set_meter_to_server(source, self.zone, offset), self._on_clock_set)
        job.finished.connect(self._on_set_finished)
        self._set_job = job
        self._on_meter_changed()

    # -- results ------------------------------------------------------------------------------

    def _on_compared(self, comparison: ClockComparison) -> None:
        self.comparison = comparison
        self.session.set_server_offset(comparison.server_offset)
        error = comparison.server_error or comparison.meter_error
        meter = self.session.meter
        link = meter.uri.kind if meter is not None and error is comparison.meter_error else None
        if error is not None:
            self.banner.show_error(error, Level.WARNING, link=link)
        else:
            self.banner.clear()
        self._render()

    def _on_compare_finished(self) -> None:
        self._compare_job = None
        self.compare_button.setEnabled(True)
        if self.state is StepState.BUSY:  # failed or cancelled before a result
            self.set_step_state(StepState.NOT_STARTED)

    def _on_clock_set(self, reading: MeterClockReading) -> None:
        if self.comparison is not None:
            self.comparison = self.comparison.with_meter(reading)
        self._render()
        after = self.comparison.drift.meter_vs_server if self.comparison else None
        self.show_message(
            Level.SUCCESS,
            lambda: self.tr("The meter's clock was set to ChileMedido's time."),
            lambda: fill(
                self.tr("Read back: %1 from ChileMedido's clock."),
                offset_text(after) if after is not None else "?",
            ),
        )

    def _on_set_finished(self) -> None:
        self._set_job = None
        self.status.setText(self.notes.status(self.comparison))
        self._on_meter_changed()

    def _on_facts(self, facts: ZoneFacts) -> None:
        self.view.zones.show_facts(facts)
        self._render_cards()

    # -- reactions ----------------------------------------------------------------------------

    def _on_api_state(self, status: ApiStatus) -> None:
        ready = status.state is ApiState.READY
        if self.session.demo and ready and not self._demo_done and self.comparison is None:
            self._demo_done = True  # the demo's promise: a working page without a click
            self.compare()
        self._render_cards()

    def _on_meter_changed(self, *_: object) -> None:
        available = self.notes.set_availability(
            self.session.reader, self.session.server_offset, self._set_job is not None, self.zone
        )
        self.view.meter_clock.set_available(*available)
        self._render_cards()

    def _on_zone(self, zone: str) -> None:
        self.session.settings.set(METER_ZONE, zone)  # the check reads it too
        if self.comparison is not None and self.comparison.drift.meter is not None:
            self.compare()  # the meter's wall time must be read again in the new zone
        self._on_meter_changed()

    def _on_auto(self, on: bool) -> None:
        if on:
            self._auto_timer.start()
        else:
            self._auto_timer.stop()

    def _tick(self) -> None:
        comparison = self.comparison
        self.view.tick(
            datetime.now(UTC),
            comparison.server_offset if comparison else None,
            comparison.drift.meter_vs_laptop if comparison else None,
            self.zone.zone,
        )

    # -- rendering ----------------------------------------------------------------------------

    def _render(self) -> None:
        drift = self.comparison.drift if self.comparison is not None else None
        zone = self.zone
        self.verdicts = judge_drift(drift, self.thresholds, zone.setting) if drift else ()
        self.view.show_verdicts(
            self.verdicts, self.thresholds, zone.setting.zone, compared=drift is not None
        )
        self._render_cards()
        self.status.setText(self.notes.status(self.comparison))
        if self.comparison is not None:
            self.set_step_state(self._step_state())

    def _step_state(self) -> StepState:
        if not self.verdicts:
            return StepState.WARNING  # nothing could be compared: not a pass
        return max((_STATES[v.verdict] for v in self.verdicts), key=_SEVERITY.index)

    def _render_cards(self) -> None:
        by = {v.comparison: v for v in self.verdicts}
        laptop = by.get(Comparison.LAPTOP_VS_SERVER)
        meter = by.get(Comparison.METER_VS_SERVER) or by.get(Comparison.METER_VS_LAPTOP)
        note = self.notes.server_note(self.comparison, self.session.logged_in)
        self.view.show_server(note, self.comparison)
        self.view.show_laptop(laptop)
        self.view.show_meter(meter, self.notes.meter_note(self.session.reader, self.comparison))
        self._tick()

    def _meter_source(self) -> MeterClockSource | None:
        reader = self.session.reader
        if reader is None:
            return None
        return MeterClockSource(reader.link, reader.profile, reader.unit)
