"""`medido device`: a meter as ChileMedido knows it, its sensors, and what a profile supplies.

    medido device 29
    medido device --id 4129 --profile eastron-sdm630 --json

Uses the last login (`medido login`) unless `--token-file` is given. Exit code: 0 found (however
complete the coverage); 1 not found, not this provider's, or the API failed; 2 bad arguments.
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from app.commands.api_session import (
    EXIT_OK,
    Target,
    Usage,
    add_api_options,
    dump,
    fail,
    logged_in,
    target,
)
from app.commands.arguments import whole
from app.commands.meter_args import profile
from app.commands.terminal import say
from app.core.api import ApiError, Device
from app.core.meter.profile import MeterProfile
from app.core.sensors.coverage import CoverageReport, compare


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "device",
        help="look up a meter on ChileMedido: its sensors, and a profile's coverage",
        description="Look up a meter by its number (or ChileMedido id) and list the sensors "
        "configured on it; with --profile, which of them the meter profile supplies.",
    )
    parser.add_argument("number", nargs="?", metavar="NUMBER", help="the meter's number")
    parser.add_argument("--id", type=whole(0, 2**63 - 1), metavar="N", help="or its ChileMedido id")
    parser.add_argument("--profile", metavar="ID", help="compare with this meter profile")
    add_api_options(parser)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        if (args.number is None) == (args.id is None):
            raise Usage("give the meter's NUMBER or --id N (one of them)")
        if args.number is not None and not args.number.strip():
            raise Usage("the meter number is empty")
        profile = _profile(args.profile)
        chosen = target(args)
        return asyncio.run(_show(args, chosen, profile))
    except (Usage, ApiError) as error:
        return fail("device", error, json_output=args.json)


def _profile(profile_id: str | None) -> MeterProfile | None:
    return profile(profile_id) if profile_id is not None else None


async def _show(args: argparse.Namespace, chosen: Target, profile: MeterProfile | None) -> int:
    async with logged_in(chosen) as client:
        if args.id is not None:
            device = await client.device(args.id)
        else:
            device = await client.device_by_number(args.number)
    report = compare(device, profile) if profile is not None else None
    if args.json:
        dump(device_json(device, report))
    else:
        say(device_text(device, report, chosen.environment.address))
    return EXIT_OK


def device_json(device: Device, report: CoverageReport | None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "ok": True,
        "id": device.id,
        "number": device.number,
        "sensors": [{"name": s.name, "unit": s.unit, "alias": s.alias} for s in device.sensors],
    }
    if report is not None:
        body["coverage"] = {
            "profile": report.profile_id,
            "complete": report.complete,
            "supplied": [r.sensor.name for r in report.supplied],
            "missing": [s.name for s in report.missing],
            "not_configured": list(report.not_configured),
            "rows": [
                {
                    "sensor": r.sensor.name,
                    "supplied": r.supplied,
                    "confidence": r.confidence.value if r.confidence else None,
                    "spelled_like": r.spelled_like,
                }
                for r in report.rows
            ],
        }
    return body


def device_text(device: Device, report: CoverageReport | None, where: str) -> str:
    count = len(device.sensors)
    lines = [f"Meter {device.number} (ChileMedido id {device.id}) on {where}: {count} sensors"]
    width = max([len(s.name) for s in device.sensors] + [len("Sensor")])
    units = max([len(s.unit or "-") for s in device.sensors] + [len("Unit")])
    header = f"  {'Sensor':<{width}}  {'Unit':<{units}}"
    lines.append((header + ("  Profile" if report is not None else "")).rstrip())
    for sensor in device.sensors:
        line = f"  {sensor.name:<{width}}  {sensor.unit or '-':<{units}}"
        row = report.row(sensor.name) if report is not None else None
        if row is not None:
            line += f"  {row.confidence.value if row.confidence else 'NOT SUPPLIED'}"
            if row.spelled_like:
                line += f' (the profile has "{row.spelled_like}": accents or case differ)'
        lines.append(line.rstrip())
    if report is not None:
        supplied = len(report.supplied)
        lines.append(f"{report.profile_id} supplies {supplied} of {count} sensors.")
        if report.not_configured:
            extra = ", ".join(report.not_configured)
            lines.append(f"Read by the profile but not configured on the meter (ignored): {extra}")
    return "\n".join(lines)
