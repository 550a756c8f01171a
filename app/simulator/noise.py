"""Deterministic smooth noise: a pure function of (seed, channel, time).

Values do not depend on how often or in which order they are sampled, so a meter reads the same
at the same instant however many clients poll it, and energy integration is repeatable.
"""

from __future__ import annotations

import math
import zlib

_MASK = (1 << 64) - 1


def _mix(x: int) -> int:
    """splitmix64's finaliser: a cheap, well-spread integer hash."""
    x = (x + 0x9E3779B97F4A7C15) & _MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
    return x ^ (x >> 31)


class SmoothNoise:
    """Random knots in [-1, 1] every `period_s` seconds, eased (smoothstep) between them."""

    def __init__(self, seed: int, channel: str, period_s: float) -> None:
        self._key = _mix((seed & _MASK) ^ (zlib.crc32(channel.encode()) << 20))
        self._period = period_s

    def _knot(self, k: int) -> float:
        return _mix(self._key ^ (k & _MASK)) / _MASK * 2.0 - 1.0

    def __call__(self, t: float) -> float:
        x = t / self._period
        k = math.floor(x)
        f = x - k
        u = f * f * (3.0 - 2.0 * f)
        a = self._knot(k)
        return a + (self._knot(k + 1) - a) * u


class Wobble:
    """A slow drift plus a small fast flicker, both in [-1, 1] units: how real readings move."""

    def __init__(self, seed: int, channel: str, slow_s: float, fast_s: float) -> None:
        self._slow = SmoothNoise(seed, channel + "/slow", slow_s)
        self._fast = SmoothNoise(seed, channel + "/fast", fast_s)

    def __call__(self, t: float) -> float:
        return 0.8 * self._slow(t) + 0.2 * self._fast(t)
