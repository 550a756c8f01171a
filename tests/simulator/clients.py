"""pymodbus clients for the simulator's tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from pymodbus.client import AsyncModbusTcpClient
from pymodbus.framer import FramerType
from pymodbus.pdu import ModbusPDU

from app.core.meter.profile import Function
from tests.fixtures.simulator import RunningSimulator


@asynccontextmanager
async def tcp_client(
    running: RunningSimulator, timeout: float = 2.0, framer: FramerType = FramerType.SOCKET
) -> AsyncIterator[AsyncModbusTcpClient]:
    client = AsyncModbusTcpClient(
        running.host, port=running.port, framer=framer, timeout=timeout, retries=0
    )
    assert await client.connect()
    try:
        yield client
    finally:
        client.close()


async def read(
    client: AsyncModbusTcpClient, function: Function, address: int, count: int, unit: int = 1
) -> ModbusPDU:
    if function is Function.HOLDING:
        return await client.read_holding_registers(address, count=count, device_id=unit)
    return await client.read_input_registers(address, count=count, device_id=unit)
