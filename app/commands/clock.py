"""`medido clock`: ChileMedido's clock vs the laptop's vs the meter's, each with its uncertainty.

    medido clock
    medido clock --meter "tcp://10.0.0.5?unit=1" --profile schneider-iem3000 --json

The comparison and the verdicts are the Clock page's (app.core.clock). Uses the last login unless
`--token-file` is given. Exit code: 0 no clock is off beyond tolerance (a verdict that cannot
tell is not a failure); 1 a clock is off, or the server or the meter could not be read; 2 bad
arguments.
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from app.commands.api_session import (
    EXIT_FAILED,
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
from app.commands.meter_args import meter_session
from app.commands.meter_output import quiet_pymodbus
from app.commands.terminal import say
from app.core.api import ApiError
from app.core.clock.check import (
    METER_ZONES,
    ClockComparison,
    MeterClockSource,
    compare_clocks,
    meter_zone,
    offset_decimals,
)
from app.core.clock.chile_time import SANTIAGO
from app.core.clock.drift import Offset
from app.core.clock.verdict import ClockVerdict, Verdict, judge_drift
from app.core.meter.links import LinkError
from app.core.meter.session import MeterSession


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "clock",
        help="compare ChileMedido's clock with the laptop's and the meter's",
        description="Compare the server's clock with this computer's (and the meter's, with "
        "--meter and --profile), each offset with its uncertainty and a verdict.",
    )
    parser.add_argument("--meter", metavar="URI", help="where the meter is (see `medido read`)")
    parser.add_argument("--profile", metavar="ID", help="the meter's profile")
    parser.add_argument(
        "--meter-zone",
        choices=METER_ZONES,
        default=SANTIAGO,
        metavar="ZONE",
        help=f"how the meter keeps time: {', '.join(METER_ZONES)} (default {SANTIAGO})",
    )
    parser.add_argument(
        "--samples", type=whole(1, 20, "samples"), default=4, metavar="N", help="server samples"
    )
    add_api_options(parser)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    quiet_pymodbus()
    try:
        session = meter_session(args.meter, args.profile)
        chosen = target(args)
        return asyncio.run(_compare(args, chosen, session))
    except (Usage, ApiError, LinkError) as error:
        return fail("clock", error, json_output=args.json)


async def _compare(args: argparse.Namespace, chosen: Target, session: MeterSession | None) -> int:
    zone = meter_zone(args.meter_zone, session.profile if session else None)
    try:
        async with logged_in(chosen) as client:
            source = None
            if session is not None:
                await session.connect()
                source = MeterClockSource(session.link, session.profile, session.unit)
            comparison = await compare_clocks(client, source, zone, count=args.samples)
    finally:
        if session is not None:
            await session.close()
    verdicts = judge_drift(comparison.drift, meter=zone.setting, at=comparison.measured_at)
    problems = [f"ChileMedido's clock could not be read: {comparison.server_error}"]
    problems = problems if comparison.server_error is not None else []
    if comparison.meter_error is not None:
        problems.append(f"The meter's clock could not be read: {comparison.meter_error}")
    notes = []
    if session is not None and not session.profile.clock:
        notes.append(f"The profile {session.profile.id} has no clock registers: not compared.")
    failed = bool(problems) or any(v.verdict is Verdict.FAIL for v in verdicts)
    if args.json:
        dump(_as_json(comparison, verdicts, problems, notes) | {"ok": not failed})
    else:
        say(_as_text(comparison, verdicts, chosen.environment.address, session))
        for line in notes:
            say(f"note: {line}")
    for line in problems:
        say(f"medido clock: {line}", err=True)
    return EXIT_FAILED if failed else EXIT_OK


def _offset(offset: Offset | None) -> dict[str, float] | None:
    if offset is None:
        return None
    return {"seconds": offset.seconds, "uncertainty_s": offset.uncertainty}


def _as_json(
    comparison: ClockComparison,
    verdicts: tuple[ClockVerdict, ...],
    problems: list[str],
    notes: list[str],
) -> dict[str, Any]:
    drift = comparison.drift
    return {
        "measured_at": comparison.measured_at.isoformat(),
        "server_samples": drift.samples_taken,
        "laptop_vs_server": _offset(drift.laptop_vs_server),
        "meter_vs_server": _offset(drift.meter_vs_server),
        "meter_vs_laptop": _offset(drift.meter_vs_laptop),
        "server_offset": _offset(comparison.server_offset),
        "verdicts": [
            {
                "comparison": v.comparison.value,
                "verdict": v.verdict.value,
                "code": v.code,
                "message": v.message,
                **(_offset(v.offset) or {}),
            }
            for v in verdicts
        ],
        "errors": problems,
        "notes": notes,
    }


def _signed(offset: Offset) -> str:
    places = offset_decimals(offset.uncertainty)
    return f"{offset.seconds:+.{places}f} s ± {offset.uncertainty:.{places}f} s"


def _as_text(
    comparison: ClockComparison,
    verdicts: tuple[ClockVerdict, ...],
    where: str,
    session: MeterSession | None,
) -> str:
    meter = f", meter {session.description}" if session is not None else ""
    lines = [f"Clocks: ChileMedido at {where}, this computer{meter}"]
    for v in verdicts:
        first, second = v.comparison.clocks
        label = f"{first} vs {second}:"
        lines.append(f"  {v.verdict.value.upper():<11} {label:<17} {_signed(v.offset)}")
        lines.append(f"              {v.message}")
    if comparison.server_offset is not None:
        offset = _signed(comparison.server_offset)
        lines.append(f"Uploads are stamped on the server's clock (server − laptop {offset}).")
    return "\n".join(lines)
