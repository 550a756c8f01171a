"""MeterSimulator's life cycle: many meters on one bus, any event loop, clean stops, errors."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator

import pytest
from pymodbus.client import AsyncModbusSerialClient
from pymodbus.exceptions import ModbusIOException

from app.core.meter.profile import Function
from app.simulator import MeterSimulator, SimulatorError
from tests.fixtures.simulator import RunningSimulator, SimRtuFactory, make_meter
from tests.simulator import sample_profiles
from tests.simulator.clients import read, tcp_client


async def test_one_rs485_bus_many_meters(meter_sim_rtu: SimRtuFactory) -> None:
    other = make_meter(sample_profiles.schneider_iem3000(), seed=2)
    running = await meter_sim_rtu(sample_profiles.eastron_sdm630(), unit=1, others={7: other})
    client = AsyncModbusSerialClient(
        running.port, baudrate=running.baud, parity="N", timeout=0.3, retries=0
    )
    assert await client.connect()
    try:
        first = await client.read_input_registers(0, count=2, device_id=1)
        seventh = await client.read_holding_registers(3059, count=2, device_id=7)
        assert first.registers == running.meter.words(Function.INPUT, 0, 2)
        assert seventh.registers == other.words(Function.HOLDING, 3059, 2)
        with pytest.raises(ModbusIOException):  # nobody at unit 3: the bus stays silent
            await client.read_input_registers(0, count=2, device_id=3)
        assert not (await client.read_input_registers(0, count=2, device_id=1)).isError()
    finally:
        client.close()


async def test_stop_closes_the_port() -> None:
    meter = make_meter(sample_profiles.exotic())
    async with MeterSimulator({1: meter}) as sim:
        port = await sim.start_tcp()
        async with tcp_client(RunningSimulator(sim, meter, "127.0.0.1", port, 1)) as client:
            assert not (await read(client, Function.INPUT, 0, 1)).isError()
    with (
        pytest.raises(ConnectionRefusedError),
        socket.create_connection(("127.0.0.1", port), timeout=1),
    ):
        pass


@pytest.fixture
def other_loop() -> Iterator[asyncio.AbstractEventLoop]:
    """An event loop on its own thread, as the app runs its core."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield loop
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)
    loop.close()


async def test_runs_in_another_threads_loop(other_loop: asyncio.AbstractEventLoop) -> None:
    meter = make_meter(sample_profiles.carlo_gavazzi_em340())
    sim = MeterSimulator({4: meter})
    port = asyncio.run_coroutine_threadsafe(sim.start_tcp(), other_loop).result(5)
    try:
        async with tcp_client(RunningSimulator(sim, meter, "127.0.0.1", port, 4)) as client:
            response = await read(client, Function.INPUT, 40, 2, unit=4)
        assert response.registers == meter.words(Function.INPUT, 40, 2)
    finally:
        asyncio.run_coroutine_threadsafe(sim.stop(), other_loop).result(5)


async def test_a_port_in_use_is_a_clear_error() -> None:
    meter = make_meter(sample_profiles.exotic())
    async with MeterSimulator({1: meter}) as first, MeterSimulator({1: meter}) as second:
        port = await first.start_tcp()
        with pytest.raises(SimulatorError) as info:
            await second.start_tcp("127.0.0.1", port)
    assert info.value.code == "sim.listen_failed"
    assert str(port) in str(info.value)


async def test_a_missing_serial_port_is_a_clear_error() -> None:
    async with MeterSimulator({1: make_meter(sample_profiles.exotic())}) as sim:
        with pytest.raises(SimulatorError, match="/dev/does-not-exist"):
            await sim.start_serial("/dev/does-not-exist")


def test_unit_ids_must_be_on_the_bus() -> None:
    with pytest.raises(SimulatorError) as info:
        MeterSimulator({0: make_meter(sample_profiles.exotic())})
    assert info.value.code == "sim.bad_unit"


async def test_the_pty_pair_fixture_carries_rtu(pty_pair: tuple[str, str]) -> None:
    sim_end, client_end = pty_pair
    meter = make_meter(sample_profiles.abb_b23())
    async with MeterSimulator({2: meter}) as sim:
        await sim.start_serial(sim_end, baud=9600, parity="N", stop_bits=1, data_bits=8)
        client = AsyncModbusSerialClient(
            client_end, baudrate=9600, parity="N", timeout=1, retries=0
        )
        assert await client.connect()
        try:
            response = await client.read_holding_registers(0x5B00, count=6, device_id=2)
        finally:
            client.close()
    assert response.registers == meter.words(Function.HOLDING, 0x5B00, 6)
