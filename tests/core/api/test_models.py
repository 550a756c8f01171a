"""The wire format, both ways: what Medido sends matches the seed; what it reads is lenient."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from app.core.api import (
    DeviceMeasurements,
    InvalidMeasurement,
    Measure,
    UnexpectedAnswer,
)
from app.core.api._readers import (
    device_from_json,
    sensor_names_from_json,
    server_time_from_json,
    upload_result_from_json,
)
from tests.core.api.seed import SEED_BODY, SEED_SENSORS, SEED_TIMESTAMP


def test_seed_upload_serialises_exactly_as_the_document() -> None:
    batch = DeviceMeasurements("29", [Measure(SEED_TIMESTAMP, dict.fromkeys(SEED_SENSORS, 1))])
    assert [batch.to_json()] == SEED_BODY


def test_measures_are_frozen_copies() -> None:
    values = {"Corriente A": 1.5}
    measure = Measure(1, values)
    values["Corriente A"] = 9.0
    assert measure.values["Corriente A"] == 1.5
    with pytest.raises(TypeError):
        measure.values["Corriente A"] = 2.0  # type: ignore[index]


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, "1", None, True])
def test_values_json_cannot_carry_are_refused_before_sending(bad: object) -> None:
    measure = Measure(SEED_TIMESTAMP, {"Corriente A": bad})  # type: ignore[dict-item]
    with pytest.raises(InvalidMeasurement, match="Corriente A") as caught:
        measure.to_json()
    assert caught.value.params["sensor"] == "Corriente A"


@pytest.mark.parametrize("stamp", [1.5, "1566226133", None])
def test_timestamps_must_be_whole_seconds(stamp: object) -> None:
    with pytest.raises(InvalidMeasurement, match="whole UTC seconds"):
        Measure(stamp, {"Corriente A": 1.0}).to_json()  # type: ignore[arg-type]


def test_device_reader_tolerates_missing_optionals_and_extra_fields() -> None:
    device = device_from_json(
        {
            "id": "29",
            "number": 29,
            "sensors": [
                {"name": "Corriente A"},
                {
                    "name": "Energía activa acumulada",
                    "unit": "kWh",
                    "alias": "EACTIVE",
                    "decimals": 3,
                },
            ],
            "createdAt": "2020-01-01",
        }
    )
    assert (device.id, device.number) == (29, "29")
    assert device.sensors[0].unit is None
    assert device.sensors[0].alias is None
    assert device.sensors[1].alias == "EACTIVE"
    assert device.sensor_names == ("Corriente A", "Energía activa acumulada")


@pytest.mark.parametrize(
    "body",
    [
        None,
        [],
        {"number": "29"},
        {"id": "x", "number": "29"},
        {"id": 1, "sensors": []},
        {"id": 1, "number": "1", "sensors": [{"unit": "kW"}]},
    ],
)
def test_device_reader_names_what_is_missing(body: object) -> None:
    with pytest.raises(UnexpectedAnswer, match="the meter"):
        device_from_json(body)


def test_sensor_dictionary_reader_accepts_a_wrapped_list_and_plain_names() -> None:
    assert sensor_names_from_json({"data": [{"name": "Temperatura", "unit": "°C"}]})[0].unit == "°C"
    assert sensor_names_from_json(["Temperatura"])[0].name == "Temperatura"
    with pytest.raises(UnexpectedAnswer):
        sensor_names_from_json({"a": [], "b": []})


def test_server_time_reader_and_offset() -> None:
    sent = datetime(2020, 3, 11, 15, 5, 17, tzinfo=UTC)
    received = sent + timedelta(milliseconds=400)
    seed = {"timestamp": 1583939118, "datetime": "2020-03-11T15:05:18.021Z"}
    answer = server_time_from_json(seed, sent, received)
    assert answer.timestamp == 1583939118
    assert answer.utc == datetime(2020, 3, 11, 15, 5, 18, 21000, tzinfo=UTC)
    assert answer.uncertainty == timedelta(milliseconds=200)
    assert answer.offset == timedelta(milliseconds=821)
    only_stamp = server_time_from_json({"timestamp": 1583939118000}, sent, received)
    assert only_stamp.utc == datetime(2020, 3, 11, 15, 5, 18, tzinfo=UTC)
    only_iso = server_time_from_json({"datetime": "2020-03-11T15:05:18"}, sent, received)
    assert only_iso.timestamp == 1583939118
    with pytest.raises(UnexpectedAnswer):
        server_time_from_json({"datetime": "yesterday"}, sent, received)


def test_server_time_trusts_the_seconds_over_an_iso_text_that_disagrees() -> None:
    sent = datetime(2020, 3, 11, 15, 5, 17, tzinfo=UTC)
    # Santiago's local time written without its zone: read as UTC it would be 3 h early.
    local = {"timestamp": 1583939118, "datetime": "2020-03-11T12:05:18.021"}
    answer = server_time_from_json(local, sent, sent)
    assert answer.utc == datetime(2020, 3, 11, 15, 5, 18, tzinfo=UTC)


def test_upload_result_reader() -> None:
    assert upload_result_from_json({"success": True, "warnings": []}, 201).warnings == ()
    odd = upload_result_from_json({"warnings": [{"message": "ignored"}, "plain"]}, 201)
    assert odd.success
    assert odd.warnings == ("ignored", "plain")
    assert not upload_result_from_json({"success": False, "warnings": "x"}, 200).success
    assert upload_result_from_json(None, 204).success
