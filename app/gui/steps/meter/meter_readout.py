"""The right-hand side of the Meter page: what the meter says.

A summary line, the live table (one row per profile variable, updated in place), the read
plan on demand, and the link's state and statistics. Display only: the page decides which
readings belong here.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QShowEvent
from PySide6.QtWidgets import QHeaderView, QPlainTextEdit, QTableView, QVBoxLayout, QWidget

from app.core.meter.bus_time import LinkKind
from app.core.meter.links import LinkEvent
from app.core.meter.plan_report import describe_plan
from app.core.meter.profile import MeterProfile
from app.core.meter.reading import MeterReading
from app.gui.i18n import Retranslating, fill
from app.gui.reading_look import Outcome, outcome, why_no_values
from app.gui.steps.meter.reading_table import SENSOR, STATUS, ReadingTableModel
from app.gui.widgets.dates import local_time
from app.gui.widgets.link_status import LinkStatus
from app.gui.widgets.tone_label import Tone, ToneLabel


class MeterReadout(Retranslating, QWidget):
    def __init__(self, address_base: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ReadingTableModel(self)
        self.model.set_address_base(address_base)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(30)  # a short window (the traffic dock open) still fits
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SENSOR, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(SENSOR, 235)
        header.resizeSection(STATUS, 130)
        header.setStretchLastSection(True)
        self.summary = ToneLabel()  # in the error colour while no value arrives
        self.summary.setWordWrap(True)
        self.plan = QPlainTextEdit()
        self.plan.setReadOnly(True)
        self.plan.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.plan.hide()
        self.status = LinkStatus()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.plan, 1)
        layout.addWidget(self.status)
        self._reading: MeterReading | None = None
        self._kind: LinkKind | None = None
        self._table_behind = False  # a reading arrived while hidden
        self._base = address_base
        self.retranslate()

    def retranslate(self) -> None:
        self.model.retranslate()  # an item model, not a widget: its owner passes the switch on
        self._show_summary()

    def set_profile(self, profile: MeterProfile | None) -> None:
        self.model.set_profile(profile)
        self._reading = None
        self._show_summary()

    def set_address_base(self, base: int) -> None:
        self._base = base
        self.model.set_address_base(base)
        self._show_plan()

    def reset(self) -> None:
        """A new link: statistics start again."""
        self.status.reset()

    def show_link_event(self, event: LinkEvent) -> None:
        self.status.show_event(event)

    def show_reading(self, reading: MeterReading, kind: LinkKind | None = None) -> None:
        """`kind`: the link's, so that a reason for missing values names the right checks.

        While the page is hidden the table is left as it is and brought up to date when shown:
        a hidden table still sizes its columns to their contents at every change, which at
        10 Hz was a tenth of the GUI thread's time with the Plot page in front.
        """
        self._reading, self._kind = reading, kind
        self._table_behind = not self.isVisible()
        if not self._table_behind:
            self.model.show_reading(reading)
        self.status.show_reading(reading)
        self._show_summary()
        self._show_plan()

    def showEvent(self, event: QShowEvent) -> None:
        if self._table_behind and self._reading is not None:
            self._table_behind = False
            self.model.show_reading(self._reading)
        super().showEvent(event)

    def show_plan(self, shown: bool) -> None:
        self.plan.setVisible(shown)
        self._show_plan()

    def _show_plan(self) -> None:
        reading = self._reading
        if not self.plan.isVisibleTo(self) or reading is None:
            return
        note = self.tr("Addresses in this plan are 0-based.") + "\n" if self._base else ""
        text = note + describe_plan(reading.plan)
        if text != self.plan.toPlainText():
            self.plan.setPlainText(text)

    def _show_summary(self) -> None:
        reading = self._reading
        if reading is None:
            self.summary.setText(self.tr("No reading yet."))
            self.summary.set_tone(Tone.PLAIN)
            return
        count = fill(
            self.tr("%1 of %2 variables with a value"), reading.available, len(reading.values)
        )
        at = local_time(reading.at)
        text = fill(self.tr("%1 — last reading at %2"), count, at)
        if outcome(reading) is Outcome.VALUES:
            self.summary.setText(text)
            self.summary.set_tone(Tone.PLAIN)
            return
        why = why_no_values(reading, self._kind)  # the banner says what to do
        self.summary.setText(f"{text}. {why.what}")
        self.summary.set_tone(Tone.ERROR)
