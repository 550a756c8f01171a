"""Rows 1 and 3 (redraw): the Plot page's curves redrawn from a full day of 30 sensors.

A redraw is what the page does when readings arrive: LivePlots.draw over the shown window, then
the plots painted (grab() renders every plot offscreen, the cost a screen would pay). The
history holds 86,400 readings (24 h at 1 Hz) of 30 sensors: random walks with spikes and gaps.
"""

from __future__ import annotations

import numpy as np

from app.core.readings.groups import group_by_unit
from app.core.readings.history import DAY_S, ReadingHistory
from app.core.sensors.dictionary import sensor_dictionary
from bench.figures import Figure, median_of, timed

SENSORS = 30
SIZE = (1000, 640)  # the Plot page's plot area in a 1280×800 window, beside the sensor list


def day_of_readings(
    sensors: list[str], seconds: int = int(DAY_S), end: float = 1.8e9
) -> ReadingHistory:
    rng = np.random.default_rng(20261207)
    history = ReadingHistory()
    walks = np.cumsum(rng.normal(0, 1, (seconds, len(sensors))), axis=0) + 230.0
    walks[rng.integers(0, seconds, 50), rng.integers(0, len(sensors), 50)] = 1e4  # spikes
    walks[40_000:40_600, 0] = np.nan  # a gap of ten minutes in one sensor
    start = end - seconds
    for i in range(seconds):
        history.append(start + i, dict(zip(sensors, walks[i].tolist(), strict=True)))
    return history


def plotted_sensors() -> list[str]:
    names = [s.name for s in sensor_dictionary()]
    return names[:SENSORS]


def measure(quick: bool) -> list[Figure]:
    from PySide6.QtWidgets import QApplication, QScrollArea

    from app.gui.steps.plot.live_plots import LivePlots

    app = QApplication.instance() or QApplication([])
    sensors = plotted_sensors()
    history = day_of_readings(sensors)
    plots = LivePlots()
    plots.set_groups(group_by_unit(sensors))
    scroll = QScrollArea()  # as on the Plot page: the plots that do not fit scroll
    scroll.setWidget(plots)
    scroll.setWidgetResizable(True)
    scroll.resize(*SIZE)
    scroll.show()
    app.processEvents()
    newest = history.newest or 0.0
    runs = 5 if quick else 21
    figures = []
    for row, span, limit, what in (
        (1, DAY_S, 33.0, "Plot redraw, 30 series × 86,400 points, 24 h window"),
        (3, 300.0, 10.0, "Plot redraw, 30 series, 5-minute window of a full day"),
    ):
        drawn: list[int] = []

        def redraw(span: float = span, drawn: list[int] = drawn) -> None:
            drawn.append(plots.draw(history, newest - span, newest, follow=True))
            scroll.grab()

        median, values = median_of(timed(redraw), runs, warmup=2)
        figures.append(
            Figure(
                row=row,
                what=what,
                value=median * 1000,
                unit="ms",
                limit=limit,
                details={
                    "runs_ms": [round(v * 1000, 2) for v in values],
                    "points_drawn": drawn[-1],
                    "plots": len(plots.plots),
                    "plots_in_sight": sum(
                        not p.viewport().visibleRegion().isEmpty() for p in plots.plots
                    ),
                    "size": SIZE,
                },
            )
        )
    return figures
