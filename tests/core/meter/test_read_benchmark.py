"""Benchmark: a full SDM630 poll with the optimal plan vs one value per request.

Run with `uv run pytest tests/core/meter/test_read_benchmark.py --benchmark-enable`; in the
normal run (benchmarks disabled) it is skipped. The ratio is measured within the same run, so it
does not depend on the machine.
"""

from __future__ import annotations

import asyncio
import statistics
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from app.core.meter.links import TcpLink
from app.core.meter.profile_loader import default_library
from app.core.meter.reader import MeterReader
from app.simulator import MeterSimulator
from tests.fixtures.simulator import make_meter

PROFILE = "eastron-sdm630"


@pytest.fixture
def sim_port() -> Iterator[int]:
    """The simulator on its own loop and thread: the benchmark calls synchronous code."""
    loop = asyncio.new_event_loop()
    sim = MeterSimulator({1: make_meter(PROFILE)})
    ready = threading.Event()
    port: list[int] = []

    def serve() -> None:
        asyncio.set_event_loop(loop)
        port.append(loop.run_until_complete(sim.start_tcp("127.0.0.1", 0)))
        ready.set()
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    ready.wait(10)
    yield port[0]
    asyncio.run_coroutine_threadsafe(sim.stop(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)


def poll_once(port: int, merge: bool) -> int:
    async def run() -> int:
        link = TcpLink("127.0.0.1", port)
        reading = await MeterReader(link, default_library().get(PROFILE), 1, merge=merge).poll()
        await link.close()
        assert reading.ok
        return reading.stats.requests

    return asyncio.run(run())


def seconds_per_poll(port: int, rounds: int = 9) -> tuple[float, float]:
    """The median poll (one value per request, optimal) on one link already connected, the two
    in turn: connecting, or a busy moment of the machine, then weighs on both alike."""

    async def run() -> tuple[float, float]:
        link = TcpLink("127.0.0.1", port)
        profile = default_library().get(PROFILE)
        readers = [MeterReader(link, profile, 1, merge=merge) for merge in (False, True)]
        times: list[list[float]] = [[], []]
        for _ in range(rounds + 1):  # the first round connects and is not counted
            for reader, kept in zip(readers, times, strict=True):
                started = time.perf_counter()
                assert (await reader.poll()).ok
                kept.append(time.perf_counter() - started)
        await link.close()
        return statistics.median(times[0][1:]), statistics.median(times[1][1:])

    return asyncio.run(run())


@pytest.mark.benchmark
def test_optimal_plan_vs_one_value_per_request(benchmark: Any, sim_port: int) -> None:
    if benchmark.disabled:
        pytest.skip("benchmarks are disabled; run with --benchmark-enable")
    per_value, optimal = seconds_per_poll(sim_port)
    ratio = per_value / optimal
    benchmark.extra_info.update(
        per_value_s=per_value, optimal_s=optimal, ratio=ratio, requests=(29, 4)
    )
    requests = benchmark.pedantic(poll_once, args=(sim_port, True), rounds=5)
    assert requests == 4
    print(f"\nSDM630 poll over TCP: optimal {optimal * 1000:.0f} ms, "
          f"one value per request {per_value * 1000:.0f} ms, ratio {ratio:.1f}")  # fmt: skip
    assert ratio > 3
