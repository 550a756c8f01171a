"""The outbox's states on a real sqlite file: put, claim, mark, crash recovery, discard, prune."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app.core.api import Measure
from app.core.measurements import MeasurementBatch
from app.core.resources import user_data_dir
from app.core.upload.history import UploadHistory, UploadRecord
from app.core.upload.outbox import Outbox, OutboxError, OutboxState, body_of

URL = "http://127.0.0.1:9/api/v1"
OTHER = "https://api.chilemedido.cl/api/v1"


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def batch(t: int = 1_700_000_000, number: str = "29") -> MeasurementBatch:
    return MeasurementBatch(number, (Measure(t, {"Corriente A": 1.5, "Voltaje A-N": 220.0}),))


async def test_put_claim_and_mark_sent(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "o.sqlite3")
    queued = await outbox.put([batch()], URL, sending=False)
    assert queued.state is OutboxState.PENDING
    assert queued.attempts == 0
    claimed = await outbox.claim_next(URL)
    assert claimed is not None
    assert (claimed.id, claimed.state, claimed.attempts) == (queued.id, "sending", 1)
    assert claimed.batches()[0].to_api() == batch().to_api()  # the body comes back whole
    assert body_of(claimed.batches()) == claimed.body
    assert await outbox.claim_next(URL) is None  # never claimed twice
    await outbox.mark_sent(claimed.id, 201)
    assert await outbox.waiting() == []


async def test_a_failed_row_waits_and_holds_the_rows_behind_it(tmp_path: Path) -> None:
    clock = Clock()
    outbox = Outbox(tmp_path / "o.sqlite3", clock=clock)
    first = await outbox.put([batch(1)], URL)  # being sent now
    second = await outbox.put([batch(2)], URL, sending=False)
    await outbox.mark_failed(first.id, clock.now + 30, None, "offline", "Bearer abc.def.ghi")
    assert await outbox.claim_next(URL) is None  # both wait 30 s: the API is down
    assert await outbox.next_due_at(URL) == clock.now + 30
    clock.now += 31
    again = await outbox.claim_next(URL)
    assert again is not None
    assert (again.id, again.attempts, again.error_code) == (first.id, 2, "offline")
    assert "abc.def.ghi" not in (again.error_message or "")  # redacted on the way in
    await outbox.mark_refused(again.id, 422, "measurement_rejected", "no")
    nxt = await outbox.claim_next(URL)
    assert nxt is not None
    assert nxt.id == second.id  # oldest first; a refused row is never sent again


async def test_make_due_and_rows_of_another_api(tmp_path: Path) -> None:
    clock = Clock()
    outbox = Outbox(tmp_path / "o.sqlite3", clock=clock)
    row = await outbox.put([batch()], URL)
    await outbox.put([batch()], OTHER, sending=False)
    await outbox.mark_failed(row.id, clock.now + 300, 503, "server_error", "busy")
    assert await outbox.make_due(URL) == 1  # "Send now" / the API answers again
    claimed = await outbox.claim_next(URL)
    assert claimed is not None
    assert claimed.id == row.id
    assert await outbox.claim_next(URL) is None  # production's row never goes to the emulator
    assert [e.base_url for e in await outbox.waiting(OTHER)] == [OTHER]
    assert len(await outbox.waiting()) == 2


async def test_rows_in_flight_when_a_process_died_are_pending_again(tmp_path: Path) -> None:
    path = tmp_path / "o.sqlite3"
    dead = Outbox(path)
    await dead.put([batch()], URL)  # "sending" when the process was killed
    assert await dead.claim_next(URL) is None
    reopened = Outbox(path)  # the next start
    [waiting] = await reopened.waiting(URL)
    assert waiting.state is OutboxState.PENDING
    claimed = await reopened.claim_next(URL)
    assert claimed is not None
    assert claimed.attempts == 2  # the killed attempt counts


async def test_the_file_is_wal_and_in_the_data_dir() -> None:
    outbox = Outbox()
    await outbox.put([batch()], URL)
    assert outbox.path.parent == user_data_dir()  # MEDIDO_DATA_DIR in tests
    with closing(sqlite3.connect(outbox.path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_discard_keeps_rows_being_sent(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "o.sqlite3")
    await outbox.put([batch(1)], URL)
    await outbox.put([batch(2)], URL, sending=False)
    await outbox.put([batch(3)], OTHER, sending=False)
    assert await outbox.discard(URL) == 1
    assert len(await outbox.waiting()) == 2
    assert await outbox.discard() == 1


async def test_prune_forgets_old_answered_rows_only(tmp_path: Path) -> None:
    clock = Clock()
    outbox = Outbox(tmp_path / "o.sqlite3", clock=clock)
    old = await outbox.put([batch(1)], URL)
    await outbox.mark_sent(old.id, 201)
    waiting = await outbox.put([batch(2)], URL, sending=False)
    clock.now += 91 * 86_400
    recent = await outbox.put([batch(3)], URL)
    await outbox.mark_sent(recent.id, 201)
    assert await outbox.prune(90) == 1
    assert [e.id for e in await outbox.waiting()] == [waiting.id]  # pending stays, however old
    assert await outbox.prune(90) == 0


async def test_history_prune(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    history = UploadHistory(tmp_path / "h.sqlite3")
    now = datetime(2026, 12, 7, tzinfo=UTC)
    for age in (100, 10):
        await history.add(UploadRecord(now - timedelta(days=age), URL, "29", "[]", 201, True))
    assert await history.prune(90, now=now) == 1
    assert await history.count() == 1


async def test_an_unusable_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "o.sqlite3").write_bytes(b"not a database at all" * 100)
    with pytest.raises(OutboxError) as caught:
        await Outbox(tmp_path / "o.sqlite3").put([batch()], URL)
    assert caught.value.code == "outbox.unusable"


async def test_put_many_writes_all_rows_at_once_or_none(tmp_path: Path) -> None:
    from app.core.api import InvalidMeasurement

    outbox = Outbox(tmp_path / "o.sqlite3")
    entries = await outbox.put_many([[batch(1)], [batch(2)], [batch(3)]], URL)
    assert [e.state for e in entries] == [OutboxState.SENDING] * 3
    assert [e.attempts for e in entries] == [1, 1, 1]
    assert [e.body for e in entries] == [body_of([batch(t)]) for t in (1, 2, 3)]
    assert [e.id for e in await outbox.waiting()] == [e.id for e in entries]
    broken = MeasurementBatch("29", (Measure(4, {"Corriente A": float("nan")}),))
    with pytest.raises(InvalidMeasurement):
        await outbox.put_many([[batch(4)], [broken]], URL)
    assert len(await outbox.waiting()) == 3  # nothing of the refused lot was written


async def test_requeued_rows_wait_behind_the_failed_one(tmp_path: Path) -> None:
    clock = Clock()
    outbox = Outbox(tmp_path / "o.sqlite3", clock=clock)
    first, second, third = await outbox.put_many([[batch(1)], [batch(2)], [batch(3)]], URL)
    await outbox.mark_failed(first.id, clock.now + 30, None, "offline", "no network")
    await outbox.requeue([second.id, third.id], clock.now)  # due now, but not before `first`
    rows = await outbox.waiting()
    assert [(e.state, e.attempts) for e in rows] == [(OutboxState.PENDING, 1)] * 3
    assert {e.next_try_at.timestamp() for e in rows} == {clock.now + 30}
    clock.now += 31
    claimed = [await outbox.claim_next(URL) for _ in range(3)]
    assert [e.id for e in claimed if e is not None] == [first.id, second.id, third.id]


async def test_the_wal_is_not_checkpointed_away_after_every_call(tmp_path: Path) -> None:
    """With a connection per call and none kept, SQLite copied the WAL into the database and
    deleted it at every call's close (each body written twice, a new WAL file each time)."""
    outbox = Outbox(tmp_path / "o.sqlite3")
    entry = await outbox.put([batch()], URL)
    await outbox.mark_sent(entry.id, 201)
    assert (tmp_path / "o.sqlite3-wal").stat().st_size > 0
    with closing(sqlite3.connect(tmp_path / "o.sqlite3")) as other:  # another reader sees it
        assert other.execute("SELECT state FROM outbox").fetchall() == [("sent",)]
