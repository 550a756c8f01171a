"""Meter addresses as URIs, as `medido read --meter` takes them.

    tcp://192.168.1.50:502?unit=1
    rtu:///dev/ttyUSB0?baud=9600&parity=N&stop=1&unit=1      (rtu://COM3?... on Windows)
    rtutcp://192.168.1.60:4001?unit=1&baud=9600              (RTU frames through a gateway)

Serial settings left out come from the meter profile's defaults; the TCP port defaults to 502.
`pause_ms` (rtu and rtutcp) sets the silence before each request, replacing the default: on
RS-485 Modbus's 3.5 characters plus the profile's turnaround, through a gateway the turnaround
(see `bus_time.default_pause_s`).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from typing import Unpack
from urllib.parse import parse_qsl, urlsplit

from app.core.meter.bus_time import LinkKind
from app.core.meter.links import (
    DEFAULT_PORT,
    LinkOptions,
    ModbusLink,
    RtuOverTcpLink,
    SerialLink,
    TcpLink,
)
from app.core.meter.profile import MeterProfile, Parity, SerialDefaults

EXAMPLES = (
    "tcp://192.168.1.50:502?unit=1",
    "rtu:///dev/ttyUSB0?baud=9600&parity=N&stop=1&unit=1",
    "rtu://COM3?baud=9600&parity=N&stop=1&unit=1",
    "rtutcp://192.168.1.60:4001?unit=1",
)
_SERIAL_KEYS = {"baud", "parity", "stop", "data"}
MAX_PAUSE_MS = 10_000  # the profile's turnaround_s is capped at 10 s too
MAX_LENGTH = 300  # a long host name, a long serial port path and every setting fit
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp"})  # controls, bidi and other format characters
_DIGITS = re.compile(r"[0-9]{1,9}")  # ASCII: int() also reads "١٢", " 1" and "1_0"
_HOST_LABEL = re.compile(r"[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?", re.IGNORECASE)


class MeterURIError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class MeterURI:
    kind: LinkKind
    unit: int | None = None
    host: str = ""  # TCP and RTU over TCP
    port: int = DEFAULT_PORT
    serial_port: str = ""  # RTU
    baud: int | None = None
    parity: Parity | None = None
    stop_bits: int | None = None
    data_bits: int | None = None
    pause_ms: int | None = None  # RTU and RTU over TCP: the silence before each request

    def resolved_serial(self, defaults: SerialDefaults) -> SerialDefaults:
        """The serial settings: what the URI says, the profile's defaults for the rest."""
        return SerialDefaults(
            baud=self.baud or defaults.baud,
            parity=self.parity or defaults.parity,
            stop_bits=self.stop_bits or defaults.stop_bits,
            data_bits=self.data_bits or defaults.data_bits,
        )

    def unit_for(self, profile: MeterProfile | None) -> int:
        if self.unit is not None:
            return self.unit
        if profile is not None and profile.default_unit is not None:
            return profile.default_unit
        return 1

    def __str__(self) -> str:
        """The URI again: `parse_meter_uri(str(uri)) == uri`."""
        parity = self.parity.value if self.parity else None
        query = {
            "unit": self.unit,
            "baud": self.baud,
            "stop": self.stop_bits,
            "parity": parity,
            "data": self.data_bits,
            "pause_ms": self.pause_ms,
        }
        q = "&".join(f"{k}={v}" for k, v in query.items() if v is not None)
        host = f"[{self.host}]" if ":" in self.host else self.host  # IPv6
        where = f"{host}:{self.port}" if self.kind != LinkKind.RTU else self.serial_port
        return f"{self.kind.value}://{where}" + (f"?{q}" if q else "")


def _shown(text: str, limit: int = 60) -> str:
    """User text for a message: cut short, quoted, control and bidi characters escaped."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _fail(code: str, text: str, uri: str) -> MeterURIError:
    examples = "\n  ".join(EXAMPLES)
    return MeterURIError(code, f"Bad meter address {_shown(uri)}: {text}\nExamples:\n  {examples}")


def parse_meter_uri(uri: str) -> MeterURI:
    """Parse a meter URI; a MeterURIError names the wrong part and shows correct examples.

    Any text gives a MeterURI or a MeterURIError, never another exception.
    """
    text = uri.strip()
    _check_characters(text, uri)
    try:
        parts = urlsplit(text)
    except ValueError:  # a '[' without its ']', or brackets around something not an IP address
        raise _fail(
            "uri-host",
            "the brackets do not hold an IPv6 address; write one as tcp://[fe80::1]:502.",
            uri,
        ) from None
    schemes = {k.value: k for k in LinkKind}
    if parts.scheme not in schemes:
        shown = parts.scheme or "(none)"
        raise _fail("uri-scheme", f"the kind {shown!r} is not one of tcp, rtu, rtutcp.", uri)
    kind = schemes[parts.scheme]
    query = _query(parts.query, kind, uri)
    unit = _int(query, "unit", 0, 247, uri)
    pause_ms = _int(query, "pause_ms", 0, MAX_PAUSE_MS, uri)
    if kind == LinkKind.RTU:
        return MeterURI(
            kind,
            unit,
            serial_port=_serial_port(parts.netloc, parts.path, uri),
            baud=_int(query, "baud", 300, 1_000_000, uri),
            parity=_parity(query, uri),
            stop_bits=_int(query, "stop", 1, 2, uri),
            data_bits=_int(query, "data", 7, 8, uri),
            pause_ms=pause_ms,
        )
    host, port = _host_port(parts.netloc, parts.path, uri)
    baud = _int(query, "baud", 300, 1_000_000, uri)
    return MeterURI(kind, unit, host=host, port=port, baud=baud, pause_ms=pause_ms)


def _check_characters(text: str, uri: str) -> None:
    if len(text) > MAX_LENGTH:
        raise _fail("uri-length", f"it is {len(text)} characters long; no address is.", uri)
    for char in text:
        category = unicodedata.category(char)
        if category == "Cs":  # how Python passes on bytes of a command line that are not UTF-8
            raise _fail("uri-text", "it holds bytes that are not text (not UTF-8).", uri)
        if category in _INVISIBLE or char.isspace():
            raise _fail(
                "uri-text",
                f"it holds a space or an invisible character (U+{ord(char):04X}); "
                "type the address again.",
                uri,
            )
    if "#" in text or "@" in text:
        raise _fail("uri-text", "'#' and '@' have no place in a meter address.", uri)


def _query(text: str, kind: LinkKind, uri: str) -> dict[str, str]:
    allowed = {"unit"} | (_SERIAL_KEYS if kind == LinkKind.RTU else set())
    if kind == LinkKind.RTU_OVER_TCP:
        allowed.add("baud")  # the gateway's line speed, for the bus-time model
    if kind != LinkKind.TCP:
        allowed.add("pause_ms")  # an RS-485 matter: a Modbus TCP device needs no pause
    try:
        pairs = parse_qsl(
            text, keep_blank_values=True, strict_parsing=bool(text), max_num_fields=10
        )
    except ValueError:
        raise _fail(
            "uri-query", f"the part after '?' ({_shown(text)}) is not key=value&key=value.", uri
        ) from None
    query = dict(pairs)
    unknown = sorted(set(query) - allowed)
    if unknown:
        raise _fail(
            "uri-query",
            f"{', '.join(map(_shown, unknown))} is not a setting of {kind.value}:// "
            f"(use {', '.join(sorted(allowed))}).",
            uri,
        )
    if len(query) < len(pairs):
        raise _fail("uri-query", "a setting is given twice; give each once.", uri)
    return query


def _int(query: dict[str, str], key: str, low: int, high: int, uri: str) -> int | None:
    if key not in query:
        return None
    text = query[key]
    value = int(text) if _DIGITS.fullmatch(text) else -1
    if not low <= value <= high:
        raise _fail(
            f"uri-{key}", f"{key}={_shown(text)} must be a whole number from {low} to {high}.", uri
        )
    return value


def _parity(query: dict[str, str], uri: str) -> Parity | None:
    parity = query.get("parity")
    if parity is None:
        return None
    if parity.upper() not in {"N", "E", "O"}:
        raise _fail(
            "uri-parity", f"parity={_shown(parity)} must be N (none), E (even) or O (odd).", uri
        )
    return Parity(parity.upper())


def _serial_port(netloc: str, path: str, uri: str) -> str:
    if netloc and not path:
        return netloc  # rtu://COM3
    if not netloc and path:
        return path  # rtu:///dev/ttyUSB0
    if not netloc and not path:
        raise _fail("uri-port", "the serial port is missing.", uri)
    raise _fail(
        "uri-port",
        f"the serial port {_shown(netloc + path)} is not a full path — on Linux and macOS write "
        f"three slashes: rtu:///{netloc}{path}.",
        uri,
    )


def _host_port(netloc: str, path: str, uri: str) -> tuple[str, int]:
    if path not in ("", "/"):
        raise _fail(
            "uri-host", f"{_shown(path)} after the host is not expected; give host:port only.", uri
        )
    parsed = urlsplit(f"//{netloc}")
    try:
        port = parsed.port
    except ValueError:
        port = 0
    if port == 0:
        raise _fail(
            "uri-port", f"the port in {_shown(netloc)} must be a number from 1 to 65535.", uri
        )
    host = parsed.hostname
    if not host:
        raise _fail("uri-host", "the host (an IP address or a name) is missing.", uri)
    if not netloc.startswith("[") and not _is_host(host):
        raise _fail(
            "uri-host",
            f"{_shown(host)} is not an IP address or a host name (letters, digits, '-' and '.'; "
            "an IPv6 address goes in brackets: tcp://[fe80::1]:502).",
            uri,
        )
    return host, port or DEFAULT_PORT


def is_host(host: str) -> bool:
    """An IP address (IPv6 without its brackets), or a DNS name; never raises."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return _is_host(host)
    return True


def _is_host(host: str) -> bool:
    """An IPv4 address, or a DNS name (international names in their IDNA form)."""
    try:
        return ipaddress.ip_address(host).version == 4
    except ValueError:
        pass
    try:
        name = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    labels = name.removesuffix(".").split(".")
    if len(name) > 253 or all(label.isdigit() for label in labels):
        return False  # too long for DNS, or a mistyped IPv4 address such as 192.168.1.300
    return all(_HOST_LABEL.fullmatch(label) for label in labels)


def open_link(
    uri: MeterURI, profile: MeterProfile | None = None, **options: Unpack[LinkOptions]
) -> ModbusLink:
    """The link a URI names (not connected yet), paced and timed for the profile's device."""
    if profile is not None:
        options.setdefault("timeout_s", profile.limits.timeout_s)
    if uri.pause_ms is not None:
        options.setdefault("pause_s", uri.pause_ms / 1000)
    defaults = profile.serial if profile is not None else SerialDefaults()
    link: ModbusLink
    if uri.kind == LinkKind.TCP:
        link = TcpLink(uri.host, uri.port, **options)
    elif uri.kind == LinkKind.RTU_OVER_TCP:
        link = RtuOverTcpLink(uri.host, uri.port, baud=uri.baud or defaults.baud, **options)
    else:
        s = uri.resolved_serial(defaults)
        link = SerialLink(uri.serial_port, s.baud, s.parity, s.stop_bits, s.data_bits, **options)
    if profile is not None:
        link.require_turnaround(profile.limits.turnaround_s)
    return link
