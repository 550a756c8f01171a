"""The default world and the rules every world obeys."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.emulator.dictionary import ALL_SENSOR_NAMES
from app.emulator.world import Device, FailureRule, Provider, World, WorldError, default_world


def test_default_world_matches_the_seed() -> None:
    world = default_world()
    assert world.gateways() == [("1", "2"), ("7", "8")]
    one, seven = world.providers
    assert [(d.id, d.number) for d in one.devices] == [(29, "29"), (30, "30")]
    assert one.devices[0].sensors == ALL_SENSOR_NAMES
    assert len(one.devices[1].sensors) == 5
    assert [(d.id, d.number) for d in seven.devices] == [(4129, "29")]
    assert world.device_by_id(4129) == (seven, seven.devices[0])
    assert world.provider_of_gateway("8") is seven
    assert world.provider_of_gateway("9") is None


def provider(pid: str = "1", gateways: tuple[str, ...] = ("2",), *devices: Device) -> Provider:
    return Provider(pid, gateways, devices)


@pytest.mark.parametrize(
    ("providers", "fragment"),
    [
        ((), "at least one provider"),
        ((provider("1"), provider("1", ("3",))), 'provider id "1"'),
        ((provider("1", ()),), "no gateway"),
        ((provider("1", ("2",)), provider("7", ("2",))), 'gateway "2"'),
        ((provider("1", ("2",), Device(1, "a"), Device(1, "b")),), "device id 1"),
        ((provider("1", ("2",), Device(1, "a"), Device(2, "a")),), 'number "a"'),
        ((provider("1", ("2",), Device(1, "a/b")),), 'number "a/b"'),
        ((provider("1", ("2",), Device(1, "a", ("Corriente Z",))),), "Corriente Z"),
        ((provider("1", ("2",), Device(1, "a", ("Corriente A", "Corriente A"))),), "twice"),
    ],
)
def test_impossible_worlds_are_refused(providers: tuple[Provider, ...], fragment: str) -> None:
    with pytest.raises(WorldError, match=fragment):
        World(providers=providers)


def test_the_same_number_under_two_providers_is_fine() -> None:
    World(
        providers=(provider("1", ("2",), Device(1, "29")), provider("7", ("8",), Device(2, "29")))
    )


def test_bad_server_settings_are_refused() -> None:
    with pytest.raises(WorldError, match="lifetimes"):
        replace(default_world(), access_token_lifetime_s=0)
    with pytest.raises(WorldError, match="unknown endpoint") as info:
        replace(default_world(), endpoint_latency_ms={"GET /nope": 5})
    assert info.value.key == "server.endpoint_latency_ms"


def test_failure_rule_defaults() -> None:
    assert FailureRule(kind="status").effective_status == 503
    assert FailureRule(kind="html").effective_status == 200
    assert FailureRule(kind="timeout").effective_status == 504
    assert FailureRule(kind="status", endpoint="/measurements").endpoint == "/measurements"
