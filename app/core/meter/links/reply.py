"""A meter's answer to one request."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from app.core.meter.links.errors import explain_exception

if TYPE_CHECKING:  # pymodbus loads with the first link opened, not at start-up
    from pymodbus.pdu import ModbusPDU


@dataclass(frozen=True, slots=True)
class Reply:
    """The meter's answer: registers, or a Modbus exception code (which is an answer too)."""

    unit: int
    function: int
    address: int
    count: int
    registers: tuple[int, ...] = ()
    exception: int | None = None
    rtt_ms: float = 0.0
    retries: int = 0

    @property
    def ok(self) -> bool:
        return self.exception is None

    @property
    def explanation(self) -> str:
        return "" if self.exception is None else explain_exception(self.exception)


def exception_of(pdu: ModbusPDU) -> int | None:
    if not pdu.isError():
        return None
    code: int = getattr(pdu, "exception_code", 0)
    return code


def reply_summary(label: str, pdu: ModbusPDU, rtt_ms: float) -> str:
    if pdu.isError():
        code = exception_of(pdu) or 0
        return f"{label} → {explain_exception(code)} ({rtt_ms:.0f} ms)"
    return f"{label} → ok ({rtt_ms:.0f} ms)"


def reply_detail(frame: bytes, pdu: ModbusPDU) -> str:
    """The reply's bytes in hex, then what they say: registers, bits, or the exception."""
    if pdu.isError():
        code = exception_of(pdu) or 0
        decoded = f"exception {code}: {explain_exception(code)}"
    elif registers := list(getattr(pdu, "registers", None) or []):
        decoded = "registers " + registers_text(registers)
    elif bits := list(getattr(pdu, "bits", None) or []):
        decoded = "bits " + "".join("1" if b else "0" for b in bits)
    else:
        decoded = "ok"
    return f"{frame.hex(' ')}\n{decoded}"


def registers_text(registers: list[int]) -> str:
    """ "123 (0x007B) 456 (0x01C8)": each register in decimal and hex, in one format operation
    for them all (formatting each on its own took three times as long, on every reply)."""
    values: list[int] = [0] * (2 * len(registers))
    values[::2] = values[1::2] = registers
    return _registers_format(len(registers)) % tuple(values)


@cache
def _registers_format(count: int) -> str:
    return " ".join(["%d (0x%04X)"] * count)
