"""The plots: one per unit, stacked, sharing a local-time axis, drawn from the reading history.

Each redraw asks the history for each curve's envelope over the shown window: at most two
points per pixel column, read from the history's min/max pyramid, so a day at 1 Hz draws as
fast as five minutes and a one-second spike still shows. The value range is taken from those
points (pyqtgraph's autoscale walks every curve at each paint) until the installer zooms a
plot by hand. Plots scrolled out of sight are not redrawn until they come back (`draw_stale`).
Colours follow the app's light or dark theme.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core.readings.groups import SensorGroup
from app.core.readings.history import ReadingHistory
from app.core.readings.value_range import steady_range
from app.gui.i18n import Retranslating
from app.gui.steps.plot.grid_lines import GridLines
from app.gui.steps.plot.plot_theme import series_pen, style_plot
from app.gui.steps.plot.sensor_picker import group_title
from app.gui.theme import Colors, colors

MIN_PLOT_HEIGHT = 140
LEFT_AXIS_PX = 64
DENSE = 1.0  # points per pixel column from which a curve is drawn 1 px wide


class LivePlots(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plots: list[Any] = []  # pg.PlotWidget, one per group
        self.curves: dict[str, Any] = {}  # sensor -> pg.PlotCurveItem
        self.groups: list[SensorGroup] = []
        self._grids: list[GridLines] = []
        self._own_values: list[bool] = []  # per plot: the value range follows the data
        self._fitted: list[bool] = []  # per plot: its value range was fitted to data once
        self._stale: set[int] = set()  # plots not redrawn because nobody could see them
        self._shown: tuple[ReadingHistory, float, float] | None = None  # the last window drawn
        self._dense: dict[str, bool] = {}  # sensor -> drawn 1 px wide
        self._stale_timer = QTimer(self)
        self._stale_timer.setSingleShot(True)
        self._stale_timer.setInterval(0)
        self._stale_timer.timeout.connect(self.draw_stale)
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
        self._grids, self._own_values, self._stale, self._dense = [], [], set(), {}
        self._fitted = []
        for group in groups:
            plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
            plot.setMinimumHeight(MIN_PLOT_HEIGHT)
            plot.setMenuEnabled(False)
            item = plot.getPlotItem()
            item.addLegend(offset=(8, 4), labelTextSize="8pt")
            item.getAxis("left").setWidth(LEFT_AXIS_PX)  # stacked plots line up
            # A value at the very edge is not half drawn over the plot below: it is left out.
            item.getAxis("left").setStyle(hideOverlappingLabels=True)
            item.enableAutoRange(x=False, y=False)  # ranges come from draw()
            if self.plots:
                plot.setXLink(self.plots[0])
            for i, sensor in enumerate(group.sensors):
                # A bare curve: PlotDataItem's bookkeeping doubled the cost of each setData.
                curve = pg.PlotCurveItem(name=sensor, pen=series_pen(i), connect="finite")
                item.addItem(curve)  # and into the legend, by its name
                self.curves[sensor] = curve
            index = len(self.plots)
            item.sigRangeChangedManually.connect(  # the mouse, and the "A" button
                lambda mask, index=index: self._zoomed(index, mask)
            )
            self._grids.append(GridLines(plot))
            plot.viewport().installEventFilter(self)  # a stale plot coming into sight
            self._own_values.append(True)
            self._fitted.append(False)
            for axis in ("left", "bottom", "right", "top"):  # labels carry units: no k, M prefix
                item.getAxis(axis).enableAutoSIPrefix(False)
            self._layout.addWidget(plot, 1)
            self.plots.append(plot)
        if self.plots:  # the time axis once, under the last plot (each one costs a repaint)
            for plot in self.plots[:-1]:
                plot.getPlotItem().hideAxis("bottom")
            time_axis = self.plots[-1].getPlotItem().getAxis("bottom")
            for grid in self._grids:
                grid.time_axis = time_axis
        self.retranslate()
        self.restyle()

    def retranslate(self) -> None:
        for plot, group in zip(self.plots, self.groups, strict=True):
            plot.getPlotItem().setLabel("left", group_title(group.unit))

    def restyle(self) -> None:
        """The theme's colours (now, and when the OS switches light/dark)."""
        palette = colors()
        for plot, group, grid in zip(self.plots, self.groups, self._grids, strict=True):
            style_plot(plot, palette)
            grid.set_color(palette.plot_foreground, palette.plot_grid_alpha)
            legend = plot.getPlotItem().legend
            if legend is not None:
                background = pg.mkColor(palette.plot_background)
                background.setAlpha(200)
                legend.setBrush(pg.mkBrush(background))
                for _sample, label in legend.items:  # a new colour shows once the text is set
                    label.setText(label.text, color=palette.plot_foreground)
            for i, sensor in enumerate(group.sensors):
                self.curves[sensor].setPen(self._pen(sensor, i, palette))

    def draw(self, history: ReadingHistory, start: float, end: float, follow: bool) -> int:
        """Draw the history between start and end; `follow` scrolls the view to that window.

        Returns the number of points handed to pyqtgraph (after decimation).
        """
        if not self.plots:
            return 0
        self._shown = (history, start, end)
        if follow:
            self.plots[0].setXRange(start, end, padding=0)
        hidden = {
            i for i, plot in enumerate(self.plots) if plot.viewport().visibleRegion().isEmpty()
        }
        self._stale = hidden if self.isVisible() else set()  # hidden widget: draw all (export)
        return sum(self._draw_plot(i) for i in range(len(self.plots)) if i not in self._stale)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._stale:
            self._stale_timer.start()  # not while painting: setData repaints
        return super().eventFilter(watched, event)

    def draw_stale(self) -> int:
        """Bring plots that scrolled into sight, or that an export needs, up to date."""
        if self._shown is None or not self._stale:
            return 0
        now_seen = {
            i for i in self._stale if not self.plots[i].viewport().visibleRegion().isEmpty()
        }
        self._stale -= now_seen
        return sum(self._draw_plot(i) for i in sorted(now_seen))

    def _draw_plot(self, index: int) -> int:
        assert self._shown is not None
        history, start, end = self._shown
        plot, group = self.plots[index], self.groups[index]
        width = max(100, int(plot.getPlotItem().getViewBox().width()))
        envelopes = history.envelope(start, end, group.sensors, width)
        drawn, low, high = 0, np.inf, -np.inf
        for i, sensor in enumerate(group.sensors):
            x, y = envelopes[sensor]
            self._set_density(sensor, i, len(x) / width >= DENSE)
            self.curves[sensor].setData(x, y, connect="finite", skipFiniteCheck=True)
            drawn += len(x)
            if len(y) and not np.isnan(y).all():
                low, high = min(low, float(np.nanmin(y))), max(high, float(np.nanmax(y)))
        view = plot.getPlotItem().getViewBox()
        if self._own_values[index] and low <= high:
            fitted = steady_range(
                tuple(view.viewRange()[1]) if self._fitted[index] else None, low, high
            )
            if fitted is not None:
                view.setYRange(*fitted, padding=0)
                self._fitted[index] = True
        return drawn

    def _zoomed(self, index: int, mask: list[bool]) -> None:
        """The installer zoomed or panned: the values stay where they put them — unless it was
        the plot's "A" button, which gives the range back to the data."""
        view = self.plots[index].getPlotItem().getViewBox()
        if view.autoRangeEnabled()[1]:
            view.enableAutoRange(x=False, y=False)
            self._own_values[index], self._fitted[index] = True, False
            if self._shown is not None:
                self._draw_plot(index)
        elif len(mask) > 1 and mask[1]:
            self._own_values[index] = False

    def _set_density(self, sensor: str, index: int, dense: bool) -> None:
        """A wide pen costs three times as much to paint; where the curve is an envelope of
        many readings per pixel, one pixel shows the same."""
        if self._dense.get(sensor) != dense:
            self._dense[sensor] = dense
            self.curves[sensor].setPen(self._pen(sensor, index))

    def _pen(self, sensor: str, index: int, palette: Colors | None = None) -> Any:
        return series_pen(index, width=1.0 if self._dense.get(sensor) else 2.0, palette=palette)

    def visible_range(self) -> tuple[float, float] | None:
        if not self.plots:
            return None
        low, high = self.plots[0].getPlotItem().getViewBox().viewRange()[0]
        return float(low), float(high)

    def image(self) -> QPixmap | None:
        """The plots as they are on screen; None when there is nothing to show."""
        if self._shown is not None:  # the plots out of sight too
            for i in sorted(self._stale):
                self._draw_plot(i)
            self._stale = set()
        return self.grab() if self.plots else None
