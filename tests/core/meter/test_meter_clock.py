"""Meter clock: the DATETIME codec, and read/set against the simulated Schneider iEM3000."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.core.clock.drift import MeterClockRead
from app.core.meter.links import TcpLink
from app.core.meter.meter_clock import (
    MeterClockError,
    decode_datetime,
    encode_datetime,
    read_meter_clock,
    set_meter_clock,
)
from app.core.meter.profile_loader import default_library
from app.simulator import Faults
from tests.fixtures.simulator import FIXED_TIME, SimTcpFactory

SANTIAGO = ZoneInfo("America/Santiago")


def test_datetime_words_by_hand() -> None:
    # 2025-03-10 (a Monday: weekday 2 counting Sunday as 1) 11:05:42.250
    words = encode_datetime(datetime(2025, 3, 10, 11, 5, 42, 250_000))
    assert words == (25, (3 << 8) | (2 << 5) | 10, (11 << 8) | 5, 42_250)
    assert decode_datetime(words) == datetime(2025, 3, 10, 11, 5, 42, 250_000)


def test_decode_ignores_flag_bits() -> None:
    words = (25 | 0x80, (12 << 8) | (7 << 5) | 31, 0x8000 | (23 << 8) | 0x80 | 59, 59_999)
    assert decode_datetime(words) == datetime(2025, 12, 31, 23, 59, 59, 999_000)


@pytest.mark.parametrize("words", [(0, 0, 0, 0), (25, (13 << 8) | 1, 0, 0), (25, 0x021E, 0, 0)])
def test_words_that_are_no_date_are_refused(words: tuple[int, int, int, int]) -> None:
    with pytest.raises(MeterClockError) as info:
        decode_datetime(words)
    assert info.value.code == "clock-invalid"


async def test_read_clock_in_the_meters_time_zone(meter_sim_tcp: SimTcpFactory) -> None:
    sim = await meter_sim_tcp("schneider-iem3000", faults=Faults(clock_offset_s=90))
    profile = default_library().get("schneider-iem3000")
    link = TcpLink(sim.host, sim.port)
    reading = await read_meter_clock(link, profile, 1, SANTIAGO)
    assert reading.meter_time == datetime.fromtimestamp(FIXED_TIME + 90, UTC)
    assert reading.meter_time.utcoffset() == timedelta(hours=-3)  # summer time in March
    assert 0 < reading.uncertainty_s < 0.5
    assert reading.host_time.tzinfo is UTC
    read = reading.as_clock_read()
    assert isinstance(read, MeterClockRead)
    assert read.laptop_offset.seconds == pytest.approx(reading.offset_s)
    await link.close()


async def test_set_clock_then_read_it_back(meter_sim_tcp: SimTcpFactory) -> None:
    sim = await meter_sim_tcp("schneider-iem3000", faults=Faults(clock_offset_s=-3600))
    profile = default_library().get("schneider-iem3000")
    link = TcpLink(sim.host, sim.port)
    wanted = datetime(2025, 3, 10, 14, 0, 7, tzinfo=UTC)
    await set_meter_clock(link, profile, 1, wanted, SANTIAGO)
    reading = await read_meter_clock(link, profile, 1, SANTIAGO)
    assert reading.meter_time == wanted
    await link.close()


async def test_a_refused_date_is_a_clear_error(meter_sim_tcp: SimTcpFactory) -> None:
    sim = await meter_sim_tcp("schneider-iem3000")
    profile = default_library().get("schneider-iem3000")
    link = TcpLink(sim.host, sim.port)
    with pytest.raises(MeterClockError) as info:
        await set_meter_clock(link, profile, 1, datetime(2199, 1, 1, tzinfo=UTC), SANTIAGO)
    assert info.value.code == "clock-set-failed"
    assert "result code 3001 (invalid parameter)" in info.value.message
    assert info.value.params == {"result": "3001"}  # for the GUI's translated text
    await link.close()


async def test_profiles_without_a_clock_say_so(meter_sim_tcp: SimTcpFactory) -> None:
    sim = await meter_sim_tcp("eastron-sdm630")
    link = TcpLink(sim.host, sim.port)
    with pytest.raises(MeterClockError) as info:
        await read_meter_clock(link, default_library().get("eastron-sdm630"), 1, SANTIAGO)
    assert info.value.code == "clock-unsupported"
    await link.close()
