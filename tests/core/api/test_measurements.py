"""POST /measurements against the emulator: the seed's upload, limits, warnings, isolation."""

from __future__ import annotations

import pytest

from app.core.api import (
    ChileMedidoClient,
    DeviceMeasurements,
    InvalidMeasurement,
    Measure,
    MeterNotFound,
    RejectedMeasurement,
    UploadResult,
)
from tests.core.api.conftest import Admin
from tests.core.api.seed import SEED_SENSORS, SEED_TIMESTAMP


def seed_measure(timestamp: int = SEED_TIMESTAMP) -> Measure:
    return Measure(timestamp, dict.fromkeys(SEED_SENSORS, 1))


async def test_seed_upload_is_stored(api: ChileMedidoClient, admin: Admin) -> None:
    result = await api.post_measurements([DeviceMeasurements("29", [seed_measure()])])
    assert result == UploadResult(success=True, warnings=(), status=201)
    stored = await admin.measurements("29")
    assert len(stored) == 30
    assert {row["sensorName"] for row in stored} == set(SEED_SENSORS)
    assert {row["timestamp"] for row in stored} == {SEED_TIMESTAMP}
    assert {row["sensorValue"] for row in stored} == {1}


async def test_sending_twice_stores_once(api: ChileMedidoClient, admin: Admin) -> None:
    batch = DeviceMeasurements("29", [seed_measure()])
    await api.post_measurements([batch])
    await api.post_measurements([batch])
    assert len(await admin.measurements("29")) == 30


async def test_a_hundred_measures_pass_and_101_are_rejected(
    api: ChileMedidoClient, admin: Admin
) -> None:
    hundred = [Measure(SEED_TIMESTAMP + 60 * i, {"Corriente A": float(i)}) for i in range(100)]
    assert (await api.post_measurements([DeviceMeasurements("29", hundred)])).success
    await admin.reset()
    too_many = [*hundred, Measure(SEED_TIMESTAMP + 6000, {"Corriente A": 1.0})]
    with pytest.raises(RejectedMeasurement) as caught:
        await api.post_measurements([DeviceMeasurements("29", too_many)])
    error = caught.value
    assert error.status == 400
    assert error.server_message is not None
    assert "101" in error.server_message
    assert error.server_message in str(error)
    assert await admin.measurements() == []


async def test_a_span_over_a_day_is_rejected(api: ChileMedidoClient) -> None:
    measures = [seed_measure(SEED_TIMESTAMP), seed_measure(SEED_TIMESTAMP + 86_401)]
    with pytest.raises(RejectedMeasurement, match="86401"):
        await api.post_measurements([DeviceMeasurements("29", measures)])


async def test_an_unknown_sensor_is_a_warning(api: ChileMedidoClient, admin: Admin) -> None:
    values = {"Corriente A": 2.5, "Sensor que no existe": 1.0}
    result = await api.post_measurements(
        [DeviceMeasurements("29", [Measure(SEED_TIMESTAMP, values)])]
    )
    assert result.success
    assert len(result.warnings) == 1
    assert "Sensor que no existe" in result.warnings[0]
    assert [r["sensorName"] for r in await admin.measurements("29")] == ["Corriente A"]


async def test_unknown_number_is_meter_not_found(api: ChileMedidoClient) -> None:
    with pytest.raises(MeterNotFound) as caught:
        await api.post_measurements([DeviceMeasurements("no-such-meter", [seed_measure()])])
    assert caught.value.status == 404
    assert "no-such-meter" in (caught.value.server_message or "")


async def test_a_bad_value_is_refused_before_anything_is_sent(
    api: ChileMedidoClient, admin: Admin
) -> None:
    await admin.reset()
    bad = Measure(SEED_TIMESTAMP, {"Corriente A": float("nan")})
    with pytest.raises(InvalidMeasurement):
        await api.post_measurements([DeviceMeasurements("29", [bad])])
    assert await admin.requests("POST /measurements") == 0


async def test_a_body_already_serialised_goes_out_as_it_is_after_a_refresh_too(
    api: ChileMedidoClient, admin: Admin
) -> None:
    import json

    text = json.dumps([DeviceMeasurements("29", [seed_measure()]).to_json()], ensure_ascii=False)
    await admin.revoke_access_tokens()  # the first try gets a 401: one refresh, one retry
    result = await api.post_measurements_json(text)
    assert result == UploadResult(success=True, warnings=(), status=201)
    stored = await admin.measurements("29")
    assert {row["sensorName"] for row in stored} == set(SEED_SENSORS)  # accents intact
