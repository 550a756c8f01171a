"""A diagnostics bundle as an emulator World and a replayed meter (app/reproduce.py and
app/core/support/reproduce.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.core.support.bundle import BundleError, read_bundle
from app.core.support.reproduce import bundle_profile, reproduction
from app.emulator.world import OTHER_PROVIDER_SENSORS
from app.reproduce import device_number, meter_from_bundle, world_from_bundle
from tests.fixtures.bundles import (
    read_json,
    registers_json,
    shipped_profile_text,
    site_json,
    write_test_bundle,
)

REGISTERS = registers_json(3, [read_json(4, 0, [1, 2, 3, 4]), read_json(4, 70, exception=2)])


def test_world_keeps_the_site(tmp_path: Path) -> None:
    site = site_json(
        provider="12",
        gateway="34",
        offset=-93.5,
        device_id=4129,
        number="A-7",
        sensors=[*OTHER_PROVIDER_SENSORS, "Sensor que el emulador no conoce"],
    )
    contents = read_bundle(write_test_bundle(tmp_path / "b.zip", site=site))
    world = world_from_bundle(contents)
    assert world.gateways() == [("12", "34")]
    assert world.clock_offset_s == -93.5
    assert world.strict_refresh_rotation
    provider, device = world.device_by_id(4129) or (None, None)
    assert provider is not None
    assert device is not None
    assert device.number == "A-7"
    assert device.sensors == OTHER_PROVIDER_SENSORS  # the unknown one left out
    assert device_number(contents) == "A-7"


def test_unknown_sensors_and_offset_default(tmp_path: Path) -> None:
    contents = read_bundle(write_test_bundle(tmp_path / "b.zip", site=site_json(offset=None)))
    world = world_from_bundle(contents)
    assert world.clock_offset_s == 0.0
    assert len(world.providers[0].devices[0].sensors) == 30  # not looked up: the dictionary


def test_meter_answers_the_capture(tmp_path: Path) -> None:
    contents = read_bundle(write_test_bundle(tmp_path / "b.zip", registers=REGISTERS))
    unit, meter = meter_from_bundle(contents)
    assert unit == 3
    assert meter.read(4, 0, 4) == [1, 2, 3, 4]
    assert meter.read(4, 1, 2) == [2, 3]
    assert meter.read(4, 70, 1) == 2
    assert meter.read(4, 10, 1) == 2


def test_profile_from_the_bundle(tmp_path: Path) -> None:
    text = shipped_profile_text().replace('model = "', 'model = "Bundled ', 1)
    contents = read_bundle(write_test_bundle(tmp_path / "b.zip", profile=text))
    profile = bundle_profile(contents)
    assert profile.id == "eastron-sdm630"
    assert profile.model.startswith("Bundled ")
    assert profile.path is None


@pytest.mark.parametrize(
    ("site", "registers", "profile", "code"),
    [
        (site_json(provider=None), REGISTERS, None, "bundle.no_api"),
        (site_json(device_id=None), REGISTERS, None, "bundle.no_device"),
        (site_json(), None, None, "bundle.no_registers"),
        (site_json(offset="soon"), REGISTERS, None, "bundle.damaged"),  # type: ignore[arg-type]
        (site_json(), {"unit": 1, "reads": [{"function": 9}]}, None, "bundle.damaged"),
        (site_json(), REGISTERS, "not toml [", "bundle.bad_profile"),
    ],
)
def test_what_cannot_be_reproduced(
    tmp_path: Path,
    site: dict[str, Any],
    registers: dict[str, Any] | None,
    profile: str | None,
    code: str,
) -> None:
    contents = read_bundle(
        write_test_bundle(tmp_path / "b.zip", site=site, registers=registers, profile=profile)
    )

    def everything() -> None:
        reproduction(contents)
        world_from_bundle(contents)
        meter_from_bundle(contents)
        bundle_profile(contents)

    with pytest.raises(BundleError) as caught:
        everything()
    assert caught.value.code == code
    assert caught.value.message
