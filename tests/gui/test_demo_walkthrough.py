"""The installer's whole walk through the main window, against the real emulator (HTTP) and a
simulated Eastron SDM630 (Modbus TCP on the core loop), as `--demo` wires them, but by hand:
log in, look meter 29 up, poll it, plot it, compare clocks, send a test measurement; then ask
the emulator what it stored and the history what it remembers."""

from __future__ import annotations

import httpx
from pytestqt.qtbot import QtBot

from app.core.api import ApiState, EnvironmentKind
from app.core.clock.verdict import Comparison, Verdict
from app.emulator.server import EmulatorServer
from app.gui.demo import DEMO_DEVICE, DEMO_PROFILE
from app.gui.main_window import MainWindow
from app.gui.session import Session
from app.gui.steps.check.page import CheckPage
from app.gui.steps.clock.page import ClockPage
from app.gui.steps.connection.page import ConnectionPage
from app.gui.steps.device.page import DevicePage
from app.gui.steps.meter.page import MeterPage
from app.gui.steps.plot.page import PlotPage
from app.gui.steps.step import StepState
from app.gui.steps.upload.page import UploadPage
from app.simulator import MeterSimulator
from tests.fixtures.simulator import make_meter
from tests.gui.conftest import on_loop

WAIT_MS = 8000
GOOD = (StepState.OK, StepState.WARNING)  # a warning is an honest finding, not a failure


def page[P](window: MainWindow, key: str, kind: type[P]) -> P:
    shown = window.pages[key]
    assert isinstance(shown, kind)
    window.show_step(key)
    return shown


def test_an_installer_walks_every_step(
    qtbot: QtBot, window: MainWindow, session: Session, emulator: EmulatorServer
) -> None:
    meter = make_meter(DEMO_PROFILE)  # frozen clock: the values hold still while we compare
    simulator = MeterSimulator({1: meter})
    port = on_loop(session.bridge, simulator.start_tcp("127.0.0.1", 0))
    session.bridge.add_closer(simulator.stop)
    window.resize(1280, 800)
    window.show()

    # Connection: the emulator's address, a pasted refresh token, log in.
    connection = page(window, "connection", ConnectionPage)
    connection.environment.set_kind(EnvironmentKind.EMULATOR)
    connection.environment.emulator_url.setText(emulator.base_url)
    connection.tokens.token.editor.insertPlainText(emulator.issue_refresh_token())
    connection.tokens.login.click()
    qtbot.waitUntil(lambda: session.api_status.state is ApiState.READY, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: connection.state is StepState.OK, timeout=WAIT_MS)

    # Device: meter "29" by its number.
    device_page = page(window, "device", DevicePage)
    device_page.lookup.query.setText(DEMO_DEVICE)
    device_page.lookup.button.click()
    qtbot.waitUntil(lambda: session.device is not None, timeout=WAIT_MS)
    device = session.device
    assert device is not None
    assert device.number == DEMO_DEVICE
    assert len(device.sensors) == 30

    # Meter: profile, address, connect; polling fills the table.
    meter_page = page(window, "meter", MeterPage)
    meter_page.picker.set_profile_id(DEMO_PROFILE)
    meter_page.link_settings.uri_text.setText(f"tcp://127.0.0.1:{port}?unit=1")
    meter_page.link_settings.apply_uri_text()
    meter_page.controls.interval.setValue(0.2)
    meter_page.controls.connect_button.click()
    qtbot.waitUntil(lambda: session.latest_reading is not None, timeout=WAIT_MS)
    assert session.polling
    assert meter_page.state is StepState.OK
    assert meter_page.model.rowCount() == len(meter.profile.sensors)

    # Plot: the curves have points.
    plot = page(window, "plot", PlotPage)
    qtbot.waitUntil(lambda: _points(plot, "Voltaje A-N") >= 2, timeout=WAIT_MS)
    assert plot.plots.curves

    # Clock: ChileMedido and the laptop agree; the SDM630 has no clock to compare.
    clock = page(window, "clock", ClockPage)
    clock.compare_button.click()
    qtbot.waitUntil(lambda: clock.comparison is not None and not clock.busy, timeout=WAIT_MS)
    assert [(v.comparison, v.verdict) for v in clock.verdicts] == [
        (Comparison.LAPTOP_VS_SERVER, Verdict.PASS)
    ]
    assert clock.view.laptop.offset.text().startswith("Laptop − ChileMedido: ")
    assert clock.view.server.time.text() != "--:--:--"
    assert "has no clock" in clock.view.meter.note.text()
    assert session.server_offset is not None
    assert clock.state is StepState.OK

    # Upload: the current reading, for meter 29's variables, on ChileMedido's clock.
    upload = page(window, "upload", UploadPage)
    upload.freeze.setChecked(True)  # the reading we will compare with
    reading, prepared = upload.reading, upload.prepared
    assert reading is not None
    assert prepared is not None
    assert upload.preview.json.toPlainText() == prepared.batch.to_json()
    assert upload.send_button.isEnabled()
    upload.send_button.click()
    qtbot.waitUntil(lambda: not upload.busy, timeout=WAIT_MS)
    assert upload.state is StepState.OK

    stamp = prepared.batch.measures[0].timestamp
    assert stamp == round(reading.at.timestamp() + session.server_offset.seconds)
    rows = httpx.get(
        f"{emulator.root_url}/_emulator/measurements", params={"deviceNumber": DEMO_DEVICE}
    ).json()
    assert {r["timestamp"] for r in rows} == {stamp}
    stored = {r["sensorName"]: r["sensorValue"] for r in rows}
    expected = {
        name: reading.values[name]
        for name in device.sensor_names
        if reading.values.get(name) is not None
    }
    assert stored == expected
    assert len(stored) >= 25  # the SDM630 reads most of the seed's 30 variables

    qtbot.waitUntil(lambda: upload.history_view.table.rowCount() == 1, timeout=WAIT_MS)
    sent = upload.history_view.records[0]
    assert (sent.device_number, sent.status, sent.success) == (DEMO_DEVICE, 201, True)
    assert sent.base_url == emulator.base_url

    # Check: the whole checklist (the upload again), every step good, the sidebar follows.
    check = page(window, "check", CheckPage)
    check.upload.setChecked(False)  # one upload is enough for this walk
    check.start()
    qtbot.waitUntil(lambda: not check.busy, timeout=WAIT_MS * 2)
    assert check.state in GOOD

    assert {k: window.pages[k].state in GOOD for k in window.pages} == dict.fromkeys(
        window.pages, True
    )


def _points(plot: PlotPage, sensor: str) -> int:
    curve = plot.plots.curves.get(sensor)
    if curve is None:
        return 0
    x, _ = curve.getData()
    return 0 if x is None else len(x)
