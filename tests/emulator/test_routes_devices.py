"""GET /devices/{id} and /devices/number/{number} over real HTTP."""

from __future__ import annotations

import pytest

from app.emulator.server import EmulatorServer
from tests.emulator.seed import SEED_SENSORS, assert_error, login
from tests.fixtures.emulator import EmulatorFactory


def test_device_29_by_number_matches_the_seed(emulator: EmulatorServer) -> None:
    with login(emulator) as api:
        r = api.get("/devices/number/29")
    assert r.status_code == 200
    body = r.json()
    assert (body["id"], body["number"]) == (29, "29")
    expected = []
    for name, unit, alias in SEED_SENSORS:
        entry = {"name": name, "unit": unit}
        if alias is not None:
            entry["alias"] = alias  # only where the platform has one: no "alias": null
        expected.append(entry)
    assert body["sensors"] == expected


def test_device_by_id_and_by_number_agree(emulator: EmulatorServer) -> None:
    with login(emulator) as api:
        assert api.get("/devices/29").json() == api.get("/devices/number/29").json()
        small = api.get("/devices/30").json()
    assert small["number"] == "30"
    assert [s["name"] for s in small["sensors"]] == [
        "Potencia activa total instantánea",
        "Energía activa acumulada",
        "Corriente A",
        "Voltaje F-N",
        "Factor de potencia total",
    ]


def test_another_providers_device_by_id_is_403(emulator: EmulatorServer) -> None:
    with login(emulator) as api:
        assert_error(api.get("/devices/4129"), 403)
    with login(emulator, gateway="8") as api:
        assert_error(api.get("/devices/29"), 403)
        mine = api.get("/devices/number/29").json()
    assert mine["id"] == 4129
    assert len(mine["sensors"]) == 4


@pytest.mark.parametrize(
    "path", ["/devices/999", "/devices/abc", "/devices/²", "/devices/number/31"]
)
def test_unknown_device_is_404(emulator: EmulatorServer, path: str) -> None:
    with login(emulator) as api:
        assert_error(api.get(path), 404)


def test_text_numbers_with_spaces_and_accents(emulator_factory: EmulatorFactory) -> None:
    from app.emulator.server import EmulatorServer as _  # noqa: F401  (the factory's type)

    emu = emulator_factory("app/emulator/scenarios/two-providers.toml")
    with login(emu, gateway="3") as api:  # provider 1's second gateway
        r = api.get("/devices/number/Bodega Ñuñoa 1")  # httpx percent-encodes it
    assert r.status_code == 200
    assert r.json()["id"] == 31
