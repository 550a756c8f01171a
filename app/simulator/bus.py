"""The bus behind a pymodbus server: routes each request to the simulated meter at its unit id.

pymodbus 3.16 turns an ordinary server context into its SimCore, which answers an unknown unit id
with exception 4 and cannot withhold a reply. A real RS-485 bus stays silent for a unit id nobody
has, and a flaky meter sometimes never answers, so this context is served as it is (the path
pymodbus 3.16 keeps for custom contexts) and stays silent by raising NoSuchIdException, which the
server drops when started with ignore_missing_devices=True.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import Protocol

from pymodbus.constants import ExcCodes
from pymodbus.datastore import ModbusServerContext
from pymodbus.exceptions import NoSuchIdException

from app.simulator.faults import Faults


class BusMeter(Protocol):
    """What the bus asks of a meter: a SimulatedMeter or a ReplayMeter (simulator/replay.py)."""

    @property
    def faults(self) -> Faults: ...
    def read(
        self, function_code: int, address: int, count: int
    ) -> list[int] | list[bool] | int: ...
    def write(self, function_code: int, address: int, values: Sequence[int]) -> int | None: ...
    def next_reply_dropped(self) -> bool: ...
    def replied(self) -> None: ...
    def summary(self) -> str: ...


class BusContext(ModbusServerContext):
    """Unit id → meter (a SimulatedMeter or a ReplayMeter). `gateway=True` answers unknown ids
    with exception 0x0B, as a Modbus TCP gateway does when its serial device does not respond;
    otherwise: no answer."""

    def __init__(self, meters: Mapping[int, BusMeter], *, gateway: bool = False) -> None:
        # super().__init__ is skipped on purpose: it wants pymodbus device contexts (and logs that
        # they go away in v4). These two attributes tell ModbusBaseServer to use us as we are.
        self.simdevices = []
        self.old_simulator = True
        self.meters = meters
        self.gateway = gateway

    async def _meter(self, device_id: int) -> BusMeter | ExcCodes:
        meter = self.meters.get(device_id)
        if meter is None:
            if self.gateway:
                return ExcCodes.GATEWAY_NO_RESPONSE
            raise NoSuchIdException(f"no meter at unit {device_id}")
        if meter.next_reply_dropped():
            raise NoSuchIdException(f"unit {device_id} drops this reply (fault)")
        delay_ms = meter.faults.delay_ms
        if delay_ms > 0:
            await asyncio.sleep(delay_ms / 1000.0)
        return meter

    async def async_getValues(
        self, device_id: int, func_code: int, address: int, count: int = 1
    ) -> list[int] | list[bool] | ExcCodes:
        meter = await self._meter(device_id)
        if isinstance(meter, ExcCodes):
            return meter
        result = meter.read(func_code, address, count)
        meter.replied()
        return ExcCodes(result) if isinstance(result, int) else result

    async def async_setValues(
        self,
        device_id: int,
        func_code: int,
        address: int,
        values: Sequence[int] | Sequence[bool],
    ) -> ExcCodes | None:
        meter = await self._meter(device_id)
        if isinstance(meter, ExcCodes):
            return meter
        code = meter.write(func_code, address, [int(v) for v in values])
        meter.replied()
        return None if code is None else ExcCodes(code)

    def device_ids(self) -> list[int]:
        return list(self.meters)
