"""Meter URIs: the three kinds, defaults from the profile, and clear errors."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.meter.bus_time import LinkKind
from app.core.meter.links import RtuOverTcpLink, SerialLink, TcpLink
from app.core.meter.meter_uri import MeterURIError, open_link, parse_meter_uri
from app.core.meter.profile import DeviceLimits, MeterProfile, Parity, SerialDefaults


def profile(**kw: object) -> MeterProfile:
    return MeterProfile("x", "Acme", "X", (), **kw)  # type: ignore[arg-type]


def test_tcp_with_defaults() -> None:
    uri = parse_meter_uri("tcp://192.168.1.50?unit=3")
    assert (uri.kind, uri.host, uri.port, uri.unit) == (LinkKind.TCP, "192.168.1.50", 502, 3)
    assert str(uri) == "tcp://192.168.1.50:502?unit=3"


def test_rtu_linux_and_windows_ports() -> None:
    linux = parse_meter_uri("rtu:///dev/ttyUSB0?baud=9600&parity=e&stop=1&unit=1")
    assert linux.serial_port == "/dev/ttyUSB0"
    assert (linux.baud, linux.parity, linux.stop_bits) == (9600, Parity.EVEN, 1)
    assert parse_meter_uri("rtu://COM3?unit=2").serial_port == "COM3"
    assert str(linux) == "rtu:///dev/ttyUSB0?unit=1&baud=9600&stop=1&parity=E"


@pytest.mark.parametrize(
    "text",
    [
        "tcp://192.168.1.50:1502?unit=3",
        "rtu:///dev/ttyUSB0?unit=2&baud=19200&stop=2&parity=O&data=7",
        "rtu://COM3",
        "rtutcp://10.0.0.9:4001?unit=5&baud=38400",
        "rtutcp://10.0.0.9:4001?unit=5&pause_ms=20",
        "rtu:///dev/ttyUSB0?baud=9600&pause_ms=0",
    ],
)
def test_a_uri_written_back_reads_the_same(text: str) -> None:
    uri = parse_meter_uri(text)
    assert parse_meter_uri(str(uri)) == uri


def test_missing_serial_settings_come_from_the_profile() -> None:
    uri = parse_meter_uri("rtu:///dev/ttyUSB0?baud=38400")
    defaults = SerialDefaults(baud=19200, parity=Parity.EVEN, stop_bits=1)
    resolved = uri.resolved_serial(defaults)
    assert (resolved.baud, resolved.parity, resolved.stop_bits) == (38400, Parity.EVEN, 1)
    link = open_link(uri, profile(serial=defaults, limits=DeviceLimits(turnaround_s=0.05)))
    assert isinstance(link, SerialLink)
    assert link.settings == "38400 8E1"
    assert link.pause_s == 0.00175 + 0.05  # Modbus's fixed t3.5 above 19200 baud + turnaround
    assert link.timing.char_bits == 11


def test_unit_defaults_to_the_profile_then_1() -> None:
    uri = parse_meter_uri("tcp://meter.local:1502")
    assert uri.unit_for(profile(default_unit=7)) == 7
    assert uri.unit_for(None) == 1


def test_rtu_over_tcp_link() -> None:
    link = open_link(parse_meter_uri("rtutcp://10.0.0.9:4001?unit=1&baud=19200"))
    assert isinstance(link, RtuOverTcpLink)
    assert link.description == "rtutcp://10.0.0.9:4001"
    assert link.timing.baud == 19200
    assert isinstance(open_link(parse_meter_uri("tcp://h")), TcpLink)


@pytest.mark.parametrize(
    ("uri", "code", "names"),
    [
        ("modbus://1.2.3.4", "uri-scheme", "'modbus'"),
        ("192.168.1.5:502", "uri-scheme", "tcp, rtu, rtutcp"),
        ("tcp://1.2.3.4:99999", "uri-port", "1 to 65535"),
        ("tcp://:502", "uri-host", "host"),
        ("tcp://1.2.3.4?unit=300", "uri-unit", "unit='300'"),
        ("tcp://1.2.3.4?slave=1", "uri-query", "slave"),
        ("tcp://1.2.3.4?baud=9600", "uri-query", "baud"),
        ("rtu://dev/ttyUSB0", "uri-port", "rtu:///dev/ttyUSB0"),
        ("rtu:///dev/ttyUSB0?parity=X", "uri-parity", "parity='X'"),
        ("rtu:///dev/ttyUSB0?stop=3", "uri-stop", "stop='3'"),
        ("rtu:///dev/ttyUSB0?baud=fast", "uri-baud", "baud='fast'"),
        ("rtu://", "uri-port", "missing"),
        ("tcp://1.2.3.4?pause_ms=5", "uri-query", "pause_ms"),  # Modbus TCP never pauses
        ("rtutcp://1.2.3.4?pause_ms=20000", "uri-pause_ms", "0 to 10000"),
    ],
)
def test_bad_uris_name_the_wrong_part_and_show_examples(uri: str, code: str, names: str) -> None:
    with pytest.raises(MeterURIError) as info:
        parse_meter_uri(uri)
    assert info.value.code == code
    assert names in info.value.message
    assert "tcp://192.168.1.50:502?unit=1" in info.value.message


@pytest.mark.parametrize(
    ("uri", "code"),
    [
        ("tcp://[fe80::1:502", "uri-host"),  # the IPv6 bracket is never closed
        ("tcp://[not-ipv6]:502", "uri-host"),
        ("tcp://" + "a" * 300, "uri-length"),
        ("tcp://" + ".".join(["a" * 60] * 4) + "x" * 20, "uri-host"),  # over 253 characters
        ("tcp://" + "a" * 64 + ".example", "uri-host"),  # a DNS label is at most 63
        ("tcp://192.168.1.300", "uri-host"),
        ("tcp://meter one", "uri-text"),
        ("tcp://10.0.0.5" + os.fsdecode(b"\xff\xfe"), "uri-text"),  # argv bytes, not UTF-8
        ("tcp://10.0.0.5\x1b[31m", "uri-text"),
        ("tcp://\u202e5.0.0.01", "uri-text"),
        ("tcp://10.0.0.5:0", "uri-port"),
        ("tcp://10.0.0.5:-1", "uri-port"),
        ("tcp://10.0.0.5:65536", "uri-port"),
        ("tcp://10.0.0.5:５０２", "uri-port"),
        ("tcp://user@10.0.0.5", "uri-text"),
        ("rtu:///dev/ttyUSB0#1", "uri-text"),
        ("tcp://10.0.0.5?unit=1&unit=2", "uri-query"),
        ("tcp://10.0.0.5?unit", "uri-query"),
        ("tcp://10.0.0.5?unit=١", "uri-unit"),
        ("tcp://10.0.0.5?unit=1_0", "uri-unit"),
        ("tcp://10.0.0.5?unit=" + "9" * 200, "uri-unit"),
        ("tcp://10.0.0.5?unit=" + "9" * 5000, "uri-length"),
        ("tcp://10.0.0.5?" + "&".join(f"k{i}=1" for i in range(12)), "uri-query"),
        ("tcp://10.0.0.5?%1b%5b2J=1", "uri-query"),
    ],
)
def test_hostile_addresses_are_refused_with_a_message(uri: str, code: str) -> None:
    with pytest.raises(MeterURIError) as info:
        parse_meter_uri(uri)
    assert info.value.code == code
    assert info.value.message.isprintable() or "\n" in info.value.message
    assert all(line.isprintable() for line in info.value.message.splitlines())
    assert len(info.value.message.splitlines()[0]) < 300


def test_ipv6_hosts_and_names_are_accepted_and_written_back() -> None:
    for text in ("tcp://[::1]:1502?unit=2", "rtutcp://[fe80::1]", "tcp://medidor-3.local"):
        uri = parse_meter_uri(text)
        assert parse_meter_uri(str(uri)) == uri
    assert parse_meter_uri("tcp://[::1]:1502").host == "::1"
    assert parse_meter_uri("tcp://medidor.ñandú.cl").host == "medidor.ñandú.cl"


_PREFIXES = st.sampled_from(["", "tcp://", "rtu://", "rtu:///", "rtutcp://", "tcp://[", "tcp://h:"])
_ANY_TEXT = st.one_of(st.text(), st.binary().map(os.fsdecode))  # fsdecode: argv's non-UTF-8 bytes


@settings(max_examples=500, deadline=None)
@given(_PREFIXES, _ANY_TEXT, st.sampled_from(["", "?unit=1", "?baud=9600&parity=E"]))
def test_any_text_is_a_meter_uri_or_a_clear_error(prefix: str, middle: str, query: str) -> None:
    error: MeterURIError | None = None
    try:
        uri = parse_meter_uri(prefix + middle + query)
    except MeterURIError as e:
        error = e
    if error is not None:
        assert error.code.startswith("uri-")
        assert all(line.isprintable() for line in error.message.splitlines())
    else:
        assert parse_meter_uri(str(uri)) == uri  # a valid address reads back the same
