"""The whole app as an installer leaves it: the main window on the Plot page, 30 sensors of a
simulated SDM630 (Modbus TCP on the core loop) shown, a day of readings already in the history.

    with SiteOnScreen() as site:
        site.start_polling(0.1)
        site.plot_page.span_choice.setCurrentIndex(2)  # 24 hours
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Coroutine
from types import TracebackType
from typing import Any, Self

from app.core.meter.meter_uri import parse_meter_uri
from app.core.meter.profile_loader import default_library
from app.core.meter.session import MeterSession
from app.gui.app import make_application
from app.gui.bridge import CoreBridge
from app.gui.i18n import Language, Translations
from app.gui.main_window import MainWindow
from app.gui.session import Session
from app.gui.settings import Settings
from app.gui.steps.plot.page import PlotPage
from app.simulator import MeterSimulator, SimulatedMeter
from bench.plot_redraw import day_of_readings

PROFILE = "eastron-sdm630"
SENSORS = 30
WINDOW_SIZE = (1280, 800)


class SiteOnScreen:
    def __init__(self) -> None:
        self.app = make_application()  # as the app makes it (the GIL switch interval too)
        self.bridge = CoreBridge()
        self.bridge.start()
        self.session = Session(self.bridge, Settings.open())
        self.translations = Translations()
        self.translations.apply(Language.SPANISH)
        self.window = MainWindow.with_session(self.session, self.translations)
        self.window.resize(*WINDOW_SIZE)
        self.window.show()
        page = self.window.stack.page("plot")  # built now, not while something is timed
        assert isinstance(page, PlotPage)
        self.plot_page = page
        profile = default_library().get(PROFILE)
        self.sensors = list(profile.sensor_names)[:SENSORS]
        self.simulator = MeterSimulator({1: SimulatedMeter(profile)})
        port = self.on_loop(self.simulator.start_tcp("127.0.0.1", 0))
        self.history = day_of_readings(self.sensors, end=time.time())
        uri = parse_meter_uri(f"tcp://127.0.0.1:{port}?unit=1")
        self.session.set_meter(MeterSession(uri, profile, history=self.history))

    def __enter__(self) -> Self:
        self.window.show_step("plot")
        self.plot_page.picker.set_selected(self.sensors)
        return self

    def start_polling(self, interval_s: float) -> None:
        self.session.start_polling(interval_s=interval_s)

    def on_loop[T](self, work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, self.bridge.loop).result(10)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.session.stop_polling()
        self.on_loop(self.simulator.stop())
        self.window.close()
        self.session.close()
        self.bridge.shutdown(timeout=5.0)
