"""The token lifecycle against the emulator: single-flight refresh, keyring first, local expiry."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import httpx
import keyring
import pytest
from keyring.backends import fail

from app.core.api import (
    SERVICE,
    ApiState,
    ApiStatus,
    NotLoggedIn,
    TokenExpired,
    TokenRejected,
    parse_token,
)
from app.core.traffic import Direction, TrafficEntry, TrafficLog
from app.emulator.server import EmulatorServer
from app.emulator.world import default_world
from tests.conftest import MemoryKeyring
from tests.core.api.conftest import Admin, ClientMaker, tampered, unsigned
from tests.core.api.seed import SEED_REFRESH_PASTE
from tests.fixtures.emulator import EmulatorFactory

STRICT = replace(default_world(), strict_refresh_rotation=True)


class FakeClock:
    """The laptop's clock, set by the test."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


async def test_twenty_requests_meeting_a_401_share_one_refresh(
    emulator_factory: EmulatorFactory, make_client: ClientMaker
) -> None:
    emu = emulator_factory(STRICT)  # a second refresh with a spent token would revoke all
    admin = Admin(emu)
    client = make_client(emu.base_url)
    await client.login(emu.issue_refresh_token("2"))
    await admin.reset()
    await admin.revoke_access_tokens()
    devices = await asyncio.gather(*(client.device(29) for _ in range(20)))
    assert {d.id for d in devices} == {29}
    stats = await admin.stats()
    assert stats["refresh_attempts"] == 1
    assert stats["refreshes"] == 1
    assert stats["requests"]["GET /api/v1/devices/{id}"] == 40  # 20 refused, 20 retried
    assert client.status.state is ApiState.READY


async def test_newest_refresh_token_is_in_the_keyring_before_the_retry(
    emulator_factory: EmulatorFactory, make_client: ClientMaker, memory_keyring: MemoryKeyring
) -> None:
    emu = emulator_factory(STRICT)
    traffic = TrafficLog()
    client = make_client(emu.base_url, traffic=traffic)
    await client.login(emu.issue_refresh_token("2"))
    key = (SERVICE, f"{emu.base_url}#1/2")
    after_login = memory_keyring.secrets[key]
    await Admin(emu).revoke_access_tokens()
    in_keyring_when_sent: list[str | None] = []

    def watch(entry: TrafficEntry) -> None:
        if entry.direction is Direction.OUT and entry.summary == "GET /devices/29":
            in_keyring_when_sent.append(memory_keyring.secrets.get(key))

    traffic.added.subscribe(watch)
    await client.device(29)
    first_try, retry = in_keyring_when_sent
    assert first_try == after_login
    assert retry != after_login
    assert retry == memory_keyring.secrets[key]
    assert parse_token(retry).issued_at is not None
    # The saved one is the live one: under strict rotation only the newest works.
    other = make_client(emu.base_url)
    await other.resume("1", "2")
    assert (await other.device(29)).id == 29


async def test_access_token_is_renewed_ahead_of_expiry(
    emulator_factory: EmulatorFactory, make_client: ClientMaker
) -> None:
    emu = emulator_factory(replace(default_world(), access_token_lifetime_s=60))
    clock = FakeClock()
    traffic = TrafficLog()
    client = make_client(emu.base_url, clock=clock, traffic=traffic)
    await client.login(emu.issue_refresh_token("2"))
    clock.now += timedelta(seconds=50)  # 10 s left: more than min(5 min, 6 s)
    await client.device(29)
    assert (await Admin(emu).stats())["refreshes"] == 1
    clock.now += timedelta(seconds=5)  # 5 s left: renew before sending
    await client.device(29)
    assert (await Admin(emu).stats())["refreshes"] == 2
    answers = [e.summary for e in traffic.entries() if e.direction is Direction.IN]
    assert not any("→ 401" in summary for summary in answers)


async def test_a_laptop_clock_hours_ahead_does_not_refresh_in_a_loop(
    emulator: EmulatorServer, make_client: ClientMaker, admin: Admin
) -> None:
    clock = FakeClock(datetime.now(UTC) + timedelta(hours=5))
    client = make_client(emulator.base_url, clock=clock)
    await client.login(emulator.issue_refresh_token("2"))
    for _ in range(3):
        await client.device(29)
    assert (await admin.stats())["refreshes"] == 1


async def test_expired_access_token_and_tampered_refresh_token(
    emulator: EmulatorServer, make_client: ClientMaker, admin: Admin
) -> None:
    """Server-side expired access → 401 → one refresh, refused by the server → token error."""
    clock = FakeClock(datetime.now(UTC) - timedelta(hours=1))  # the laptop thinks it is fresh
    client = make_client(emulator.base_url, clock=clock)
    forged = tampered(emulator.issue_refresh_token("2"), sub="8")
    client.use_tokens(forged, emulator.issue_access_token("2", lifetime_s=0))
    with pytest.raises(TokenRejected, match="refused the refresh token") as caught:
        await client.device(29)
    assert caught.value.status == 401
    stats = await admin.stats()
    assert stats["refresh_attempts"] == 1
    assert stats["refreshes"] == 0
    assert stats["requests"]["GET /api/v1/devices/{id}"] == 1
    assert client.status.state is ApiState.ERROR
    assert client.status.needs_new_token
    # The refused refresh token is not sent again.
    with pytest.raises(TokenRejected):
        await client.device(29)
    assert (await admin.stats())["refresh_attempts"] == 1


async def test_tampered_access_token_and_expired_refresh_token(
    emulator: EmulatorServer, make_client: ClientMaker, admin: Admin
) -> None:
    """Forged access → 401; the (seed's) refresh token has expired → refused without a call."""
    clock = FakeClock(datetime(2020, 3, 12, tzinfo=UTC))
    client = make_client(emulator.base_url, clock=clock)
    client.use_tokens(SEED_REFRESH_PASTE, tampered(emulator.issue_access_token("2"), sub="3"))
    clock.now = datetime(2020, 6, 1, tzinfo=UTC)
    with pytest.raises(TokenExpired, match="expired on 2020-05-10") as caught:
        await client.device(29)
    assert "Ask the ChileMedido administrator for a new one" in str(caught.value)
    stats = await admin.stats()
    assert stats["refresh_attempts"] == 0
    assert stats["requests"]["GET /api/v1/devices/{id}"] == 1
    assert client.status.state is ApiState.TOKEN_EXPIRED


async def test_unsigned_access_token_and_spent_refresh_token(
    emulator_factory: EmulatorFactory, make_client: ClientMaker
) -> None:
    """`alg: none` → 401; the refresh token was already used (strict rotation) → refused."""
    emu = emulator_factory(STRICT)
    admin = Admin(emu)
    first = emu.issue_refresh_token("2")
    await make_client(emu.base_url).login(first)  # spends `first`
    client = make_client(emu.base_url)
    client.use_tokens(first, unsigned(emu.issue_access_token("2")))
    with pytest.raises(TokenRejected):
        await client.device(29)
    stats = await admin.stats()
    assert stats["refresh_attempts"] == 2
    assert stats["refreshes"] == 1


async def test_a_second_401_is_a_token_error_after_one_refresh(
    emulator: EmulatorServer, make_client: ClientMaker, admin: Admin
) -> None:
    client = make_client(emulator.base_url)
    await client.login(emulator.issue_refresh_token("2"))
    await admin.revoke_access_tokens()

    refreshing: list[ApiState] = []

    def revoke_again(status: ApiStatus) -> None:  # the fresh token dies before the retry
        if status.state is ApiState.REFRESHING:
            refreshing.append(status.state)
        elif status.state is ApiState.READY and refreshing:
            httpx.post(f"{emulator.root_url}/_emulator/revoke-access-tokens", trust_env=False)

    client.state_changed.subscribe(revoke_again)
    with pytest.raises(TokenRejected, match="even after"):
        await client.device(29)
    stats = await admin.stats()
    assert stats["refreshes"] == 2  # the login and the one refresh
    assert stats["requests"]["GET /api/v1/devices/{id}"] == 2


async def test_an_expired_refresh_token_is_refused_without_calling_the_server(
    emulator: EmulatorServer, make_client: ClientMaker, admin: Admin
) -> None:
    client = make_client(emulator.base_url)
    with pytest.raises(TokenExpired, match="expired on 2020-05-10"):
        await client.login(SEED_REFRESH_PASTE)
    assert client.status.state is ApiState.TOKEN_EXPIRED
    assert client.status.error_code == "token_expired"
    assert (await admin.stats())["requests"] == {}


async def test_not_logged_in(emulator: EmulatorServer, make_client: ClientMaker) -> None:
    client = make_client(emulator.base_url)
    with pytest.raises(NotLoggedIn):
        await client.device(29)
    with pytest.raises(NotLoggedIn, match="No token is remembered for gateway 2"):
        await client.resume("1", "2")
    assert client.status.state is ApiState.LOGGED_OUT


async def test_without_a_credential_store_the_session_still_works(
    emulator: EmulatorServer, make_client: ClientMaker
) -> None:
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    client = make_client(emulator.base_url)
    await client.login(emulator.issue_refresh_token("2"))
    assert (await client.device(29)).id == 29
    notice = client.status.credential_notice
    assert notice is not None
    assert notice.code == "credentials_unavailable"
    assert client.status.state is ApiState.READY


async def test_closing_mid_login_still_keeps_the_new_refresh_token(
    emulator_factory: EmulatorFactory, make_client: ClientMaker, memory_keyring: MemoryKeyring
) -> None:
    slow = {"POST /auth/token/refresh": 300}
    emu = emulator_factory(replace(STRICT, endpoint_latency_ms=slow))
    first = emu.issue_refresh_token("2")
    client = make_client(emu.base_url)
    login = asyncio.create_task(client.login(first))
    await asyncio.sleep(0.1)  # the request is at the server, which spends `first`
    login.cancel()  # the window is being closed
    await client.aclose()
    assert login.cancelled()
    saved = memory_keyring.secrets[(SERVICE, f"{emu.base_url}#1/2")]
    assert saved != first
    later = make_client(emu.base_url)
    await later.resume("1", "2")
    assert (await Admin(emu).stats())["refreshes"] == 2


async def test_logout_can_forget_the_token(
    emulator: EmulatorServer, make_client: ClientMaker, memory_keyring: MemoryKeyring
) -> None:
    client = make_client(emulator.base_url)
    await client.login(emulator.issue_refresh_token("2"))
    assert client.credentials is not None
    assert [a.gateway for a in client.credentials.known()] == ["2"]
    await client.logout(forget=True)
    assert memory_keyring.secrets == {}
    assert client.status.state is ApiState.LOGGED_OUT
    with pytest.raises(NotLoggedIn):
        await client.device(29)


async def test_the_keyring_is_used_off_the_loop(
    emulator: EmulatorServer,
    make_client: ClientMaker,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A locked keyring may wait for its unlock dialog: that must not stall the core's loop."""
    await make_client(emulator.base_url).login(emulator.issue_refresh_token("2"))
    threads: list[int] = []
    for name in ("get_password", "set_password", "delete_password"):
        method = getattr(memory_keyring, name)

        def recorded(*args: str, method: Callable[..., str | None] = method) -> str | None:
            threads.append(threading.get_ident())
            return method(*args)

        monkeypatch.setattr(memory_keyring, name, recorded)
    client = make_client(emulator.base_url)
    await client.resume("1", "2")
    await client.logout(forget=True)
    assert len(threads) == 3  # load, save the rotated token, delete
    assert threading.get_ident() not in threads
