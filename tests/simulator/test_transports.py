"""A pymodbus client reads the simulator over TCP, RTU on a pty pair, and RTU over TCP."""

from __future__ import annotations

import pytest
from pymodbus.client import AsyncModbusSerialClient, AsyncModbusTcpClient
from pymodbus.framer import FramerType

from app.core.meter.profile import Function, MeterProfile
from app.simulator import SimulatedMeter
from tests.fixtures.simulator import SimRtuFactory, SimTcpFactory
from tests.simulator import sample_profiles
from tests.simulator.bus_decoder import decode_mapping

Image = dict[tuple[Function, int], int]


def spans(profile: MeterProfile) -> list[tuple[Function, int, int]]:
    """One request per mapped value (simple on purpose: planning is the reader's job)."""
    return sorted({(p.function, p.address, p.count) for m in profile.sensors for p in m.parts})


async def read_all(
    client: AsyncModbusTcpClient | AsyncModbusSerialClient, unit: int, profile: MeterProfile
) -> Image:
    image: Image = {}
    for function, address, count in spans(profile):
        read = (
            client.read_holding_registers
            if function is Function.HOLDING
            else client.read_input_registers
        )
        response = await read(address, count=count, device_id=unit)
        assert not response.isError(), (function, address, response)
        image.update({(function, address + i): w for i, w in enumerate(response.registers)})
    return image


def check_against_model(meter: SimulatedMeter, image: Image) -> None:
    for (function, address), word in image.items():
        assert word == meter.words(function, address, 1)[0]
    expected = meter.expected_values()
    for mapping in meter.profile.sensors:
        want = expected[mapping.sensor]
        got = decode_mapping(image, mapping)
        if want is None:
            assert got is None, mapping.sensor
        else:
            assert got == pytest.approx(want, rel=1e-6, abs=1e-9), mapping.sensor


async def test_tcp(meter_sim_tcp: SimTcpFactory) -> None:
    profile = sample_profiles.schneider_iem3000()
    running = await meter_sim_tcp(profile, unit=3)
    client = AsyncModbusTcpClient(running.host, port=running.port, timeout=2, retries=0)
    await client.connect()
    try:
        check_against_model(running.meter, await read_all(client, 3, profile))
    finally:
        client.close()


async def test_rtu_over_tcp(meter_sim_rtu_over_tcp: SimTcpFactory) -> None:
    profile = sample_profiles.carlo_gavazzi_em340()
    running = await meter_sim_rtu_over_tcp(profile, unit=5)
    client = AsyncModbusTcpClient(
        running.host, port=running.port, framer=FramerType.RTU, timeout=2, retries=0
    )
    await client.connect()
    try:
        check_against_model(running.meter, await read_all(client, 5, profile))
    finally:
        client.close()


async def test_rtu_on_a_pty_pair(meter_sim_rtu: SimRtuFactory) -> None:
    profile = sample_profiles.eastron_sdm630()
    running = await meter_sim_rtu(profile, unit=1, baud=19200)
    client = AsyncModbusSerialClient(
        running.port,
        baudrate=running.baud,
        parity=running.parity,
        stopbits=running.stop_bits,
        bytesize=running.data_bits,
        timeout=2,
        retries=0,
    )
    assert await client.connect()
    try:
        check_against_model(running.meter, await read_all(client, 1, profile))
    finally:
        client.close()
