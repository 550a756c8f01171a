"""Start-up and shut-down of the whole app, with and without the demo wiring."""

from __future__ import annotations

import time

from pytestqt.qtbot import QtBot

from app.core.api import ApiState
from app.core.meter.links import LinkState
from app.gui.app import launch
from app.gui.bridge import CoreBridge
from app.gui.i18n import Language
from app.gui.settings import DEVICE_NUMBER, ENVIRONMENT, METER_PROFILE, METER_URI, Settings


def alive(bridge: CoreBridge) -> bool:
    return bridge.running


def test_launch_and_shut_down(qtbot: QtBot) -> None:
    running = launch(language=Language.ENGLISH)
    running.window.show()
    qtbot.waitExposed(running.window)
    assert alive(running.bridge)
    assert running.window.windowTitle() == "Medido"
    assert running.shut_down(timeout=5.0)
    assert not alive(running.bridge)
    assert running.shut_down()  # twice is fine


def test_demo_shows_a_working_meter_within_seconds(qtbot: QtBot) -> None:
    started = time.monotonic()
    running = launch(demo=True, language=Language.ENGLISH)
    try:
        session = running.session
        running.window.show()
        qtbot.waitUntil(
            lambda: session.device is not None and session.latest_reading is not None,
            timeout=15000,
        )
        assert time.monotonic() - started < 10
        assert session.device is not None
        assert session.device.number == "29"
        assert session.api_status.state is ApiState.READY
        assert session.link is not None
        assert session.link.state is LinkState.CONNECTED
        assert session.latest_reading is not None
        assert session.latest_reading.ok
        assert "demo" in running.window.windowTitle()
        assert running.window.status.api.text.text().startswith("ChileMedido: connected")
        assert running.window.status.link.text.text() == "Meter: connected"
        # The demo's addresses are in its own settings file, not the installer's.
        demo_settings = Settings.open(demo=True)
        assert demo_settings.get(ENVIRONMENT) == "emulator"
        assert demo_settings.get(DEVICE_NUMBER) == "29"
        assert demo_settings.get(METER_PROFILE) == "eastron-sdm630"
        assert demo_settings.get(METER_URI).startswith("tcp://127.0.0.1:")
        assert Settings.open().get(METER_URI) == ""
        emulator = running.demo
        assert emulator is not None
    finally:
        assert running.shut_down(timeout=5.0)
    assert not emulator.emulator.running
