"""Modbus traffic against the simulator: each request and reply carries its bytes in hex and
what they mean (the request decoded in the summary, the reply's registers or exception)."""

from __future__ import annotations

from app.core.meter.links import TcpLink
from app.core.meter.profile import Function
from app.core.traffic import Channel, Direction, TrafficLog
from tests.fixtures.simulator import SimTcpFactory


async def test_requests_and_replies_carry_hex_and_decoded(meter_sim_tcp: SimTcpFactory) -> None:
    sim = await meter_sim_tcp("eastron-sdm630")
    traffic = TrafficLog()
    link = TcpLink(sim.host, sim.port, traffic=traffic)
    ok = await link.read(1, Function.INPUT, 0, 2)
    await link.read(1, Function.INPUT, 1000, 2)  # far from any mapped register: exception 2
    await link.close()
    frames = [e for e in traffic.entries() if e.direction is not Direction.NOTE]
    assert [e.direction for e in frames] == [Direction.OUT, Direction.IN] * 2
    assert all(e.channel is Channel.MODBUS for e in frames)
    assert all(e.host == f"tcp://{sim.host}:{sim.port}" for e in traffic.entries())

    request, reply, _, refused = frames
    assert request.summary == "unit 1 FC4 read 0+2"
    assert request.detail.endswith("01 04 00 00 00 02")  # MBAP header, then unit, FC, address
    hex_line, decoded = reply.detail.split("\n")
    words = " ".join(f"{w} (0x{w:04X})" for w in ok.registers)
    assert hex_line.endswith(
        "01 04 04 " + " ".join(f"{w >> 8:02x} {w & 0xFF:02x}" for w in ok.registers)
    )
    assert decoded == f"registers {words}"
    assert refused.detail.split("\n")[0].endswith("01 84 02")
    assert (
        refused.detail.split("\n")[1]
        == "exception 2: " + refused.summary.split("→ ")[1].rsplit(" (", 1)[0]
    )
