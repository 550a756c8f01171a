"""Row 4: a full-profile poll over Modbus TCP, Medido's reader vs bare pymodbus on the same blocks.

The simulator runs in a process of its own, as a meter on the network would: its work then does
not share this interpreter (or its GIL) with the client being measured. Both clients are
connected before timing starts and poll the same unit in turn (paired, A B A B): Medido's
`MeterReader` over a `TcpLink` that records into a `TrafficLog` as in the app, and an
`AsyncModbusTcpClient` reading exactly the reader's planned blocks, nothing else. The reader
polls the whole profile, auxiliary quantities included, as `medido read` does.

The figure is wall time. On a busy machine it wanders with the other load; the details also give
this process's CPU time per poll, measured the same way, which the load disturbs less.

The simulated meters' clocks are frozen and their register words memoised: computing the physical
model costs the simulator about 1.4 ms per request, which would be added to both sides alike and
hide the client's own cost, the thing measured here. Every request still goes through the
simulator's pymodbus server, its unit routing and its exception checks.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import multiprocessing.connection
import time
from collections.abc import Callable, Coroutine
from typing import Any

from pymodbus.client import AsyncModbusTcpClient

from bench.figures import Figure, paired, timed

PROFILES = ("eastron-sdm630", "carlo-gavazzi-em24-ethernet", "schneider-iem3000")
FROZEN_AT = 1_741_615_200.0  # the tests' fixed time: the meters answer the same every poll


def measure(quick: bool) -> list[Figure]:
    runs, polls = (9, 10) if quick else (31, 20)
    context = multiprocessing.get_context("spawn")  # a clean interpreter, no inherited loop
    ours, theirs = context.Pipe()
    server = context.Process(target=_serve, args=(PROFILES, theirs), daemon=True)
    server.start()
    try:
        if not ours.poll(30):
            raise RuntimeError("the meter simulator did not start within 30 s")
        port: int = ours.recv()
        loop = asyncio.new_event_loop()
        try:
            return [
                _compare(loop, port, unit, profile_id, runs, polls)
                for unit, profile_id in enumerate(PROFILES, 1)
            ]
        finally:
            loop.close()
    finally:
        server.terminate()
        server.join(10)


def _compare(
    loop: asyncio.AbstractEventLoop, port: int, unit: int, profile_id: str, runs: int, polls: int
) -> Figure:
    from app.core.meter.links import TcpLink
    from app.core.meter.profile_loader import default_library
    from app.core.meter.reader import MeterReader
    from app.core.traffic import TrafficLog

    async def connected() -> tuple[TcpLink, AsyncModbusTcpClient]:
        link = TcpLink("127.0.0.1", port, traffic=traffic)  # pymodbus wants a running loop
        client = AsyncModbusTcpClient("127.0.0.1", port=port)
        await link.connect()
        await client.connect()
        return link, client

    traffic = TrafficLog()
    link, client = loop.run_until_complete(connected())
    reader = MeterReader(link, default_library().get(profile_id), unit, include_auxiliary=True)
    blocks = [(int(b.function), b.start, b.count) for b in reader.plan.blocks]

    async def medido() -> None:
        for _ in range(polls):
            reading = await reader.poll()
            if not reading.ok or reading.problems:
                raise RuntimeError(f"{profile_id}: the poll failed: {reading.problems}")

    async def raw() -> None:
        for _ in range(polls):
            for function, start, count in blocks:
                read = (
                    client.read_input_registers if function == 4 else client.read_holding_registers
                )
                if (await read(start, count=count, device_id=unit)).isError():
                    raise RuntimeError(f"{profile_id}: raw read {start}+{count} failed")

    def run(action: Callable[[], Coroutine[Any, Any, None]]) -> Callable[[], None]:
        return lambda: loop.run_until_complete(action())

    try:
        result = paired(timed(run(medido)), timed(run(raw)), runs, warmup=2)
        cpu = paired(
            timed(run(medido), time.process_time), timed(run(raw), time.process_time), runs, 0
        )
    finally:
        loop.run_until_complete(link.close())
        client.close()
    per_poll = 1000 / polls
    return Figure(
        row=4,
        what=f"Full-profile poll over Modbus TCP, {profile_id}",
        value=result.a * per_poll,
        unit="ms",
        limit=1.25,
        baseline=result.b * per_poll,
        baseline_what="bare pymodbus AsyncModbusTcpClient reading the same blocks",
        details={
            "requests_per_poll": len(blocks),
            "blocks": [list(b) for b in blocks],
            "polls_per_sample": polls,
            "samples": runs,
            "pause_s": link.pause_s,
            "traffic_entries": len(traffic.entries()),
            "medido_ms": [round(s * per_poll, 3) for s in result.a_runs],
            "raw_ms": [round(s * per_poll, 3) for s in result.b_runs],
            "medido_cpu_ms": round(cpu.a * per_poll, 3),
            "raw_cpu_ms": round(cpu.b * per_poll, 3),
            "cpu_ratio": round(cpu.ratio, 3),
        },
    )


def _serve(profiles: tuple[str, ...], pipe: multiprocessing.connection.Connection) -> None:
    """The simulator process: one unit per profile (1, 2, …) on a free loopback port."""
    from app.core.meter.profile import Function
    from app.core.meter.profile_loader import default_library
    from app.simulator import MeterSimulator, SimClock, SimulatedMeter

    class FrozenMeter(SimulatedMeter):
        """The same answer every time (the clock is frozen), computed once."""

        _served: dict[tuple[Function, int, int], list[int]]

        def words(
            self, function: Function, address: int, count: int, at: float | None = None
        ) -> list[int]:
            key = (function, address, count)
            if key not in self._served:
                self._served[key] = super().words(function, address, count, at)
            return self._served[key]

    library = default_library()
    meters: dict[int, SimulatedMeter] = {}
    for unit, profile_id in enumerate(profiles, 1):
        meter = FrozenMeter(library.get(profile_id), clock=SimClock(frozen_at=FROZEN_AT))
        meter._served = {}
        meters[unit] = meter

    async def serve() -> None:
        async with MeterSimulator(meters) as sim:
            pipe.send(await sim.start_tcp("127.0.0.1", 0))
            await asyncio.Event().wait()  # until the parent terminates this process

    asyncio.run(serve())
