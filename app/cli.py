"""The `medido` command: the desktop app by default, subcommands for headless work.

Each subcommand lives in its own module under `app/commands/` and exposes
`register(subparsers)`, which adds its parser and sets `func` (returning an exit code).
Modules are imported lazily so `medido token inspect` never pays for Qt or FastAPI.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Module names under app.commands, in the order `medido --help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "token",
    "emulator",
    "profiles",
    "read",
    "scan",
    "meter_sim",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="medido",
        description="Commissioning tool for energy meters that report to ChileMedido.",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app wired to the built-in API emulator and a simulated meter",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"app.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from app.commands.gui import run_gui

        return run_gui(demo=args.demo)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
