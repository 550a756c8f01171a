"""`medido token inspect`: what a refresh or access token says about itself, offline.
(`medido token export`, the newest refresh token to a file, is in token_export.py.)

Shows the claims (who the token is for, when it expires) in UTC and in local time. It never
prints the token, and prefers stdin or a hidden prompt to the command line, where a token
would end up in the shell's history. Exit code: 0 valid, 1 expired, 2 not a token.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.commands.terminal import say
from app.commands.token_export import add_export
from app.core.api import InvalidToken, TokenInfo, parse_token
from app.core.clock.chile_time import laptop_zone

EXIT_VALID, EXIT_EXPIRED, EXIT_NOT_A_TOKEN = 0, 1, 2
_PROMPT = "Paste the token (it stays hidden) and press Enter: "
_PASTE_GAP_S = 0.3  # more pasted lines arrive faster than this
_MAX_INPUT = 1 << 20  # no token is near a megabyte; stop reading a wrong file there
# What ZoneInfo raises for a name that is no zone: not found, "../x" or a NUL (ValueError), a
# folder such as "America" or a name too long for a file (OSError).
_NO_ZONE = (ZoneInfoNotFoundError, ValueError, OSError)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "token", help="inspect ChileMedido tokens (offline); export the newest refresh token"
    )
    actions = parser.add_subparsers(dest="token_command", metavar="ACTION")
    inspect = actions.add_parser(
        "inspect",
        help="show who a token is for and when it expires (never prints the token)",
        description="Read a token's claims without contacting ChileMedido. Spaces, line breaks "
        "and quotes from copying out of a PDF or e-mail are ignored. Exit code: 0 valid, "
        "1 expired, 2 not a token.",
    )
    inspect.add_argument(
        "token",
        nargs="?",
        metavar="TOKEN|-",
        help="the token, or - to read it from stdin; omit it to paste at a hidden prompt "
        "(better: a token on the command line stays in the shell's history)",
    )
    inspect.add_argument("--json", action="store_true", help="machine-readable output")
    inspect.add_argument("--tz", metavar="ZONE", help="local time zone (default: the laptop's)")
    inspect.set_defaults(func=run_inspect)
    add_export(actions)
    parser.set_defaults(func=lambda _args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_NOT_A_TOKEN


def run_inspect(args: argparse.Namespace) -> int:
    try:
        zone = _zone(args.tz)
    except _NO_ZONE:
        say(f"Unknown time zone {args.tz[:60]!r} (e.g. America/Santiago).", err=True)
        return EXIT_NOT_A_TOKEN
    text = _read_token(args.token)
    try:
        info = parse_token(text)
    except InvalidToken as error:
        if args.json:
            failure = {
                "code": error.code,
                "reason": error.params.get("reason"),
                "message": str(error),
            }
            say(json.dumps({"valid": False, "status": "not_a_token", "error": failure}))
        else:
            say(str(error), err=True)
        return EXIT_NOT_A_TOKEN
    now = datetime.now(UTC)
    report = describe(info, now, zone)
    # The claims are the token's own text, written by whoever made it: escape what a terminal obeys.
    say(json.dumps(report, ensure_ascii=False, indent=2) if args.json else render(report))
    return EXIT_EXPIRED if info.expired(now) else EXIT_VALID


def _zone(name: str | None) -> tzinfo:
    if name:
        return ZoneInfo(name)
    laptop = laptop_zone().name
    try:
        return ZoneInfo(laptop) if laptop else _system_zone()
    except _NO_ZONE:
        return _system_zone()


def _system_zone() -> tzinfo:
    return datetime.now().astimezone().tzinfo or UTC


def describe(info: TokenInfo, now: datetime, zone: tzinfo) -> dict[str, Any]:
    """Everything `inspect` reports, as plain JSON-ready values."""
    days_left = info.remaining(now).total_seconds() / 86_400
    expired = info.expired(now)
    expires = f"{info.expires_at:%Y-%m-%d}"
    if expired:
        ago = int(-days_left)
        message = (
            f"Expired on {expires} ({ago} day{'s' if ago != 1 else ''} ago). "
            "Ask the ChileMedido administrator for a new one."
        )
    else:
        left = int(days_left)
        message = f"Valid until {expires} ({left} day{'s' if left != 1 else ''} left)."
    lifetime = info.lifetime
    return {
        "valid": not expired,
        "status": "expired" if expired else "valid",
        "message": message,
        "kind": info.kind.value,
        "jti": info.jti,
        "provider": info.audience,
        "gateway": info.subject,
        "issuer": info.issuer,
        "algorithm": info.algorithm,
        "issued_at": _utc(info.issued_at),
        "expires_at": _utc(info.expires_at),
        "issued_at_local": _local(info.issued_at, zone),
        "expires_at_local": _local(info.expires_at, zone),
        "time_zone": str(zone),
        "lifetime_s": None if lifetime is None else int(lifetime.total_seconds()),
        "days_left": round(days_left, 2),
    }


def _utc(moment: datetime | None) -> str | None:
    return None if moment is None else moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _local(moment: datetime | None, zone: tzinfo) -> str | None:
    return None if moment is None else moment.astimezone(zone).isoformat()


def render(report: dict[str, Any]) -> str:
    def when(key: str) -> str:
        utc, local = report[key], report[f"{key}_local"]
        if utc is None:
            return "unknown"
        stamp = datetime.fromisoformat(local)
        return f"{utc.replace('T', ' ').rstrip('Z')} UTC   ({stamp:%Y-%m-%d %H:%M:%S %z} local)"

    lifetime = report["lifetime_s"]
    span = "" if lifetime is None else f", lifetime {_span(lifetime)}"
    rows = [
        ("Token id (jti)", report["jti"]),
        ("Provider (aud)", report["provider"]),
        ("Gateway (sub)", report["gateway"]),
        ("Issuer (iss)", report["issuer"]),
        ("Issued", when("issued_at")),
        ("Expires", when("expires_at")),
        ("Local time zone", report["time_zone"]),
        ("Status", report["message"]),
    ]
    lines = [f"{report['kind'].capitalize()} token{span} (signature not checked offline)"]
    lines += [f"  {label + ':':<17} {value if value is not None else '-'}" for label, value in rows]
    return "\n".join(lines)


def _span(seconds: int) -> str:
    if seconds % 86_400 == 0:
        return f"{seconds // 86_400} days"
    if seconds % 3600 == 0:
        return f"{seconds // 3600} h"
    return f"{seconds} s"


def _read_token(argument: str | None) -> str:
    if argument is not None and argument != "-":
        return argument
    if argument == "-" or not sys.stdin.isatty():
        # Bytes, decoded leniently: a file that is not UTF-8 is "not a token", not a crash.
        raw = getattr(sys.stdin, "buffer", None)  # None: a text stream put there by a test
        return (
            sys.stdin.read(_MAX_INPUT)
            if raw is None
            else raw.read(_MAX_INPUT).decode(errors="replace")
        )
    return _prompt_hidden()


def _prompt_hidden() -> str:
    """Read a pasted token without echo.

    A token copied from a PDF spans several lines, with blank ones in between. getpass reads a
    single line and, on POSIX, throws away the rest of the paste (which the shell would then run
    as commands), so lines are read here until the paste is over and the text is a token.
    """
    try:
        if sys.platform == "win32":
            import msvcrt

            print(_PROMPT, end="", file=sys.stderr, flush=True)
            return collect_paste(lambda: getpass.getpass(""), msvcrt.kbhit)
        return _collect_posix()
    finally:
        print(file=sys.stderr)


def _collect_posix() -> str:
    import select
    import termios

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    hidden = termios.tcgetattr(fd)
    hidden[3] &= ~termios.ECHO

    def read_line() -> str | None:
        data = os.read(fd, 65_536)  # canonical mode: one line per read
        return data.decode(errors="replace") if data else None

    def pending() -> bool:
        return bool(select.select([fd], [], [], _PASTE_GAP_S)[0])

    termios.tcsetattr(fd, termios.TCSADRAIN, hidden)  # DRAIN, not FLUSH: keep typed-ahead input
    print(_PROMPT, end="", file=sys.stderr, flush=True)  # only now: what follows is hidden
    try:
        return collect_paste(read_line, pending)
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def collect_paste(read_line: Callable[[], str | None], pending: Callable[[], bool]) -> str:
    """Lines until the paste has landed and reads as a token, or an empty line, or EOF."""
    lines: list[str] = []
    while (line := read_line()) is not None:
        lines.append(line)
        text = "\n".join(lines)
        if pending() or not text.strip():
            continue  # more of the paste is coming, or nothing typed yet
        if not line.strip() or _is_token(text):
            return text
    return "\n".join(lines)


def _is_token(text: str) -> bool:
    try:
        parse_token(text)
    except InvalidToken:
        return False
    return True
