"""`medido check --from-bundle FILE`: the check against a diagnostics bundle's site, reproduced.

Like `--demo`, in this process: the API emulator serves the bundle's provider, gateway and device
(with the recorded server clock offset) and a replayed meter answers the captured registers at
the bundle's unit id; the check reads it with the bundle's profile.toml and looks up the bundle's
device number (or --device / --device-id). Values are static (docs/bundle.md, "Reproducing").
"""

from __future__ import annotations

import argparse
import asyncio

from app.commands.check import EXIT_USAGE, Plan, _check
from app.commands.terminal import say
from app.core.api import Environment
from app.core.meter.profile import MeterProfile
from app.core.support.bundle import BundleError, read_bundle
from app.core.support.reproduce import bundle_profile
from app.simulator.replay import ReplayMeter


def check_bundle(args: argparse.Namespace) -> int:
    from app.emulator.server import EmulatorServer  # FastAPI only when asked
    from app.reproduce import device_number, meter_from_bundle, world_from_bundle

    try:
        contents = read_bundle(args.from_bundle)
        world = world_from_bundle(contents)
        unit, meter = meter_from_bundle(contents)
        profile = bundle_profile(contents)
        number = device_number(contents)
    except BundleError as error:
        say(f"medido check: {error.message}", err=True)
        return EXIT_USAGE
    emulator = EmulatorServer(world).start()
    try:
        gateway = world.gateways()[0][1]
        token = emulator.issue_refresh_token(gateway)
        return asyncio.run(
            _run(
                args, Environment.emulator(emulator.base_url), token, {unit: meter}, profile, number
            )
        )
    finally:
        emulator.stop()


async def _run(
    args: argparse.Namespace,
    api: Environment,
    token: str,
    meters: dict[int, ReplayMeter],
    profile: MeterProfile,
    number: str,
) -> int:
    from app.simulator import MeterSimulator

    simulator = MeterSimulator(meters)
    try:
        port = await simulator.start_tcp("127.0.0.1", 0)
        (unit,) = meters
        plan = Plan(
            api,
            token,
            args.device or (None if args.device_id is not None else number),
            args.device_id,
            profile,
            f"tcp://127.0.0.1:{port}?unit={unit}",
            True,
        )
        return await _check(args, plan)
    finally:
        await simulator.stop()
