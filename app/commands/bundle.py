"""`medido bundle`: a diagnostics bundle for support, without a window (docs/bundle.md).

    medido check ... --upload        # keeps the site as last seen
    medido bundle --out medido-bundle.zip [--json]

The bundle holds the last check's site, meter registers, profile and report, the app's settings
(no secrets) and the log folder; never a token. Exit code: 0 written; 1 nothing to bundle (no
check has run) or it could not be written; 2 bad arguments.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.commands.api_session import EXIT_OK, Usage, dump, fail
from app.commands.terminal import say
from app.core.support.bundle import BundleError, read_bundle, write_bundle
from app.core.support.collect import collect_bundle, settings_file_values


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "bundle",
        help="save a diagnostics bundle for support (last check, registers, logs; no tokens)",
        description="Save a zip with the app version, the OS, the settings (no secrets), the "
        "logs, and the last commissioning check: its report, the site, the meter's registers "
        "and its profile. No token is ever in it.",
    )
    parser.add_argument("--out", type=Path, required=True, metavar="FILE", help="the zip to write")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    out: Path = args.out
    try:
        if out.is_dir():
            raise Usage(f"--out: {out} is a folder; give a file name, e.g. medido-bundle.zip")
        contents = collect_bundle(settings=settings_file_values())
        write_bundle(out, contents)
        files = read_bundle(out).manifest.get("files", [])
    except (Usage, BundleError) as error:
        return fail("bundle", error, json_output=args.json)
    if args.json:
        dump({"ok": True, "file": str(out), "files": files})
    else:
        say(f"Diagnostics bundle written: {out} ({len(files)} files, no tokens).")
    return EXIT_OK
