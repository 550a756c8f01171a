"""Grid lines at the axes' major ticks, drawn as one curve of line pairs.

pyqtgraph draws a grid as part of each axis's picture, and replaying those pictures cost about
7 ms per plot at every repaint here (a third of a day's redraw); the same lines as one curve
cost well under a millisecond.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QFontMetrics


class GridLines:
    """Keeps one plot's grid lines on its left and bottom axes' major ticks."""

    _time_ticks: tuple[object, Any] = (None, None)  # the last time ticks worked out, by range

    def __init__(self, plot: Any) -> None:
        self._item = plot.getPlotItem()
        self._lines = pg.PlotCurveItem(connect="pairs")
        self._lines.setZValue(-100)  # under the curves
        self._item.getViewBox().addItem(self._lines, ignoreBounds=True)
        self._moved = True
        self.time_axis: Any = self._item.getAxis("bottom")  # stacked plots: the last one's
        # Lines are placed when the plot is about to paint, not at each range change: linked
        # plots scrolled out of sight follow every change of time range but never paint.
        self._item.getViewBox().sigRangeChanged.connect(self._range_changed)
        plot.scene().sigPrepareForPaint.connect(self._before_paint)

    def set_color(self, foreground: QColor | str, alpha: float) -> None:
        color = QColor(foreground)
        color.setAlphaF(alpha)
        self._lines.setPen(pg.mkPen(color, width=1, cosmetic=True))

    def _range_changed(self, *_args: object) -> None:
        self._moved = True

    def _before_paint(self) -> None:
        if self._moved:
            self._moved = False
            self.follow()

    def follow(self) -> None:
        """Lines across the plot at the major ticks of the shown values and times."""
        view = self._item.getViewBox()
        (x0, x1), (y0, y1) = view.viewRange()
        rows = self._ticks("left", y0, y1, view.height())
        columns = self._ticks("bottom", x0, x1, view.width())
        x = np.concatenate((np.tile([x0, x1], len(rows)), np.repeat(columns, 2)))
        y = np.concatenate((np.repeat(rows, 2), np.tile([y0, y1], len(columns))))
        self._lines.setData(x, y)

    def _ticks(self, name: str, low: float, high: float, pixels: float) -> Any:
        key = (name == "bottom", low, high, pixels)
        if name == "bottom" and GridLines._time_ticks[0] == key:
            return GridLines._time_ticks[1]  # the stacked plots share their time range
        axis = self.time_axis if name == "bottom" else self._item.getAxis(name)
        if isinstance(axis, pg.DateAxisItem) and not hasattr(axis, "fontMetrics"):
            # A time axis learns its labels' size when it first paints, and spaces its ticks by
            # it; one out of sight has not painted yet. Its font's metrics are what it learns.
            axis.fontMetrics = QFontMetrics(axis.font())
        levels = axis.tickValues(low, high, max(1.0, pixels))
        # The coarsest level that has ticks in the range (a time axis lists days first).
        ticks = np.asarray(next((v for _, v in levels if len(v)), []), dtype=float)
        ticks = ticks[(ticks >= low) & (ticks <= high)]
        if name == "bottom":
            GridLines._time_ticks = (key, ticks)
        return ticks
