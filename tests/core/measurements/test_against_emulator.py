"""The Upload page's path with real parts: a simulated meter read over Modbus TCP, the emulator
over loopback HTTP, the API client, the history file."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

from app.core.api import ChileMedidoClient, Environment, Measure, RejectedMeasurement
from app.core.clock.drift import ClockDrift, ClockSample, sample_server
from app.core.clock.verdict import Comparison, Verdict, judge_drift
from app.core.measurements import MeasurementBatch, OmissionReason, explain_warnings, validate
from app.core.meter.links import TcpLink
from app.core.meter.reader import MeterReader
from app.core.meter.reading import MeterReading
from app.core.traffic import Direction, TrafficLog
from app.core.upload.history import UploadHistory, record_upload
from app.emulator.server import EmulatorServer
from app.emulator.world import default_world
from tests.fixtures.emulator import EmulatorFactory
from tests.fixtures.simulator import SimTcpFactory

SERVER_AHEAD_S = 42.0


@pytest.fixture
def skewed_emulator(emulator_factory: EmulatorFactory) -> EmulatorServer:
    return emulator_factory(replace(default_world(), clock_offset_s=SERVER_AHEAD_S))


@pytest.fixture
def traffic() -> TrafficLog:
    return TrafficLog()


@pytest.fixture
async def api(
    skewed_emulator: EmulatorServer, traffic: TrafficLog
) -> AsyncIterator[ChileMedidoClient]:
    client = ChileMedidoClient(
        Environment.emulator(skewed_emulator.base_url),
        remember_tokens=False,
        trust_env=False,
        traffic=traffic,
    )
    await client.login(skewed_emulator.issue_refresh_token())
    yield client
    await client.aclose()


async def read_meter(meter_sim_tcp: SimTcpFactory) -> MeterReading:
    running = await meter_sim_tcp("eastron-sdm630")
    link = TcpLink(running.host, running.port)
    try:
        await link.connect()
        profile = running.meter.profile
        return await MeterReader(link, profile, running.unit).poll()
    finally:
        await link.close()


async def test_server_clock_offset_is_measured_and_judged(api: ChileMedidoClient) -> None:
    drift = ClockDrift.measure(await sample_server(api, count=3, pause_s=0.01))
    laptop = drift.laptop_vs_server
    assert laptop is not None
    assert laptop.low <= -SERVER_AHEAD_S <= laptop.high
    assert laptop.uncertainty < 0.5
    (verdict,) = judge_drift(drift)
    assert verdict.comparison is Comparison.LAPTOP_VS_SERVER
    assert verdict.verdict is Verdict.WARN  # 42 s: between 5 s and 60 s


async def test_reading_to_upload_to_history(
    api: ChileMedidoClient, skewed_emulator: EmulatorServer, meter_sim_tcp: SimTcpFactory
) -> None:
    reading = await read_meter(meter_sim_tcp)
    assert reading.ok
    device = await api.device_by_number("30")  # the single-phase meter: 5 sensors
    offset = ClockSample.from_server_time(await api.server_time()).server_offset
    batch = MeasurementBatch.from_reading(
        reading, device, server_offset=offset, include_unconfigured=True
    )
    assert set(batch.sensor_names) >= set(device.sensor_names) - {"Voltaje F-N"}
    assert batch.unconfigured  # the SDM630 reads more than meter 30 has configured
    check = validate(batch, now=reading.at.timestamp() + offset.seconds)
    assert check.ok, check.problems

    result = await api.post_measurements([batch.to_api()])
    assert result.success

    # The platform kept exactly the configured values, at the server-clock timestamp.
    stored = skewed_emulator.state.store.query("30")
    measure = batch.measures[0]
    configured = {n: v for n, v in measure.values.items() if n in device.sensor_names}
    assert {r.sensor_name: r.value for r in stored} == pytest.approx(configured)
    assert {r.timestamp for r in stored} == {measure.timestamp}
    assert abs(measure.timestamp - (reading.at.timestamp() + SERVER_AHEAD_S)) <= 1

    # Every ignored value came back as a warning, and each is explained by its sensor.
    notes = explain_warnings(result.warnings, batch.device_number, batch.sensor_names)
    assert {n.sensor for n in notes} == set(batch.unconfigured)
    assert all(n.code == "upload.sensor_not_configured" for n in notes)

    history = UploadHistory()
    await history.add(record_upload([batch], api.environment.base_url, result=result))
    (entry,) = await history.recent()
    assert entry.success
    assert entry.warnings == result.warnings
    assert json.loads(entry.body) == json.loads(batch.to_json())


async def test_the_preview_is_what_went_over_the_wire(
    api: ChileMedidoClient, traffic: TrafficLog, meter_sim_tcp: SimTcpFactory
) -> None:
    reading = await read_meter(meter_sim_tcp)
    device = await api.device_by_number("29")
    batch = MeasurementBatch.from_reading(reading, device)
    assert not [o for o in batch.omitted if o.reason is OmissionReason.NOT_FINITE]
    traffic.clear()
    await api.post_measurements([batch.to_api()])
    sent = [e for e in traffic.entries() if e.direction is Direction.OUT]
    assert len(sent) == 1
    assert sent[0].detail == batch.to_json(pretty=False)


async def test_the_platform_and_the_validation_agree_on_a_day_across_devices(
    api: ChileMedidoClient, skewed_emulator: EmulatorServer
) -> None:
    now = int(skewed_emulator.state.clock.now())
    day = 86_400
    values = {"Corriente A": 3.1}
    early = MeasurementBatch("29", (Measure(now - day - 1, values), Measure(now - day + 5, values)))
    late = MeasurementBatch("30", (Measure(now - 5, values), Measure(now, values)))
    body = [early, late]  # each device within a day; the body a day and a second
    assert [p.code for p in validate(body, now=now).errors] == ["measurement.span_too_long"]
    with pytest.raises(RejectedMeasurement):
        await api.post_measurements([b.to_api() for b in body])
    assert skewed_emulator.state.store.query("29") == []  # refused whole, nothing stored

    within = [early, MeasurementBatch("30", (Measure(now - 1, values),))]
    assert validate(within, now=now).ok
    assert (await api.post_measurements([b.to_api() for b in within])).success
    assert len(skewed_emulator.state.store.query("29")) == 2
    assert len(skewed_emulator.state.store.query("30")) == 1
