"""A day of 1-minute data through send_all, against the real emulator over HTTP: 15 requests
exactly, every row written down before the first leaves, and what a failure midway leaves."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import closing
from pathlib import Path

import pytest

from app.core.api import (
    ChileMedidoClient,
    DeviceMeasurements,
    Environment,
    Measure,
    RetryPolicy,
    UploadResult,
)
from app.core.measurements import MeasurementBatch
from app.core.upload.bulk import send_all
from app.core.upload.flusher import Backoff, OutboxFlusher
from app.core.upload.history import UploadHistory
from app.core.upload.outbox import Outbox
from app.emulator.server import EmulatorServer
from app.emulator.world import FailureRule

SENSORS = ("Corriente A", "Corriente B", "Corriente C")
START = int(time.time()) // 86_400 * 86_400 - 86_400  # yesterday, 00:00 UTC
POSTS = "POST /api/v1/measurements"


def day(wrong_at: int | None = None) -> MeasurementBatch:
    """1,440 measures, one a minute; a negative current (impossible) at minute `wrong_at`."""

    def values(minute: int) -> dict[str, float]:
        return {s: -1.0 if minute == wrong_at else 10.0 + i for i, s in enumerate(SENSORS)}

    return MeasurementBatch("29", tuple(Measure(START + 60 * m, values(m)) for m in range(1_440)))


class Troubled:
    """The real client; just before its n-th POST, `trouble` changes the emulator."""

    def __init__(self, api: ChileMedidoClient, n: int, trouble: Callable[[], None]) -> None:
        self.api, self.n, self.trouble, self.posts = api, n, trouble, 0
        self.environment = api.environment

    async def post_measurements(self, batches: Sequence[DeviceMeasurements]) -> UploadResult:
        return await self.api.post_measurements(batches)

    async def post_measurements_json(self, body: str) -> UploadResult:
        self.posts += 1
        if self.posts == self.n:
            self.trouble()
        return await self.api.post_measurements_json(body)


@pytest.fixture
async def api(emulator: EmulatorServer) -> AsyncIterator[ChileMedidoClient]:
    environment = Environment.emulator(emulator.base_url)
    retry = RetryPolicy(attempts=1)  # a 503 is an answer to queue, not to retry at once
    client = ChileMedidoClient(environment, remember_tokens=False, trust_env=False, retry=retry)
    await client.login(emulator.issue_refresh_token())
    yield client
    await client.aclose()


def states(outbox: Outbox) -> list[str]:
    with closing(sqlite3.connect(outbox.path)) as conn:
        return [row[0] for row in conn.execute("SELECT state FROM outbox ORDER BY id")]


async def test_a_day_is_15_requests_written_down_sent_and_recorded(
    api: ChileMedidoClient, emulator: EmulatorServer, tmp_path: Path
) -> None:
    outbox, history = Outbox(tmp_path / "o.sqlite3"), UploadHistory(tmp_path / "h.sqlite3")
    done = await send_all(api, [day()], outbox, history)
    assert done.stored
    assert len(done.requests) == len(done.attempts) == 15
    assert emulator.state.stats.requests(POSTS) == 15
    assert states(outbox) == ["sent"] * 15
    rows = [a.outbox_id or 0 for a in done.attempts]
    assert rows == sorted(rows)  # sent in the order they were written down
    assert await history.count() == 15
    assert len(emulator.state.measurements()) == 1_440 * len(SENSORS)


async def test_one_impossible_value_and_nothing_of_the_day_is_sent(
    api: ChileMedidoClient, emulator: EmulatorServer, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "o.sqlite3")
    done = await send_all(api, [day(wrong_at=1_000)], outbox, None)
    assert not done.sendable
    assert [v.ok for v in done.validations] == [True] * 10 + [False] + [True] * 4
    assert {p.code for p in done.validations[10].errors} == {"measurement.impossible_value"}
    assert done.attempts == ()
    assert emulator.state.stats.requests(POSTS) == 0
    assert await outbox.waiting() == []


async def test_no_answer_midway_leaves_that_request_and_the_rest_queued_in_order(
    api: ChileMedidoClient, emulator: EmulatorServer, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "o.sqlite3")
    down = Troubled(api, 3, lambda: emulator.state.faults.add(_fail(503)))
    done = await send_all(down, [day()], outbox, None, backoff=Backoff(0.05, 0.1))
    assert [a.stored for a in done.attempts] == [True, True, False]
    assert done.attempts[-1].queued
    assert emulator.state.stats.requests(POSTS) == 3
    waiting = await outbox.waiting()
    assert [e.id for e in waiting] == sorted(e.id for e in waiting)
    assert len(waiting) == 13
    assert all(e.next_try_at >= waiting[0].next_try_at for e in waiting)  # none before it
    await asyncio.sleep(0.15)
    assert await OutboxFlusher(api, outbox, None).flush() == 13
    assert states(outbox) == ["sent"] * 15
    assert len(emulator.state.measurements()) == 1_440 * len(SENSORS)


async def test_a_refused_request_does_not_stop_the_others(
    api: ChileMedidoClient, emulator: EmulatorServer, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "o.sqlite3")
    refusing = Troubled(api, 3, lambda: emulator.state.faults.add(_fail(400)))
    done = await send_all(refusing, [day()], outbox, None)
    assert len(done.attempts) == 15
    assert [a.stored for a in done.attempts].count(False) == 1
    assert not done.attempts[2].queued
    assert emulator.state.stats.requests(POSTS) == 15
    assert states(outbox) == ["sent"] * 2 + ["refused"] + ["sent"] * 12


async def test_cancelled_midway_every_unanswered_row_is_pending(
    api: ChileMedidoClient, emulator: EmulatorServer, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "o.sqlite3")
    latency = emulator.state.faults.endpoint_latency_ms
    slow = Troubled(api, 3, lambda: latency.update({"POST /measurements": 2_000}))
    task = asyncio.create_task(send_all(slow, [day()], outbox, None))
    async with asyncio.timeout(10):
        while emulator.state.stats.requests(POSTS) < 3:
            await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    async with asyncio.timeout(5):
        while "sending" in states(outbox):  # released from tasks of their own
            await asyncio.sleep(0.01)
    assert states(outbox) == ["sent"] * 2 + ["pending"] * 13


async def test_without_an_outbox_each_request_is_a_plain_send(
    api: ChileMedidoClient, emulator: EmulatorServer, tmp_path: Path
) -> None:
    history = UploadHistory(tmp_path / "h.sqlite3")
    done = await send_all(api, [day()], None, history)
    assert done.stored
    assert emulator.state.stats.requests(POSTS) == 15
    assert await history.count() == 15


def _fail(status: int) -> FailureRule:
    return FailureRule("status", "POST /measurements", status=status, times=1)
