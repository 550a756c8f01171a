"""The `medido` command: the desktop app by default, subcommands for headless work.

Each subcommand lives in its own module under `app/commands/` and exposes
`register(subparsers)`, which adds its parser and sets `func` (returning an exit code).
Modules are imported lazily so `medido token inspect` never pays for Qt or FastAPI.

Exit codes: 0 done, 1 failed, 2 bad arguments, 130 stopped with Ctrl-C. Whatever happens, a
person sees one line that says what, never a Python traceback.
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import sys
from collections.abc import Sequence

EXIT_FAILED, EXIT_INTERRUPTED = 1, 130
DEBUG_ENV = "MEDIDO_DEBUG"  # set: an unexpected error shows its traceback (for developers)

# Module names under app.commands, in the order `medido --help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "token",
    "emulator",
    "profiles",
    "read",
    "registers",
    "scan",
    "meter_sim",
    "check",
    "login",
    "device",
    "clock",
    "upload",
    "outbox",
    "bundle",
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
    """Run `medido` with `argv`; always returns the exit code (in-process callers need no
    `SystemExit` handling)."""
    _streams_that_never_fail()
    try:
        code = _run(argv)
        sys.stdout.flush()  # inside the try: a closed pipe shows up here at the latest
    except BrokenPipeError:
        # The reader went away (`medido profiles show X | head -1`): stop quietly. Python flushes
        # stdout again at exit, so point it at devnull first (Python docs, "Note on SIGPIPE").
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return EXIT_INTERRUPTED
    except SystemExit as stop:  # argparse's exit (2 for bad arguments, 0 after --help)
        if isinstance(stop.code, str):
            print(stop.code, file=sys.stderr)
        return stop.code if isinstance(stop.code, int) else EXIT_FAILED if stop.code else 0
    except Exception as exc:  # the last net: a bug must still read as one line, not a traceback
        if os.environ.get(DEBUG_ENV):
            raise
        from app.commands.terminal import clean

        print(
            f"medido: unexpected error ({type(exc).__name__}: {clean(exc)[:200]}) — "
            f"this is a bug in Medido; please report it with the command you ran ({DEBUG_ENV}=1 "
            "shows the details).",
            file=sys.stderr,
        )
        return EXIT_FAILED
    return code


def _streams_that_never_fail() -> None:
    """A character the output's encoding lacks ("↳" under Windows' cp1252) must not kill the
    command with an empty file: output redirected under the locale's code page becomes UTF-8;
    an encoding asked for (PYTHONIOENCODING) or a console keeps its own and shows "?" instead."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if stream is None or encoding == "utf8" or not isinstance(stream, io.TextIOWrapper):
            continue
        try:
            redirected = not stream.isatty()
        except ValueError:  # closed
            continue
        if redirected and not os.environ.get("PYTHONIOENCODING"):
            stream.reconfigure(encoding="utf-8")
        else:
            stream.reconfigure(errors="replace")


def _run(argv: Sequence[str] | None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if all(arg == "--demo" for arg in given):
        # The app: none of the subcommands' modules (httpx, jwt, FastAPI…) is needed to parse
        # this, and importing them all would delay the first window by about a second.
        from app.commands.gui import run_gui

        return run_gui(demo=bool(given))
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from app.commands.gui import run_gui

        return run_gui(demo=args.demo)
    from app.core.logs import install_file_logs

    install_file_logs()  # medido.log and traffic.jsonl in the user's log folder
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
