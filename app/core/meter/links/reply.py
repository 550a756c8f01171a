"""A meter's answer to one request."""

from __future__ import annotations

from dataclasses import dataclass

from pymodbus.pdu import ModbusPDU

from app.core.meter.links.errors import explain_exception


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
