"""MeterSimulator: serve simulated meters over Modbus TCP, RTU over serial and RTU over TCP.

Several meters share one bus (one unit id each). Start as many transports as you like; they all
serve the same meters. Works in any running asyncio loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from types import TracebackType
from typing import Self, cast

from pymodbus.framer import FramerType
from pymodbus.server import ModbusSerialServer, ModbusTcpServer
from pymodbus.server.base import ModbusBaseServer

from app.simulator.bus import BusContext, BusMeter
from app.simulator.errors import SimulatorError

log = logging.getLogger(__name__)


class MeterSimulator:
    def __init__(self, meters: Mapping[int, BusMeter], *, gateway: bool = False) -> None:
        for unit in meters:
            if not 1 <= unit <= 247:
                raise SimulatorError(
                    "sim.bad_unit", f"unit id {unit} is outside 1-247; pick another unit id"
                )
        self.meters = dict(meters)
        self.gateway = gateway
        self._servers: list[ModbusBaseServer] = []
        self.endpoints: list[str] = []  # human-readable, e.g. "tcp 127.0.0.1:5020"

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    async def _listen(self, server: ModbusBaseServer, where: str) -> None:
        try:
            await server.serve_forever(background=True)
        except (RuntimeError, OSError) as exc:
            raise SimulatorError(
                "sim.listen_failed",
                f"could not serve on {where}: {exc}. Is it in use, or the port name wrong?",
            ) from exc
        self._servers.append(server)
        self.endpoints.append(where)
        log.info("meter simulator serving units %s on %s", sorted(self.meters), where)

    async def _start_socket(self, host: str, port: int, framer: FramerType, gateway: bool) -> int:
        server = ModbusTcpServer(
            BusContext(self.meters, gateway=gateway),
            framer=framer,
            address=(host, port),
            ignore_missing_devices=True,
        )
        kind = "tcp" if framer is FramerType.SOCKET else "rtu-over-tcp"
        await self._listen(server, f"{kind} {host}:{port}")
        # Port 0 lets the OS pick a free port; read back what it picked (no race).
        listener = cast(asyncio.Server, server.transport)
        bound = int(listener.sockets[0].getsockname()[1])
        self.endpoints[-1] = f"{kind} {host}:{bound}"
        return bound

    async def start_tcp(self, host: str = "127.0.0.1", port: int = 0) -> int:
        """Modbus TCP (MBAP framing). Returns the bound port."""
        return await self._start_socket(host, port, FramerType.SOCKET, self.gateway)

    async def start_rtu_over_tcp(self, host: str = "127.0.0.1", port: int = 0) -> int:
        """RTU frames (with CRC) on a TCP socket, like a transparent serial gateway."""
        return await self._start_socket(host, port, FramerType.RTU, False)

    async def start_serial(
        self,
        port: str,
        baud: int = 9600,
        parity: str = "N",
        stop_bits: int = 1,
        data_bits: int = 8,
    ) -> None:
        """Modbus RTU on a serial port (a USB adapter, or one end of a socat pty pair)."""
        server = ModbusSerialServer(
            BusContext(self.meters),
            framer=FramerType.RTU,
            port=port,
            baudrate=baud,
            parity=parity,
            stopbits=stop_bits,
            bytesize=data_bits,
            ignore_missing_devices=True,
        )
        await self._listen(server, f"serial {port} {baud} {data_bits}{parity}{stop_bits}")

    async def stop(self) -> None:
        servers, self._servers = self._servers, []
        self.endpoints = []
        for server in servers:
            listener = server.transport
            await server.shutdown()  # type: ignore[no-untyped-call]
            if isinstance(listener, asyncio.Server):
                await listener.wait_closed()
