from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.core.clock.drift import ClockDrift, ClockSample, MeterClockRead, Offset, meter_wall_time
from app.core.clock.verdict import (
    Comparison,
    DriftThresholds,
    MeterTimeSetting,
    Verdict,
    format_duration,
    judge,
    judge_drift,
)
from app.core.meter.links import TcpLink
from app.core.meter.meter_clock import read_meter_clock
from app.core.meter.profile_loader import default_library
from app.simulator import Faults, SimClock
from tests.fixtures.simulator import SimTcpFactory

WINTER = datetime(2026, 6, 1, 15, 0, tzinfo=UTC)  # Santiago on UTC−04:00
SUMMER = datetime(2026, 1, 15, 15, 0, tzinfo=UTC)  # Santiago on UTC−03:00
H = 3600.0
METER = Comparison.METER_VS_SERVER


@pytest.mark.parametrize(
    ("offset", "verdict", "code"),
    [
        (Offset(0.4, 0.05), Verdict.PASS, "clock.in_sync"),
        (Offset(-4.9, 0.05), Verdict.PASS, "clock.in_sync"),
        (Offset(4.98, 0.05), Verdict.PASS, "clock.in_sync"),  # straddles 5 s, centre inside
        (Offset(5.02, 0.05), Verdict.WARN, "clock.drift_small"),  # straddles, centre outside
        (Offset(-30.0, 0.5), Verdict.WARN, "clock.drift_small"),
        (Offset(59.0, 0.5), Verdict.WARN, "clock.drift_small"),
        (Offset(61.0, 0.5), Verdict.FAIL, "clock.drift_large"),
        (Offset(-600.0, 0.5), Verdict.FAIL, "clock.drift_large"),
        (Offset(3.0, 7.0), Verdict.CANNOT_TELL, "clock.cannot_tell"),  # 5 s inside ±7 s
        (Offset(40.0, 30.0), Verdict.CANNOT_TELL, "clock.cannot_tell"),  # spans 10…70 s
        (Offset(200.0, 30.0), Verdict.FAIL, "clock.drift_large"),  # coarse but surely late
        (Offset(20.0, 8.0), Verdict.WARN, "clock.drift_small"),  # coarse but surely in the band
    ],
)
def test_bands_with_default_thresholds(offset: Offset, verdict: Verdict, code: str) -> None:
    result = judge(METER, offset, at=WINTER)
    assert (result.verdict, result.code) == (verdict, code)
    assert result.whole_hours is None


def test_configurable_thresholds() -> None:
    strict = DriftThresholds(pass_s=1.0, warn_s=10.0)
    assert judge(METER, Offset(3.0, 0.1), strict, at=WINTER).verdict is Verdict.WARN
    assert judge(METER, Offset(12.0, 0.1), strict, at=WINTER).verdict is Verdict.FAIL
    assert judge(METER, Offset(0.5, 0.6), strict, at=WINTER).verdict is Verdict.PASS
    with pytest.raises(ValueError, match="pass_s"):
        DriftThresholds(pass_s=10, warn_s=5)


def test_messages_say_which_clock_how_far_and_which_way() -> None:
    late = judge(Comparison.LAPTOP_VS_SERVER, Offset(-30.0, 0.12), at=WINTER)
    assert late.message.startswith("The laptop's clock is 30 s behind the server's (± 0.12 s).")
    assert "Set time automatically" in late.message
    ahead = judge(Comparison.METER_VS_LAPTOP, Offset(125.0, 0.3), at=WINTER)
    assert "meter's clock is 2 min 5 s ahead of the laptop's" in ahead.message
    assert "Set the meter's clock" in ahead.message
    assert ahead.params["amount"] == "2 min 5 s"


def meter_showing(wall_offset_h: float, drift_s: float, now: datetime) -> MeterClockRead:
    """A meter whose wall clock shows Santiago time shifted by `wall_offset_h` hours plus a drift,
    read as Santiago local time (how Medido reads a meter that keeps local time)."""
    shown = now + timedelta(hours=wall_offset_h, seconds=drift_s)
    wall = shown.astimezone(ZoneInfo("America/Santiago")).replace(tzinfo=None)
    return MeterClockRead(meter_wall_time(wall, "America/Santiago"), now, 0.6)


def test_meter_showing_utc_in_santiago_is_a_setting_not_a_clock() -> None:
    for now, hours in ((WINTER, 4), (SUMMER, 3)):
        server = ClockSample(now, now + timedelta(seconds=0.08), now, 0.001)
        # The meter's wall clock shows UTC: Santiago wall time + 4 h (winter) or + 3 h (summer).
        read = meter_showing(hours, 1.5, now + timedelta(seconds=0.04))
        (_, meter_server, meter_laptop) = judge_drift(ClockDrift.measure([server], read), at=now)
        assert meter_server.whole_hours == hours
        assert meter_server.code == "clock.meter_keeps_utc"
        assert meter_server.verdict is Verdict.FAIL
        assert "the meter shows UTC" in meter_server.message
        assert meter_laptop.code == "clock.meter_keeps_utc"


def test_one_hour_in_santiago_is_the_dst_setting() -> None:
    result = judge(METER, Offset(-H + 2.0, 0.6), at=WINTER)
    assert (result.code, result.whole_hours) == ("clock.meter_dst_wrong", -1)
    assert "daylight saving time setting is wrong" in result.message
    assert "not its clock" in result.message


def test_one_hour_in_magallanes_means_dst_where_there_is_none() -> None:
    setting = MeterTimeSetting(zone="America/Punta_Arenas")
    result = judge(METER, Offset(H, 0.6), meter=setting, at=WINTER)
    assert result.code == "clock.meter_dst_not_observed_here"
    assert "Turn DST off" in result.message


def test_other_whole_hours_are_a_time_zone_setting() -> None:
    result = judge(METER, Offset(2 * H + 1.0, 0.6), at=WINTER)
    assert (result.code, result.whole_hours) == ("clock.meter_timezone_wrong", 2)
    assert result.params["hours"] == "2"


def test_meter_read_as_utc_but_keeping_local_time() -> None:
    setting = MeterTimeSetting(keeps_local_time=False)
    result = judge(METER, Offset(-4 * H, 0.6), meter=setting, at=WINTER)
    assert result.code == "clock.meter_keeps_local"
    assert "Tell Medido the meter keeps local time" in result.message


def test_laptop_off_by_whole_hours_has_the_wrong_time_zone() -> None:
    result = judge(Comparison.LAPTOP_VS_SERVER, Offset(-3 * H - 0.8, 0.1), at=WINTER)
    assert result.code == "clock.laptop_timezone_wrong"
    assert result.whole_hours == -3


def test_hours_plus_real_drift_or_coarse_measurement_is_not_diagnosed_as_a_setting() -> None:
    assert judge(METER, Offset(H + 300.0, 0.6), at=WINTER).code == "clock.drift_large"
    assert judge(METER, Offset(4 * H, 600.0), at=WINTER).code == "clock.drift_large"


def test_judge_drift_lists_what_was_measured() -> None:
    server = ClockSample(WINTER, WINTER + timedelta(seconds=0.1), WINTER, 0.001)
    only_server = judge_drift(ClockDrift.measure([server]), at=WINTER)
    assert [v.comparison for v in only_server] == [Comparison.LAPTOP_VS_SERVER]
    read = MeterClockRead(WINTER + timedelta(seconds=3), WINTER, 0.5)
    only_meter = judge_drift(ClockDrift.measure([], read), at=WINTER)
    assert [v.comparison for v in only_meter] == [Comparison.METER_VS_LAPTOP]


def test_format_duration() -> None:
    assert format_duration(0.123) == "0.12 s"
    assert format_duration(-4.56) == "4.6 s"
    assert format_duration(42.4) == "42 s"
    assert format_duration(252) == "4 min 12 s"
    assert format_duration(3 * H + 2) == "3 h 0 min 2 s"


# --- against the meter simulator over real Modbus TCP -----------------------------------------


async def read_simulated_meter(
    meter_sim_tcp: SimTcpFactory, meter_zone: str, clock_offset_s: float
) -> ClockDrift:
    running = await meter_sim_tcp(
        "schneider-iem3000",
        faults=Faults(clock_offset_s=clock_offset_s),
        clock=SimClock(),  # real time: the laptop and the meter share this machine's clock
        timezone=meter_zone,
    )
    link = TcpLink(running.host, running.port)
    try:
        await link.connect()
        profile = default_library().get("schneider-iem3000")
        read = await read_meter_clock(link, profile, running.unit, ZoneInfo("America/Santiago"))
    finally:
        await link.close()
    return ClockDrift.measure([], read.as_clock_read())


async def test_simulated_meter_in_sync(meter_sim_tcp: SimTcpFactory) -> None:
    drift = await read_simulated_meter(meter_sim_tcp, "America/Santiago", 1.5)
    (verdict,) = judge_drift(drift)
    assert verdict.comparison is Comparison.METER_VS_LAPTOP
    assert verdict.code == "clock.in_sync"
    assert verdict.offset.low <= 1.5 <= verdict.offset.high


async def test_simulated_meter_keeping_utc(meter_sim_tcp: SimTcpFactory) -> None:
    drift = await read_simulated_meter(meter_sim_tcp, "UTC", 0.0)
    (verdict,) = judge_drift(drift)
    offset = datetime.now(UTC).astimezone(ZoneInfo("America/Santiago")).utcoffset()
    assert offset is not None
    assert verdict.code == "clock.meter_keeps_utc"
    assert verdict.whole_hours == -round(offset.total_seconds() / H)


async def test_simulated_meter_an_hour_ahead(meter_sim_tcp: SimTcpFactory) -> None:
    drift = await read_simulated_meter(meter_sim_tcp, "America/Santiago", H + 0.7)
    (verdict,) = judge_drift(drift)
    assert verdict.code == "clock.meter_dst_wrong"
    assert verdict.whole_hours == 1
