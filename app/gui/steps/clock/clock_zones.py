"""The Clock page's time zone facts: the laptop's zone, Chile's next DST change, the meter's zone.

Facts come from app.core.clock.check.zone_facts (read on the core loop); this box only words
them. The meter's zone is the installer's choice: meters keep local wall time, so Medido must
know which zone to read it in.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from app.core.clock.check import METER_ZONES, UTC_ZONE, ZoneFacts
from app.core.clock.chile_time import COYHAIQUE, EASTER, PUNTA_ARENAS, SANTIAGO, format_offset
from app.gui.i18n import N_, Retranslating, fill
from app.gui.steps.clock.clock_text import long_date_text

_ZONE_NAMES = {
    SANTIAGO: N_("ZonesBox", "Continental Chile (America/Santiago)"),
    PUNTA_ARENAS: N_("ZonesBox", "Magallanes (America/Punta_Arenas)"),
    COYHAIQUE: N_("ZonesBox", "Aysén (America/Coyhaique)"),
    EASTER: N_("ZonesBox", "Easter Island (Pacific/Easter)"),
    UTC_ZONE: N_("ZonesBox", "UTC"),
}


class ZonesBox(Retranslating, QGroupBox):
    zone_changed = Signal(str)  # one of METER_ZONES

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facts: ZoneFacts | None = None
        self.laptop = QLabel()
        self.next_change = QLabel()
        self.magallanes = QLabel()
        self.meter_zone = QComboBox()
        for zone in METER_ZONES:
            self.meter_zone.addItem("", zone)
        self.meter_zone.currentIndexChanged.connect(self._on_zone)
        self.meter_zone_label = QLabel()
        self.meter_zone_label.setBuddy(self.meter_zone)
        layout = QVBoxLayout(self)
        for label in (self.laptop, self.next_change, self.magallanes):
            label.setWordWrap(True)
            layout.addWidget(label)
        form = QFormLayout()
        form.addRow(self.meter_zone_label, self.meter_zone)
        layout.addLayout(form)
        layout.addStretch(1)
        self.retranslate()

    @property
    def zone(self) -> str:
        return str(self.meter_zone.currentData())

    def set_zone(self, zone: str) -> None:
        index = self.meter_zone.findData(zone if zone in METER_ZONES else SANTIAGO)
        self.meter_zone.setCurrentIndex(index)

    def show_facts(self, facts: ZoneFacts) -> None:
        self.facts = facts
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Time zones"))
        self.meter_zone_label.setText(self.tr("The meter &keeps:"))
        for i, zone in enumerate(METER_ZONES):
            self.meter_zone.setItemText(i, self.tr(_ZONE_NAMES[zone]))
        self.magallanes.setText(
            self.tr(
                "Magallanes (America/Punta_Arenas) has no daylight saving time: it stays on "
                "UTC−03:00 all year."
            )
        )
        self.laptop.setText(self._laptop_text())
        self.next_change.setText(self._change_text())

    def _laptop_text(self) -> str:
        if self.facts is None:
            return self.tr("This laptop's time zone: …")
        laptop = self.facts.laptop
        name = laptop.name or self.tr("unknown")
        offset = format_offset(laptop.utc_offset)
        if laptop.is_chilean:
            return fill(self.tr("This laptop's time zone: %1 (%2), Chilean."), name, offset)
        text = self.tr(
            "This laptop's time zone: %1 (%2), not a Chilean zone. Uploads are stamped in "
            "UTC, so they are right; but its clock shows another hour than the meter's."
        )
        return fill(text, name, offset)

    def _change_text(self) -> str:
        change = self.facts.next_change if self.facts is not None else None
        if change is None:
            return self.tr("Next daylight saving time change in continental Chile: none known.")
        before = change.wall_clock_before
        after = change.at_local
        hours = abs(int(change.shift.total_seconds())) // 3600
        text = (
            self.tr(
                "Next change in continental Chile: %1 at %2 local time, clocks go forward %3 h "
                "to %4 (%5 → %6, %7 UTC)."
            )
            if change.shift.total_seconds() > 0
            else self.tr(
                "Next change in continental Chile: %1 at %2 local time, clocks go back %3 h "
                "to %4 (%5 → %6, %7 UTC)."
            )
        )
        values = (
            long_date_text(before),
            f"{before:%H:%M}",
            str(hours),
            f"{after:%H:%M}",
            format_offset(change.old_offset),
            format_offset(change.new_offset),
            f"{change.at_utc:%H:%M}",
        )
        return fill(text, *values)

    def _on_zone(self, _index: int) -> None:
        self.zone_changed.emit(self.zone)
