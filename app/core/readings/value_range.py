"""The value range a plot shows: the data's, padded, and steady while the data stays inside.

Re-fitting the range at every redraw moves the value axis each time a reading enters or leaves
the window, which is both restless to watch and costly (the axis lays out its labels again).
The range changes only when the data leaves it or fills less than half of it.
"""

from __future__ import annotations

PADDING = 0.05  # of the data's span, above and below
FILL = 0.5  # the data fills less of the range than this: fit again


def steady_range(
    shown: tuple[float, float] | None, low: float, high: float
) -> tuple[float, float] | None:
    """The range to show for data in [low, high], or None to keep `shown` as it is."""
    if shown is not None:
        bottom, top = shown
        inside = bottom <= low and high <= top
        if inside and (top - bottom) * FILL <= max(high - low, padding(low, high) * 2):
            return None
    pad = padding(low, high)
    return low - pad, high + pad


def padding(low: float, high: float) -> float:
    """A flat line still gets a range: a thousandth of its value (or a tiny one at zero)."""
    return max((high - low) * PADDING, max(abs(low), abs(high)) * 1e-3, 1e-9)
