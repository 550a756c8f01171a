"""Failures the simulator cannot produce: a Modbus TCP server that sends broken frames, and a
serial port that refuses its settings. Each must end as a LinkError with a clear message and a
FAILED state, never as asyncio's "Fatal error", a pymodbus traceback or "Connecting…" forever.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import termios
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import serial
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.meter.links import LinkDown, LinkError, LinkEvent, LinkState, SerialLink, TcpLink
from app.core.meter.links.guard import mbap_problem
from app.core.meter.profile import Function
from app.core.meter.profile_loader import default_library
from app.core.meter.reader import MeterReader

type Reply = Callable[[bytes], bytes]  # the request's frame -> the bytes to send back


@contextlib.asynccontextmanager
async def raw_modbus_server(reply: Reply) -> AsyncIterator[tuple[str, int]]:
    """A loopback TCP server that answers every request with `reply(request)`, as is."""

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            while True:
                header = await reader.readexactly(6)
                body = await reader.readexactly(int.from_bytes(header[4:6], "big"))
                writer.write(reply(header + body))
                await writer.drain()
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    try:
        yield host, port
    finally:
        server.close()
        await server.wait_closed()


def with_length(length: int) -> Reply:
    """An FC4 answer of two registers, with the MBAP length field set to `length`."""

    def reply(request: bytes) -> bytes:
        pdu = bytes([4, 4, 0x43, 0x5C, 0, 0])  # FC4, 4 bytes, 220.0 as f32
        return request[:4] + length.to_bytes(2, "big") + request[6:7] + pdu

    return reply


def assert_quiet(caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]) -> None:
    loud = [r for r in caplog.records if r.name == "asyncio" and r.levelno >= logging.ERROR]
    assert not loud, [r.getMessage() for r in loud]
    err = capsys.readouterr().err
    assert "Fatal error" not in err
    assert "Traceback" not in err


@pytest.mark.parametrize("length", [3, 4, 5, 0, 1, 300, 0xFFFF])
async def test_a_wrong_mbap_length_is_a_bad_reply_at_once(
    length: int, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    async with raw_modbus_server(with_length(length)) as (host, port):
        link = TcpLink(host, port, timeout_s=2.0, retries=1)
        started = time.monotonic()
        with pytest.raises(LinkError) as caught:
            await link.read(1, Function.INPUT, 0, 2)
        elapsed = time.monotonic() - started
        await link.close()
    assert caught.value.code == "bad-reply"
    assert "not a Modbus frame" in caught.value.message
    assert "rtutcp://" in caught.value.message  # the likely cause: RTU framing behind TCP
    assert elapsed < 1.0  # ended when the frame came, not at the timeout
    assert link.stats.errors_by_kind["bad-reply"] == 1
    assert link.stats.timeouts == 0
    assert_quiet(caplog, capsys)


async def test_the_reading_reports_it_and_the_next_good_reply_is_read() -> None:
    replies = [with_length(3), with_length(3), with_length(7)]  # 7 is right for this reply
    async with raw_modbus_server(lambda request: replies.pop(0)(request)) as (host, port):
        link = TcpLink(host, port, timeout_s=2.0, retries=1)
        profile = default_library().get("eastron-sdm630")
        reader = MeterReader(link, profile, unit=1)
        reading = await reader.poll()
        assert reading.error is not None
        assert reading.error.code == "bad-reply"
        good = await link.read(1, Function.INPUT, 0, 2)
        assert good.registers == (0x435C, 0)
        await link.close()


def test_mbap_header_checks() -> None:
    assert mbap_problem(b"\x00\x01\x00\x00\x00") is None  # not all there yet
    assert mbap_problem(b"\x00\x01\x00\x00\x00\x07\x01") is None
    assert "protocol id is 1" in (mbap_problem(b"\x00\x01\x00\x01\x00\x07\x01") or "")
    assert "announces 2 bytes" in (mbap_problem(b"\x00\x01\x00\x00\x00\x02\x01") or "")


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(garbage=st.binary(min_size=1, max_size=40), keep_header=st.booleans())
def test_any_reply_bytes_give_a_reply_or_a_link_error(
    garbage: bytes, keep_header: bool, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.clear()

    def reply(request: bytes) -> bytes:
        return request[:2] + garbage if keep_header else garbage  # same transaction id or not

    async def read_once() -> None:
        async with raw_modbus_server(reply) as (host, port):
            link = TcpLink(host, port, timeout_s=0.1, retries=0)
            with contextlib.suppress(LinkError):
                await link.read(1, Function.INPUT, 0, 2)
            await link.close()

    asyncio.run(read_once())  # anything but a Reply or a LinkError escapes and fails the test
    loud = [r for r in caplog.records if r.name == "asyncio" and r.levelno >= logging.ERROR]
    assert not loud, [r.getMessage() for r in loud]


# -- a serial port that refuses its settings -------------------------------------------------
def fake_port(tmp_path: Path) -> str:
    path = tmp_path / "ttyUSB9"  # exists, so the link blames the settings, not a missing adapter
    path.write_text("")
    return str(path)


@pytest.mark.parametrize(
    "refusal",
    [
        OSError(22, "Invalid argument"),
        termios.error(22, "Invalid argument"),  # from tcsetattr; pyserial does not wrap it
        serial.SerialException("Could not configure port: (22, 'Invalid argument')"),
        ValueError("Invalid baud rate: 7"),
    ],
    ids=["oserror", "termios", "serial-exception", "value-error"],
)
async def test_a_port_that_refuses_its_settings_fails_clearly(
    refusal: Exception, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise refusal

    monkeypatch.setattr(serial, "serial_for_url", refuse)  # what pymodbus opens ports with
    monkeypatch.setattr(serial, "Serial", refuse)
    link = SerialLink(fake_port(tmp_path), baud=7, timeout_s=0.5)
    events: list[LinkEvent] = []
    link.events.subscribe(events.append)
    with pytest.raises(LinkError) as caught:
        await asyncio.wait_for(link.connect(), 5)
    assert caught.value.code == "port-settings"
    assert "refused these settings: 7 8N1" in caught.value.message
    assert "choose another baud rate or parity, or check the adapter" in caught.value.message
    assert [e.state for e in events] == [LinkState.CONNECTING, LinkState.FAILED]
    assert link.state == LinkState.FAILED


async def test_any_surprise_while_opening_ends_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a driver bug")

    monkeypatch.setattr(serial, "serial_for_url", broken)
    monkeypatch.setattr(serial, "Serial", broken)
    link = SerialLink(fake_port(tmp_path), timeout_s=0.5)
    with pytest.raises(LinkError) as caught:
        await link.read(1, Function.INPUT, 0, 2)
    assert caught.value.code == "port-unavailable"
    assert "a driver bug" in caught.value.message
    assert link.state == LinkState.FAILED


async def test_a_host_name_no_resolver_takes_ends_failed() -> None:
    link = TcpLink("a" * 70 + ".example", 502, timeout_s=0.5)  # a label longer than DNS allows
    with pytest.raises(LinkError) as caught:
        await link.connect()
    assert caught.value.code in {"host-unknown", "connect-failed"}
    assert link.state == LinkState.FAILED


async def test_a_connection_lost_while_waiting_ends_the_request_at_once() -> None:
    async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readexactly(12)  # the request, then the meter's side goes away
        writer.close()

    server = await asyncio.start_server(hang_up, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    link = TcpLink(host, port, timeout_s=5.0, retries=0)
    started = time.monotonic()
    with pytest.raises(LinkDown) as info:
        await link.read(1, Function.INPUT, 0, 2)
    assert time.monotonic() - started < 2  # not at the 5 s timeout
    assert info.value.code == "connection-lost"
    await link.close()
    server.close()
    await server.wait_closed()
