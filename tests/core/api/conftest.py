"""Clients wired to the emulator over loopback HTTP, and the emulator's admin endpoints."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from app.core.api import ChileMedidoClient, Environment, RetryPolicy, Timeouts
from app.core.traffic import TrafficLog
from app.emulator.server import EmulatorServer

# Retries as in production, minus the waiting.
FAST_RETRY = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05)
QUICK_TIMEOUTS = Timeouts(connect=2.0, read=0.5)


class Admin:
    """The emulator's /_emulator endpoints (not part of the real API)."""

    def __init__(self, emulator: EmulatorServer) -> None:
        self.root = emulator.root_url + "/_emulator"

    async def _call(self, method: str, path: str, body: Any = None) -> Any:
        async with httpx.AsyncClient(trust_env=False) as http:
            response = await http.request(method, self.root + path, json=body)
        response.raise_for_status()
        return response.json()

    async def stats(self) -> dict[str, Any]:
        result: dict[str, Any] = await self._call("GET", "/stats")
        return result

    async def requests(self, endpoint: str) -> int:
        """Calls seen for "METHOD /template", e.g. "GET /devices/{id}"."""
        method, path = endpoint.split(" ", 1)
        counted: int = (await self.stats())["requests"].get(f"{method} /api/v1{path}", 0)
        return counted

    async def measurements(self, device_number: str | None = None) -> list[dict[str, Any]]:
        query = f"?deviceNumber={device_number}" if device_number else ""
        rows: list[dict[str, Any]] = await self._call("GET", "/measurements" + query)
        return rows

    async def revoke_access_tokens(self) -> None:
        await self._call("POST", "/revoke-access-tokens")

    async def fail(self, **rule: Any) -> None:
        await self._call("POST", "/failures", rule)

    async def reset(self) -> None:
        await self._call("POST", "/reset")


@pytest.fixture
def admin(emulator: EmulatorServer) -> Admin:
    return Admin(emulator)


ClientMaker = Callable[..., ChileMedidoClient]


@pytest.fixture
async def make_client() -> AsyncIterator[ClientMaker]:
    """Build clients with test-friendly retries and timeouts; all closed at the end."""
    made: list[ChileMedidoClient] = []

    def make(base_url: str, **options: Any) -> ChileMedidoClient:
        options.setdefault("retry", FAST_RETRY)
        options.setdefault("timeouts", QUICK_TIMEOUTS)
        options.setdefault("trust_env", False)  # a developer's proxy settings must not matter
        client = ChileMedidoClient(Environment.emulator(base_url), **options)
        made.append(client)
        return client

    yield make
    for client in made:
        await client.aclose()


@pytest.fixture
async def api(emulator: EmulatorServer, make_client: ClientMaker) -> ChileMedidoClient:
    """A client logged in to the default world as gateway "2" of provider "1"."""
    client = make_client(emulator.base_url, traffic=TrafficLog())
    await client.login(emulator.issue_refresh_token("2"))
    return client


def tampered(token: str, **claims: Any) -> str:
    """The same token with some claims changed and the original signature kept."""
    header, payload, signature = token.split(".")
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data.update(claims)
    encoded = base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    return f"{header}.{encoded}.{signature}"


def unsigned(token: str) -> str:
    """The same claims with `alg: none` and no signature."""
    _, payload, _ = token.split(".")
    header = base64.urlsafe_b64encode(b'{"alg":"none","typ":"JWT"}').rstrip(b"=").decode()
    return f"{header}.{payload}."
