"""The session against the real emulator (HTTP on loopback) and simulator (Modbus TCP)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.api import ApiState, ApiStatus, ChileMedidoClient, Environment
from app.core.meter.links import LinkEvent, LinkState
from app.core.meter.meter_uri import parse_meter_uri
from app.core.meter.reading import MeterReading
from app.core.meter.session import MeterSession
from app.core.traffic import Channel
from app.emulator.server import EmulatorServer
from app.gui.session import Session
from app.simulator import MeterSimulator
from tests.fixtures.simulator import make_meter
from tests.gui.conftest import on_loop


def on_gui_thread() -> bool:
    app = QApplication.instance()
    assert app is not None
    return QThread.currentThread() is app.thread()


def test_api_state_follows_the_client(
    qtbot: QtBot, session: Session, emulator: EmulatorServer
) -> None:
    statuses: list[tuple[ApiState, bool]] = []
    session.api_state_changed.connect(
        lambda status: statuses.append((status.state, on_gui_thread()))
    )
    client = ChileMedidoClient(
        Environment.emulator(emulator.base_url), remember_tokens=False, traffic=session.traffic
    )
    logged_in = [session.logged_in]  # a list: mypy would narrow a property it saw asserted
    session.set_api(client)
    assert session.api is client
    assert statuses == [(ApiState.LOGGED_OUT, True)]
    logged_in.append(session.logged_in)

    with qtbot.waitSignal(
        session.api_state_changed,
        timeout=10000,
        check_params_cb=lambda status: status.state is ApiState.READY,
    ):
        session.bridge.submit(client.login(emulator.issue_refresh_token()))
    assert (ApiState.LOGGING_IN, True) in statuses
    assert statuses[-1] == (ApiState.READY, True)
    logged_in.append(session.logged_in)
    status = session.api_status
    assert isinstance(status, ApiStatus)
    assert status.gateway == "2"
    assert status.access_expires_at is not None
    assert any(e.channel is Channel.HTTP for e in session.traffic.entries())

    session.set_api(None)
    assert session.api_status.state is ApiState.LOGGED_OUT
    logged_in.append(session.logged_in)
    assert logged_in == [False, False, True, False]


def test_polling_a_simulated_meter(qtbot: QtBot, session: Session) -> None:
    meter = make_meter("eastron-sdm630")
    simulator = MeterSimulator({1: meter})
    port = on_loop(session.bridge, simulator.start_tcp("127.0.0.1", 0))
    try:
        uri = parse_meter_uri(f"tcp://127.0.0.1:{port}?unit=1")
        metered = MeterSession(uri, meter.profile, traffic=session.traffic)
        link = metered.link
        events: list[LinkEvent] = []
        session.link_state_changed.connect(events.append)
        session.set_meter(metered)
        readings: list[MeterReading] = []
        session.reading_arrived.connect(readings.append)

        with qtbot.waitSignal(session.polling_changed, timeout=1000):
            session.start_polling(interval_s=0.1)
        qtbot.waitUntil(lambda: len(readings) >= 2, timeout=10000)
        assert session.polling
        assert session.latest_reading is readings[-1]
        assert readings[-1].ok
        expected = meter.expected_values()
        compared = 0
        for name, value in readings[-1].values.items():
            want = expected.get(name)
            if value is not None and want is not None:
                assert abs(value - want) <= 1e-3 * max(1.0, abs(want))
                compared += 1
        assert compared >= 10
        assert LinkState.CONNECTED in [e.state for e in events]

        with qtbot.waitSignal(session.polling_changed, check_params_cb=lambda on: not on):
            session.stop_polling()
        count = len(readings)
        qtbot.wait(400)
        assert len(readings) <= count + 1  # at most one poll already under way
        assert any(e.channel is Channel.MODBUS for e in session.traffic.entries())

        assert len(session.history) >= len(readings) >= 2  # the meter session kept them all
        session.set_meter(MeterSession(uri, meter.profile))  # the old one closes on the loop
        qtbot.waitUntil(lambda: link.state is LinkState.DISCONNECTED, timeout=5000)
    finally:
        on_loop(session.bridge, simulator.stop())


def test_address_base_is_0_or_1(session: Session) -> None:
    session.set_address_base(1)
    assert session.address_base == 1
    with pytest.raises(ValueError, match="0 or 1"):
        session.set_address_base(2)
    assert session.address_base == 1
