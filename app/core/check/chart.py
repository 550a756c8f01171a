"""A small line chart's geometry, shared by the HTML (SVG) and PDF reports: series scaled into
a box, one panel per unit (kW and V do not share an axis)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.core.check.report import PlotSeries

COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf")


@dataclass(frozen=True, slots=True)
class Panel:
    unit: str
    low: float
    high: float
    start: float  # epoch seconds
    end: float
    lines: tuple[tuple[str, str, tuple[tuple[float, float], ...]], ...]  # (name, colour, xy 0..1)


def panels(series: tuple[PlotSeries, ...]) -> list[Panel]:
    """One panel per unit, points scaled to 0..1 on both axes (y up)."""
    if not series:
        return []
    start = min(s.points[0][0] for s in series)
    end = max(s.points[-1][0] for s in series)
    span = max(end - start, 1.0)
    found: list[Panel] = []
    units = list(dict.fromkeys(s.unit for s in series))
    for unit in units:
        members = [s for s in series if s.unit == unit]
        values = [v for s in members for _, v in s.points]
        low, high = min(values), max(values)
        pad = (high - low) * 0.1 or max(abs(high) * 0.05, 1.0)
        low, high = low - pad, high + pad
        lines = tuple(
            (
                s.sensor,
                COLORS[series.index(s) % len(COLORS)],
                tuple(((t - start) / span, (v - low) / (high - low)) for t, v in s.points),
            )
            for s in members
        )
        found.append(Panel(unit, low, high, start, end, lines))
    return found


def time_span(series: tuple[PlotSeries, ...]) -> str:
    """' (11:12:01 – 11:16:38)' in the laptop's local time; '' without points."""
    if not series:
        return ""
    start = min(s.points[0][0] for s in series)
    end = max(s.points[-1][0] for s in series)
    first, last = (datetime.fromtimestamp(t).strftime("%H:%M:%S") for t in (start, end))
    return f" ({first} - {last})"
