"""The Check page's checklist: a row per step with its status icon, verdict, fixes, a "go to"
link to the page that fixes it and a button to run that step again.

Rows show outcomes as they arrive (`show(step, outcome)`, None: the step is running). Verdict
texts are the core's (app.core.check.outcome): English, built from the finding's code.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.check.checklist import STEPS as CHECK_STEPS
from app.core.check.outcome import FIXED_ON, Status, StepId, StepOutcome
from app.gui.checklist_texts import describe_finding
from app.gui.i18n import N_, Retranslating, fill
from app.gui.icons import step_icon
from app.gui.steps.step import TITLES as PAGE_TITLES
from app.gui.steps.step import StepState, step_title
from app.gui.widgets.step_pointer import StepPointer

ICON_PX = 18

STEP_TITLES: dict[StepId, str] = {
    StepId.API: N_("CheckRows", "API reachable"),
    StepId.TOKEN: N_("CheckRows", "Token"),
    StepId.DEVICE: N_("CheckRows", "Meter registered"),
    StepId.COVERAGE: N_("CheckRows", "Sensor coverage"),
    StepId.METER: N_("CheckRows", "Meter answers"),
    StepId.WIRING: N_("CheckRows", "Plausibility and wiring"),
    StepId.CLOCK: N_("CheckRows", "Clocks"),
    StepId.UPLOAD: N_("CheckRows", "Test upload"),
}

STATES: dict[Status, StepState] = {
    Status.PASS: StepState.OK,
    Status.WARN: StepState.WARNING,
    Status.FAIL: StepState.ERROR,
    Status.SKIP: StepState.NOT_STARTED,
}


def page_state(outcomes: list[StepOutcome]) -> StepState:
    """ERROR if a step failed, WARNING if one warned, OK otherwise (NOT_STARTED for none)."""
    if not outcomes:
        return StepState.NOT_STARTED
    worst = max((o.status for o in outcomes), key=lambda s: s.rank)
    if worst is Status.FAIL:
        return StepState.ERROR
    return StepState.WARNING if worst is Status.WARN else StepState.OK


class CheckRow(Retranslating, QFrame):
    """One step: icon, title, what was found, what to do (with a link), "Run again"."""

    def __init__(self, step: StepId, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.outcome: StepOutcome | None = None
        self.running = False
        self.setObjectName(f"check-row-{step.value}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.icon = QLabel()
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.fix = StepPointer()
        self.rerun = QToolButton()
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.icon, 0, 0)
        grid.addWidget(self.title, 0, 1)
        grid.addWidget(self.rerun, 0, 2)
        grid.addWidget(self.detail, 1, 1, 1, 2)
        grid.addWidget(self.fix, 2, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.show_outcome(None, running=False)

    @property
    def state(self) -> StepState:
        if self.running:
            return StepState.BUSY
        return STATES[self.outcome.status] if self.outcome else StepState.NOT_STARTED

    def show_outcome(self, outcome: StepOutcome | None, *, running: bool) -> None:
        self.outcome, self.running = outcome, running
        self.icon.setPixmap(step_icon(self.state).pixmap(ICON_PX, ICON_PX))
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("CheckRows", STEP_TITLES[self.step]))
        self.rerun.setText(self.tr("Run again"))
        self.rerun.setToolTip(self.tr("Run only this step again"))
        outcome = self.outcome
        if self.running:
            self.detail.setText(self.tr("Running…"))
        elif outcome is None:
            self.detail.setText(self.tr("Not run yet."))
        else:
            self.detail.setText(" ".join(describe_finding(f)[0] for f in outcome.deciding))
        self.fix.setText(self._fix_html(outcome) if outcome and not self.running else "")
        self.fix.setVisible(bool(self.fix.text()))

    def _fix_html(self, outcome: StepOutcome) -> str:
        if outcome.status not in (Status.FAIL, Status.WARN):
            return ""
        fixes = (describe_finding(f)[1] for f in outcome.findings if f.status.rank > 1)
        parts = [html.escape(fix) for fix in dict.fromkeys(fixes) if fix]
        key = FIXED_ON.get(outcome.step)
        if key in PAGE_TITLES:
            link = html.escape(fill(self.tr("Go to %1"), step_title(key)))
            parts.append(f'<a href="{key}">{link}</a>')
        return " ".join(parts)


class CheckRows(QWidget):
    """The rows, in the checklist's order; `rerun_requested(StepId)`, `go_to(step key)`."""

    rerun_requested = Signal(object)
    go_to = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.rows: dict[StepId, CheckRow] = {}
        for step in CHECK_STEPS:
            row = CheckRow(step)
            row.rerun.clicked.connect(lambda _=False, s=step: self.rerun_requested.emit(s))
            row.fix.linkActivated.connect(self.go_to)
            column.addWidget(row)
            self.rows[step] = row

    def show_step(self, step: StepId, outcome: StepOutcome | None) -> None:
        """A step's outcome; None: it is running (its last outcome stays until it ends)."""
        row = self.rows[step]
        row.show_outcome(outcome or row.outcome, running=outcome is None)

    def clear(self) -> None:
        for row in self.rows.values():
            row.show_outcome(None, running=False)

    def stop_running(self) -> None:
        """A cancelled run: running rows go back to what they showed (or to not run)."""
        for row in self.rows.values():
            if row.running:
                row.show_outcome(row.outcome, running=False)

    def set_rerun_enabled(self, enabled: bool) -> None:
        for row in self.rows.values():
            row.rerun.setEnabled(enabled)

    def outcomes(self) -> list[StepOutcome]:
        return [r.outcome for r in self.rows.values() if r.outcome is not None]
