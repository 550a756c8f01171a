"""The simulator's encoder: types, word orders, scales, sums, sentinels, the 4Q power factor."""

from __future__ import annotations

import math
import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.meter.profile import DataType, Function, RegisterSource, SpecialDecoding, WordOrder
from app.simulator import encoding
from tests.simulator.bus_decoder import decode_source

ORDERS = list(WordOrder)


def source(
    type_: DataType, order: WordOrder = WordOrder.ABCD, scale: float = 1.0
) -> RegisterSource:
    return RegisterSource(Function.HOLDING, 0, type_, order, scale)


@pytest.mark.parametrize(
    ("order", "words"),
    [
        (WordOrder.ABCD, [0x1122, 0x3344]),
        (WordOrder.CDAB, [0x3344, 0x1122]),
        (WordOrder.BADC, [0x2211, 0x4433]),
        (WordOrder.DCBA, [0x4433, 0x2211]),
    ],
)
def test_word_orders_32_bit(order: WordOrder, words: list[int]) -> None:
    assert encoding.encode(0x11223344, source(DataType.U32, order)) == words


@pytest.mark.parametrize(
    ("order", "words"),
    [
        (WordOrder.ABCD, [0x0102, 0x0304, 0x0506, 0x0708]),
        (WordOrder.CDAB, [0x0708, 0x0506, 0x0304, 0x0102]),
        (WordOrder.BADC, [0x0201, 0x0403, 0x0605, 0x0807]),
        (WordOrder.DCBA, [0x0807, 0x0605, 0x0403, 0x0201]),
    ],
)
def test_word_orders_extend_to_four_words(order: WordOrder, words: list[int]) -> None:
    assert encoding.encode(0x0102030405060708, source(DataType.U64, order)) == words


def test_float_is_ieee754_big_endian() -> None:
    packed = struct.pack(">f", 230.5)
    expected = [int.from_bytes(packed[:2], "big"), int.from_bytes(packed[2:], "big")]
    assert encoding.encode(230.5, source(DataType.F32)) == expected


def test_scale_divides_and_rounds() -> None:
    assert encoding.encode(230.1, source(DataType.U32, scale=0.1)) == [0, 2301]
    # -1234.5 W in a signed 0.1 W register: -12345 in two's complement
    assert encoding.encode(-1.2345, source(DataType.I32, scale=0.0001)) == [0xFFFF, 0xCFC7]
    assert encoding.quantize(230.14, source(DataType.U32, scale=0.1)) == 230.1


def test_out_of_range_values_clamp() -> None:
    assert encoding.encode(-5.0, source(DataType.U16)) == [0]
    assert encoding.encode(1e9, source(DataType.I16)) == [0x7FFF]


def test_not_available_words_are_the_sentinel_in_bus_order() -> None:
    abb = RegisterSource(Function.HOLDING, 0, DataType.U32, not_available=(0xFFFFFFFF,))
    assert encoding.not_available_words(abb) == [0xFFFF, 0xFFFF]
    signed = RegisterSource(Function.HOLDING, 0, DataType.I32, not_available=(0x7FFFFFFF,))
    assert encoding.not_available_words(signed) == [0x7FFF, 0xFFFF]
    words = encoding.not_available_words(source(DataType.F32, WordOrder.CDAB))
    assert words is not None
    assert decode_source(words, source(DataType.F32, WordOrder.CDAB)) is None
    assert encoding.not_available_words(source(DataType.U16)) is None


def test_a_tariff_sum_splits_so_parts_add_up() -> None:
    t1, t2 = source(DataType.U32, scale=0.1), source(DataType.U32, scale=0.1)
    parts = encoding.split_sum(12345.67, [t1, t2])
    quantized = [encoding.quantize(c, p) for c, p in zip(parts, [t1, t2], strict=True)]
    assert parts[0] > parts[1] > 0  # tariff 1 gets most
    assert sum(quantized) == pytest.approx(12345.67, abs=0.1)


def test_a_subtracted_part_is_positive_and_the_sum_still_holds() -> None:
    inductive, capacitive = source(DataType.F64), source(DataType.U32, scale=-0.1)
    parts = encoding.split_sum(500.0, [inductive, capacitive])
    raw = encoding.to_raw(parts[1], capacitive)
    assert isinstance(raw, int)
    assert raw > 0
    total = sum(
        encoding.quantize(c, p) for c, p in zip(parts, [inductive, capacitive], strict=True)
    )
    assert total == pytest.approx(500.0, abs=1e-9)


def decode_4q(register: float) -> float:
    """The inverse in Schneider's table, written out independently."""
    if register > 1:
        return 2 - register
    if register < -1:
        return -2 - register
    return register


@pytest.mark.parametrize(
    ("pf", "q", "low", "high"),
    [
        (0.9, 1.0, 0.0, 1.0),  # quadrant 1: lagging import
        (0.9, -1.0, 1.0, 2.0),  # quadrant 4: leading import
        (-0.9, 1.0, -1.0, 0.0),  # quadrant 2: export, Q+
        (-0.9, -1.0, -2.0, -1.0),  # quadrant 3: export, Q-
    ],
)
def test_schneider_4q_quadrants(pf: float, q: float, low: float, high: float) -> None:
    register = encoding.schneider_pf_4q(pf, q)
    assert low <= register <= high
    assert decode_4q(register) == pytest.approx(pf)


@given(st.floats(-1, 1), st.floats(-100, 100))
def test_schneider_4q_round_trips(pf: float, q: float) -> None:
    assert decode_4q(encoding.schneider_pf_4q(pf, q)) == pytest.approx(pf, abs=1e-12)


@given(
    st.sampled_from(list(DataType)),
    st.sampled_from(ORDERS),
    st.sampled_from([1.0, 0.1, 0.001, 0.01, 10.0]),
    st.floats(-1e5, 1e5),
)
def test_every_type_and_order_decodes_to_the_quantized_value(
    type_: DataType, order: WordOrder, scale: float, value: float
) -> None:
    src = source(type_, order, scale)
    decoded = decode_source(encoding.encode(value, src), src)
    assert decoded is not None
    assert decoded == pytest.approx(encoding.quantize(value, src), rel=1e-9, abs=1e-9)
    if type_.value.startswith("f") or (type_.signed and abs(value / scale) < 2**15):
        assert math.isclose(decoded, value, rel_tol=1e-6, abs_tol=scale)


def test_special_decoding_source_round_trips_through_register() -> None:
    src = RegisterSource(
        Function.HOLDING, 0, DataType.F32, decoding=SpecialDecoding.SCHNEIDER_PF_4Q
    )
    words = encoding.encode(encoding.schneider_pf_4q(0.8, -3.0), src)
    assert decode_source(words, src) == pytest.approx(0.8, abs=1e-6)
