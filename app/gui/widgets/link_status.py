"""The link's state and what polling has cost so far: requests, errors, round trips, last poll.

A link that is up is not shown as fine while the meter behind it gives no value (a unit id
nobody answers to, a profile for another model): app/gui/reading_look.py says which.

Counters add up the per-poll statistics that arrive with each reading (the reading owns them,
so nothing is read across threads); `reset()` starts again for a new link.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core.meter.links import LinkError, LinkEvent, LinkState, LinkStats
from app.core.meter.links.totals import add_poll
from app.gui.error_text import describe
from app.gui.i18n import N_, Retranslating, fill, number_locale, number_text
from app.gui.icons import step_icon
from app.gui.reading_look import Outcome, outcome
from app.gui.steps.step import StepState
from app.gui.widgets.dates import local_time

if TYPE_CHECKING:  # annotations only: the planner loads with the Meter page
    from app.core.meter.planner import ReadPlan
    from app.core.meter.reading import MeterReading

LINK_ICONS = {  # a link's state as a step state icon (here and in the status bar)
    LinkState.DISCONNECTED: StepState.NOT_STARTED,
    LinkState.CONNECTING: StepState.BUSY,
    LinkState.CONNECTED: StepState.OK,
    LinkState.RECONNECTING: StepState.WARNING,
    LinkState.FAILED: StepState.ERROR,
}
_NAMES = {
    LinkState.DISCONNECTED: N_("LinkStatus", "Not connected"),
    LinkState.CONNECTING: N_("LinkStatus", "Connecting…"),
    LinkState.CONNECTED: N_("LinkStatus", "Connected"),
    LinkState.RECONNECTING: N_("LinkStatus", "Reconnecting…"),
    LinkState.FAILED: N_("LinkStatus", "Cannot connect"),
}


class LinkStatus(Retranslating, QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel()
        self.state = QLabel()
        font = self.state.font()
        font.setBold(True)
        self.state.setFont(font)
        self.state.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.values = [QLabel() for _ in range(5)]
        for value in self.values:
            value.setWordWrap(True)  # a narrow window wraps the figures instead of growing
        self.labels = [QLabel() for _ in self.values]
        head = QHBoxLayout()
        head.addWidget(self.icon)
        head.addWidget(self.state)
        head.addWidget(self.message, 10)
        head.addStretch(1)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for i, (label, value) in enumerate(zip(self.labels, self.values, strict=True)):
            row, column = divmod(i, 2)
            grid.addWidget(label, row, 2 * column)
            grid.addWidget(value, row, 2 * column + 1, 1, 3 if i == len(self.values) - 1 else 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(grid)
        self._event: LinkEvent | None = None
        self._totals = LinkStats()
        self._last: MeterReading | None = None
        self._plan: ReadPlan | None = None
        self.retranslate()

    @property
    def totals(self) -> LinkStats:
        return self._totals

    def reset(self) -> None:
        self._event, self._last, self._plan = None, None, None
        self._totals = LinkStats()
        self._redraw()

    def show_event(self, event: LinkEvent) -> None:
        self._event = event
        self._redraw()

    def show_reading(self, reading: MeterReading) -> None:
        add_poll(self._totals, reading.stats)
        self._last = reading
        self._plan = reading.plan
        self._redraw()

    def show_plan(self, plan: ReadPlan | None) -> None:
        self._plan = plan
        self._redraw()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Link"))
        names = (
            self.tr("Requests"),
            self.tr("Errors"),
            self.tr("Round trip"),
            self.tr("Last poll"),
            self.tr("Read plan"),
        )
        for label, text in zip(self.labels, names, strict=True):
            label.setText(text)
        self._redraw()

    def _redraw(self) -> None:
        event = self._event
        state = event.state if event is not None else LinkState.DISCONNECTED
        look, name = self._state_look(state)
        size = self.state.fontMetrics().height()
        self.icon.setPixmap(step_icon(look).pixmap(size, size))
        self.state.setText(name)
        self.message.setText(self._event_text(event))
        self.message.setVisible(bool(self.message.text()))
        t = self._totals
        requests, errors, rtt, last, plan = self.values
        requests.setText(fill(self.tr("%1 (%2 retries)"), t.requests, t.retries))
        errors.setText(fill(self.tr("%1 (%2 timeouts)"), t.errors, t.timeouts))
        if t.rtt_min_ms is None or t.rtt_avg_ms is None or t.rtt_max_ms is None:
            rtt.setText("—")
        else:
            rtt.setText(
                fill(
                    self.tr("%1 / %2 / %3 ms (min / avg / max)"),
                    number_text(t.rtt_min_ms, 1),
                    number_text(t.rtt_avg_ms, 1),
                    number_text(t.rtt_max_ms, 1),
                )
            )
        reading = self._last
        if reading is None:
            last.setText("—")
        else:
            at = local_time(reading.at)
            took = number_text(reading.duration_s * 1000, 0)
            last.setText(fill(self.tr("%1, took %2 ms"), at, took))
        plan.setText(self._plan_text())

    def _state_look(self, state: LinkState) -> tuple[StepState, str]:
        """The link's icon and name; a link that is up is green only while values arrive."""
        name = QCoreApplication.translate("LinkStatus", _NAMES[state])
        last = self._last
        if state is not LinkState.CONNECTED or last is None:
            return LINK_ICONS[state], name
        found = outcome(last)
        if found is Outcome.NO_ANSWER:
            return StepState.ERROR, self.tr("Connected, but the meter does not answer")
        if found is Outcome.NOTHING_READ:
            return StepState.ERROR, self.tr("Connected, but no values are read")
        return LINK_ICONS[state], name

    def _plan_text(self) -> str:
        p = self._plan
        if p is None:
            return "—"
        requests = self.tr("%n request(s) per poll", "", p.requests)
        modelled = number_text(p.modelled_s * 1000, 1)
        more = fill(self.tr("%1 registers, %2 ms modelled"), p.registers, modelled)
        return f"{requests}, {more}"

    def _event_text(self, event: LinkEvent | None) -> str:
        if event is None or event.state not in (LinkState.FAILED, LinkState.RECONNECTING):
            return ""
        text = describe(LinkError(event.code, event.message))
        words = " ".join(part for part in (text.what, text.todo) if part)
        if event.retry_in_s is not None:
            seconds = number_locale().toString(float(event.retry_in_s), "g", 3)  # "2", "0,5"
            retry = fill(self.tr("Next attempt in %1 s."), seconds)
            words = f"{words} {retry}"
        return words
