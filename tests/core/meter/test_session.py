"""MeterSession over real Modbus TCP against the simulator: the one poll loop, its history and
events, a profile change on a live meter, and which settings changes need a reconnect."""

from __future__ import annotations

import asyncio

import pytest

from app.core.meter.links import LinkError, LinkState
from app.core.meter.meter_uri import parse_meter_uri
from app.core.meter.profile_loader import default_library
from app.core.meter.reading import MeterReading
from app.core.meter.session import MeterSession
from tests.fixtures.simulator import SimTcpFactory

SDM630 = "eastron-sdm630"


async def test_the_poll_loop_records_and_announces_every_reading(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    sim = await meter_sim_tcp(SDM630)
    meter = MeterSession(parse_meter_uri(f"tcp://{sim.host}:{sim.port}?unit=1"), sim.meter.profile)
    heard: list[MeterReading] = []
    meter.readings.subscribe(heard.append)
    await meter.connect()
    loop = asyncio.get_running_loop()
    started = loop.time()
    await meter.poll_loop(interval_s=0.05, count=4)
    took = loop.time() - started
    await meter.close()

    assert len(heard) == meter.polls == len(meter.history) == 4
    assert meter.latest is heard[-1]
    assert all(r.error is None and r.available == len(r.values) for r in heard)
    assert took >= 3 * 0.05  # three pauses between four polls, none after the last
    shown = meter.history.window(sensors=["Voltaje A-N"])
    assert list(shown.times) == [r.at.timestamp() for r in heard]
    assert list(shown.values["Voltaje A-N"]) == [r.values["Voltaje A-N"] for r in heard]
    assert meter.link.state is LinkState.DISCONNECTED


async def test_the_poll_loop_runs_until_cancelled_and_keeps_going_through_silence(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    sim = await meter_sim_tcp(SDM630)
    meter = MeterSession(
        parse_meter_uri(f"tcp://{sim.host}:{sim.port}?unit=1"),
        sim.meter.profile,
        timeout_s=0.1,
        retries=0,
    )
    heard: list[MeterReading] = []
    meter.readings.subscribe(heard.append)
    polling = asyncio.create_task(meter.poll_loop(interval_s=0.02))
    while len(heard) < 2:
        await asyncio.sleep(0.01)
    sim.meter.set_faults(delay_ms=500)  # the meter goes silent: readings say so, the loop goes on
    while not any(r.error is not None for r in heard):
        await asyncio.sleep(0.01)
    sim.meter.set_faults(delay_ms=0)
    seen = len(heard)
    while not (len(heard) > seen and heard[-1].error is None):
        await asyncio.sleep(0.01)
    polling.cancel()
    with pytest.raises(asyncio.CancelledError):
        await polling
    await meter.close()
    assert heard[-1].available == len(heard[-1].values)


async def test_another_profile_reads_the_same_unit_from_the_next_poll(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    sim = await meter_sim_tcp(SDM630)
    uri = parse_meter_uri(f"tcp://{sim.host}:{sim.port}?unit=1")
    meter = MeterSession(uri, sim.meter.profile)
    first = await meter.poll()
    link = meter.link
    other = default_library().get("carlo-gavazzi-em340")
    meter.use_profile(other)
    second = await meter.poll()
    await meter.close()
    assert (first.profile_id, second.profile_id) == (SDM630, other.id)
    assert meter.link is link
    assert second.unit == 1
    assert set(second.values) == set(other.sensor_names)  # decoded with the EM340's map
    assert second.values["Voltaje A-N"] != first.values["Voltaje A-N"]


def test_which_settings_changes_name_another_meter() -> None:
    profile = default_library().get(SDM630)
    serial = profile.serial
    meter = MeterSession(parse_meter_uri("tcp://10.0.0.5:502?unit=1"), profile)
    same = ("tcp://10.0.0.5:502?unit=1", "tcp://10.0.0.5:502")  # the profile's unit is 1
    for text in same:
        assert meter.polls_with(parse_meter_uri(text), profile), text
    for text in ("tcp://10.0.0.5:502?unit=7", "tcp://10.0.0.6:502?unit=1", "tcp://10.0.0.5:503"):
        assert not meter.polls_with(parse_meter_uri(text), profile), text
    assert not meter.polls_with(parse_meter_uri("rtutcp://10.0.0.5:502?unit=1"), profile)

    rtu = MeterSession(parse_meter_uri("rtu:///dev/ttyUSB0?unit=3"), profile)
    explicit = f"rtu:///dev/ttyUSB0?unit=3&baud={serial.baud}&parity={serial.parity.value}"
    assert rtu.polls_with(parse_meter_uri(explicit), profile)  # the defaults, spelt out
    other_baud = 19200 if serial.baud != 19200 else 9600
    changed = f"rtu:///dev/ttyUSB0?unit=3&baud={other_baud}"
    assert not rtu.polls_with(parse_meter_uri(changed), profile)
    assert not rtu.polls_with(parse_meter_uri("rtu:///dev/ttyUSB1?unit=3"), profile)


async def test_a_meter_that_cannot_connect_raises_a_link_error() -> None:
    profile = default_library().get(SDM630)
    # A refusal is told from a timeout by the time it took (under 0.9 × timeout_s): a timeout of
    # 0.2 s misread a refusal on a busy CI machine as silence.
    meter = MeterSession(parse_meter_uri("tcp://127.0.0.1:1?unit=1"), profile, timeout_s=2.0)
    with pytest.raises(LinkError, match="refused the connection"):
        await meter.connect()
    await meter.close()
    assert meter.polls == 0
    assert len(meter.history) == 0
