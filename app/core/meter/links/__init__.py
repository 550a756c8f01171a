"""Modbus links: one service object per TCP socket or serial port."""

from app.core.meter.links.base import LinkOptions, ModbusLink
from app.core.meter.links.errors import (
    LinkDown,
    LinkError,
    LinkTimeout,
    explain_exception,
)
from app.core.meter.links.reply import Reply
from app.core.meter.links.serial_port import (
    SerialLink,
    SerialPortInfo,
    list_serial_ports,
    port_present,
)
from app.core.meter.links.state import Backoff, LinkEvent, LinkState
from app.core.meter.links.stats import LinkStats
from app.core.meter.links.tcp import DEFAULT_PORT, RtuOverTcpLink, TcpLink

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
