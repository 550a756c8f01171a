"""Modbus TCP, and Modbus RTU framing over a TCP socket (serial-to-Ethernet gateways)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Unpack

from app.core.meter.bus_time import BusTiming, LinkKind
from app.core.meter.links.base import LinkOptions, ModbusLink
from app.core.meter.links.errors import LinkDown, LinkError
from app.core.meter.links.guard import mbap_problem

if TYPE_CHECKING:  # pymodbus loads in `_new_client`, when the link opens, not at start-up
    from pymodbus.client.base import ModbusBaseClient

DEFAULT_PORT = 502


class TcpLink(ModbusLink):
    """A Modbus TCP connection to a meter or a TCP gateway (unit id per request)."""

    scheme = "tcp"
    kind = LinkKind.TCP
    framer = "socket"  # a pymodbus FramerType value; the enum itself would load pymodbus now
    garbled_hint = (
        "check that this address and port speak Modbus TCP (a serial gateway in transparent "
        "mode needs rtutcp://), and that only one device answers at this unit id."
    )
    silence_hint = (
        "check the unit id (a gateway passes it on to the meter), the IP address and port, and "
        "that the meter or its gateway is on."
    )

    def __init__(
        self,
        host: str,
        port: int = DEFAULT_PORT,
        *,
        round_trip_s: float = 0.005,
        **options: Unpack[LinkOptions],
    ) -> None:
        super().__init__(**options)
        self.host = host
        self.port = port
        self.round_trip_s = round_trip_s
        if self.framer == "socket":
            self._frame_check = mbap_problem  # pymodbus waits or raises on a bad header

    @property
    def description(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"

    @property
    def timing(self) -> BusTiming:
        return BusTiming.tcp(self.round_trip_s, pause_s=self.pause_s)

    def _new_client(
        self,
        trace_packet: Callable[[bool, bytes], bytes],
        trace_connect: Callable[[bool], None],
    ) -> ModbusBaseClient:
        from pymodbus.client import AsyncModbusTcpClient
        from pymodbus.framer import FramerType

        return AsyncModbusTcpClient(
            self.host,
            port=self.port,
            framer=FramerType(self.framer),
            timeout=self.timeout_s,
            retries=0,
            reconnect_delay=0,  # Medido reconnects itself, with events
            trace_packet=trace_packet,
            trace_connect=trace_connect,
        )

    async def _connect_failure(self, elapsed_s: float, reconnecting: bool) -> LinkError:
        where = f"{self.host}:{self.port}"
        then = " Medido keeps trying." if reconnecting else ""
        try:
            await asyncio.get_running_loop().getaddrinfo(self.host, self.port)
        except (OSError, UnicodeError):  # UnicodeError: a name IDNA cannot encode
            return LinkError(
                "host-unknown",
                f"The address {self.host} could not be found — check its spelling "
                f"(an IP address such as 192.168.1.50 avoids name lookups).{then}",
            )
        if elapsed_s >= 0.9 * self.timeout_s:
            return LinkError(
                "connect-timeout",
                f"No answer from {where} within {self.timeout_s:g} s — check that the meter or "
                f"gateway is powered, on this network, and that the address is right.{then}",
            )
        return LinkError(
            "connect-refused",
            f"{where} refused the connection — nothing listens on port {self.port} "
            "(Modbus TCP is usually 502), or the device accepts one client at a time and "
            f"another program holds it.{then}",
        )

    def _lost(self) -> LinkDown:
        return LinkDown(
            "connection-lost",
            f"The connection to {self.host}:{self.port} was lost — Medido will reconnect.",
        )


class RtuOverTcpLink(TcpLink):
    """RTU frames (with CRC) through a transparent serial-to-TCP gateway."""

    scheme = "rtutcp"
    kind = LinkKind.RTU_OVER_TCP
    framer = "rtu"
    garbled_hint = (
        "check that the gateway passes RTU frames through (a Modbus TCP gateway needs tcp://), "
        "its baud rate and parity, and that only one device answers at this unit id."
    )
    silence_hint = (
        "check the unit id, the gateway's IP address and port, and behind it the serial "
        "settings and the wiring."
    )

    def __init__(
        self,
        host: str,
        port: int = DEFAULT_PORT,
        *,
        baud: int = 9600,
        round_trip_s: float = 0.005,
        **options: Unpack[LinkOptions],
    ) -> None:
        super().__init__(host, port, round_trip_s=round_trip_s, **options)
        self.baud = baud  # the gateway's serial side, for the bus-time model only

    @property
    def timing(self) -> BusTiming:
        return BusTiming.rtu_over_tcp(self.baud, self.round_trip_s, pause_s=self.pause_s)
