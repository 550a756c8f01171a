"""The Upload page against the real emulator (HTTP) and a simulated meter (Modbus TCP)."""

from __future__ import annotations

import html
import json
import re

import httpx
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.core.api import Device
from app.core.clock.drift import Offset
from app.emulator.server import EmulatorServer
from app.gui.i18n import Language, Translations
from app.gui.session import Session
from app.gui.steps.step import StepState
from app.gui.steps.upload.page import UploadPage
from tests.fixtures.gui_world import connect_meter, log_in, poll_once
from tests.gui.conftest import on_loop


def build(qtbot: QtBot, session: Session) -> UploadPage:
    page = UploadPage.build(session)
    qtbot.addWidget(page)
    page.show()
    return page


def step_state(page: UploadPage) -> StepState:
    return page.state  # read afresh (a bare property would be narrowed by mypy)


def ready(qtbot: QtBot, session: Session, emulator: EmulatorServer, number: str = "29") -> Device:
    """Logged in, meter `number` looked up, one reading of a simulated SDM630 published."""
    client = log_in(qtbot, session, emulator)
    device = on_loop(session.bridge, client.device_by_number(number))
    session.set_device(device)
    connect_meter(session, "eastron-sdm630")
    poll_once(qtbot, session)
    return device


def cell(page: UploadPage, row: int, column: int) -> str:
    item = page.history_view.table.item(row, column)
    assert item is not None
    return item.text()


def left_out(page: UploadPage) -> dict[str, str]:
    tree = page.preview.omitted
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return {item.text(0): item.text(1) for item in items if item is not None}


def send(qtbot: QtBot, page: UploadPage) -> None:
    assert page.send_button.isEnabled()
    page.send_button.click()
    assert page.busy
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)


def stored(emulator: EmulatorServer, number: str) -> list[dict[str, object]]:
    url = f"{emulator.root_url}/_emulator/measurements"
    rows: list[dict[str, object]] = httpx.get(url, params={"deviceNumber": number}).json()
    return rows


def test_preview_is_exactly_what_is_sent_and_is_stored(
    qtbot: QtBot, session: Session, emulator: EmulatorServer
) -> None:
    ready(qtbot, session, emulator)
    page = build(qtbot, session)
    assert page.prepared is not None
    batch = page.prepared.batch
    assert page.preview.json.toPlainText() == batch.to_json()
    assert page.preview.json.isReadOnly()
    assert not page.hint.isVisible()
    send(qtbot, page)
    assert step_state(page) is StepState.OK
    assert page.banner.what.text() == "ChileMedido stored the test measurement."
    assert "HTTP 201" in page.answer.text()
    rows = stored(emulator, "29")
    measure = batch.measures[0]
    assert {r["sensorName"]: r["sensorValue"] for r in rows} == dict(measure.values)
    assert {r["timestamp"] for r in rows} == {measure.timestamp}
    qtbot.waitUntil(lambda: page.history_view.table.rowCount() == 1, timeout=5000)
    assert cell(page, 0, 3) == "201"
    assert cell(page, 0, 4) == "Stored"
    assert json.loads(page.history_view.body.toPlainText()) == batch.body()


def test_the_clock_pages_offset_stamps_the_measurement(
    qtbot: QtBot, session: Session, emulator: EmulatorServer
) -> None:
    ready(qtbot, session, emulator)
    page = build(qtbot, session)
    reading = session.latest_reading
    assert reading is not None
    assert "laptop's clock" in page.source.text()
    session.set_server_offset(Offset(30.4, 0.01))
    assert page.prepared is not None
    assert page.prepared.batch.measures[0].timestamp == round(reading.at.timestamp() + 30.4)
    assert "ChileMedido's clock" in page.source.text()


def test_a_five_sensor_meter_lists_what_is_left_out_and_explains_warnings(
    qtbot: QtBot, session: Session, emulator: EmulatorServer
) -> None:
    device = ready(qtbot, session, emulator, "30")
    assert len(device.sensors) == 5
    page = build(qtbot, session)
    assert page.prepared is not None
    omitted = left_out(page)
    reading = session.latest_reading
    assert reading is not None
    assert set(omitted) == set(reading.values) - set(device.sensor_names)
    assert all("Not configured for this meter" in why for why in omitted.values())
    page.unconfigured.setChecked(True)
    extra = page.prepared.batch.unconfigured
    assert extra
    assert page.preview.omitted.topLevelItemCount() == 0
    send(qtbot, page)
    assert step_state(page) is StepState.WARNING
    answer = html.unescape(page.answer.text())
    for name in extra:
        assert f'does not have "{name}" configured' in answer
    assert page.banner.what.text() == "ChileMedido stored the test measurement, with warnings."


def test_a_rejection_shows_the_servers_message_and_keeps_the_batch(
    qtbot: QtBot, session: Session, emulator: EmulatorServer
) -> None:
    ready(qtbot, session, emulator)
    page = build(qtbot, session)
    rule = {
        "kind": "status",
        "status": 422,
        "endpoint": "POST /measurements",
        "times": 1,
        "message": "sensorValue debe ser un número finito",
    }
    httpx.post(f"{emulator.root_url}/_emulator/failures", json=rule).raise_for_status()
    assert page.prepared is not None
    refused = page.prepared.batch
    send(qtbot, page)
    assert step_state(page) is StepState.ERROR
    assert page.banner.what.text() == "ChileMedido refused the measurement."
    assert "sensorValue debe ser un número finito" in page.banner.details.text()
    assert "sensorValue debe ser un número finito" in html.unescape(page.answer.text())
    assert stored(emulator, "29") == []
    # The refused batch stays, frozen against new readings, ready to send again.
    assert page.freeze.isChecked()
    poll_once(qtbot, session)
    assert page.prepared.batch == refused
    send(qtbot, page)
    assert step_state(page) is StepState.OK
    assert len(stored(emulator, "29")) == len(refused.measures[0].values)
    qtbot.waitUntil(lambda: page.history_view.table.rowCount() == 2, timeout=5000)
    newest, oldest = cell(page, 0, 3), cell(page, 1, 3)
    assert (newest, oldest) == ("201", "422")
    assert cell(page, 1, 4).startswith("Not stored:")


def test_an_unknown_meter_is_meter_not_found(
    qtbot: QtBot, session: Session, emulator: EmulatorServer
) -> None:
    device = ready(qtbot, session, emulator)
    session.set_device(Device(999, "no-such-meter", device.sensors))
    page = build(qtbot, session)
    send(qtbot, page)
    assert step_state(page) is StepState.ERROR
    assert page.banner.what.text() == "ChileMedido has no meter with that number."


def test_pointers_when_something_is_missing(
    qtbot: QtBot, session: Session, emulator: EmulatorServer
) -> None:
    page = build(qtbot, session)
    assert 'href="connection"' in page.hint.text()
    assert not page.send_button.isEnabled()
    client = log_in(qtbot, session, emulator)
    assert 'href="device"' in page.hint.text()
    session.set_device(on_loop(session.bridge, client.device_by_number("29")))
    assert 'href="meter"' in page.hint.text()
    asked: list[str] = []
    session.step_requested.connect(asked.append)
    page.hint.linkActivated.emit("meter")
    assert asked == ["meter"]
    assert not page.send_button.isEnabled()
    assert page.preview.json.toPlainText() == ""


def test_an_expired_session_is_explained(
    qtbot: QtBot, session: Session, emulator: EmulatorServer
) -> None:
    ready(qtbot, session, emulator)
    page = build(qtbot, session)
    httpx.post(f"{emulator.root_url}/_emulator/revoke-access-tokens").raise_for_status()
    rule = {"kind": "status", "status": 401, "endpoint": "POST /auth/token/refresh", "times": 1}
    httpx.post(f"{emulator.root_url}/_emulator/failures", json=rule).raise_for_status()
    send(qtbot, page)
    assert step_state(page) is StepState.ERROR
    assert page.banner.what.text() == "ChileMedido refused the token."


def test_cancel_a_slow_upload(qtbot: QtBot, session: Session, emulator: EmulatorServer) -> None:
    ready(qtbot, session, emulator)
    page = build(qtbot, session)
    rule = {"kind": "timeout", "endpoint": "POST /measurements", "times": 1, "seconds": 5}
    httpx.post(f"{emulator.root_url}/_emulator/failures", json=rule).raise_for_status()
    page.send_button.click()
    assert page.cancel_button.isEnabled()
    assert not page.send_button.isEnabled()
    page.cancel_button.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=3000)
    assert page.status.text().startswith("Cancelled.")
    assert step_state(page) is StepState.NOT_STARTED
    assert page.send_button.isEnabled()


def test_in_spanish(
    qtbot: QtBot, session: Session, emulator: EmulatorServer, translations: Translations
) -> None:
    ready(qtbot, session, emulator, "30")
    page = build(qtbot, session)
    translations.apply(Language.SPANISH)
    QApplication.sendPostedEvents()
    assert page.send_button.text() == "&Enviar medición de prueba"
    assert page.preview.omitted_title.text().startswith("Omitidas (")
    assert all("No está configurada" in why for why in left_out(page).values())
    send(qtbot, page)
    qtbot.waitUntil(lambda: page.history_view.table.rowCount() > 0, timeout=10000)
    sent = page.history_view.table.item(0, 0)
    assert sent is not None
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d:\d\d", sent.text())  # day first in Spanish


def test_an_unanswered_upload_waits_and_is_sent_now_or_discarded(
    qtbot: QtBot, session: Session, emulator: EmulatorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    ready(qtbot, session, emulator)
    page = build(qtbot, session)
    rule = {"kind": "status", "status": 503, "endpoint": "POST /measurements"}
    httpx.post(f"{emulator.root_url}/_emulator/failures", json=rule).raise_for_status()
    send(qtbot, page)
    assert step_state(page) is StepState.ERROR
    assert "sent again by itself" in page.answer.text()
    qtbot.waitUntil(lambda: page.outbox_panel.isVisible(), timeout=5000)
    assert page.outbox_panel.summary.text().startswith("1 upload(s) (1 measures) wait")
    httpx.delete(f"{emulator.root_url}/_emulator/failures").raise_for_status()
    page.outbox_panel.send_now.click()  # the flusher sends it at once, not after its backoff
    qtbot.waitUntil(lambda: not page.outbox_panel.isVisible(), timeout=5000)
    assert stored(emulator, "29")

    httpx.post(f"{emulator.root_url}/_emulator/failures", json=rule).raise_for_status()
    page.freeze.setChecked(False)
    send(qtbot, page)
    qtbot.waitUntil(lambda: page.outbox_panel.isVisible(), timeout=5000)
    Button = QMessageBox.StandardButton
    asked: list[str] = []

    def answer(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return Button.Discard

    monkeypatch.setattr(QMessageBox, "warning", answer)
    page.outbox_panel.discard.click()
    assert asked == ["Discard waiting uploads"]
    qtbot.waitUntil(lambda: not page.outbox_panel.isVisible(), timeout=5000)
    assert on_loop(session.bridge, session.outbox.waiting()) == []
