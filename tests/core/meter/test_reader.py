"""MeterReader over real Modbus TCP against the simulator: requests, splitting, faults."""

from __future__ import annotations

import dataclasses
import math

from app.core.meter.links import TcpLink
from app.core.meter.profile import (
    DataType,
    DeviceLimits,
    Function,
    MeterProfile,
    RegisterSource,
    SensorMapping,
    WordOrder,
)
from app.core.meter.profile_loader import default_library
from app.core.meter.reader import MeterReader
from app.core.meter.reading import MeterReading
from app.simulator import Faults, Phase, RegisterFault
from tests.fixtures.simulator import RunningSimulator, SimTcpFactory


def link_to(sim: RunningSimulator, **kw: float) -> TcpLink:
    return TcpLink(sim.host, sim.port, **kw)  # type: ignore[arg-type]


def assert_expected(reading: MeterReading, expected: dict[str, float | None]) -> None:
    for sensor, value in reading.values.items():
        want = expected[sensor]
        if want is None:
            assert value is None, sensor
        else:
            assert value is not None, (sensor, reading.problems.get(sensor))
            assert math.isclose(value, want, rel_tol=1e-6, abs_tol=1e-9), (sensor, value, want)


async def test_sdm630_full_poll_is_the_optimal_plan_and_29_one_by_one(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    sim = await meter_sim_tcp("eastron-sdm630")
    profile = default_library().get("eastron-sdm630")
    link = link_to(sim)
    merged = await MeterReader(link, profile, 1).poll()
    one_by_one = await MeterReader(link, profile, 1, merge=False).poll()
    # The SDM630 takes at most 80 registers per request (Eastron: 40 parameters); its map spans
    # 0-17, 42-85, 200-245 and 346-351, so 4 requests is the least there can be.
    assert merged.stats.requests == 4
    assert one_by_one.stats.requests == 29
    assert merged.stats.errors == one_by_one.stats.errors == 0
    assert_expected(merged, sim.meter.expected_values())
    assert merged.values == one_by_one.values
    await link.close()


async def test_sdm630_with_a_125_register_cap_takes_3_requests(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    shipped = default_library().get("eastron-sdm630")
    profile = dataclasses.replace(shipped, limits=DeviceLimits(125, turnaround_s=0.05))
    sim = await meter_sim_tcp(profile)
    link = link_to(sim)
    reading = await MeterReader(link, profile, 1).poll()
    assert reading.stats.requests == 3
    assert_expected(reading, sim.meter.expected_values())
    await link.close()


async def test_missing_register_is_isolated_remembered_and_skipped(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    # Corriente B of the SDM630 is input register 8 (f32): exception 2, as if a variant lacked it.
    faults = Faults(register_faults=[RegisterFault(Function.INPUT, 8, 2, code=2)])
    sim = await meter_sim_tcp("eastron-sdm630", faults=faults)
    profile = default_library().get("eastron-sdm630")
    link = link_to(sim)
    reader = MeterReader(link, profile, 1)
    first = await reader.poll()
    assert first.ok
    assert first.values["Corriente B"] is None
    problem = first.problems["Corriente B"]
    assert (problem.code, problem.exception) == ("missing-register", 2)
    assert "illegal data address" in problem.message
    assert_expected(first, sim.meter.expected_values())  # every other sensor is right
    assert first.stats.exceptions[2] >= 1
    assert first.stats.requests > 4  # the failing block was bisected

    second = await reader.poll()
    assert second.stats.exceptions == {}
    assert second.stats.requests == second.plan.requests
    assert not any(b.start <= 9 and b.end > 8 for b in second.plan.blocks if b.function == 4)
    assert second.plan.skipped == {"Corriente B": ((Function.INPUT, 8), (Function.INPUT, 9))}
    assert second.problems["Corriente B"].code == "missing-register"
    assert_expected(second, sim.meter.expected_values())
    await link.close()


async def test_device_failure_is_reported_and_retried_next_poll(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    faults = Faults(register_faults=[RegisterFault(Function.INPUT, 8, 2, code=4)])
    sim = await meter_sim_tcp("eastron-sdm630", faults=faults)
    link = link_to(sim)
    reader = MeterReader(link, default_library().get("eastron-sdm630"), 1)
    first = await reader.poll()
    assert first.problems["Corriente B"].code == "meter-exception"
    assert first.problems["Corriente B"].exception == 4
    assert "device failure" in first.problems["Corriente B"].message
    assert_expected(first, sim.meter.expected_values())
    assert reader.missing == {}
    sim.meter.set_faults(register_faults=[])
    second = await reader.poll()
    assert second.problems == {}
    assert_expected(second, sim.meter.expected_values())
    await link.close()


async def test_over_cap_exception_3_teaches_the_reader_the_real_cap(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    sim = await meter_sim_tcp("eastron-sdm630")  # the meter refuses more than 80 registers
    shipped = default_library().get("eastron-sdm630")
    optimistic = dataclasses.replace(shipped, limits=DeviceLimits(125))
    link = link_to(sim)
    reader = MeterReader(link, optimistic, 1)
    first = await reader.poll()
    assert first.stats.exceptions[3] == 1
    assert first.problems == {}
    assert_expected(first, sim.meter.expected_values())
    second = await reader.poll()
    assert second.stats.exceptions == {}
    assert max(b.count for b in second.plan.blocks) <= 80
    await link.close()


async def test_a_gap_the_meter_refuses_is_not_read_through_again(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    sdm = default_library().get("eastron-sdm630")
    volts, amps = sdm.mapping("Voltaje A-N"), sdm.mapping("Voltaje F-N")
    assert volts is not None
    assert amps is not None
    # Registers 0 and 42 are 40 apart: the simulator answers exception 2 for unmapped registers
    # more than 16 from a mapped one, so reading 0-43 in one go fails.
    profile = dataclasses.replace(sdm, id="sparse", sensors=(volts, amps), auxiliary=())
    sim = await meter_sim_tcp(profile)
    link = link_to(sim)
    reader = MeterReader(link, profile, 1)
    first = await reader.poll()
    assert first.stats.requests == 3
    assert first.stats.exceptions[2] == 1
    assert first.problems == {}
    second = await reader.poll()
    assert second.stats.requests == 2
    assert second.stats.exceptions == {}
    await link.close()


async def test_reversed_ct_and_missing_phase_are_reported_as_measured(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    faults = Faults(reversed_ct={Phase.B}, missing_phases={Phase.C})
    sim = await meter_sim_tcp("eastron-sdm630", faults=faults)
    link = link_to(sim)
    reading = await MeterReader(link, default_library().get("eastron-sdm630"), 1).poll()
    assert_expected(reading, sim.meter.expected_values())
    power_b = reading.values["Potencia activa B instantánea"]
    assert power_b is not None
    assert power_b < 0
    assert reading.values["Voltaje C-N"] == 0
    assert reading.values["Corriente C"] == 0
    await link.close()


async def test_swapped_word_order_gives_wrong_values_and_the_impossible_ones_are_flagged(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    sim = await meter_sim_tcp("eastron-sdm630", faults=Faults(word_order=WordOrder.CDAB))
    link = link_to(sim)
    reading = await MeterReader(link, default_library().get("eastron-sdm630"), 1).poll()
    assert reading.ok  # the meter answered every request: the profile is what is wrong
    expected = sim.meter.expected_values()
    flagged = {s: p for s, p in reading.problems.items() if p.code == "impossible-value"}
    assert flagged  # e.g. a negative voltage or energy: never a value
    for sensor, problem in flagged.items():
        assert reading.values[sensor] is None
        assert reading.raw[sensor][0] is not None  # the words stay, for diagnosis
        assert "no meter can produce" in problem.message
    assert all(expected[s] is not None for s in flagged)  # the meter had a value for each
    volts = reading.values["Voltaje A-N"]
    assert volts is None or not 90 < volts < 260  # wrong either way, never a believable 220 V
    await link.close()


async def test_delay_beyond_timeout_then_recovery(meter_sim_tcp: SimTcpFactory) -> None:
    sim = await meter_sim_tcp("carlo-gavazzi-em340", faults=Faults(delay_ms=400))
    link = link_to(sim, timeout_s=0.15, retries=0)
    reader = MeterReader(link, default_library().get("carlo-gavazzi-em340"), 1)
    late = await reader.poll()
    assert late.error is not None
    assert late.error.code == "timeout"
    assert "did not answer" in late.error.message
    assert late.stats.timeouts == 1
    assert all(p.code == "no-reply" for p in late.problems.values())
    sim.meter.set_faults(delay_ms=0)
    # The late reply to the timed-out request may arrive during the next poll: it is skipped.
    again = await reader.poll()
    assert again.ok
    assert_expected(again, sim.meter.expected_values())
    await link.close()


async def test_dropped_reply_is_retried_and_counted(meter_sim_tcp: SimTcpFactory) -> None:
    sim = await meter_sim_tcp("janitza-umg96rm", faults=Faults(drop_every=2))
    link = link_to(sim, timeout_s=0.15, retries=2)
    reader = MeterReader(link, default_library().get("janitza-umg96rm"), 1)
    await reader.poll()  # request 1 answered
    reading = await reader.poll()  # request 2 dropped, its retry (3) answered
    assert reading.ok
    assert reading.stats.requests == 1
    assert reading.stats.retries == 1
    assert reading.stats.timeouts == 1
    assert reading.stats.errors == 0
    assert_expected(reading, sim.meter.expected_values())
    await link.close()


async def test_unknown_unit_times_out_clearly(meter_sim_tcp: SimTcpFactory) -> None:
    sim = await meter_sim_tcp("abb-b23", unit=1)
    link = link_to(sim, timeout_s=0.1, retries=1)
    reading = await MeterReader(link, default_library().get("abb-b23"), 42).poll()
    assert reading.error is not None
    assert "Unit 42" in reading.error.message
    assert "2 attempts" in reading.error.message
    assert reading.stats.requests == 1  # the poll stops at the first silence
    assert reading.available == 0
    await link.close()


def _sum_profile() -> MeterProfile:
    two = (RegisterSource(Function.HOLDING, 10, DataType.U16),) * 2
    return MeterProfile("x", "Acme", "X", (SensorMapping("Corriente A", two),))


def test_shared_registers_are_read_once() -> None:
    reader = MeterReader(TcpLink("127.0.0.1", 1), _sum_profile(), 1)
    assert [(b.start, b.count) for b in reader.plan.blocks] == [(10, 1)]
