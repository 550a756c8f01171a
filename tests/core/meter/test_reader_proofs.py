"""What the reader learns and what it refuses to believe, over real Modbus TCP: register limits
learnt only from proof, optional tariff parts, "not available" patterns and impossible values."""

from __future__ import annotations

import dataclasses
import math

from app.core.meter.links import TcpLink
from app.core.meter.planner import plan_reads
from app.core.meter.profile import DeviceLimits, Function, MeterProfile
from app.core.meter.profile_loader import default_library
from app.core.meter.reader import MeterReader
from app.simulator import Faults, RegisterFault
from app.simulator.encoding import TARIFF_SHARE
from tests.fixtures.simulator import RunningSimulator, SimTcpFactory


def link_to(sim: RunningSimulator) -> TcpLink:
    return TcpLink(sim.host, sim.port, timeout_s=1.0)


def without_patterns(profile: MeterProfile) -> MeterProfile:
    """The profile as a user might write it: no "not available" patterns at all."""
    return dataclasses.replace(
        profile,
        sensors=tuple(
            dataclasses.replace(
                m, parts=tuple(dataclasses.replace(p, not_available=()) for p in m.parts)
            )
            for m in profile.sensors
        ),
    )


async def test_a_refused_gap_inside_a_half_teaches_the_gap_not_a_smaller_limit(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    # An EM24 variant refuses only registers 48–52 (unmapped, read through by the plan).
    em24 = default_library().get("carlo-gavazzi-em24")
    refused = RegisterFault(Function.INPUT, 48, 5, code=2)
    sim = await meter_sim_tcp(em24, faults=Faults(register_faults=[refused]))
    link = link_to(sim)
    reader = MeterReader(link, em24, 1)
    first = await reader.poll()
    assert first.problems == {}
    second = await reader.poll()
    third = await reader.poll()
    gap = frozenset((Function.INPUT, a) for a in range(48, 53))
    best = plan_reads(1, em24.sensors, em24.limits, link.timing, unreadable=gap)
    assert second.stats.exceptions == third.stats.exceptions == {}
    assert second.stats.requests == third.stats.requests == best.requests == 2  # not 9
    assert reader.plan.blocks == best.blocks  # the profile's limit of 50 still stands
    await link.close()


async def test_a_limit_learnt_deep_in_a_split_is_never_raised_by_the_outer_split(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    sdm = default_library().get("eastron-sdm630")
    strict = dataclasses.replace(sdm, limits=DeviceLimits(20))  # the meter: 20 registers at most
    optimistic = dataclasses.replace(sdm, limits=DeviceLimits(125))  # what the profile claims
    sim = await meter_sim_tcp(strict)
    link = link_to(sim)
    reader = MeterReader(link, optimistic, 1)
    first = await reader.poll()
    assert first.problems == {}
    assert first.stats.exceptions[3] >= 3  # nested splits: 87 → 44 → 22 → whole reads
    second = await reader.poll()
    assert second.stats.exceptions == {}  # an outer split must not have raised the limit again
    assert max(b.count for b in second.plan.blocks) <= 20
    await link.close()


async def test_a_refused_second_tariff_leaves_the_first_with_a_note(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    pac = default_library().get("siemens-pac3200")
    energy = pac.mapping("Energía activa acumulada")
    assert energy is not None
    tariff_2 = energy.parts[1]
    assert tariff_2.optional
    assert not energy.parts[0].optional
    fault = RegisterFault(tariff_2.function, tariff_2.address, tariff_2.count, code=2)
    sim = await meter_sim_tcp(pac)
    total = sim.meter.expected_values()["Energía activa acumulada"]  # both tariffs
    assert total is not None
    sim.meter.set_faults(register_faults=[fault])  # a meter without the second tariff
    link = link_to(sim)
    reader = MeterReader(link, pac, 1)
    for poll in range(2):  # the first poll finds the missing register, the second plans around it
        reading = await reader.poll()
        value = reading.values["Energía activa acumulada"]
        assert value is not None, poll
        assert math.isclose(value, total * (1 - TARIFF_SHARE), rel_tol=1e-3)
        assert "Energía activa acumulada" not in reading.problems
        note = reading.notes["Energía activa acumulada"]
        assert note.code == "partial-sum"
        assert str(tariff_2.address) in note.message
    assert reading.stats.exceptions == {}
    assert "Energía activa acumulada" not in reading.plan.skipped
    await link.close()


async def test_schneiders_not_available_energy_is_no_value(meter_sim_tcp: SimTcpFactory) -> None:
    iem = default_library().get("schneider-iem3000")  # an iEM3150: no reactive energy
    sim = await meter_sim_tcp(iem, faults=Faults(not_available={"Energía reactiva acumulada"}))
    link = link_to(sim)
    mapping = iem.mapping("Energía reactiva acumulada")
    assert mapping is not None
    part = mapping.parts[0]
    reading = await MeterReader(link, iem, 1).poll()
    assert reading.raw["Energía reactiva acumulada"] == ((0x8000, 0, 0, 0),)
    assert reading.values["Energía reactiva acumulada"] is None
    assert reading.problems["Energía reactiva acumulada"].code == "not-available"
    assert part.not_available == (0x8000000000000000,)

    # A profile that does not know the pattern still never shows −9.2×10¹⁵ kWh as a value.
    naive = await MeterReader(link, without_patterns(iem), 1).poll()
    assert naive.values["Energía reactiva acumulada"] is None
    problem = naive.problems["Energía reactiva acumulada"]
    assert problem.code == "impossible-value"
    assert "-9.22337e+15 kVARh" in problem.message  # shown, for diagnosis
    assert naive.values["Energía activa acumulada"] is not None  # the rest is untouched
    await link.close()
