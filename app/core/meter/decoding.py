"""Turning register words into ChileMedido values.

The reader fills a `RegisterImage` from Modbus responses: (function, 0-based address) -> the
16-bit word the meter returned. `decode_mapping` looks a variable's registers up in it;
`decode_words` decodes each part's words and sums them; `decode_value` decodes one value.

Decoding one value, in order:
1. The words must be exactly `source.type.words` unsigned 16-bit integers, in bus order (the
   order the meter sent them: the word at `address` first).
2. Not-available sentinels are compared first, on the raw words in bus order read as one unsigned
   integer, first word most significant, whatever the word order (ABB's all-FF u32 is 0xFFFFFFFF).
3. The words are arranged by `word_order` into bytes, most significant first, and read as the
   type (two's complement for i*, IEEE 754 for f*). NaN and infinite floats mean "not available".
4. The number is scaled: value * scale (computed as value / n when scale is exactly 1/n, so that
   2301 with scale 0.1 gives 230.1 rather than 230.10000000000002).
5. A special decoding, if any, applies to the scaled value (see `decode_schneider_pf_4q`).
"""

from __future__ import annotations

import math
import struct
from collections.abc import Mapping, Sequence

from app.core.meter.profile import (
    DataType,
    Function,
    RegisterSource,
    SensorMapping,
    SpecialDecoding,
    WordOrder,
)

type RegisterImage = Mapping[tuple[Function, int], int]
"""What a poll read: (function, 0-based address) -> 16-bit word (0..65535).

A plain dict works; `Function` is an IntEnum, so `(3, 3059)` and `(Function.HOLDING, 3059)` are the
same key. Registers the meter did not return are simply absent.
"""

_FLOAT_FORMATS = {DataType.F32: ">f", DataType.F64: ">d"}


def register_block(
    function: Function, start: int, words: Sequence[int]
) -> dict[tuple[Function, int], int]:
    """The image entries of one read response: `words[i]` is register `start + i`."""
    return {(Function(function), start + i): word for i, word in enumerate(words)}


def raw_words(source: RegisterSource, image: RegisterImage) -> tuple[int, ...] | None:
    """The words of one value in bus order, or None if any of them was not read."""
    words = []
    for address in range(source.address, source.end):
        word = image.get((source.function, address))
        if word is None:
            return None
        words.append(word)
    return tuple(words)


def decode_mapping(mapping: SensorMapping, image: RegisterImage) -> float | None:
    """A variable's value: the sum of its parts. None if any part is missing or not available."""
    return decode_words(mapping, [raw_words(part, image) for part in mapping.parts])


def decode_words(mapping: SensorMapping, words: Sequence[Sequence[int] | None]) -> float | None:
    """The sum of the parts, from each part's words in bus order (None: that part was not read).
    None if any part is missing or not available."""
    total = 0.0
    for part, part_words in zip(mapping.parts, words, strict=True):
        value = None if part_words is None else decode_value(part, part_words)
        if value is None:
            return None
        total += value
    return total


def decode_value(source: RegisterSource, words: Sequence[int]) -> float | None:
    """One value from its words in bus order; None means the meter says "not available"."""
    if len(words) != source.type.words:
        raise ValueError(
            f"{source.type.value} needs {source.type.words} registers, got {len(words)}"
        )
    if any(not 0 <= w <= 0xFFFF for w in words):
        raise ValueError(f"register words must be 0..65535, got {list(words)}")
    if source.not_available and bus_integer(words) in source.not_available:
        return None
    number = _number(source.type, ordered_bytes(words, source.word_order))
    if number is None:
        return None
    value = _scaled(number, source.scale)
    if source.decoding is SpecialDecoding.SCHNEIDER_PF_4Q:
        return decode_schneider_pf_4q(value)
    return value


def bus_integer(words: Sequence[int]) -> int:
    """The words as one unsigned integer, first word most significant (as sentinels are written)."""
    result = 0
    for word in words:
        result = (result << 16) | word
    return result


def ordered_bytes(words: Sequence[int], order: WordOrder) -> bytes:
    """The value's bytes, most significant first, from words in bus order.

    ABCD: words and bytes as sent. CDAB: the last word is the most significant. BADC: bytes
    swapped inside each word. DCBA: both. With one word, CDAB is ABCD and DCBA is BADC.
    """
    ordered = list(words)
    if order in (WordOrder.CDAB, WordOrder.DCBA):
        ordered.reverse()
    if order in (WordOrder.BADC, WordOrder.DCBA):
        ordered = [((w & 0xFF) << 8) | (w >> 8) for w in ordered]
    return b"".join(w.to_bytes(2, "big") for w in ordered)


def decode_schneider_pf_4q(value: float) -> float | None:
    """Schneider PowerLogic four-quadrant power factor ("4Q FP PF") to a signed PF in -1..1.

    The register holds -2..2 (iEM3000 and PM5300/PM5500 user manuals, "Power factor register
    format"): values in -1..1 are the PF itself; above 1 the PF is 2 - value; below -1 it is
    -2 - value. The result follows the IEC sign convention the other profiles use: positive
    while active power is imported (quadrants 1 and 4), negative while exported (2 and 3).
    Lead/lag is not returned: the two manuals disagree on which quadrants lie beyond ±1.
    Outside -2..2 the register is invalid: None.
    """
    if value > 2 or value < -2:
        return None
    if value > 1:
        return 2 - value
    if value < -1:
        return -2 - value
    return value


def _number(data_type: DataType, raw: bytes) -> int | float | None:
    float_format = _FLOAT_FORMATS.get(data_type)
    if float_format is not None:
        (number,) = struct.unpack(float_format, raw)
        if math.isnan(number) or math.isinf(number):
            return None
        return _shortest_f32(number) if data_type is DataType.F32 else float(number)
    return int.from_bytes(raw, "big", signed=data_type.signed)  # kept exact until scaled


def _shortest_f32(number: float) -> float:
    """The shortest decimal that is the same float32: 10528.97, not 10528.9697265625.

    A meter's float32 holds about 7 significant digits; the extra digits of its exact binary
    value are noise that would otherwise travel to the table, the plot and ChileMedido.
    """
    for digits in range(6, 10):  # 9 significant digits always round-trip a float32
        candidate = float(f"{number:.{digits}g}")
        if struct.pack(">f", candidate) == struct.pack(">f", number):
            return candidate
    return number


def _scaled(number: int | float, scale: float) -> float:
    if scale == 1:
        return float(number)
    divisor = round(1 / scale) if abs(scale) < 1 else 0
    if divisor and 1 / divisor == scale:
        return number / divisor  # correctly rounded, so 2301 * 0.1 prints as 230.1
    return number * scale
