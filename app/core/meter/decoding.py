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

`value_decoder` makes these choices once per value; a reader keeps one decoder per value, since
every poll decodes every value of its profile.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Callable, Mapping, Sequence

from app.core.meter.profile import (
    DataType,
    Function,
    RegisterSource,
    SensorMapping,
    SpecialDecoding,
    WordOrder,
)

type ValueDecoder = Callable[[Sequence[int]], float | None]  # `decode_value` for one source
type RegisterImage = Mapping[tuple[Function, int], int]
"""What a poll read: (function, 0-based address) -> 16-bit word (0..65535).

A plain dict works; `Function` is an IntEnum, so `(3, 3059)` and `(Function.HOLDING, 3059)` are the
same key. Registers the meter did not return are simply absent.
"""

_FLOAT_FORMATS = {DataType.F32: struct.Struct(">f"), DataType.F64: struct.Struct(">d")}
_F32 = _FLOAT_FORMATS[DataType.F32]
_WORD_SWAPS = frozenset({WordOrder.CDAB, WordOrder.DCBA})  # the last word is most significant
_BYTE_SWAPS = frozenset({WordOrder.BADC, WordOrder.DCBA})  # each word's bytes are swapped
_WORD_PACKERS = {
    (swapped, count): struct.Struct(("<" if swapped else ">") + "H" * count)
    for swapped in (False, True)
    for count in (1, 2, 4)
}


def register_block(
    function: Function, start: int, words: Sequence[int]
) -> dict[tuple[Function, int], int]:
    """The image entries of one read response: `words[i]` is register `start + i`."""
    function = Function(function)
    return {(function, address): word for address, word in enumerate(words, start)}


def raw_words(source: RegisterSource, image: RegisterImage) -> tuple[int, ...] | None:
    """The words of one value in bus order, or None if any of them was not read."""
    return words_at(register_keys(source), image)


def register_keys(source: RegisterSource) -> tuple[tuple[Function, int], ...]:
    """The image keys of one value's registers, in bus order."""
    return tuple((source.function, a) for a in range(source.address, source.end))


def words_at(keys: Sequence[tuple[Function, int]], image: RegisterImage) -> tuple[int, ...] | None:
    """The words at these keys, or None if any of them was not read."""
    try:
        return tuple([image[key] for key in keys])
    except KeyError:
        return None


def decode_mapping(mapping: SensorMapping, image: RegisterImage) -> float | None:
    """A variable's value: the sum of its parts. None if any part is missing or not available."""
    return decode_words(mapping, [raw_words(part, image) for part in mapping.parts])


def decode_words(
    mapping: SensorMapping,
    words: Sequence[Sequence[int] | None],
    decoders: Sequence[ValueDecoder] | None = None,
) -> float | None:
    """The sum of the parts, from each part's words in bus order (None: that part was not read).
    None if any part is missing or not available. `decoders`: the parts' own, if kept."""
    if decoders is None:
        decoders = [value_decoder(part) for part in mapping.parts]
    total = 0.0
    for decode, part_words in zip(decoders, words, strict=True):
        value = None if part_words is None else decode(part_words)
        if value is None:
            return None
        total += value
    return total


def decode_value(source: RegisterSource, words: Sequence[int]) -> float | None:
    """One value from its words in bus order; None means the meter says "not available"."""
    return value_decoder(source)(words)


def value_decoder(source: RegisterSource) -> ValueDecoder:
    """`decode_value` for one source, with what depends on the source alone worked out once."""
    data_type, count, scale = source.type, source.type.words, source.scale
    packer = _word_packer(source.word_order in _BYTE_SWAPS, count)
    reverse = source.word_order in _WORD_SWAPS
    float_format = _FLOAT_FORMATS.get(data_type)
    is_f32, signed = data_type is DataType.F32, data_type.signed
    not_available = source.not_available
    pf_4q = source.decoding is SpecialDecoding.SCHNEIDER_PF_4Q
    divisor = _divisor(scale)

    def decode(words: Sequence[int]) -> float | None:
        if len(words) != count:
            raise ValueError(f"{data_type.value} needs {count} registers, got {len(words)}")
        if min(words) < 0 or max(words) > 0xFFFF:
            raise ValueError(f"register words must be 0..65535, got {list(words)}")
        if not_available and bus_integer(words) in not_available:
            return None
        raw = packer.pack(*reversed(words)) if reverse else packer.pack(*words)
        number: int | float
        if float_format is None:
            number = int.from_bytes(raw, "big", signed=signed)  # kept exact until scaled
        else:
            (number,) = float_format.unpack(raw)
            if not math.isfinite(number):
                return None
            if is_f32:
                number = _shortest_f32(number, raw)
        if scale == 1:
            value = float(number)
        elif divisor:
            value = number / divisor  # correctly rounded, so 2301 * 0.1 prints as 230.1
        else:
            value = number * scale
        return decode_schneider_pf_4q(value) if pf_4q else value

    return decode


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
    packer = _word_packer(order in _BYTE_SWAPS, len(words))
    return packer.pack(*(reversed(words) if order in _WORD_SWAPS else words))


def _word_packer(swapped: bool, count: int) -> struct.Struct:
    """Packs `count` words big-endian (`swapped`: each word's bytes the other way round)."""
    packer = _WORD_PACKERS.get((swapped, count))
    return packer or struct.Struct(("<" if swapped else ">") + "H" * count)


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


def _shortest_f32(number: float, raw: bytes) -> float:
    """The shortest decimal that is the same float32 (`raw`, big-endian): 10528.97, not
    10528.9697265625.

    A meter's float32 holds about 7 significant digits; the extra digits of its exact binary
    value are noise that would otherwise travel to the table, the plot and ChileMedido.
    """
    for digits in ("%.6g", "%.7g", "%.8g", "%.9g"):  # 9 digits always round-trip a float32
        candidate = float(digits % number)
        if _F32.pack(candidate) == raw:
            return candidate
    return number


def _divisor(scale: float) -> int:
    """n when `scale` is exactly 1/n (0.1, 0.001), else 0."""
    divisor = round(1 / scale) if 0 < abs(scale) < 1 else 0
    return divisor if divisor and 1 / divisor == scale else 0
