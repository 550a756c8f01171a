"""What the Clock page shows under its buttons: three clock cards, the verdicts, and the boxes
for time zones, tolerance (given by the page) and setting the meter's clock.

No logic: the page hands over offsets, verdicts and notes; `tick` turns offsets into times.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.clock.check import ClockComparison
from app.core.clock.chile_time import format_offset
from app.core.clock.drift import Offset
from app.core.clock.verdict import ClockVerdict, DriftThresholds
from app.gui.i18n import Retranslating
from app.gui.steps.clock.clock_card import ClockCard
from app.gui.steps.clock.clock_text import (
    comparison_name,
    offset_text,
    verdict_advice,
    verdict_name,
    verdict_tone,
)
from app.gui.steps.clock.clock_zones import ZonesBox
from app.gui.steps.clock.meter_clock_box import MeterClockBox
from app.gui.theme import ThemeWatcher
from app.gui.widgets.tone_label import tagged_line


class ClockView(Retranslating, QWidget):
    link_activated = Signal(str)  # a step key from a pointer in a card

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.server = ClockCard()
        self.laptop = ClockCard()
        self.meter = ClockCard()
        cards = QHBoxLayout()
        for card in (self.server, self.laptop, self.meter):
            card.link_activated.connect(self.link_activated)
            cards.addWidget(card, 1)
        self.verdict_title = QLabel()
        bold = self.verdict_title.font()
        bold.setBold(True)
        self.verdict_title.setFont(bold)
        self.verdict_list = QLabel()
        self.verdict_list.setWordWrap(True)
        self.verdict_list.setTextFormat(Qt.TextFormat.RichText)
        self.verdict_list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.zones = ZonesBox()
        self.meter_clock = MeterClockBox()
        self._boxes = QHBoxLayout()
        self._boxes.addWidget(self.zones, 3)
        self._boxes.addWidget(self.meter_clock, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(cards)
        layout.addWidget(self.verdict_title)
        layout.addWidget(self.verdict_list)
        layout.addLayout(self._boxes)
        layout.addStretch(1)
        self._verdicts: tuple[ClockVerdict, ...] = ()
        self._limits = DriftThresholds()
        self._zone = ""
        self._compared = False
        self._theme = ThemeWatcher(self)
        self._theme.changed.connect(self._redraw_verdicts)
        self.retranslate()

    def add_settings_box(self, box: QWidget) -> None:
        """The page's own settings box goes between the zones and the meter clock."""
        self._boxes.insertWidget(1, box, 1)

    def retranslate(self) -> None:
        self.server.title.setText(self.tr("ChileMedido"))
        self.laptop.title.setText(self.tr("This laptop"))
        self.meter.title.setText(self.tr("Meter"))
        self.verdict_title.setText(self.tr("Verdicts"))
        self._redraw_verdicts()

    def show_server(self, note: str, comparison: ClockComparison | None) -> None:
        sample = comparison.drift.sample if comparison is not None else None
        text = self.tr("Reference: the platform's clock.") if sample is not None else ""
        self.server.set_offset(text, None)
        self.server.set_note(note)

    def show_laptop(self, verdict: ClockVerdict | None) -> None:
        self._show_offset(self.laptop, verdict)
        facts = self.zones.facts
        if facts is not None:
            name = facts.laptop.name or self.tr("unknown zone")
            self.laptop.set_zone(f"{name}, {format_offset(facts.laptop.utc_offset)}")

    def show_meter(self, verdict: ClockVerdict | None, note: str) -> None:
        self._show_offset(self.meter, verdict)
        self.meter.set_note(note)

    def show_verdicts(
        self,
        verdicts: tuple[ClockVerdict, ...],
        limits: DriftThresholds,
        zone: str,
        *,
        compared: bool,
    ) -> None:
        self._verdicts, self._limits, self._zone = verdicts, limits, zone
        self._compared = compared
        self._redraw_verdicts()

    def tick(
        self, now: datetime, server: Offset | None, meter: Offset | None, zone: tzinfo
    ) -> None:
        """Each clock's time at laptop time `now` (aware UTC), from the measured offsets."""
        self.laptop.show_time(now.astimezone())
        shown = (self.server, server), (self.meter, meter)
        for card, offset in shown:
            moment = now + timedelta(seconds=offset.seconds) if offset is not None else None
            card.show_time(moment.astimezone(zone) if moment is not None else None)
            if moment is not None:
                local = moment.astimezone(zone)
                card.set_zone(f"{zone}, {format_offset(local.utcoffset() or timedelta(0))}")
            else:
                card.set_zone("")

    def _show_offset(self, card: ClockCard, verdict: ClockVerdict | None) -> None:
        if verdict is None:
            card.set_offset("", None)
            return
        text = f"{comparison_name(verdict.comparison)}: {offset_text(verdict.offset)}"
        card.set_offset(text, verdict.verdict)

    def _redraw_verdicts(self, *_: object) -> None:
        if not self._verdicts:
            self.verdict_list.setText(
                self.tr("No verdict yet: compare the clocks.")
                if not self._compared
                else self.tr("Nothing to compare: neither ChileMedido's nor the meter's clock.")
            )
            return
        rows = []
        for v in self._verdicts:
            what = f"{comparison_name(v.comparison)}: {offset_text(v.offset)}."
            advice = verdict_advice(v, self._limits, self._zone)
            tone, name = verdict_tone(v.verdict), verdict_name(v.verdict)
            rows.append(tagged_line(tone, name, f"{what} {advice}"))
        self.verdict_list.setText("".join(rows))
