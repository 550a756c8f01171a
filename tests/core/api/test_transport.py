"""Network trouble, produced for real: injected by the emulator, or a port nobody listens on."""

from __future__ import annotations

import socket

import pytest

from app.core.api import (
    ApiState,
    ApiTimeout,
    CaptivePortal,
    ChileMedidoClient,
    ConnectionRefused,
    DeviceMeasurements,
    Measure,
    RetryPolicy,
    ServerError,
    Timeouts,
)
from app.core.traffic import Direction, TrafficLog
from app.emulator.server import EmulatorServer
from tests.core.api.conftest import Admin, ClientMaker


async def test_captive_portal_page_is_named_as_such(api: ChileMedidoClient, admin: Admin) -> None:
    await admin.fail(endpoint="*", kind="html", times=1)
    with pytest.raises(CaptivePortal) as caught:
        await api.device(29)
    error = caught.value
    assert error.code == "captive_portal"
    assert "Open a web browser, log in to the network" in str(error)
    assert error.server_message == "Bienvenido a WiFi Obra"
    assert api.status.state is ApiState.OFFLINE
    assert api.status.error_code == "captive_portal"
    assert (await api.device(29)).id == 29  # logged in to the Wi-Fi: back to normal
    after = api.status
    assert after.state is ApiState.READY


async def test_captive_portal_at_login_does_not_spend_the_token(
    emulator: EmulatorServer, make_client: ClientMaker, admin: Admin
) -> None:
    client = make_client(emulator.base_url)
    token = emulator.issue_refresh_token("2")
    await admin.fail(endpoint="POST /auth/token/refresh", kind="html", times=1)
    with pytest.raises(CaptivePortal):
        await client.login(token)
    await client.login(token)
    assert client.status.state is ApiState.READY


async def test_503_is_retried_then_succeeds(api: ChileMedidoClient, admin: Admin) -> None:
    await admin.reset()
    await admin.fail(endpoint="GET /devices/{id}", kind="status", status=503, times=2)
    assert (await api.device(29)).id == 29
    assert await admin.requests("GET /devices/{id}") == 3


async def test_503_beyond_the_retries_is_a_server_error(
    api: ChileMedidoClient, admin: Admin
) -> None:
    await admin.fail(endpoint="GET /server-time", kind="status", status=503, times=5)
    with pytest.raises(ServerError, match="try again in a few minutes") as caught:
        await api.server_time()
    assert caught.value.status == 503
    assert caught.value.server_message == "Servicio no disponible (falla inyectada)"
    assert api.status.state is ApiState.ERROR


async def test_uploads_are_retried_and_stored_once(api: ChileMedidoClient, admin: Admin) -> None:
    await admin.reset()
    await admin.fail(endpoint="POST /measurements", kind="status", status=502, times=1)
    batch = DeviceMeasurements("29", [Measure(1566226133, {"Corriente A": 3.0})])
    assert (await api.post_measurements([batch])).success
    assert await admin.requests("POST /measurements") == 2
    assert len(await admin.measurements("29")) == 1


async def test_the_login_is_not_repeated_after_it_may_have_reached_the_server(
    emulator: EmulatorServer, make_client: ClientMaker, admin: Admin
) -> None:
    client = make_client(emulator.base_url)
    await admin.fail(endpoint="POST /auth/token/refresh", kind="status", status=503, times=1)
    with pytest.raises(ServerError):
        await client.login(emulator.issue_refresh_token("2"))
    assert await admin.requests("POST /auth/token/refresh") == 1


async def test_a_hanging_server_times_out_and_a_get_is_retried(
    api: ChileMedidoClient, admin: Admin
) -> None:
    await admin.reset()
    await admin.fail(endpoint="GET /server-time", kind="timeout", seconds=1, times=1)
    answer = await api.server_time()  # read timeout 0.5 s, then a second try
    assert answer.uncertainty.total_seconds() < 0.5  # measured on the try that answered
    assert await admin.requests("GET /server-time") == 2


async def test_timeouts_beyond_the_retries(
    emulator: EmulatorServer, make_client: ClientMaker, admin: Admin
) -> None:
    traffic = TrafficLog()
    client = make_client(
        emulator.base_url,
        traffic=traffic,
        retry=RetryPolicy(attempts=2, base_delay=0.01),
        timeouts=Timeouts(connect=2.0, read=0.3),
    )
    await client.login(emulator.issue_refresh_token("2"))
    await admin.fail(endpoint="GET /devices/{id}", kind="timeout", seconds=1, times=2)
    with pytest.raises(ApiTimeout, match="did not answer in time") as caught:
        await client.device(29)
    assert caught.value.code == "offline_timeout"
    assert client.status.state is ApiState.OFFLINE
    notes = [e.summary for e in traffic.entries() if e.direction is Direction.NOTE]
    assert any("trying again" in note for note in notes)


async def test_a_timed_out_login_is_not_repeated(
    emulator: EmulatorServer, make_client: ClientMaker, admin: Admin
) -> None:
    client = make_client(emulator.base_url, timeouts=Timeouts(connect=2.0, read=0.3))
    await admin.fail(endpoint="POST /auth/token/refresh", kind="timeout", seconds=1, times=1)
    with pytest.raises(ApiTimeout):
        await client.login(emulator.issue_refresh_token("2"))
    assert await admin.requests("POST /auth/token/refresh") == 1


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


async def test_connection_refused(emulator: EmulatorServer, make_client: ClientMaker) -> None:
    traffic = TrafficLog()
    client = make_client(f"http://127.0.0.1:{closed_port()}/api/v1", traffic=traffic)
    with pytest.raises(ConnectionRefused) as caught:
        await client.login(emulator.issue_refresh_token("2"))
    error = caught.value
    assert error.code == "offline_refused"
    assert "refused the connection" in str(error)
    assert "connection settings" in str(error)
    assert client.status.state is ApiState.OFFLINE
    # Never connected, so even the login was tried again.
    sent = [e for e in traffic.entries() if e.direction is Direction.OUT]
    assert len(sent) == 3


def test_a_call_deadline_is_never_shorter_than_the_read_timeout() -> None:
    assert Timeouts().deadline() == 30.0
    assert Timeouts().deadline(upload=True) == 120.0
    assert Timeouts(read=300.0).deadline() == 300.0  # set for a slow link: honoured
    assert Timeouts(read=1.0, call=2.0).deadline() == 2.0
