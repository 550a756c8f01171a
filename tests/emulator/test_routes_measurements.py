"""POST /measurements over real HTTP: the seed's example, limits, warnings, idempotence."""

from __future__ import annotations

import json

import httpx
import pytest

from app.emulator.server import EmulatorServer
from tests.emulator.seed import (
    SEED_SENSORS,
    SEED_TIMESTAMP,
    assert_error,
    login,
    measures,
    seed_measurement_body,
)

T0 = 1_700_000_000


def test_seed_example_is_stored_once_without_warnings(emulator: EmulatorServer) -> None:
    with login(emulator) as api:
        first = api.post("/measurements", json=seed_measurement_body())
        again = api.post("/measurements", json=seed_measurement_body())
    assert first.status_code == 201
    assert first.json() == {"success": True, "warnings": []}
    assert again.status_code == 201
    rows = emulator.state.measurements(device_number="29", provider="1")
    assert len(rows) == 30  # posting twice stored each (device, timestamp, sensor) once
    assert {r.sensor_name for r in rows} == {name for name, _, _ in SEED_SENSORS}
    assert {(r.device_id, r.timestamp, r.value) for r in rows} == {(29, SEED_TIMESTAMP, 1.0)}


def test_stored_measurements_are_readable_over_http(emulator: EmulatorServer) -> None:
    with login(emulator) as api:
        api.post("/measurements", json=seed_measurement_body())
    listed = httpx.get(f"{emulator.root_url}/_emulator/measurements", params={"deviceNumber": "29"})
    assert listed.status_code == 200
    assert len(listed.json()) == len(emulator.state.measurements()) == 30
    assert listed.json()[0] == {
        "deviceId": 29,
        "deviceNumber": "29",
        "provider": "1",
        "timestamp": SEED_TIMESTAMP,
        "sensorName": "Potencia activa total instantánea",
        "sensorValue": 1.0,
    }


def test_a_later_different_value_replaces_the_stored_one(emulator: EmulatorServer) -> None:
    with login(emulator) as api:
        api.post("/measurements", json=[measures("29", [T0], **{"Corriente A": 1.0})])
        api.post("/measurements", json=[measures("29", [T0], **{"Corriente A": 2.5})])
    rows = emulator.state.measurements()
    assert [(r.sensor_name, r.value) for r in rows] == [("Corriente A", 2.5)]
    assert emulator.state.stats_snapshot()["overwritten_measurements"] == 1


def test_values_received_again_are_counted(emulator: EmulatorServer) -> None:
    with login(emulator) as api:
        api.post("/measurements", json=[measures("29", [T0, T0 + 60], **{"Corriente A": 1.0})])
        api.post("/measurements", json=[measures("29", [T0 + 60], **{"Corriente A": 1.0})])
        api.post("/measurements", json=[measures("29", [T0 + 60], **{"Corriente A": 3.0})])
    stats = httpx.get(f"{emulator.root_url}/_emulator/stats").json()
    assert stats["stored_measurements"] == 2
    assert stats["repeated_measurements"] == 2  # the same value again, then a different one
    assert stats["overwritten_measurements"] == 1
    counts = emulator.state.store.times_received()
    assert counts == {(29, T0, "Corriente A"): 1, (29, T0 + 60, "Corriente A"): 3}
    emulator.state.reset()
    assert emulator.state.stats_snapshot()["repeated_measurements"] == 0


def test_100_measures_pass_and_101_are_rejected(emulator: EmulatorServer) -> None:
    with login(emulator) as api:
        ok = api.post("/measurements", json=[measures("29", [T0 + 60 * i for i in range(100)])])
        # 101 spread over two meters: the limit counts the whole body.
        too_many = api.post(
            "/measurements",
            json=[
                measures("29", [T0 + 60 * i for i in range(200, 260)]),
                measures("30", [T0 + 60 * i for i in range(200, 241)]),
            ],
        )
    assert ok.status_code == 201
    assert "101" in assert_error(too_many, 400)["message"]
    assert len(emulator.state.measurements()) == 100  # nothing of the rejected body was stored


def test_a_span_over_one_day_is_rejected(emulator: EmulatorServer) -> None:
    with login(emulator) as api:
        exactly_a_day = api.post("/measurements", json=[measures("29", [T0, T0 + 86_400])])
        over = api.post("/measurements", json=[measures("29", [T0, T0 + 86_401])])
    assert exactly_a_day.status_code == 201
    assert "86401" in assert_error(over, 400)["message"]


def test_unknown_sensor_is_ignored_with_one_warning(emulator: EmulatorServer) -> None:
    body = [
        measures("30", [T0, T0 + 60], **{"Corriente A": 3.0, "Corriente B": 4.0, "Temperatura": 20})
    ]
    with login(emulator) as api:
        r = api.post("/measurements", json=body)
    assert r.status_code == 201
    warnings = r.json()["warnings"]
    assert len(warnings) == 2  # one per unknown sensor name, not per measure
    assert all('"30"' in w for w in warnings)
    assert any("Corriente B" in w for w in warnings)
    assert any("Temperatura" in w for w in warnings)
    stored = emulator.state.measurements(device_number="30")
    assert {r.sensor_name for r in stored} == {"Corriente A"}
    assert len(stored) == 2


def test_unregistered_meter_is_404_and_nothing_is_stored(emulator: EmulatorServer) -> None:
    with login(emulator) as api:
        r = api.post("/measurements", json=[measures("29", [T0]), measures("999", [T0])])
    assert "999" in assert_error(r, 404)["message"]
    assert emulator.state.measurements() == []


def test_numbers_are_per_provider(emulator: EmulatorServer) -> None:
    """Provider 7's meter "29" (id 4129) is a different meter from provider 1's."""
    with login(emulator, gateway="8") as api:
        r = api.post(
            "/measurements",
            json=[measures("29", [T0], **{"Energía activa acumulada": 5, "Corriente A": 1})],
        )
        assert_error(api.post("/measurements", json=[measures("30", [T0])]), 404)
    assert r.status_code == 201
    assert len(r.json()["warnings"]) == 1  # provider 7's meter has no "Corriente A"
    [row] = emulator.state.measurements(provider="7")
    assert (row.device_id, row.device_number, row.sensor_name) == (
        4129,
        "29",
        "Energía activa acumulada",
    )
    assert emulator.state.measurements(provider="1") == []


@pytest.mark.parametrize("value", ["1", True, None, [1]])
def test_a_value_that_is_not_a_number_is_422(emulator: EmulatorServer, value: object) -> None:
    body = [{"deviceNumber": "29", "measures": [{"timestamp": T0, "sensorValues": [
        {"sensorName": "Corriente A", "sensorValue": value}]}]}]  # fmt: skip
    with login(emulator) as api:
        r = api.post("/measurements", json=body)
    assert "sensorValue" in assert_error(r, 422)["message"]
    assert emulator.state.measurements() == []


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_values_are_422(emulator: EmulatorServer, literal: str) -> None:
    # Python's json writes these non-standard literals; some clients do too.
    value = {"sensorName": "Corriente A", "sensorValue": "VALUE"}
    body = [{"deviceNumber": "29", "measures": [{"timestamp": T0, "sensorValues": [value]}]}]
    content = json.dumps(body).replace('"VALUE"', literal)
    with login(emulator) as api:
        r = api.post("/measurements", content=content, headers={"Content-Type": "application/json"})
    assert "finite" in assert_error(r, 422)["message"]
    assert emulator.state.measurements() == []


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ([], 400),  # no measures at all
        ([{"deviceNumber": "29", "measures": []}], 400),
        ([{"deviceNumber": "29", "measures": [{"timestamp": T0, "sensorValues": []}]}], 400),
        ([{"deviceNumber": 29, "measures": []}], 422),  # the number is text
        ([measures("29", [T0 * 1000])], 422),  # milliseconds, not seconds
        ([measures("29", [-1])], 422),
        ({"deviceNumber": "29", "measures": []}, 422),  # not a list
    ],
)
def test_malformed_bodies_are_rejected(emulator: EmulatorServer, body: object, status: int) -> None:
    with login(emulator) as api:
        assert_error(api.post("/measurements", json=body), status)


def test_measurements_need_a_token(emulator: EmulatorServer) -> None:
    r = httpx.post(f"{emulator.base_url}/measurements", json=seed_measurement_body())
    assert_error(r, 401)
    assert r.headers["www-authenticate"] == "Bearer"
