"""Faults on demand, seen by a pymodbus client over Modbus TCP."""

from __future__ import annotations

import asyncio
import time

import pytest
from pymodbus.exceptions import ModbusIOException

from app.core.meter.profile import Function, WordOrder
from app.simulator import Faults, Phase, RegisterFault
from app.simulator.encoding import arrange
from tests.fixtures.simulator import SimTcpFactory, make_meter
from tests.simulator import sample_profiles
from tests.simulator.clients import read, tcp_client
from tests.simulator.test_transports import check_against_model, read_all

HR, IR = Function.HOLDING, Function.INPUT
P_TOTAL = "Potencia activa total instantánea"


def test_reversed_ct_flips_that_phase_and_totals_follow() -> None:
    profile = sample_profiles.siemens_pac3200()
    good = make_meter(profile).snapshot()
    bad = make_meter(profile, Faults(reversed_ct={Phase.B})).snapshot()
    assert bad.phases[1].p == -good.phases[1].p
    assert bad.phases[1].q == -good.phases[1].q
    assert bad.phases[1].current == good.phases[1].current
    assert bad.phases[0].p == good.phases[0].p
    assert bad.p_total == pytest.approx(good.p_total - 2 * good.phases[1].p)
    assert bad.pf_total == pytest.approx(bad.p_total / bad.s_total)
    assert bad.pf_total < 0.5 * good.pf_total  # the classic symptom: total PF collapses


async def test_reversed_ct_over_the_bus(meter_sim_tcp: SimTcpFactory) -> None:
    running = await meter_sim_tcp(
        sample_profiles.eastron_sdm630(), faults=Faults(reversed_ct={Phase.C})
    )
    async with tcp_client(running) as client:
        image = await read_all(client, running.unit, running.meter.profile)
    check_against_model(running.meter, image)
    expected = running.meter.expected_values()
    assert expected["Potencia activa C instantánea"] < 0  # type: ignore[operator]


async def test_missing_phase(meter_sim_tcp: SimTcpFactory) -> None:
    running = await meter_sim_tcp(
        sample_profiles.carlo_gavazzi_em340(), faults=Faults(missing_phases={Phase.B})
    )
    async with tcp_client(running) as client:
        image = await read_all(client, running.unit, running.meter.profile)
    check_against_model(running.meter, image)
    expected = running.meter.expected_values()
    assert expected["Voltaje B-N"] == 0.0
    assert expected["Corriente B"] == 0.0
    assert expected["Potencia activa B instantánea"] == 0.0
    assert expected["Voltaje A-N"] > 200  # type: ignore[operator]


@pytest.mark.parametrize(
    ("profile_order", "served"),
    [(WordOrder.ABCD, WordOrder.CDAB), (WordOrder.CDAB, WordOrder.ABCD)],
)
async def test_swapped_word_order_differs_exactly_by_word_order(
    meter_sim_tcp: SimTcpFactory, profile_order: WordOrder, served: WordOrder
) -> None:
    profile = (
        sample_profiles.schneider_iem3000()
        if profile_order is WordOrder.ABCD
        else sample_profiles.carlo_gavazzi_em340()
    )
    honest = make_meter(profile)
    running = await meter_sim_tcp(profile, faults=Faults(word_order=served))
    async with tcp_client(running) as client:
        for mapping in profile.sensors:
            part = mapping.parts[0]
            response = await read(client, part.function, part.address, part.count)
            right = honest.words(part.function, part.address, part.count)
            if part.count == 1:
                assert response.registers == right
            else:  # back to big-endian, then into the wrong order
                big_endian = arrange(right, part.word_order)  # ABCD<->CDAB are involutions
                assert response.registers == arrange(big_endian, served), mapping.sensor
                assert response.registers != right or len(set(right)) == 1


@pytest.mark.parametrize("code", [2, 4])
async def test_exception_on_chosen_registers(meter_sim_tcp: SimTcpFactory, code: int) -> None:
    fault = RegisterFault(HR, 3059, 2, code)  # Schneider's P total
    running = await meter_sim_tcp(
        sample_profiles.schneider_iem3000(), faults=Faults(register_faults=[fault])
    )
    async with tcp_client(running) as client:
        for address, count in ((3059, 2), (3053, 8), (3060, 1)):
            response = await read(client, HR, address, count)
            assert response.isError()
            assert response.exception_code == code
        assert not (await read(client, HR, 3053, 6)).isError()
    assert running.meter.expected_values()[P_TOTAL] is None


async def test_response_delay(meter_sim_tcp: SimTcpFactory) -> None:
    running = await meter_sim_tcp(sample_profiles.eastron_sdm630())
    async with tcp_client(running) as client:
        start = time.perf_counter()
        await read(client, IR, 0, 2)
        fast = time.perf_counter() - start
        running.meter.faults.delay_ms = 250
        start = time.perf_counter()
        response = await read(client, IR, 0, 2)
        slow = time.perf_counter() - start
    assert not response.isError()
    assert 0.25 <= slow < 0.25 + 0.5
    assert fast < 0.1


async def test_dropped_replies_every_nth(meter_sim_tcp: SimTcpFactory) -> None:
    running = await meter_sim_tcp(sample_profiles.eastron_sdm630(), faults=Faults(drop_every=2))
    async with tcp_client(running, timeout=0.3) as client:
        assert not (await read(client, IR, 0, 2)).isError()
        with pytest.raises(ModbusIOException):
            await read(client, IR, 0, 2)  # the 2nd request gets no answer
        assert not (await read(client, IR, 0, 2)).isError()  # the next is answered


def test_random_drops_are_seeded() -> None:
    def pattern(seed: int) -> list[bool]:
        meter = make_meter(sample_profiles.exotic(), Faults(drop_probability=0.3), seed=seed)
        return [meter.next_reply_dropped() for _ in range(200)]

    assert pattern(7) == pattern(7)
    assert pattern(7) != pattern(8)
    assert 30 < sum(pattern(7)) < 90


async def test_over_cap_read_is_exception_3(meter_sim_tcp: SimTcpFactory) -> None:
    running = await meter_sim_tcp(sample_profiles.carlo_gavazzi_em340())  # 50 registers at most
    async with tcp_client(running) as client:
        assert not (await read(client, IR, 0, 50)).isError()
        response = await read(client, IR, 0, 51)
        assert response.exception_code == 3


async def test_unknown_unit_gets_no_answer(meter_sim_tcp: SimTcpFactory) -> None:
    running = await meter_sim_tcp(sample_profiles.eastron_sdm630(), unit=1)
    async with tcp_client(running, timeout=0.3) as client:
        with pytest.raises(ModbusIOException):
            await read(client, IR, 0, 2, unit=2)
        assert not (await read(client, IR, 0, 2, unit=1)).isError()


async def test_gateway_answers_unknown_unit_with_0x0b(meter_sim_tcp: SimTcpFactory) -> None:
    running = await meter_sim_tcp(sample_profiles.eastron_sdm630(), gateway=True)
    async with tcp_client(running) as client:
        response = await read(client, IR, 0, 2, unit=9)
        assert response.exception_code == 0x0B


async def test_gaps_near_read_as_zero_far_raise_2(meter_sim_tcp: SimTcpFactory) -> None:
    running = await meter_sim_tcp(sample_profiles.eastron_sdm630())
    async with tcp_client(running) as client:
        through = await read(client, IR, 0x0C, 0x3C)  # P per phase … P total: small gaps inside
        assert not through.isError()
        assert through.registers[0x12 - 0x0C] == 0  # 0x12 is not mapped
        assert (await read(client, IR, 0x400, 2)).exception_code == 2  # far from everything
        assert (await read(client, HR, 0x00, 2)).exception_code == 2  # function 3 is another space


async def test_no_reading_through_gaps_when_the_profile_says_so(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    running = await meter_sim_tcp(sample_profiles.abb_b23())
    async with tcp_client(running) as client:
        assert not (await read(client, HR, 0x5B00, 0x16)).isError()  # contiguous values
        assert (await read(client, HR, 0x5B1E, 2)).exception_code == 2  # 0x5B1E is not mapped
        assert (await read(client, HR, 0x5B1C, 4)).exception_code == 2  # a value plus a gap


async def test_not_available_is_the_sentinel(meter_sim_tcp: SimTcpFactory) -> None:
    faults = Faults(not_available={"Corriente N", "Voltaje A-N"})
    running = await meter_sim_tcp(sample_profiles.abb_b23(), faults=faults)
    async with tcp_client(running) as client:
        assert (await read(client, HR, 0x5B12, 2)).registers == [0xFFFF, 0xFFFF]
        image = await read_all(client, running.unit, running.meter.profile)
    check_against_model(running.meter, image)
    expected = running.meter.expected_values()
    assert expected["Corriente N"] is None
    assert expected["Voltaje A-N"] is None


async def test_writes_outside_the_command_block_are_refused(meter_sim_tcp: SimTcpFactory) -> None:
    running = await meter_sim_tcp(sample_profiles.schneider_iem3000())
    async with tcp_client(running) as client:
        response = await client.write_registers(3059, [1, 2], device_id=1)
        assert response.exception_code == 2
        response = await client.write_register(5249, 1003, device_id=1)
        assert response.exception_code == 2  # the command block takes function 16 only


async def test_faults_change_at_run_time(meter_sim_tcp: SimTcpFactory) -> None:
    running = await meter_sim_tcp(sample_profiles.eastron_sdm630())
    async with tcp_client(running, timeout=0.3) as client:
        assert not (await read(client, IR, 0, 2)).isError()
        running.meter.faults.register_faults.append(RegisterFault(IR, 0, 2, 4))
        assert (await read(client, IR, 0, 2)).exception_code == 4
        running.meter.faults = Faults()
        assert not (await read(client, IR, 0, 2)).isError()


async def test_a_strict_meter_ignores_requests_without_a_pause(
    meter_sim_tcp: SimTcpFactory,
) -> None:
    running = await meter_sim_tcp(sample_profiles.eastron_sdm630(), faults=Faults(min_pause_ms=150))
    async with tcp_client(running, timeout=0.3) as client:
        assert not (await read(client, IR, 0, 2)).isError()
        with pytest.raises(ModbusIOException):
            await read(client, IR, 0, 2)  # straight after a reply: ignored
        await asyncio.sleep(0.2)
        assert not (await read(client, IR, 0, 2)).isError()
