"""Decoding register words: every type and word order, scale, sentinels, Schneider's 4Q PF.

The encoder here is written independently of the decoder: struct packs the value big-endian, then
a fixed byte permutation per (size, word order) puts the bytes in bus order.
"""

from __future__ import annotations

import math
import struct
from typing import cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.meter.decoding import (
    RegisterImage,
    decode_mapping,
    decode_schneider_pf_4q,
    decode_value,
    raw_words,
    register_block,
)
from app.core.meter.profile import (
    DataType,
    Function,
    RegisterSource,
    SensorMapping,
    SpecialDecoding,
    WordOrder,
)

STRUCT = {
    DataType.U16: ">H", DataType.I16: ">h", DataType.U32: ">I", DataType.I32: ">i",
    DataType.U64: ">Q", DataType.I64: ">q", DataType.F32: ">f", DataType.F64: ">d",
}  # fmt: skip

# Where each bus byte comes from, as indexes into the big-endian bytes (0 = most significant).
PERMUTATION = {
    (2, "ABCD"): (0, 1), (2, "CDAB"): (0, 1), (2, "BADC"): (1, 0), (2, "DCBA"): (1, 0),
    (4, "ABCD"): (0, 1, 2, 3), (4, "CDAB"): (2, 3, 0, 1),
    (4, "BADC"): (1, 0, 3, 2), (4, "DCBA"): (3, 2, 1, 0),
    (8, "ABCD"): (0, 1, 2, 3, 4, 5, 6, 7), (8, "CDAB"): (6, 7, 4, 5, 2, 3, 0, 1),
    (8, "BADC"): (1, 0, 3, 2, 5, 4, 7, 6), (8, "DCBA"): (7, 6, 5, 4, 3, 2, 1, 0),
}  # fmt: skip


def encode(data_type: DataType, order: WordOrder, value: float) -> tuple[int, ...]:
    big_endian = struct.pack(STRUCT[data_type], value)
    bus = bytes(big_endian[i] for i in PERMUTATION[(len(big_endian), order.value)])
    return tuple(int.from_bytes(bus[i : i + 2], "big") for i in range(0, len(bus), 2))


def source(
    data_type: DataType,
    order: WordOrder = WordOrder.ABCD,
    scale: float = 1.0,
    address: int = 100,
    not_available: tuple[int, ...] = (),
    decoding: SpecialDecoding | None = None,
) -> RegisterSource:
    return RegisterSource(
        Function.HOLDING, address, data_type, order, scale, not_available, decoding
    )


def int_range(data_type: DataType) -> st.SearchStrategy[int]:
    bits = 16 * data_type.words
    if data_type.signed:
        return st.integers(-(1 << (bits - 1)), (1 << (bits - 1)) - 1)
    return st.integers(0, (1 << bits) - 1)


INT_TYPES = [t for t in DataType if not t.value.startswith("f")]
ORDERS = list(WordOrder)


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("data_type", INT_TYPES)
@given(data=st.data())
def test_integers_round_trip_exactly(
    data_type: DataType, order: WordOrder, data: st.DataObject
) -> None:
    value = data.draw(int_range(data_type))
    assert decode_value(source(data_type, order), encode(data_type, order, value)) == float(value)


@pytest.mark.parametrize("order", ORDERS)
@given(value=st.floats(width=32, allow_nan=False, allow_infinity=False))
def test_f32_round_trips_bit_exact(order: WordOrder, value: float) -> None:
    decoded = decode_value(source(DataType.F32, order), encode(DataType.F32, order, value))
    assert decoded is not None
    assert struct.pack(">f", decoded) == struct.pack(">f", value)


@pytest.mark.parametrize("order", ORDERS)
@given(value=st.floats(allow_nan=False, allow_infinity=False))
def test_f64_round_trips_bit_exact(order: WordOrder, value: float) -> None:
    decoded = decode_value(source(DataType.F64, order), encode(DataType.F64, order, value))
    assert decoded is not None
    assert struct.pack(">d", decoded) == struct.pack(">d", value)


@pytest.mark.parametrize("scale", [0.1, 0.01, 0.001, 0.00001, 10.0, -1.0, 0.5, 2.5, -0.001])
@pytest.mark.parametrize("data_type", INT_TYPES)
@given(data=st.data())
def test_scaled_integers_within_rounding(
    data_type: DataType, scale: float, data: st.DataObject
) -> None:
    value = data.draw(int_range(data_type))
    decoded = decode_value(source(data_type, scale=scale), encode(data_type, WordOrder.ABCD, value))
    assert decoded is not None
    assert math.isclose(decoded, value * scale, rel_tol=1e-12, abs_tol=1e-300)


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("data_type", list(DataType))
@given(data=st.data())
def test_sentinels_compare_the_words_in_bus_order(
    data_type: DataType, order: WordOrder, data: st.DataObject
) -> None:
    words = tuple(data.draw(st.lists(st.integers(0, 0xFFFF), min_size=data_type.words,
                                     max_size=data_type.words)))  # fmt: skip
    sentinel = int.from_bytes(b"".join(w.to_bytes(2, "big") for w in words), "big")
    assert decode_value(source(data_type, order, not_available=(sentinel,)), words) is None
    other = tuple(w ^ 1 if i == 0 else w for i, w in enumerate(words))
    if data_type not in (DataType.F32, DataType.F64):
        assert decode_value(source(data_type, order, not_available=(sentinel,)), other) is not None


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize(
    ("data_type", "value"),
    [
        (DataType.F32, math.nan),
        (DataType.F32, math.inf),
        (DataType.F32, -math.inf),
        (DataType.F64, math.nan),
        (DataType.F64, -math.inf),
    ],
)
def test_nan_and_infinite_floats_are_not_available(
    data_type: DataType, value: float, order: WordOrder
) -> None:
    assert decode_value(source(data_type, order), encode(data_type, order, value)) is None


def test_nan_payloads_are_not_available() -> None:
    assert decode_value(source(DataType.F32), (0xFFC0, 0x0000)) is None  # Schneider's NaN
    assert decode_value(source(DataType.F32), (0x7FBF, 0xFFFF)) is None  # signalling NaN


@pytest.mark.parametrize(
    ("src", "words", "expected"),
    [
        # 230.0 V as float32 in each word order
        (source(DataType.F32, WordOrder.ABCD), (0x4366, 0x0000), 230.0),
        (source(DataType.F32, WordOrder.CDAB), (0x0000, 0x4366), 230.0),
        (source(DataType.F32, WordOrder.BADC), (0x6643, 0x0000), 230.0),
        (source(DataType.F32, WordOrder.DCBA), (0x0000, 0x6643), 230.0),
        # 50.0 Hz, Janitza frequency (float32 big-endian)
        (source(DataType.F32), (0x4248, 0x0000), 50.0),
        # Carlo Gavazzi EM340: 230.0 V as INT32 V*10, least significant word first
        (source(DataType.I32, WordOrder.CDAB, 0.1), (0x08FC, 0x0000), 230.0),
        # Carlo Gavazzi: -1234.5 W as INT32 W*10 (LSW first) -> kW
        (source(DataType.I32, WordOrder.CDAB, 0.0001), (0xCFC7, 0xFFFF), -1.2345),
        # ABB: 1234.56 kWh as UINT64 in 0.01 kWh
        (source(DataType.U64, scale=0.01), (0, 0, 0x0001, 0xE240), 1234.56),
        # ABB: PF -0.95 as INT16 / 1000
        (source(DataType.I16, scale=0.001), (0xFC4A,), -0.95),
        # Schneider iEM: 12345678 Wh as INT64 -> kWh
        (source(DataType.I64, scale=0.001), (0, 0, 0x00BC, 0x614E), 12345.678),
        # Siemens PAC3200: 1000.5 Wh as float64
        (source(DataType.F64, scale=0.001), (0x408F, 0x4400, 0x0000, 0x0000), 1.0005),
        # an integer with a decimal scale gives the clean decimal
        (source(DataType.U32, scale=0.1), (0x0000, 0x08FD), 230.1),
    ],
)
def test_known_patterns(src: RegisterSource, words: tuple[int, ...], expected: float) -> None:
    assert decode_value(src, words) == expected


def test_abb_not_available_patterns() -> None:
    u32 = source(DataType.U32, scale=0.1, not_available=(0xFFFFFFFF,))
    i32 = source(DataType.I32, scale=0.00001, not_available=(0x7FFFFFFF,))
    assert decode_value(u32, (0xFFFF, 0xFFFF)) is None
    assert decode_value(i32, (0x7FFF, 0xFFFF)) is None
    assert decode_value(i32, (0xFFFF, 0xFFFF)) == -0.00001  # -1 is a real value
    u64 = source(DataType.U64, not_available=(0xFFFFFFFFFFFFFFFF,))
    assert decode_value(u64, (0xFFFF,) * 4) is None


@pytest.mark.parametrize(
    ("register", "expected"),
    [
        (0.95, 0.95),  # quadrant 1
        (1.2, 0.8),  # 2 - 1.2
        (-0.5, -0.5),
        (-1.5, -0.5),  # -2 - (-1.5)
        (1.0, 1.0),
        (2.0, 0.0),
        (-2.0, 0.0),
        (2.5, None),
        (-2.01, None),
    ],
)
def test_schneider_pf_4q_table(register: float, expected: float | None) -> None:
    decoded = decode_schneider_pf_4q(register)
    if expected is None:
        assert decoded is None
    else:
        assert decoded == pytest.approx(expected, abs=1e-12)


def schneider_register(pf: float, beyond_one: bool) -> float:
    """The manuals' formulas inverted: two quadrants keep the PF, two move it past ±1."""
    if not beyond_one:
        return pf
    return 2 - pf if pf >= 0 else -2 - pf


@given(pf=st.floats(-1.0, 1.0), beyond_one=st.booleans())
def test_schneider_pf_4q_round_trip(pf: float, beyond_one: bool) -> None:
    src = source(DataType.F32, decoding=SpecialDecoding.SCHNEIDER_PF_4Q)
    register = schneider_register(pf, beyond_one)
    decoded = decode_value(src, encode(DataType.F32, WordOrder.ABCD, register))
    assert decoded is not None
    assert -1.0 <= decoded <= 1.0
    assert decoded == pytest.approx(pf, abs=3e-7)  # float32 keeps ~7 digits


def test_decode_mapping_sums_parts_and_needs_all_of_them() -> None:
    tariff_1 = source(DataType.F64, scale=0.001, address=801)
    tariff_2 = source(DataType.F64, scale=0.001, address=805)
    energy = SensorMapping("Energía activa acumulada", (tariff_1, tariff_2))
    image = {
        **register_block(Function.HOLDING, 801, encode(DataType.F64, WordOrder.ABCD, 1500.0)),
        **register_block(Function.HOLDING, 805, encode(DataType.F64, WordOrder.ABCD, 250.5)),
    }
    assert decode_mapping(energy, image) == pytest.approx(1.7505)
    del image[(Function.HOLDING, 807)]
    assert decode_mapping(energy, image) is None


def test_decode_mapping_not_available_part_makes_the_sum_unavailable() -> None:
    inductive = source(DataType.U32, address=10, not_available=(0xFFFFFFFF,))
    capacitive = source(DataType.U32, address=12, scale=-1.0, not_available=(0xFFFFFFFF,))
    net = SensorMapping("Potencia reactiva total instantánea", (inductive, capacitive))
    image = register_block(Function.HOLDING, 10, [0, 500, 0, 200])
    assert decode_mapping(net, image) == 300.0
    image = register_block(Function.HOLDING, 10, [0, 500, 0xFFFF, 0xFFFF])
    assert decode_mapping(net, image) is None


def test_raw_words_reads_bus_order_and_accepts_plain_int_keys() -> None:
    src = RegisterSource(Function.INPUT, 52, DataType.F32)
    image = cast(RegisterImage, {(4, 52): 0x4366, (4, 53): 0x0000, (3, 52): 0x1111})
    assert raw_words(src, image) == (0x4366, 0x0000)
    assert raw_words(RegisterSource(Function.INPUT, 53, DataType.F32), image) is None
    assert raw_words(RegisterSource(Function.HOLDING, 52, DataType.U16), image) == (0x1111,)


def test_register_block_numbers_consecutive_registers() -> None:
    assert register_block(Function.INPUT, 7, [1, 2]) == {
        (Function.INPUT, 7): 1,
        (Function.INPUT, 8): 2,
    }


@pytest.mark.parametrize("words", [(0x4366,), (0x4366, 0, 0), (0x10000, 0), (-1, 0)])
def test_wrong_words_are_a_programming_error(words: tuple[int, ...]) -> None:
    with pytest.raises(ValueError, match="register"):
        decode_value(source(DataType.F32), words)


def test_f32_decodes_to_the_shortest_decimal_of_the_meters_float() -> None:
    words = struct.unpack(">HH", struct.pack(">f", 10528.97))  # exactly 10528.9697265625
    assert decode_value(source(DataType.F32), words) == 10528.97
    scaled = RegisterSource(Function.INPUT, 0, DataType.F32, scale=0.001)
    assert decode_value(scaled, words) == 10.52897  # W to kW without binary noise
