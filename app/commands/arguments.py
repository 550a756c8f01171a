"""Argument parsing shared by the commands: host and port, and numbers with their range.

`whole(1, 247, "unit id")` and `number(0.01, 60, "seconds")` are argparse `type=`s: a value
out of range, `inf`, `nan` or `1e999` stops the command at once with exit code 2 and one line,
e.g. "argument --timeout: must be from 0.01 to 60 seconds, got 'nan'".
"""

from __future__ import annotations

import argparse
import math
import re
from collections.abc import Callable

from app.core.meter.links import DEFAULT_PORT
from app.core.meter.meter_uri import is_host

_WHOLE = re.compile(r"[+-]?[0-9]{1,18}")  # ASCII digits only: int() also takes "١٢" and "1_0"
_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,3})?")


def _range(low: float, high: float, unit: str) -> str:
    return f"from {low:g} to {high:g}" + (f" {unit}" if unit else "")


def whole(low: int, high: int, unit: str = "") -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`."""

    def parse(text: str) -> int:
        value = int(text) if _WHOLE.fullmatch(text.strip()) else None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"must be a whole number {_range(low, high, unit)}, got {text[:40]!r}"
            )
        return value

    return parse


def number(low: float, high: float, unit: str = "") -> Callable[[str], float]:
    """An argparse type: a finite number from `low` to `high` (never inf or nan)."""

    def parse(text: str) -> float:
        value = float(text) if _NUMBER.fullmatch(text.strip()) else math.nan
        if not math.isfinite(value) or not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"must be a number {_range(low, high, unit)}, got {text[:40]!r}"
            )
        return value

    return parse


def parse_host_port(text: str, default_port: int | None = DEFAULT_PORT) -> tuple[str, int]:
    """ "10.0.0.5:502" → ("10.0.0.5", 502); "[::1]:1502" → ("::1", 1502).

    "10.0.0.5" takes `default_port` (Modbus TCP's 502); with None the port is required. Any text
    gives a pair or a ValueError whose message is safe to print (repr escapes controls).
    """
    host, sep, port = text.rpartition(":") if ":" in text else (text, "", "")
    if not sep and default_port is not None:
        port = str(default_port)
    bracketed = host.startswith("[") and host.endswith("]")
    host = host[1:-1] if bracketed else host
    good_host = bool(host) and is_host(host) and (bracketed or ":" not in host)
    if not good_host or not _WHOLE.fullmatch(port) or not 0 <= int(port) <= 65535:
        raise ValueError(
            f"expected HOST:PORT such as 192.168.1.60:502 or [fe80::1]:502, got {text[:80]!r}"
        )
    return host, int(port)
