"""Texts for the meter address (URI) codes and the link codes error_text.py did not have yet.

Kept apart from error_text.py (which merges them into its table) so each file stays short. Same
shape and context: code -> (what happened, what to do), context "ErrorText".

LINK_TODO: what to do about a link error on a known kind of link. The same silence means
different checks on Modbus TCP (address, port, unit id, the gateway) than on an RS-485 bus
(wiring, baud rate, parity, unit id); error_text.describe(error, link=kind) picks these.
"""

from __future__ import annotations

from app.core.meter.bus_time import LinkKind
from app.gui.i18n import N_

_SERIAL_SETTING = (
    N_("ErrorText", "A serial setting in the meter address cannot be used."),
    N_(
        "ErrorText",
        "Check the baud rate, the parity (N, E or O) and the stop bits (1 or 2); the details "
        "name the wrong part.",
    ),
)

METER_TEXTS: dict[str, tuple[str, str]] = {
    # -- meter addresses (app.core.meter.meter_uri) --
    "uri-scheme": (
        N_("ErrorText", "A meter address starts with tcp://, rtu:// or rtutcp://."),
        N_("ErrorText", "Choose the link type, or paste an address like tcp://192.168.1.50:502."),
    ),
    "uri-host": (
        N_("ErrorText", "The meter address has no usable host."),
        N_("ErrorText", "Write the meter's or the gateway's IP address, e.g. 192.168.1.50."),
    ),
    "uri-port": (
        N_("ErrorText", "The port in the meter address cannot be used."),
        N_(
            "ErrorText",
            "Choose a serial port (COM3, /dev/ttyUSB0), or a TCP port from 1 to 65535 "
            "(Modbus TCP is usually 502).",
        ),
    ),
    "uri-unit": (
        N_("ErrorText", "The unit id must be a whole number from 0 to 247."),
        N_("ErrorText", "Use the Modbus address set on the meter (often 1)."),
    ),
    "uri-query": _SERIAL_SETTING,
    "uri-baud": _SERIAL_SETTING,
    "uri-parity": _SERIAL_SETTING,
    "uri-stop": _SERIAL_SETTING,
    "uri-data": _SERIAL_SETTING,
    # -- links (app.core.meter.links) --
    "port-error": (
        N_("ErrorText", "The serial port stopped working."),
        N_("ErrorText", "Check the USB adapter and its cable; Medido reconnects by itself."),
    ),
}

LINK_TODO: dict[tuple[str, LinkKind], str] = {
    ("timeout", LinkKind.TCP): N_(
        "ErrorText",
        "Check the unit id (the meter's Modbus address, which a gateway passes on), the IP "
        "address and port, and that the meter or its gateway is on.",
    ),
    ("timeout", LinkKind.RTU): N_(
        "ErrorText",
        "Check the unit id, the RS-485 wiring (A/B), the baud rate and parity, and that the "
        "meter is powered.",
    ),
    ("timeout", LinkKind.RTU_OVER_TCP): N_(
        "ErrorText",
        "Check the unit id, the gateway's IP address and port, and behind it the RS-485 wiring "
        "(A/B), the baud rate and parity.",
    ),
    ("bad-reply", LinkKind.TCP): N_(
        "ErrorText",
        "Check that the IP address and port are the meter's Modbus TCP (not RTU over TCP), and "
        "that only one device answers at this unit id.",
    ),
    ("bad-reply", LinkKind.RTU_OVER_TCP): N_(
        "ErrorText",
        "Check that the gateway speaks RTU over TCP (not Modbus TCP), its baud rate and parity, "
        "and that only one device answers at this unit id.",
    ),
}
