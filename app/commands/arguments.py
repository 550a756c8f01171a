"""Argument parsing shared by the meter commands."""

from __future__ import annotations

from app.core.meter.links import DEFAULT_PORT


def parse_host_port(text: str, default_port: int | None = DEFAULT_PORT) -> tuple[str, int]:
    """ "10.0.0.5:502" → ("10.0.0.5", 502); "[::1]:1502" → ("::1", 1502).

    "10.0.0.5" takes `default_port` (Modbus TCP's 502); with None the port is required.
    """
    host, sep, port = text.rpartition(":") if ":" in text else (text, "", "")
    if not sep and default_port is not None:
        port = str(default_port)
    if not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ValueError(f"expected HOST:PORT such as 192.168.1.60:502, got {text!r}")
    return host.strip("[]"), int(port)
