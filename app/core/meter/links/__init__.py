"""Modbus links: one service object per TCP socket or serial port.

The link classes load on first use (PEP 562 `__getattr__`): before its first window paints, the
GUI needs only the states, errors and counters, and importing base, tcp, serial_port, connection
and the rest (their dataclasses, the traffic log, asyncio) cost start-up time in the frozen app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.lazy_exports import lazy_exports

# Light modules (no asyncio, no other app modules), needed at start-up: loaded now.
from app.core.meter.links.errors import (
    LinkDown,
    LinkError,
    LinkTimeout,
    explain_exception,
)
from app.core.meter.links.state import Backoff, LinkEvent, LinkState
from app.core.meter.links.stats import LinkStats

if TYPE_CHECKING:
    from app.core.meter.links.base import LinkOptions, ModbusLink
    from app.core.meter.links.reply import Reply
    from app.core.meter.links.serial_port import (
        SerialLink,
        SerialPortInfo,
        list_serial_ports,
        port_present,
    )
    from app.core.meter.links.tcp import DEFAULT_PORT, RtuOverTcpLink, TcpLink

# Name -> the submodule that defines it, imported when the name is first asked for.
_LAZY = {
    "LinkOptions": "base",
    "ModbusLink": "base",
    "Reply": "reply",
    "SerialLink": "serial_port",
    "SerialPortInfo": "serial_port",
    "list_serial_ports": "serial_port",
    "port_present": "serial_port",
    "DEFAULT_PORT": "tcp",
    "RtuOverTcpLink": "tcp",
    "TcpLink": "tcp",
}

__all__ = [
    "DEFAULT_PORT",
    "Backoff",
    "LinkDown",
    "LinkError",
    "LinkEvent",
    "LinkOptions",
    "LinkState",
    "LinkStats",
    "LinkTimeout",
    "ModbusLink",
    "Reply",
    "RtuOverTcpLink",
    "SerialLink",
    "SerialPortInfo",
    "TcpLink",
    "explain_exception",
    "list_serial_ports",
    "port_present",
]

if not TYPE_CHECKING:  # hidden from mypy (app/core/lazy_exports.py says why)
    __getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals())
