"""Auto-detect against simulated meters on a TCP gateway and on a pty RS-485 bus."""

from __future__ import annotations

import asyncio
import contextlib
import time

from app.core.meter.detect import MeterScanner, ScanProgress
from app.core.meter.profile import Parity, WordOrder
from app.core.meter.profile_loader import default_library
from app.simulator import Faults, MeterSimulator
from tests.fixtures.simulator import PtyPair, SimRtuFactory, SimTcpFactory, make_meter


def scanner(**kw: float) -> MeterScanner:
    return MeterScanner(default_library().all(), **kw)  # type: ignore[arg-type]


async def test_two_meters_on_a_tcp_gateway_one_with_swapped_words(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    swapped = make_meter("carlo-gavazzi-em340", Faults(word_order=WordOrder.ABCD), seed=2)
    sim = await meter_sim_tcp("eastron-sdm630", unit=3, others={7: swapped}, gateway=True)
    scan = scanner(timeout_s=0.2)
    progress: list[ScanProgress] = []
    scan.progress.subscribe(progress.append)
    result = await scan.scan_tcp(sim.host, sim.port, units=range(1, 9))

    assert [r.unit for r in result.responders] == [3, 7]
    sdm, em = result.responders
    assert sdm.best is not None
    assert sdm.best.profile_id == "eastron-sdm630"
    assert not sdm.best.word_order_mismatch
    assert em.best is not None
    assert em.best.profile_id == "carlo-gavazzi-em340"
    assert em.best.word_order == WordOrder.ABCD  # the profile says CDAB
    assert "ABCD order" in em.best.message
    volts = em.best.evidence["Voltaje A-N"]
    assert volts is not None
    assert 200 < volts < 240

    probing = [p for p in progress if p.stage == "probing"]
    assert len(probing) == 8
    assert [round(p.fraction, 3) for p in probing] == [round(i / 8, 3) for i in range(1, 9)]
    assert [len(p.found) for p in probing][-1] == 2
    assert {p.unit for p in progress if p.stage == "identifying"} == {3, 7}
    assert result.probes == 8
    assert not result.cancelled


async def test_two_meters_on_one_rs485_pty(meter_sim_rtu: SimRtuFactory) -> None:
    other = make_meter("schneider-iem3000", seed=4)
    sim = await meter_sim_rtu("janitza-umg96rm", unit=2, others={5: other})
    result = await scanner(timeout_s=0.2).scan_serial(
        sim.port, bauds=[9600], parities=[Parity.NONE], units=range(1, 7)
    )
    assert [(r.unit, r.settings, r.baud, r.parity) for r in result.responders] == [
        (2, "9600 8N1", 9600, Parity.NONE),
        (5, "9600 8N1", 9600, Parity.NONE),
    ]
    best = [r.best.profile_id if r.best else None for r in result.responders]
    assert best == ["janitza-umg96rm", "schneider-iem3000"]


async def test_cancel_stops_a_scan_within_a_probe() -> None:
    pair = PtyPair()  # nobody listens on the other end: every probe times out
    scan = scanner(timeout_s=0.1)
    try:
        task = asyncio.create_task(scan.scan_serial(pair.client_end, units=range(1, 248)))
        await asyncio.sleep(0.35)
        cancelled_at = time.monotonic()
        scan.cancel()
        result = await task
        assert time.monotonic() - cancelled_at < 0.3
        assert result.cancelled
        assert 1 <= result.probes < 10
        assert result.responders == ()
    finally:
        pair.close()


async def test_a_scan_task_can_be_cancelled_too(meter_sim_tcp: SimTcpFactory) -> None:
    sim = await meter_sim_tcp("abb-b23", unit=200)
    task = asyncio.create_task(scanner(timeout_s=0.1).scan_tcp(sim.host, sim.port))
    await asyncio.sleep(0.2)
    task.cancel()
    started = time.monotonic()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    assert time.monotonic() - started < 0.2


async def test_a_port_that_cannot_be_opened_is_reported() -> None:
    result = await scanner().scan_serial("/dev/ttyNOSUCH3", bauds=[9600], parities=["N"])
    assert result.responders == ()
    assert [e.code for e in result.errors] == ["port-missing"]


async def test_probe_only_mode_lists_responders_without_identifying() -> None:
    meters = {9: make_meter("socomec-countis-e2x")}
    async with MeterSimulator(meters) as sim:
        port = await sim.start_rtu_over_tcp()
        result = await MeterScanner(identify=False, timeout_s=0.15).scan_tcp(
            "127.0.0.1", port, units=[8, 9, 10], rtu=True
        )
    (found,) = result.responders
    assert (found.unit, found.guesses, found.best) == (9, (), None)
    assert found.settings == f"rtutcp://127.0.0.1:{port}"
