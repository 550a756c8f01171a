"""The register console's core: addresses as people write them, raw reads and writes against the
meter simulator over Modbus TCP, and every access in the traffic log."""

from __future__ import annotations

import math
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.meter.links import TcpLink
from app.core.meter.meter_clock import decode_datetime
from app.core.meter.meter_uri import parse_meter_uri
from app.core.meter.profile import DataType, WordOrder
from app.core.meter.register_address import MAX_ADDRESS
from app.core.meter.registers import (
    RegisterAddress,
    RegisterError,
    RegisterQuery,
    Table,
    WriteFunction,
    decode_rows,
    describe_write,
    parse_values,
    read_registers,
    write_registers,
)
from app.core.meter.session import MeterSession
from app.core.traffic import Direction, TrafficLog
from tests.fixtures.simulator import SimTcpFactory

addresses = st.integers(0, MAX_ADDRESS)
tables = st.sampled_from(list(Table))


# -- addresses ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "base", "address", "table"),
    [
        ("40001", 0, 0, Table.HOLDING),
        ("400001", 1, 0, Table.HOLDING),
        ("41845", 0, 1844, Table.HOLDING),
        ("30001", 0, 0, Table.INPUT),
        ("365536", 0, 65535, Table.INPUT),
        ("10010", 1, 9, Table.DISCRETE),
        ("00001", 0, 0, Table.COILS),
        ("3059", 0, 3059, None),
        ("3060", 1, 3059, None),
        ("65536", 1, 65535, None),
        (" 0x0BF3 ", 1, 0x0BF3, None),
        ("0xffff", 0, 0xFFFF, None),
        ("25000", 0, 25000, None),
    ],
)
def test_addresses_people_write(text: str, base: int, address: int, table: Table | None) -> None:
    assert RegisterAddress.parse(text, base) == RegisterAddress(address, table)


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("40000", 0),  # Modicon counts from 1
        ("400000", 0),
        ("465537", 0),
        ("0", 1),
        ("65536", 0),
        ("99999", 0),
        ("-1", 0),
        ("1.5", 0),
        ("", 0),
        ("0x10000", 0),
        ("4e4", 0),
        ("٣٠٥٩", 0),  # Arabic-Indic digits: int() takes them, an address does not
        ("3_059", 0),
    ],
)
def test_addresses_refused_with_a_message(text: str, base: int) -> None:
    with pytest.raises(RegisterError) as caught:
        RegisterAddress.parse(text, base)
    assert caught.value.message


@given(addresses, tables, st.sampled_from([0, 1]))
def test_modicon_round_trips(address: int, table: Table, base: int) -> None:
    written = RegisterAddress(address, table).modicon()
    assert len(written) in (5, 6)
    assert RegisterAddress.parse(written, base) == RegisterAddress(address, table)


@given(st.integers(0, 9998), st.sampled_from([0, 1]))
def test_plain_numbers_round_trip_in_their_base(address: int, base: int) -> None:
    assert RegisterAddress.parse(str(address + base), base) == RegisterAddress(address)


@given(addresses)
def test_hex_is_the_wire_address_in_either_base(address: int) -> None:
    for base in (0, 1):
        assert RegisterAddress.parse(f"0x{address:X}", base) == RegisterAddress(address)
        assert RegisterAddress.parse(f"0x{address:04x}", base) == RegisterAddress(address)


@given(st.text(max_size=12), st.sampled_from([0, 1]))
def test_any_text_is_an_address_or_a_refusal(text: str, base: int) -> None:
    try:
        parsed = RegisterAddress.parse(text, base)
    except RegisterError as e:
        message = e.message
        assert message
        return
    assert 0 <= parsed.address <= MAX_ADDRESS


def test_a_query_stays_inside_the_table() -> None:
    with pytest.raises(RegisterError):
        RegisterQuery(Table.HOLDING, 65535, 2)
    with pytest.raises(RegisterError):
        RegisterQuery(Table.INPUT, 0, 126)
    assert RegisterQuery(Table.COILS, 0, 2000).count == 2000


# -- decoding and values ------------------------------------------------------------------------


def test_rows_decode_each_value_and_leave_a_partial_one_undecoded() -> None:
    query = RegisterQuery(Table.HOLDING, 10, 5, DataType.F32, WordOrder.CDAB)
    rows = decode_rows(query, [0x0000, 0x4366, 0x0000, 0x3F80, 0x1234])
    assert [(r.address, r.hex, r.value) for r in rows] == [
        (10, "0000 4366", 230.0),
        (12, "0000 3F80", 1.0),
        (14, "1234", None),
    ]
    signed = decode_rows(RegisterQuery(Table.INPUT, 0, 1, DataType.I16), [0xFFFE])
    assert signed[0].value == -2
    big = decode_rows(RegisterQuery(Table.INPUT, 0, 4, DataType.U64), [0xFFFF] * 4)
    assert big[0].value == 2**64 - 1  # exact, not a float
    nan = decode_rows(RegisterQuery(Table.INPUT, 0, 2, DataType.F32), [0x7FC0, 0])
    assert nan[0].value is None


def test_values_to_write() -> None:
    assert parse_values(["1", "0xFFFF", "-1", " 65535 "], WriteFunction.MULTIPLE_REGISTERS) == (
        1,
        0xFFFF,
        0xFFFF,
        65535,
    )
    assert parse_values(["on", "0", "TRUE"], WriteFunction.MULTIPLE_COILS) == (1, 0, 1)
    for bad, function in [
        (["65536"], WriteFunction.MULTIPLE_REGISTERS),
        (["-32769"], WriteFunction.SINGLE_REGISTER),
        (["1", "2"], WriteFunction.SINGLE_REGISTER),
        (["2"], WriteFunction.SINGLE_COIL),
        (["1.5"], WriteFunction.MULTIPLE_REGISTERS),
        (["1"] * 124, WriteFunction.MULTIPLE_REGISTERS),
    ]:
        with pytest.raises(RegisterError):
            parse_values(bad, function)


def test_a_write_is_described_with_unit_and_addresses() -> None:
    assert (
        describe_write(1, WriteFunction.MULTIPLE_REGISTERS, 0, [1, 2, 3])
        == "3 registers at holding 40001–40003 (wire 0–2) of unit 1: 1, 2, 3"
    )
    assert (
        describe_write(7, WriteFunction.SINGLE_COIL, 12000, [1])
        == "1 coil at coils 012001 (wire 12000) of unit 7: 1"
    )


# -- against the simulator ----------------------------------------------------------------------


@pytest.fixture
def traffic() -> TrafficLog:
    return TrafficLog()


async def _link(host: str, port: int, traffic: TrafficLog) -> TcpLink:
    link = TcpLink(host, port, timeout_s=0.5, retries=0, traffic=traffic)
    await link.connect()
    return link


async def test_reads_agree_with_the_reader_for_an_sdm630(
    meter_sim_tcp: SimTcpFactory, traffic: TrafficLog
) -> None:
    sim = await meter_sim_tcp("eastron-sdm630", unit=1)
    uri = parse_meter_uri(f"tcp://{sim.host}:{sim.port}?unit=1")
    meter = MeterSession(uri, sim.meter.profile, include_auxiliary=True)
    reading = await meter.poll()
    await meter.close()
    link = await _link(sim.host, sim.port, traffic)
    compared = 0
    for mapping in sim.meter.profile.sensors:
        if len(mapping.parts) != 1:
            continue
        part = mapping.parts[0]
        query = RegisterQuery(
            Table(int(part.function)), part.address, part.count, part.type, part.word_order
        )
        result = await read_registers(link, 1, query)
        assert result.exception is None
        (row,) = result.rows
        assert row.words == reading.raw[mapping.sensor][0]
        want = reading.values[mapping.sensor]
        assert want is not None
        assert isinstance(row.value, float)
        if part.scale == 1:
            assert row.value == want, mapping.sensor
        else:
            assert math.isclose(row.value * part.scale, want, rel_tol=1e-12), mapping.sensor
        compared += 1
    await link.close()
    assert compared >= 10


async def test_meter_exceptions_are_results(
    meter_sim_tcp: SimTcpFactory, traffic: TrafficLog
) -> None:
    sim = await meter_sim_tcp("eastron-sdm630", unit=1)
    link = await _link(sim.host, sim.port, traffic)
    coils = await read_registers(link, 1, RegisterQuery(Table.COILS, 0, 8))
    assert coils.exception == 1
    assert "illegal function" in coils.explanation
    assert coils.rows == []
    nowhere = await read_registers(link, 1, RegisterQuery(Table.HOLDING, 60000, 2))
    assert nowhere.exception == 2
    refused = await write_registers(link, 1, WriteFunction.SINGLE_REGISTER, 0, [1])
    assert refused.exception == 2
    assert "illegal data address" in refused.explanation
    await link.close()


async def test_a_write_to_the_clock_command_sets_the_clock(
    meter_sim_tcp: SimTcpFactory, traffic: TrafficLog
) -> None:
    sim = await meter_sim_tcp("schneider-iem3000", unit=1)
    clock = sim.meter.profile.clock
    assert clock is not None
    assert clock.command_address is not None
    assert clock.result_address is not None
    link = await _link(sim.host, sim.port, traffic)
    query = RegisterQuery(Table.HOLDING, clock.address, clock.count)
    before = decode_datetime((await read_registers(link, 1, query)).words)
    assert before.year == 2025
    command = [1003, 0, 2031, 7, 4, 9, 30, 15]
    written = await write_registers(
        link, 1, WriteFunction.MULTIPLE_REGISTERS, clock.command_address, command
    )
    assert written.exception is None
    after = decode_datetime((await read_registers(link, 1, query)).words)
    assert after.replace(microsecond=0) == datetime(2031, 7, 4, 9, 30, 15)
    answer = await read_registers(link, 1, RegisterQuery(Table.HOLDING, clock.result_address, 2))
    assert answer.words == (1003, 0)
    await link.close()


async def test_every_access_is_in_the_traffic(
    meter_sim_tcp: SimTcpFactory, traffic: TrafficLog
) -> None:
    sim = await meter_sim_tcp("schneider-iem3000", unit=4)
    link = await _link(sim.host, sim.port, traffic)
    traffic.clear()
    await read_registers(link, 4, RegisterQuery(Table.HOLDING, 1844, 4))
    await read_registers(link, 4, RegisterQuery(Table.DISCRETE, 0, 3))
    await write_registers(link, 4, WriteFunction.MULTIPLE_REGISTERS, 5249, [1003])
    await write_registers(link, 4, WriteFunction.SINGLE_COIL, 3, [1])
    await link.close()
    summaries = [(e.direction, e.summary) for e in traffic.entries()]
    for label in (
        "unit 4 FC3 read 1844+4",
        "unit 4 FC2 read 0+3",
        "unit 4 FC16 write 5249+1",
        "unit 4 FC5 write 3+1",
    ):
        assert (Direction.OUT, label) in summaries
        assert any(d is Direction.IN and s.startswith(label + " → ") for d, s in summaries), label
