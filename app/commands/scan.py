"""`medido scan`: find meters on a serial port or behind a TCP gateway, and guess their profiles.

    medido scan --serial /dev/ttyUSB0                    (all bauds, parities, unit ids 1-247)
    medido scan --serial COM3 --bauds 9600,19200 --parities N,E --units 1-10
    medido scan --tcp 192.168.1.60:502 --units 1-32
    medido scan --list-ports

Exit code: 0 someone answered (or ports listed); 1 nobody answered or the scan was stopped;
2 bad arguments.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import asdict
from typing import Any

from app.commands.arguments import number, parse_host_port, whole
from app.commands.meter_output import quiet_pymodbus, responder_lines
from app.commands.terminal import say
from app.core.meter.detect import (
    DEFAULT_BAUDS,
    DEFAULT_PARITIES,
    MeterScanner,
    Responder,
    ScanProgress,
    ScanResult,
)
from app.core.meter.links import list_serial_ports
from app.core.meter.profile import Parity
from app.core.meter.profile_loader import default_library

EXIT_FOUND, EXIT_NONE, EXIT_USAGE = 0, 1, 2
MAX_BAUD = 4_000_000  # the fastest USB serial adapters


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "scan",
        help="find meters on a serial port or TCP gateway",
        description="Probe unit ids (and, on a serial port, baud rates and parities), then guess "
        "each responder's profile and word order from its voltages and frequency.",
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--serial", metavar="PORT", help="serial port, e.g. /dev/ttyUSB0 or COM3")
    where.add_argument("--tcp", metavar="HOST:PORT", help="Modbus TCP meter or gateway")
    where.add_argument("--rtu-over-tcp", metavar="HOST:PORT", help="transparent RTU gateway")
    where.add_argument("--list-ports", action="store_true", help="list serial ports and exit")
    parser.add_argument("--units", default="1-247", help="unit ids, e.g. 1-247 or 1,2,10-20")
    parser.add_argument("--bauds", default=",".join(map(str, DEFAULT_BAUDS)))
    parser.add_argument("--parities", default=",".join(p.value for p in DEFAULT_PARITIES))
    parser.add_argument("--stop-bits", type=whole(1, 2, "stop bits"), default=1)
    parser.add_argument(
        "--timeout", type=number(0.01, 10, "seconds"), default=0.15, metavar="S", help="per probe"
    )
    parser.add_argument("--no-identify", action="store_true", help="only list who answers")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def parse_units(text: str) -> list[int]:
    units: set[int] = set()
    for chunk in text.replace(" ", "").split(","):
        low, _, high = chunk.partition("-")
        if not _digits(low) or (high and not _digits(high)):
            raise ValueError(f"{chunk[:40]!r} is not a unit id or a range like 1-247")
        first, last = int(low), int(high or low)
        if not 1 <= first <= last <= 247:
            raise ValueError(f"{chunk[:40]!r}: unit ids go from 1 to 247, low to high")
        units.update(range(first, last + 1))
    return sorted(units)


def parse_bauds(text: str) -> list[int]:
    bauds = []
    for chunk in text.replace(" ", "").split(","):
        if not _digits(chunk) or not 50 <= int(chunk) <= MAX_BAUD:
            raise ValueError(f"{chunk[:40]!r} is not a baud rate from 50 to {MAX_BAUD}")
        bauds.append(int(chunk))
    return bauds


def _digits(text: str) -> bool:
    # ASCII and short: str.isdigit() is also true for "²" and "١", and a 5,000-digit number is
    # more than int() will read.
    return text.isascii() and text.isdigit() and len(text) <= 9


def run(args: argparse.Namespace) -> int:
    quiet_pymodbus()
    if args.list_ports:
        return _list_ports(args.json)
    try:
        units = parse_units(args.units)
        bauds = parse_bauds(args.bauds)
        parities = _parities(args.parities)
        target = parse_host_port(args.tcp or args.rtu_over_tcp) if not args.serial else None
    except ValueError as e:
        say(f"error: {e}", err=True)
        return EXIT_USAGE
    scanner = MeterScanner(
        default_library().all(), timeout_s=args.timeout, identify=not args.no_identify
    )
    if not args.json and sys.stderr.isatty():
        scanner.progress.subscribe(_show_progress)

    async def scan() -> ScanResult:
        if target is None:
            return await scanner.scan_serial(
                args.serial, bauds=bauds, parities=parities, units=units, stop_bits=args.stop_bits
            )
        return await scanner.scan_tcp(*target, units=units, rtu=bool(args.rtu_over_tcp))

    try:
        result = asyncio.run(scan())
    except KeyboardInterrupt:
        print("\nScan stopped.", file=sys.stderr)
        return EXIT_NONE
    _print_result(result, args.json)
    return EXIT_FOUND if result.responders else EXIT_NONE


def _parities(text: str) -> list[Parity]:
    chunks = [p.strip().upper() for p in text.split(",")]
    bad = [p for p in chunks if p not in {"N", "E", "O"}]
    if bad:
        raise ValueError(f"{bad[0][:40]!r} is not a parity; use N, E or O, e.g. N,E")
    return [Parity(p) for p in chunks]


def _show_progress(p: ScanProgress) -> None:
    doing = "identifying" if p.stage == "identifying" else "probing"
    line = f"{p.fraction:5.1%}  {doing} unit {p.unit:>3} at {p.settings}  found {len(p.found)}   "
    print("\r", end="", file=sys.stderr)  # ours: rewrite the progress line in place
    say(line, err=True, end="", flush=True)


def _responder_dict(r: Responder) -> dict[str, Any]:
    return {
        "unit": r.unit,
        "settings": r.settings,
        "answer": r.answer,
        "baud": r.baud,
        "parity": r.parity.value if r.parity else None,
        "stop_bits": r.stop_bits,
        "profile": r.best.profile_id if r.best else None,
        "word_order_mismatch": bool(r.best and r.best.word_order_mismatch),
        "guesses": [
            {**asdict(g), "word_order": g.word_order.value if g.word_order else None}
            for g in r.guesses
        ],
    }


def _print_result(result: ScanResult, as_json: bool) -> None:
    if as_json:
        say(
            json.dumps(
                {
                    "responders": [_responder_dict(r) for r in result.responders],
                    "probes": result.probes,
                    "elapsed_s": round(result.elapsed_s, 3),
                    "cancelled": result.cancelled,
                    "errors": [{"code": e.code, "message": e.message} for e in result.errors],
                }
            )
        )
        return
    if sys.stderr.isatty():
        print(file=sys.stderr)  # end the progress line
    for e in result.errors:
        say(f"warning: {e.message}", err=True)
    if not result.responders:
        print(f"No meter answered ({result.probes} probes, {result.elapsed_s:.1f} s).")
        return
    for r in result.responders:
        say("\n".join(responder_lines(r)))
    print(f"{len(result.responders)} found ({result.probes} probes, {result.elapsed_s:.1f} s).")


def _list_ports(as_json: bool) -> int:
    ports = list_serial_ports()
    if as_json:
        say(json.dumps([{**asdict(p), "vid_pid": p.vid_pid} for p in ports]))
        return EXIT_FOUND
    if not ports:
        print("No serial ports found. Plug in the USB adapter (and install its driver).")
    for p in ports:
        usb = f"  USB {p.vid_pid}" if p.vid_pid else ""
        say(f"{p.device:<16} {p.description}{usb}")  # names from the adapter's USB descriptors
    return EXIT_FOUND
