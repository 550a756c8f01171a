"""What the commands that talk to ChileMedido share: `--api`, `--token-file`, `--gateway`, and a
logged-in client, with the app's core (app.core.account.login) and the app's errors.

`--api` defaults to the last server used (app.core.account.last_server). Without `--token-file`
a command resumes the last login: the client logs in with the newest refresh token the OS
credential store keeps for that gateway, and keeps the one it gets back. Where the system has no
credential store nothing is kept between commands, so `--token-file` is given to each.

Exit codes: a bad address, token file or gateway is bad input (2, `Usage`); an API failure,
including "no login remembered" and an expired token, is a failure (1).
"""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.commands.terminal import say
from app.core.account.last_server import LastServer, load_last_server, save_last_server
from app.core.account.login import ClientOptions, open_client, remembered_accounts
from app.core.account.token_file import TokenFileError, read_token_file
from app.core.api import (
    PRODUCTION_URL,
    Account,
    ChileMedidoClient,
    CredentialStore,
    Environment,
    InvalidEnvironment,
    NotLoggedIn,
)
from app.core.logs import command_traffic

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
NO_STORE_CODE = "credentials_unavailable"  # app.core.api CredentialNotice for "no store"
LOGIN_HINT = "log in first: medido login --api URL --token-file FILE"
NO_STORE_HINT = (
    "This system has no credential store, so no login is kept between commands: give "
    "--token-file FILE (the newest refresh token) to each command."
)


class Usage(Exception):
    """Bad input: the command stops with exit code 2 and this one line."""


def add_api_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--api", metavar="URL", help="ChileMedido's API address (default: the last server used)"
    )
    parser.add_argument(
        "--token-file",
        type=Path,
        metavar="FILE",
        help="log in with the refresh token in FILE (default: resume the last login)",
    )
    parser.add_argument(
        "--gateway", metavar="ID", help="whose token, when FILE or this computer holds several"
    )


@dataclass(frozen=True)
class Target:
    """Where to log in and with what: a token from a file, or a remembered account."""

    environment: Environment
    token: str | None = field(default=None, repr=False)  # a secret: never printed
    account: Account | None = None


def environment_for(url: str) -> Environment:
    """Raises Usage for an address that cannot be used (exit 2)."""
    try:
        environment = Environment.custom(url)
    except InvalidEnvironment as error:
        raise Usage(f"--api: {error.message}") from None
    if environment.base_url == PRODUCTION_URL:
        return Environment.production()
    return environment


def target(args: argparse.Namespace, *, default_production: bool = False) -> Target:
    """The server and the login a command will use. Usage for bad input, NotLoggedIn when
    nothing says how to log in."""
    last = load_last_server()
    url = args.api or (last.base_url if last else None)
    if url is None and (args.token_file is not None or default_production):
        url = PRODUCTION_URL
    if url is None:
        raise NotLoggedIn("No server or login is remembered on this computer.")
    environment = environment_for(url)
    if args.token_file is not None:
        return Target(environment, token=_token_from_file(args.token_file, args.gateway))
    return Target(environment, account=_remembered(environment, last, args.gateway))


def _token_from_file(path: Path, gateway: str | None) -> str:
    try:
        entries = read_token_file(path)
    except TokenFileError as error:
        raise Usage(f"--token-file: {error}") from None
    if gateway is None:
        return entries[0].text
    for entry in entries:
        if entry.gateway == gateway:
            return entry.text
    found = ", ".join(sorted({e.gateway or "?" for e in entries}))
    raise Usage(f"--gateway: {path.name} has no token for gateway {gateway} (it has: {found}).")


def _remembered(environment: Environment, last: LastServer | None, gateway: str | None) -> Account:
    base_url = environment.base_url
    mine = last.account if last is not None and last.base_url == base_url else None
    if mine is not None and gateway in (None, mine.gateway):
        return mine
    accounts = [a for a in remembered_accounts(base_url) if gateway in (None, a.gateway)]
    if len(accounts) == 1:
        return accounts[0]
    which = f"gateway {gateway} on " if gateway else ""
    if len(accounts) > 1:
        gateways = ", ".join(a.gateway for a in accounts)
        raise Usage(f"--gateway: {environment.address} has several logins ({gateways}); pick one.")
    raise NotLoggedIn(f"No login is remembered for {which}{environment.address}.")


@contextlib.asynccontextmanager
async def logged_in(target: Target) -> AsyncIterator[ChileMedidoClient]:
    """A client that logged in (ApiError if it could not), remembered as the last server, and
    closed at the end (a refresh under way finishes first: its token is kept)."""
    account, token = target.account, target.token
    options = ClientOptions(target.environment, traffic=command_traffic())  # to traffic.jsonl
    if token is not None:
        client = await open_client(options, lambda c: c.login(token))
    elif account is not None:
        client = await open_client(
            options,
            lambda c: c.resume(account.provider, account.gateway),
        )
    else:  # pragma: no cover - target() always sets one
        raise NotLoggedIn("No token to log in with.")
    try:
        remember(client)
        yield client
    finally:
        await client.aclose()


def remember(client: ChileMedidoClient) -> None:
    """The server (and the login's gateway) for the next command; a problem is only a note."""
    account = client.account
    server = LastServer(
        client.environment.base_url,
        account.provider if account else None,
        account.gateway if account else None,
    )
    try:
        save_last_server(server)
    except OSError as error:
        say(f"note: the last server could not be remembered ({error.strerror}).", err=True)


def has_credential_store() -> bool:
    return CredentialStore().available


def fail(command: str, error: Exception, *, json_output: bool = False) -> int:
    """One line on stderr (and a JSON error on stdout for scripts); the exit code."""
    usage = isinstance(error, Usage)
    message = str(error)
    say(f"medido {command}: {message}", err=True)
    if isinstance(error, NotLoggedIn):
        hint = f"To use ChileMedido, {LOGIN_HINT}." if has_credential_store() else NO_STORE_HINT
        say(hint, err=True)
    if json_output:
        code = "usage" if usage else getattr(error, "code", type(error).__name__)
        say(json.dumps({"ok": False, "error": {"code": code, "message": message}}))
    return EXIT_USAGE if usage else EXIT_FAILED


def credential_note(client: ChileMedidoClient) -> str | None:
    """Why the newest refresh token was not kept, if it was not (with what to do about it)."""
    notice = client.status.credential_notice
    if notice is None:
        return None
    return NO_STORE_HINT if notice.code == NO_STORE_CODE else notice.message


def dump(body: dict[str, Any]) -> None:
    say(json.dumps(body, ensure_ascii=False, indent=2))
