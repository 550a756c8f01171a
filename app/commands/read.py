"""`medido read`: poll a meter with a profile and show what it says, sensor by sensor.

    medido read --meter tcp://192.168.1.50:502?unit=1 --profile eastron-sdm630
    medido read --meter "rtu:///dev/ttyUSB0?baud=9600&unit=3" --profile carlo-gavazzi-em340 --json
    medido read --meter tcp://10.0.0.5 --profile schneider-iem3000 --plan

    medido read --meter tcp://10.0.0.5 --profile eastron-sdm630 --count 0 --interval 5 --csv log.csv

`--count 0` polls until Ctrl+C. `--csv FILE` appends each reading as a row to FILE (header once,
flushed per row; "," and "." unless `--decimal ,` asks for Chilean Excel's ";" and ","); a run
that crosses midnight goes on in FILE's name with the new date (log-2025-03-11.csv), see
app/core/readings/csv_log.py.

Exit code: 0 every poll answered; 1 a poll failed (no connection, no answer, or no register of
the profile answered); 2 bad arguments; 130 stopped with Ctrl+C (also for `--count 0`: the CSV
is complete up to the last reading either way).
"""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path
from typing import Any

import tzlocal

from app.commands.arguments import number, whole
from app.commands.meter_output import quiet_pymodbus, reading_table
from app.commands.terminal import say
from app.core.logs import command_traffic
from app.core.meter.links import LinkError
from app.core.meter.meter_uri import EXAMPLES, MeterURI, MeterURIError, parse_meter_uri
from app.core.meter.plan_report import describe_plan, plan_to_dict
from app.core.meter.profile import MeterProfile
from app.core.meter.profile_loader import ProfileError, default_library
from app.core.meter.reading import MeterReading
from app.core.meter.session import MeterSession
from app.core.readings.csv_export import CsvColumn, CsvFormat
from app.core.readings.csv_log import ReadingCsvLog
from app.core.sensors.dictionary import unit_of

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "read",
        help="read a meter over Modbus with a profile",
        description="Poll a meter and print each ChileMedido variable with its raw registers. "
        f"Meter addresses: {', '.join(EXAMPLES)}",
    )
    parser.add_argument("--meter", required=True, metavar="URI", help="where the meter is")
    parser.add_argument("--profile", required=True, metavar="ID", help="meter profile id")
    parser.add_argument("--json", action="store_true", help="one JSON object per poll")
    parser.add_argument("--plan", action="store_true", help="print the read plan, do not poll")
    parser.add_argument(
        "--count",
        type=whole(0, 1_000_000, "polls"),
        default=1,
        metavar="N",
        help="polls (1; 0: until Ctrl+C)",
    )
    parser.add_argument("--csv", type=Path, metavar="FILE", help="append each reading to FILE")
    parser.add_argument(
        "--decimal",
        choices=(".", ","),
        default=".",
        help='the CSV\'s decimal mark ("," also makes ";" the separator, for Excel in Chile)',
    )
    parser.add_argument(
        "--interval",
        type=number(0, 86_400, "seconds"),
        default=1.0,
        metavar="S",
        help="seconds between polls",
    )
    parser.add_argument(
        "--timeout", type=number(0.01, 60, "seconds"), metavar="S", help="per request (profile's)"
    )
    parser.add_argument(
        "--retries", type=whole(0, 10, "retries"), default=1, metavar="N", help="after no reply"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    quiet_pymodbus()
    try:
        uri = parse_meter_uri(args.meter)
    except MeterURIError as e:
        say(e.message, err=True)
        return EXIT_USAGE
    try:
        profile = default_library().get(args.profile)
    except ProfileError as e:
        say(f"Profile: {_why_unknown(args.profile, e)} (see `medido profiles`)", err=True)
        return EXIT_USAGE
    try:
        return asyncio.run(_run(args, uri, profile))
    except KeyboardInterrupt:
        return 130


def _why_unknown(profile_id: str, error: ProfileError) -> str:
    """A user file for this id that failed to load says why; otherwise the lookup's message."""
    broken = [e for e in default_library().errors if e.file == f"{profile_id}.toml"]
    return broken[0].message if broken else error.message


def _csv_log(file: Path | None, profile: MeterProfile, decimal: str) -> ReadingCsvLog | None:
    if file is None:
        return None
    columns = [CsvColumn(sensor, unit_of(sensor)) for sensor in profile.sensor_names]
    zone = tzlocal.get_localzone()
    headers = (f"Local time ({zone})", "UTC")
    fmt = CsvFormat.for_decimal_mark(decimal)
    return ReadingCsvLog.to_file(file, columns, fmt, zone=zone, time_headers=headers)


async def _run(args: argparse.Namespace, uri: MeterURI, profile: MeterProfile) -> int:
    options: dict[str, Any] = {"retries": args.retries, "traffic": command_traffic()}
    if args.timeout is not None:
        options["timeout_s"] = args.timeout
    meter = MeterSession(uri, profile, include_auxiliary=True, **options)
    if args.plan:
        plan = meter.reader.plan
        say(json.dumps(plan_to_dict(plan)) if args.json else describe_plan(plan))
        return EXIT_OK
    failed = False

    def show(reading: MeterReading) -> None:
        nonlocal failed
        if args.json:
            say(json.dumps(reading.to_dict()), flush=True)
        else:
            say(reading_table(reading, profile, meter.description), flush=True)
        if reading.error is not None:
            say(f"error: {reading.error.message}", err=True)
            failed = True
        elif reading.available == 0 and reading.values:
            say(
                f"error: unit {meter.unit} answered, but not with any register of {profile.id} — "
                "check the profile and the unit id.",
                err=True,
            )
            failed = True

    try:
        await meter.connect()
    except LinkError as e:
        say(f"Cannot connect: {e.message}", err=True)
        return EXIT_FAILED
    meter.readings.subscribe(show)
    log = _csv_log(args.csv, profile, args.decimal)
    if log is not None:
        log.attach(meter.readings)
    try:
        await meter.poll_loop(args.interval, count=args.count or None)
    finally:
        if log is not None:
            log.close()
            if log.problem is not None:
                say(f"error: the CSV could not be written: {log.problem}", err=True)
                failed = True
        await meter.close()
    return EXIT_FAILED if failed else EXIT_OK
