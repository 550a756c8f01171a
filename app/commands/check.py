"""`medido check`: the commissioning check without a window, with the app's core and errors.

    medido check --demo --json
    medido check --api https://host/api/v1 --token-file token.txt --device 29 \
        --meter tcp://10.0.0.5?unit=1 --profile eastron-sdm630 --upload --report ./informes

Exit code: 0 no step failed; 1 a step failed (or the check could not start); 2 bad arguments.
`--demo` starts the API emulator and a simulated meter in this process, as `medido --demo` does.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.commands.arguments import whole
from app.commands.check_output import print_result, show_progress
from app.commands.meter_output import quiet_pymodbus
from app.commands.terminal import say
from app.core.account.token_file import TokenFileError, read_token_file
from app.core.api import ChileMedidoClient, Environment, InvalidEnvironment
from app.core.check.checklist import Checklist
from app.core.check.context import CheckContext, MeterUnderCheck
from app.core.check.report import CheckReport, facts_for, write_report
from app.core.logs import command_traffic
from app.core.meter.meter_uri import MeterURIError, parse_meter_uri
from app.core.meter.profile import MeterProfile
from app.core.meter.profile_loader import ProfileError, default_library
from app.core.meter.session import MeterSession
from app.core.support.last_check import remember_check
from app.core.upload.history import UploadHistory
from app.core.upload.outbox import Outbox

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEMO_PROFILE, DEMO_DEVICE, DEMO_GATEWAY = "eastron-sdm630", "29", "2"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="run the commissioning check (API, token, meter, wiring, clocks, upload)",
        description="Run the commissioning check and print each step's verdict; optionally "
        "upload a test measurement and write the report (HTML, PDF, JSON).",
    )
    parser.add_argument(
        "--demo", action="store_true", help="against the built-in emulator and a simulated meter"
    )
    parser.add_argument(
        "--from-bundle",
        type=Path,
        metavar="FILE",
        help="against a diagnostics bundle's site, reproduced here (see docs/bundle.md)",
    )
    parser.add_argument("--api", metavar="URL", help="ChileMedido's API address (…/api/v1)")
    parser.add_argument(
        "--token-file", type=Path, metavar="FILE", help="a refresh token, as pasted"
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--device", metavar="NUMBER", help="the meter's number on ChileMedido")
    which.add_argument("--device-id", type=whole(0, 2**63 - 1), metavar="N", help="or its id")
    parser.add_argument("--meter", metavar="URI", help="where the meter is (see `medido read`)")
    parser.add_argument(
        "--profile", metavar="ID", help="the meter's profile (see `medido profiles`)"
    )
    parser.add_argument("--upload", action="store_true", help="send one test measurement")
    parser.add_argument("--report", type=Path, metavar="DIR", help="write the report into DIR")
    parser.add_argument("--site", default="", metavar="TEXT", help="site name, for the report")
    parser.add_argument("--installer", default="", metavar="TEXT", help="installer, for the report")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=run)


@dataclass
class Plan:
    api: Environment
    token: str = field(repr=False)  # a secret: never printed
    device: str | None
    device_id: int | None
    profile: MeterProfile | None
    meter: str | None
    demo: bool


def run(args: argparse.Namespace) -> int:
    quiet_pymodbus()
    if args.demo:
        return asyncio.run(_demo(args))
    if args.from_bundle is not None:
        from app.commands.check_bundle import check_bundle

        return check_bundle(args)
    problem = _missing(args)
    if problem:
        say(f"medido check: {problem}", err=True)
        return EXIT_USAGE
    try:
        entries = read_token_file(args.token_file)
        profile = default_library().get(args.profile) if args.profile else None
        if args.meter:
            parse_meter_uri(args.meter)
        environment = Environment.custom(args.api)
    except (TokenFileError, ProfileError, MeterURIError, InvalidEnvironment) as error:
        say(f"medido check: {getattr(error, 'message', str(error))}", err=True)
        return EXIT_USAGE
    plan = Plan(
        environment, entries[0].text, args.device, args.device_id, profile, args.meter, False
    )
    return asyncio.run(_check(args, plan))


def _missing(args: argparse.Namespace) -> str | None:
    if not args.api or args.token_file is None:
        return "give --api URL and --token-file FILE (or --demo)"
    if args.device is None and args.device_id is None:
        return "give --device NUMBER or --device-id N"
    if bool(args.meter) != bool(args.profile):
        return "give --meter URI and --profile ID together"
    return None


async def _demo(args: argparse.Namespace) -> int:
    from app.emulator.server import EmulatorServer  # only for the demo
    from app.simulator import MeterSimulator, SimulatedMeter

    profile = default_library().get(DEMO_PROFILE)
    emulator = EmulatorServer().start()
    simulator = MeterSimulator({1: SimulatedMeter(profile)})
    try:
        port = await simulator.start_tcp("127.0.0.1", 0)
        plan = Plan(
            Environment.emulator(emulator.base_url),
            emulator.issue_refresh_token(DEMO_GATEWAY),
            args.device or (None if args.device_id is not None else DEMO_DEVICE),
            args.device_id,
            profile,
            f"tcp://127.0.0.1:{port}?unit=1",
            True,
        )
        return await _check(args, plan)
    finally:
        await simulator.stop()
        emulator.stop()


@contextlib.asynccontextmanager
async def _parts(plan: Plan) -> AsyncIterator[tuple[ChileMedidoClient, MeterSession | None]]:
    traffic = command_traffic()  # to traffic.jsonl, as the app's traffic dock would show it
    client = ChileMedidoClient(plan.api, remember_tokens=not plan.demo, traffic=traffic)
    session = None
    if plan.meter and plan.profile:
        uri = parse_meter_uri(plan.meter)
        session = MeterSession(uri, plan.profile, include_auxiliary=True, traffic=traffic)
    try:
        yield client, session
    finally:
        if session is not None:
            await session.close()
        await client.aclose()


async def _check(args: argparse.Namespace, plan: Plan) -> int:
    async with _parts(plan) as (client, session):
        meter = MeterUnderCheck(plan.device, plan.device_id, session)
        ctx = CheckContext(
            client,
            [meter],
            log_in=lambda c: c.login(plan.token),
            upload=args.upload,
            history=None if plan.demo else UploadHistory(),
            outbox=None if plan.demo else Outbox(),
        )
        checklist = Checklist(ctx)
        if not args.json:
            checklist.progress.subscribe(show_progress)
        run = await checklist.run()
        remember_check(ctx, run, site=args.site, installer=args.installer)  # `medido bundle`
        notice = client.status.credential_notice
        if notice is not None:
            say(f"note: {notice.message}", err=True)
        files: list[str] = []
        if args.report is not None:
            report = CheckReport(facts_for(ctx, args.site, args.installer), run)
            try:
                files = [str(p) for p in write_report(report, args.report)]
            except OSError as error:
                say(f"medido check: the report could not be written ({error.strerror}).", err=True)
                return EXIT_FAILED
        print_result(run, json_output=args.json, files=files)
        return EXIT_OK if run.passed else EXIT_FAILED
