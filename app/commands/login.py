"""`medido login`: log in to ChileMedido with a gateway's refresh token, for the next commands.

    medido login --api https://in.chilemedido.cl/api/v1 --token-file token.txt
    medido login --token-file tokens.json --gateway 8 --json

As in the app, the login spends the pasted refresh token and the server hands back a new one,
which is kept in the OS credential store (and replaced at every later refresh); the server and
the gateway are remembered (no token) so `medido device`, `clock` and `upload` go on from here.
`medido token export` hands the newest refresh token back. Without `--api` the last server used
is taken, or production. Exit code: 0 logged in, 1 refused or unreachable, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import datetime
from typing import Any

from app.commands.api_session import (
    EXIT_OK,
    Target,
    Usage,
    add_api_options,
    credential_note,
    dump,
    fail,
    logged_in,
    target,
)
from app.commands.terminal import say
from app.core.api import ApiError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "login",
        help="log in with a refresh token; later commands use this login",
        description="Log in to ChileMedido with a gateway's refresh token (from a file: the "
        "administrator's text or the emulator's --tokens-out). The newest refresh token is kept "
        "in the OS credential store; the server and gateway are remembered for the next commands.",
    )
    add_api_options(parser)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.token_file is None:
        missing = Usage("give --token-file FILE (the gateway's refresh token)")
        return fail("login", missing, json_output=args.json)
    try:
        chosen = target(args, default_production=True)
    except (Usage, ApiError) as error:
        return fail("login", error, json_output=args.json)
    try:
        return asyncio.run(_login(args, chosen))
    except ApiError as error:
        return fail("login", error, json_output=args.json)


async def _login(args: argparse.Namespace, chosen: Target) -> int:
    async with logged_in(chosen) as client:
        status = client.status
        note = credential_note(client)
        body = {
            "ok": True,
            "server": client.environment.base_url,
            "provider": status.provider,
            "gateway": status.gateway,
            "access_expires_at": _iso(status.access_expires_at),
            "refresh_expires_at": _iso(status.refresh_expires_at),
            "token_kept": note is None,
        }
    if args.json:
        dump(body | ({"note": note} if note else {}))
    else:
        say(
            f"Logged in to {chosen.environment.address} as gateway {body['gateway']} of provider "
            f"{body['provider']}; the refresh token is valid until {body['refresh_expires_at']}."
        )
        if note is None:
            say(
                "The newest refresh token is kept in this computer's credential store: "
                "`medido device`, `clock` and `upload` use this login; `medido token export` "
                "hands the token back."
            )
    if note is not None:
        say(f"note: {note}", err=True)
    return EXIT_OK


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S UTC")
