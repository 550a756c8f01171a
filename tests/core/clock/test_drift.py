from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.core.api import ApiError, ChileMedidoClient, Environment
from app.core.clock.drift import (
    ClockDrift,
    ClockSample,
    MeterClockRead,
    Offset,
    best_sample,
    meter_wall_time,
    sample_server,
)
from app.emulator.server import EmulatorServer
from app.emulator.world import FailureRule, default_world
from tests.fixtures.emulator import EmulatorFactory

T0 = datetime(2026, 6, 1, 15, 0, 0, tzinfo=UTC)


def s(seconds: float) -> timedelta:
    return timedelta(seconds=seconds)


def exchange(
    true_offset: float, delay_out: float, delay_back: float, *, start: datetime = T0
) -> ClockSample:
    """A synthetic exchange: the server's clock is `true_offset` ahead of the laptop's, and reads
    it `delay_out` after the request leaves; its ISO text has milliseconds (truncated)."""
    server_reads_at = start + s(delay_out) + s(true_offset)
    shown = server_reads_at.replace(microsecond=server_reads_at.microsecond // 1000 * 1000)
    iso = shown.strftime("%Y-%m-%dT%H:%M:%S.") + f"{shown.microsecond // 1000:03d}Z"
    return ClockSample.from_exchange(
        start, start + s(delay_out + delay_back), int(shown.timestamp()), iso
    )


def test_symmetric_exchange_finds_the_offset_within_a_millisecond() -> None:
    sample = exchange(12.3456, 0.040, 0.040)
    offset = sample.server_offset
    assert sample.resolution_s == 0.001
    assert offset.seconds == pytest.approx(12.3456, abs=0.001)
    assert offset.uncertainty == pytest.approx(0.040 + 0.0005)


def test_asymmetric_delays_stay_within_the_uncertainty() -> None:
    for out, back in [(0.001, 0.300), (0.300, 0.001), (0.150, 0.150)]:
        offset = exchange(-7.25, out, back).server_offset
        assert offset.low <= -7.25 <= offset.high
        assert offset.uncertainty == pytest.approx((out + back) / 2 + 0.0005)


def test_whole_seconds_only_centre_half_a_second_later_with_half_a_second_more() -> None:
    server = T0 + s(100.7)  # the server truncates to 100 s
    sample = ClockSample.from_exchange(T0, T0 + s(0.2), int(server.timestamp()), None)
    offset = sample.server_offset
    assert sample.resolution_s == 1.0
    assert offset.seconds == pytest.approx(100 + 0.5 - 0.1)
    assert offset.uncertainty == pytest.approx(0.1 + 0.5)
    assert offset.low <= 100.7 - 0.1 <= offset.high


def test_iso_that_disagrees_with_the_timestamp_is_not_trusted() -> None:
    stamp = int((T0 + s(5)).timestamp())
    local_iso = "2026-06-01T11:00:05.123-04:00"  # agrees: same instant, written in Chile time
    assert ClockSample.from_exchange(T0, T0, stamp, local_iso).resolution_s == 0.001
    wrong_zone = "2026-06-01T11:00:05.123"  # naive local text read as UTC: 4 h off
    sample = ClockSample.from_exchange(T0, T0, stamp, wrong_zone)
    assert sample.resolution_s == 1.0
    assert sample.server_time == T0 + s(5)
    assert ClockSample.from_exchange(T0, T0, stamp, "not a date").resolution_s == 1.0


def test_min_filter_keeps_the_fastest_exchange() -> None:
    samples = [
        exchange(3.0, 0.500, 0.050, start=T0),
        exchange(3.0, 0.020, 0.025, start=T0 + s(2)),  # fastest
        exchange(3.0, 0.050, 0.900, start=T0 + s(4)),
    ]
    assert best_sample(samples) is samples[1]
    drift = ClockDrift.measure(samples)
    assert drift.sample is samples[1]
    assert drift.samples_taken == 3
    laptop = drift.laptop_vs_server
    assert laptop is not None
    assert laptop.seconds == pytest.approx(-3.0, abs=0.003)
    assert laptop.uncertainty == pytest.approx(0.0225 + 0.0005)
    # The slow ones alone would have given a much wider range.
    assert samples[0].server_offset.uncertainty > 10 * laptop.uncertainty


def test_no_samples() -> None:
    with pytest.raises(ValueError, match="no server-time exchange"):
        best_sample([])
    drift = ClockDrift.measure([])
    assert drift.laptop_vs_server is None
    assert drift.meter_vs_server is None


def test_laptop_clock_jumping_back_mid_exchange_is_refused() -> None:
    with pytest.raises(ValueError, match="jumped"):
        ClockSample(T0, T0 - s(1), T0, 1.0)
    with pytest.raises(ValueError, match="aware"):
        ClockSample(T0.replace(tzinfo=None), T0, T0, 1.0)


@dataclass(frozen=True)
class FakeServerTime:
    """The API client's ServerTime shape, with the fields it documents."""

    timestamp: int
    utc: datetime
    sent_at: datetime
    received_at: datetime


def test_from_the_api_clients_answer() -> None:
    with_ms = FakeServerTime(0, T0 + s(2.5), T0, T0 + s(0.1))
    assert ClockSample.from_server_time(with_ms).resolution_s == 0.001
    assert ClockSample.from_server_time(with_ms).server_offset.seconds == pytest.approx(2.4505)
    on_the_second = FakeServerTime(0, T0 + s(2), T0, T0 + s(0.1))
    assert ClockSample.from_server_time(on_the_second).resolution_s == 1.0


def test_meter_offsets_chain_and_uncertainties_add() -> None:
    server = exchange(2.0, 0.030, 0.030)  # server 2 s ahead of the laptop
    meter = MeterClockRead(
        meter_time=T0 + s(60 + 7.0), read_at=T0 + s(60), uncertainty_s=0.6
    )  # meter 7 s ahead of the laptop
    drift = ClockDrift.measure([server], meter)
    meter_vs_laptop = drift.meter_vs_laptop
    meter_vs_server = drift.meter_vs_server
    assert meter_vs_laptop == Offset(7.0, 0.6)
    assert meter_vs_server is not None
    assert meter_vs_server.seconds == pytest.approx(5.0, abs=0.002)
    assert meter_vs_server.uncertainty == pytest.approx(0.6 + 0.030 + 0.0005)


def test_meter_local_time_is_read_in_its_zone() -> None:
    wall = datetime(2026, 6, 1, 11, 0, 0)  # winter: Santiago is UTC−04:00
    assert meter_wall_time(wall, "America/Santiago") == T0
    assert meter_wall_time(wall, None) == datetime(2026, 6, 1, 11, 0, tzinfo=UTC)
    aware = datetime(2026, 6, 1, 11, 0, tzinfo=ZoneInfo("America/Punta_Arenas"))
    assert meter_wall_time(aware, "America/Santiago") is aware  # already an instant
    summer = datetime(2026, 1, 15, 12, 0, 0)
    assert meter_wall_time(summer, "America/Santiago").utcoffset() == timedelta(hours=-3)


def test_offset_arithmetic() -> None:
    a = Offset(3.0, 0.5)
    assert -a == Offset(-3.0, 0.5)
    assert a + Offset(-1.0, 0.25) == Offset(2.0, 0.75)
    assert (a.low, a.high) == (2.5, 3.5)


# --- sampling a real server: the emulator over loopback HTTP ------------------------------------


async def logged_in(emulator: EmulatorServer) -> ChileMedidoClient:
    client = ChileMedidoClient(
        Environment.emulator(emulator.base_url), remember_tokens=False, trust_env=False
    )
    await client.login(emulator.issue_refresh_token())
    return client


async def test_sampling_the_emulator_finds_its_clock_offset(
    emulator_factory: EmulatorFactory,
) -> None:
    emulator = emulator_factory(replace(default_world(), clock_offset_s=-17.5))
    api = await logged_in(emulator)
    try:
        samples = await sample_server(api, count=3, pause_s=0.01)
    finally:
        await api.aclose()
    assert len(samples) == 3
    assert all(sample.resolution_s == 0.001 for sample in samples)  # the ISO has milliseconds
    offset = best_sample(samples).server_offset
    assert offset.low <= -17.5 <= offset.high
    assert offset.uncertainty < 0.5


async def test_sampling_a_server_that_fails_raises_its_error(
    emulator_factory: EmulatorFactory,
) -> None:
    broken = FailureRule("status", "GET /server-time", status=400, message="reloj roto")
    emulator = emulator_factory(replace(default_world(), failures=(broken,)))
    api = await logged_in(emulator)
    try:
        with pytest.raises(ApiError):
            await sample_server(api, count=2, pause_s=0.0)
    finally:
        await api.aclose()


class FlakyServer:
    """Answers once, then drops: the second failure cannot be ordered from the emulator."""

    def __init__(self) -> None:
        self.calls = 0

    async def server_time(self) -> FakeServerTime:
        self.calls += 1
        if self.calls > 1:
            raise ConnectionError("gone")
        return FakeServerTime(0, T0 + s(1.25), T0, T0 + s(0.05))


async def test_sampling_keeps_what_it_got_before_a_failure() -> None:
    server = FlakyServer()
    samples = await sample_server(server, count=4, pause_s=0.0)
    assert len(samples) == 1
    assert server.calls == 2
