from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest

from app.core.api import Device, DeviceMeasurements, InvalidMeasurement, Measure, Sensor
from app.core.clock.drift import Offset
from app.core.measurements import MeasurementBatch, OmissionReason, server_timestamp
from app.core.sensors.dictionary import sensor_dictionary

ALL = tuple(s.name for s in sensor_dictionary())
SEED_DEVICE = Device(29, "29", tuple(Sensor(s.name, s.unit, s.alias) for s in sensor_dictionary()))
SEED_TIMESTAMP = 1566226133

# The seed document's body (step 4, "Subir mediciones"), as it prints it.
SEED_BODY = """[{"deviceNumber": "29", "measures": [{"timestamp": 1566226133, "sensorValues": [
 {"sensorName": "Potencia activa total instantánea", "sensorValue": 1},
 {"sensorName": "Potencia reactiva total instantánea", "sensorValue": 1},
 {"sensorName": "Energía activa acumulada", "sensorValue": 1},
 {"sensorName": "Energía reactiva acumulada", "sensorValue": 1},
 {"sensorName": "Demanda o potencia activa integrada", "sensorValue": 1},
 {"sensorName": "Corriente A", "sensorValue": 1},
 {"sensorName": "Corriente B", "sensorValue": 1},
 {"sensorName": "Corriente C", "sensorValue": 1},
 {"sensorName": "Voltaje A-B", "sensorValue": 1},
 {"sensorName": "Voltaje B-C", "sensorValue": 1},
 {"sensorName": "Voltaje C-A", "sensorValue": 1},
 {"sensorName": "Factor de potencia total", "sensorValue": 1},
 {"sensorName": "Distorsión armónica del Voltaje A-N", "sensorValue": 1},
 {"sensorName": "Distorsión armónica del Voltaje B-N", "sensorValue": 1},
 {"sensorName": "Distorsión armónica del Voltaje C-N", "sensorValue": 1},
 {"sensorName": "Distorsión armónica de la corriente A", "sensorValue": 1},
 {"sensorName": "Distorsión armónica de la corriente B", "sensorValue": 1},
 {"sensorName": "Distorsión armónica de la corriente C", "sensorValue": 1},
 {"sensorName": "Temperatura", "sensorValue": 1},
 {"sensorName": "Potencia activa A instantánea", "sensorValue": 1},
 {"sensorName": "Potencia activa B instantánea", "sensorValue": 1},
 {"sensorName": "Potencia activa C instantánea", "sensorValue": 1},
 {"sensorName": "Energía activa A acumulada", "sensorValue": 1},
 {"sensorName": "Energía activa B acumulada", "sensorValue": 1},
 {"sensorName": "Energía activa C acumulada", "sensorValue": 1},
 {"sensorName": "Corriente N", "sensorValue": 1},
 {"sensorName": "Voltaje F-N", "sensorValue": 1},
 {"sensorName": "Voltaje A-N", "sensorValue": 1},
 {"sensorName": "Voltaje B-N", "sensorValue": 1},
 {"sensorName": "Voltaje C-N", "sensorValue": 1}]}]}]"""


@dataclass(frozen=True)
class Problem:
    code: str
    message: str


@dataclass(frozen=True)
class Reading:
    """The fields of app.core.meter.MeterReading that a batch reads."""

    at: datetime
    values: Mapping[str, float | None]
    problems: Mapping[str, Problem] = field(default_factory=dict)


def test_seed_example_gives_the_seed_body() -> None:
    reading = Reading(datetime.fromtimestamp(SEED_TIMESTAMP, UTC), dict.fromkeys(ALL, 1.0))
    batch = MeasurementBatch.from_reading(reading, SEED_DEVICE)
    assert json.loads(batch.to_json()) == json.loads(SEED_BODY)
    assert batch.omitted == ()
    assert batch.unconfigured == ()
    # Order matters for a faithful preview: the device's order, as the seed prints it.
    names = [v["sensorName"] for v in json.loads(batch.to_json())[0]["measures"][0]["sensorValues"]]
    assert names == [
        v["sensorName"] for v in json.loads(SEED_BODY)[0]["measures"][0]["sensorValues"]
    ]


def test_preview_is_readable_utf8_and_the_compact_form_is_the_wire_bytes() -> None:
    batch = MeasurementBatch.build("29", ALL, dict.fromkeys(ALL, 1.5), SEED_TIMESTAMP)
    pretty = batch.to_json()
    assert "Energía activa acumulada" in pretty  # not "Energ\\u00eda"
    assert "\\u" not in pretty
    assert pretty.startswith('[\n  {\n    "deviceNumber": "29"')
    # What ChileMedidoClient sends: json.dumps(body, ensure_ascii=False) of the same to_json().
    wire = json.dumps([DeviceMeasurements("29", batch.measures).to_json()], ensure_ascii=False)
    assert batch.to_json(pretty=False) == wire
    assert json.loads(pretty) == json.loads(wire)


def test_a_device_with_fewer_sensors_gets_only_its_own() -> None:
    device = Device(30, "30", (Sensor("Corriente A"), Sensor("Voltaje F-N"), Sensor("Temperatura")))
    values: dict[str, float | None] = {name: 2.0 for name in ALL if name != "Temperatura"}
    batch = MeasurementBatch.from_reading(Reading(datetime.now(UTC), values), device)
    assert batch.sensor_names == ("Corriente A", "Voltaje F-N")
    reasons = {o.sensor: o.reason for o in batch.omitted}
    assert reasons["Temperatura"] is OmissionReason.NOT_IN_PROFILE
    unconfigured = [s for s, r in reasons.items() if r is OmissionReason.NOT_CONFIGURED]
    assert len(unconfigured) == 27  # 29 read, 2 configured
    assert "Temperatura" in next(o.message for o in batch.omitted if o.sensor == "Temperatura")


def test_unconfigured_values_can_be_included_to_show_the_servers_warning() -> None:
    device = Device(30, "30", (Sensor("Corriente A"),))
    values: dict[str, float | None] = {"Corriente A": 1.0, "Corriente B": 2.0, "Corriente C": None}
    batch = MeasurementBatch.build(
        device.number, device.sensor_names, values, 100, include_unconfigured=True
    )
    assert batch.sensor_names == ("Corriente A", "Corriente B")
    assert batch.unconfigured == ("Corriente B",)
    assert [(o.sensor, o.reason) for o in batch.omitted] == [
        ("Corriente C", OmissionReason.NOT_CONFIGURED)
    ]


def test_not_available_and_not_finite_are_left_out_with_the_reason() -> None:
    values: dict[str, float | None] = dict.fromkeys(ALL, 3.0)
    values["Factor de potencia total"] = 0.93
    values["Temperatura"] = None
    values["Corriente N"] = float("nan")
    values["Voltaje F-N"] = float("inf")
    problems = {"Temperatura": Problem("missing-register", "the meter has no such register")}
    batch = MeasurementBatch.build("29", ALL, values, 100, problems=problems)
    assert len(batch.sensor_names) == 27
    by_sensor = {o.sensor: o for o in batch.omitted}
    assert by_sensor["Temperatura"].reason is OmissionReason.NOT_AVAILABLE
    assert "the meter has no such register" in by_sensor["Temperatura"].message
    assert by_sensor["Corriente N"].code == "measurement.omitted.not_finite"
    assert by_sensor["Voltaje F-N"].reason is OmissionReason.NOT_FINITE
    json.loads(batch.to_json())  # still valid JSON: nothing non-finite got in


def test_accent_only_differences_are_pointed_out() -> None:
    device_names = ("Energia activa acumulada",)  # misspelled on the platform's side
    batch = MeasurementBatch.build("29", device_names, {"Energía activa acumulada": 10.0}, 100)
    assert batch.sensor_names == ()
    by_reason = {o.reason: o for o in batch.omitted}
    assert by_reason[OmissionReason.NOT_IN_PROFILE].suggestion == "Energía activa acumulada"
    assert by_reason[OmissionReason.NOT_CONFIGURED].suggestion == "Energia activa acumulada"
    assert "differs only in accents" in by_reason[OmissionReason.NOT_CONFIGURED].message


def test_timestamp_from_the_reading_corrected_to_the_servers_clock() -> None:
    at = datetime(2026, 6, 1, 15, 0, 0, 400_000, tzinfo=UTC)
    laptop = int(datetime(2026, 6, 1, 15, 0, tzinfo=UTC).timestamp())
    assert server_timestamp(at) == laptop  # rounds to the nearest second
    assert server_timestamp(at, Offset(12.3, 0.05)) == laptop + 13  # 0.4 + 12.3 → 12.7
    assert server_timestamp(at, Offset(-3600.0, 0.05)) == laptop - 3600
    reading = Reading(at, {"Corriente A": 1.0})
    device = Device(1, "7", (Sensor("Corriente A"),))
    batch = MeasurementBatch.from_reading(reading, device, server_offset=Offset(-2.0, 0.1))
    assert batch.measures[0].timestamp == laptop - 2
    with pytest.raises(ValueError, match="aware"):
        server_timestamp(datetime(2026, 6, 1))


def test_to_api_is_the_clients_body_type() -> None:
    batch = MeasurementBatch.build("29", ALL, dict.fromkeys(ALL, 1.0), SEED_TIMESTAMP)
    api = batch.to_api()
    assert isinstance(api, DeviceMeasurements)
    assert api.device_number == "29"
    assert api.measures == batch.measures


def test_a_hand_made_batch_with_nan_refuses_to_preview() -> None:
    batch = MeasurementBatch("29", (Measure(100, {"Corriente A": float("nan")}),))
    with pytest.raises(InvalidMeasurement):
        batch.to_json()


def test_span_and_names_over_several_measures() -> None:
    batch = MeasurementBatch(
        "29",
        (
            Measure(100, {"Corriente A": 1.0}),
            Measure(400, {"Corriente B": 1.0, "Corriente A": 2.0}),
        ),
    )
    assert batch.span_s == 300
    assert batch.sensor_names == ("Corriente A", "Corriente B")
