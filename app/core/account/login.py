"""Opening a ChileMedido session as the app does it: a fresh client per attempt.

A login may fail (offline, captive portal, refused token) or be cancelled; the client built for
it is then closed, so the caller's current session, if any, is untouched. Only a client that
logged in is handed back. The client is built inside the coroutine, on the loop that will use
it: a bad CA file fails here, before anything is sent.

    client = await open_client(options, lambda c: c.login(pasted))
    client = await open_client(options, lambda c: c.resume(provider, gateway))
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.core.api import (
    Account,
    CredentialStore,
    Environment,
    RetryPolicy,
    Timeouts,
    TlsOptions,
)
from app.core.traffic import TrafficLog

# The client's modules load with the first login, not with the first window that imports this.
if TYPE_CHECKING:
    from app.core.api import ChileMedidoClient

type LogIn = Callable[[ChileMedidoClient], Awaitable[object]]


@dataclass(frozen=True, slots=True)
class ClientOptions:
    environment: Environment
    tls: TlsOptions = field(default_factory=TlsOptions)
    timeouts: Timeouts = field(default_factory=Timeouts)
    remember: bool = True  # keep the newest refresh token in the OS credential store
    traffic: TrafficLog | None = None
    retry: RetryPolicy | None = None


async def open_client(options: ClientOptions, log_in: LogIn) -> ChileMedidoClient:
    """A new client on which `log_in` succeeded; closed again if it failed or was cancelled."""
    from app.core.api import ChileMedidoClient

    client = ChileMedidoClient(
        options.environment,
        tls=options.tls,
        timeouts=options.timeouts,
        retry=options.retry,
        remember_tokens=options.remember,
        traffic=options.traffic,
    )
    try:
        await log_in(client)
    except BaseException:
        await client.aclose()
        raise
    return client


async def log_out(client: ChileMedidoClient, *, forget: bool) -> None:
    """Drop the client's tokens (on its loop); `forget` also removes the remembered one."""
    await client.logout(forget=forget)


def remembered_accounts(base_url: str, store: CredentialStore | None = None) -> list[Account]:
    """The gateways this computer remembers a token for, on this server (blocking: a file)."""
    return [a for a in (store or CredentialStore()).known() if a.base_url == base_url]
