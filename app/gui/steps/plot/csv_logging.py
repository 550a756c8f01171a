"""Continuous logging on the Plot page: every reading of the meter appended to a CSV file per
day (medido-<meter>-YYYY-MM-DD.csv in a folder the installer picks), for as long as the app runs.

The writing is app.core.readings.csv_log.ReadingCsvLog, attached to the meter session's readings
on the core loop (each row is flushed as it is written); this widget only starts and stops it,
and says where the rows go. The format follows the UI's language, like the Plot page's export
(export_files.ui_csv_format). Logging goes on across pages and across a reconnect (a new meter
session): it stops when the installer says so or when the app closes.
"""

from __future__ import annotations

from pathlib import Path

import tzlocal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.meter.reading import MeterReading
from app.core.meter.session import MeterSession
from app.core.readings.csv_export import CsvColumn
from app.core.readings.csv_log import ReadingCsvLog
from app.core.readings.groups import unit_of
from app.gui.i18n import Retranslating, fill
from app.gui.session import Session
from app.gui.steps.plot.export_files import ui_csv_format
from app.gui.widgets.documents import documents_file


class CsvLogging(Retranslating, QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.log: ReadingCsvLog | None = None
        self.button = QPushButton()
        self.button.clicked.connect(self._toggle)
        self.status = QLabel()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.status)
        session.meter_changed.connect(self._on_meter)
        session.reading_arrived.connect(self._on_reading)
        session.bridge.add_closer(self._close_on_loop)
        self.retranslate()

    @property
    def logging(self) -> bool:
        return self.log is not None

    def start(self, folder: Path) -> bool:
        """Log the current meter's readings to daily files in `folder`; False without a meter."""
        meter = self.session.meter
        if meter is None:
            return False
        self.stop()
        zone = tzlocal.get_localzone()
        self.log = ReadingCsvLog.daily(
            folder,
            self._meter_name(meter),
            [CsvColumn(s, unit_of(s)) for s in meter.profile.sensor_names],
            ui_csv_format(),
            zone=zone,
            time_headers=(fill(self.tr("Local time (%1)"), zone), self.tr("UTC")),
        )
        self.session.bridge.call_soon(self.log.attach, meter.readings)
        self.retranslate()
        return True

    def stop(self) -> None:
        log, self.log = self.log, None
        if log is not None:
            self.session.bridge.call_soon(log.close)  # rows still waiting get a last try
        self.retranslate()

    def retranslate(self) -> None:
        log = self.log
        self.button.setText(self.tr("Stop logging") if log else self.tr("&Log to CSV…"))
        self.button.setToolTip(
            self.tr("Append every reading to a CSV file per day while Medido runs")
        )
        self.button.setEnabled(log is not None or self.session.meter is not None)
        if log is None:
            self.status.clear()
            self.status.setToolTip("")
        elif log.problem is not None:
            self.status.setText(self.tr("Cannot write the CSV; rows wait in memory"))
            self.status.setToolTip(log.problem)
        else:
            shown = log.path.name if log.path is not None else self.tr("(no reading yet)")
            self.status.setText(fill(self.tr("Logging: %1, %n row(s)", "", log.rows), shown))
            self.status.setToolTip(str(log.path or ""))

    def _toggle(self) -> None:
        if self.log is not None:
            self.stop()
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the daily CSV files"), str(Path(documents_file("x")).parent)
        )
        if folder:
            self.start(Path(folder))

    def _on_meter(self, meter: MeterSession | None) -> None:
        """A reconnect makes a new meter session: the log follows it (same columns)."""
        log = self.log
        if log is not None:
            if meter is None:
                self.session.bridge.call_soon(log.detach)
            else:
                self.session.bridge.call_soon(log.attach, meter.readings)
        self.retranslate()

    def _on_reading(self, _reading: MeterReading) -> None:
        if self.log is not None:
            self.retranslate()  # the count and the file (a new day, a problem)

    def _meter_name(self, meter: MeterSession) -> str:
        device = self.session.device
        return device.number if device is not None else meter.profile.id

    async def _close_on_loop(self) -> None:
        """At exit, on the core loop: the file closed, rows still waiting given a last try."""
        log, self.log = self.log, None
        if log is not None:
            log.close()
