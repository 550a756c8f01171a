"""Comparing clocks against the real emulator (HTTP) and the simulated iEM3000 (Modbus TCP)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from app.core.api import ChileMedidoClient, Environment, NotLoggedIn
from app.core.clock.check import (
    METER_ZONES,
    UTC_ZONE,
    MeterClockSource,
    compare_clocks,
    meter_zone,
    offset_decimals,
    set_meter_to_server,
    zone_facts,
)
from app.core.clock.chile_time import PUNTA_ARENAS, SANTIAGO
from app.core.clock.drift import Offset
from app.core.clock.verdict import Comparison, judge_drift
from app.core.meter.links import LinkError, TcpLink
from app.core.meter.meter_clock import MeterClockError
from app.core.meter.profile_loader import default_library
from app.emulator.server import EmulatorServer
from app.emulator.world import default_world
from app.simulator import Faults, SimClock
from tests.fixtures.emulator import EmulatorFactory
from tests.fixtures.simulator import SimTcpFactory

IEM3000 = default_library().get("schneider-iem3000")
SDM630 = default_library().get("eastron-sdm630")


@pytest.fixture
async def api(emulator_factory: EmulatorFactory) -> AsyncIterator[ChileMedidoClient]:
    emulator = emulator_factory(replace(default_world(), clock_offset_s=30.0))
    client = ChileMedidoClient(
        Environment.emulator(emulator.base_url), remember_tokens=False, trust_env=False
    )
    await client.login(emulator.issue_refresh_token())
    yield client
    await client.aclose()


async def iem3000(
    sim_tcp: SimTcpFactory, faults: Faults | None = None, timezone: str = SANTIAGO
) -> MeterClockSource:
    sim = await sim_tcp(IEM3000, faults=faults, clock=SimClock(), timezone=timezone)
    return MeterClockSource(TcpLink(sim.host, sim.port, timeout_s=0.3, retries=0), IEM3000, 1)


async def test_server_and_meter_offsets(
    api: ChileMedidoClient, meter_sim_tcp: SimTcpFactory
) -> None:
    meter = await iem3000(meter_sim_tcp, faults=Faults(clock_offset_s=12.0))
    result = await compare_clocks(api, meter, meter_zone(SANTIAGO, IEM3000), pause_s=0.01)
    await meter.link.close()
    assert result.server_error is None
    assert result.meter_error is None
    assert result.drift.samples_taken == 4
    server = result.server_offset
    assert server is not None
    assert server.seconds == pytest.approx(30.0, abs=0.2)
    meter_vs_laptop = result.drift.meter_vs_laptop
    meter_vs_server = result.drift.meter_vs_server
    assert meter_vs_laptop is not None
    assert meter_vs_laptop.seconds == pytest.approx(12.0, abs=0.2)
    assert meter_vs_server is not None
    assert meter_vs_server.seconds == pytest.approx(-18.0, abs=0.3)
    assert result.meter_reading is not None
    assert result.measured_at.tzinfo is UTC


async def test_a_silent_meter_does_not_hide_the_server(
    api: ChileMedidoClient, meter_sim_tcp: SimTcpFactory
) -> None:
    meter = await iem3000(meter_sim_tcp, faults=Faults(drop_every=1))
    result = await compare_clocks(api, meter, meter_zone(SANTIAGO), count=2, pause_s=0.01)
    await meter.link.close()
    assert isinstance(result.meter_error, LinkError)
    assert result.server_offset is not None
    assert result.drift.meter is None


async def test_logged_out_server_and_clockless_meter(
    emulator: EmulatorServer, meter_sim_tcp: SimTcpFactory
) -> None:
    client = ChileMedidoClient(
        Environment.emulator(emulator.base_url), remember_tokens=False, trust_env=False
    )
    sim = await meter_sim_tcp(SDM630)
    meter = MeterClockSource(TcpLink(sim.host, sim.port), SDM630, 1)
    assert not meter.has_clock
    assert not meter.settable
    result = await compare_clocks(client, meter, meter_zone(SANTIAGO), count=2, pause_s=0.01)
    assert isinstance(result.server_error, NotLoggedIn)
    assert result.meter_error is None
    assert result.meter_reading is None
    assert judge_drift(result.drift) == ()
    nothing = await compare_clocks(None, None, meter_zone(SANTIAGO))
    assert (nothing.server_error, nothing.meter_error, nothing.drift.sample) == (None, None, None)
    await client.aclose()
    await meter.link.close()


async def test_a_meter_keeping_utc_read_as_local_is_whole_hours_off(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    meter = await iem3000(meter_sim_tcp, timezone="UTC")
    as_local = await compare_clocks(None, meter, meter_zone(SANTIAGO, IEM3000))
    offset = as_local.drift.meter_vs_laptop
    assert offset is not None
    hours = round(offset.seconds / 3600)
    local_hours = datetime.now(UTC).astimezone(meter_zone(SANTIAGO).zone).utcoffset()
    assert local_hours is not None
    assert hours == -round(local_hours / timedelta(hours=1))
    (verdict,) = judge_drift(as_local.drift, meter=meter_zone(SANTIAGO).setting)
    assert verdict.comparison is Comparison.METER_VS_LAPTOP
    assert verdict.code == "clock.meter_keeps_utc"
    as_utc = await compare_clocks(None, meter, meter_zone(UTC_ZONE, IEM3000))
    await meter.link.close()
    fixed = as_utc.drift.meter_vs_laptop
    assert fixed is not None
    assert abs(fixed.seconds) < 0.5


async def test_set_the_meter_to_the_servers_time(
    api: ChileMedidoClient, meter_sim_tcp: SimTcpFactory
) -> None:
    meter = await iem3000(meter_sim_tcp, faults=Faults(clock_offset_s=-100.0))
    zone = meter_zone(SANTIAGO, IEM3000)
    before = await compare_clocks(api, meter, zone, count=2, pause_s=0.01)
    assert before.server_offset is not None
    reading = await set_meter_to_server(meter, zone, before.server_offset)
    after = before.with_meter(reading)
    await meter.link.close()
    offset = after.drift.meter_vs_server
    assert offset is not None
    assert abs(offset.seconds) < 0.3
    assert after.meter_reading is reading
    assert after.meter_error is None


async def test_setting_a_clockless_meter_is_refused(meter_sim_tcp: SimTcpFactory) -> None:
    sim = await meter_sim_tcp(SDM630)
    meter = MeterClockSource(TcpLink(sim.host, sim.port), SDM630, 1)
    with pytest.raises(MeterClockError) as info:
        await set_meter_to_server(meter, meter_zone(SANTIAGO), Offset(0.0, 0.01))
    await meter.link.close()
    assert info.value.code == "clock-unsupported"


def test_meter_zone_choices() -> None:
    assert METER_ZONES[0] == SANTIAGO
    assert UTC_ZONE in METER_ZONES
    local = meter_zone(PUNTA_ARENAS, IEM3000)
    assert str(local.zone) == PUNTA_ARENAS
    assert local.setting.keeps_local_time
    assert local.setting.zone == PUNTA_ARENAS
    utc = meter_zone(UTC_ZONE, IEM3000)
    assert utc.zone is UTC
    assert not utc.setting.keeps_local_time
    assert utc.setting.zone == SANTIAGO  # judged against continental Chile's offset
    assert str(meter_zone("Europe/Paris").zone) == SANTIAGO  # not a choice: the default
    assert IEM3000.clock is not None
    utc_profile = replace(IEM3000, clock=replace(IEM3000.clock, local_time=False))
    assert meter_zone(SANTIAGO, utc_profile).zone is UTC


@pytest.mark.parametrize(
    ("uncertainty", "decimals"),
    [(0.04, 2), (0.0004, 3), (0.4, 1), (0.5, 1), (4.0, 0), (40.0, 0), (0.0, 3), (0.099, 2)],
)
def test_offset_decimals(uncertainty: float, decimals: int) -> None:
    assert offset_decimals(uncertainty) == decimals


async def test_zone_facts_name_santiagos_next_change() -> None:
    facts = await zone_facts(datetime(2026, 1, 15, tzinfo=UTC))
    assert facts.zone == SANTIAGO
    assert facts.next_change is not None
    assert facts.next_change.kind == "dst_end"
    assert facts.next_change.at_utc.year == 2026
    assert facts.laptop.utc_offset is not None
