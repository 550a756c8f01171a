"""`medido emulator`: run the ChileMedido API emulator on this machine until Ctrl-C.

Prints the base URL and a refresh token for every gateway of the world. Emulator tokens open
nothing real, which is why printing them is acceptable here (and nowhere else in Medido).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.api import is_loopback_host

if TYPE_CHECKING:
    from app.emulator.server import EmulatorServer

SCENARIOS_DIR = Path(__file__).resolve().parents[1] / "emulator" / "scenarios"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "emulator",
        help="run the ChileMedido API emulator locally",
        description=(
            "Serve an emulated ChileMedido input API (base URL .../api/v1) for tests, demos and "
            f"support. Example scenarios: {SCENARIOS_DIR}"
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback)")
    parser.add_argument("--port", type=int, default=8000, help="TCP port; 0 picks a free one")
    parser.add_argument("--scenario", type=Path, help="scenario file (TOML or JSON)")
    parser.add_argument(
        "--tokens-out",
        type=Path,
        metavar="FILE",
        help='write [{"provider", "gateway", "refreshToken"}, ...] as JSON to FILE',
    )
    parser.set_defaults(func=run)


def write_tokens(path: Path, entries: list[dict[str, str]]) -> None:
    """Write the tokens file readable by its owner only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(entries, f, indent=2)
        f.write("\n")


def gateway_tokens(emu: EmulatorServer) -> list[dict[str, str]]:
    """A fresh refresh token for every gateway of the world, in the --tokens-out shape."""
    return [
        {"provider": provider, "gateway": gateway, "refreshToken": emu.issue_refresh_token(gateway)}
        for provider, gateway in emu.world.gateways()
    ]


def run(args: argparse.Namespace) -> int:
    from app.emulator.scenario import ScenarioError  # FastAPI loads only when this command runs
    from app.emulator.server import EmulatorServer

    if not is_loopback_host(args.host):
        print(
            f"WARNING: binding {args.host}, not loopback: anyone who can reach this machine "
            "can use the emulator.",
            file=sys.stderr,
        )
    try:
        emu = EmulatorServer(args.scenario, host=args.host, port=args.port)
        emu.start()
    except ScenarioError as exc:
        print(f"error: scenario: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        print("Choose another port with --port (0 picks a free one).", file=sys.stderr)
        return 1

    entries = gateway_tokens(emu)
    print(f"ChileMedido API emulator ({emu.world.name})")
    print(f"  API base URL: {emu.base_url}")
    print(f"  Inspect:      {emu.root_url}/_emulator/measurements  /_emulator/stats")
    print("Refresh tokens (valid for this emulator only):")
    for e in entries:
        print(f"  provider {e['provider']}, gateway {e['gateway']}: {e['refreshToken']}")
    if args.tokens_out is not None:
        write_tokens(args.tokens_out, entries)
        print(f"Tokens written to {args.tokens_out}")
    print("Press Ctrl-C to stop.", flush=True)
    return _serve_until_stopped(emu)


def _serve_until_stopped(emu: EmulatorServer) -> int:
    stop = threading.Event()
    # Handled explicitly: a shell starts background jobs with SIGINT ignored, and
    # `kill -INT` must still stop the emulator cleanly.
    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in handled}
    try:
        # A timed wait keeps Ctrl-C responsive on Windows too.
        while not stop.wait(0.5) and emu.running:
            pass
    except KeyboardInterrupt:
        pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        emu.stop()
    print("Emulator stopped.", flush=True)
    return 0
