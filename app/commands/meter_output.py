"""Text output shared by `medido read` and `medido scan`."""

from __future__ import annotations

import logging

from app.core.meter.detect import Responder
from app.core.meter.profile import MeterProfile
from app.core.meter.reading import MeterReading
from app.core.readings.value_format import format_words
from app.core.sensors.dictionary import unit_of


def quiet_pymodbus() -> None:
    """pymodbus logs every timeout itself; Medido reports them, so keep its log off the console."""
    logging.getLogger("pymodbus").setLevel(logging.CRITICAL)


def format_value(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if abs(value) >= 1 or value == 0 else f"{value:.4f}"


def reading_table(reading: MeterReading, profile: MeterProfile, where: str) -> str:
    stamp = reading.at.strftime("%Y-%m-%d %H:%M:%S UTC")
    lines = [f"{profile.manufacturer} {profile.model} ({profile.id}) at {where} — {stamp}"]
    rows = list(reading.values.items()) + list(reading.extras.items())
    units = {s: unit_of(s) for s, _ in rows}
    width = max([len(s) for s, _ in rows] + [len("Sensor")])
    unit_width = max([len(u) for u in units.values()] + [len("Unit")])
    lines.append(f"{'Sensor':<{width}}  {'Value':>14}  {'Unit':<{unit_width}}  Registers")
    for sensor, value in rows:
        raw = format_words(reading.raw.get(sensor, ()))
        line = f"{sensor:<{width}}  {format_value(value):>14}  {units[sensor]:<{unit_width}}  {raw}"
        problem = reading.problems.get(sensor) or reading.notes.get(sensor)
        if problem is not None and problem.code != "no-reply":  # a failed poll says why once
            line += f"\n{'':<{width}}  ↳ {problem.message}"
        lines.append(line)
    lines.append(stats_line(reading))  # a poll-level error goes to stderr, once
    return "\n".join(lines)


def stats_line(reading: MeterReading) -> str:
    s = reading.stats
    rtt = ""
    if s.rtt_avg_ms is not None:
        rtt = f", round trip {s.rtt_min_ms:.1f}/{s.rtt_avg_ms:.1f}/{s.rtt_max_ms:.1f} ms"
    return (
        f"{s.requests} requests, {s.errors} errors, {s.retries} retries, {s.timeouts} timeouts"
        f"{rtt}, {reading.duration_s * 1000:.0f} ms, "
        f"{reading.available}/{len(reading.values)} sensors with a value"
    )


def responder_lines(r: Responder) -> list[str]:
    lines = [f"unit {r.unit:>3}  {r.settings}  (answered with {r.answer})"]
    best = r.best
    if best is None:
        lines.append("          no shipped profile fits (no plausible voltage or frequency)")
        return lines
    lines.append(f"          likely {best.message}")
    for other in r.guesses[1:3]:
        if other.score > 0:
            lines.append(f"          also possible: {other.profile_id} ({other.score:.0%})")
    return lines
