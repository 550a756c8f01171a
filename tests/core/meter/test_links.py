"""Links over real sockets and ptys: states, reconnect with backoff, a port that disappears."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from app.core.meter.links import (
    Backoff,
    LinkDown,
    LinkError,
    LinkEvent,
    LinkState,
    SerialLink,
    TcpLink,
    list_serial_ports,
)
from app.core.meter.profile import Function
from app.core.meter.profile_loader import default_library
from app.core.meter.reader import MeterReader
from app.core.traffic import Direction, TrafficLog
from app.simulator import MeterSimulator
from tests.fixtures.simulator import PtyPair, SimTcpFactory, make_meter


def recorder(link: TcpLink | SerialLink) -> list[LinkEvent]:
    events: list[LinkEvent] = []
    link.events.subscribe(events.append)
    return events


async def wait_for_state(events: list[LinkEvent], state: LinkState, timeout: float = 5) -> None:
    deadline = time.monotonic() + timeout
    while not any(e.state == state for e in events):
        assert time.monotonic() < deadline, f"no {state} event: {[e.state for e in events]}"
        await asyncio.sleep(0.02)


async def test_connect_read_and_exception_as_result(meter_sim_tcp: SimTcpFactory) -> None:
    sim = await meter_sim_tcp("eastron-sdm630")
    traffic = TrafficLog()
    link = TcpLink(sim.host, sim.port, traffic=traffic)
    events = recorder(link)
    ok = await link.read(1, Function.INPUT, 0, 6)
    assert ok.ok
    assert len(ok.registers) == 6
    assert [e.state for e in events] == [LinkState.CONNECTING, LinkState.CONNECTED]
    refused = await link.read(1, Function.INPUT, 1000, 2)  # far from any mapped register
    assert refused.exception == 2
    assert "illegal data address" in refused.explanation
    assert link.stats.requests == 2
    assert link.stats.exceptions[2] == 1
    assert link.stats.bytes_out == 24  # two 12-byte Modbus TCP requests
    assert link.stats.bytes_in == 9 + 12 + 9
    summaries = [e.summary for e in traffic.entries() if e.direction == Direction.IN]
    assert summaries[0].startswith("unit 1 FC4 read 0+6 → ok (")
    assert "exception 2" in summaries[1]
    await link.close()
    assert events[-1].state == LinkState.DISCONNECTED


async def test_pause_is_kept_between_requests(meter_sim_tcp: SimTcpFactory) -> None:
    sim = await meter_sim_tcp("eastron-sdm630")
    link = TcpLink(sim.host, sim.port, pause_s=0.1)
    await link.read(1, Function.INPUT, 0, 2)
    started = time.monotonic()
    await link.read(1, Function.INPUT, 0, 2)
    await link.read(1, Function.INPUT, 0, 2)
    # asyncio wakes a timer up to one clock resolution early (BaseEventLoop._run_once)
    early = 2 * time.get_clock_info("monotonic").resolution + 0.002
    assert time.monotonic() - started >= 0.2 - early
    await link.close()


async def test_connect_refused_is_a_clear_failure() -> None:
    link = TcpLink("127.0.0.1", 1, timeout_s=0.5)
    events = recorder(link)
    with pytest.raises(LinkError) as info:
        await link.connect()
    assert info.value.code == "connect-refused"
    assert "refused the connection" in info.value.message
    assert events[-1].state == LinkState.FAILED
    with pytest.raises(LinkError):  # a read tries again, and fails the same way
        await link.read(1, Function.HOLDING, 0, 1)
    assert link.stats.errors_by_kind["disconnected"] == 1


async def test_missing_serial_port_is_named() -> None:
    link = SerialLink("/dev/ttyNOSUCH7", 9600)
    with pytest.raises(LinkError) as info:
        await link.connect()
    assert info.value.code == "port-missing"
    assert "/dev/ttyNOSUCH7 does not exist" in info.value.message


async def test_tcp_reconnects_with_backoff_after_the_meter_goes_away() -> None:
    profile = default_library().get("eastron-sdm72d-m-2")
    sim = MeterSimulator({1: make_meter(profile)})
    port = await sim.start_tcp("127.0.0.1", 0)
    link = TcpLink("127.0.0.1", port, timeout_s=0.3, backoff=Backoff(first_s=0.05, max_s=0.2))
    events = recorder(link)
    reader = MeterReader(link, profile, 1)
    assert (await reader.poll()).ok

    await sim.stop()
    await wait_for_state(events, LinkState.RECONNECTING)
    down = await reader.poll()
    assert down.error is not None
    assert isinstance(down.error, LinkDown)
    assert "Medido will reconnect" in down.error.message
    assert all(p.code == "no-reply" for p in down.problems.values())
    await asyncio.sleep(0.5)  # several attempts fail meanwhile, further and further apart
    retries = [e for e in events if e.state == LinkState.RECONNECTING]
    assert len(retries) >= 3
    assert [e.attempt for e in retries[:3]] == [1, 2, 3]
    assert [e.retry_in_s for e in retries[:3]] == [0.05, 0.1, 0.2]
    assert retries[-1].code == "connect-refused"

    sim = MeterSimulator({1: make_meter(profile)})
    await sim.start_tcp("127.0.0.1", port)
    deadline = time.monotonic() + 5
    while events[-1].code != "reconnected":
        assert time.monotonic() < deadline
        await asyncio.sleep(0.02)
    back = await reader.poll()
    assert back.ok
    assert back.available == len(profile.sensors)
    await link.close()
    await sim.stop()


async def test_serial_port_disappearing_mid_poll_is_reported_and_survived() -> None:
    profile = default_library().get("eastron-sdm630")
    pair = PtyPair()
    sim = MeterSimulator({2: make_meter(profile)})
    await sim.start_serial(pair.sim_end, 9600)
    # A 50 ms pause keeps the poll long enough to pull the adapter out in the middle of it.
    link = SerialLink(
        pair.client_end, 9600, timeout_s=0.5, backoff=Backoff(0.05, 0.2), pause_s=0.05
    )
    events = recorder(link)
    reader = MeterReader(link, profile, 2)
    try:
        assert (await reader.poll()).ok
        polling = asyncio.create_task(reader.poll())
        await asyncio.sleep(0.06)  # inside the poll (4 requests, 50 ms apart)
        pair.close()  # socat dies: both ptys vanish, like a USB adapter pulled out
        cut = await polling
        assert cut.error is not None
        assert cut.error.code in ("port-lost", "port-error")
        assert pair.client_end in cut.error.message
        await wait_for_state(events, LinkState.RECONNECTING)
        later = await reader.poll()  # no exception: a clear result
        assert later.error is not None
        assert "Medido will reconnect" in later.error.message
        await asyncio.sleep(0.15)
        assert any(e.code == "port-missing" for e in events)
        assert "disappeared — plug it back in" in events[-1].message
    finally:
        await link.close()
        await sim.stop()


def test_port_list_has_descriptions() -> None:
    for port in list_serial_ports():
        assert port.device
        assert port.description
        assert port.vid_pid is None or len(port.vid_pid) == 9


async def test_reconnect_gives_up_after_max_attempts() -> None:
    profile = default_library().get("abb-b23")
    sim = MeterSimulator({1: make_meter(profile)})
    port = await sim.start_tcp("127.0.0.1", 0)
    backoff = Backoff(first_s=0.02, max_s=0.05, max_attempts=2)
    link = TcpLink("127.0.0.1", port, timeout_s=0.3, backoff=backoff)
    events = recorder(link)
    await link.connect()
    await sim.stop()
    await wait_for_state(events, LinkState.FAILED)
    assert [e.attempt for e in events if e.state == LinkState.RECONNECTING] == [1, 2]
    assert "stopped after 2 reconnect attempts" in events[-1].message
    with pytest.raises(LinkError):  # the next request tries once more, in the foreground
        await link.read(1, Function.HOLDING, 0, 1)
    await link.close()


def _socat_pair(sim_link: str, client_link: str) -> subprocess.Popen[bytes]:
    """A socat pty pair behind fixed symlink names, so it can come back under the same name."""
    proc = subprocess.Popen(
        ["socat", f"pty,raw,echo=0,link={sim_link}", f"pty,raw,echo=0,link={client_link}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 5
    while not (os.path.exists(sim_link) and os.path.exists(client_link)):
        assert time.monotonic() < deadline, "socat did not start"
        time.sleep(0.01)
    return proc


@pytest.mark.skipif(shutil.which("socat") is None, reason="needs socat")
async def test_serial_link_comes_back_when_the_adapter_returns(tmp_path: Path) -> None:
    profile = default_library().get("carlo-gavazzi-em340")
    sim_end, client_end = str(tmp_path / "sim"), str(tmp_path / "ttyUSB0")
    socat = _socat_pair(sim_end, client_end)
    sim = MeterSimulator({1: make_meter(profile)})
    await sim.start_serial(sim_end, 9600)
    link = SerialLink(client_end, 9600, timeout_s=0.3, backoff=Backoff(0.05, 0.1))
    events = recorder(link)
    reader = MeterReader(link, profile, 1)
    try:
        assert (await reader.poll()).ok
        socat.terminate()  # the adapter is pulled out
        socat.wait(5)
        await sim.stop()
        await wait_for_state(events, LinkState.RECONNECTING)
        assert not (await reader.poll()).ok
        socat = _socat_pair(sim_end, client_end)  # ... and plugged back in
        sim = MeterSimulator({1: make_meter(profile)})
        await sim.start_serial(sim_end, 9600)
        deadline = time.monotonic() + 5
        while events[-1].code != "reconnected":
            assert time.monotonic() < deadline, [e.code for e in events]
            await asyncio.sleep(0.02)
        back = await reader.poll()
        assert back.ok
        assert back.available == len(profile.sensors)
    finally:
        await link.close()
        await sim.stop()
        socat.terminate()
        socat.wait(5)
