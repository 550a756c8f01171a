"""The Device page's tables: the meter's variables with the profile's coverage, the profile's
variables the meter lacks, and the platform's dictionary; one filter box searches all three."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.api import Device, Sensor
from app.core.meter.profile import Confidence
from app.core.sensors.coverage import CoverageReport, SensorCoverage
from app.core.sensors.dictionary import sensor_by_name
from app.gui.i18n import Retranslating, fill
from app.gui.steps.device.sensor_table import Cell, SensorTable
from app.gui.widgets.tone_label import Tone


class DeviceTables(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._device: Device | None = None
        self._report: CoverageReport | None = None
        self._dictionary: tuple[Sensor, ...] | None = None
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.sensors = SensorTable(4)
        self.sensors.setObjectName("deviceSensors")
        self.unconfigured = SensorTable(3)
        self.dictionary = SensorTable(4)
        self.fetch = QPushButton()
        self.dictionary_note = QLabel()
        self.dictionary_note.setWordWrap(True)
        dictionary_page = QWidget()
        column = QVBoxLayout(dictionary_page)
        row = QHBoxLayout()
        row.addWidget(self.fetch)
        row.addWidget(self.dictionary_note, 1)
        column.addLayout(row)
        column.addWidget(self.dictionary, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.sensors, "")
        self.tabs.addTab(self.unconfigured, "")
        self.tabs.addTab(dictionary_page, "")
        self._filter_label = QLabel()
        filter_row = QHBoxLayout()
        filter_row.addWidget(self._filter_label)
        filter_row.addWidget(self.filter, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(filter_row)
        outer.addWidget(self.tabs, 1)
        self.retranslate()

    def show_device(self, device: Device | None, report: CoverageReport | None) -> None:
        self._device, self._report = device, report
        self._draw()

    def show_dictionary(self, sensors: tuple[Sensor, ...] | None, device: Device | None) -> None:
        self._dictionary, self._device = sensors, device
        self._draw()

    def coverage_text(self, report: CoverageReport) -> str:
        missing = [s.name for s in report.missing]
        text = self.tr(
            "Profile %1 supplies %2 of the %n variable(s) configured on this meter.",
            "",
            len(report.rows),
        )
        text = fill(text, report.profile_id, len(report.supplied))
        if missing:
            text += " " + fill(self.tr("Missing: %1."), ", ".join(missing))
        if report.not_configured:
            text += " " + self.tr(
                "%n variable(s) of the profile are not configured on the meter: ChileMedido "
                "would ignore them.",
                "",
                len(report.not_configured),
            )
        return text

    def retranslate(self) -> None:
        self._filter_label.setText(self.tr("Filter:"))
        self.filter.setPlaceholderText(self.tr("part of a name, alias or unit (accents optional)"))
        self.fetch.setText(self.tr("&Get the platform's dictionary"))
        self.sensors.setHorizontalHeaderLabels(
            [self.tr("Variable"), self.tr("Alias"), self.tr("Unit"), self.tr("From the profile")]
        )
        self.unconfigured.setHorizontalHeaderLabels(
            [self.tr("Variable"), self.tr("Unit"), self.tr("What happens")]
        )
        self.dictionary.setHorizontalHeaderLabels(
            [self.tr("Variable"), self.tr("Alias"), self.tr("Unit"), self.tr("On this meter")]
        )
        self._draw()

    def _draw(self) -> None:
        device, report = self._device, self._report
        sensors = device.sensors if device else ()
        self.sensors.set_rows([self._sensor_row(s, report) for s in sensors])
        unconfigured = report.not_configured if report else ()
        ignored = (self.tr("ChileMedido would ignore it"), Tone.WARNING)
        self.unconfigured.set_rows([(n, _unit(n), ignored) for n in unconfigured])
        names = {s.name for s in sensors}
        dictionary = self._dictionary or ()
        self.dictionary.set_rows(
            [
                (s.name, s.alias or "", s.unit or "", "✓" if s.name in names else "")
                for s in dictionary
            ]
        )
        self.tabs.setTabText(0, fill(self.tr("Meter's variables (%1)"), len(sensors)))
        self.tabs.setTabText(
            1, fill(self.tr("Profile's, not on the meter (%1)"), len(unconfigured))
        )
        self.tabs.setTabText(2, self.tr("Platform dictionary"))
        self.dictionary_note.setText(
            self.tr("%n variable(s) on the platform.", "", len(dictionary))
            if self._dictionary is not None
            else self.tr("Fetched from ChileMedido when you ask; kept until you log in again.")
        )
        self._apply_filter()

    def _sensor_row(self, sensor: Sensor, report: CoverageReport | None) -> Sequence[Cell]:
        row = report.row(sensor.name) if report else None
        return (
            sensor.name,
            sensor.alias or "",
            sensor.unit or "",
            self._coverage_cell(row, report),
        )

    def _coverage_cell(self, row: SensorCoverage | None, report: CoverageReport | None) -> Cell:
        if row is None or report is None:
            return ""
        if row.confidence is Confidence.HIGH:
            return ("✓", Tone.OK)
        if row.confidence is Confidence.MEDIUM:
            return (self.tr("✓ medium confidence"), Tone.OK)
        if row.confidence is Confidence.LOW:
            return (self.tr("✓ low confidence"), Tone.WARNING)
        text = fill(self.tr("not supplied by profile %1"), report.profile_id)
        if row.spelled_like:
            text += " " + fill(self.tr("(it has “%1”: check the spelling)"), row.spelled_like)
        return (text, Tone.WARNING)

    def _apply_filter(self, *_args: object) -> None:
        query = self.filter.text()
        for table in (self.sensors, self.unconfigured, self.dictionary):
            table.apply_filter(query)


def _unit(name: str) -> str:
    known = sensor_by_name().get(name)
    return known.unit if known else ""
