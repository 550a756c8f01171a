"""Numbers to register words, from a profile's RegisterSource — the simulator's own path.

Never the reader's decoder run backwards (docs/design.md §3): if the two disagree, tests catch it.
Conventions (the profile model's): raw = value / scale; big-endian bytes A B C D … arranged by word
order — ABCD as is, CDAB words reversed (four words for 64-bit types), BADC bytes swapped inside
each word, DCBA both. Not-available sentinels are words in bus order, first word most significant.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Sequence

from app.core.meter.profile import DataType, RegisterSource, WordOrder

_FORMAT = {
    DataType.U16: ">H",
    DataType.I16: ">h",
    DataType.U32: ">I",
    DataType.I32: ">i",
    DataType.U64: ">Q",
    DataType.I64: ">q",
    DataType.F32: ">f",
    DataType.F64: ">d",
}
_FLOATS = (DataType.F32, DataType.F64)
TARIFF_SHARE = 0.2  # the part of a summed value that secondary parts (tariff 2 …) carry
DEDUCTION_SHARE = 0.05  # what a subtracted part (capacitive kvarh …) carries, of |value|


def _divisor(scale: float) -> int | None:
    """n when scale is 1/n (0.1, 0.001 …), so 2301 * 0.1 is computed as 2301 / 10 = 230.1."""
    if scale == 0:
        return None
    n = 1.0 / scale
    rounded = round(n)
    return int(rounded) if rounded != 0 and abs(n - rounded) < 1e-9 * abs(n) else None


def _int_range(t: DataType) -> tuple[int, int]:
    bits = t.words * 16
    return (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if t.signed else (0, (1 << bits) - 1)


def to_raw(value: float, source: RegisterSource) -> int | float:
    """The number the register holds: value / scale, rounded and clamped for integer types."""
    n = _divisor(source.scale)
    x = value * n if n is not None else value / source.scale
    if source.type in _FLOATS:
        return x
    lo, hi = _int_range(source.type)
    return min(hi, max(lo, round(x))) if math.isfinite(x) else 0


def _scaled(raw: float, scale: float) -> float:
    n = _divisor(scale)
    return raw / n if n is not None else raw * scale


def quantize(value: float, source: RegisterSource) -> float:
    """What a register that holds `value` says, in target units (resolution, f32 rounding …)."""
    raw = to_raw(value, source)
    if source.type is DataType.F32:
        raw = struct.unpack(">f", struct.pack(">f", raw))[0]
    return _scaled(raw, source.scale)


def arrange(words: Sequence[int], order: WordOrder) -> list[int]:
    """Big-endian words (A B first) into the bus order `order` names."""
    out = list(words)
    if order in (WordOrder.CDAB, WordOrder.DCBA):
        out.reverse()
    if order in (WordOrder.BADC, WordOrder.DCBA):
        out = [((w & 0xFF) << 8) | (w >> 8) for w in out]
    return out


def encode_raw(
    raw: int | float, source: RegisterSource, order: WordOrder | None = None
) -> list[int]:
    data = struct.pack(_FORMAT[source.type], raw)
    words = [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]
    return arrange(words, order or source.word_order)


def encode(value: float, source: RegisterSource, order: WordOrder | None = None) -> list[int]:
    """Words for `value` (target units), in bus order."""
    return encode_raw(to_raw(value, source), source, order)


def not_available_words(source: RegisterSource) -> list[int] | None:
    """The words that say "not available": the profile's first sentinel, or NaN for floats."""
    if source.not_available:
        pattern, n = source.not_available[0], source.count
        return [(pattern >> (16 * (n - 1 - i))) & 0xFFFF for i in range(n)]
    if source.type in _FLOATS:
        return encode_raw(math.nan, source)
    return None


def split_sum(value: float, parts: Sequence[RegisterSource]) -> list[float]:
    """Each part's contribution (raw * scale), so that the contributions add up to `value`.

    The first part with a positive scale is the primary (tariff 1): it takes what is left after
    the others — secondary positive parts share TARIFF_SHARE of the value, subtracted parts
    (negative scale) carry DEDUCTION_SHARE of |value| each — so the sum is exact to the primary's
    resolution.
    """
    if len(parts) == 1:
        return [value]
    primary = next((i for i, p in enumerate(parts) if p.scale > 0), 0)
    positives = [i for i, p in enumerate(parts) if p.scale > 0 and i != primary]
    shares = [0.0] * len(parts)
    for i, part in enumerate(parts):
        if i == primary:
            continue
        if part.scale > 0:
            share = value * TARIFF_SHARE / len(positives)
        else:
            share = -abs(value) * DEDUCTION_SHARE
        shares[i] = quantize(share, part)
    shares[primary] = value - sum(shares)
    return shares


def schneider_pf_4q(pf: float, reactive: float) -> float:
    """PowerLogic "4Q FP PF" register value for a power factor pf = P/S (signed like P).

    iEM3000 manual (DOCA0005EN, "Power factor register format"): quadrant 1 (P+, Q+, lagging
    import) register = pf in 0..1; quadrant 2 (P-, Q+) register = pf in -1..0; quadrant 3 (P-, Q-)
    register = -2 - pf in -2..-1; quadrant 4 (P+, Q-, leading import) register = 2 - pf in 1..2.
    The register runs continuously 1 → 0 → -1 → -2 | 2 → 1 around the circle. A decoder inverts it
    with: |r| <= 1 → pf = r; r > 1 → pf = 2 - r; r < -1 → pf = -2 - r.
    """
    if reactive >= 0:
        return pf  # quadrants 1 and 2
    return 2.0 - pf if pf >= 0 else -2.0 - pf  # quadrants 4 and 3
