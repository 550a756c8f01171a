"""`medido meter-sim`: serve simulated meters over Modbus until Ctrl-C.

Support staff use it to reproduce a provider's problem (a scenario file sets wiring faults, clock
offsets, flaky replies); developers point `medido read` or the app at it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
from pathlib import Path
from typing import Any

from app.commands.arguments import number, parse_host_port, whole
from app.commands.meter_output import quiet_pymodbus
from app.commands.terminal import say
from app.core.api import is_loopback_host

SCENARIOS_DIR = Path(__file__).resolve().parents[1] / "simulator" / "scenarios"
DEFAULT_TCP = "127.0.0.1:5020"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "meter-sim",
        help="simulate meters on Modbus TCP, RTU or RTU over TCP",
        description=(
            "Serve one or more simulated meters (a three-phase 220/380 V load, with faults on "
            f"demand) using a meter profile's registers. Example scenarios: {SCENARIOS_DIR}"
        ),
    )
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--profile", help="profile id (see `medido profiles`) or a profile file")
    what.add_argument("--scenario", type=Path, help="scenario file (TOML): meters, load, faults")
    what.add_argument(
        "--from-bundle",
        type=Path,
        metavar="FILE",
        help="replay a diagnostics bundle's meter: its captured registers and exceptions, at its "
        "unit id (static values)",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--tcp", metavar="HOST:PORT", help=f"Modbus TCP (default {DEFAULT_TCP})")
    where.add_argument("--rtu-over-tcp", metavar="HOST:PORT", help="RTU frames over TCP")
    where.add_argument("--serial", metavar="PORT", help="Modbus RTU on a serial port")
    parser.add_argument("--baud", type=whole(50, 4_000_000, "baud"), default=9600)
    parser.add_argument("--parity", choices=("N", "E", "O"), default="N")
    parser.add_argument("--stop", type=whole(1, 2), default=1, help="stop bits")
    parser.add_argument(
        "--unit", type=whole(1, 247), default=1, help="unit id with --profile (default 1)"
    )
    parser.add_argument(
        "--seed", type=whole(0, 2**63 - 1), default=1, help="model seed with --profile"
    )
    parser.add_argument(
        "--gateway",
        action="store_true",
        help="over Modbus TCP, answer unknown unit ids with exception 0x0B like a gateway "
        "(default: no answer, like an RS-485 bus)",
    )
    parser.add_argument(
        "--interval",
        type=number(0.1, 86_400, "seconds"),
        default=5.0,
        help="seconds between summaries",
    )
    parser.add_argument("--quiet", action="store_true", help="no live summary")
    parser.set_defaults(func=run)


def _resolve_profile(ref: str, base: Path | None = None) -> Any:
    from app.core.meter.profile_loader import default_library, load_profile_file

    path = Path(ref)
    if base is not None and not path.is_absolute():
        path = base / path
    if ref.endswith(".toml") or path.is_file():
        return load_profile_file(path)
    return default_library().get(ref)


def _build(args: argparse.Namespace) -> Any:
    from app.simulator import MeterSimulator, SimulatedMeter
    from app.simulator.scenario import load_scenario

    if args.from_bundle is not None:
        from app.core.support.bundle import read_bundle
        from app.reproduce import meter_from_bundle

        unit, replay = meter_from_bundle(read_bundle(args.from_bundle))
        return MeterSimulator({unit: replay}, gateway=args.gateway)
    if args.scenario is not None:
        scenario = load_scenario(args.scenario)
        base = args.scenario.resolve().parent
        meters = scenario.build(lambda ref: _resolve_profile(ref, base))
        return MeterSimulator(meters, gateway=args.gateway or scenario.gateway)
    meter = SimulatedMeter(_resolve_profile(args.profile), seed=args.seed)
    return MeterSimulator({args.unit: meter}, gateway=args.gateway)


def run(args: argparse.Namespace) -> int:
    from app.core.meter.profile_errors import ProfileError
    from app.core.support.bundle import BundleError
    from app.simulator import SimulatorError

    quiet_pymodbus()  # its "Failed to start server" would repeat the error printed below
    try:
        sim = _build(args)
        listen = _listener(args)
    except (SimulatorError, ProfileError, ValueError) as exc:
        say(f"error: {exc}", err=True)
        return 2
    except BundleError as exc:
        say(f"error: bundle: {exc.message}", err=True)
        return 2
    try:
        return asyncio.run(_serve(sim, listen, args))
    except SimulatorError as exc:
        say(f"error: {exc}", err=True)
        return 1
    except KeyboardInterrupt:  # Windows: no signal handlers in the loop
        return 0


def _listener(args: argparse.Namespace) -> tuple[str, str | tuple[str, int]]:
    if args.serial:
        return "serial", args.serial
    if args.rtu_over_tcp:
        return "rtu-over-tcp", parse_host_port(args.rtu_over_tcp, None)
    return "tcp", parse_host_port(args.tcp or DEFAULT_TCP, None)


async def _start(sim: Any, listen: tuple[str, str | tuple[str, int]], args: Any) -> None:
    kind, where = listen
    if isinstance(where, str):
        await sim.start_serial(where, baud=args.baud, parity=args.parity, stop_bits=args.stop)
        return
    host, port = where
    if not is_loopback_host(host):
        say(f"WARNING: binding {host}: anyone who can reach it can read the simulated meters.")
    if kind == "tcp":
        await sim.start_tcp(host, port)
    else:
        await sim.start_rtu_over_tcp(host, port)


def _describe(meter: Any) -> str:
    profile = getattr(meter, "profile", None)
    if profile is None:  # a replayed bundle
        return f"{meter.label} (replayed from a bundle: {meter.summary()})"
    return f"{profile.id} ({profile.manufacturer} {profile.model}), seed {meter.seed}"


async def _serve(sim: Any, listen: tuple[str, str | tuple[str, int]], args: Any) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows
            loop.add_signal_handler(signum, stop.set)
    async with sim:
        await _start(sim, listen, args)
        print("Meter simulator")
        for unit, meter in sorted(sim.meters.items()):
            say(f"  unit {unit}: {_describe(meter)}")
        for endpoint in sim.endpoints:
            say(f"  serving {endpoint}")
        print("Press Ctrl-C to stop.", flush=True)
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), args.interval)
            if not args.quiet and not stop.is_set():
                for unit, meter in sorted(sim.meters.items()):
                    say(f"unit {unit}: {meter.summary()}", flush=True)
    print("Meter simulator stopped.", flush=True)
    return 0
