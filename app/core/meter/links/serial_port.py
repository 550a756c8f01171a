"""Modbus RTU over a serial port (an RS-485 USB adapter), and the list of ports for the GUI."""

from __future__ import annotations

import asyncio
import errno
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Unpack

from app.core.meter.bus_time import BusTiming, LinkKind
from app.core.meter.links.base import LinkOptions, ModbusLink
from app.core.meter.links.errors import LinkDown, LinkError
from app.core.meter.profile import Parity

# pymodbus and pyserial are imported where a port is listed or opened, not here: the GUI imports
# this module at start-up, long before it touches a port.
if TYPE_CHECKING:
    from pymodbus.client.base import ModbusBaseClient


@dataclass(frozen=True, slots=True)
class SerialPortInfo:
    device: str  # "/dev/ttyUSB0", "COM3"
    description: str  # "FT232R USB UART"
    vid: int | None = None
    pid: int | None = None
    serial_number: str | None = None
    manufacturer: str | None = None

    @property
    def vid_pid(self) -> str | None:
        """ "0403:6001" for an FTDI adapter; None for a built-in port."""
        if self.vid is None or self.pid is None:
            return None
        return f"{self.vid:04X}:{self.pid:04X}"


def list_serial_ports() -> list[SerialPortInfo]:
    """The serial ports present now, USB adapters first."""
    from serial.tools import list_ports

    ports = [
        SerialPortInfo(
            p.device,
            p.description if p.description and p.description != "n/a" else p.device,
            p.vid,
            p.pid,
            p.serial_number,
            p.manufacturer,
        )
        for p in list_ports.comports()
    ]
    return sorted(ports, key=lambda p: (p.vid is None, p.device))


def port_present(port: str) -> bool:
    if os.name == "nt":
        from serial.tools import list_ports

        return port.upper() in {p.device.upper() for p in list_ports.comports()}
    return os.path.exists(port)


class SerialLink(ModbusLink):
    """One serial port; every unit id on its RS-485 bus is reached through it."""

    kind = LinkKind.RTU

    def __init__(
        self,
        port: str,
        baud: int = 9600,
        parity: Parity | str = Parity.NONE,
        stop_bits: int = 1,
        data_bits: int = 8,
        *,
        response_s: float = 0.010,
        **options: Unpack[LinkOptions],
    ) -> None:
        super().__init__(**options)
        self.port = port
        self.baud = baud
        self.parity = Parity(parity)
        self.stop_bits = stop_bits
        self.data_bits = data_bits
        self.response_s = response_s  # for the bus-time model only: how long meters take

    @property
    def settings(self) -> str:
        """ "9600 8N1"."""
        return f"{self.baud} {self.data_bits}{self.parity.value}{self.stop_bits}"

    @property
    def description(self) -> str:
        return f"{self.port} ({self.settings})"

    @property
    def timing(self) -> BusTiming:
        return BusTiming.rtu(
            self.baud,
            self.parity,
            self.stop_bits,
            response_s=self.response_s,
            pause_s=self.pause_s,
        )

    def _new_client(
        self,
        trace_packet: Callable[[bool, bytes], bytes],
        trace_connect: Callable[[bool], None],
    ) -> ModbusBaseClient:
        from pymodbus.client import AsyncModbusSerialClient
        from pymodbus.framer import FramerType

        return AsyncModbusSerialClient(
            self.port,
            framer=FramerType.RTU,
            baudrate=self.baud,
            bytesize=self.data_bits,
            parity=self.parity.value,
            stopbits=self.stop_bits,
            timeout=self.timeout_s,
            retries=0,
            reconnect_delay=0,  # Medido reconnects itself, with events
            trace_packet=trace_packet,
            trace_connect=trace_connect,
        )

    async def _connect_failure(self, elapsed_s: float, reconnecting: bool) -> LinkError:
        # Off the loop: on Windows these walk the device list, which can take a while.
        if not await asyncio.to_thread(port_present, self.port):
            if reconnecting:
                return LinkError(
                    "port-missing",
                    f"The USB adapter {self.port} disappeared — plug it back in; "
                    "Medido will reconnect.",
                )
            ports = await asyncio.to_thread(list_serial_ports)
            present = ", ".join(p.device for p in ports) or "none"
            return LinkError(
                "port-missing",
                f"The serial port {self.port} does not exist — plug in the USB adapter or choose "
                f"another port (ports present: {present}).",
            )
        error = self._open_error or await asyncio.to_thread(self._open_again)
        if error is not None and refused_settings(error):
            return LinkError(
                "port-settings",
                f"The serial port {self.port} refused these settings: {self.settings} "
                f"({_reason(error)}); choose another baud rate or parity, or check the adapter "
                "(some USB adapters do not support every speed).",
            )
        reason = _reason(error) if error else "it opened on a second try; it may have been busy"
        return LinkError(
            "port-unavailable",
            f"The serial port {self.port} could not be opened ({reason}) — close any other "
            "program using it (another Modbus tool, a terminal); on Linux, your user needs to "
            "be in the dialout group.",
        )

    def _open_again(self) -> Exception | None:
        """Open the port with these settings to learn why pymodbus could not, when it hid it."""
        import serial

        try:
            serial.Serial(
                self.port, self.baud, self.data_bits, self.parity.value, self.stop_bits
            ).close()
        except Exception as e:  # SerialException, OSError, ValueError, termios.error
            return e
        return None

    def _lost(self) -> LinkDown:
        if not port_present(self.port):
            return LinkDown(
                "port-lost",
                f"The USB adapter {self.port} disappeared — plug it back in; "
                "Medido will reconnect.",
            )
        return LinkDown(
            "port-error",
            f"The serial port {self.port} stopped working (input/output error) — check the USB "
            "adapter and its cable; Medido will reconnect.",
        )


_EINVAL_TEXTS = ("(22,", "Invalid argument", "parameter is incorrect")


def refused_settings(error: BaseException) -> bool:
    """Whether opening failed on the line settings rather than on the port itself.

    pyserial says so in several ways: termios.error or OSError with EINVAL from tcsetattr,
    SerialException "Could not configure port" (POSIX) or "Cannot configure port" (Windows),
    ValueError for a speed the driver refuses.
    """
    if isinstance(error, ValueError):
        return True
    if getattr(error, "errno", None) == errno.EINVAL or error.args[:1] == (errno.EINVAL,):
        return True  # termios.error is not an OSError: its errno is only in args
    text = str(error)  # a SerialException that wraps the termios or Windows error as text
    return "configure port" in text and any(m in text for m in _EINVAL_TEXTS)


def _reason(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 160 else text[:160] + "…"
