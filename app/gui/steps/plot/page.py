"""The Plot step: the meter's values over time, to see that they behave (a load switching on
shows in power and current, the three phase voltages sit together near 220 V).

The meter session keeps a 24-hour history of its readings (app.core.meter.session) whether the
page is shown or not, so the plot has the whole day when the installer comes back to it. Redraws
happen only while the page is visible and not paused (a redraw already scheduled is dropped on
hide or pause); pausing stops the view from scrolling (to zoom and pan) while the history keeps
filling. CSV and PNG export go through file dialogs that open in the documents folder; tests
call export_csv/export_png with a path. The CSV's separators follow the UI's language, and the
PNG says which meter, when and in which units (export_files.py). "Log to CSV" appends every
reading to a file per day while the app runs (csv_logging.py).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import tzlocal
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QColor, QHideEvent, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
)

from app.core.meter.reader import MeterReader
from app.core.meter.reading import MeterReading
from app.core.readings.csv_export import CsvColumn, CsvFormat, export_history_csv
from app.core.readings.groups import default_selection, group_by_unit, unit_of
from app.core.sensors.dictionary import sensor_dictionary
from app.gui.i18n import fill
from app.gui.job import Job
from app.gui.message_banner import Level
from app.gui.session import Session
from app.gui.settings import PLOT_SENSORS, PLOT_WINDOW_S
from app.gui.steps.page import Page
from app.gui.steps.plot.csv_logging import CsvLogging
from app.gui.steps.plot.export_files import captioned, ui_csv_format
from app.gui.steps.plot.sensor_picker import SensorPicker, group_title
from app.gui.steps.step import StepState
from app.gui.theme import ThemeWatcher, colors
from app.gui.widgets.dates import date_text, local_time
from app.gui.widgets.documents import documents_file

if TYPE_CHECKING:
    from app.core.readings.history import ReadingHistory

WINDOWS_S = (300, 3600, 86_400)
REDRAW_DELAY_MS = 30  # readings that arrive together cost one redraw
MAX_REDRAW_INTERVAL_MS = 1000  # the newest value shows at least once a second
MIN_SPAN_S = 60.0


class PlotPage(Page):
    key = "plot"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        # Imported with the page, not the app: pyqtgraph and numpy take about half a second,
        # and the main window builds this page only after it has shown itself (catalog.py).
        from app.gui.steps.plot.live_plots import LivePlots

        self.picker = SensorPicker()
        self.plots = LivePlots()
        self.pause_button = QPushButton()
        self.pause_button.setCheckable(True)
        self.window_label = QLabel()
        self.span_choice = QComboBox()
        self.csv_button, self.png_button = QPushButton(), QPushButton()
        self.csv_logging = CsvLogging(session)
        self.counts = QLabel()
        self.counts.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.counts.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.last_drawn = 0  # points handed to pyqtgraph by the last redraw
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_DELAY_MS)
        self._redraw_timer.timeout.connect(self._scheduled_redraw)
        self._since_redraw = QElapsedTimer()
        self._theme = ThemeWatcher(self)
        self._theme.changed.connect(self._restyle)
        self._build()

        self.picker.selection_changed.connect(self._on_selection)
        self.pause_button.toggled.connect(self._on_pause)
        self.span_choice.currentIndexChanged.connect(self._on_window)
        self.csv_button.clicked.connect(self._ask_csv)
        self.png_button.clicked.connect(self._ask_png)
        session.reading_arrived.connect(self.on_reading)
        session.reader_changed.connect(self._on_reader)
        session.meter_changed.connect(lambda _meter: self.redraw())  # another history

    def _build(self) -> None:
        tools = QHBoxLayout()
        for widget in (self.pause_button, self.window_label, self.span_choice):
            tools.addWidget(widget)
        tools.addWidget(self.counts, 1)
        tools.addWidget(self.csv_logging)
        tools.addWidget(self.csv_button)
        tools.addWidget(self.png_button)
        scroll = QScrollArea()
        scroll.setWidget(self.plots)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.picker)
        split.addWidget(scroll)
        split.setStretchFactor(1, 1)
        split.setSizes([270, 830])
        self.body.addLayout(tools)
        self.body.addWidget(split, 1)

    def description(self) -> str:
        return self.tr("Watch the values over time: a load that switches on, three phases alike.")

    def retranslate(self) -> None:
        self.pause_button.setText(self.tr("Resume") if self.paused else self.tr("&Pause"))
        self.window_label.setText(self.tr("Show the last"))
        index = max(0, self.span_choice.currentIndex())
        self.span_choice.blockSignals(True)
        self.span_choice.clear()
        self.span_choice.addItems([self.tr("5 minutes"), self.tr("1 hour"), self.tr("24 hours")])
        self.span_choice.setCurrentIndex(index)
        self.span_choice.blockSignals(False)
        self.csv_button.setText(self.tr("Export &CSV…"))
        self.png_button.setText(self.tr("Export P&NG…"))
        self._show_counts()

    # -- settings -----------------------------------------------------------------------------

    def restore_settings(self) -> None:
        seconds = self.session.settings.get(PLOT_WINDOW_S)
        self.span_choice.setCurrentIndex(WINDOWS_S.index(seconds) if seconds in WINDOWS_S else 0)
        self._offer(self.session.settings.get(PLOT_SENSORS))

    def save_settings(self) -> None:
        self.session.settings.set(PLOT_WINDOW_S, self.window_s)
        self.session.settings.set(PLOT_SENSORS, self.picker.selected())

    @property
    def window_s(self) -> int:
        return WINDOWS_S[max(0, self.span_choice.currentIndex())]

    @property
    def paused(self) -> bool:
        return self.pause_button.isChecked()

    @property
    def history(self) -> ReadingHistory:
        """The meter's day of readings, kept by the session (read here, written on the loop)."""
        return self.session.history

    # -- readings -----------------------------------------------------------------------------

    def on_reading(self, reading: MeterReading) -> None:
        """Recorded by the meter session; drawn here only when someone can see it."""
        if not reading.values.keys() <= set(self.picker.sensors()):
            self._offer(self.picker.selected())
        if self.isVisible() and not self.paused:
            self._schedule_redraw()
        if reading.available:
            self.set_step_state(StepState.OK)

    def redraw(self) -> None:
        newest, oldest = self.history.newest, self.history.oldest
        if newest is not None and oldest is not None:
            # Until the history covers the window, show what there is (at least a minute).
            start = max(newest - self.window_s, min(oldest, newest - MIN_SPAN_S))
            self.last_drawn = self.plots.draw(self.history, start, newest, follow=True)
            self._since_redraw.restart()
        self._show_counts()

    def _schedule_redraw(self) -> None:
        """Soon, but no more often than the view can change: across 900 pixels, a day moves
        one pixel every 96 s and five minutes every 0.3 s, so polling at 10 Hz costs a 24-hour
        view one redraw a second, not ten."""
        if self._redraw_timer.isActive():
            return
        per_pixel_ms = self.window_s * 1000 / max(1, self.plots.width())
        interval = min(MAX_REDRAW_INTERVAL_MS, max(REDRAW_DELAY_MS, per_pixel_ms))
        since = self._since_redraw.elapsed() if self._since_redraw.isValid() else interval
        self._redraw_timer.start(int(max(REDRAW_DELAY_MS, interval - since)))

    def _scheduled_redraw(self) -> None:
        if self.isVisible() and not self.paused:
            self.redraw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.paused:
            self._redraw_timer.start(REDRAW_DELAY_MS)  # catch up with what arrived while hidden

    def hideEvent(self, event: QHideEvent) -> None:
        self._redraw_timer.stop()  # nobody sees it: no redraw until shown again
        super().hideEvent(event)

    def _on_reader(self, reader: MeterReader | None) -> None:
        if reader is not None:
            self._offer(self.picker.selected() or self.session.settings.get(PLOT_SENSORS))

    def _offer(self, wanted: list[str]) -> None:
        """List the meter's sensors (or the whole dictionary) and those already recorded."""
        reader = self.session.reader
        names = list(reader.profile.sensor_names) if reader else []
        names = names or [s.name for s in sensor_dictionary()]
        names += [s for s in self.history.sensors if s not in names]
        chosen = [s for s in wanted if s in names] or default_selection(names)
        self.picker.set_sensors(names, chosen)
        self._on_selection(chosen)

    def _on_selection(self, sensors: list[str]) -> None:
        self.plots.set_groups(group_by_unit(sensors))
        self.session.settings.set(PLOT_SENSORS, sensors)
        self.redraw()

    def _on_pause(self, paused: bool) -> None:
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("&Pause"))
        self._show_counts()
        if paused:
            self._redraw_timer.stop()  # a redraw scheduled before the pause would move the view
        else:
            self.redraw()

    def _on_window(self) -> None:
        self.session.settings.set(PLOT_WINDOW_S, self.window_s)
        self.redraw()

    def _restyle(self, _dark: bool) -> None:
        self.plots.restyle()

    def _show_counts(self) -> None:
        text = self.tr("%n reading(s) in memory", "", len(self.history))
        if self.paused:
            text = fill(self.tr("Paused — %1"), text)
        self.counts.setText(text)
        recorded = len(self.history) > 0  # nothing recorded: nothing to export
        self.csv_button.setEnabled(recorded)
        self.png_button.setEnabled(recorded and bool(self.plots.groups))

    # -- export -------------------------------------------------------------------------------

    def export_csv(self, path: Path, fmt: CsvFormat | None = None) -> Job[int]:
        """The plotted sensors (all, if none is) over the time shown, written off the GUI thread."""
        sensors = self.picker.selected() or list(self.history.sensors)
        shown = self.plots.visible_range()
        newest = self.history.newest or 0.0
        start, end = shown if shown else (newest - self.window_s, newest)
        with self.history.lock:  # the core loop appends meanwhile
            window = self.history.window(start, end, sensors).copy()
        zone = tzlocal.get_localzone()
        headers = (fill(self.tr("Local time (%1)"), zone), self.tr("UTC"))
        chosen = fmt or ui_csv_format()
        columns = [CsvColumn(s, unit_of(s)) for s in sensors]
        job = self.run(
            export_history_csv(path, window, columns, chosen, zone=zone, time_headers=headers)
        )
        job.succeeded.connect(lambda rows: self._exported(path, rows))
        return job

    def export_png(self, path: Path) -> bool:
        """The plots as shown, with the meter, the time shown and the units written on."""
        plots = self.plots.image()
        saved = False
        if plots is not None:
            header, footer = self.image_caption()
            palette = colors()
            image = captioned(
                plots,
                header,
                footer,
                background=QColor(palette.plot_background),
                foreground=QColor(palette.plot_foreground),
            )
            saved = QPixmap.fromImage(image).save(str(path), "PNG")  # QImage.save refuses "PNG"
        if saved:
            self._exported(path, None)
        else:
            self.show_message(Level.ERROR, lambda: self.tr("The image could not be saved."))
        return saved

    def image_caption(self) -> tuple[list[str], list[str]]:
        """The lines above an exported image (the meter, the time shown) and below (units)."""
        meter, device = self.session.meter, self.session.device
        if meter is not None:
            profile = meter.profile
            where = fill(
                self.tr("%1 %2 (profile %3) · unit %4 · %5"),
                profile.manufacturer,
                profile.model,
                profile.id,
                meter.unit,
                meter.link.description,
            )
        else:
            where = self.tr("No meter connected")
        if device is not None:
            where = fill(self.tr("Meter %1 · %2"), device.number, where)
        shown = self.plots.visible_range()
        if shown is None:
            when = ""
        else:
            start, end = (datetime.fromtimestamp(t, UTC) for t in shown)
            when = fill(
                self.tr("%1 %2 to %3 %4, local time (%5)"),
                date_text(start),
                local_time(start),
                date_text(end),
                local_time(end),
                tzlocal.get_localzone(),
            )
        units = "; ".join(group_title(group.unit) for group in self.plots.groups)
        now = datetime.now(UTC)
        made = fill(self.tr("Exported by Medido on %1 at %2."), date_text(now), local_time(now))
        return [where, when], [fill(self.tr("Units: %1"), units), made]

    def _exported(self, path: Path, rows: int | None) -> None:
        self.show_message(Level.SUCCESS, lambda: self._saved(path, rows), details=str(path))

    def _saved(self, path: Path, rows: int | None) -> str:
        what = fill(self.tr("Saved %1."), path.name)
        if rows is None:
            return what
        return what + " " + self.tr("%n row(s).", "", rows)

    def _ask_csv(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export CSV"),
            documents_file(self._file_name("csv")),
            self.tr("CSV files (*.csv)"),
        )
        if name:
            self.export_csv(Path(name))

    def _ask_png(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export PNG"),
            documents_file(self._file_name("png")),
            self.tr("PNG images (*.png)"),
        )
        if name:
            self.export_png(Path(name))

    def _file_name(self, extension: str) -> str:
        """E.g. medido-29-2025-03-10.csv: the meter's number (when known) and today's date."""
        device = self.session.device
        number = (
            "".join(c if c.isalnum() or c in "-_" else "_" for c in device.number) if device else ""
        )
        parts = ["medido", number, datetime.now().astimezone().strftime("%Y-%m-%d")]
        return "-".join(p for p in parts if p) + "." + extension
