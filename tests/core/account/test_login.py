"""Opening a session as the app does: a fresh client per attempt, closed unless it logged in."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.account.login import ClientOptions, log_out, open_client, remembered_accounts
from app.core.api import (
    Account,
    CaFileError,
    ChileMedidoClient,
    Environment,
    RetryPolicy,
    TlsOptions,
    TokenExpired,
)
from app.emulator.server import EmulatorServer
from tests.core.api.seed import SEED_REFRESH_PASTE


def _options(emulator: EmulatorServer) -> ClientOptions:
    return ClientOptions(Environment.emulator(emulator.base_url), retry=RetryPolicy(attempts=1))


async def test_a_login_gives_a_ready_client_and_remembers_the_gateway(
    emulator: EmulatorServer,
) -> None:
    token = emulator.issue_refresh_token("2")
    client = await open_client(_options(emulator), lambda c: c.login(token))
    try:
        assert client.status.state == "ready"
        assert (await client.device_by_number("29")).id == 29
        assert remembered_accounts(emulator.base_url) == [Account(emulator.base_url, "1", "2")]
        assert remembered_accounts("https://in.chilemedido.cl/api/v1") == []
        await log_out(client, forget=False)
        assert client.status.state == "logged_out"
        assert remembered_accounts(emulator.base_url) != []
        resumed = await open_client(_options(emulator), lambda c: c.resume("1", "2"))
        await log_out(resumed, forget=True)
        assert remembered_accounts(emulator.base_url) == []
        await resumed.aclose()
    finally:
        await client.aclose()


async def test_a_failed_login_closes_its_client_without_calling_the_server(
    emulator: EmulatorServer,
) -> None:
    made: list[ChileMedidoClient] = []

    async def expired(client: ChileMedidoClient) -> None:
        made.append(client)
        await client.login(SEED_REFRESH_PASTE)

    with pytest.raises(TokenExpired):
        await open_client(_options(emulator), expired)
    assert made[0]._http.is_closed  # the httpx client: what "closed" means here
    assert emulator.state.stats.refresh_attempts == 0


async def test_a_cancelled_login_closes_its_client(emulator: EmulatorServer) -> None:
    made: list[ChileMedidoClient] = []

    async def forever(client: ChileMedidoClient) -> None:
        made.append(client)
        await asyncio.Event().wait()

    task = asyncio.create_task(open_client(_options(emulator), forever))
    await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert made[0]._http.is_closed


async def test_a_bad_ca_file_fails_before_anything_is_sent(
    emulator: EmulatorServer, tmp_path: Path
) -> None:
    options = replace(_options(emulator), tls=TlsOptions(ca_file=tmp_path / "missing.pem"))
    with pytest.raises(CaFileError):
        await open_client(options, lambda c: c.login(emulator.issue_refresh_token("2")))
    assert emulator.state.stats.refresh_attempts == 0
