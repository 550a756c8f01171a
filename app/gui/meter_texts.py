"""Texts for the meter address (URI) codes and the link codes error_text.py did not have yet.

Kept apart from error_text.py (which merges them into its table) so each file stays short. Same
shape and context: code -> (what happened, what to do), context "ErrorText".
"""

from __future__ import annotations

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
