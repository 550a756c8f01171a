"""The Plot page: readings from the real simulator (Modbus TCP on the core loop) become curves;
grouping, pause, hidden collection, CSV and PNG export, and the cost of a day's redraw."""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app.core.meter.meter_uri import parse_meter_uri
from app.core.meter.session import MeterSession
from app.core.readings.csv_export import CsvFormat
from app.core.readings.history import DAY_S
from app.gui.session import Session
from app.gui.settings import PLOT_SENSORS, PLOT_WINDOW_S
from app.gui.steps.plot.page import PlotPage
from app.simulator import MeterSimulator
from tests.fixtures.simulator import make_meter
from tests.gui.conftest import on_loop

DEFAULTS = [
    "Potencia activa total instantánea",
    "Corriente A",
    "Corriente B",
    "Corriente C",
    "Voltaje A-N",
    "Voltaje B-N",
    "Voltaje C-N",
]


@pytest.fixture
def polled(session: Session) -> Iterator[Session]:
    """The session polls a simulated SDM630 every 0.1 s, as the Meter page would set it up."""
    meter = make_meter("eastron-sdm630")
    sim = MeterSimulator({1: meter})
    port = on_loop(session.bridge, sim.start_tcp("127.0.0.1", 0))
    uri = parse_meter_uri(f"tcp://127.0.0.1:{port}?unit=1")
    session.set_meter(MeterSession(uri, meter.profile, pause_s=0.0))
    session.start_polling(interval_s=0.1)
    yield session
    session.stop_polling()
    on_loop(session.bridge, sim.stop())


def shown_page(qtbot: QtBot, session: Session) -> PlotPage:
    page = PlotPage.build(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def points(page: PlotPage, sensor: str) -> int:
    x, _ = page.plots.curves[sensor].getData()
    return 0 if x is None else len(x)


def test_readings_become_curves_grouped_by_unit(
    qtbot: QtBot, polled: Session, translations: object
) -> None:
    page = shown_page(qtbot, polled)
    assert sorted(page.picker.selected()) == sorted(DEFAULTS)
    assert [g.unit for g in page.plots.groups] == ["kW", "V", "A"]
    qtbot.waitUntil(lambda: points(page, "Voltaje A-N") >= 3, timeout=10000)
    _, volts = page.plots.curves["Voltaje A-N"].getData()
    assert 200 < float(volts[-1]) < 240
    assert len(page.plots.plots) == 3
    first = page.plots.plots[0].getPlotItem().getViewBox()
    assert all(p.getPlotItem().getViewBox().linkedView(0) is first for p in page.plots.plots[1:])
    assert page.plots.plots[0].getPlotItem().getAxis("left").labelText == "Active power (kW)"

    page.picker.set_selected([*DEFAULTS, "Factor de potencia total"])
    assert [g.unit for g in page.plots.groups] == ["kW", "V", "A", "Sin unidad"]
    assert polled.settings.get(PLOT_SENSORS)[-1] == "Factor de potencia total"
    qtbot.waitUntil(lambda: points(page, "Factor de potencia total") >= 1, timeout=5000)


def test_pause_stops_the_view_while_the_history_fills(
    qtbot: QtBot, polled: Session, translations: object
) -> None:
    page = shown_page(qtbot, polled)
    qtbot.waitUntil(lambda: points(page, "Corriente A") >= 2, timeout=10000)
    page.pause_button.click()
    assert page.paused
    assert page.counts.text().startswith("Paused")
    drawn, kept = points(page, "Corriente A"), len(page.history)
    qtbot.waitUntil(lambda: len(page.history) >= kept + 3, timeout=10000)
    assert points(page, "Corriente A") == drawn

    page.pause_button.click()
    assert points(page, "Corriente A") >= drawn + 3


def test_the_history_keeps_filling_while_the_page_is_hidden(
    qtbot: QtBot, polled: Session, translations: object
) -> None:
    page = shown_page(qtbot, polled)
    qtbot.waitUntil(lambda: points(page, "Corriente A") >= 1, timeout=10000)
    page.hide()  # the installer went to another step
    drawn, kept = points(page, "Corriente A"), len(page.history)
    qtbot.waitUntil(lambda: len(page.history) >= kept + 3, timeout=10000)
    assert points(page, "Corriente A") == drawn  # no redraws nobody sees
    page.show()
    qtbot.waitUntil(lambda: points(page, "Corriente A") >= kept + 3, timeout=5000)


def stop_right_after_a_redraw_is_scheduled(
    qtbot: QtBot, page: PlotPage, session: Session, stop: Callable[[], object]
) -> int:
    """Call `stop` in the same GUI tick as the page schedules a redraw for a new reading (its
    slot runs first), let three more readings arrive, and return the points drawn before."""
    seen: list[int] = []

    def stop_now(_reading: object) -> None:
        if not seen:
            seen.append(points(page, "Corriente A"))
            stop()

    session.reading_arrived.connect(stop_now)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    kept = len(page.history)
    qtbot.waitUntil(lambda: len(page.history) >= kept + 3, timeout=10000)
    session.reading_arrived.disconnect(stop_now)
    return seen[0]


def test_a_redraw_scheduled_before_a_hide_or_a_pause_never_runs(
    qtbot: QtBot, polled: Session, translations: object
) -> None:
    page = shown_page(qtbot, polled)
    qtbot.waitUntil(lambda: points(page, "Corriente A") >= 2, timeout=10000)
    before = stop_right_after_a_redraw_is_scheduled(qtbot, page, polled, page.hide)
    assert points(page, "Corriente A") == before  # nobody saw it: nothing drawn
    page.show()
    qtbot.waitUntil(lambda: points(page, "Corriente A") > before, timeout=5000)

    before = stop_right_after_a_redraw_is_scheduled(qtbot, page, polled, page.pause_button.click)
    assert points(page, "Corriente A") == before  # paused: the view holds still
    page.pause_button.click()
    assert points(page, "Corriente A") > before


def redraws_in(qtbot: QtBot, page: PlotPage, seconds: float) -> int:
    drawn: list[float] = []
    draw = page.plots.draw

    def counted(*args: Any, **kwargs: Any) -> int:
        drawn.append(time.monotonic())
        return draw(*args, **kwargs)

    page.plots.draw = counted  # type: ignore[method-assign]
    qtbot.wait(int(seconds * 1000))
    page.plots.draw = draw  # type: ignore[method-assign]
    return len(drawn)


def test_redraws_follow_what_a_pixel_can_show_not_every_reading(
    qtbot: QtBot, polled: Session, translations: object
) -> None:
    page = shown_page(qtbot, polled)  # readings at 10 Hz
    qtbot.waitUntil(lambda: points(page, "Corriente A") >= 2, timeout=10000)
    page.span_choice.setCurrentIndex(2)  # 24 hours: a pixel is about a minute and a half
    assert 1 <= redraws_in(qtbot, page, 3.0) <= 5  # the newest value once a second
    page.span_choice.setCurrentIndex(0)  # 5 minutes: a pixel is about a third of a second
    assert 4 <= redraws_in(qtbot, page, 3.0) <= 14  # not 30


def test_csv_export_reads_back(
    qtbot: QtBot, polled: Session, translations: object, tmp_path: Path
) -> None:
    page = shown_page(qtbot, polled)
    qtbot.waitUntil(lambda: points(page, "Voltaje A-N") >= 3, timeout=10000)
    page.pause_button.click()  # hold the view: the export is what the plots show
    shown_range = page.plots.visible_range()
    assert shown_range is not None
    shown = page.history.window(*shown_range, sensors=["Voltaje A-N"]).copy()
    path = tmp_path / "lecturas.csv"
    job = page.export_csv(path, CsvFormat(";", ","))
    with qtbot.waitSignal(job.finished, timeout=10000):
        pass
    assert job.result() == len(shown) >= 3
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f, delimiter=";"))
    header, rows = table[0], table[1:]
    assert header[0].startswith("Local time (")
    assert header[1] == "UTC"
    assert "Corriente A (A)" in header
    assert "Potencia activa total instantánea (kW)" in header
    assert len(rows) == job.result()
    column = header.index("Voltaje A-N (V)")
    volts = [float(row[column].replace(",", ".")) for row in rows]
    assert np.allclose(volts, shown.values["Voltaje A-N"], rtol=1e-9)
    assert rows[0][1].endswith("Z")
    assert "Saved lecturas.csv." in page.banner.what.text()


def test_png_export_is_an_image(
    qtbot: QtBot, polled: Session, translations: object, tmp_path: Path
) -> None:
    page = shown_page(qtbot, polled)
    qtbot.waitUntil(lambda: points(page, "Corriente A") >= 2, timeout=10000)
    path = tmp_path / "plot.png"
    assert page.export_png(path)
    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() > 300
    assert image.height() > 300
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_window_choice_is_remembered(qtbot: QtBot, session: Session, translations: object) -> None:
    page = shown_page(qtbot, session)
    page.span_choice.setCurrentIndex(2)
    assert page.window_s == 86_400
    page.save_settings()
    assert session.settings.get(PLOT_WINDOW_S) == 86_400
    assert PlotPage.build(session).window_s == 86_400


def fill_day(page: PlotPage, sensors: list[str]) -> None:
    """A day at 1 Hz of made-up values (a drawing cost test needs no meter)."""
    t0 = time.time() - DAY_S
    rng = np.random.default_rng(1)
    noise = rng.normal(0, 1, size=(86_400, len(sensors)))
    for i in range(86_400):
        page.history.append(t0 + i, dict(zip(sensors, (230 + noise[i]).tolist(), strict=True)))


def test_a_day_at_one_hertz_draws_few_points(
    qtbot: QtBot, session: Session, translations: object
) -> None:
    page = shown_page(qtbot, session)
    fill_day(page, DEFAULTS)
    page.span_choice.setCurrentIndex(2)  # 24 hours
    width = page.plots.plots[0].getPlotItem().getViewBox().width()
    assert page.last_drawn <= len(DEFAULTS) * 2 * max(100, width)
    page.redraw()  # its cost is the benchmark's business, below
    assert 0 < page.last_drawn <= len(DEFAULTS) * 2 * max(100, width)
