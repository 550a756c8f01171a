"""pyqtgraph in the app's light or dark colours (pyqtgraph keeps its own, black by default).

plot = pg.PlotWidget()
style_plot(plot)                                  # now, and
watcher.changed.connect(lambda _dark: style_plot(plot))   # when the OS switches
curve = plot.plot(pen=series_pen(0))
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtGui import QColor

from app.gui.theme import Colors, colors


def series_pen(index: int, width: float = 2.0, palette: Colors | None = None) -> Any:
    """The pen for the index-th curve; colours repeat after the palette's length."""
    series = (palette or colors()).series
    return pg.mkPen(color=series[index % len(series)], width=width)


def style_plot(widget: Any, palette: Colors | None = None) -> None:
    """Apply background, axis and grid colours to a pg.PlotWidget."""
    chosen = palette or colors()
    widget.setBackground(chosen.plot_background)
    item = widget.getPlotItem()
    foreground = QColor(chosen.plot_foreground)
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(foreground))
        axis.setTextPen(pg.mkPen(foreground))
    item.showGrid(x=False, y=False)  # drawn by grid_lines.py instead (faster)
    title = item.titleLabel
    if title is not None and title.text:
        title.setText(title.text, color=foreground)
    legend = item.legend
    if legend is not None:
        legend.setLabelTextColor(foreground)
