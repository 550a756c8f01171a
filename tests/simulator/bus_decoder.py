"""A small independent decoder for the simulator's tests (not app.core.meter.decoding).

It reads the profile's rules straight from the dataclasses: big-endian bytes after undoing the
word order, struct for the type, value * scale, parts summed, the 4Q power factor undone.
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

FORMATS = {"u16": ">H", "i16": ">h", "u32": ">I", "i32": ">i", "u64": ">Q", "i64": ">q"}
FORMATS |= {"f32": ">f", "f64": ">d"}


def to_big_endian(words: Sequence[int], order: WordOrder) -> bytes:
    ws = list(words)
    if order in (WordOrder.BADC, WordOrder.DCBA):
        ws = [((w << 8) | (w >> 8)) & 0xFFFF for w in ws]
    if order in (WordOrder.CDAB, WordOrder.DCBA):
        ws.reverse()
    return b"".join(w.to_bytes(2, "big") for w in ws)


def decode_source(words: Sequence[int], source: RegisterSource) -> float | None:
    as_int = int.from_bytes(b"".join(w.to_bytes(2, "big") for w in words), "big")
    if as_int in source.not_available:
        return None
    value = struct.unpack(FORMATS[source.type.value], to_big_endian(words, source.word_order))[0]
    if source.type in (DataType.F32, DataType.F64) and not math.isfinite(value):
        return None
    scaled = float(value) * source.scale
    if source.decoding is SpecialDecoding.SCHNEIDER_PF_4Q:
        if scaled > 1:
            return 2 - scaled
        if scaled < -1:
            return -2 - scaled
    return scaled


def decode_mapping(
    image: Mapping[tuple[Function, int], int], mapping: SensorMapping
) -> float | None:
    total = 0.0
    for part in mapping.parts:
        words = [image[(part.function, part.address + i)] for i in range(part.count)]
        value = decode_source(words, part)
        if value is None:
            return None
        total += value
    return total
