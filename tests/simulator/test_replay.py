"""ReplayMeter over real Modbus TCP: captured words, sub-ranges, exceptions, exception 2 else."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from pymodbus.client import AsyncModbusTcpClient

from app.core.meter.capture import CapturedRead
from app.simulator import MeterSimulator
from app.simulator.replay import ReplayMeter

READS = [
    CapturedRead(4, 0, 4, (17256, 0, 17257, 16384)),
    CapturedRead(4, 4, 2, (1, 2)),
    CapturedRead(3, 0, 2, (7, 8)),
    CapturedRead(4, 100, 2, None, 4),
    CapturedRead(1, 0, 3, (1, 0, 1)),
]


@pytest.fixture
async def client() -> AsyncIterator[AsyncModbusTcpClient]:
    async with MeterSimulator({5: ReplayMeter(READS)}) as sim:
        port = await sim.start_tcp("127.0.0.1", 0)
        modbus = AsyncModbusTcpClient("127.0.0.1", port=port, timeout=2, retries=0)
        assert await modbus.connect()
        try:
            yield modbus
        finally:
            modbus.close()


async def test_captured_reads_and_parts_of_them(client: AsyncModbusTcpClient) -> None:
    whole = await client.read_input_registers(0, count=4, device_id=5)
    assert whole.registers == [17256, 0, 17257, 16384]
    part = await client.read_input_registers(2, count=2, device_id=5)
    assert part.registers == [17257, 16384]
    across = await client.read_input_registers(3, count=2, device_id=5)  # two captured blocks
    assert across.registers == [16384, 1]
    holding = await client.read_holding_registers(0, count=2, device_id=5)
    assert holding.registers == [7, 8]
    coils = await client.read_coils(0, count=3, device_id=5)
    assert coils.bits[:3] == [True, False, True]


async def test_captured_exception_and_exception_2_for_the_rest(
    client: AsyncModbusTcpClient,
) -> None:
    captured = await client.read_input_registers(100, count=2, device_id=5)
    assert captured.isError()
    assert captured.exception_code == 4
    for response in (
        await client.read_input_registers(5, count=2, device_id=5),  # runs past a block
        await client.read_input_registers(200, count=1, device_id=5),  # never captured
        await client.read_holding_registers(2, count=1, device_id=5),  # the other space
        await client.read_input_registers(100, count=1, device_id=5),  # inside the exception
        await client.write_registers(0, [1], device_id=5),
    ):
        assert response.isError()
        assert response.exception_code == 2


def test_the_newest_answer_wins() -> None:
    meter = ReplayMeter([CapturedRead(3, 0, 2, (1, 2)), CapturedRead(3, 1, 1, (9,))])
    assert meter.read(3, 0, 2) == [1, 9]
    assert ReplayMeter([CapturedRead(3, 0, 1, None, 3), CapturedRead(3, 0, 1, (5,))]).read(
        3, 0, 1
    ) == [5]
