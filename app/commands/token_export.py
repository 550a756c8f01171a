"""`medido token export`: write the newest refresh token to a file, to hand it back to the gateway.

Refresh tokens rotate: every login and refresh replaces the gateway's token, and under strict
rotation the one the gateway was given stops working. The newest one is in the OS credential
store (kept there by `medido login` and every later command); this writes it, for the last
login (or `--api`/`--gateway`), to a file only its owner can read. It is an explicit action: the
token is never printed or logged, an existing file is kept unless `--force`, and stderr warns
that the file holds a secret. Exit code: 0 written; 1 nothing remembered or not written.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from app.commands.api_session import (
    EXIT_FAILED,
    EXIT_OK,
    NO_STORE_HINT,
    Usage,
    dump,
    fail,
    has_credential_store,
    target,
)
from app.commands.terminal import say
from app.core.account.private_file import write_private
from app.core.api import ApiError, CredentialStore, InvalidToken, NotLoggedIn, parse_token


def add_export(actions: Any) -> None:
    """`token export` under the `token` command's actions."""
    parser = actions.add_parser(
        "export",
        help="write the newest refresh token to a file, to hand back to the gateway",
        description="Write the newest refresh token this computer keeps for the last login "
        "(from the OS credential store) to FILE, readable by you only. The file holds a "
        "secret: hand it to the gateway, then delete it. The token is never printed.",
    )
    parser.add_argument("--out", required=True, type=Path, metavar="FILE", help="where to write")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.add_argument("--api", metavar="URL", help="the server (default: the last one used)")
    parser.add_argument("--gateway", metavar="ID", help="whose token, if several are kept")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=run_export, token_file=None)


def run_export(args: argparse.Namespace) -> int:
    try:
        account = target(args).account
        if account is None:  # pragma: no cover - without --token-file target() finds one
            raise NotLoggedIn("No login is remembered.")
        store = CredentialStore()
        token = store.load(account) if store.available else None
        if token is None:
            why = "" if store.available else " (this system has no credential store)"
            raise NotLoggedIn(
                f"No refresh token is kept for gateway {account.gateway} of provider "
                f"{account.provider}{why}."
            )
        expires = _expiry(token)
        _write(args.out, token, force=args.force)
    except (Usage, ApiError) as error:
        return fail("token export", error, json_output=args.json)
    except OSError as error:
        say(f"medido token export: {_why(args.out, error)}", err=True)
        return EXIT_FAILED
    say(
        f"WARNING: {args.out} holds a secret, the newest refresh token of gateway "
        f"{account.gateway}: whoever has it can act as this gateway on ChileMedido. Hand it to "
        "the gateway, then delete the file.",
        err=True,
    )
    if not has_credential_store():  # pragma: no cover - then no token was found above
        say(NO_STORE_HINT, err=True)
    body = {
        "ok": True,
        "file": str(args.out),
        "server": account.base_url,
        "provider": account.provider,
        "gateway": account.gateway,
        "expires_at": expires,
    }
    if args.json:
        dump(body)
    else:
        say(f"Wrote the newest refresh token of gateway {account.gateway} to {args.out}.")
    return EXIT_OK


def _expiry(token: str) -> str | None:
    try:
        moment = parse_token(token).expires_at
    except InvalidToken:
        return None
    return None if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def _write(path: Path, token: str, *, force: bool) -> None:
    """The token and a newline, owner-only (0600 where the system has such permissions); written
    whole or not at all. FileExistsError without `force`."""
    if not force:
        # O_EXCL: an existing file, or a link planted there, is never written through.
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(token + "\n")
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return
    write_private(path, token + "\n")


def _why(path: Path, error: OSError) -> str:
    if isinstance(error, FileExistsError):
        return f"{path} exists; nothing was written (--force replaces it)."
    return f"{path} could not be written ({error.strerror or type(error).__name__})."
