"""The plots: one per unit, stacked, sharing a local-time axis, drawn from the reading history.

Each redraw asks the history for the shown window (a view, no copy) and thins every curve to
two points per pixel column with min/max decimation, so a day at 1 Hz draws as fast as five
minutes and a one-second spike still shows. Colours follow the app's light or dark theme.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core.readings.decimation import min_max_decimate
from app.core.readings.groups import SensorGroup
from app.core.readings.history import ReadingHistory
from app.gui.i18n import Retranslating
from app.gui.steps.plot.plot_theme import series_pen, style_plot
from app.gui.steps.plot.sensor_picker import group_title
from app.gui.theme import colors

MIN_PLOT_HEIGHT = 140
LEFT_AXIS_PX = 64


class LivePlots(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plots: list[Any] = []  # pg.PlotWidget, one per group
        self.curves: dict[str, Any] = {}  # sensor -> pg.PlotDataItem
        self.groups: list[SensorGroup] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)

    def set_groups(self, groups: list[SensorGroup]) -> None:
        """One plot per group; built again only when the groups change."""
        if groups == self.groups:
            return
        for plot in self.plots:
            self._layout.removeWidget(plot)
            plot.deleteLater()
        self.plots, self.curves, self.groups = [], {}, list(groups)
        for group in groups:
            plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
            plot.setMinimumHeight(MIN_PLOT_HEIGHT)
            plot.setMenuEnabled(False)
            item = plot.getPlotItem()
            item.addLegend(offset=(8, 4), labelTextSize="8pt")
            item.setClipToView(True)
            item.getAxis("left").setWidth(LEFT_AXIS_PX)  # stacked plots line up
            if self.plots:
                plot.setXLink(self.plots[0])
            for i, sensor in enumerate(group.sensors):
                self.curves[sensor] = plot.plot(name=sensor, pen=series_pen(i), connect="finite")
            self._layout.addWidget(plot, 1)
            self.plots.append(plot)
        for plot in self.plots[:-1]:  # the time labels once, under the last plot
            plot.getPlotItem().getAxis("bottom").setStyle(showValues=False)
        self.retranslate()
        self.restyle()

    def retranslate(self) -> None:
        for plot, group in zip(self.plots, self.groups, strict=True):
            plot.getPlotItem().setLabel("left", group_title(group.unit))

    def restyle(self) -> None:
        """The theme's colours (now, and when the OS switches light/dark)."""
        palette = colors()
        for plot, group in zip(self.plots, self.groups, strict=True):
            style_plot(plot, palette)
            legend = plot.getPlotItem().legend
            if legend is not None:
                background = pg.mkColor(palette.plot_background)
                background.setAlpha(200)
                legend.setBrush(pg.mkBrush(background))
                for _sample, label in legend.items:  # a new colour shows once the text is set
                    label.setText(label.text, color=palette.plot_foreground)
            for i, sensor in enumerate(group.sensors):
                self.curves[sensor].setPen(series_pen(i, palette=palette))

    def draw(self, history: ReadingHistory, start: float, end: float, follow: bool) -> int:
        """Draw the history between start and end; `follow` scrolls the view to that window.

        Returns the number of points handed to pyqtgraph (after decimation).
        """
        if not self.plots:
            return 0
        width = max(100, int(self.plots[0].getPlotItem().getViewBox().width()))
        with history.lock:  # the core loop appends meanwhile; decimating copies what we draw
            shown = history.window(start, end, sensors=self.curves)
            series = {
                sensor: min_max_decimate(shown.times, shown.values[sensor], width)
                for sensor in self.curves
            }
            if len(shown) <= 2 * width:  # short series come back as views: copy them
                series = {s: (x.copy(), y.copy()) for s, (x, y) in series.items()}
        drawn = 0
        for sensor, curve in self.curves.items():
            x, y = series[sensor]
            curve.setData(x, y, connect="finite")
            drawn += len(x)
        if follow:
            self.plots[0].setXRange(start, end, padding=0)
        return drawn

    def visible_range(self) -> tuple[float, float] | None:
        if not self.plots:
            return None
        low, high = self.plots[0].getPlotItem().getViewBox().viewRange()[0]
        return float(low), float(high)

    def image(self) -> QPixmap | None:
        """The plots as they are on screen; None when there is nothing to show."""
        return self.grab() if self.plots else None
