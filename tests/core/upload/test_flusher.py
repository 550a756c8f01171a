"""Sending through the outbox and the flusher, against the real emulator over HTTP: the server
goes away (really: its port closes), the upload waits in the outbox, the server comes back,
the flusher sends it."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from app.core.api import ChileMedidoClient, Environment, Measure, RetryPolicy
from app.core.measurements import MeasurementBatch
from app.core.upload.flusher import Backoff, OutboxFlusher, refused, send_through_outbox
from app.core.upload.history import UploadHistory
from app.core.upload.outbox import Outbox, OutboxState
from app.emulator.server import EmulatorServer
from app.emulator.world import FailureRule

T0 = 1_760_000_000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server() -> Iterator[EmulatorServer]:
    """An emulator on a fixed port, so it can stop (offline) and start again where it was."""
    emu = EmulatorServer(port=free_port()).start()
    yield emu
    emu.stop()


@pytest.fixture
async def api(server: EmulatorServer) -> AsyncIterator[ChileMedidoClient]:
    client = ChileMedidoClient(
        Environment.emulator(server.base_url),
        remember_tokens=False,
        trust_env=False,
        retry=RetryPolicy(attempts=1),
    )
    await client.login(server.issue_refresh_token())
    yield client
    await client.aclose()


def batch(number: str = "29", t: int = T0) -> MeasurementBatch:
    return MeasurementBatch(number, (Measure(t, {"Corriente A": 2.0}),))


async def until(condition, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    async with asyncio.timeout(timeout):
        while not await condition():
            await asyncio.sleep(0.02)


async def test_offline_upload_waits_then_the_flusher_sends_it(
    api: ChileMedidoClient, server: EmulatorServer, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    history = UploadHistory(tmp_path / "uploads.sqlite3")
    server.stop()  # offline: nothing listens on the port
    attempt = await send_through_outbox(api, [batch()], outbox, history)
    assert attempt.error is not None
    assert attempt.error.code.startswith("offline")
    assert attempt.queued
    [row] = await outbox.waiting()
    assert (row.state, row.attempts) == (OutboxState.PENDING, 1)

    flusher = OutboxFlusher(api, outbox, history, backoff=Backoff(first_s=0.05, cap_s=0.2))
    task = asyncio.create_task(flusher.run())
    try:
        await asyncio.sleep(0.3)  # it keeps trying while the server is away
        assert server.state.measurements() == []
        server.start()  # back
        await until(lambda: _empty(outbox))
    finally:
        task.cancel()
    [stored] = server.state.measurements()
    assert (stored.timestamp, stored.sensor_name, stored.value) == (T0, "Corriente A", 2.0)
    records = await history.recent()
    assert records[0].success
    assert (records[-1].error_code or "").startswith("offline")


async def test_the_api_answering_again_sends_at_once_despite_a_long_backoff(
    api: ChileMedidoClient, server: EmulatorServer, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    server.state.faults.add(FailureRule("status", "POST /measurements", status=503))
    attempt = await send_through_outbox(
        api, [batch()], outbox, None, backoff=Backoff(first_s=600, cap_s=600)
    )
    assert attempt.error is not None
    assert attempt.error.code == "server_error"
    assert attempt.queued
    flusher = OutboxFlusher(api, outbox, None, backoff=Backoff(first_s=600, cap_s=600))
    task = asyncio.create_task(flusher.run())
    try:
        await until(_posted(server, 2))  # at start: every pending row is due
        await asyncio.sleep(0.2)
        assert len(await outbox.waiting()) == 1  # failed again: waits 5-10 minutes now
        server.state.faults.clear()
        await api.server_time()  # any answer: the client is READY again → the flusher goes
        await until(lambda: _empty(outbox), timeout=5)
    finally:
        task.cancel()
    assert len(server.state.measurements()) == 1


async def test_a_refused_body_is_not_sent_again(
    api: ChileMedidoClient, server: EmulatorServer, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    attempt = await send_through_outbox(api, [batch("no-such-meter")], outbox, None)
    assert attempt.error is not None
    assert refused(attempt.error)
    assert not attempt.queued
    assert await outbox.waiting() == []
    assert await OutboxFlusher(api, outbox, None).flush() == 0


async def test_a_cancelled_send_is_pending_again(
    api: ChileMedidoClient, server: EmulatorServer, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    server.state.faults.endpoint_latency_ms["POST /measurements"] = 2000
    task = asyncio.create_task(send_through_outbox(api, [batch()], outbox, None))
    await until(_posted(server, 1))
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    async def released() -> bool:
        return [e.state for e in await outbox.waiting()] == [OutboxState.PENDING]

    await until(released)


async def _empty(outbox: Outbox) -> bool:
    return not await outbox.waiting()


def _posted(server: EmulatorServer, n: int):  # type: ignore[no-untyped-def]
    async def check() -> bool:
        return server.state.stats.requests("POST /api/v1/measurements") >= n

    return check


def test_a_proxy_page_or_a_cut_answer_is_never_a_refusal_by_the_platform() -> None:
    from app.core.api import BrokenAnswer, CaptivePortal
    from app.core.upload.flusher import refused

    assert not refused(CaptivePortal("a login page", status=403, host="h"))
    assert not refused(BrokenAnswer("cut", status=400, host="h"))
