"""Handing the newest refresh token back to the gateway: the file the Connection page saves it to.

Every login answers with a new refresh token, and the platform may refuse the older ones from
then on (strict rotation). An installer who logged in with the gateway's own token must then
give the gateway the newest one. The page asks first (the token is a secret), then fetches it
from the client on the core loop and writes it here, off the GUI thread: the token goes straight
from the client to the file, never through a widget, a log or the settings.

The file holds the token and a newline, nothing else, so it loads back with "Load from file…",
and it is readable by its owner only (0600 where the file system has such permissions). It
replaces an existing file at once (written aside, then renamed), so no half token is left.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.account.private_file import write_private

if TYPE_CHECKING:  # the client's modules load with the first login
    from app.core.api import ChileMedidoClient


def handback_file_name(provider: str | None, gateway: str | None) -> str:
    """E.g. refresh-token-provider-1-gateway-2.txt: which gateway it is for, no token in it."""

    def part(text: str | None) -> str:
        return "".join(c if c.isalnum() or c in "-_" else "_" for c in (text or "unknown"))

    return f"refresh-token-provider-{part(provider)}-gateway-{part(gateway)}.txt"


def write_secret_file(path: Path, secret: str) -> None:
    """`secret` and a newline to `path`, owner-only, whole or not at all."""
    write_private(path, secret + "\n")


async def save_newest_token(client: ChileMedidoClient, path: Path) -> Path | None:
    """Write the client's newest refresh token to `path` (returned); None when it holds none."""
    token = await client.newest_refresh_token()
    if token is None:
        return None
    await asyncio.to_thread(write_secret_file, path, token)
    return path
