"""The Schneider DATETIME registers and the set-clock command, over Modbus TCP."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app.core.meter.profile import Function
from app.simulator import Faults, SimClock
from tests.fixtures.simulator import RunningSimulator, SimTcpFactory
from tests.simulator import sample_profiles
from tests.simulator.clients import read, tcp_client

HR = Function.HOLDING
SANTIAGO = ZoneInfo("America/Santiago")
WINTER = datetime(2025, 7, 1, 16, 0, tzinfo=ZoneInfo("UTC")).timestamp()  # Chile: UTC-4 in July


def decode_datetime(words: Sequence[int], tz: ZoneInfo) -> tuple[datetime, int]:
    """DATETIME as the iEM3000 manual draws it; returns the time and the weekday field."""
    w1, w2, w3, w4 = words
    stamp = datetime(
        2000 + (w1 & 0x7F),
        (w2 >> 8) & 0x0F,
        w2 & 0x1F,
        (w3 >> 8) & 0x1F,
        w3 & 0x3F,
        w4 // 1000,
        (w4 % 1000) * 1000,
        tzinfo=tz,
    )
    return stamp, (w2 >> 5) & 0x07


async def read_clock(running: RunningSimulator, tz: ZoneInfo = SANTIAGO) -> tuple[datetime, int]:
    async with tcp_client(running) as client:
        response = await read(client, HR, 1844, 4)
    return decode_datetime(response.registers, tz)


async def test_datetime_is_local_time(meter_sim_tcp: SimTcpFactory) -> None:
    running = await meter_sim_tcp(sample_profiles.schneider_iem3000())
    stamp, weekday = await read_clock(running)
    assert stamp == datetime(2025, 3, 10, 11, 0, tzinfo=SANTIAGO)  # 14:00 UTC, summer time
    assert weekday == 2  # Monday (1 = Sunday)


async def test_timezone_and_offset(meter_sim_tcp: SimTcpFactory) -> None:
    running = await meter_sim_tcp(
        sample_profiles.schneider_iem3000(),
        faults=Faults(clock_offset_s=125.5),
        clock=SimClock(frozen_at=WINTER),
        timezone="America/Punta_Arenas",  # no DST: UTC-3 all year
    )
    stamp, _ = await read_clock(running, ZoneInfo("America/Punta_Arenas"))
    assert stamp == datetime(2025, 7, 1, 13, 2, 5, 500_000, tzinfo=ZoneInfo("America/Punta_Arenas"))
    assert running.meter.meter_time() == stamp


async def test_set_the_clock_through_the_command_block(meter_sim_tcp: SimTcpFactory) -> None:
    running = await meter_sim_tcp(
        sample_profiles.schneider_iem3000(), clock=SimClock(frozen_at=WINTER)
    )
    async with tcp_client(running) as client:
        written = await client.write_registers(5249, [1003, 0, 2025, 7, 1, 12, 30, 15], device_id=1)
        assert not written.isError()
        result = await read(client, HR, 5374, 2)
        assert result.registers == [1003, 0]
        stamp, _ = decode_datetime((await read(client, HR, 1844, 4)).registers, SANTIAGO)
    assert stamp == datetime(2025, 7, 1, 12, 30, 15, tzinfo=SANTIAGO)
    # the true time is 12:00 local in July: the meter now runs 30 min 15 s fast
    assert running.meter.faults.clock_offset_s == 30 * 60 + 15
    running.meter.clock.step(60)
    assert running.meter.meter_time() == stamp + timedelta(seconds=60)


async def test_invalid_set_commands_leave_the_clock_alone(meter_sim_tcp: SimTcpFactory) -> None:
    running = await meter_sim_tcp(sample_profiles.schneider_iem3000())
    before = running.meter.meter_time()
    attempts = [
        ([1003, 0, 2025, 13, 1, 12, 0, 0], 3001),  # month 13
        ([1003, 0, 2025, 2, 29, 12, 0, 0], 3001),  # 2025 is not a leap year
        ([1003, 0, 2025, 1, 1, 24, 0, 0], 3001),  # hour 24
        ([1004, 0, 2025, 1, 1, 12, 0, 0], 3000),  # not the set-clock command
        ([1003, 0, 2025], 3002),  # too few parameters
    ]
    async with tcp_client(running) as client:
        for words, code in attempts:
            assert not (await client.write_registers(5249, words, device_id=1)).isError()
            assert (await read(client, HR, 5374, 2)).registers == [words[0], code]
    assert running.meter.meter_time() == before


async def test_a_clock_that_cannot_be_set_refuses_writes(meter_sim_tcp: SimTcpFactory) -> None:
    profile = sample_profiles.schneider_iem3000()
    read_only = dataclasses.replace(
        profile, clock=dataclasses.replace(sample_profiles.SCHNEIDER_CLOCK, settable=False)
    )
    running = await meter_sim_tcp(read_only)
    async with tcp_client(running) as client:
        response = await client.write_registers(
            5249, [1003, 0, 2025, 7, 1, 12, 30, 15], device_id=1
        )
        assert response.exception_code == 2
