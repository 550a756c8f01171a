"""Every endpoint against the emulator over loopback HTTP, with typed results."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from app.core.api import (
    ApiState,
    ApiStatus,
    ChileMedidoClient,
    Device,
    MeterNotFound,
    NotYourMeter,
    ServerTime,
    TokenKind,
)
from app.core.traffic import Direction, TrafficLog
from app.emulator.server import EmulatorServer
from app.emulator.world import Device as WorldDevice
from app.emulator.world import default_world
from tests.core.api.conftest import ClientMaker
from tests.core.api.seed import SEED_SENSORS
from tests.fixtures.emulator import EmulatorFactory


async def test_login_reports_states_and_token_expiries(
    emulator: EmulatorServer, make_client: ClientMaker
) -> None:
    client = make_client(emulator.base_url)
    seen: list[ApiStatus] = []
    client.state_changed.subscribe(seen.append)
    pair = await client.login(emulator.issue_refresh_token("2"))
    assert [s.state for s in seen] == [ApiState.LOGGING_IN, ApiState.REFRESHING, ApiState.READY]
    assert pair.access.kind is TokenKind.ACCESS
    assert pair.refresh.kind is TokenKind.REFRESH
    assert (pair.refresh.provider, pair.refresh.gateway) == ("1", "2")
    ready = client.status
    assert (ready.provider, ready.gateway) == ("1", "2")
    assert ready.access_expires_at == pair.access.expires_at
    assert ready.refresh_expires_at == pair.refresh.expires_at
    now = datetime.now(UTC)
    assert timedelta(hours=2, minutes=59) < ready.access_expires_at - now <= timedelta(hours=3)
    assert client.account is not None
    assert client.account.username == f"{emulator.base_url}#1/2"


async def test_devices_by_id_and_by_number(api: ChileMedidoClient) -> None:
    by_id = await api.device(29)
    by_number = await api.device_by_number("29")
    assert isinstance(by_id, Device)
    assert by_id == by_number
    assert (by_id.id, by_id.number) == (29, "29")
    assert by_id.sensor_names == SEED_SENSORS
    aliases = {s.name: s.alias for s in by_id.sensors if s.alias}
    assert aliases == {
        "Energía activa acumulada": "EACTIVE",
        "Energía reactiva acumulada": "EREACTIVE",
    }
    assert by_id.sensors[0].unit == "kW"


async def test_provider_isolation(api: ChileMedidoClient) -> None:
    """Provider 7 also has a meter "29" (id 4129): by number we get ours; theirs is refused."""
    assert (await api.device_by_number("29")).id == 29
    with pytest.raises(NotYourMeter) as caught:
        await api.device(4129)
    assert caught.value.status == 403
    assert "4129" in str(caught.value)
    assert api.status.state is ApiState.READY  # a refused meter says nothing about the link


async def test_unknown_meters(api: ChileMedidoClient) -> None:
    with pytest.raises(MeterNotFound, match='numbered "no-such-meter"'):
        await api.device_by_number("no-such-meter")
    with pytest.raises(MeterNotFound, match="with id 999999"):
        await api.device(999999)
    with pytest.raises(ValueError, match="empty"):
        await api.device_by_number("")
    with pytest.raises(ValueError, match="whole number"):
        await api.device(-1)


async def test_meter_numbers_are_url_encoded(
    emulator_factory: EmulatorFactory, make_client: ClientMaker
) -> None:
    world = default_world()
    provider = world.providers[0]
    odd = ("Bodega Ñuñoa 1", "A?B#C", "50%", "tab\there")
    devices = tuple(WorldDevice(100 + i, number) for i, number in enumerate(odd))
    world = replace(world, providers=(replace(provider, devices=devices), *world.providers[1:]))
    emu = emulator_factory(world)
    traffic = TrafficLog()
    client = make_client(emu.base_url, traffic=traffic)
    await client.login(emu.issue_refresh_token("2"))
    for i, number in enumerate(odd):
        device = await client.device_by_number(number)
        assert (device.id, device.number) == (100 + i, number)
    sent = [e.summary for e in traffic.entries() if e.direction is Direction.OUT]
    assert "GET /devices/number/Bodega%20%C3%91u%C3%B1oa%201" in sent
    assert "GET /devices/number/A%3FB%23C" in sent
    with pytest.raises(MeterNotFound):
        await client.device_by_number("a/b")  # a slash stays inside the number


async def test_server_time(api: ChileMedidoClient) -> None:
    answer = await api.server_time()
    assert isinstance(answer, ServerTime)
    assert answer.sent_at <= answer.received_at
    assert answer.utc.tzinfo is not None
    assert abs(answer.utc.timestamp() - answer.timestamp) < 1
    # Same machine, same clock: the offset is within the round trip (plus ms rounding).
    assert abs(answer.offset) <= answer.uncertainty + timedelta(milliseconds=2)
    assert answer.uncertainty < timedelta(seconds=1)


async def test_server_time_sees_the_server_clock_offset(
    emulator_factory: EmulatorFactory, make_client: ClientMaker
) -> None:
    emu = emulator_factory(replace(default_world(), clock_offset_s=95))
    client = make_client(emu.base_url)
    await client.login(emu.issue_refresh_token("2"))
    answer = await client.server_time()
    assert abs(answer.offset.total_seconds() - 95) < answer.uncertainty.total_seconds() + 0.01


async def test_sensor_dictionary_and_spec(api: ChileMedidoClient) -> None:
    names = await api.sensor_names()
    assert tuple(s.name for s in names) == SEED_SENSORS
    assert all(s.unit for s in names)
    spec = await api.spec()
    assert "openapi" in spec
    assert "/api/v1/measurements" in spec["paths"]
