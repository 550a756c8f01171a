"""pyqtgraph plots in the app's colours."""

from __future__ import annotations

import pyqtgraph as pg
from pytestqt.qtbot import QtBot

from app.gui.steps.plot.plot_theme import series_pen, style_plot
from app.gui.theme import _DARK, _LIGHT


def test_style_plot_applies_background_axes_and_grid(qtbot: QtBot) -> None:
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    style_plot(plot, _DARK)
    assert plot.backgroundBrush().color() == _DARK.plot_background
    axis = plot.getPlotItem().getAxis("left")
    assert axis.textPen().color() == _DARK.plot_foreground
    style_plot(plot, _LIGHT)
    assert plot.backgroundBrush().color() == _LIGHT.plot_background


def test_series_pens_cycle_through_the_palette() -> None:
    count = len(_LIGHT.series)
    assert series_pen(0, palette=_LIGHT).color() == _LIGHT.series[0]
    assert series_pen(count, palette=_LIGHT).color() == _LIGHT.series[0]
    assert series_pen(1, width=3, palette=_LIGHT).widthF() == 3
