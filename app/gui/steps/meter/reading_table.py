"""The meter page's live table: one row per profile variable, updated in place on every poll.

Rows come from the profile (set_profile resets the model; that happens when the profile
changes, never per poll). show_reading() recomputes each row's value, registers and status and
emits dataChanged only for the rows that changed, so the view repaints cells, not the table.
Status and header texts are translated when Qt asks for them, so a language switch shows at the
next repaint; register addresses are shown 0- or 1-based (set_address_base).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFontDatabase

from app.core.meter.profile import MeterProfile, SensorMapping
from app.core.meter.reading import MeterReading
from app.core.readings.groups import unit_of
from app.core.readings.value_format import format_value, format_words
from app.gui.i18n import N_, fill, number_locale
from app.gui.icons import step_icon
from app.gui.steps.meter.sensor_status import SensorStatus, status_of
from app.gui.steps.step import StepState

SENSOR, VALUE, UNIT, STATUS, FUNCTION, ADDRESS, REGISTERS = range(7)
_HEADERS = (
    N_("ReadingTableModel", "Sensor"),
    N_("ReadingTableModel", "Value"),
    N_("ReadingTableModel", "Unit"),
    N_("ReadingTableModel", "Status"),
    N_("ReadingTableModel", "Fn"),
    N_("ReadingTableModel", "Address"),
    N_("ReadingTableModel", "Registers"),
)
_RIGHT = {VALUE, FUNCTION, ADDRESS}

type Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class _Live:
    """What changes from poll to poll in one row."""

    value: str = ""
    registers: str = ""
    status: SensorStatus | None = None  # None: not read yet


class ReadingTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._mappings: tuple[SensorMapping, ...] = ()
        self._units: list[str] = []
        self._live: list[_Live] = []
        self._base = 0
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._decimal_point = number_locale().decimalPoint()  # "229,8 V" in Spanish

    # -- what the page calls ------------------------------------------------------------------

    def set_profile(self, profile: MeterProfile | None) -> None:
        self.beginResetModel()
        self._mappings = profile.sensors if profile is not None else ()
        self._units = [unit_of(m.sensor) for m in self._mappings]
        self._live = [_Live() for _ in self._mappings]
        self.endResetModel()

    def set_address_base(self, base: int) -> None:
        if base != self._base:
            self._base = base
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, ADDRESS, ADDRESS)
            self._changed(0, len(self._mappings) - 1, ADDRESS, ADDRESS)

    def show_reading(self, reading: MeterReading) -> None:
        """Update the rows in place from one poll (sensors the reading lacks show as not read)."""
        for row, mapping in enumerate(self._mappings):
            name = mapping.sensor
            live = _Live(
                format_value(
                    reading.values.get(name), self._units[row], decimal_point=self._decimal_point
                ),
                format_words(reading.raw.get(name, ())),
                status_of(reading, name),
            )
            if live != self._live[row]:
                self._live[row] = live
                self._changed(row, row, VALUE, REGISTERS)

    def retranslate(self) -> None:
        self._decimal_point = number_locale().decimalPoint()  # values follow at the next poll
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_HEADERS) - 1)
        self._changed(0, len(self._mappings) - 1, STATUS, STATUS)

    def status(self, row: int) -> SensorStatus | None:
        return self._live[row].status

    def sensor(self, row: int) -> str:
        return self._mappings[row].sensor

    # -- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._mappings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        text = QCoreApplication.translate("ReadingTableModel", _HEADERS[section])
        if section == ADDRESS:
            based = QCoreApplication.translate("ReadingTableModel", "%1-based")
            return f"{text}\n({fill(based, self._base)})"  # two lines: narrow
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and column in (VALUE, REGISTERS):
            return self._mono
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            status = self._live[row].status
            return step_icon(status.state if status else StepState.NOT_STARTED)
        return None

    # -- cells --------------------------------------------------------------------------------

    def _text(self, row: int, column: int) -> str:
        mapping, live = self._mappings[row], self._live[row]
        parts = mapping.parts
        if column == SENSOR:
            return mapping.sensor
        if column == VALUE:
            return live.value
        if column == UNIT:
            return self._units[row]
        if column == STATUS:
            return live.status.text() if live.status else ""
        if column == FUNCTION:
            return ", ".join(dict.fromkeys(str(int(p.function)) for p in parts))
        if column == ADDRESS:
            return " + ".join(str(p.address + self._base) for p in parts)
        return live.registers

    def _tooltip(self, row: int, column: int) -> str | None:
        if column == STATUS:
            status = self._live[row].status
            return status.details() if status else None
        if column in (FUNCTION, ADDRESS, REGISTERS):
            lines = []
            for p in self._mappings[row].parts:
                first, last = p.address + self._base, p.end - 1 + self._base
                where = f"{first}" if first == last else f"{first}–{last}"
                scale = f" × {p.scale:g}" if p.scale != 1 else ""
                lines.append(f"FC{int(p.function)} {where}: {p.type.value} {p.word_order}{scale}")
            return "\n".join(lines)
        return None

    def _changed(self, first: int, last: int, left: int, right: int) -> None:
        if last >= first:
            self.dataChanged.emit(self.index(first, left), self.index(last, right))
