"""The plots themselves: envelopes from the history, the value range, plots out of sight."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from app.core.readings.groups import group_by_unit
from app.core.readings.history import ReadingHistory
from app.core.sensors.dictionary import sensor_dictionary
from app.gui.steps.plot.live_plots import LivePlots

T0 = 1_741_615_200.0


def history_of(sensors: list[str], seconds: int, level: float = 230.0) -> ReadingHistory:
    history = ReadingHistory()
    for i in range(seconds):
        history.append(T0 + i, {s: level + (i % 7) for s in sensors})
    return history


def many_units() -> list[str]:
    """One sensor of each of eight units: eight stacked plots, more than a small view shows."""
    seen: dict[str, str] = {}
    for sensor in sensor_dictionary():
        seen.setdefault(sensor.unit, sensor.name)
    return list(seen.values())[:8]


def in_small_scroll(qtbot: QtBot, plots: LivePlots) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidget(plots)
    scroll.setWidgetResizable(True)
    scroll.resize(700, 400)
    qtbot.addWidget(scroll)
    scroll.show()
    qtbot.waitExposed(scroll)
    return scroll


def points(plots: LivePlots, sensor: str) -> int:
    x, _ = plots.curves[sensor].getData()
    return 0 if x is None else len(x)


def test_plots_out_of_sight_are_drawn_when_scrolled_into_sight(qtbot: QtBot) -> None:
    sensors = many_units()
    plots = LivePlots()
    plots.set_groups(group_by_unit(sensors))
    scroll = in_small_scroll(qtbot, plots)
    history = history_of(sensors, 600)
    plots.draw(history, T0, T0 + 600, follow=True)
    first, last = plots.groups[0].sensors[0], plots.groups[-1].sensors[0]
    assert points(plots, first) > 0
    assert points(plots, last) == 0  # below the fold: not drawn
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: points(plots, last) > 0, timeout=3000)


def test_an_image_has_every_plot_drawn(qtbot: QtBot) -> None:
    sensors = many_units()
    plots = LivePlots()
    plots.set_groups(group_by_unit(sensors))
    _scroll = in_small_scroll(qtbot, plots)  # kept: it owns the plots
    plots.draw(history_of(sensors, 600), T0, T0 + 600, follow=True)
    assert plots.image() is not None
    assert all(points(plots, s) > 0 for s in sensors)


def test_a_day_draws_at_most_two_points_per_pixel_and_keeps_a_spike(qtbot: QtBot) -> None:
    plots = LivePlots()
    sensor = "Voltaje A-N"
    plots.set_groups(group_by_unit([sensor]))
    _scroll = in_small_scroll(qtbot, plots)  # kept: it owns the plots
    history = history_of([sensor], 86_400)
    history.append(T0 + 86_400, {sensor: 400.0})
    drawn = plots.draw(history, T0, T0 + 86_400, follow=True)
    width = plots.plots[0].getPlotItem().getViewBox().width()
    assert drawn <= 2 * max(100, width) + 2
    _, y = plots.curves[sensor].getData()
    assert np.nanmax(y) == 400.0


def test_the_value_range_follows_the_data_until_zoomed_by_hand(qtbot: QtBot) -> None:
    plots = LivePlots()
    sensor = "Voltaje A-N"
    plots.set_groups(group_by_unit([sensor]))
    _scroll = in_small_scroll(qtbot, plots)  # kept: it owns the plots
    view = plots.plots[0].getPlotItem().getViewBox()
    plots.draw(history_of([sensor], 300), T0, T0 + 300, follow=True)
    low, high = view.viewRange()[1]
    assert low < 230.0
    assert 236.0 < high < 240.0
    plots.draw(history_of([sensor], 300, level=100.0), T0, T0 + 300, follow=True)
    low, high = view.viewRange()[1]
    assert low < 100.0
    assert 106.0 < high < 110.0
    view.scaleBy((1, 0.5))  # the installer zooms (pyqtgraph says so, as for a mouse wheel)
    view.sigRangeChangedManually.emit([False, True])  # reaches the plot item, as a wheel does
    zoomed = view.viewRange()[1]
    plots.draw(history_of([sensor], 300, level=500.0), T0, T0 + 300, follow=True)
    assert view.viewRange()[1] == zoomed  # the installer's zoom stays
    plots.plots[0].getPlotItem().autoBtnClicked()  # "A": the data's range again
    low, high = view.viewRange()[1]
    assert low < 500.0
    assert 506.0 < high < 510.0


def test_grid_lines_sit_on_the_axes_major_ticks(qtbot: QtBot) -> None:
    plots = LivePlots()
    sensor = "Voltaje A-N"
    plots.set_groups(group_by_unit([sensor]))
    scroll = in_small_scroll(qtbot, plots)
    plots.draw(history_of([sensor], 300), T0, T0 + 300, follow=True)
    scroll.grab()
    plots.draw(history_of([sensor], 300), T0 + 1, T0 + 301, follow=True)  # the axis has painted
    scroll.grab()
    item = plots.plots[0].getPlotItem()
    view = item.getViewBox()
    (x0, x1), (y0, y1) = view.viewRange()
    values = [
        v for v in item.getAxis("left").tickValues(y0, y1, view.height())[0][1] if y0 <= v <= y1
    ]
    x, y = plots._grids[0]._lines.getData()
    rows = sorted(
        {float(b) for a, b, c in zip(x[::2], y[::2], x[1::2], strict=True) if a == x0 and c == x1}
    )
    assert rows == values
    assert len(values) >= 2
    assert (x[::2] == x[1::2]).sum() >= 2  # vertical lines at the time ticks
