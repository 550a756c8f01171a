"""A test upload from a real reading (simulated SDM630) to the real emulator, and its history."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from app.core.api import ChileMedidoClient, Environment, RejectedMeasurement
from app.core.clock.drift import Offset
from app.core.meter.links import TcpLink
from app.core.meter.profile_loader import default_library
from app.core.meter.reader import MeterReader
from app.core.meter.reading import MeterReading
from app.core.upload.attempt import prepare_upload, send_batches
from app.core.upload.history import UploadHistory
from app.emulator.server import EmulatorServer
from tests.fixtures.simulator import SimTcpFactory

SDM630 = default_library().get("eastron-sdm630")


@pytest.fixture
async def api(emulator: EmulatorServer) -> AsyncIterator[ChileMedidoClient]:
    client = ChileMedidoClient(
        Environment.emulator(emulator.base_url), remember_tokens=False, trust_env=False
    )
    await client.login(emulator.issue_refresh_token())
    yield client
    await client.aclose()


@pytest.fixture
async def reading(meter_sim_tcp: SimTcpFactory) -> MeterReading:
    sim = await meter_sim_tcp(SDM630)
    link = TcpLink(sim.host, sim.port)
    polled = await MeterReader(link, SDM630, 1).poll()
    await link.close()
    assert polled.ok
    return polled


def stored(emulator: EmulatorServer, number: str) -> list[dict[str, object]]:
    answer = httpx.get(
        f"{emulator.root_url}/_emulator/measurements", params={"deviceNumber": number}
    )
    rows: list[dict[str, object]] = answer.json()
    return rows


async def test_prepare_stamps_on_the_servers_clock(
    api: ChileMedidoClient, reading: MeterReading
) -> None:
    device = await api.device_by_number("29")
    laptop_now = reading.at.timestamp()
    plain = prepare_upload(reading, device, now=laptop_now)
    shifted = prepare_upload(reading, device, server_offset=Offset(30.4, 0.01), now=laptop_now)
    assert plain.sendable
    assert shifted.sendable
    assert shifted.batch.measures[0].timestamp == round(reading.at.timestamp() + 30.4)
    assert plain.batch.measures[0].timestamp == round(reading.at.timestamp())
    assert shifted.validation.problems == ()
    far = prepare_upload(reading, device, server_offset=Offset(3600.0, 0.01), now=laptop_now - 3600)
    assert not far.sendable  # an hour ahead of the server's "now": a wrong clock
    assert far.validation.errors[0].code == "measurement.timestamp_in_future"


async def test_send_stores_and_remembers(
    api: ChileMedidoClient, reading: MeterReading, emulator: EmulatorServer, tmp_path: Path
) -> None:
    device = await api.device_by_number("29")
    prepared = prepare_upload(reading, device)
    history = UploadHistory(tmp_path / "uploads.sqlite3")
    attempt = await send_batches(api, [prepared.batch], history)
    assert attempt.stored
    assert attempt.error is None
    assert attempt.history_error is None
    assert attempt.result is not None
    assert attempt.result.status == 201
    assert attempt.explanations == ()
    assert attempt.record.id is not None
    assert attempt.record.base_url == emulator.base_url
    rows = stored(emulator, "29")
    measure = prepared.batch.measures[0]
    assert {r["sensorName"]: r["sensorValue"] for r in rows} == dict(measure.values)
    assert {r["timestamp"] for r in rows} == {measure.timestamp}
    (remembered,) = await history.recent()
    assert remembered.body == prepared.batch.to_json(pretty=False)
    assert remembered.status == 201
    assert remembered.success


async def test_unconfigured_sensors_come_back_as_explained_warnings(
    api: ChileMedidoClient, reading: MeterReading, tmp_path: Path
) -> None:
    device = await api.device_by_number("30")  # five sensors
    prepared = prepare_upload(reading, device, include_unconfigured=True)
    assert prepared.batch.unconfigured
    attempt = await send_batches(api, [prepared.batch], UploadHistory(tmp_path / "h.sqlite3"))
    assert attempt.stored
    assert attempt.result is not None
    assert attempt.result.warnings
    explained = {e.sensor for e in attempt.explanations}
    assert explained == set(prepared.batch.unconfigured)
    assert {e.code for e in attempt.explanations} == {"upload.sensor_not_configured"}
    assert attempt.record.warnings == attempt.result.warnings


async def test_a_rejection_is_recorded_with_the_servers_words(
    api: ChileMedidoClient, reading: MeterReading, emulator: EmulatorServer, tmp_path: Path
) -> None:
    rule = {
        "kind": "status",
        "status": 422,
        "endpoint": "POST /measurements",
        "times": 1,
        "message": "sensorValue debe ser un número finito",
    }
    httpx.post(f"{emulator.root_url}/_emulator/failures", json=rule).raise_for_status()
    device = await api.device_by_number("29")
    prepared = prepare_upload(reading, device)
    history = UploadHistory(tmp_path / "uploads.sqlite3")
    attempt = await send_batches(api, [prepared.batch], history)
    assert not attempt.stored
    assert attempt.result is None
    assert isinstance(attempt.error, RejectedMeasurement)
    assert attempt.error.server_message == "sensorValue debe ser un número finito"
    assert stored(emulator, "29") == []
    (remembered,) = await history.recent()
    assert (remembered.status, remembered.success) == (422, False)
    assert remembered.error_code == "measurement_rejected"
    assert "número finito" in remembered.errors[0]


async def test_a_broken_history_does_not_hide_the_upload(
    api: ChileMedidoClient, reading: MeterReading, tmp_path: Path
) -> None:
    device = await api.device_by_number("29")
    prepared = prepare_upload(reading, device)
    (tmp_path / "uploads.sqlite3").mkdir()  # a folder where the file should be
    attempt = await send_batches(api, [prepared.batch], UploadHistory(tmp_path / "uploads.sqlite3"))
    assert attempt.stored
    assert attempt.history_error is not None
    assert attempt.history_error.code == "history.unusable"
    assert attempt.record.id is None
    unrecorded = await send_batches(api, [prepared.batch], None)
    assert unrecorded.stored
    assert unrecorded.record.id is None
