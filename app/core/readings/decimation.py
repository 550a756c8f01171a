"""Fewer points for a plot without losing the peaks: min/max decimation.

A plot a thousand pixels wide cannot show 86,400 points per curve; drawing them all costs the
GUI thread time on every redraw. Cutting the series into `buckets` runs of equal length and
keeping each run's lowest and highest point (in their time order) draws the same envelope —
a one-second spike stays visible in a day of data — with at most 2 × buckets points.
A run with no value at all keeps one NaN, so gaps in the data stay gaps in the line.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

type Series = npt.NDArray[np.float64]


def min_max_decimate(x: Series, y: Series, buckets: int) -> tuple[Series, Series]:
    """At most 2 × `buckets` points of (x, y) that keep every run's minimum and maximum.

    `x` ascending; NaN in `y` means no value. Short series come back unchanged (not copied).
    """
    if buckets < 1:
        raise ValueError("buckets must be at least 1")
    n = len(y)
    if n != len(x):
        raise ValueError(f"x and y differ in length ({len(x)} and {n})")
    if n <= 2 * buckets:
        return x, y
    run = -(-n // buckets)  # ceil: every run but the last is full
    full = n // run
    edges = np.arange(full) * run
    blocks = y[: full * run].reshape(full, run)
    missing = np.isnan(blocks)
    lows = np.where(missing, np.inf, blocks).argmin(axis=1)
    highs = np.where(missing, -np.inf, blocks).argmax(axis=1)
    empty = missing.all(axis=1)
    highs[empty] = lows[empty]  # both 0: one NaN point keeps the gap
    first = edges + np.minimum(lows, highs)
    second = edges + np.maximum(lows, highs)
    picks = np.stack((first, second), axis=1).ravel()
    if full * run < n:  # the short last run
        tail = y[full * run :]
        start = full * run
        if np.isnan(tail).all():
            picks = np.append(picks, start)
        else:
            low, high = int(np.nanargmin(tail)), int(np.nanargmax(tail))
            picks = np.append(picks, [start + min(low, high), start + max(low, high)])
    picks = picks[np.r_[True, np.diff(picks) != 0]]  # a run whose min is its max: one point
    return x[picks], y[picks]
