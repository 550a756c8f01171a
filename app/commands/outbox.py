"""`medido outbox`: what waits to be sent to ChileMedido, sending it now, or discarding it.

    medido outbox [list] [--json]            # every waiting upload, for every server
    medido outbox send [--api URL] [--token-file FILE]
    medido outbox discard --yes [--api URL | --all]

Uploads are written to the outbox before they are sent (app/core/upload/outbox.py); one that
could not be sent (offline, timeout, 5xx) waits there and the app re-sends it by itself. Exit
code: 0 nothing waits (list: the list was read); 1 some still wait, or a failure; 2 bad input.
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from app.commands.api_session import (
    EXIT_FAILED,
    EXIT_OK,
    Usage,
    add_api_options,
    dump,
    environment_for,
    fail,
    logged_in,
    target,
)
from app.commands.terminal import say
from app.core.account.last_server import load_last_server
from app.core.api import ApiError
from app.core.upload.flusher import OutboxFlusher
from app.core.upload.history import UploadHistory, safe_url
from app.core.upload.outbox import Outbox, OutboxEntry, OutboxError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "outbox", help="uploads waiting to be sent: list, send now, discard"
    )
    parser.add_argument("action", nargs="?", choices=("list", "send", "discard"), default="list")
    add_api_options(parser)
    parser.add_argument("--all", action="store_true", help="discard: for every server")
    parser.add_argument("--yes", action="store_true", help="discard: yes, drop them for good")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        if args.action == "list":
            return asyncio.run(_list(args))
        if args.action == "discard":
            return asyncio.run(_discard(args))
        return asyncio.run(_send(args))
    except (Usage, ApiError, OutboxError) as error:
        return fail("outbox", error, json_output=args.json)


def _row(entry: OutboxEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "created_at": entry.created_at.isoformat(),
        "server": safe_url(entry.base_url),
        "device": entry.device_number,
        "measures": entry.measures,
        "attempts": entry.attempts,
        "next_try_at": entry.next_try_at.isoformat(),
        "last_error": entry.error_message,
    }


async def _list(args: argparse.Namespace) -> int:
    waiting = await Outbox().waiting(None)
    if args.json:
        dump({"ok": True, "waiting": [_row(e) for e in waiting]})
        return EXIT_OK
    if not waiting:
        say("Nothing waits to be sent.")
    for entry in waiting:
        local = entry.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        line = f"#{entry.id}  {local}  meter {entry.device_number}  {entry.measures} measure(s)"
        say(f"{line}  to {safe_url(entry.base_url)}  ({entry.attempts} attempt(s))")
        if entry.error_message:
            say(f"      ↳ last problem: {entry.error_message}")
    return EXIT_OK


def _server(args: argparse.Namespace) -> str | None:
    """The server whose rows are meant: --api, else the last server used (None: --all)."""
    if args.all:
        return None
    url = args.api or (last.base_url if (last := load_last_server()) else None)
    if url is None:
        raise Usage("give --api URL (or --all): no server is remembered")
    return environment_for(url).base_url


async def _discard(args: argparse.Namespace) -> int:
    if not args.yes:
        raise Usage("discard drops uploads ChileMedido has not stored, for good: add --yes")
    server = _server(args)
    dropped = await Outbox().discard(server)
    if args.json:
        dump({"ok": True, "discarded": dropped})
    else:
        where = f" for {safe_url(server)}" if server else ""
        say(f"Discarded {dropped} waiting upload(s){where}.")
    return EXIT_OK


async def _send(args: argparse.Namespace) -> int:
    outbox = Outbox()
    async with logged_in(target(args)) as client:
        flusher = OutboxFlusher(client, outbox, UploadHistory())
        stored = refused = 0

        def count(attempt: Any) -> None:
            nonlocal stored, refused
            stored += attempt.stored
            refused += attempt.error is not None and not attempt.queued

        flusher.delivered.subscribe(count)
        await outbox.make_due(flusher.base_url)
        await flusher.flush()
        left = await outbox.waiting(flusher.base_url)
    if args.json:
        dump({"ok": not left, "stored": stored, "refused": refused, "waiting": len(left)})
    else:
        say(f"Sent {stored} upload(s); {refused} refused by ChileMedido; {len(left)} still wait.")
        if left and left[0].error_message:
            say(f"Last problem: {left[0].error_message}", err=True)
    return EXIT_OK if not left else EXIT_FAILED
