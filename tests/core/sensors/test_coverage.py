"""A device's variables against a meter profile's: supplied, missing, not configured."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.api import Device, Sensor
from app.core.meter.profile import Confidence, MeterProfile
from app.core.meter.profile_loader import default_library
from app.core.sensors.coverage import compare
from app.core.sensors.dictionary import sensor_by_name
from tests.core.api.seed import SEED_SENSORS


def _device(names: tuple[str, ...], id: int = 29) -> Device:
    return Device(id, str(id), tuple(Sensor(n, sensor_by_name()[n].unit) for n in names))


@pytest.fixture
def sdm630() -> MeterProfile:
    return default_library().get("eastron-sdm630")


def test_seed_meter_with_sdm630_lacks_only_temperature(sdm630: MeterProfile) -> None:
    report = compare(_device(SEED_SENSORS), sdm630)
    assert report.profile_id == "eastron-sdm630"
    assert len(report.rows) == 30
    assert len(report.supplied) == 29
    assert [s.name for s in report.missing] == ["Temperatura"]
    assert not report.complete
    assert report.not_configured == ()


def test_rows_keep_the_device_order_and_the_profile_confidence(sdm630: MeterProfile) -> None:
    report = compare(_device(SEED_SENSORS), sdm630)
    assert [row.sensor.name for row in report.rows] == list(SEED_SENSORS)
    demand = report.row("Demanda o potencia activa integrada")
    assert demand is not None
    assert demand.confidence is Confidence.MEDIUM
    power = report.row("Potencia activa total instantánea")
    assert power is not None
    assert power.confidence is Confidence.HIGH
    assert power.supplied
    temperature = report.row("Temperatura")
    assert temperature is not None
    assert temperature.confidence is None
    assert temperature.spelled_like is None
    assert report.row("Frecuencia") is None


def test_profile_variables_the_device_lacks_are_listed_in_profile_order(
    sdm630: MeterProfile,
) -> None:
    few = ("Energía activa acumulada", "Corriente A", "Voltaje A-N")
    report = compare(_device(few), sdm630)
    assert report.complete
    assert len(report.not_configured) == len(sdm630.sensor_names) - 3
    assert not set(few) & set(report.not_configured)
    assert list(report.not_configured) == [n for n in sdm630.sensor_names if n not in few]


def test_auxiliary_quantities_do_not_count_as_variables() -> None:
    profiles = [p for p in default_library().all() if p.auxiliary]
    assert profiles, "some shipped profile reads an auxiliary quantity (frequency)"
    profile = profiles[0]
    auxiliary = profile.auxiliary[0].sensor
    device = Device(1, "1", (Sensor(auxiliary),))
    report = compare(device, profile)
    assert report.missing == (Sensor(auxiliary),)
    assert auxiliary not in report.not_configured


def test_a_name_that_differs_only_in_accents_is_pointed_out(sdm630: MeterProfile) -> None:
    typo = Sensor("Energia activa acumulada", "kWh")  # configured without the accent
    device = Device(31, "31", (typo, Sensor("Corriente A", "A")))
    report = compare(device, sdm630)
    row = report.row("Energia activa acumulada")
    assert row is not None
    assert not row.supplied
    assert row.spelled_like == "Energía activa acumulada"
    assert "Energía activa acumulada" in report.not_configured


def test_empty_device_and_empty_profile(sdm630: MeterProfile) -> None:
    assert compare(Device(1, "1"), sdm630).complete
    empty = replace(sdm630, sensors=())
    report = compare(_device(SEED_SENSORS), empty)
    assert report.supplied == ()
    assert len(report.missing) == 30
