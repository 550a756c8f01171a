"""`medido emulator`: run the ChileMedido API emulator on this machine until Ctrl-C.

Prints the base URL and a refresh token for every gateway of the world. Emulator tokens open
nothing real, which is why printing them is acceptable here (and nowhere else in Medido).
"""

from __future__ import annotations

import argparse
import json
import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.commands.arguments import whole
from app.commands.terminal import clean, say
from app.core.account.private_file import write_private
from app.core.api import is_loopback_host
from app.core.support.bundle import BundleError

if TYPE_CHECKING:
    from app.emulator.server import EmulatorServer
    from app.emulator.world import World

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
    parser.add_argument(
        "--port", type=whole(0, 65535), default=8000, help="TCP port; 0 picks a free one"
    )
    world = parser.add_mutually_exclusive_group()
    world.add_argument("--scenario", type=Path, help="scenario file (TOML or JSON)")
    world.add_argument(
        "--from-bundle",
        type=Path,
        metavar="FILE",
        help="reproduce a diagnostics bundle's site: its provider, gateway and device, and the "
        "server clock offset it recorded (fresh tokens)",
    )
    parser.add_argument(
        "--tokens-out",
        type=Path,
        metavar="FILE",
        help='write [{"provider", "gateway", "refreshToken"}, ...] as JSON to FILE',
    )
    parser.set_defaults(func=run)


def write_tokens(path: Path, entries: list[dict[str, str]]) -> None:
    """Write the tokens file readable by its owner only.

    Written beside it first and then renamed over it, so a failure (a full disk, a folder you
    cannot write) leaves an earlier file whole. Raises OSError.
    """
    write_private(path, json.dumps(entries, indent=2) + "\n")


def _unwritable(path: Path, exc: OSError | ValueError) -> str:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return (
        f"error: cannot write the tokens to {clean(path)} ({reason}); the emulator stopped. "
        "Choose a file in a folder you can write, e.g. --tokens-out ./tokens.json"
    )


def gateway_tokens(emu: EmulatorServer) -> list[dict[str, str]]:
    """A fresh refresh token for every gateway of the world, in the --tokens-out shape."""
    return [
        {"provider": provider, "gateway": gateway, "refreshToken": emu.issue_refresh_token(gateway)}
        for provider, gateway in emu.world.gateways()
    ]


def _bundle_world(path: Path) -> World:
    from app.core.support.bundle import read_bundle
    from app.reproduce import world_from_bundle

    return world_from_bundle(read_bundle(path))


def run(args: argparse.Namespace) -> int:
    from app.emulator.scenario import ScenarioError  # FastAPI loads only when this command runs
    from app.emulator.server import EmulatorServer

    if not is_loopback_host(args.host):
        say(
            f"WARNING: binding {args.host}, not loopback: anyone who can reach this machine "
            "can use the emulator.",
            err=True,
        )
    try:
        world = _bundle_world(args.from_bundle) if args.from_bundle is not None else args.scenario
        emu = EmulatorServer(world, host=args.host, port=args.port)
        emu.start()
    except BundleError as exc:
        say(f"error: bundle: {exc.message}", err=True)
        return 2
    except ScenarioError as exc:
        say(f"error: scenario: {exc}", err=True)
        return 2
    except (OSError, UnicodeError) as exc:  # UnicodeError: a host name IDNA cannot encode
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        say(f"error: cannot listen on {args.host}:{args.port}: {reason}", err=True)
        say("Choose another port with --port (0 picks a free one).", err=True)
        return 1

    entries = gateway_tokens(emu)
    if args.tokens_out is not None:
        try:  # before anything is printed: a failure must not leave a half-started emulator
            write_tokens(args.tokens_out, entries)
        except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
            emu.stop()
            say(_unwritable(args.tokens_out, exc), err=True)
            return 1
    say(f"ChileMedido API emulator ({emu.world.name})")
    say(f"  API base URL: {emu.base_url}")
    say(f"  Inspect:      {emu.root_url}/_emulator/measurements  /_emulator/stats")
    say("Refresh tokens (valid for this emulator only):")
    for e in entries:
        say(f"  provider {e['provider']}, gateway {e['gateway']}: {e['refreshToken']}")
    if args.tokens_out is not None:
        say(f"Tokens written to {args.tokens_out}")
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
