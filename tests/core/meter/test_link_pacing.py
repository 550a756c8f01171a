"""How long a link keeps quiet before each request: nothing over Modbus TCP, Modbus RTU's 3.5
characters plus the device's turnaround on RS-485, the turnaround (or the address's `pause_ms`)
through an RTU-over-TCP gateway. The strict meters here ignore a request that comes too soon after
their last reply, as some RS-485 meters do."""

from __future__ import annotations

import dataclasses
import time

import pytest

from app.core.meter.links import SerialLink, TcpLink
from app.core.meter.meter_uri import open_link, parse_meter_uri
from app.core.meter.profile import MeterProfile
from app.core.meter.profile_loader import default_library
from app.core.meter.reader import MeterReader
from app.simulator import Faults
from tests.fixtures.simulator import SimRtuFactory, SimTcpFactory

STRICT = Faults(min_pause_ms=30)  # answers only requests 30 ms or more after its last reply


def with_turnaround(seconds: float, profile_id: str = "eastron-sdm630") -> MeterProfile:
    shipped = default_library().get(profile_id)
    limits = dataclasses.replace(shipped.limits, turnaround_s=seconds)
    return dataclasses.replace(shipped, limits=limits)


async def test_a_tcp_link_never_pauses_even_for_a_device_with_a_turnaround(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    slow = with_turnaround(0.3)
    sim = await meter_sim_tcp(slow)
    link = open_link(parse_meter_uri(f"tcp://{sim.host}:{sim.port}?unit=1"), slow)
    assert isinstance(link, TcpLink)
    reader = MeterReader(link, slow, 1)
    assert link.pause_s == 0
    assert reader.plan.timing.pause_s == 0
    started = time.monotonic()
    reading = await reader.poll()
    assert reading.ok
    assert reading.stats.requests == 4
    assert time.monotonic() - started < 0.3  # with the turnaround kept: 3 × 0.3 s
    await link.close()


@pytest.mark.parametrize(
    ("baud", "parity", "gap_s"),
    [
        (9600, "N", 0.0040104),  # 3.5 × 11 bits / 9600, whatever the line's own parity
        (19200, "E", 0.0020052),
        (38400, "N", 0.00175),  # Modbus fixes t3.5 at 1.75 ms above 19200 baud
        (115200, "E", 0.00175),
    ],
)
def test_the_serial_default_is_three_and_a_half_characters_plus_the_turnaround(
    baud: int, parity: str, gap_s: float
) -> None:
    link = SerialLink("/dev/ttyUSB9", baud, parity)
    assert link.pause_s == pytest.approx(gap_s, rel=1e-4)
    link.require_turnaround(0.02)
    link.require_turnaround(0.01)  # the slowest device on the bus wins
    assert link.pause_s == pytest.approx(gap_s + 0.02, rel=1e-4)
    assert link.timing.pause_s == link.pause_s  # the planner models the pause that is kept


async def test_rs485_keeps_the_turnaround_a_strict_meter_needs(
    meter_sim_rtu: SimRtuFactory,
) -> None:
    slow = with_turnaround(0.04)
    sim = await meter_sim_rtu(slow, faults=STRICT)
    link = SerialLink(sim.port, sim.baud, timeout_s=0.3, retries=0)
    reading = await MeterReader(link, slow, 1).poll()
    assert reading.ok, reading.error
    assert reading.stats.timeouts == 0
    await link.close()

    hasty = SerialLink(sim.port, sim.baud, timeout_s=0.3, retries=0)
    missed = await MeterReader(hasty, with_turnaround(0.0), 1).poll()
    assert missed.error is not None  # 4 ms of silence: the strict meter ignores the second request
    await hasty.close()


async def test_a_gateway_takes_the_turnaround_unless_the_address_sets_a_pause(
    meter_sim_rtu_over_tcp: SimTcpFactory,
) -> None:
    sim = await meter_sim_rtu_over_tcp("eastron-sdm630", faults=STRICT)
    shipped = default_library().get("eastron-sdm630")
    address = f"rtutcp://{sim.host}:{sim.port}?unit=1"
    hasty = open_link(parse_meter_uri(address), shipped, timeout_s=0.3, retries=0)
    assert hasty.pause_s == 0  # no documented turnaround: the gateway paces its serial side
    assert (await MeterReader(hasty, shipped, 1).poll()).error is not None
    await hasty.close()

    paced = open_link(parse_meter_uri(address + "&pause_ms=40"), shipped, timeout_s=0.3, retries=0)
    assert paced.pause_s == 0.04
    reading = await MeterReader(paced, shipped, 1).poll()
    assert reading.ok, reading.error
    assert reading.stats.timeouts == 0
    await paced.close()

    assert open_link(parse_meter_uri(address), with_turnaround(0.04)).pause_s == 0.04
    overridden = open_link(parse_meter_uri(address + "&pause_ms=5"), with_turnaround(0.04))
    assert overridden.pause_s == 0.005  # the address's setting wins over the profile
