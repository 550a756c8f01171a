"""A read plan for people (`medido read --plan`, the GUI's plan view) and for JSON."""

from __future__ import annotations

import textwrap
from typing import Any

from app.core.meter.planner import ReadPlan


def describe_plan(plan: ReadPlan, width: int = 100) -> str:
    """A table of the blocks, each followed by the sensors it serves."""
    lines = [
        f"Read plan: {plan.requests} request{'s' if plan.requests != 1 else ''}, "
        f"{plan.registers} registers, modelled {plan.modelled_s * 1000:.1f} ms per poll "
        f"({plan.timing.describe()}"
        + (f", {plan.timing.pause_s * 1000:.3g} ms pause" if plan.timing.pause_s else "")
        + ")",
        f"{'#':>3}  {'unit':>4}  {'fn':>2}  {'start':>5}  {'count':>5}  gaps read through",
    ]
    for i, block in enumerate(plan.blocks, 1):
        gaps = ", ".join(f"{s}–{s + n - 1}" if n > 1 else f"{s}" for s, n in block.gaps) or "-"
        lines.append(
            f"{i:>3}  {block.unit:>4}  {int(block.function):>2}  {block.start:>5}  "
            f"{block.count:>5}  {gaps}"
        )
        sensors = ", ".join(block.sensors)
        lines.extend(
            textwrap.wrap(sensors, width, initial_indent=" " * 5, subsequent_indent=" " * 5)
        )
    if plan.skipped:
        lines.append("Not read (registers the meter lacks):")
        for sensor, keys in plan.skipped.items():
            where = ", ".join(f"fn {int(f)} register {a}" for f, a in keys)
            lines.append(f"     {sensor}: {where}")
    return "\n".join(lines)


def plan_to_dict(plan: ReadPlan) -> dict[str, Any]:
    return {
        "requests": plan.requests,
        "registers": plan.registers,
        "modelled_s": round(plan.modelled_s, 6),
        "timing": plan.timing.describe(),
        "blocks": [
            {
                "unit": b.unit,
                "function": int(b.function),
                "start": b.start,
                "count": b.count,
                "gaps": [list(g) for g in b.gaps],
                "sensors": list(b.sensors),
            }
            for b in plan.blocks
        ],
        "skipped": {s: [[int(f), a] for f, a in keys] for s, keys in plan.skipped.items()},
    }
