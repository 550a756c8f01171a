"""What can go wrong on a Modbus link, with stable codes and installer-grade English messages.

A Modbus exception reply is not an error of the link: it is the meter's answer, returned as a
result with its code and explanation. `LinkError`s are raised when there is no answer at all.
"""

from __future__ import annotations

# Modbus exception code -> plain explanation (the GUI translates by the code's number)
_EXCEPTIONS: dict[int, str] = {
    1: "illegal function: the meter does not support this read function "
    "(the profile may use function 4 where the meter wants 3, or the other way round)",
    2: "illegal data address: the meter has no register there "
    "(another model or variant, or an address off by one)",
    3: "illegal data value: the meter refused the request (often too many registers at once)",
    4: "device failure: the meter could not produce the value now; Medido retries next poll",
    5: "acknowledge: the meter accepted a long command and is still working",
    6: "device busy: the meter is busy; Medido retries next poll",
    8: "memory parity error reported by the meter",
    0x0A: "gateway path unavailable: the gateway has no route to that unit (check its settings)",
    0x0B: "gateway target did not respond: the gateway is reachable but the meter behind it did "
    "not answer (check the unit id, RS-485 wiring and serial settings)",
}


def explain_exception(code: int) -> str:
    """A plain explanation of a Modbus exception code, e.g. for a sensor marked not available."""
    text = _EXCEPTIONS.get(code, f"exception code {code} (not a standard code)")
    return f"Modbus exception {code}: {text}"


# Exceptions that mean "this register does not exist here": remember and stop asking.
MISSING_REGISTER_CODES = frozenset({2, 3})
# Gateway codes that mean "nobody at that unit id" when scanning.
GATEWAY_NO_TARGET_CODES = frozenset({0x0A, 0x0B})


class LinkError(Exception):
    """No answer from the link. `code` is stable (the GUI translates by it)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message


class LinkTimeout(LinkError):
    """The meter did not answer within the timeout, after the retries."""


class LinkDown(LinkError):
    """The connection is not there (lost, reconnecting, or never made)."""
